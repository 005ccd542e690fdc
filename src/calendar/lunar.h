// The Vietnamese lunisolar calendar (âm lịch): conversion between civil dates and lunar dates.
// Tested by lunar_test.cc.
//
// The method is the standard astronomical one used for the Vietnamese calendar since 1968
// (computed for the meridian of UTC+7):
//   - A lunar month begins on the civil day (local time) that contains a new moon.
//   - Month 11 is the month that contains the day of the December (winter) solstice.
//   - When 13 new moons start between one month 11 and the next, the year has a leap month:
//     the first month after month 11 that contains no major solar term (no moment when the
//     Sun's apparent longitude crosses a multiple of 30°) repeats the number of the month
//     before it and is flagged leap (tháng nhuận).
// China applies the same rules at UTC+8, so the two calendars differ when a new moon (or a
// solar term deciding month 11 or the leap month) falls between 16:00 and 17:00 UTC: before
// midnight in Vietnam, after it in China. Tết differs in 1968, 1985 (21/1 here, 20/2 in China:
// Vietnam has no leap month in 1984 and a leap 2 in 1985), 2007 (17/2 vs 18/2), 2030 and 2053.
//
// History: North Vietnam adopted the UTC+7 calendar in 1967 (the 1968 Tết split); for earlier
// years the calendar actually used was the Chinese one — pass time_zone 8.0 to reproduce it.
// Valid for civil years 1900–2100 (outside, the astronomy drifts and results are unchecked).
// All functions are pure and thread-safe; a conversion costs a few dozen new-moon evaluations
// (microseconds).
#pragma once

#include <compare>
#include <optional>

#include "calendar/date.h"

namespace dondoc::calendar {

// Vietnam's civil time zone, in hours east of UTC.
inline constexpr double kVietnamTimeZone = 7.0;

struct LunarDate {
  int year = 0;       // the lunar year: the civil year in which its month 1 (Tết) begins
  int month = 1;      // 1..12
  int day = 1;        // 1..30
  bool leap = false;  // true for the repeated (leap) month

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// The lunar date of a civil date. `time_zone` (hours east of UTC) exists for comparison with the
// Chinese calendar (8.0); Vietnamese dates use the default.
LunarDate ToLunar(const Date& date, double time_zone = kVietnamTimeZone);

// The civil date of a lunar date, or nullopt when it does not exist: day 30 of a 29-day month,
// a leap flag on a month that is not leap that year, or fields out of range.
std::optional<Date> ToSolar(const LunarDate& lunar, double time_zone = kVietnamTimeZone);

// Convenience: the civil date of mùng 1 Tết (lunar 1/1) of `year`.
Date LunarNewYear(int year, double time_zone = kVietnamTimeZone);

// The leap month of lunar year `year` (the number it repeats, 1..12), or 0 when the year has
// none. A leap month 11 or 12 belongs to the lunar year that began before it.
int LeapMonthOf(int year, double time_zone = kVietnamTimeZone);

// Days in lunar month (year, month, leap): 29 or 30, or 0 when no such month exists.
int LunarMonthLength(int year, int month, bool leap, double time_zone = kVietnamTimeZone);

}  // namespace dondoc::calendar
