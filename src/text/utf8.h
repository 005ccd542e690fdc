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

// DecodeAt with the common cases inline: ASCII and well-formed 2- and 3-byte sequences without
// overlong or surrogate forms (all of Vietnamese) are decoded here, anything else by DecodeAt,
// so results are the same. For the loops that visit every character of a document.
inline char32_t DecodeFast(std::string_view s, std::size_t i, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  const auto c1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (c >= 0xC2 && c < 0xE0 && (c1 & 0xC0) == 0x80) {
    *len = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | (c1 & 0x3F);
  }
  if (c >= 0xE1 && c < 0xED && (c1 & 0xC0) == 0x80 && i + 2 < s.size() &&
      (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
    *len = 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(c1 & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  return DecodeAt(s, i, len);
}

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
