// Tested by periods_test.cc.
#include "calendar/periods.h"

#include <string>

#include "calendar/working_days.h"

namespace dondoc::calendar {
namespace {

struct Months {
  int first, last;  // 1..12, same year
};

Result<Months> MonthsOf(const Period& p) {
  if (p.year < 1 || p.year > 9999) {
    return Error{"invalid_period", "year out of range: " + std::to_string(p.year)};
  }
  switch (p.kind) {
    case PeriodKind::kMonth:
      if (p.number < 1 || p.number > 12) {
        return Error{"invalid_period", "month must be 1..12, got " + std::to_string(p.number)};
      }
      return Months{p.number, p.number};
    case PeriodKind::kQuarter:
      if (p.number < 1 || p.number > 4) {
        return Error{"invalid_period", "quarter must be 1..4, got " + std::to_string(p.number)};
      }
      return Months{3 * p.number - 2, 3 * p.number};
    case PeriodKind::kFirstHalf:
      return Months{1, 6};
    case PeriodKind::kSecondHalf:
      return Months{7, 12};
    case PeriodKind::kNineMonths:
      return Months{1, 9};
    case PeriodKind::kYear:
      return Months{1, 12};
  }
  return Error{"invalid_period", "unknown period kind"};
}

// The cut-off day in (year, month) under `rule`.
Date CutOff(int year, int month, const CutOffRule& rule) {
  const int last = DaysInMonth(year, month);
  return Date{year, month, rule.last_day == 0 || rule.last_day > last ? last : rule.last_day};
}

}  // namespace

Result<DateRange> DataWindow(const Period& period, const CutOffRule& rule) {
  if (rule.last_day < 0 || rule.last_day > 31) {
    return Error{"invalid_period", "cut-off day must be 0..31"};
  }
  const Result<Months> months = MonthsOf(period);
  if (!months.ok()) return months.error();
  const Date before = AddMonths(Date{period.year, months.value().first, 1}, -1);
  return DateRange{AddDays(CutOff(before.year, before.month, rule), 1),
                   CutOff(period.year, months.value().last, rule)};
}

Result<DateRange> PeriodSpan(const Period& period) {
  const Result<Months> months = MonthsOf(period);
  if (!months.ok()) return months.error();
  return DateRange{Date{period.year, months.value().first, 1},
                   EndOfMonth(Date{period.year, months.value().last, 1})};
}

bool MeetsMinimumGap(const Date& cut_off, const Date& deadline, const HolidayCalendar& holidays) {
  if (deadline <= cut_off) return false;
  return WorkingDaysBetween(cut_off, AddDays(deadline, -1), holidays) >= 1;
}

}  // namespace dondoc::calendar
