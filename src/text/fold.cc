// Tested by fold_test.cc.
//
// What folds to what:
// - every precomposed Latin letter in U+0000–U+1EFF → its NFD base letter, lower case
//   (Ấ ấ Ầ … → a, Ư ư → u, Ơ ơ → o);
// - Đ (U+0110), đ (U+0111), Ð (U+00D0, OCR look-alike), ð (U+00F0) → d: NFD does not
//   decompose them, so they are listed by hand;
// - combining marks (U+0300–U+036F, as in NFD input) → nothing, so NFD and NFC fold alike and
//   the old/new tone placement (hoà / hòa, thuý / thúy) folds to the same letters;
// - anything else → its ICU simple lower case, unchanged when there is none.
// The table covers U+0000–U+1EFF and is built once from ICU (about a millisecond); beyond it,
// characters are lower-cased by ICU directly and combining marks dropped.
#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <bit>
#include <memory>

#include "text/offsets16.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::text {
namespace {

constexpr char32_t kTableSize = 0x1F00;

std::unique_ptr<std::array<char32_t, kTableSize>> BuildTable() {
  auto table = std::make_unique<std::array<char32_t, kTableSize>>();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    char32_t base = cp;
    if (U_SUCCESS(status)) {
      icu::UnicodeString d;
      if (nfd->getDecomposition(static_cast<UChar32>(cp), d) && d.length() > 0) {
        base = static_cast<char32_t>(d.char32At(0));
      }
    }
    if (u_getCombiningClass(static_cast<UChar32>(base)) != 0 || (base >= 0x300 && base <= 0x36F)) {
      (*table)[cp] = 0;
      continue;
    }
    base = static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
    if (base == 0x111 || base == 0xF0) base = 'd';  // đ, ð (Đ, Ð lower-cased above)
    (*table)[cp] = base;
  }
  return table;
}

const std::array<char32_t, kTableSize>& Table() {
  static const auto table = BuildTable();
  return *table;
}

// ASCII fast path: only A–Z change; one table load per byte.
constexpr auto kAsciiLower = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

}  // namespace

char32_t FoldChar(char32_t cp) {
  if (cp < kTableSize) return Table()[cp];
  // Combining marks past the table (U+20D0 marks for symbols, U+FE20 half marks) vanish too.
  if (u_getCombiningClass(static_cast<UChar32>(cp)) != 0) return 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

namespace {

// Hot: Fold and FoldMapped run over whole documents in several extractors. Instead of
// push_back per byte they write into a pre-sized buffer; the buffer keeps room for every
// remaining input byte plus one longest sequence, and grows only at a non-ASCII character
// (a fold can be longer than its source: one invalid byte becomes a 3-byte U+FFFD).
// With kMapped, *offsets gets the source offset of every output byte (same length as *out).
template <bool kMapped>
void FoldInto(std::string_view s, std::string* out, std::vector<std::uint32_t>* offsets) {
  const auto& table = Table();
  const std::size_t n = s.size();
  out->resize(n + 8);
  char* o = out->data();
  std::uint32_t* off = nullptr;
  if constexpr (kMapped) {
    offsets->resize(out->size());
    off = offsets->data();
  }
  std::size_t k = 0;
  std::size_t room = out->size();  // out's size, kept here: the writes through o may alias it
  for (std::size_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
#if defined(__SSE2__)
      // A run of ASCII, sixteen bytes at a time: lower-cased and stored whole (with their
      // offsets), then k and i advance by the part before the first non-ASCII byte; what lies
      // past it is overwritten by what follows. Runs between Vietnamese letters are short, so
      // this saves the per-byte loop and its mispredicted exit rather than bandwidth.
      if (i + 16 <= n && k + 16 <= room) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                                            _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o + k),
                         _mm_add_epi8(x, _mm_and_si128(upper, _mm_set1_epi8(32))));
        if constexpr (kMapped) {
          StoreOffsets16(off + k, static_cast<std::uint32_t>(i));
        }
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
        const std::size_t run = high == 0 ? 16 : static_cast<std::size_t>(std::countr_zero(high));
        k += run;
        i += run;
        continue;
      }
#endif
      o[k] = kAsciiLower[c];
      if constexpr (kMapped) off[k] = static_cast<std::uint32_t>(i);
      ++k;
      ++i;
      continue;
    }
    // The two- and three-byte forms decoded here rather than by DecodeFast, whose length
    // out-parameter went through memory on every character.
    std::size_t len;
    char32_t cp;
    const auto c1 = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c >= 0xC2 && c < 0xE0 && (c1 & 0xC0) == 0x80) {
      len = 2;
      cp = (static_cast<char32_t>(c & 0x1F) << 6) | (c1 & 0x3F);
    } else if (c >= 0xE1 && c < 0xED && (c1 & 0xC0) == 0x80 && i + 2 < n &&
               (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      len = 3;
      cp = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(c1 & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    } else {
      cp = DecodeAt(s, i, &len);
    }
    const char32_t f = cp < kTableSize ? table[cp] : FoldChar(cp);
    if (f != 0) {
      if (k + 4 + (n - i) > room) {
        out->resize(2 * (k + 4 + (n - i)));
        o = out->data();
        room = out->size();
        if constexpr (kMapped) {
          offsets->resize(room);
          off = offsets->data();
        }
      }
      if (f < 0x80) {  // the Vietnamese letters: one byte
        o[k] = static_cast<char>(f);
        if constexpr (kMapped) off[k] = static_cast<std::uint32_t>(i);
        ++k;
      } else {
        const std::size_t first = k;
        std::string enc;
        AppendUtf8(f, &enc);
        for (const char e : enc) o[k++] = e;
        if constexpr (kMapped) {
          for (std::size_t b = first; b < k; ++b) off[b] = static_cast<std::uint32_t>(i);
        }
      }
    }
    i += len;
  }
  out->resize(k);
  if constexpr (kMapped) offsets->resize(k);
}

}  // namespace

std::string Fold(std::string_view s) {
  std::string out;
  FoldInto<false>(s, &out, nullptr);
  return out;
}

FoldedText FoldMapped(std::string_view s) {
  FoldedText t;
  FoldInto<true>(s, &t.folded, &t.offsets);
  t.offsets.push_back(static_cast<std::uint32_t>(s.size()));
  return t;
}

}  // namespace dondoc::text
