// Tested by date_test.cc.
//
// Day numbers use the March-based year: counting the year from 1 March puts the leap day last,
// so the days before month m of that year are (153·m' + 2) / 5 with m' = 0 for March … 11 for
// February (the month lengths 31,30,31,30,31 repeat with period 153 days per 5 months). Whole
// years contribute 365·y + ⌊y/4⌋ − ⌊y/100⌋ + ⌊y/400⌋ days. Divisions are floored so that years
// before 0 work too.
#include "calendar/date.h"

#include <cstdio>
#include <initializer_list>

namespace dondoc::calendar {
namespace {

// Floor division and the matching non-negative remainder.
int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }
int FloorMod(int a, int b) { return a - FloorDiv(a, b) * b; }

// Days from 0000-03-01 (March-based year 0) to 1970-01-01.
constexpr int kMarchZeroToEpoch = 719468;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValid(const Date& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

int DayNumber(const Date& date) {
  const int y = date.month <= 2 ? date.year - 1 : date.year;        // March-based year
  const int m = date.month <= 2 ? date.month + 9 : date.month - 3;  // 0 = March … 11 = February
  const int year_days = 365 * y + FloorDiv(y, 4) - FloorDiv(y, 100) + FloorDiv(y, 400);
  return year_days + (153 * m + 2) / 5 + (date.day - 1) - kMarchZeroToEpoch;
}

Date FromDayNumber(int day_number) {
  const int z = day_number + kMarchZeroToEpoch;  // days since 0000-03-01
  const int era = FloorDiv(z, 146097);           // 400-year cycles
  const int doe = z - era * 146097;              // day of the cycle, 0..146096
  // Year of the cycle: remove the leap days (one per 1460 days, none at 36524, one at 146096).
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // day of the March-based year
  const int m = (5 * doy + 2) / 153;                        // 0 = March … 11 = February
  Date date;
  date.day = doy - (153 * m + 2) / 5 + 1;
  date.month = m < 10 ? m + 3 : m - 9;
  date.year = yoe + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

Weekday WeekdayOf(const Date& date) {
  // 1970-01-01 was a Thursday (ISO 4).
  return static_cast<Weekday>(FloorMod(DayNumber(date) + 3, 7) + 1);
}

bool IsWeekend(const Date& date) {
  const Weekday w = WeekdayOf(date);
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

Date AddDays(const Date& date, int days) { return FromDayNumber(DayNumber(date) + days); }

int DaysBetween(const Date& from, const Date& to) { return DayNumber(to) - DayNumber(from); }

Date AddMonths(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  Date out;
  out.year = FloorDiv(index, 12);
  out.month = FloorMod(index, 12) + 1;
  const int last = DaysInMonth(out.year, out.month);
  out.day = date.day > last ? last : date.day;
  return out;
}

Date EndOfMonth(const Date& date) {
  return Date{date.year, date.month, DaysInMonth(date.year, date.month)};
}

int QuarterOf(const Date& date) { return (date.month - 1) / 3 + 1; }

Date StartOfQuarter(const Date& date) { return Date{date.year, (QuarterOf(date) - 1) * 3 + 1, 1}; }

Date EndOfQuarter(const Date& date) {
  const int month = QuarterOf(date) * 3;
  return Date{date.year, month, DaysInMonth(date.year, month)};
}

std::string FormatIso(const Date& date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string FormatVn(const Date& date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.day, date.month, date.year);
  return buf;
}

Result<Date> ParseIso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return Error{"invalid_date_format", "expected a date as YYYY-MM-DD"};
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[i])) return Error{"invalid_date_format", "expected a date as YYYY-MM-DD"};
  }
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const Date date{num(0, 4), num(5, 2), num(8, 2)};
  if (!IsValid(date)) return Error{"invalid_date", "no such day: " + std::string(text)};
  return date;
}

}  // namespace dondoc::calendar
