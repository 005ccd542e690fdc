// Tested by working_days_test.cc.
//
// A DayOracle answers KindOfDay for one call's walk, keeping the plan of the civil year it last
// looked at, so a walk over N days computes each year's plan once, not N times. The built-in
// calendar's plans are also kept for the whole process (BuiltinYear): the tracking server rolls
// hundreds of due dates per request, one call each, and a plan costs lunar computations
// (~35% of a task list's time before). Other calendars (tests, custom data) are not cached:
// they may be temporaries whose address is reused.
#include "calendar/working_days.h"

#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace dondoc::calendar {
namespace {

using YearPlan = std::unordered_map<int, DayKind>;  // day number → kind, special days only

YearPlan MakePlan(const HolidayCalendar& holidays, int year) {
  YearPlan plan;
  for (const SpecialDay& d : PlanYear(holidays, year)) plan[DayNumber(d.date)] = d.kind;
  return plan;
}

// The built-in calendar's plan of `year`, computed once per process. Plans are never freed or
// changed once made, so a thread keeps pointers to the ones it has seen and takes the lock only
// for a year new to it.
const YearPlan& BuiltinYear(int year) {
  thread_local std::unordered_map<int, const YearPlan*> seen;
  if (auto it = seen.find(year); it != seen.end()) return *it->second;
  static std::mutex mu;
  static std::map<int, std::unique_ptr<const YearPlan>> plans;  // guarded by mu
  std::lock_guard lock(mu);
  auto& slot = plans[year];
  if (!slot) slot = std::make_unique<const YearPlan>(MakePlan(BuiltinHolidays(), year));
  seen[year] = slot.get();
  return *slot;
}

class DayOracle {
 public:
  explicit DayOracle(const HolidayCalendar& holidays)
      : holidays_(holidays), builtin_(&holidays == &BuiltinHolidays()) {}

  DayKind Kind(const Date& date) {
    if (date.year != year_) {
      year_ = date.year;
      if (builtin_) {
        plan_ = &BuiltinYear(year_);
      } else {
        own_ = MakePlan(holidays_, year_);
        plan_ = &own_;
      }
    }
    const auto it = plan_->find(DayNumber(date));
    if (it != plan_->end()) return it->second;
    return IsWeekend(date) ? DayKind::kWeekend : DayKind::kWorkday;
  }

  bool Working(const Date& date) {
    const DayKind k = Kind(date);
    return k == DayKind::kWorkday || k == DayKind::kSwappedWorkday;
  }

 private:
  const HolidayCalendar& holidays_;
  const bool builtin_;
  int year_ = -1000000;
  const YearPlan* plan_ = nullptr;
  YearPlan own_;  // the plan of year_ for a calendar that is not the built-in one
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
