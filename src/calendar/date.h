// Civil (proleptic Gregorian) dates: a plain (year, month, day) value, its day number, weekday,
// day arithmetic, ISO 8601 text and period ends. Tested by date_test.cc.
//
// SPEC(BLDS 2015 Điều 147–148): time limits are counted on the Gregorian calendar; this is that
// calendar. Lunar dates live in lunar.h, working days in working_days.h.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/result.h"

namespace dondoc::calendar {

// A civil date. A plain value: any (year, month, day) can be stored; IsValid() says whether it
// names a real day. Functions below that take a Date expect a valid one unless they say so.
// Ordering is chronological for valid dates.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)

  friend auto operator<=>(const Date&, const Date&) = default;
};

// ISO weekday numbers: Monday = 1 … Sunday = 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);  // 0 when month is outside 1..12
bool IsValid(const Date& date);

// Days since 1970-01-01 (which is day 0); negative before. Exact for every valid date in
// years −1,000,000 … 1,000,000. FromDayNumber is its inverse.
int DayNumber(const Date& date);
Date FromDayNumber(int day_number);

// Julian Day Number of the civil day (the JD at its noon, an integer): 1970-01-01 is 2440588.
inline constexpr int kJulianDayOfEpoch = 2440588;
inline int JulianDayNumber(const Date& date) { return DayNumber(date) + kJulianDayOfEpoch; }

Weekday WeekdayOf(const Date& date);
bool IsWeekend(const Date& date);  // Saturday or Sunday

Date AddDays(const Date& date, int days);
int DaysBetween(const Date& from, const Date& to);  // to − from, in days

// Adds calendar months, keeping the day or clamping it to the end of the target month.
// SPEC(BLDS 2015 Điều 148.1.c): a period in months ends on the same day of the final month, or on
// that month's last day when it has no such day (31/1 + 1 month = 28/2 or 29/2).
Date AddMonths(const Date& date, int months);

Date EndOfMonth(const Date& date);
Date StartOfQuarter(const Date& date);
Date EndOfQuarter(const Date& date);
int QuarterOf(const Date& date);  // 1..4

// "2026-02-17". Years outside 0..9999 are written with as many digits as needed.
std::string FormatIso(const Date& date);
// "17/02/2026", the Vietnamese order used in documents.
std::string FormatVn(const Date& date);

// Parses exactly "YYYY-MM-DD" (four-digit year, two-digit month and day). Errors:
// "invalid_date_format" for anything else, "invalid_date" for an impossible day (2025-02-29).
Result<Date> ParseIso(std::string_view text);

}  // namespace dondoc::calendar
