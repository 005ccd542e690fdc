// Tested by normalize_test.cc.
#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <bit>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::text {
namespace {

// The first position >= i whose byte is not printable ASCII (below 0x20 or above 0x7F), else
// s.size(). Sixteen bytes are tested at once (SSE2), so a run of ASCII between two Vietnamese
// letters costs a few instructions rather than a few per byte.
std::size_t SkipPrintable(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed compare: bytes >= 0x80 are negative, so below 0x20 too.
    const auto m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(x, space)));
    if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
#endif
  while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 &&
         static_cast<unsigned char>(s[i]) < 0x80) {
    ++i;
  }
  return i;
}

bool IsSpaceLike(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x1680;
}
bool IsInvisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

// Character-level clean-up before NFC. Hot (every byte of every document): stretches that
// stay as they are (ASCII other than CR, well-formed sequences of other characters) are
// copied in one append; only CR, the characters replaced or dropped, and invalid bytes
// (re-encoded as U+FFFD, counted in stats->invalid) interrupt them. The stats also tell
// whether the result is all ASCII, and whether every other character is IsNfcInert (either
// way it is NFC already), and count what LooksBinary looks for, so that DecodeNormalized needs
// no pass of its own for either.
std::string Clean(std::string_view s, CleanStats* stats) {
  std::string out;
  out.reserve(s.size());
  bool ascii = true;
  bool inert = true;
  const std::size_t n = s.size();
  std::size_t start = 0;  // first byte not yet copied
  for (std::size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20) {
        if (b == '\r') {
          out.append(s.data() + start, i - start);
          out.push_back('\n');
          if (i + 1 < n && s[i + 1] == '\n') ++i;
          start = i + 1;
        } else {
          stats->controls += IsBinaryControl(b);
          stats->nul |= b == 0;
        }
      }
      i = SkipPrintable(s, i + 1);
      continue;
    }
    // The letters of Vietnamese text, tested before decoding: U+00C0–U+01BF (lead C3–C6:
    // Latin-1 letters, Đ đ Ơ ơ Ư ư) but Ð ð, and U+1E00–U+1EFF (E1 B8–BB: the precomposed
    // letters with tone marks), all NFC-inert, all kept as they are.
    if (b >= 0xC3 && b <= 0xC6 && i + 1 < n) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c1 & 0xC0) == 0x80 && !(b == 0xC3 && (c1 == 0x90 || c1 == 0xB0))) {
        ascii = false;
        i += 2;
        continue;
      }
    } else if (b == 0xE1 && i + 2 < n) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 >= 0xB8 && c1 <= 0xBB && (c2 & 0xC0) == 0x80) {
        ascii = false;
        i += 3;
        continue;
      }
    }
    std::size_t len;
    char32_t cp = DecodeFast(s, i, &len);
    const bool invalid = cp == kReplacement && len == 1;
    if (!invalid && !IsSpaceLike(cp) && !IsInvisible(cp) && cp != 0xD0 && cp != 0xF0) {
      ascii = false;  // kept as it is: the bytes are its shortest UTF-8 form
      if (!IsNfcInert(cp)) inert = false;
      i += len;
      continue;
    }
    stats->invalid += invalid;
    out.append(s.data() + start, i - start);
    if (IsSpaceLike(cp)) {
      out.push_back(' ');
    } else if (!IsInvisible(cp)) {
      if (cp == 0xD0) cp = 0x110;  // Ð (Eth) → Đ
      if (cp == 0xF0) cp = 0x111;  // ð (eth) → đ
      AppendUtf8(cp, &out);
      ascii = false;
      if (!IsNfcInert(cp)) inert = false;
    }
    i += len;
    start = i;
  }
  out.append(s.data() + start, n - start);
  stats->ascii = ascii;
  stats->inert = inert;
  return out;
}

}  // namespace

std::string Normalize(std::string_view utf8) {
  CleanStats stats;
  return Normalize(utf8, &stats);
}

std::string Normalize(std::string_view utf8, CleanStats* stats) {
  std::string cleaned = Clean(utf8, stats);
  if (stats->ascii || stats->inert) return cleaned;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return cleaned;
  // Nearly every document is already NFC: checked on the UTF-8 directly (Clean re-encodes
  // every non-ASCII character, so `cleaned` is well-formed and both checks agree), converting
  // to UTF-16 only for the few that need normalizing.
  if (nfc->isNormalizedUTF8(cleaned, status) && U_SUCCESS(status)) return cleaned;
  status = U_ZERO_ERROR;
  {
    // Normalized on the UTF-8 too; the UTF-16 round trip below only if ICU refuses.
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(cleaned.size()));
    nfc->normalizeUTF8(0, cleaned, sink, nullptr, status);
    if (U_SUCCESS(status)) return out;
  }
  status = U_ZERO_ERROR;
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
