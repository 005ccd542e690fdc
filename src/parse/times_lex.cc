// Tested by times_test.cc (through ExtractTimes).
//
// Everything here reads folded text (text::Fold: no diacritics, lower case, đ → d), so "quý",
// "quí", "Quý" and "QUÍ" are all "quy"/"qui", and "hằng"/"hàng" are both "hang". Edge cases:
// - Roman and Arabic quarter numbers (quý II, quý 2, QII/2025), checked at a word boundary so
//   "quy dinh", "quy mo" are not quarters;
// - month and quarter lists and dashes ("tháng 7,8/2020", "quý I và quý II năm 2026",
//   "tháng 7-8/2020"); a list item must end where a list or a year can continue, so "tháng 6
//   và 10 ngày" is month 6 only;
// - "/yyyy", "-yyyy", "năm yyyy", "năm nay|sau|tới|tiếp theo" after a month or quarter;
// - a date glued to a symbol ("1/2020/QĐ-UBND", "15/12/QĐ") is no date;
// - year-less day dates are only checked against the longest month (29/2 passes; the year's
//   check comes at resolution); an impossible date is returned marked invalid so the caller can
//   warn;
// - years are 1945–2099, ranges at most 50 years and increasing.
#include "parse/times_lex.h"

#include <algorithm>
#include <cstring>

