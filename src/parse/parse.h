// The parse entry point: normalized text → Document. Tested by the golden tests
// (tests/golden_test.cc) and fuzzed by fuzz/parse_fuzz.cc.
#pragma once

#include <string_view>

#include "parse/document.h"

namespace dondoc::parse {

// Runs every extractor over `text` (normalized: see text/normalize.h) and assembles the
// document. `source` and the decoder's warnings are copied in. Never throws on any input.
// Thread-safe.
Document Parse(std::string_view text, const Source& source, std::vector<Warning> warnings = {});

}  // namespace dondoc::parse
