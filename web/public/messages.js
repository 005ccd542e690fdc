// Every Vietnamese string the page shows that is not in index.html: one table, so wording is
// reviewed in one place. API error codes (docs/api.md) map to their text here; the server's
// English `message` is never shown to users.

export const errors = {
  bad_request: 'Yêu cầu không hợp lệ.',
  bad_json: 'Yêu cầu không hợp lệ.',
  invalid_field: 'Giá trị không hợp lệ.',
  unauthenticated: 'Vui lòng đăng nhập.',
  bad_credentials: 'Sai tên đăng nhập hoặc mật khẩu.',
  session_expired: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  csrf_missing: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
  csrf_invalid: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  not_found: 'Không tìm thấy.',
  method_not_allowed: 'Thao tác không được hỗ trợ.',
  conflict: 'Dữ liệu đã thay đổi, vui lòng tải lại.',
  body_too_large: 'Dữ liệu gửi lên quá lớn.',
  unsupported_media_type: 'Định dạng không được hỗ trợ.',
  rate_limited: 'Thử quá nhiều lần, vui lòng chờ rồi thử lại.',
  header_too_large: 'Yêu cầu quá lớn.',
  internal: 'Lỗi máy chủ. Vui lòng thử lại sau.',
  unavailable: 'Máy chủ tạm thời không phục vụ được (chưa có cơ sở dữ liệu?).',
  network: 'Không kết nối được tới máy chủ.',
};

export const text = {
  searching: 'Đang tìm…',
  loading: 'Đang tải…',
  noResults: 'Không có văn bản nào phù hợp.',
  relaxed: 'Không có kết quả cho cả cụm từ; đây là các văn bản chứa mọi từ đã gõ.',
  listCount: (from, to, total) => `Văn bản ${from}–${to} trên tổng số ${total}`,
  searchCount: (from, to, more) => `Kết quả ${from}–${to}${more ? ' (còn nữa)' : ''}`,
  byNumber: 'trùng số hiệu',
  untitled: '(không có tiêu đề)',
  none: '—',
  signedInAs: (name, role) => `${name} (${roles[role] || role})`,
  due: 'Thời hạn',
  units: 'Đơn vị',
  openCited: 'Mở văn bản',
  pending: 'chưa có trong kho',
  ambiguous: 'chưa xác định được',
};

export const roles = {
  admin: 'quản trị',
  office: 'văn phòng',
  unit_officer: 'cán bộ đơn vị',
  reader: 'người đọc',
};

// Labels of the extracted fields, in the order the panel shows them.
export const fields = {
  number: 'Số, ký hiệu',
  type: 'Loại văn bản',
  date: 'Ngày ban hành',
  place: 'Địa danh',
  issuer: 'Cơ quan ban hành',
  title: 'Trích yếu',
  signers: 'Người ký',
};

export const unitRoles = {
  lead: 'chủ trì',
  coordinate: 'phối hợp',
  execute: 'thực hiện',
  report: 'báo cáo',
};
