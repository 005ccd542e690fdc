// Every Vietnamese string the page shows that is not in index.html: one table, so wording is
// reviewed in one place. API error codes (docs/api.md) map to their text here; the server's
// English `message` is never shown to users. Status and role words follow src/track/labels.cc,
// so the page, the exports and the compiled report say the same thing.

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
  not_a_document: 'Tệp này không phải là văn bản đọc được (rỗng hoặc không đúng định dạng).',
  invalid_state: 'Thao tác không còn phù hợp với trạng thái hiện tại; vui lòng tải lại trang.',
  invalid_edit: 'Nội dung sửa không hợp lệ (không thay đổi gì, để trống nội dung hoặc bỏ hết đơn vị).',
  invalid_merge: 'Không gộp được: chỉ gộp các nhiệm vụ chờ rà soát của cùng một văn bản.',
  missing_reason: 'Vui lòng nhập lý do.',
  missing_unit: 'Nhiệm vụ chưa có đơn vị thực hiện xác định; hãy sửa đơn vị trước khi xác nhận.',
  task_not_confirmed: 'Nhiệm vụ chưa được xác nhận nên chưa nhận báo cáo.',
  unit_not_assigned: 'Đơn vị này không được giao nhiệm vụ này.',
  invalid_report: 'Báo cáo không hợp lệ (tỷ lệ 0–100, có nội dung, kỳ báo cáo hợp lệ; nhiệm vụ định kỳ cần chọn kỳ hạn).',
  rate_limited: 'Thử quá nhiều lần, vui lòng chờ rồi thử lại.',
  header_too_large: 'Yêu cầu quá lớn.',
  internal: 'Lỗi máy chủ. Vui lòng thử lại sau.',
  unavailable: 'Máy chủ tạm thời không phục vụ được (chưa có cơ sở dữ liệu?).',
  network: 'Không kết nối được tới máy chủ.',
};

// Names of the fields the server may name in an invalid_field error.
export const fieldNames = {
  reason: 'lý do',
  text: 'nội dung',
  percent: 'tỷ lệ hoàn thành',
  period: 'kỳ báo cáo',
  unit_id: 'đơn vị',
  due: 'thời hạn',
  action: 'nội dung nhiệm vụ',
  into: 'nhiệm vụ gộp vào',
  due_from: 'hạn từ ngày',
  due_to: 'hạn đến ngày',
};

export const text = {
  appTitle: 'dondoc',
  searching: 'Đang tìm…',
  loading: 'Đang tải…',
  saving: 'Đang lưu…',
  saved: 'Đã lưu.',
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
  docGraph: 'Sơ đồ liên kết văn bản',
  prevPage: '‹ Trang trước',
  nextPage: 'Trang sau ›',
  cancel: 'Huỷ',
  save: 'Lưu',
  send: 'Gửi',
  filter: 'Lọc',
  clear: 'Xoá bộ lọc',
  all: 'Tất cả',
  view: 'Xem',
  fieldError: (field) => ` (${fieldNames[field] || field})`,
};

export const nav = {
  label: 'Chức năng',
  dashboard: 'Tổng quan',
  board: 'Nhiệm vụ',
  review: 'Rà soát',
  units: 'Đơn vị',
  myUnit: 'Đơn vị của tôi',
  calendar: 'Lịch hạn',
  documents: 'Văn bản',
  upload: 'Tải lên',
  audit: 'Nhật ký',
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
  execute: 'thực hiện',
  coordinate: 'phối hợp',
  requested: 'đề nghị',
  report: 'báo cáo',
};

// Task status (track/status.h Name → labels.cc Label), in the order charts and filters show.
export const statuses = {
  overdue: 'Quá hạn, chưa báo cáo',
  not_done_in_time: 'Không hoàn thành đúng hạn',
  in_progress: 'Đang thực hiện (trong hạn)',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  no_deadline: 'Không có thời hạn',
};

export const taskStates = {
  proposed: 'Chờ rà soát',
  confirmed: 'Đã xác nhận',
  dropped: 'Đã loại bỏ',
  merged: 'Đã gộp',
};

export const reportStates = {
  submitted: 'Chờ xác nhận',
  confirmed: 'Đã xác nhận',
  returned: 'Bị trả lại',
};

