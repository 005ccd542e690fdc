// Document type names and their abbreviations. Tested by types_test.cc.
//
// SPEC(NĐ 30/2020, Phụ lục III, Mục I): the 27 administrative types and their codes, plus the
// older codes of TT 01/2011/TT-BNV (GN, TTh, UQ, NP) that pre-2020 documents still carry.
// SPEC(Luật 80/2015 Điều 4; Luật 64/2025 Điều 4): the legal normative types (Luật, Nghị định,
// Thông tư …). SPEC(QĐ 66-QĐ/TW, HD 36-HD/VPTW): the Party types (Kết luận, Thông tri, CV …).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::parse {

struct DocType {
  std::string_view abbr;    // "KH"; empty when the type has none (Công văn, Luật …)
  std::string_view name;    // "Kế hoạch"
  std::string_view folded;  // "ke hoach"
};

// All known types, longest folded name first (so "thong tu lien tich" wins over "thong tu").
const std::vector<DocType>& AllTypes();

// The type whose folded name equals `folded_name`, or nullptr.
const DocType* TypeByFoldedName(std::string_view folded_name);

// The type for a code as it stands in a số/ký hiệu ("KH", "NĐ", "QyĐ", "TTr", old "GN" …),
// or nullptr. "QĐ" maps to Quyết định; callers resolve the Quy định case from the printed name.
const DocType* TypeByAbbr(std::string_view abbr);

}  // namespace dondoc::parse
