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
#include <memory>

#include "text/utf8.h"

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

// ASCII fast path: only A–Z change.
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

char32_t FoldChar(char32_t cp) {
  if (cp < kTableSize) return Table()[cp];
  // Combining marks past the table (U+20D0 marks for symbols, U+FE20 half marks) vanish too.
  if (u_getCombiningClass(static_cast<UChar32>(cp)) != 0) return 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto& table = Table();
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back(AsciiLower(c));
      ++i;
      continue;
    }
    std::size_t len;
    const char32_t cp = DecodeAt(s, i, &len);
    const char32_t f = cp < kTableSize ? table[cp] : FoldChar(cp);
    if (f != 0) AppendUtf8(f, &out);
    i += len;
  }
  return out;
}

FoldedText FoldMapped(std::string_view s) {
  FoldedText t;
  t.folded.reserve(s.size());
  t.offsets.reserve(s.size() + 1);
  const auto& table = Table();
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      t.folded.push_back(AsciiLower(c));
      t.offsets.push_back(static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    std::size_t len;
    const char32_t cp = DecodeAt(s, i, &len);
    const char32_t f = cp < kTableSize ? table[cp] : FoldChar(cp);
    if (f != 0) {
      AppendUtf8(f, &t.folded);
      t.offsets.resize(t.folded.size(), static_cast<std::uint32_t>(i));
    }
    i += len;
  }
  t.offsets.push_back(static_cast<std::uint32_t>(s.size()));
  return t;
}

}  // namespace dondoc::text
