// Tested by outline_test.cc.
//
// The outline is read line by line. A line is a heading when, after leading markup ("**", "*",
// "_", "#", ">", a lone "|" cell marker, spaces) it starts with one of these labels:
//
//   kind        printed as                                   label          path element
//   Phụ lục     "PHỤ LỤC I", "Phụ lục 02", "PHỤ LỤC"         "Phụ lục I"    "PLI"
//   Phần        "Phần I", "PHẦN 2.", "Phần thứ nhất"         "Phần I"       "PI" ("P1" for thứ
//   nhất) Chương      "Chương II", "Chương 2", "CHƯƠNG III:"       "Chương II"    "CII" Mục
//   "Mục 1.", "MỤC 2:", "Mục I"                  "Mục 1"        "M1" Tiểu mục    "Tiểu mục 1" "Tiểu
//   mục 1"   "TM1" Điều        "Điều 5.", "Điều 5a.", "Điều 5:", "Điều 5 -" "Điều 5"       "D5"
//   Roman       "II.", "II-", "II -" (Party), "II –"         "II"           "II"
//   Arabic      "1.", "1.2.", "1.2.3.", "1.2 Text"           "1", "1.2"     see below
//   Letter      "a)", "đ)", "a1)", "b."                      "a"            "a"
//
// SPEC(NĐ 30/2020, Phụ lục I, Phần I, III.5 and Luật 64/2025 Điều 7.2): Phần > Chương > Mục >
// Tiểu mục > Điều > khoản "1." > điểm "a)"; report-style documents (and Party documents,
// HD 36-HD/VPTW) use Phần > Roman "I." / "I-" > "1." > "a)". Nesting follows a rank per kind:
// Phụ lục, Phần 0; Chương 1; Mục 2; Tiểu mục 3; Điều and Roman 4 (alternatives at the same
// level, so the Roman sections of a plan attached after a decision's Điều 3 are not put under
// it); Arabic 5 + depth - 1 ("1.2." is a child of "1."); letters 9. A heading goes under the
// nearest earlier heading of a smaller rank.
//
// path joins the path elements of the node and its ancestors with "." ("CII.D5.2.a",
// "III.1.a"). A multi-level Arabic label under the node it extends adds only its last
// component ("1.2" under "III.1" → "III.1.2"); elsewhere it adds the whole label ("II.1.2").
//
// Dash and plus bullets ("-", "+") are not outline nodes: in plans they are tens of thousands
// of one-sentence items and would bury the numbered levels that tasks refer to.
//
// Edge cases handled:
// - The header (issuer, number, date) is skipped: reading starts at the first "Căn cứ" line
//   when there is one in the first half of the text.
// - The "Nơi nhận:" block (and the signature after it) is skipped up to the next Roman,
//   Chương, Phần, Điều, Mục or Phụ lục heading or an upper-case type-name title line (a plan
//   attached after its decision), so "- Như Điều 3;" and numbered recipients are not headings.
// - Quoted text (a line opening with “ or " — amendments quoting the new wording, công văn
//   quoting a decree's Điều) is skipped up to the line that closes the quote (at most
//   kMaxQuoteLines lines).
// - Markdown table rows (two or more "|") are skipped, so "| 1. | 00070 |" is no heading.
// - Numbers that are not labels: years ("2025."), decimals ("1.000", "80.03 ..."), numbers of
//   three or more digits (except Điều), "1)" and "1/" forms, bare "1 Text".
// - "Chương trình", "Mục tiêu", "Phần mềm": a keyword needs a numeral after it; "Điều 47 của
//   Luật này" (a citation at line start) needs a separator ("." ":" "-") or an empty rest.
// - A heading whose rest of line is empty takes the next non-empty line ("Chương I" /
//   "NHỮNG QUY ĐỊNH CHUNG"); bold opened before the label and not closed on the line, or an
//   upper-case heading wrapped onto upper-case lines, continues onto at most kMaxHeadingLines.
// - Headings are cleaned of "*", "_", "#", "|" and repeated spaces and cut at a word boundary
//   near kMaxHeadingBytes bytes with "…" appended.
#include "parse/outline.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string>

#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

constexpr std::size_t kMaxHeadingBytes = 200;
constexpr int kMaxHeadingLines = 4;
constexpr int kMaxQuoteLines = 150;

