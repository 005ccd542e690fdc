// Tested by working_days_test.cc.
//
// A DayOracle answers KindOfDay for one call's walk, keeping the plan of the civil year it last
// looked at, so a walk over N days computes each year's plan once, not N times.
#include "calendar/working_days.h"

#include <unordered_map>
#include <vector>

namespace dondoc::calendar {
namespace {

class DayOracle {
 public:
  explicit DayOracle(const HolidayCalendar& holidays) : holidays_(holidays) {}

  DayKind Kind(const Date& date) {
    if (date.year != year_) {
      year_ = date.year;
      special_.clear();
      for (const SpecialDay& d : PlanYear(holidays_, year_)) special_[DayNumber(d.date)] = d.kind;
    }
    const auto it = special_.find(DayNumber(date));
    if (it != special_.end()) return it->second;
    return IsWeekend(date) ? DayKind::kWeekend : DayKind::kWorkday;
  }

  bool Working(const Date& date) {
    const DayKind k = Kind(date);
    return k == DayKind::kWorkday || k == DayKind::kSwappedWorkday;
  }

 private:
  const HolidayCalendar& holidays_;
  int year_ = -1000000;
  std::unordered_map<int, DayKind> special_;
};

Date Step(DayOracle& oracle, Date date, int direction) {
  do {
    date = AddDays(date, direction);
  } while (!oracle.Working(date));
  return date;
}

}  // namespace

DayKind KindOfDay(const Date& date, const HolidayCalendar& holidays) {
  return DayOracle(holidays).Kind(date);
}

bool IsWorkingDay(const Date& date, const HolidayCalendar& holidays) {
  return DayOracle(holidays).Working(date);
}

Date NextWorkingDay(const Date& date, const HolidayCalendar& holidays) {
  DayOracle oracle(holidays);
  return Step(oracle, date, +1);
}

Date PreviousWorkingDay(const Date& date, const HolidayCalendar& holidays) {
  DayOracle oracle(holidays);
  return Step(oracle, date, -1);
}

Date RollForward(const Date& date, const HolidayCalendar& holidays) {
  DayOracle oracle(holidays);
  return oracle.Working(date) ? date : Step(oracle, date, +1);
}

Date AddWorkingDays(const Date& start, int n, const HolidayCalendar& holidays) {
  DayOracle oracle(holidays);
  const int direction = n < 0 ? -1 : +1;
  Date date = start;
  for (int i = 0; i != n; i += direction) date = Step(oracle, date, direction);
  return date;
}

int WorkingDaysBetween(const Date& from, const Date& to, const HolidayCalendar& holidays) {
  if (to < from) return -WorkingDaysBetween(to, from, holidays);
  DayOracle oracle(holidays);
  int count = 0;
  for (Date d = AddDays(from, 1); d <= to; d = AddDays(d, 1)) count += oracle.Working(d) ? 1 : 0;
  return count;
}

Date DeadlineAfterDays(const Date& start, int days, const HolidayCalendar& holidays) {
  return RollForward(AddDays(start, days), holidays);
}

Date DeadlineAfterMonths(const Date& start, int months, const HolidayCalendar& holidays) {
  return RollForward(AddMonths(start, months), holidays);
}

}  // namespace dondoc::calendar
