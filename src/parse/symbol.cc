// Tested by symbol_test.cc.
#include "parse/symbol.h"

#include <unicode/uchar.h>

#include <vector>

#include "parse/types.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A code character: a digit, '&', or any letter that folds to a–z (so Đ, Ư … count).
bool IsCodeChar(std::string_view s, std::size_t i, std::size_t* len, bool* upper, bool* letter) {
  const char32_t cp = text::DecodeAt(s, i, len);
  *letter = false;
  *upper = false;
  if (cp < 0x80 && (IsDigit(static_cast<char>(cp)) || cp == '&')) return true;
  const char32_t f = text::FoldChar(cp);
  if (f < 'a' || f > 'z') return false;
  *letter = true;
  *upper = u_isupper(static_cast<UChar32>(cp)) != 0;
  return true;
}

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

struct Group {
  std::size_t begin, end;
  bool has_lower;
  bool has_letter;
};

// Reads one code group at i; returns end == begin when none.
Group ReadGroup(std::string_view s, std::size_t i) {
  Group g{i, i, false, false};
  std::size_t chars = 0;
  while (i < s.size() && chars < 24) {
    std::size_t len;
    bool upper, letter;
    if (!IsCodeChar(s, i, &len, &upper, &letter)) break;
    if (letter) {
      g.has_letter = true;
      if (!upper) g.has_lower = true;
    }
    i += len;
    ++chars;
  }
  g.end = i;
  return g;
}

}  // namespace

std::optional<Symbol> ScanSymbol(std::string_view s, std::size_t pos) {
  std::size_t i = SkipSpaces(s, pos);
  const std::size_t begin = i;
  // The running number: 1–6 digits, maybe a letter suffix glued to it ("12a").
  std::size_t d = i;
  while (d < s.size() && IsDigit(s[d]) && d - i < 7) ++d;
  if (d == i || d - i > 6) return std::nullopt;
  if (d < s.size() && IsDigit(s[d])) return std::nullopt;
  Symbol sym;
  sym.number = std::string(s.substr(i, d - i));
  i = d;
  std::size_t j = SkipSpaces(s, i);
  if (j >= s.size() || (s[j] != '/' && s[j] != '-')) return std::nullopt;
  const char first_sep = s[j];
  char year_sep = 0;
  i = SkipSpaces(s, j + 1);
  // Optional year segment: 4 digits then '/' or '-'.
  if (i + 4 < s.size() && IsDigit(s[i]) && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) &&
      IsDigit(s[i + 3]) && (s[i] == '1' || s[i] == '2')) {
    std::size_t k = SkipSpaces(s, i + 4);
    if (k < s.size() && (s[k] == '/' || s[k] == '-')) {
      sym.year = std::string(s.substr(i, 4));
      year_sep = s[k];
      i = SkipSpaces(s, k + 1);
    }
  }
  // Code groups separated by '-' or '/'.
  std::vector<std::string> groups;
  std::vector<char> seps;  // separator before each group after the first
  Group g = ReadGroup(s, i);
  if (g.end == g.begin || !g.has_letter) return std::nullopt;
  groups.emplace_back(s.substr(g.begin, g.end - g.begin));
  std::size_t end = g.end;
  while (true) {
    std::size_t k = SkipSpaces(s, end);
    if (k >= s.size() || (s[k] != '-' && s[k] != '/')) break;
    const bool spaced_before = k > end;
    const char sep = s[k];
    std::size_t m = SkipSpaces(s, k + 1);
    const bool spaced_after = m > k + 1;
    Group next = ReadGroup(s, m);
    if (next.end == next.begin || !next.has_letter) break;
    // Around spaced separators accept only upper-case codes, so "TT-BTC - Bộ Tài chính"
    // stops before " - Bộ". A lower-case suffix ("/nb") must be glued.
    if ((spaced_before || spaced_after) && next.has_lower) break;
    if (spaced_before && spaced_after) break;
    groups.emplace_back(s.substr(next.begin, next.end - next.begin));
    seps.push_back(sep);
    end = next.end;
  }
  // "73/2006/QH 11", "04/2012/UBTVQH 13": OCR and typists split the Quốc hội term off.
  if (groups.back().size() >= 2 && groups.back().ends_with("QH") && end + 2 < s.size() &&
      s[end] == ' ' && IsDigit(s[end + 1]) && IsDigit(s[end + 2]) &&
      (end + 3 == s.size() || !IsDigit(s[end + 3]))) {
    groups.back() += std::string(s.substr(end + 1, 2));
    end += 3;
  }
  // Classify. Party: number '-' TYPE '/' ISSUER.
  auto join = [&](std::size_t from) {
    std::string out;
    for (std::size_t k = from; k < groups.size(); ++k) {
      if (k > from) out.push_back(seps[k - 1]);
      out += groups[k];
    }
    return out;
  };
  if (first_sep == '-' && sym.year.empty() && seps.size() >= 1 && seps[0] == '/') {
    sym.party = true;
    sym.type_abbr = groups[0];
    sym.issuer_abbr = join(1);
  } else if (first_sep == '-' && sym.year.empty() && groups.size() == 1) {
    sym.issuer_abbr = groups[0];  // old "61-CP"
  } else if (TypeByAbbr(groups[0]) != nullptr && groups.size() > 1) {
    sym.type_abbr = groups[0];
    sym.issuer_abbr = join(1);
  } else {
    sym.issuer_abbr = join(0);
  }
  if (first_sep == '-' && !sym.party && !sym.year.empty() && groups.size() < 2) {
    return std::nullopt;
  }
  sym.text = sym.number + first_sep;
  if (!sym.year.empty()) {
    sym.text += sym.year;
    sym.text.push_back(year_sep);
  }
  sym.text += join(0);
  sym.begin = begin;
  sym.end = end;
  return sym;
}

std::string SymbolKey(std::string_view symbol) {
  std::string out;
  for (const char c : text::Fold(symbol)) {
    if ((c >= 'a' && c <= 'z') || IsDigit(c)) out.push_back(c);
  }
  // Leading zeros of the running number do not distinguish documents ("05" = "5").
  std::size_t z = 0;
  while (z + 1 < out.size() && out[z] == '0' && IsDigit(out[z + 1])) ++z;
  return out.substr(z);
}

}  // namespace dondoc::parse
