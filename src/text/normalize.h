// Canonical text form that every later layer and every span refers to. Tested by
// normalize_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dondoc::text {

// Returns the normalized form of well-formed UTF-8 `utf8`:
// - line endings CRLF and CR → LF;
// - NBSP and the other Unicode space characters → ' ', tabs kept;
// - zero-width characters and soft hyphens (U+200B–U+200D, U+2060, U+FEFF, U+00AD) removed;
// - look-alike Eth Ð (U+00D0) / ð (U+00F0), common in OCR and legacy conversions → Đ / đ;
// - Unicode NFC (ICU), so NFD input (macOS, some IMEs) compares equal.
// Thread-safe.
std::string Normalize(std::string_view utf8);

// C0 controls other than white space (NUL included): what binary content is full of, and
// what Decode's binary test and Normalize's stats count.
inline bool IsBinaryControl(unsigned char b) {
  return b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v';
}

// What Normalize saw on its way: invalid bytes it replaced by U+FFFD (it takes any bytes, not
// only well-formed UTF-8), and the C0 controls and NUL bytes that mark binary content (see
// DecodeNormalized, which reads a document's bytes in this one pass).
struct CleanStats {
  std::size_t invalid = 0;   // bytes replaced by U+FFFD
  std::size_t controls = 0;  // C0 controls other than white space (NUL included)
  bool nul = false;
  bool ascii = true;  // the cleaned text is all ASCII
  bool inert = true;  // ... or has only IsNfcInert characters besides
};
std::string Normalize(std::string_view bytes, CleanStats* stats);

// True for the code points that NFC leaves as they are whatever surrounds them: Latin-1,
// Latin Extended-A/B, IPA and spacing modifiers (U+00A0–U+02FF), the precomposed Vietnamese
// letters (Latin Extended Additional, U+1E00–U+1EFF), general punctuation (U+2010–U+205E) and
// currency signs (U+20A0–U+20BF). Text made only of ASCII and these is NFC already, so
// Normalize skips ICU for it. normalize_test.cc checks every one against ICU (quick check
// "yes", combining class 0).
inline bool IsNfcInert(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x2FF) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20BF);
}

}  // namespace dondoc::text