export const dashboard = {
  title: 'Tổng quan',
  asOf: (d) => `Số liệu tính đến ngày ${d}`,
  byStatus: 'Nhiệm vụ theo tình trạng',
  overdueByUnit: 'Nhiệm vụ quá hạn theo đơn vị',
  dueThisMonth: 'Đến hạn trong tháng',
  reportsWaiting: 'Báo cáo chờ xác nhận',
  proposed: 'Nhiệm vụ chờ rà soát',
  noOverdue: 'Không có nhiệm vụ quá hạn.',
  noDue: 'Không có nhiệm vụ đến hạn trong tháng.',
  chartSummary: (title, parts) => `${title}: ${parts.join('; ')}`,
  tasksTotal: (n) => `${n} nhiệm vụ`,
  reminders: 'Nhắc việc',
  noReminders: 'Không có việc cần nhắc.',
  daysLeft: (n) => (n === 0 ? 'đến hạn hôm nay' : `còn ${n} ngày làm việc`),
  overdueSince: (d) => `quá hạn từ ${d}`,
  returnedBecause: (r) => `báo cáo bị trả lại: ${r}`,
  moreReminders: (n) => `và ${n} việc khác`,
  moreInstances: (n) => `và ${n} kỳ sau đó`,
};

export const board = {
  title: 'Bảng nhiệm vụ',
  status: 'Tình trạng',
  unit: 'Đơn vị',
  plan: 'Kế hoạch',
  dueFrom: 'Hạn từ ngày',
  dueTo: 'đến ngày',
  q: 'Nội dung',
  qPlaceholder: 'Tìm trong nội dung nhiệm vụ',
  count: (from, to, total) => `Nhiệm vụ ${from}–${to} trên tổng số ${total}`,
  empty: 'Không có nhiệm vụ nào phù hợp.',
  colPath: 'Mục',
  colAction: 'Nhiệm vụ',
  colUnits: 'Đơn vị',
  colDue: 'Thời hạn',
  colStatus: 'Tình trạng',
  colPlan: 'Văn bản',
  recurring: 'định kỳ',
  nextDue: (d) => `kỳ tới: ${d}`,
};

export const exportsText = {
  title: 'Xuất dữ liệu',
  xlsx: 'Tải Excel (XLSX)',
  csv: 'Tải CSV',
  ics: 'Tải lịch (ICS)',
  reportDocx: 'Báo cáo định kỳ (DOCX)',
  reportXlsx: 'Báo cáo định kỳ (XLSX)',
  icsNeedsScope: 'Chọn một đơn vị hoặc một kế hoạch để tải lịch.',
  reportFrom: 'Kỳ báo cáo từ ngày',
  reportTo: 'đến ngày',
};

export const task = {
  back: '‹ Về bảng nhiệm vụ',
  plan: 'Thuộc văn bản',
  path: 'Mục',
  state: 'Trạng thái',
  status: 'Tình trạng',
  due: 'Thời hạn',
  nextDue: 'Hạn kỳ tới',
  rrule: 'Định kỳ',
  units: 'Đơn vị',
  inText: 'Nhiệm vụ trong văn bản',
  history: 'Lịch sử thay đổi',
  noHistory: 'Chưa có thay đổi nào.',
  reports: 'Báo cáo tiến độ',
  noReports: 'Chưa có báo cáo nào.',
  noDate: 'không có',
  mergedInto: 'Đã gộp vào nhiệm vụ',
  dropReason: 'Lý do loại bỏ',
  by: (who) => `bởi ${who}`,
};

export const historyKinds = {
  create: 'Tạo từ văn bản',
  created: 'Tạo từ văn bản',
  propose: 'Đề xuất',
  confirm: 'Xác nhận',
  edit: 'Sửa',
  merge: 'Gộp',
  drop: 'Loại bỏ',
  report: 'Báo cáo',
};

