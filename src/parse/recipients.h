// Extractor: recipients. Pure function of the normalized text. Tested by recipients_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

std::vector<Recipient> ExtractRecipients(std::string_view text);

}  // namespace dondoc::parse
