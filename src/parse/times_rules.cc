// Tested by times_test.cc (through ExtractTimes).
//
// Edge cases:
// - "hằng"/"hàng" both fold to "hang"; "ngân hàng năm …", "mặt hàng tháng …" are goods;
// - "6 tháng" alone is a duration; it is a cycle after "định kỳ" or with "một lần";
// - a bracket naming different days ("15/6 và 20/12") keeps the months that share the first
//   day; a day of the month only ("trước ngày 20") refines monthly and quarterly cycles;
// - 29/2 in a yearly rule: the next occurrence is searched over eight years;
// - event names stop at clause marks and linking words, so "Tết Nguyên đán và mùa lễ hội"
//   names Tết only; "Tết Dương lịch", "Tết Trung thu", "Tết Thiếu nhi" are not Tết Nguyên đán.
#include "parse/times_rules.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "calendar/working_days.h"
#include "text/utf8.h"

namespace dondoc::parse::times_internal {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix &&
         (s.size() == prefix.size() || !IsAlnum(s[prefix.size()]));
}

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool IsMark(std::string_view f, std::size_t j) {
  const char c = f[j];
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '|' || c == '"') {
    return true;
  }
  return (c == '.' || c == '!' || c == '?') && (j + 1 >= f.size() || IsBlank(f[j + 1]));
}

bool IsUpper(std::string_view text, std::size_t at) {
  std::size_t len = 0;
  return u_isupper(static_cast<UChar32>(text::DecodeAt(text, at, &len)));
}

