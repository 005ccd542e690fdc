// Tested by holidays_test.cc.
//
// Parsing is line by line with whitespace-separated fields; '#' starts a comment anywhere.
// PlanYear() builds the year in three passes, each leaving alone the dates an earlier pass set:
//   1. schedule lines (official) whose dates fall in the year, whatever "year" they are under
//      (a Tết Dương lịch break could start on 31/12 of the year before);
//   2. for every rule in force that year whose id the year's schedule does not name: the
//      default holiday days;
//   3. nghỉ bù for the default days of pass 2 that fall on a weekend, in date order, each on the
//      first Monday–Friday after it that is not yet special (2023: Giỗ Tổ Sat 29/4 → Tue 2/5,
//      since Mon 1/5 is itself a holiday; 30/4 Sun → Wed 3/5).
// Nghỉ bù that would fall in the next civil year is dropped (no rule can produce one today: the
// last holiday of the year is 24/11).
#include "calendar/holidays.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "calendar/holidays_data.h"
#include "calendar/lunar.h"

namespace dondoc::calendar {
namespace {

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size()) break;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

// The rest of the line from field `index` on, as written (for names with spaces).
std::string Rest(std::string_view line, const std::vector<std::string_view>& fields,
                 std::size_t index) {
  if (index >= fields.size()) return "";
  const std::size_t begin = fields[index].data() - line.data();
  const std::size_t end = fields.back().data() + fields.back().size() - line.data();
  return std::string(line.substr(begin, end - begin));
}

std::optional<int> Int(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  bool negative = s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// "MM-DD" → (month, day), checked against a leap year (lunar days up to 30).
std::optional<std::pair<int, int>> MonthDay(std::string_view s, bool lunar) {
  if (s.size() != 5 || s[2] != '-') return std::nullopt;
  const auto m = Int(s.substr(0, 2)), d = Int(s.substr(3, 2));
  if (!m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
  if (*d > (lunar ? 30 : DaysInMonth(2024, *m))) return std::nullopt;
  return std::make_pair(*m, *d);
}

// "FROM..TO" or one date.
std::optional<std::pair<Date, Date>> Range(std::string_view s) {
  const std::size_t dots = s.find("..");
  const auto from = ParseIso(s.substr(0, dots));
  if (!from.ok()) return std::nullopt;
  if (dots == std::string_view::npos) return std::make_pair(from.value(), from.value());
  const auto to = ParseIso(s.substr(dots + 2));
  if (!to.ok()) return std::nullopt;
  return std::make_pair(from.value(), to.value());
}

std::vector<std::string> SplitIds(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = std::min(s.find(',', start), s.size());
    out.emplace_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Error Syntax(const std::string& where, const std::string& why) {
  return Error{"holiday_data_syntax", where + ": " + why};
}
Error Invalid(const std::string& where, const std::string& why) {
  return Error{"holiday_data_invalid", where + ": " + why};
}

// Parses one file into `out`; returns an error for the first bad line.
std::optional<Error> ParseFile(const DataFile& file, HolidayCalendar* out) {
  int year = 0;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= file.text.size()) {
    std::size_t end = file.text.find('\n', pos);
    if (end == std::string_view::npos) end = file.text.size();
    std::string_view line = file.text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const std::vector<std::string_view> f = Fields(line);
    if (f.empty()) continue;
    const std::string where = std::string(file.name) + ":" + std::to_string(line_number);
    const std::string_view key = f[0];
    if (key == "format") {
      if (f.size() != 2 || f[1] != "1") return Syntax(where, "unsupported format (expected 1)");
    } else if (key == "rule") {
      if (f.size() < 8) return Syntax(where, "rule needs: id years calendar MM-DD first days name");
      HolidayRule r;
      r.id = std::string(f[1]);
      const std::size_t dash = f[2].find('-');
      const auto from = Int(f[2].substr(0, dash));
      if (dash == std::string_view::npos || !from) return Syntax(where, "years must be FROM-[TO]");
      r.from_year = *from;
      if (dash + 1 < f[2].size()) {
        const auto to = Int(f[2].substr(dash + 1));
        if (!to || *to < r.from_year) return Syntax(where, "bad year range");
        r.to_year = *to;
      }
      if (f[3] != "solar" && f[3] != "lunar") return Syntax(where, "calendar must be solar/lunar");
      r.lunar = f[3] == "lunar";
      const auto md = MonthDay(f[4], r.lunar);
      if (!md) return Syntax(where, "bad MM-DD");
      r.month = md->first;
      r.day = md->second;
      const auto days = Int(f[6]);
      if (!days || *days < 1 || *days > 15) return Syntax(where, "days must be 1..15");
      r.days = *days;
      if (f[5] == "adjacent") {
        r.adjacent = true;
        if (r.days != 2) return Syntax(where, "adjacent needs days = 2");
      } else {
        const auto first = Int(f[5]);
        if (!first || *first < -15 || *first > 15) return Syntax(where, "bad first offset");
        r.first = *first;
      }
      r.name = Rest(line, f, 7);
      out->rules.push_back(std::move(r));
    } else if (key == "year") {
      const auto y = f.size() == 2 ? Int(f[1]) : std::nullopt;
      if (!y || *y < 1900 || *y > 2200) return Syntax(where, "year needs one year 1900..2200");
      year = *y;
    } else if (key == "off" || key == "work" || key == "extra") {
      if (year == 0) return Syntax(where, "schedule line before its \"year\" line");
      ScheduleEntry e;
      e.year = year;
      e.where = where;
      const std::size_t range_field = key == "off" ? 2 : 1;
      if (f.size() <= range_field) return Syntax(where, std::string(key) + ": missing fields");
      const auto range = Range(f[range_field]);
      if (!range) return Syntax(where, "bad date or range (YYYY-MM-DD[..YYYY-MM-DD])");
      e.from = range->first;
      e.to = range->second;
      if (e.to < e.from) return Invalid(where, "range ends before it starts");
      if (e.from.year < year - 1 || e.to.year > year + 1) {
        return Invalid(where, "dates outside the schedule's year ± 1");
      }
      if (key == "off") {
        e.kind = ScheduleEntry::Kind::kOff;
        e.ids = SplitIds(f[1]);
        if (f.size() != 3) return Syntax(where, "off takes: ids range");
      } else if (key == "work") {
        e.kind = ScheduleEntry::Kind::kWork;
        if (e.from != e.to) return Syntax(where, "work takes one date");
        if (!IsWeekend(e.from)) return Invalid(where, "a work day must be a Saturday or Sunday");
        e.name = Rest(line, f, 2);
      } else {
        e.kind = ScheduleEntry::Kind::kExtra;
        e.name = Rest(line, f, 2);
        if (e.name.empty()) return Syntax(where, "extra needs a name");
      }
      out->schedule.push_back(std::move(e));
    } else {
      return Syntax(where, "unknown keyword \"" + std::string(key) + "\"");
    }
  }
  return std::nullopt;
}

// SPEC(BLLĐ 2019 Điều 112.1.đ, 112.3): Quốc khánh is the anchor plus the day before or after,
// chosen by the Prime Minister. Default when no schedule says: the day that joins the break to a
// weekend, as chosen 2021–2025 (Thu → +1, Fri → −1, Sat → −1, Mon → +1, Tue → −1) [U: from
// memory]; Wednesday → −1 (01/9/2026 as reported [U]); Sunday → +1.
int DefaultAdjacentDay(const Date& anchor) {
  switch (WeekdayOf(anchor)) {
    case Weekday::kMonday:
    case Weekday::kThursday:
    case Weekday::kSunday:
      return +1;
    default:
      return -1;
  }
}

// The default holiday days of rule `r` in civil year `year` (empty when a lunar anchor does not
// exist that year, e.g. day 30 of a 29-day month).
std::vector<Date> DefaultDays(const HolidayRule& r, int year) {
  Date anchor{year, r.month, r.day};
  if (r.lunar) {
    const std::optional<Date> solar = ToSolar(LunarDate{year, r.month, r.day, false});
    if (!solar) return {};
    anchor = *solar;
  }
  if (r.adjacent) {
    const Date other = AddDays(anchor, DefaultAdjacentDay(anchor));
    return other < anchor ? std::vector<Date>{other, anchor} : std::vector<Date>{anchor, other};
  }
  std::vector<Date> out;
  for (int i = 0; i < r.days; ++i) out.push_back(AddDays(anchor, r.first + i));
  return out;
}

}  // namespace

Result<HolidayCalendar> ParseHolidayData(std::span<const DataFile> files) {
  HolidayCalendar out;
  for (const DataFile& file : files) {
    if (std::optional<Error> e = ParseFile(file, &out)) return *e;
  }
  std::set<std::string> ids;
  for (const HolidayRule& r : out.rules) ids.insert(r.id);
  for (const ScheduleEntry& e : out.schedule) {
    for (const std::string& id : e.ids) {
      if (!ids.count(id)) return Invalid(e.where, "unknown holiday id \"" + id + "\"");
    }
  }
  return out;
}

const HolidayCalendar& BuiltinHolidays() {
  static const HolidayCalendar* const kCalendar = [] {
    Result<HolidayCalendar> parsed = ParseHolidayData(internal::EmbeddedHolidayFiles());
    if (!parsed.ok()) {
      std::fprintf(stderr, "dondoc: embedded holiday data: %s\n", parsed.error().message.c_str());
      std::abort();
    }
    return new HolidayCalendar(std::move(parsed).value());
  }();
  return *kCalendar;
}

bool HasOfficialSchedule(const HolidayCalendar& calendar, int year) {
  return std::any_of(calendar.schedule.begin(), calendar.schedule.end(),
                     [year](const ScheduleEntry& e) { return e.year == year; });
}

std::vector<SpecialDay> PlanYear(const HolidayCalendar& calendar, int year) {
  std::map<int, SpecialDay> days;  // by day number
  auto put = [&](const Date& d, DayKind kind, std::string name, bool official) {
    if (d.year != year) return;
    days.try_emplace(DayNumber(d), SpecialDay{d, kind, std::move(name), official});
  };
  auto rule_name = [&](const std::string& id) {
    for (const HolidayRule& r : calendar.rules) {
      if (r.id == id && year >= r.from_year && year <= r.to_year) return r.name;
    }
    for (const HolidayRule& r : calendar.rules) {
      if (r.id == id) return r.name;
    }
    return id;
  };

  // Pass 1: the official schedule.
  std::set<std::string> scheduled;
  for (const ScheduleEntry& e : calendar.schedule) {
    if (e.kind == ScheduleEntry::Kind::kOff && e.year == year) {
      scheduled.insert(e.ids.begin(), e.ids.end());
    }
    if (e.to.year < year || e.from.year > year) continue;
    std::string name = e.name;
    if (e.kind == ScheduleEntry::Kind::kOff) {
      name.clear();
      for (const std::string& id : e.ids) name += (name.empty() ? "" : ", ") + rule_name(id);
    }
    const DayKind kind =
        e.kind == ScheduleEntry::Kind::kWork ? DayKind::kSwappedWorkday : DayKind::kHoliday;
    for (Date d = e.from; d <= e.to; d = AddDays(d, 1)) put(d, kind, name, true);
  }

  // Pass 2: defaults of the rules the schedule does not name.
  std::vector<std::pair<Date, std::string>> on_weekend;
  for (const HolidayRule& r : calendar.rules) {
    if (year < r.from_year || year > r.to_year || scheduled.count(r.id)) continue;
    for (const Date& d : DefaultDays(r, year)) {
      put(d, DayKind::kHoliday, r.name, false);
      if (IsWeekend(d)) on_weekend.emplace_back(d, r.name);
    }
  }

  // Pass 3: SPEC(BLLĐ 2019 Điều 111.3) nghỉ bù on the next working day.
  std::sort(on_weekend.begin(), on_weekend.end());
  for (const auto& [holiday, name] : on_weekend) {
    Date d = AddDays(holiday, 1);
    while (IsWeekend(d) || days.count(DayNumber(d))) d = AddDays(d, 1);
    put(d, DayKind::kCompensatory, "Nghỉ bù " + name, false);
  }

  std::vector<SpecialDay> out;
  out.reserve(days.size());
  for (auto& [n, day] : days) out.push_back(std::move(day));
  return out;
}

}  // namespace dondoc::calendar