struct Line {
  std::size_t begin, end;  // [begin, end) without the '\n'
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t b = 0;
  while (b <= text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back({b, e});
    if (e == text.size()) break;
    b = e + 1;
  }
  return lines;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsMarkup(char c) { return c == '*' || c == '_' || c == '#' || c == '>'; }

std::size_t SkipSpaces(std::string_view t, std::size_t i, std::size_t end) {
  while (i < end && IsSpace(t[i])) ++i;
  return i;
}

std::size_t SkipMarkupAndSpaces(std::string_view t, std::size_t i, std::size_t end) {
  while (i < end && (IsSpace(t[i]) || IsMarkup(t[i]))) ++i;
  return i;
}

// End of the line's content without trailing spaces and markup.
std::size_t TrimEnd(std::string_view t, std::size_t b, std::size_t e) {
  while (e > b && (IsSpace(t[e - 1]) || IsMarkup(t[e - 1]) || t[e - 1] == '|')) --e;
  return e;
}

char32_t CpAt(std::string_view t, std::size_t i, std::size_t end, std::size_t* len) {
  if (i >= end) {
    *len = 0;
    return 0;
  }
  return text::DecodeAt(t.substr(0, end), i, len);
}

bool IsLetterAt(std::string_view t, std::size_t i, std::size_t end) {
  std::size_t len;
  const char32_t cp = CpAt(t, i, end, &len);
  return len > 0 && u_isalpha(static_cast<UChar32>(cp));
}

bool IsUpperAt(std::string_view t, std::size_t i, std::size_t end) {
  std::size_t len;
  const char32_t cp = CpAt(t, i, end, &len);
  return len > 0 && u_isupper(static_cast<UChar32>(cp));
}

bool IsLowerAt(std::string_view t, std::size_t i, std::size_t end) {
  std::size_t len;
  const char32_t cp = CpAt(t, i, end, &len);
  return len > 0 && u_islower(static_cast<UChar32>(cp));
}

// A line is "upper case" when it has letters and none of them is lower case.
bool IsUpperLine(std::string_view s) {
  bool any = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t cp = text::DecodeAt(s, i, &len);
    if (u_islower(static_cast<UChar32>(cp))) return false;
    if (u_isalpha(static_cast<UChar32>(cp))) any = true;
    i += len;
  }
  return any;
}

// Value of a canonical Roman numeral (I … XL), 0 when `s` is not one.
int RomanValue(std::string_view s) {
  static constexpr std::string_view kRomans[] = {
      "I",    "II",    "III",    "IV",    "V",    "VI",    "VII",    "VIII",    "IX",    "X",
      "XI",   "XII",   "XIII",   "XIV",   "XV",   "XVI",   "XVII",   "XVIII",   "XIX",   "XX",
      "XXI",  "XXII",  "XXIII",  "XXIV",  "XXV",  "XXVI",  "XXVII",  "XXVIII",  "XXIX",  "XXX",
      "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX", "XL"};
  for (std::size_t k = 0; k < std::size(kRomans); ++k) {
    if (kRomans[k] == s) return static_cast<int>(k) + 1;
  }
  return 0;
}

enum class Kind {
  kAppendix,
  kPart,
  kChapter,
  kSection,
  kSubsection,
  kArticle,
  kRoman,
  kArabic,
  kLetter
};

struct Label {
  Kind kind;
  std::string label;    // "Chương II", "1.2", "a"
  std::string element;  // path element: "CII", "1.2", "a"
  int rank = 0;
  std::size_t rest = 0;      // where the heading text starts
  bool rest_needed = false;  // take the next line when the rest is empty
};

// Reads a numeral after a structure keyword: digits (with an optional glued lower-case letter
// when `letter_suffix`) or an upper-case Roman numeral. Returns its end, or `i` when none.
std::size_t ReadNumeral(std::string_view t, std::size_t i, std::size_t end, bool letter_suffix) {
  std::size_t j = i;
  if (j < end && IsDigit(t[j])) {
    while (j < end && IsDigit(t[j]) && j - i < 4) ++j;
    if (j < end && IsDigit(t[j])) return i;
    if (letter_suffix && j < end && t[j] >= 'a' && t[j] <= 'z' &&
        (j + 1 >= end || !IsLetterAt(t, j + 1, end))) {
      ++j;
    }
    return j;
  }
  while (j < end && (t[j] == 'I' || t[j] == 'V' || t[j] == 'X' || t[j] == 'L')) ++j;
  if (j == i || RomanValue(t.substr(i, j - i)) == 0) return i;
  return j;
}

