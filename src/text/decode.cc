// Tested by decode_test.cc.
//
// Edge cases handled here:
// - A UTF-8 BOM (EF BB BF) is dropped; UTF-16 BOMs (FF FE, FE FF) select the byte order.
// - UTF-16 without a BOM: Vietnamese text is mostly ASCII letters and spaces, so UTF-16 LE
//   shows NUL in most odd positions and BE in most even ones. We require > 40 % of one parity
//   to be NUL and < 5 % of the other, which no binary format we know of produces.
// - Unpaired surrogates in UTF-16 become U+FFFD.
// - Blank text (ASCII or Unicode spaces, zero-width characters) is "empty", like no bytes.
// - Any other NUL byte, or many C0 control characters, means binary content: an error, not a
//   document full of U+FFFD.
#include "text/decode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

std::string DecodeUtf16(std::string_view b, bool little, std::size_t* bad) {
  std::string out;
  out.reserve(b.size());
  auto unit = [&](std::size_t i) -> char16_t {
    const auto lo = static_cast<unsigned char>(b[little ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(b[little ? i + 1 : i]);
    return static_cast<char16_t>(lo | (hi << 8));
  };
  std::size_t i = 0;
  for (; i + 1 < b.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < b.size()) {
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = kReplacement, ++*bad;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = kReplacement, ++*bad;
    }
    AppendUtf8(cp, &out);
  }
  if (i < b.size()) ++*bad;  // odd trailing byte
  return out;
}

// Returns +1 for LE, -1 for BE, 0 when the bytes do not look like BOM-less UTF-16.
int GuessUtf16(std::string_view b) {
  const std::size_t n = std::min<std::size_t>(b.size(), 4096) & ~std::size_t{1};
  if (n < 8) return 0;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  const double half = static_cast<double>(n / 2);
  if (odd > 0.4 * half && even < 0.05 * half) return +1;
  if (even > 0.4 * half && odd < 0.05 * half) return -1;
  return 0;
}

// Hot (every byte of every document): NUL found by memchr, then controls counted by table
// lookup without an early exit.
bool LooksBinary(std::string_view s) {
  if (std::memchr(s.data(), 0, s.size()) != nullptr) return true;
  std::size_t controls = 0;
  for (const char c : s) controls += IsBinaryControl(static_cast<unsigned char>(c));
  return controls > 8 && controls * 100 > s.size();  // > 1 % control characters
}

// True when s (well-formed UTF-8) has no visible character: ASCII white space, the Unicode
// spaces Normalize turns into ' ' and the invisible characters it removes. Such a file
// normalizes to blank text, so it is "empty" rather than a document with nothing in it.
bool AllSpace(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t cp = DecodeFast(s, i, &len);
    const bool space = cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 ||
                       cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
                       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
                       cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
    if (!space) return false;
    i += len;
  }
  return true;
}

Error BinaryError(const char* what) {
  return Error{"binary_content",
               std::string("binary content (NUL or control ") + what + "), not a text document"};
}

// Decode, and with `normalize` Normalize too (DecodeNormalized). UTF-8 input is then read
// once: Normalize's clean-up replaces invalid bytes as the decoder would and counts them and
// the control bytes LooksBinary counts, so neither the validation nor the binary test needs a
// pass of its own.
Result<Decoded> DecodeImpl(std::string_view bytes, bool normalize) {
  Decoded d;
  std::size_t bad = 0;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    d.utf8 = DecodeUtf16(bytes.substr(2), bytes[0] == '\xFF', &bad);
    d.encoding = "utf-16";
  } else if (const int guess = GuessUtf16(bytes); guess != 0) {
    d.utf8 = DecodeUtf16(bytes, guess > 0, &bad);
    d.encoding = "utf-16";
    d.notices.push_back({"utf16-no-bom", std::string("decoded as UTF-16 ") +
                                             (guess > 0 ? "LE" : "BE") +
                                             " without a byte-order mark"});
  } else if (normalize) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    CleanStats stats;
    std::string text = Normalize(bytes, &stats);
    if (stats.nul || (stats.controls > 8 && stats.controls * 100 > bytes.size())) {
      return BinaryError("bytes");
    }
    d.encoding = "utf-8";
    d.utf8 = std::move(text);
    bad = stats.invalid;
  } else {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (LooksBinary(bytes)) return BinaryError("bytes");
    d.encoding = "utf-8";
    d.utf8.reserve(bytes.size());
    // Hot (every byte of every document): well-formed stretches are copied in one append;
    // only an invalid byte interrupts them, to be replaced by U+FFFD.
    std::size_t start = 0;
    for (std::size_t i = 0; i < bytes.size();) {
      if (static_cast<unsigned char>(bytes[i]) < 0x80) {
        ++i;
        continue;
      }
      std::size_t len;
      const char32_t cp = DecodeFast(bytes, i, &len);
      if (cp == kReplacement && len == 1) {
        ++bad;
        d.utf8.append(bytes.substr(start, i - start));
        AppendUtf8(kReplacement, &d.utf8);
        start = i + 1;
      }
      i += len;
    }
    d.utf8.append(bytes.substr(start));
  }
  if (d.encoding == "utf-16") {
    if (LooksBinary(d.utf8)) return BinaryError("characters");
    if (normalize) d.utf8 = Normalize(d.utf8);
  }
  // Normalizing keeps a text's visible characters visible and turns the invisible ones AllSpace
  // knows into spaces or nothing, so the test means the same after it.
  if (AllSpace(d.utf8)) return Error{"empty", "empty document (no text)"};
  if (bad > 0) {
    d.notices.push_back({"invalid-utf8", std::to_string(bad) + " invalid byte sequence" +
                                             (bad == 1 ? "" : "s") + " replaced by U+FFFD"});
  }
  return d;
}

}  // namespace

Result<Decoded> Decode(std::string_view bytes) { return DecodeImpl(bytes, false); }

Result<Decoded> DecodeNormalized(std::string_view bytes) { return DecodeImpl(bytes, true); }

}  // namespace dondoc::text