export const report = {
  formTitle: 'Gửi báo cáo tiến độ',
  task: 'Nhiệm vụ',
  chooseTask: '— chọn nhiệm vụ —',
  unit: 'Đơn vị báo cáo',
  periodFrom: 'Kỳ báo cáo từ ngày',
  periodTo: 'đến ngày',
  periodLabel: 'Tên kỳ báo cáo',
  periodLabelPlaceholder: 'Ví dụ: 6 tháng đầu năm 2026',
  instance: 'Kỳ hạn (nhiệm vụ định kỳ)',
  text: 'Kết quả thực hiện',
  percent: 'Tỷ lệ hoàn thành (%)',
  submit: 'Gửi báo cáo',
  sent: 'Đã gửi báo cáo.',
  confirm: 'Xác nhận báo cáo',
  confirmed: 'Đã xác nhận báo cáo.',
  return: 'Trả lại',
  returnReason: 'Lý do trả lại',
  returnSubmit: 'Trả lại báo cáo',
  returned: 'Đã trả lại báo cáo.',
  resubmit: 'Gửi lại',
  resubmitTitle: 'Sửa và gửi lại báo cáo',
  resubmitted: 'Đã gửi lại báo cáo.',
  reason: (r) => `Lý do trả lại: ${r}`,
  submittedAt: (d) => `Gửi lúc ${d}`,
  decidedAt: (d, who) => `Xử lý lúc ${d}${who ? ` bởi ${who}` : ''}`,
  percentOf: (p) => `${p}%`,
  needText: 'Vui lòng nhập kết quả thực hiện.',
  needTask: 'Vui lòng chọn nhiệm vụ.',
  needPeriod: 'Vui lòng nhập kỳ báo cáo (từ ngày, đến ngày).',
  needReason: 'Vui lòng nhập lý do.',
  badPercent: 'Tỷ lệ hoàn thành là số từ 0 đến 100.',
  recent: 'Báo cáo của đơn vị',
  noRecent: 'Đơn vị chưa có báo cáo nào.',
};

export const review = {
  title: 'Rà soát nhiệm vụ đề xuất',
  intro: 'Nhiệm vụ do máy trích từ văn bản: xác nhận, sửa, gộp hoặc loại bỏ trước khi theo dõi.',
  plans: 'Văn bản có nhiệm vụ',
  plan: 'Văn bản',
  counts: (c) => `${c.proposed || 0} chờ rà soát · ${c.confirmed || 0} đã xác nhận`,
  noPlans: 'Chưa có văn bản nào có nhiệm vụ.',
  none: 'Không còn nhiệm vụ nào chờ rà soát trong văn bản này.',
  remaining: (n) => `${n} nhiệm vụ chờ rà soát`,
  confirm: 'Xác nhận',
  confirmAll: 'Xác nhận tất cả',
  confirmedN: (n) => `Đã xác nhận ${n} nhiệm vụ.`,
  notConfirmed: 'Các nhiệm vụ sau chưa xác nhận được, cần sửa trước:',
  edit: 'Sửa',
  merge: 'Gộp vào…',
  mergeInto: 'Gộp vào nhiệm vụ',
  mergeSubmit: 'Gộp',
  drop: 'Loại bỏ',
  dropReason: 'Lý do loại bỏ',
  dropSubmit: 'Loại bỏ nhiệm vụ',
  action: 'Nội dung nhiệm vụ',
  dueDate: 'Thời hạn (ngày)',
  rrule: 'Lặp lại (RRULE, nhiệm vụ định kỳ)',
  dueWritten: (t) => `Văn bản ghi: “${t}”`,
  units: 'Đơn vị thực hiện',
  role: 'Vai trò',
  removeUnit: 'Bỏ',
  addUnit: 'Thêm đơn vị',
  unitToAdd: 'Đơn vị cần thêm',
  chooseUnit: '— chọn đơn vị —',
  note: 'Ghi chú sửa đổi',
  done: (what) => `Đã ${what.toLowerCase()}.`,
  openInText: 'Xem trong văn bản',
};

export const units = {
  title: 'Đơn vị',
  colName: 'Đơn vị',
  colTasks: 'Số nhiệm vụ',
  colOverdue: 'Quá hạn',
  empty: 'Chưa có đơn vị nào được giao nhiệm vụ.',
  tasks: 'Nhiệm vụ của đơn vị',
  scorecard: 'Kết quả thực hiện',
  total: 'Tổng số nhiệm vụ',
  rate: 'Tỷ lệ hoàn thành đúng hạn',
  period: (from, to) => `Năm theo dõi: ${from} – ${to}`,
  back: '‹ Danh sách đơn vị',
};