// After a label: optional spaces/markup, then an optional separator. Sets *sep to the
// separator seen ('.', ':', '-', ')' or 0) and returns where the rest starts.
std::size_t ReadSeparator(std::string_view t, std::size_t i, std::size_t end, char* sep) {
  std::size_t j = SkipMarkupAndSpaces(t, i, end);
  *sep = 0;
  if (j < end && (t[j] == '.' || t[j] == ':' || t[j] == '-' || t[j] == ')')) {
    *sep = t[j];
    ++j;
  } else if (t.substr(j, 3) == "\u2013" || t.substr(j, 3) == "\u2014") {  // – —
    *sep = '-';
    j += 3;
  }
  return SkipMarkupAndSpaces(t, j, end);
}

// Folded first word at i (letters only), and its end.
std::string FoldedWord(std::string_view t, std::size_t i, std::size_t end, std::size_t* wend) {
  std::size_t j = i;
  while (j < end && !IsSpace(t[j]) && !IsMarkup(t[j]) && t[j] != '.' && t[j] != ':') {
    std::size_t len;
    text::DecodeAt(t.substr(0, end), j, &len);
    j += len;
  }
  *wend = j;
  return text::Fold(t.substr(i, j - i));
}

const char* OrdinalValue(std::string_view folded) {
  struct O {
    std::string_view w;
    const char* v;
  };
  static constexpr O kOrd[] = {{"nhat", "1"}, {"hai", "2"},  {"ba", "3"},  {"tu", "4"},
                               {"nam", "5"},  {"sau", "6"},  {"bay", "7"}, {"tam", "8"},
                               {"chin", "9"}, {"muoi", "10"}};
  for (const O& o : kOrd) {
    if (o.w == folded) return o.v;
  }
  return nullptr;
}

// A keyword heading ("Chương II", "Điều 5.", "Phần thứ nhất", "PHỤ LỤC I") at i.
std::optional<Label> KeywordLabel(std::string_view t, std::size_t i, std::size_t end) {
  if (!IsUpperAt(t, i, end)) return std::nullopt;
  std::size_t wend;
  const std::string w1 = FoldedWord(t, i, end, &wend);
  Label l;
  std::string prefix, shown;
  bool letter_suffix = false;
  std::size_t k = SkipSpaces(t, wend, end);
  if (w1 == "phan") {
    l.kind = Kind::kPart, l.rank = 0, prefix = "P", shown = "Phần";
  } else if (w1 == "chuong") {
    l.kind = Kind::kChapter, l.rank = 1, prefix = "C", shown = "Chương";
  } else if (w1 == "muc") {
    l.kind = Kind::kSection, l.rank = 2, prefix = "M", shown = "Mục";
  } else if (w1 == "dieu") {
    l.kind = Kind::kArticle, l.rank = 4, prefix = "D", shown = "Điều", letter_suffix = true;
  } else if (w1 == "tieu" || w1 == "phu") {
    std::size_t w2end;
    const std::string w2 = FoldedWord(t, k, end, &w2end);
    if (w1 == "tieu" && w2 == "muc") {
      l.kind = Kind::kSubsection, l.rank = 3, prefix = "TM", shown = "Tiểu mục";
    } else if (w1 == "phu" && w2 == "luc") {
      l.kind = Kind::kAppendix, l.rank = 0, prefix = "PL", shown = "Phụ lục";
    } else {
      return std::nullopt;
    }
    k = SkipSpaces(t, w2end, end);
  } else {
    return std::nullopt;
  }
  std::size_t nend = ReadNumeral(t, k, end, letter_suffix);
  std::string numeral(t.substr(k, nend - k));
  if (nend == k && l.kind == Kind::kPart) {
    // "Phần thứ nhất", "PHẦN THỨ HAI".
    std::size_t e1, e2;
    if (FoldedWord(t, k, end, &e1) == "thu") {
      const std::size_t k2 = SkipSpaces(t, e1, end);
      const char* v = OrdinalValue(FoldedWord(t, k2, end, &e2));
      if (v != nullptr) {
        shown += " " + std::string(t.substr(k, e2 - k));
        l.label = shown;
        l.element = prefix + v;
        nend = e2;
        numeral = "#";
      }
    }
  }
  if (numeral.empty()) {
    // A bare upper-case "PHỤ LỤC" line.
    if (l.kind != Kind::kAppendix || SkipMarkupAndSpaces(t, k, end) < end ||
        !IsUpperLine(t.substr(i, end - i))) {
      return std::nullopt;
    }
    l.label = shown;
    l.element = prefix;
    l.rest = end;
    l.rest_needed = true;
    return l;
  }
  if (numeral != "#") {
    if (l.kind != Kind::kArticle && IsDigit(numeral[0]) && numeral.size() > 2) {
      return std::nullopt;
    }
    if (l.kind == Kind::kArticle && !IsDigit(numeral[0])) return std::nullopt;
    l.label = shown + " " + numeral;
    l.element = prefix + numeral;
  }
  char sep;
  l.rest = ReadSeparator(t, nend, end, &sep);
  if (sep == 0 && l.rest < end) {
    // "Điều 47 của Luật này", "Chương 2 của …": a citation, not a heading. Upper-case rests
    // ("Chương II NHỮNG QUY ĐỊNH CHUNG") are accepted for all but Điều.
    if (l.kind == Kind::kArticle || !IsUpperAt(t, l.rest, end)) return std::nullopt;
    if (l.rest == nend) return std::nullopt;  // glued: "Chương IIa"
  }
  if (sep == ')') return std::nullopt;
  l.rest_needed = l.kind != Kind::kArticle;
  return l;
}

