// Tested by normalize_test.cc.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

bool IsSpaceLike(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x1680;
}
bool IsInvisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

// Character-level clean-up before NFC. ASCII runs are copied as they are.
std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == '\r') {
        out.push_back('\n');
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        out.push_back(static_cast<char>(b));
      }
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp = DecodeAt(s, i, &len);
    if (IsSpaceLike(cp)) {
      out.push_back(' ');
    } else if (!IsInvisible(cp)) {
      if (cp == 0xD0) cp = 0x110;  // Ð (Eth) → Đ
      if (cp == 0xF0) cp = 0x111;  // ð (eth) → đ
      AppendUtf8(cp, &out);
    }
    i += len;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string Normalize(std::string_view utf8) {
  std::string cleaned = Clean(utf8);
  if (IsAscii(cleaned)) return cleaned;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return cleaned;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(cleaned);
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return cleaned;
  status = U_ZERO_ERROR;
  const icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return cleaned;
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace dondoc::text
