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

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

bool IsDStroke(char32_t cp) { return cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0; }

// Fills marks, code and capitalized from the original bytes of one word.
void Describe(std::string_view orig, Token* t) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  int letters = 0;
  bool all_upper_plain = true;
  bool first = true;
  for (std::size_t i = 0; i < orig.size();) {
    std::size_t len = 1;
    char32_t cp = text::DecodeAt(orig, i, &len);
    i += len;
    auto ucp = static_cast<UChar32>(cp);
    if (IsDStroke(cp)) {
      t->marks.push_back(0x0111);
    } else if (cp >= 0x80 && U_SUCCESS(status)) {
      icu::UnicodeString d;
      if (nfd->getDecomposition(ucp, d)) {
        for (int32_t k = 0; k < d.length(); k = d.moveIndex32(k, 1)) {
          UChar32 m = d.char32At(k);
          if (u_getCombiningClass(m) != 0) t->marks.push_back(static_cast<char32_t>(m));
        }
      } else if (u_getCombiningClass(ucp) != 0) {
        t->marks.push_back(cp);
      }
    }
    if (u_isalpha(ucp)) {
      ++letters;
      if (first) t->capitalized = u_isupper(ucp) || u_istitle(ucp);
      if (!u_isupper(ucp) || (cp >= 0x80 && cp != 0x0110 && cp != 0x00D0)) {
        all_upper_plain = false;
      }
      first = false;
    } else if (u_getCombiningClass(ucp) != 0) {
      all_upper_plain = false;  // a combining diacritic (NFD input)
    } else if (u_isdigit(ucp)) {
      all_upper_plain = false;
    }
  }
  t->code = letters >= 2 && all_upper_plain;
  std::sort(t->marks.begin(), t->marks.end());
}

bool ChunkHasSymbol(std::string_view text, std::size_t begin, std::size_t end) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (begin > 0 && !space(text[begin - 1])) --begin;
  while (end < text.size() && !space(text[end])) ++end;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == '/' || (text[i] >= '0' && text[i] <= '9')) return true;
  }
  return false;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  text::FoldedText f = text::FoldMapped(text);
  std::vector<Token> out;
  bool newline = true;
  std::size_t i = 0;
  while (i < f.folded.size()) {
    std::size_t len = 1;
    char32_t cp = text::DecodeAt(f.folded, i, &len);
    if (cp == '&') {
      Token t;
      t.begin = f.Orig(i);
      t.end = f.Orig(i + len);
      t.word = "va";
      t.line_start = newline;
      newline = false;
      out.push_back(std::move(t));
      i += len;
      continue;
    }
    if (!IsWordChar(cp)) {
      if (cp == '\n') newline = true;
      i += len;
      continue;
    }
    std::size_t start = i;
    while (i < f.folded.size()) {
      std::size_t l = 1;
      char32_t c = text::DecodeAt(f.folded, i, &l);
      if (!IsWordChar(c)) break;
      i += l;
    }
    Token t;
    t.begin = f.Orig(start);
    t.end = f.Orig(i);
    t.word = f.folded.substr(start, i - start);
    t.line_start = newline;
    newline = false;
    Describe(text.substr(t.begin, t.end - t.begin), &t);
    t.in_symbol = ChunkHasSymbol(text, t.begin, t.end);
    out.push_back(std::move(t));
  }
  // "thành phố" → "tp".
  std::vector<Token> merged;
  merged.reserve(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].word == "thanh" && k + 1 < out.size() && out[k + 1].word == "pho") {
      Token t = out[k];
      t.code = false;
      t.end = out[k + 1].end;
      t.word = "tp";
      t.marks += out[k + 1].marks;
      std::sort(t.marks.begin(), t.marks.end());
      merged.push_back(std::move(t));
      ++k;
    } else {
      merged.push_back(std::move(out[k]));
    }
  }
  return merged;
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
