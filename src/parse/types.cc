// Tested by types_test.cc.
#include "parse/types.h"

#include <algorithm>

namespace dondoc::parse {
namespace {

std::vector<DocType> Build() {
  std::vector<DocType> t = {
      // SPEC(NĐ 30/2020, Phụ lục III): administrative documents.
      {"NQ", "Nghị quyết", "nghi quyet"},
      {"QĐ", "Quyết định", "quyet dinh"},
      {"CT", "Chỉ thị", "chi thi"},
      {"QC", "Quy chế", "quy che"},
      {"QyĐ", "Quy định", "quy dinh"},
      {"TC", "Thông cáo", "thong cao"},
      {"TB", "Thông báo", "thong bao"},
      {"HD", "Hướng dẫn", "huong dan"},
      {"CTr", "Chương trình", "chuong trinh"},
      {"KH", "Kế hoạch", "ke hoach"},
      {"PA", "Phương án", "phuong an"},
      {"ĐA", "Đề án", "de an"},
      {"DA", "Dự án", "du an"},
      {"BC", "Báo cáo", "bao cao"},
      {"BB", "Biên bản", "bien ban"},
      {"TTr", "Tờ trình", "to trinh"},
      {"HĐ", "Hợp đồng", "hop dong"},
      {"", "Công văn", "cong van"},
      {"CĐ", "Công điện", "cong dien"},
      {"BGN", "Bản ghi nhớ", "ban ghi nho"},
      {"BTT", "Bản thỏa thuận", "ban thoa thuan"},
      {"GUQ", "Giấy ủy quyền", "giay uy quyen"},
      {"GM", "Giấy mời", "giay moi"},
      {"GGT", "Giấy giới thiệu", "giay gioi thieu"},
      {"GNP", "Giấy nghỉ phép", "giay nghi phep"},
      {"PG", "Phiếu gửi", "phieu gui"},
      {"PC", "Phiếu chuyển", "phieu chuyen"},
      {"PB", "Phiếu báo", "phieu bao"},
      {"", "Thư công", "thu cong"},
      // SPEC(Luật 80/2015 Điều 4; Luật 64/2025 Điều 4): legal normative documents.
      {"", "Hiến pháp", "hien phap"},
      {"", "Bộ luật", "bo luat"},
      {"", "Luật", "luat"},
      {"PL", "Pháp lệnh", "phap lenh"},
      {"L", "Lệnh", "lenh"},
      {"NĐ", "Nghị định", "nghi dinh"},
      {"TT", "Thông tư", "thong tu"},
      {"TTLT", "Thông tư liên tịch", "thong tu lien tich"},
      {"NQLT", "Nghị quyết liên tịch", "nghi quyet lien tich"},
      {"VBHN", "Văn bản hợp nhất", "van ban hop nhat"},
      // SPEC(QĐ 66-QĐ/TW): Party types not in the lists above.
      {"KL", "Kết luận", "ket luan"},
      {"", "Thông tri", "thong tri"},  // Party code uncertain (domain.md §3.3)
      {"", "Điều lệ", "dieu le"},
      {"", "Chiến lược", "chien luoc"},
      {"", "Quy hoạch", "quy hoach"},
      {"", "Tuyên bố", "tuyen bo"},
      {"", "Lời kêu gọi", "loi keu goi"},
      {"", "Cương lĩnh", "cuong linh"},
  };
  std::stable_sort(t.begin(), t.end(), [](const DocType& a, const DocType& b) {
    return a.folded.size() > b.folded.size();
  });
  return t;
}

struct AbbrAlias {
  std::string_view code;
  std::string_view name;
};

// Codes seen in numbers that are not the canonical NĐ 30 code of their type.
constexpr AbbrAlias kAliases[] = {
    {"QĐi", "Quy định"},        // Party (08-QĐi/TW)
    {"QYĐ", "Quy định"},        // upper-cased QyĐ
    {"GN", "Bản ghi nhớ"},      // TT 01/2011
    {"TTh", "Bản thỏa thuận"},  // TT 01/2011
    {"UQ", "Giấy ủy quyền"},    // TT 01/2011
    {"NP", "Giấy nghỉ phép"},   // TT 01/2011
    {"CV", "Công văn"},         // Party công văn (16915-CV/VPTW)
    {"CTR", "Chương trình"},   {"TTR", "Tờ trình"}, {"TT-LT", "Thông tư liên tịch"},
};

}  // namespace

const std::vector<DocType>& AllTypes() {
  static const std::vector<DocType> types = Build();
  return types;
}

const DocType* TypeByFoldedName(std::string_view folded_name) {
  for (const DocType& t : AllTypes()) {
    if (t.folded == folded_name) return &t;
  }
  return nullptr;
}

const DocType* TypeByAbbr(std::string_view abbr) {
  if (abbr.empty()) return nullptr;
  for (const DocType& t : AllTypes()) {
    if (t.abbr == abbr) return &t;
  }
  for (const AbbrAlias& a : kAliases) {
    if (a.code == abbr) {
      for (const DocType& t : AllTypes()) {
        if (t.name == a.name) return &t;
      }
    }
  }
  return nullptr;
}

}  // namespace dondoc::parse
