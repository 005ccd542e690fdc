// Extractor: deadline and schedule expressions → times[] (kind date | period | recurring |
// event | continuous), resolved with the working-day calendar and the document's date.
// Tested by times_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

// `doc_date` (ISO, may be empty) supplies a missing year and anchors relative deadlines.
std::vector<TimeExpr> ExtractTimes(std::string_view text, std::string_view doc_date);

}  // namespace dondoc::parse
