// Bytes → UTF-8 text, the first step of the pipeline. Tested by decode_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace dondoc::text {

// Something the decoder noticed and repaired; becomes a document warning.
struct Notice {
  std::string code;  // "invalid-utf8", "utf16-no-bom", ...
  std::string message;
};

struct Decoded {
  std::string utf8;      // well-formed UTF-8 (not yet NFC but from DecodeNormalized)
  std::string encoding;  // "utf-8" | "utf-16" | "windows-1258"
  std::vector<Notice> notices;
};

// Decodes a document's bytes:
// - UTF-8 with or without BOM (the BOM is dropped);
// - UTF-16 LE/BE with BOM; without BOM when the NUL pattern of ASCII-heavy UTF-16 is clear
//   (a notice says so);
// - invalid UTF-8 bytes become U+FFFD with one notice counting them.
// Errors: "empty" (no bytes or only white space), "binary_content" (NUL bytes or control
// characters that no text document has).
Result<Decoded> Decode(std::string_view bytes);

// Decode, then Normalize (normalize.h) the text: the same result and errors, with UTF-8 input
// read in one pass instead of three (validation, the binary test, the clean-up). What
// read::FromBytes uses.
Result<Decoded> DecodeNormalized(std::string_view bytes);

}  // namespace dondoc::text
