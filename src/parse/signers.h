// Extractor: signers. Pure function of the normalized text. Tested by signers_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "parse/layout.h"

namespace dondoc::parse {

std::vector<Signer> ExtractSigners(std::string_view text);

// The same over a layout already built for this text (parse.cc builds one for signers and
// recipients). `layout` must outlive the call only.
std::vector<Signer> ExtractSigners(const Layout& layout);

}  // namespace dondoc::parse
