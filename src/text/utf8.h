// Small UTF-8 helpers used by the hand-written scanners. Tested by utf8_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dondoc::text {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[i]; sets *len to its byte length (>= 1). Invalid or
// truncated sequences, overlongs and surrogates decode as U+FFFD with *len = 1.
char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len);

// Appends the UTF-8 encoding of cp to out; surrogates and values above U+10FFFF, which have
// none, are appended as U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

// True when the whole string is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Byte length of the sequence introduced by lead byte b (1 for ASCII and invalid leads).
inline std::size_t SeqLen(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

}  // namespace dondoc::text
