// Extractor: reporting duties — to whom, which periods, due dates (indices into doc.times).
// Tested by reporting_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

std::vector<Reporting> ExtractReporting(std::string_view text, const Document& doc);

}  // namespace dondoc::parse