// Scorecard keys that are not statuses.
export const scoreKeys = {
  total: 'Tổng số nhiệm vụ',
  tasks: 'Tổng số nhiệm vụ',
  done: 'Đã hoàn thành',
  on_time_rate: 'Tỷ lệ đúng hạn',
  done_on_time_rate: 'Tỷ lệ đúng hạn',
  reports: 'Số báo cáo',
  reports_waiting: 'Báo cáo chờ xác nhận',
  reports_returned: 'Báo cáo bị trả lại',
  overdue: statuses.overdue,
};

export const calendar = {
  title: 'Lịch hạn nhiệm vụ',
  month: (m, y) => `Tháng ${m}/${y}`,
  prev: '‹ Tháng trước',
  next: 'Tháng sau ›',
  today: 'Tháng này',
  weekdays: ['Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật'],
  weekdaysShort: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  empty: 'Không có nhiệm vụ đến hạn trong tháng này.',
  dayCount: (n) => `${n} nhiệm vụ`,
  unit: 'Đơn vị',
};

export const graph = {
  title: 'Sơ đồ liên kết',
  above: 'Văn bản mà văn bản này thực hiện, dẫn chiếu',
  below: 'Văn bản thực hiện, dẫn chiếu văn bản này',
  noneAbove: 'Văn bản này không dẫn chiếu văn bản nào.',
  noneBelow: 'Chưa có văn bản nào dẫn chiếu văn bản này.',
  back: '‹ Về văn bản',
  open: 'Xem sơ đồ liên kết',
  tasksOfPlan: 'Theo dõi nhiệm vụ của văn bản',
  notStored: 'chưa có trong kho',
  summary: (up, down) => `Sơ đồ: ${up} văn bản phía trên, ${down} văn bản phía dưới`,
};

export const edgeKinds = {
  implements: 'thực hiện',
  cites: 'dẫn chiếu',
  amends: 'sửa đổi',
  replaces: 'thay thế',
};

export const audit = {
  title: 'Nhật ký thay đổi',
  count: (from, to, total) => `Mục ${from}–${to} trên tổng số ${total}`,
  empty: 'Chưa có thay đổi nào.',
  at: 'Thời điểm',
  actor: 'Người thực hiện',
  action: 'Thao tác',
  target: 'Đối tượng',
  changes: 'Thay đổi',
  actions: {
    'task.propose': 'Đề xuất nhiệm vụ',
    'task.confirm': 'Xác nhận nhiệm vụ',
    'task.edit': 'Sửa nhiệm vụ',
    'task.merge': 'Gộp nhiệm vụ',
    'task.drop': 'Loại bỏ nhiệm vụ',
    'report.submit': 'Gửi báo cáo',
    'report.attach': 'Đính kèm tệp vào báo cáo',
    'report.confirm': 'Xác nhận báo cáo',
    'report.return': 'Trả lại báo cáo',
    'report.resubmit': 'Gửi lại báo cáo',
    'user.add': 'Thêm người dùng',
    login: 'Đăng nhập',
    login_failed: 'Đăng nhập sai mật khẩu',
    logout: 'Đăng xuất',
  },
};

export const upload = {
  title: 'Tải văn bản lên',
  intro: 'Chọn tệp văn bản dạng chữ (TXT). Máy sẽ đọc văn bản, trích các nhiệm vụ và đưa vào danh sách chờ rà soát.',
  formats: 'Tệp DOCX, PDF và ảnh quét chưa đọc được: hãy lưu văn bản thành tệp TXT (UTF-8) trước khi tải lên.',
  file: 'Tệp văn bản',
  submit: 'Tải lên và phân tích',
  sending: 'Đang tải lên và phân tích…',
  tooBig: (mb) => `Tệp quá lớn (tối đa ${mb} MB).`,
  needFile: 'Vui lòng chọn tệp.',
  done: (n) => `Đã lưu văn bản và trích được ${n} nhiệm vụ chờ rà soát.`,
  duplicate: 'Văn bản này đã có trong kho (cùng nội dung); không tạo thêm nhiệm vụ.',
  warnings: 'Lưu ý khi đọc văn bản',
  toReview: 'Rà soát các nhiệm vụ',
  toDocument: 'Xem văn bản',
};