// "II.", "II-", "II -", "II –" at i.
std::optional<Label> RomanLabel(std::string_view t, std::size_t i, std::size_t end,
                                bool bold_bare) {
  std::size_t j = i;
  while (j < end && (t[j] == 'I' || t[j] == 'V' || t[j] == 'X' || t[j] == 'L')) ++j;
  if (j == i || RomanValue(t.substr(i, j - i)) == 0) return std::nullopt;
  char sep;
  const std::size_t rest = ReadSeparator(t, j, end, &sep);
  if (sep != '.' && sep != '-') return std::nullopt;
  const bool bare = rest >= end && bold_bare;
  if (!bare && (rest >= end || !IsLetterAt(t, rest, end))) return std::nullopt;
  if (sep == '.' && rest == j + 1 && !IsUpperAt(t, rest, end)) return std::nullopt;  // "I.e"
  Label l;
  l.kind = Kind::kRoman;
  l.rest_needed = bare;
  l.rank = 4;
  l.label = std::string(t.substr(i, j - i));
  l.element = l.label;
  l.rest = rest;
  return l;
}

// "1.", "1.2.", "1.2 Text" at i.
std::optional<Label> ArabicLabel(std::string_view t, std::size_t i, std::size_t end,
                                 bool bold_bare) {
  std::vector<std::string_view> parts;
  std::size_t j = i;
  bool trailing_dot = false;
  while (true) {
    const std::size_t d = j;
    while (j < end && IsDigit(t[j]) && j - d < 3) ++j;
    const std::size_t n = j - d;
    if (n == 0 || n > 2) return std::nullopt;
    parts.push_back(t.substr(d, n));
    if (j < end && t[j] == '.') {
      ++j;
      if (j < end && IsDigit(t[j])) {
        if (parts.size() >= 4) return std::nullopt;
        continue;
      }
      trailing_dot = true;
    }
    break;
  }
  if (!trailing_dot && parts.size() < 2) return std::nullopt;  // "1 Text", "1)"
  if (parts[0] == "0" || parts[0] == "00") return std::nullopt;
  if (parts.size() > 1) {
    if (std::stoi(std::string(parts[0])) > 30) return std::nullopt;  // "80.03 Thiếc"
    for (std::size_t k = 1; k < parts.size(); ++k) {
      if (parts[k].size() > 1 && parts[k][0] == '0') return std::nullopt;  // "2.05"
    }
  }
  const std::size_t rest = SkipMarkupAndSpaces(t, j, end);
  const bool bare = rest >= end && trailing_dot && bold_bare;  // "**3." / "Công An …**"
  if (!bare && (rest >= end || !IsLetterAt(t, rest, end))) return std::nullopt;
  if (!trailing_dot && rest == j) return std::nullopt;
  Label l;
  l.kind = Kind::kArabic;
  l.rest_needed = bare;
  l.rank = 5 + static_cast<int>(parts.size()) - 1;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) l.label.push_back('.');
    l.label += parts[k];
  }
  l.element = l.label;
  l.rest = rest;
  return l;
}

