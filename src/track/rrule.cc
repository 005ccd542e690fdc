// Tested by rrule_test.cc. The rules of where instances fall are in rrule.h.
#include "track/rrule.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "calendar/working_days.h"

namespace dondoc::track {
namespace {

using calendar::Date;

Error Syntax(std::string_view what) {
  return {"rrule_syntax", "malformed RRULE: " + std::string(what)};
}
Error Unsupported(std::string_view what) {
  return {"rrule_unsupported", "RRULE part not supported: " + std::string(what)};
}

bool ParseInt(std::string_view s, int lo, int hi, int* out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool ParseList(std::string_view s, int lo, int hi, std::vector<int>* out) {
  while (true) {
    const std::size_t comma = s.find(',');
    int v = 0;
    if (!ParseInt(s.substr(0, comma), lo, hi, &v)) return false;
    out->push_back(v);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return true;
}

// Day `day` of the month, clamped to its end (rrule.h: 31 in February → 28/29).
Date DayOfMonth(int year, int month, int day) {
  return {year, month, std::min(day, calendar::DaysInMonth(year, month))};
}

int MonthIndex(int year, int month) { return year * 12 + (month - 1); }

}  // namespace

Result<RRule> ParseRRule(std::string_view text) {
  if (text.starts_with("RRULE:")) text.remove_prefix(6);
  if (text.empty()) return Syntax("empty rule");
  RRule r;
  bool have_freq = false, have_interval = false, have_month = false, have_day = false;
  while (!text.empty()) {
    const std::size_t semi = text.find(';');
    const std::string_view part = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == part.size()) return Syntax(part);
    const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
    if (key == "FREQ" && !have_freq) {
      have_freq = true;
      if (value == "DAILY")
        r.freq = RRule::Freq::kDaily;
      else if (value == "WEEKLY")
        r.freq = RRule::Freq::kWeekly;
      else if (value == "MONTHLY")
        r.freq = RRule::Freq::kMonthly;
      else if (value == "YEARLY")
        r.freq = RRule::Freq::kYearly;
      else
        return Unsupported(part);
    } else if (key == "INTERVAL" && !have_interval) {
      have_interval = true;
      if (!ParseInt(value, 1, 1000, &r.interval)) return Syntax(part);
    } else if (key == "BYMONTH" && !have_month) {
      have_month = true;
      if (!ParseList(value, 1, 12, &r.by_month)) return Syntax(part);
    } else if (key == "BYMONTHDAY" && !have_day) {
      have_day = true;
      // Negative days (from the month's end) are valid RFC 5545 but never emitted by the parser.
      if (!value.empty() && value[0] == '-') return Unsupported(part);
      if (!ParseList(value, 1, 31, &r.by_month_day)) return Syntax(part);
    } else {
      return Unsupported(part);
    }
    if (semi != std::string_view::npos && text.empty()) return Syntax("trailing ';'");
  }
  if (!have_freq) return Syntax("no FREQ");
  if (!r.by_month.empty() && r.freq != RRule::Freq::kYearly) {
    return Unsupported("BYMONTH outside FREQ=YEARLY");
  }
  if (!r.by_month_day.empty() &&
      (r.freq == RRule::Freq::kDaily || r.freq == RRule::Freq::kWeekly)) {
    return Unsupported("BYMONTHDAY with FREQ=DAILY or WEEKLY");
  }
  return r;
}

Result<std::vector<Instance>> Instances(std::string_view rrule, const Date& anchor,
                                        const calendar::DateRange& range,
                                        const calendar::HolidayCalendar& holidays) {
  Result<RRule> parsed = ParseRRule(rrule);
  if (!parsed.ok()) return parsed.error();
  const RRule& r = parsed.value();
  if (range.to < range.from) return Error{"invalid_range", "the range ends before it starts"};

  // Candidates start a month early: a nominal date before the range may roll into it (the
  // longest break, Tết, is under two weeks).
  const Date scan_from = std::max(anchor, calendar::AddMonths(range.from, -1));
  std::vector<Instance> out;
  bool too_many = false;
  auto add = [&](const Date& nominal) {
    if (nominal < anchor || nominal < scan_from) return;
    const Date due = calendar::RollForward(nominal, holidays);
    if (due < range.from || range.to < due) return;
    if (out.size() >= static_cast<std::size_t>(kMaxInstances)) {
      too_many = true;
      return;
    }
    out.push_back({nominal, due});
  };

  if (scan_from <= range.to) {
    switch (r.freq) {
      case RRule::Freq::kDaily:
        for (Date d = scan_from; d <= range.to && !too_many; d = calendar::AddDays(d, 1)) {
          if (calendar::DaysBetween(anchor, d) % r.interval != 0) continue;
          if (calendar::IsWorkingDay(d, holidays)) add(d);
        }
        break;
      case RRule::Freq::kWeekly: {
        // Weeks are counted from the anchor's week (Monday-based).
        const Date anchor_monday =
            calendar::AddDays(anchor, 1 - static_cast<int>(calendar::WeekdayOf(anchor)));
        Date monday =
            calendar::AddDays(scan_from, 1 - static_cast<int>(calendar::WeekdayOf(scan_from)));
        for (; monday <= range.to && !too_many; monday = calendar::AddDays(monday, 7)) {
          if ((calendar::DaysBetween(anchor_monday, monday) / 7) % r.interval != 0) continue;
          add(calendar::AddDays(monday, 4));
        }
        break;
      }
      case RRule::Freq::kMonthly: {
        const int n = r.interval;
        const int anchor_index = MonthIndex(anchor.year, anchor.month);
        for (int i = MonthIndex(scan_from.year, scan_from.month);
             i <= MonthIndex(range.to.year, range.to.month) && !too_many; ++i) {
          const bool last_of_period =
              12 % n == 0 ? (i + 1) % n == 0 : (i - anchor_index + 1) % n == 0;
          if (!last_of_period) continue;
          const int year = i / 12, month = i % 12 + 1;
          if (r.by_month_day.empty()) {
            add(calendar::EndOfMonth({year, month, 1}));
          } else {
            for (int day : r.by_month_day) add(DayOfMonth(year, month, day));
          }
        }
        break;
      }
      case RRule::Freq::kYearly: {
        const std::vector<int> months = r.by_month.empty() ? std::vector<int>{12} : r.by_month;
        for (int year = scan_from.year; year <= range.to.year && !too_many; ++year) {
          if ((year - anchor.year) % r.interval != 0) continue;
          for (int month : months) {
            if (r.by_month_day.empty()) {
              add(calendar::EndOfMonth({year, month, 1}));
            } else {
              for (int day : r.by_month_day) add(DayOfMonth(year, month, day));
            }
          }
        }
        break;
      }
    }
  }
  if (too_many) {
    return Error{"range_too_large", "more than " + std::to_string(kMaxInstances) +
                                        " instances; ask for a shorter range"};
  }
  // Clamping can give the same nominal date twice (BYMONTHDAY=30,31 in February).
  std::sort(out.begin(), out.end(), [](const Instance& a, const Instance& b) {
    return a.due != b.due ? a.due < b.due : a.nominal < b.nominal;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace dondoc::track