std::string Collapse(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (IsBlank(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<Name> Words(std::string_view text, const text::FoldedText& ft, std::size_t q,
                          std::initializer_list<std::string_view> stops, int max_words,
                          std::size_t max_bytes) {
  const std::string_view f = ft.folded;
  std::size_t i = q, e = q;
  int words = 0;
  while (words < max_words && i < f.size()) {
    std::size_t j = i;
    while (j < f.size() && !IsBlank(f[j]) && !IsMark(f, j)) ++j;
    if (j == i) break;
    const std::string_view w = f.substr(i, j - i);
    if (!IsAlnum(w[0])) break;
    // A linking word ends the name, unless capitalised ("Đảng", "Cần Thơ", "Đền Hùng").
    if (words > 0 && std::find(stops.begin(), stops.end(), w) != stops.end() &&
        !IsUpper(text, ft.Orig(i))) {
      break;
    }
    if (ft.Orig(j) - ft.Orig(q) > max_bytes) break;
    e = j;
    ++words;
    if (j >= f.size() || IsMark(f, j)) break;
    std::size_t k = j;
    while (k < f.size() && (f[k] == ' ' || f[k] == '\t')) ++k;
    if (k < f.size() && f[k] == '\n') {
      if (k + 1 < f.size() && f[k + 1] == '\n') break;
      k = Skip(f, k);
    }
    i = k;
  }
  if (words == 0) return std::nullopt;
  while (e > q && (f[e - 1] == '*' || f[e - 1] == '_')) --e;
  Name n;
  n.end = e;
  n.text = Collapse(text.substr(ft.Orig(q), ft.Orig(e) - ft.Orig(q)));
  n.folded = Collapse(f.substr(q, e - q));
  return n;
}

std::string Join(const std::vector<int>& v) {
  std::string s;
  for (int x : v) {
    if (!s.empty()) s += ',';
    s += std::to_string(x);
  }
  return s;
}

}  // namespace

std::size_t CycleWordAt(std::string_view f, std::size_t p, Cycle* cycle) {
  using F = Cycle::Family;
  struct Unit {
    std::string_view word;
    F family;
    std::string_view rule;
  };
  static constexpr Unit kUnits[] = {
      {"ngay", F::kDaily, "FREQ=DAILY"},
      {"tuan", F::kWeekly, "FREQ=WEEKLY"},
      {"thang", F::kMonthly, "FREQ=MONTHLY"},
      {"quy", F::kQuarterly, "FREQ=MONTHLY;INTERVAL=3"},
      {"qui", F::kQuarterly, "FREQ=MONTHLY;INTERVAL=3"},
      {"nua nam", F::kOther, "FREQ=MONTHLY;INTERVAL=6"},
      {"nam", F::kOther, "FREQ=YEARLY"},
  };
  for (const Unit& u : kUnits) {
    if (std::size_t e = WordAt(f, p, u.word); e != kNo) {
      if (u.family == F::kQuarterly) {  // "quy định", "quy mô" written without accents
        const std::size_t n = Skip(f, e);
        for (std::string_view w : {"dinh", "mo", "hoach", "che", "trinh", "tac", "chuan", "pham"}) {
          if (WordAt(f, n, w) != kNo) return kNo;
        }
      }
      cycle->family = u.family;
      cycle->base = std::string(u.rule);
      return e;
    }
  }
  return kNo;
}

std::size_t CycleCountAt(std::string_view f, std::size_t p, bool need_times, Cycle* cycle) {
  using F = Cycle::Family;
  int n = 0;
  std::size_t e = NumberAt(f, p, 2, &n);
  if (e == kNo || n < 1) return kNo;
  e = Skip(f, e);
  std::string rule;
  F family = F::kOther;
  if (std::size_t u = WordAt(f, e, "thang"); u != kNo) {
    e = u;
    if (n == 1) {
      rule = "FREQ=MONTHLY", family = F::kMonthly;
    } else if (n == 12) {
      rule = "FREQ=YEARLY";
    } else {
      rule = "FREQ=MONTHLY;INTERVAL=" + std::to_string(n);
      if (n == 3) family = F::kQuarterly;
    }
  } else if (std::size_t y = WordAt(f, e, "nam"); y != kNo) {
    e = y;
    rule = n == 1 ? "FREQ=YEARLY" : "FREQ=YEARLY;INTERVAL=" + std::to_string(n);
  } else if (std::size_t w = WordAt(f, e, "tuan"); w != kNo) {
    e = w;
    rule = n == 1 ? "FREQ=WEEKLY" : "FREQ=WEEKLY;INTERVAL=" + std::to_string(n);
    family = F::kWeekly;
  } else {
    return kNo;
  }
  // "một lần", "1 lần", "01 lần", "/lần", "/ lần".
  std::size_t t = kNo;
  std::size_t s = Skip(f, e);
  if (s < f.size() && f[s] == '/') {
    t = WordAt(f, Skip(f, s + 1), "lan");
  } else if (std::size_t m = Eat(f, s, "mot"); m != kNo) {
    t = WordAt(f, m, "lan");
  } else if (int one = 0; NumberAt(f, s, 2, &one) != kNo && one == 1) {
    t = WordAt(f, Skip(f, NumberAt(f, s, 2, &one)), "lan");
  }
  if (t != kNo) {
    e = t;
  } else if (need_times) {
    return kNo;
  }
  cycle->family = family;
  cycle->base = std::move(rule);
  return e;
}

bool IsGoodsBefore(std::string_view f, std::size_t p) {
  std::size_t i = p;
  while (i > 0 && IsBlank(f[i - 1])) --i;
  std::size_t b = i;
  while (b > 0 && IsAlnum(f[b - 1])) --b;
  const std::string_view w = f.substr(b, i - b);
  static constexpr std::string_view kGoods[] = {"ngan", "mat",  "khach", "don",    "cua", "lo",
                                                "mua",  "gian", "nhom",  "giao",   "xep", "dat",
                                                "nhap", "xuat", "kho",   "chuyen", "tau"};
  return std::find(std::begin(kGoods), std::end(kGoods), w) != std::end(kGoods);
}

std::string RRule(const Cycle& cycle, const std::vector<Piece>& days) {
  using F = Cycle::Family;
  if (days.empty() || cycle.family == F::kDaily || cycle.family == F::kWeekly) return cycle.base;
  const int day = days.front().day;
  const std::string by_day = ";BYMONTHDAY=" + std::to_string(day);
  if (days.front().lo == 0 || cycle.family == F::kMonthly) {
    if (cycle.family == F::kMonthly || cycle.family == F::kQuarterly) return cycle.base + by_day;
    return cycle.base;
  }
  std::vector<int> months;
  for (const Piece& d : days) {
    if (d.lo != 0 && d.day == day) months.push_back(d.lo);
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return "FREQ=YEARLY;BYMONTH=" + Join(months) + by_day;
}

std::string NextOccurrence(std::string_view rrule, const calendar::Date& from) {
  auto number_after = [&](std::string_view key, std::size_t* pos) {
    const std::size_t k = rrule.find(key);
    if (k == std::string_view::npos) return -1;
    int v = 0;
    std::size_t i = k + key.size();
    while (i < rrule.size() && IsDigit(rrule[i])) v = v * 10 + (rrule[i++] - '0');
    if (pos) *pos = i;
    return v;
  };
  const int day = number_after("BYMONTHDAY=", nullptr);
  if (day <= 0) return "";
  if (rrule.substr(0, 12) == "FREQ=MONTHLY") {
    if (rrule.find("INTERVAL") != std::string_view::npos) return "";
    for (int k = 0; k < 24; ++k) {
      const calendar::Date m = calendar::AddMonths({from.year, from.month, 1}, k);
      const calendar::Date d{m.year, m.month, day};
      if (calendar::IsValid(d) && d >= from) return calendar::FormatIso(d);
    }
    return "";
  }
  std::vector<int> months;
  std::size_t i = 0;
  if (int m = number_after("BYMONTH=", &i); m > 0) {
    months.push_back(m);
    while (i < rrule.size() && rrule[i] == ',') {
      int v = 0;
      ++i;
      while (i < rrule.size() && IsDigit(rrule[i])) v = v * 10 + (rrule[i++] - '0');
      months.push_back(v);
    }
  }
  for (int y = from.year; y <= from.year + 8; ++y) {
    for (int m : months) {
      const calendar::Date d{y, m, day};
      if (calendar::IsValid(d) && d >= from) return calendar::FormatIso(d);
    }
  }
  return "";
}

std::optional<Name> NameAt(std::string_view text, const text::FoldedText& ft, std::size_t q) {
  return Words(text, ft, q, {"va",   "nham", "de",   "tai",  "tren",  "cho", "theo", "bang",
                             "voi",  "thi",  "can",  "phai", "trong", "nhu", "hoac", "khi",
                             "duoc", "se",   "dang", "tu",   "den",   "lam", "o",    "ve"},
               10, 60);
}

std::optional<Name> AnchorAt(std::string_view text, const text::FoldedText& ft, std::size_t q,
                             std::size_t begin) {
  const std::size_t used = ft.Orig(q) - ft.Orig(begin);
  if (used >= 70) return std::nullopt;
  std::optional<Name> n = Words(text, ft, q, {"thi", "de", "nham", "phai", "va"}, 8, 80 - used);
  // Cut at the word limit, an anchor may end on a dangling word ("… văn bản yêu cầu của").
  while (n) {
    const std::size_t last = n->folded.rfind(' ');
    if (last == std::string::npos) break;
    const std::string_view tail = std::string_view(n->folded).substr(last + 1);
    static constexpr std::string_view kDangling[] = {"cua",  "tai", "theo", "ve",  "cho", "voi",
                                                     "chua", "la",  "o",    "tu",  "den", "trong",
                                                     "nhu",  "co",  "cac",  "mot", "quy", "va"};
    if (std::find(std::begin(kDangling), std::end(kDangling), tail) == std::end(kDangling)) break;
    // Step back one word in the folded text.
    std::size_t e = n->end;
    while (e > q && !IsBlank(ft.folded[e - 1])) --e;
    while (e > q && IsBlank(ft.folded[e - 1])) --e;
    n = Words(text, ft, q, {}, 8, ft.Orig(e) - ft.Orig(q));
  }
  return n;
}

bool IsLunarNewYear(std::string_view n) {
  if (!StartsWith(n, "tet")) return false;
  for (std::string_view other : {"tet duong lich", "tet trung thu", "tet thieu nhi",
                                 "tet trong cay", "tet doan ngo", "tet han thuc", "tet tay"}) {
    if (StartsWith(n, other)) return false;
  }
  return true;
}

bool IsNationalDay(std::string_view n) {
  return StartsWith(n, "quoc khanh") || StartsWith(n, "le quoc khanh") ||
         StartsWith(n, "ngay quoc khanh") || Contains(n, " 2/9") || Contains(n, " 02/9") ||
         StartsWith(n, "2/9");
}

bool KnownOccasion(std::string_view n) {
  for (std::string_view head :
       {"tet", "le", "quoc khanh", "ky niem", "gio to", "nghi le", "he", "ngay"}) {
    if (StartsWith(n, head)) return true;
  }
  return false;
}

std::string EventName(const Name& name) {
  if (IsLunarNewYear(name.folded)) return "Tết Nguyên đán";
  return name.text;
}

std::size_t DurationAt(std::string_view f, std::size_t p, Duration* d) {
  int n = 0;
  std::size_t e = NumberAt(f, p, 3, &n);
  if (e == kNo || n < 1) return kNo;
  e = Skip(f, e);
  using U = Duration::Unit;
  if (std::size_t w = WordAt(f, e, "ngay lam viec"); w != kNo) {
    *d = {U::kWorkingDays, n};
    return w;
  }
  if (std::size_t w = WordAt(f, e, "ngay"); w != kNo) {
    *d = {U::kDays, n};
    // "10 ngày (làm việc)"
    if (std::size_t b = Skip(f, w); b < f.size() && f[b] == '(') {
      if (std::size_t lv = WordAt(f, Skip(f, b + 1), "lam viec"); lv != kNo) {
        if (std::size_t c = Skip(f, lv); c < f.size() && f[c] == ')') {
          d->unit = U::kWorkingDays;
          return c + 1;
        }
      }
    }
    return w;
  }
  if (std::size_t w = WordAt(f, e, "tuan"); w != kNo) {
    *d = {U::kWeeks, n};
    return w;
  }
  if (std::size_t w = WordAt(f, e, "thang"); w != kNo) {
    *d = {U::kMonths, n};
    return w;
  }
  return kNo;
}

bool IsSigningAnchor(std::string_view a) {
  if (!StartsWith(a, "ngay")) return false;
  if (Contains(a, " nay duoc ban hanh") || Contains(a, " nay duoc ky")) return true;
  std::string_view rest = a.substr(4);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  bool any = false;
  for (std::string_view w : {"ky", "ban hanh"}) {
    if (StartsWith(rest, w)) {
      any = true;
      rest.remove_prefix(w.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
  }
  if (!any) return false;
  return rest.empty() || Contains(std::string(" ") + std::string(rest) + " ", " nay ");
}

calendar::Date ApplyDuration(const calendar::Date& from, const Duration& d) {
  using U = Duration::Unit;
  switch (d.unit) {
    case U::kDays:
      return calendar::DeadlineAfterDays(from, d.n);
    case U::kWorkingDays:
      return calendar::AddWorkingDays(from, d.n);
    case U::kWeeks:
      return calendar::DeadlineAfterDays(from, 7 * d.n);
    case U::kMonths:
      return calendar::DeadlineAfterMonths(from, d.n);
  }
  return from;
}

}  // namespace dondoc::parse::times_internal
