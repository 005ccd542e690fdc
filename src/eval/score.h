// Scoring the parser against published metadata (shared/corpus/dev/metadata.jsonl).
// Tested by score_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace dondoc::eval {

}  // namespace dondoc::eval
