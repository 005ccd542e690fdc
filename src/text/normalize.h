// Canonical text form that every later layer and every span refers to. Tested by
// normalize_test.cc.
#pragma once

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

}  // namespace dondoc::text
