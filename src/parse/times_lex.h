// Internal to parse/times: word-level matching on folded text and the calendar "pieces" a
// deadline is made of (a day, months, quarters, a half-year, nine months, years), parsed with or
// without their year. Tested through times_test.cc.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "calendar/date.h"
#include "parse/word_events.h"

namespace dondoc::parse::times_internal {

inline constexpr std::size_t kNo = std::string_view::npos;

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// The bytes that make words of folded text (lower case), [a-z0-9] (word_events.h).
inline bool IsAlnum(char c) { return IsWordByte(c); }
inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Past spaces, tabs and line breaks (a phrase may wrap onto the next line).
// Inline (with WordAt): the matchers call them at almost every word of a document.
inline std::size_t Skip(std::string_view f, std::size_t p) {
  while (p < f.size() && IsBlank(f[p])) ++p;
  return p;
}
// The word (or words, one space standing for any blank run) `w` at f[p] ending at a word
// boundary: the position after it, else kNo.
inline std::size_t WordAt(std::string_view f, std::size_t p, std::string_view w) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (w[k] == ' ') {
      if (p >= f.size() || !IsBlank(f[p])) return kNo;
      p = Skip(f, p);
      continue;
    }
    if (p >= f.size() || f[p] != w[k]) return kNo;
    ++p;
  }
  if (p < f.size() && IsAlnum(f[p])) return kNo;
  return p;
}
// Like WordAt, then past blanks: the start of the next token, else kNo. Inline, the first
// byte tested first: matchers try lists of phrases at most words.
inline std::size_t Eat(std::string_view f, std::size_t p, std::string_view w) {
  if (!w.empty() && w[0] != ' ' && (p >= f.size() || f[p] != w[0])) return kNo;
  const std::size_t e = WordAt(f, p, w);
  return e == kNo ? kNo : Skip(f, e);
}
// 1..max_digits digits at p not followed by another digit: the position after them, else kNo.
std::size_t NumberAt(std::string_view f, std::size_t p, int max_digits, int* value);
// A year 1945–2099 written with four digits.
std::size_t YearAt(std::string_view f, std::size_t p, int* year);
// A quarter number: Roman I–IV or Arabic 1–4 (the folded text is lower case).
std::size_t QuarterAt(std::string_view f, std::size_t p, int* quarter);
// A dash: '-', en dash or em dash (kept as UTF-8 by folding).
std::size_t DashAt(std::string_view f, std::size_t p);
// After a list item ending at e: "," | "và" | a dash, then optionally one of the `unit` words;
// the position of the next item, else kNo.
std::size_t ListNext(std::string_view f, std::size_t e,
                     std::initializer_list<std::string_view> unit);

// A span of the calendar named by the text. year == 0: the year was not written.
struct Piece {
  enum class Unit { kDay, kMonth, kQuarter, kHalf, kNine, kYear, kYearEnd };
  Unit unit = Unit::kDay;
  int year = 0;
  int year_last = 0;           // kYear ranges ("2026-2030"); 0 otherwise
  int lo = 0, hi = 0;          // kDay: month; kMonth: months; kQuarter: quarters; kHalf: 1 or 2
  int day = 0;                 // kDay only; 0 for "ngày 20" without a month
  bool invalid = false;        // looked like a date but names no day (32/13/2025)
  bool relative_year = false;  // "năm nay", "năm sau"… resolved from the document's year
  int year_offset = 0;
  std::size_t begin = 0, end = 0;  // folded offsets
};

// Day dates: "ngày 15/12/2026", "15/12/2026", "15-12-2026", "ngày 15 tháng 12 năm 2026",
// "ngày 15/12", "15/12" (allow_bare_short: without "ngày", a year-less "d/m" is only taken when
// the caller has a deadline word before it), "ngày 20" (day only). Refuses a date glued to a
// symbol ("1/2020/QĐ-UBND"). An impossible date comes back with invalid set.
std::optional<Piece> DayAt(std::string_view f, std::size_t p, bool allow_bare_short);

// "tháng 6/2025", "tháng 6 năm 2025", "tháng 7,8/2020", "tháng 7 và tháng 8 năm 2020", "tháng 6".
std::optional<Piece> MonthAt(std::string_view f, std::size_t p);
// "quý II/2019", "quí 2 năm 2025", "QII/2025", "quý I và quý II năm 2026", "Quí IV-2025".
std::optional<Piece> QuarterPieceAt(std::string_view f, std::size_t p);
// "6 tháng đầu năm 2026", "06 tháng cuối năm", "9 tháng đầu năm 2025", "9 tháng năm 2025".
std::optional<Piece> HalfAt(std::string_view f, std::size_t p);
// "năm 2026", "năm 2026 - 2030", "2026-2030" (bare digits only when allow_bare), "cuối năm 2025".
std::optional<Piece> YearPieceAt(std::string_view f, std::size_t p, bool allow_bare);

// Any of the above, in that order of preference.
std::optional<Piece> PieceAt(std::string_view f, std::size_t p, bool allow_bare);

// The first and last day of a piece for the given year (the piece's own year when written).
// kDay without a month, or a day the year does not have (29/2/2025), gives nullopt.
struct Range {
  calendar::Date start, end;
};
std::optional<Range> Resolve(const Piece& piece, int year);

}  // namespace dondoc::parse::times_internal
