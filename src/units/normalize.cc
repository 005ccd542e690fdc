// Tested by normalize_test.cc.
//
// Edge cases handled:
// - accents and case never split or join words: the text is folded first (text::FoldMapped),
//   so NFD input, old/new tone placement (hoà/hòa) and Đ/Ð all give the same words;
// - '&' is a word of its own, "và": "TT&TT", "TT & TT" and "TT và TT" all read "tt va tt";
// - "thành phố" (and "Thành phố", "THÀNH PHỐ") becomes the single word "tp", the word the
//   abbreviation "TP" expands to, so "TP. Hà Nội" and "thành phố Hà Nội" meet;
// - a word is a code (an abbreviation) only when written in capitals with no diacritic but Đ:
//   "CAT" (Công an tỉnh) is a code, "Cát" and "CÁT" are not; one letter ("Y" in Sở Y tế) is not;
// - line breaks inside a name ("Ủy\nban") are ordinary separators; `line_start` remembers them;
// - a word inside a chunk with '/' or a digit (a document number "12/KH-UBND", a date) is
//   flagged `in_symbol`, so the finder does not read the issuer code of a citation as a unit;
// - the diacritic signature (`marks`) is the sorted multiset of NFD combining marks plus one
//   U+0111 per đ, so "hoà" and "hòa" agree while "tao" and "tạo" differ.
#include "units/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::units {
namespace {

bool IsDStroke(char32_t cp) { return cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0; }

// What Describe needs to know of one code point. Built with ICU once for the code points below
// kTableSize (Latin, Vietnamese, combining marks); larger ones ask ICU each time.
struct CharInfo {
  char32_t marks[3] = {0, 0, 0};  // the combining marks of its NFD decomposition (or itself)
  std::uint8_t mark_count = 0;
  bool alpha = false;
  bool upper = false;        // u_isupper
  bool upper_title = false;  // u_isupper || u_istitle
  bool combining = false;    // canonical combining class != 0
  bool digit = false;
};

constexpr char32_t kTableSize = 0x1F00;

CharInfo Info(char32_t cp) {
  CharInfo info;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  auto ucp = static_cast<UChar32>(cp);
  auto add = [&](char32_t m) {
    if (info.mark_count < 3) info.marks[info.mark_count++] = m;
  };
  if (IsDStroke(cp)) {
    add(0x0111);
  } else if (cp >= 0x80 && U_SUCCESS(status)) {
    icu::UnicodeString d;
    if (nfd->getDecomposition(ucp, d)) {
      for (int32_t k = 0; k < d.length(); k = d.moveIndex32(k, 1)) {
        UChar32 m = d.char32At(k);
        if (u_getCombiningClass(m) != 0) add(static_cast<char32_t>(m));
      }
    } else if (u_getCombiningClass(ucp) != 0) {
      add(cp);
    }
  }
  info.alpha = u_isalpha(ucp) != 0;
  info.upper = u_isupper(ucp) != 0;
  info.upper_title = info.upper || u_istitle(ucp) != 0;
  info.combining = u_getCombiningClass(ucp) != 0;
  info.digit = u_isdigit(ucp) != 0;
  return info;
}

const std::vector<CharInfo>& InfoTable() {
  static const std::vector<CharInfo> table = [] {
    std::vector<CharInfo> t(kTableSize);
    for (char32_t cp = 0; cp < kTableSize; ++cp) t[cp] = Info(cp);
    return t;
  }();
  return table;
}

// Whether a folded code point makes words: letters and digits (u_isalnum), from a table for
// ASCII, the bulk of folded text.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return u_isalnum(static_cast<UChar32>(cp)) != 0;
}

// Fills marks, code and capitalized from the original bytes of one word.
void Describe(std::string_view orig, Token* t) {
  const std::vector<CharInfo>& table = InfoTable();
  int letters = 0;
  bool all_upper_plain = true;
  bool first = true;
  for (std::size_t i = 0; i < orig.size();) {
    // ASCII, most bytes of most words, without decoding or the table: no marks, a letter or
    // a digit or neither, upper case only A-Z (what Info gives for these code points).
    if (const auto c = static_cast<unsigned char>(orig[i]); c < 0x80) {
      ++i;
      const bool upper = c >= 'A' && c <= 'Z';
      if (upper || (c >= 'a' && c <= 'z')) {
        ++letters;
        if (first) t->capitalized = upper;
        if (!upper) all_upper_plain = false;
        first = false;
      } else if (c >= '0' && c <= '9') {
        all_upper_plain = false;
      }
      continue;
    }
    std::size_t len = 1;
    char32_t cp = text::DecodeFast(orig, i, &len);
    i += len;
    const CharInfo info = cp < kTableSize ? table[cp] : Info(cp);
    for (std::uint8_t k = 0; k < info.mark_count; ++k) t->marks.push_back(info.marks[k]);
    if (info.alpha) {
      ++letters;
      if (first) t->capitalized = info.upper_title;
      if (!info.upper || (cp >= 0x80 && cp != 0x0110 && cp != 0x00D0)) all_upper_plain = false;
      first = false;
    } else if (info.combining) {
      all_upper_plain = false;  // a combining diacritic (NFD input)
    } else if (info.digit) {
      all_upper_plain = false;
    }
  }
  t->code = letters >= 2 && all_upper_plain;
  if (t->marks.size() > 1) std::sort(t->marks.begin(), t->marks.end());
}

