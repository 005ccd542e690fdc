// Extractor: outline. Pure function of the normalized text. Tested by outline_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

std::vector<OutlineNode> ExtractOutline(std::string_view text);

}  // namespace dondoc::parse
