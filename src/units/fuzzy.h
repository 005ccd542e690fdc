// Bounded edit distance for OCR-robust matching of folded names. Internal to units/. Tested by
// fuzzy_test.cc.
#pragma once

#include <string_view>

namespace dondoc::units {

// Levenshtein distance between a and b (bytes of folded, ASCII-only text), or bound + 1 when it
// exceeds `bound`. Costs O(min(|a|,|b|) * bound): only a diagonal band is computed. Pure.
int BoundedEditDistance(std::string_view a, std::string_view b, int bound);

// The most edits a fuzzy match of a folded name of `length` bytes may need: 0 below 10 bytes
// (short names and codes match exactly or not at all), then 1, 2, 3 as the name grows.
int FuzzyBound(std::size_t length);

}  // namespace dondoc::units
