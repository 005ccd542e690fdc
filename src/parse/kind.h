// Extractor: what kind of text this is. Tested by kind_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "parse/header.h"

namespace dondoc::parse {

// "official" when the text is an official document (a strong subset of: national motto or
// Party header, Số line, place and date, type name, signers, Nơi nhận); "article" for news or
// portal text about such documents; "unknown" otherwise.
std::string ClassifyKind(std::string_view text, const Header& header, bool has_signers,
                         bool has_recipients);

}  // namespace dondoc::parse
