// How a citing document relates to what it cites, read from the words around each reference.
// Tested by edge_kind_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "parse/document.h"

namespace dondoc::store {

// The edge kinds of the citation graph, as stored in refs.edge.
inline constexpr const char* kImplements = "implements";
inline constexpr const char* kCites = "cites";
inline constexpr const char* kAmends = "amends";
inline constexpr const char* kReplaces = "replaces";

// The kind of the edge from `doc` (whose normalized text is `text`; spans refer to it) to
// `ref`, one of its references:
// - "amends" when the clause before the reference says sửa đổi / bổ sung / đính chính;
// - "replaces" when it says thay thế / bãi bỏ / hủy bỏ (of a part: amends);
// - "implements" when it says triển khai / thực hiện / cụ thể hóa and the reference is in the
//   title or the opening (the text between the title and the first outline heading, at most
//   kOpeningBytes after the title) — a plan "thực hiện Nghị quyết số …";
// - else "cites".
// A clause is the text before the reference back to the last blank line or '.', ';', ':'
// before a space or line end (at most kClauseBytes); "được" before the word makes it
// passive ("đã được sửa đổi … theo Luật số …"): cites. A line that starts with "Căn cứ" is always
// "cites": it describes the legal basis, where "Nghị định … sửa đổi, bổ sung Nghị định …" is about
// two other documents. A reference without a span is "cites".
std::string EdgeKind(std::string_view text, const Document& doc, const Reference& ref);

inline constexpr std::size_t kClauseBytes = 240;
inline constexpr std::size_t kOpeningBytes = 1500;

}  // namespace dondoc::store