// "a)", "đ)", "a1)", "b." at i.
std::optional<Label> LetterLabel(std::string_view t, std::size_t i, std::size_t end) {
  std::size_t j = i;
  if (j < end && t[j] >= 'a' && t[j] <= 'z') {
    ++j;
  } else if (t.substr(j, 2) == "\xC4\x91") {  // đ
    j += 2;
  } else {
    return std::nullopt;
  }
  if (j < end && IsDigit(t[j])) ++j;  // inserted điểm "a1)"
  if (j >= end || (t[j] != ')' && t[j] != '.')) return std::nullopt;
  const char sep = t[j];
  ++j;
  const std::size_t rest = SkipMarkupAndSpaces(t, j, end);
  if (rest >= end || !IsLetterAt(t, rest, end)) return std::nullopt;
  if (sep == '.' && rest == j) return std::nullopt;  // "v.v."
  Label l;
  l.kind = Kind::kLetter;
  l.rank = 9;
  l.label = std::string(t.substr(i, j - 1 - i));
  l.element = l.label;
  l.rest = rest;
  return l;
}

// `bold_bare`: the line opened bold that it does not close, so a bare "**3." label may take its
// heading from the next line.
std::optional<Label> ReadLabel(std::string_view t, std::size_t i, std::size_t end,
                               bool bold_bare = false) {
  if (auto l = KeywordLabel(t, i, end)) return l;
  if (auto l = RomanLabel(t, i, end, bold_bare)) return l;
  if (auto l = ArabicLabel(t, i, end, bold_bare)) return l;
  return LetterLabel(t, i, end);
}

// Byte classes for AppendClean: markup and table bars are dropped, blanks collapse.
enum : unsigned char { kPlainByte, kSkipByte, kBlankByte };
constexpr auto kHeadingClass = [] {
  std::array<unsigned char, 256> t{};
  for (const char c : {'*', '_', '#', '>', '|'}) t[static_cast<unsigned char>(c)] = kSkipByte;
  for (const char c : {' ', '\t', '\r'}) t[static_cast<unsigned char>(c)] = kBlankByte;
  return t;
}();

// Appends the cleaned content of t[b, e) to *out: markup removed, spaces collapsed.
// Hot: headings take whole wrapped lines, and a list item's heading its whole paragraph. One
// table look-up per byte, written through a pointer (never more bytes than read).
void AppendClean(std::string_view t, std::size_t b, std::size_t e, std::string* out) {
  // A heading is cut to kMaxHeadingBytes (Truncate): list items that are whole paragraphs
  // need not be copied past a few times that.
  e = std::min(e, b + 4 * kMaxHeadingBytes);
  if (e <= b) return;
  std::size_t n = out->size();
  out->resize(n + (e - b));
  char* o = out->data();
  for (std::size_t i = b; i < e; ++i) {
    const char c = t[i];
    const unsigned char cls = kHeadingClass[static_cast<unsigned char>(c)];
    if (cls == kPlainByte) {
      o[n++] = c;
    } else if (cls == kBlankByte && n > 0 && o[n - 1] != ' ') {
      o[n++] = ' ';
    }
  }
  out->resize(n);
}

std::string Truncate(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.size() <= kMaxHeadingBytes) return s;
  std::size_t cut = kMaxHeadingBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t space = s.rfind(' ', cut);
  if (space != std::string::npos && space > kMaxHeadingBytes / 2) cut = space;
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  return s + "…";
}

// Content start of a line: markup, spaces and a lone leading "|" skipped. Returns `end` for
// lines to ignore (empty, table rows).
std::size_t ContentStart(std::string_view t, const Line& ln) {
  // Two "|" make a table row. Hot (every line, several times): found by memchr.
  const char* line = t.data() + ln.begin;
  const std::size_t len = ln.end - ln.begin;
  if (const void* p1 = std::memchr(line, '|', len); p1 != nullptr) {
    const char* after = static_cast<const char*>(p1) + 1;
    if (std::memchr(after, '|', static_cast<std::size_t>(line + len - after)) != nullptr) {
      return ln.end;
    }
  }
  std::size_t i = ln.begin;
  while (i < ln.end && (IsSpace(t[i]) || IsMarkup(t[i]) || t[i] == '|')) ++i;
  return i;
}

