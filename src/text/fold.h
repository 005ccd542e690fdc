// The one folding function used wherever matching must ignore accents and case.
// Tested by fold_test.cc (against ICU's transliterator).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::text {

// Folds one code point: Vietnamese and other Latin letters to their lower-case base letter
// (ệ → e, Đ/đ/Ð → d), combining marks to nothing (returns 0), other characters lower-cased
// where ICU has a simple lower case, else unchanged. Thread-safe.
char32_t FoldChar(char32_t cp);

// Folds a UTF-8 string. "Đồng Nai" → "dong nai"; NFD input and old/new tone placement
// ("hoà"/"hòa") fold alike. Thread-safe.
std::string Fold(std::string_view utf8);

// Folded text that remembers where each byte came from, so a match found in the folded text
// can be reported as a span of the original: folded[i] came from original byte offsets[i];
// offsets has one extra element equal to the original length.
struct FoldedText {
  std::string folded;
  std::vector<std::uint32_t> offsets;
  std::uint32_t Orig(std::size_t folded_pos) const { return offsets[folded_pos]; }
};
FoldedText FoldMapped(std::string_view utf8);

}  // namespace dondoc::text
