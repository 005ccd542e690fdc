// Extractor: references to other documents. Pure function of the normalized text.
// Tested by references_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "text/fold.h"

namespace dondoc::parse {

// Every other document the text cites, one entry per distinct document (first span);
// `own_number` (the document's own số/ký hiệu, may be empty) is never a reference.
std::vector<Reference> ExtractReferences(std::string_view text, std::string_view own_number);

// The same over `folded` = text::FoldMapped(text), computed once by the caller (parse.cc).
std::vector<Reference> ExtractReferences(std::string_view text, const text::FoldedText& folded,
                                         std::string_view own_number);

}  // namespace dondoc::parse