// Fold(t.substr(i, n)).starts_with(word), folded one code point at a time and given up at the
// first mismatch. Hot: asked of every line, which nearly always differs at its first letter.
bool StartsFolded(std::string_view t, std::size_t i, std::size_t end, std::string_view word) {
  const std::size_t n = std::min(end - i, word.size() * 3 + 4);
  const std::string_view s = t.substr(i, n);
  std::size_t matched = 0;
  if (word.empty()) return true;
  for (std::size_t k = 0; k < s.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(s[k]);
    char32_t f;
    if (c < 0x80) {
      f = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    } else {
      f = text::FoldChar(text::DecodeAt(s, k, &len));
    }
    k += len;
    if (f == 0) continue;
    std::string bytes;
    text::AppendUtf8(f, &bytes);
    for (const char b : bytes) {
      if (b != word[matched]) return false;
      if (++matched == word.size()) return true;
    }
  }
  return false;
}

bool OpensQuote(std::string_view t, std::size_t i, std::size_t end) {
  return t.substr(i, 3) == "\u201C" || (i < end && t[i] == '"');
}

bool ClosesQuote(std::string_view t, std::size_t b, std::size_t e) {
  const std::string_view s = t.substr(b, e - b);
  return s.find("\u201D") != std::string_view::npos ||
         (s.find('"') != std::string_view::npos && s.find('"') != 0);
}

// An upper-case line that is a type name ("KẾ HOẠCH", "QUY ĐỊNH"): the title of an attached
// document.
bool IsTypeTitle(std::string_view t, std::size_t i, std::size_t end) {
  const std::size_t e = TrimEnd(t, i, end);
  if (e <= i || e - i > 40 || !IsUpperLine(t.substr(i, e - i))) return false;
  static constexpr std::string_view kTitles[] = {"ke hoach",     "quy dinh", "quy che",
                                                 "chuong trinh", "de an",    "huong dan",
                                                 "phuong an",    "dieu le",  "noi quy"};
  const std::string f = text::Fold(t.substr(i, e - i));
  for (std::string_view w : kTitles) {
    if (f == w) return true;
  }
  return false;
}

struct Flat {
  OutlineNode node;
  int rank;
  int parent;
  std::vector<int> kids;
};

OutlineNode Build(std::vector<Flat>& flat, int i) {
  OutlineNode n = std::move(flat[i].node);
  for (int k : flat[i].kids) n.children.push_back(Build(flat, k));
  return n;
}

}  // namespace

