// Extractor: recipients. Pure function of the normalized text. Tested by recipients_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "parse/layout.h"

namespace dondoc::parse {

std::vector<Recipient> ExtractRecipients(std::string_view text);

// The same over a layout already built for `text` (parse.cc shares one with the signers).
std::vector<Recipient> ExtractRecipients(std::string_view text, const Layout& layout);

}  // namespace dondoc::parse