// Describe's `code` for the word `orig` without the rest, when cheap to tell (false if not).
// A code is 2+ letters, each A-Z, Đ or Ð.
bool CheapCode(std::string_view orig, bool* code) {
  int letters = 0;
  for (std::size_t i = 0; i < orig.size();) {
    const auto c = static_cast<unsigned char>(orig[i]);
    if (c < 0x80) {
      if (c < 'A' || c > 'Z') return *code = false, true;
      ++letters;
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = text::DecodeFast(orig, i, &len);
    i += len;
    if (cp == 0x0110 || cp == 0x00D0) {
      ++letters;
      continue;
    }
    if (cp >= kTableSize) return false;
    const CharInfo& info = InfoTable()[cp];
    if (!info.alpha && !info.combining && !info.digit) return false;
    return *code = false, true;
  }
  *code = letters >= 2;
  return true;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, text::FoldMapped(text));
}

void Describe(std::string_view text, std::span<Token> tokens) {
  for (Token& t : tokens) {
    if (t.described) continue;
    Describe(text.substr(t.begin, t.end - t.begin), &t);
    t.described = true;
  }
}

std::vector<Token> Tokenize(std::string_view text, const text::FoldedText& f, bool lazy) {
  return Tokenize(text, f, lazy, 0, f.folded.size());
}

std::vector<Token> Tokenize(std::string_view text, const text::FoldedText& f, bool lazy,
                            std::size_t begin, std::size_t end) {
  std::vector<Token> out;
  const std::string_view folded = f.folded;
  const std::size_t n = std::min(end, folded.size());
  if (begin >= n) return out;
  out.reserve((n - begin) / 4 + 1);
  // The slice's bytes of `text`: chunks stop at its edges.
  const std::size_t text_begin = f.Orig(begin);
  const std::size_t text_end = f.Orig(n);
  bool newline = true;
  std::size_t i = begin;
  // The chunk (run of non-space bytes of `text`) of the last word and whether it holds a symbol.
  std::size_t chunk_begin = 1, chunk_end = 0;
  bool chunk_symbol = false;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  auto symbol = [](char c) { return c == '/' || (c >= '0' && c <= '9'); };
  // Letters and digits of folded text; the ASCII ones (nearly all) without decoding.
  auto word_char_at = [&](std::size_t k, std::size_t* len) {
    const auto c = static_cast<unsigned char>(folded[k]);
    if (c < 0x80) {
      *len = 1;
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return IsWordChar(text::DecodeFast(folded, k, len));
  };
  while (i < n) {
    const char c = folded[i];
    if (c == '&') {
      Token& t = out.emplace_back();
      t.begin = f.Orig(i);
      t.end = f.Orig(i + 1);
      t.word = "va";
      t.hash = WordHash(t.word);
      t.line_start = newline;
      newline = false;
      ++i;
      continue;
    }
    std::size_t len = 1;
    if (!word_char_at(i, &len)) {
      if (c == '\n') newline = true;
      i += len;
      continue;
    }
    const std::size_t start = i;
    i += len;
    while (i < n && word_char_at(i, &len)) i += len;
    Token& t = out.emplace_back(folded.substr(start, i - start));
    t.begin = f.Orig(start);
    t.end = f.Orig(i);
    t.hash = WordHash(t.word);
    t.line_start = newline;
    newline = false;
    const std::string_view orig = text.substr(t.begin, t.end - t.begin);
    if (lazy && CheapCode(orig, &t.code)) {
      t.described = false;
    } else {
      Describe(orig, &t);
    }
    if (t.begin < chunk_begin || t.end > chunk_end) {
      chunk_begin = t.begin;
      chunk_end = t.end;
      chunk_symbol = false;
      while (chunk_begin > text_begin && !space(text[chunk_begin - 1])) --chunk_begin;
      while (chunk_end < text_end && !space(text[chunk_end])) ++chunk_end;
      for (std::size_t k = chunk_begin; k < chunk_end && !chunk_symbol; ++k) {
        chunk_symbol = symbol(text[k]);
      }
    }
    t.in_symbol = chunk_symbol;
    // "thành phố" → "tp".
    if (out.size() >= 2 && t.word == "pho" && out[out.size() - 2].word == "thanh") {
      Describe(text, std::span<Token>(out).last(2));
      Token& m = out[out.size() - 2];
      m.code = false;
      m.end = t.end;
      m.word = "tp";
      m.hash = WordHash(m.word);
      m.marks += t.marks;
      std::sort(m.marks.begin(), m.marks.end());
      out.pop_back();
    }
  }
  return out;
}

std::string CleanName(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '*' || c == '_') continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace dondoc::units