std::vector<OutlineNode> ExtractOutline(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  // Hard-wrapped text with blank lines between paragraphs: a heading runs to the blank line.
  std::size_t blank = 0;
  for (const Line& ln : lines) blank += SkipSpaces(text, ln.begin, ln.end) == ln.end;
  const bool paragraphs = lines.size() >= 10 && blank * 10 >= lines.size() * 3;
  std::size_t first = 0;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].begin > text.size() / 2) break;
    const std::size_t c = ContentStart(text, lines[n]);
    if (c < lines[n].end && StartsFolded(text, c, lines[n].end, "can cu ")) {
      first = n;
      break;
    }
  }
  std::vector<Flat> flat;
  std::vector<int> roots;
  std::vector<int> stack;
  bool in_recipients = false;
  int quote_lines = 0;  // > 0 while inside a quotation
  for (std::size_t n = first; n < lines.size(); ++n) {
    const Line& ln = lines[n];
    const std::size_t c = ContentStart(text, ln);
    if (c >= ln.end) continue;
    if (quote_lines > 0) {
      if (ClosesQuote(text, c, ln.end) || --quote_lines == 0) quote_lines = 0;
      continue;
    }
    if (OpensQuote(text, c, ln.end)) {
      const std::size_t after = c + (text[c] == '"' ? 1 : 3);
      if (!ClosesQuote(text, after, ln.end)) quote_lines = kMaxQuoteLines;
      continue;
    }
    if (StartsFolded(text, c, ln.end, "noi nhan")) {
      in_recipients = true;
      continue;
    }
    const std::string_view lead = text.substr(ln.begin, c - ln.begin);
    const bool bold_bare = lead.find("**") != std::string_view::npos &&
                           text.substr(c, ln.end - c).find("**") == std::string_view::npos;
    std::optional<Label> label = ReadLabel(text, c, ln.end, bold_bare);
    if (in_recipients) {
      const bool resumes = IsTypeTitle(text, c, ln.end) ||
                           (label && label->kind != Kind::kArabic && label->kind != Kind::kLetter);
      if (!resumes) continue;
      in_recipients = false;
    }
    if (!label) continue;
    // Heading text: the rest of the line, maybe continued.
    std::string heading;
    std::size_t span_end = TrimEnd(text, c, ln.end);
    AppendClean(text, label->rest, ln.end, &heading);
    bool open_bold = text.substr(ln.begin, c - ln.begin).find("**") != std::string_view::npos &&
                     (std::count(text.begin() + static_cast<std::ptrdiff_t>(ln.begin),
                                 text.begin() + static_cast<std::ptrdiff_t>(ln.end), '*') /
                      2) % 2 ==
                         1;
    bool need = label->rest_needed && heading.find_first_not_of(' ') == std::string::npos;
    bool upper = !need && IsUpperLine(heading);
    // "**1. Mục đích**" is a whole heading; "**Điều 1. **Ban" / "1. Hoàn thiện hạ tầng" wrap.
    const std::size_t line_end = TrimEnd(text, ln.begin, ln.end);
    const bool wraps =
        !upper && text.substr(line_end, std::min<std::size_t>(2, ln.end - line_end)) != "**";
    std::size_t m = n + 1;
    for (int extra = 0; extra < kMaxHeadingLines && m < lines.size(); ++m) {
      const Line& nx = lines[m];
      const std::size_t nc = ContentStart(text, nx);
      if (nc >= nx.end) {
        if (nx.begin == nx.end && !need) break;  // a blank line ends the heading
        continue;
      }
      if (ReadLabel(text, nc, nx.end) || StartsFolded(text, nc, nx.end, "noi nhan")) break;
      const std::size_t ne = TrimEnd(text, nc, nx.end);
      const bool nx_upper = IsUpperLine(text.substr(nc, ne - nc));
      const bool bullet = text[nc] == '-' || text[nc] == '+' || text.substr(nc, 3) == "\u2022";
      // A wrapped line continues the sentence: in blank-line-separated text any line, else
      // one that starts in lower case ("1. Hoàn thiện hạ tầng công" / "nghệ thông tin").
      const bool continues = wraps && !bullet && (paragraphs || IsLowerAt(text, nc, nx.end));
      if (!need && !open_bold && !(upper && nx_upper) && !continues) break;
      if (!heading.empty() && heading.back() != ' ') heading.push_back(' ');
      AppendClean(text, nc, nx.end, &heading);
      span_end = ne;
      ++extra;
      for (std::size_t i = nx.begin; i < nx.end; ++i) {
        if (text.substr(i, 2) == "**") {
          open_bold = !open_bold;
          ++i;
        }
      }
      if (need) upper = nx_upper;
      need = false;
    }
    Flat f;
    f.node.label = label->label;
    f.node.heading = Truncate(heading);
    if (f.node.heading.starts_with(' ')) f.node.heading.erase(0, 1);
    f.node.span = {static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(span_end)};
    f.rank = label->rank;
    while (!stack.empty() && flat[stack.back()].rank >= f.rank) stack.pop_back();
    f.parent = stack.empty() ? -1 : stack.back();
    if (f.parent < 0) {
      f.node.path = label->element;
    } else {
      const OutlineNode& p = flat[f.parent].node;
      std::string element = label->element;
      if (label->kind == Kind::kArabic && flat[f.parent].rank >= 5 &&
          element.starts_with(p.label + ".")) {
        element = element.substr(p.label.size() + 1);
      }
      f.node.path = p.path + "." + element;
    }
    const int idx = static_cast<int>(flat.size());
    if (f.parent < 0) {
      roots.push_back(idx);
    } else {
      flat[f.parent].kids.push_back(idx);
    }
    flat.push_back(std::move(f));
    stack.push_back(idx);
  }
  std::vector<OutlineNode> out;
  for (int r : roots) out.push_back(Build(flat, r));
  return out;
}

}  // namespace dondoc::parse
