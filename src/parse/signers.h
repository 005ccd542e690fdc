// Extractor: signers. Pure function of the normalized text. Tested by signers_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

std::vector<Signer> ExtractSigners(std::string_view text);

}  // namespace dondoc::parse