namespace dondoc::parse::times_internal {

std::size_t NumberAt(std::string_view f, std::size_t p, int max_digits, int* value) {
  int n = 0;
  int v = 0;
  while (p + n < f.size() && IsDigit(f[p + n])) {
    if (n == max_digits) return kNo;
    v = v * 10 + (f[p + n] - '0');
    ++n;
  }
  if (n == 0) return kNo;
  *value = v;
  return p + n;
}

std::size_t YearAt(std::string_view f, std::size_t p, int* year) {
  int y = 0;
  const std::size_t e = NumberAt(f, p, 4, &y);
  if (e == kNo || e - p != 4 || y < 1945 || y > 2099) return kNo;
  if (e < f.size() && (IsAlnum(f[e]) || f[e] == '/')) return kNo;  // "2015/QH13"
  *year = y;
  return e;
}

std::size_t QuarterAt(std::string_view f, std::size_t p, int* quarter) {
  static constexpr std::string_view kRoman[] = {"iv", "iii", "ii", "i"};
  static constexpr int kValue[] = {4, 3, 2, 1};
  for (int k = 0; k < 4; ++k) {
    if (f.substr(p, kRoman[k].size()) == kRoman[k]) {
      const std::size_t e = p + kRoman[k].size();
      if (e < f.size() && IsAlnum(f[e])) continue;
      *quarter = kValue[k];
      return e;
    }
  }
  if (p < f.size() && f[p] >= '1' && f[p] <= '4' && (p + 1 >= f.size() || !IsAlnum(f[p + 1]))) {
    *quarter = f[p] - '0';
    return p + 1;
  }
  return kNo;
}

std::size_t DashAt(std::string_view f, std::size_t p) {
  if (p < f.size() && f[p] == '-') return p + 1;
  // U+2013 en dash, U+2014 em dash: E2 80 93 / E2 80 94.
  if (f.substr(p, 2) == "\xE2\x80" && p + 2 < f.size() &&
      (f[p + 2] == '\x93' || f[p + 2] == '\x94')) {
    return p + 3;
  }
  return kNo;
}

// "," | "và" | dash, then an optional repeated unit word; returns the position of the next
// number or kNo.
std::size_t ListNext(std::string_view f, std::size_t e,
                     std::initializer_list<std::string_view> unit) {
  std::size_t q = Skip(f, e);
  if (q < f.size() && f[q] == ',') {
    q = Skip(f, q + 1);
  } else if (std::size_t d = DashAt(f, q); d != kNo) {
    q = Skip(f, d);
  } else if (std::size_t v = Eat(f, q, "va"); v != kNo) {
    q = v;
  } else {
    return kNo;
  }
  for (std::string_view w : unit) {
    if (std::size_t u = Eat(f, q, w); u != kNo) return u;
  }
  return q;
}

namespace {

// A year written after a month or quarter: "/2020", "-2020", " năm 2020", " năm nay".
// Returns the end, or kNo; sets piece->year or the relative-year fields.
std::size_t YearSuffix(std::string_view f, std::size_t p, Piece* piece) {
  int y = 0;
  if (p < f.size() && (f[p] == '/' || f[p] == '-')) {
    if (std::size_t e = YearAt(f, Skip(f, p + 1), &y); e != kNo) {
      piece->year = y;
      return e;
    }
    return kNo;
  }
  const std::size_t q = Skip(f, p);
  std::size_t n = Eat(f, q, "nam");
  if (n == kNo) return kNo;
  if (std::size_t e = YearAt(f, n, &y); e != kNo) {
    piece->year = y;
    return e;
  }
  static constexpr std::pair<std::string_view, int> kRelative[] = {
      {"nay", 0}, {"sau", 1}, {"toi", 1}, {"tiep theo", 1}};
  for (const auto& [w, off] : kRelative) {
    if (std::size_t e = WordAt(f, n, w); e != kNo) {
      piece->relative_year = true;
      piece->year_offset = off;
      return e;
    }
  }
  return kNo;
}

// After a list item at e: the text may go on with a list separator, a year or punctuation,
// not with another word ("tháng 6 và 10 ngày").
bool ItemTailOk(std::string_view f, std::size_t e) {
  if (e >= f.size() || !IsAlnum(f[e])) {
    const std::size_t q = Skip(f, e);
    if (q >= f.size() || !IsAlnum(f[q])) return true;
    for (std::string_view w : {"nam", "va", "den", "thang", "quy", "qui", "hang", "moi"}) {
      if (WordAt(f, q, w) != kNo) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Piece> DayAt(std::string_view f, std::size_t p, bool allow_bare_short) {
  Piece piece;
  piece.unit = Piece::Unit::kDay;
  piece.begin = p;
  std::size_t q = p;
  const std::size_t after_ngay = Eat(f, p, "ngay");
  const bool ngay = after_ngay != kNo;
  if (ngay) q = after_ngay;
  int d = 0, m = 0, y = 0;
  std::size_t e = NumberAt(f, q, 2, &d);
  if (e == kNo) return std::nullopt;
  if (e < f.size() && (f[e] == '/' || f[e] == '-' || f[e] == '.') && e + 1 < f.size() &&
      IsDigit(f[e + 1])) {
    const char sep = f[e];
    std::size_t e2 = NumberAt(f, e + 1, 2, &m);
    if (e2 == kNo) return std::nullopt;
    if (e2 < f.size() && f[e2] == sep && e2 + 1 < f.size() && IsDigit(f[e2 + 1])) {
      int yy = 0;
      const std::size_t e3 = NumberAt(f, e2 + 1, 4, &yy);
      if (e3 == kNo || e3 - e2 - 1 != 4) return std::nullopt;
      if (e3 < f.size() && (f[e3] == '/' || IsAlnum(f[e3]))) return std::nullopt;
      if (e3 < f.size() && f[e3] == '-' && e3 + 1 < f.size() && IsAlnum(f[e3 + 1])) {
        return std::nullopt;
      }
      if (!ngay && sep == '.' && (d > 12 && m > 12)) return std::nullopt;
      y = yy;
      e = e3;
    } else {
      // Year-less "d/m": '/' only ("1-2", "1.5" are too often something else).
      if (sep != '/' || !(ngay || allow_bare_short)) return std::nullopt;
      if (e2 < f.size() && (f[e2] == '/' || IsAlnum(f[e2]))) return std::nullopt;
      if (e2 < f.size() && f[e2] == '-' && e2 + 1 < f.size() && IsAlnum(f[e2 + 1])) {
        return std::nullopt;
      }
      e = e2;
    }
  } else if (std::size_t t = Eat(f, Skip(f, e), "thang"); t != kNo && (ngay || IsBlank(f[e]))) {
    std::size_t e2 = NumberAt(f, t, 2, &m);
    if (e2 == kNo) return std::nullopt;
    e = e2;
    if (std::size_t n = Eat(f, Skip(f, e2), "nam"); n != kNo) {
      if (std::size_t e3 = YearAt(f, n, &y); e3 != kNo) e = e3;
    } else if (e2 < f.size() && f[e2] == '/') {
      if (std::size_t e3 = YearAt(f, e2 + 1, &y); e3 != kNo) e = e3;
    }
  } else {
    if (!ngay) return std::nullopt;
    if (e < f.size() && IsAlnum(f[e])) return std::nullopt;
    if (d < 1 || d > 31) return std::nullopt;
    piece.day = d;
    piece.end = e;
    return piece;  // "ngày 20": day only
  }
  piece.end = e;
  piece.year = y;
  piece.day = d;
  piece.lo = piece.hi = m;
  if (y != 0) {
    piece.invalid = !calendar::IsValid({y, m, d});
  } else {
    piece.invalid = m < 1 || m > 12 || d < 1 || d > calendar::DaysInMonth(2024, m);
  }
  return piece;
}

std::optional<Piece> MonthAt(std::string_view f, std::size_t p) {
  std::size_t q = Eat(f, p, "thang");
  if (q == kNo) return std::nullopt;
  Piece piece;
  piece.unit = Piece::Unit::kMonth;
  piece.begin = p;
  int m = 0;
  std::size_t e = NumberAt(f, q, 2, &m);
  if (e == kNo || m < 1 || m > 12 || (e < f.size() && IsAlnum(f[e]))) return std::nullopt;
  piece.lo = piece.hi = m;
  while (true) {
    if (std::size_t y = YearSuffix(f, e, &piece); y != kNo) {
      e = y;
      break;
    }
    const std::size_t n = ListNext(f, e, {"thang"});
    int m2 = 0;
    std::size_t e2 = n == kNo ? kNo : NumberAt(f, n, 2, &m2);
    if (e2 == kNo || m2 <= piece.hi || m2 > 12 || !ItemTailOk(f, e2)) break;
    piece.hi = m2;
    e = e2;
  }
  piece.end = e;
  return piece;
}

std::optional<Piece> QuarterPieceAt(std::string_view f, std::size_t p) {
  Piece piece;
  piece.unit = Piece::Unit::kQuarter;
  piece.begin = p;
  int qn = 0;
  std::size_t e = kNo;
  std::size_t q = Eat(f, p, "quy");
  if (q == kNo) q = Eat(f, p, "qui");
  if (q != kNo) {
    e = QuarterAt(f, q, &qn);
    if (e == kNo) return std::nullopt;
  } else if (p + 1 < f.size() && f[p] == 'q') {  // "QII/2025": the year is required
    e = QuarterAt(f, p + 1, &qn);
    if (e == kNo || e >= f.size() || (f[e] != '/' && f[e] != '-')) return std::nullopt;
    if (YearSuffix(f, e, &piece) == kNo) return std::nullopt;
  } else {
    return std::nullopt;
  }
  piece.lo = piece.hi = qn;
  while (true) {
    if (std::size_t y = YearSuffix(f, e, &piece); y != kNo) {
      e = y;
      break;
    }
    const std::size_t n = ListNext(f, e, {"quy", "qui"});
    int q2 = 0;
    std::size_t e2 = n == kNo ? kNo : QuarterAt(f, n, &q2);
    if (e2 == kNo || q2 <= piece.hi || !ItemTailOk(f, e2)) break;
    piece.hi = q2;
    e = e2;
  }
  piece.end = e;
  return piece;
}

std::optional<Piece> HalfAt(std::string_view f, std::size_t p) {
  int n = 0;
  std::size_t q = NumberAt(f, p, 2, &n);
  if (q == kNo) {
    if (std::size_t s = WordAt(f, p, "sau"); s != kNo) n = 6, q = s;
    if (std::size_t s = WordAt(f, p, "chin"); s != kNo) n = 9, q = s;
    if (q == kNo) return std::nullopt;
  }
  if (n != 6 && n != 9) return std::nullopt;
  q = Eat(f, Skip(f, q), "thang");
  if (q == kNo) return std::nullopt;
  Piece piece;
  piece.begin = p;
  piece.unit = n == 6 ? Piece::Unit::kHalf : Piece::Unit::kNine;
  piece.lo = piece.hi = 1;
  std::size_t e = kNo;
  if (std::size_t d = WordAt(f, q, "dau nam"); d != kNo) {
    e = d;
  } else if (std::size_t c = WordAt(f, q, "cuoi nam"); c != kNo && n == 6) {
    e = c;
    piece.lo = piece.hi = 2;
  }
  int y = 0;
  if (e != kNo) {
    if (std::size_t ye = YearAt(f, Skip(f, e), &y); ye != kNo) {
      piece.year = y;
      e = ye;
    } else if (std::size_t ny = WordAt(f, Skip(f, e), "nay"); ny != kNo) {
      piece.relative_year = true;
      e = ny;
    }
  } else if (std::size_t ne = Eat(f, q, "nam"); ne != kNo) {  // "9 tháng năm 2025"
    if (std::size_t ye = YearAt(f, ne, &y); ye != kNo) {
      piece.year = y;
      e = ye;
    }
  }
  if (e == kNo) return std::nullopt;
  piece.end = e;
  return piece;
}

std::optional<Piece> YearPieceAt(std::string_view f, std::size_t p, bool allow_bare) {
  Piece piece;
  piece.begin = p;
  piece.unit = Piece::Unit::kYear;
  int y = 0;
  if (std::size_t c = Eat(f, p, "cuoi nam"); c != kNo) {
    piece.unit = Piece::Unit::kYearEnd;
    if (std::size_t e = YearAt(f, c, &y); e != kNo) {
      piece.year = y;
      piece.end = e;
      return piece;
    }
    if (std::size_t e = WordAt(f, c, "nay"); e != kNo) {
      piece.relative_year = true;
      piece.end = e;
      return piece;
    }
    const std::size_t e = WordAt(f, p, "cuoi nam");
    if (e < f.size() && c < f.size() && IsAlnum(f[c])) return std::nullopt;  // "cuối năm học"
    piece.end = e;
    return piece;
  }
  std::size_t q = Eat(f, p, "nam");
  if (q == kNo) {
    if (!allow_bare) return std::nullopt;
    q = p;
  }
  std::size_t e = YearAt(f, q, &y);
  if (e == kNo) return std::nullopt;
  piece.year = y;
  // A range: "2026 - 2030", "2026–2030", "năm 2021 đến năm 2025", "2021 - năm 2025".
  std::size_t r = Skip(f, e);
  std::size_t after = DashAt(f, r);
  if (after == kNo) after = Eat(f, r, "den");
  if (after != kNo) {
    after = Skip(f, after);
    if (std::size_t n = Eat(f, after, "nam"); n != kNo) after = n;
    int y2 = 0;
    if (std::size_t e2 = YearAt(f, after, &y2); e2 != kNo && y2 > y && y2 - y <= 50) {
      piece.year_last = y2;
      e = e2;
    }
  }
  piece.end = e;
  return piece;
}

std::optional<Piece> PieceAt(std::string_view f, std::size_t p, bool allow_bare) {
  if (p >= f.size()) return std::nullopt;
  const char c = f[p];
  if (IsDigit(c)) {
    if (auto d = DayAt(f, p, allow_bare)) return d;
    if (auto h = HalfAt(f, p)) return h;
    return YearPieceAt(f, p, allow_bare);
  }
  switch (c) {
    case 'n':
      if (auto d = DayAt(f, p, allow_bare)) return d;
      return YearPieceAt(f, p, allow_bare);
    case 't':
      return MonthAt(f, p);
    case 'q':
      return QuarterPieceAt(f, p);
    case 'c':
      if (auto h = HalfAt(f, p)) return h;
      return YearPieceAt(f, p, allow_bare);
    case 's':
      return HalfAt(f, p);
    default:
      return std::nullopt;
  }
}

std::optional<Range> Resolve(const Piece& piece, int year) {
  const int y = piece.year != 0 ? piece.year : year;
  if (y == 0) return std::nullopt;
  using calendar::Date;
  using U = Piece::Unit;
  switch (piece.unit) {
    case U::kDay: {
      const Date d{y, piece.lo, piece.day};
      if (piece.lo == 0 || !calendar::IsValid(d)) return std::nullopt;
      return Range{d, d};
    }
    case U::kMonth:
      return Range{Date{y, piece.lo, 1}, calendar::EndOfMonth(Date{y, piece.hi, 1})};
    case U::kQuarter:
      return Range{Date{y, 3 * piece.lo - 2, 1}, calendar::EndOfMonth(Date{y, 3 * piece.hi, 1})};
    case U::kHalf:
      return piece.lo == 1 ? Range{Date{y, 1, 1}, Date{y, 6, 30}}
                           : Range{Date{y, 7, 1}, Date{y, 12, 31}};
    case U::kNine:
      return Range{Date{y, 1, 1}, Date{y, 9, 30}};
    case U::kYear:
      return Range{Date{y, 1, 1}, Date{piece.year_last != 0 ? piece.year_last : y, 12, 31}};
    case U::kYearEnd:
      return Range{Date{y, 12, 31}, Date{y, 12, 31}};
  }
  return std::nullopt;
}

}  // namespace dondoc::parse::times_internal
