// The parse entry point: normalized text → Document. Tested by the golden tests
// (tests/golden_test.cc) and fuzzed by fuzz/parse_fuzz.cc.
#pragma once

#include <string_view>

#include "parse/document.h"

namespace dondoc::parse {

struct ParseOptions {
  // Times, tasks and reporting duties. Off gives the "document understanding" part alone
  // (header, signers, recipients, outline, references) — the benchmark's baseline for what
  // the task extraction costs.
  bool tasks = true;
};

// Runs every extractor over `text` (normalized: see text/normalize.h) and assembles the
// document. `source` and the decoder's warnings are copied in. Never throws on any input.
// Thread-safe.
Document Parse(std::string_view text, const Source& source, std::vector<Warning> warnings = {},
               const ParseOptions& options = {});

}  // namespace dondoc::parse
