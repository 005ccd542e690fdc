// Recurring duties: the RRULE subset the parser emits (parse/times_rules.cc) → due instances in
// a date range. Tested by rrule_test.cc.
//
// Accepted (RFC 5545 §3.3.10 syntax, this subset only):
//   FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL=n (1..1000),
//   BYMONTH=m[,m…] (1..12, YEARLY only), BYMONTHDAY=d[,d…] (1..31, MONTHLY or YEARLY).
// Anything else (BYDAY, COUNT, UNTIL, FREQ=HOURLY, a key twice, …) is the error
// "rrule_unsupported"; a malformed rule is "rrule_syntax". Never a crash, never a guess.
//
// Where instances fall (the nominal date), our reading of the Vietnamese phrases, not RFC 5545's
// DTSTART-relative defaults (the parser writes no DTSTART; ICS exports list instances one by one,
// so clients never expand these rules themselves):
//   DAILY      every working day (a daily duty does not exist on a day off; nothing is rolled)
//   WEEKLY     the Friday of the week: the last working weekday of the civil-servant week
//   MONTHLY    without BYMONTHDAY the last day of the month ("hằng tháng" is due with the month)
//   MONTHLY;INTERVAL=n  the last month of each n-month period: when n divides 12 the periods are
//              calendar ones (3 → quarters ending 3, 6, 9, 12; 6 → halves ending 6, 12), else
//              they run from the anchor's month. BYMONTHDAY picks the day in that last month
//              ("hằng quý, trước ngày 20" → 20/3, 20/6, …), as NĐ 09 windows end in the
//              quarter's last month (domain.md §4.2).
//   YEARLY     each BYMONTH (default 12) of every INTERVAL-th year from the anchor's year, on
//              BYMONTHDAY (default the month's last day): "hằng năm" → 31/12.
//   A BYMONTHDAY past the month's end is clamped to its last day (31 in February → 28/29),
//   SPEC(BLDS 2015 Điều 148.1.c) for periods in months; RFC 5545 would skip the month instead,
//   but a monthly report is still due in February.
// The due date: SPEC(BLDS 2015 Điều 148.2, domain.md §5.2): when the nominal date is a weekly
// rest day or a holiday, the duty is due at the end of the next working day (RollForward), so a
// 15/02/2026 report (Tết) is due 23/02/2026.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "calendar/date.h"
#include "calendar/holidays.h"
#include "calendar/periods.h"

namespace dondoc::track {

struct RRule {
  enum class Freq { kDaily, kWeekly, kMonthly, kYearly };
  Freq freq = Freq::kYearly;
  int interval = 1;
  std::vector<int> by_month;      // sorted, unique
  std::vector<int> by_month_day;  // sorted, unique
};

Result<RRule> ParseRRule(std::string_view text);

struct Instance {
  calendar::Date nominal;  // where the rule puts it
  calendar::Date due;      // nominal rolled forward to a working day
  friend bool operator==(const Instance&, const Instance&) = default;
};

// The largest number of instances one call returns before failing with "range_too_large"
// (a daily duty over 20 years); callers ask for a year or a few at a time.
inline constexpr int kMaxInstances = 5000;

// The instances whose due date lies in `range` (inclusive) and whose nominal date is on or after
// `anchor` (the first day the duty exists: the plan's date or the task's start), sorted by due
// then nominal. Errors: ParseRRule's, "invalid_range" (to < from), "range_too_large".
Result<std::vector<Instance>> Instances(
    std::string_view rrule, const calendar::Date& anchor, const calendar::DateRange& range,
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

}  // namespace dondoc::track
