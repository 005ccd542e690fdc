// Tested by lunar_test.cc.
//
// Notation: lunations are numbered by k as in astro.h (k = 0 began 2000-01-06). NewMoonDay(k)
// is the civil day on which lunation k begins in local time, so lunar month k spans the days
// [NewMoonDay(k), NewMoonDay(k + 1)). A "year interval" is the run of lunations from one month 11
// (k0) up to the next (k1): 12 months normally, 13 in a leap year. Within it a month's position
// p = k − k0 maps to a month number by p = 0 → 11, 1 → 12, 2 → 1, …, 11 → 10, skipping the leap
// position.
//
// Edge cases handled here:
//   - A new moon a few minutes before local midnight starts the month that day (2007-02-17 at
//     23:14 UTC+7 is Tết 2007 in Vietnam; it is 00:14 on the 18th in China).
//   - A month may contain two major terms near perihelion (January), so "no major term" is tested
//     by comparing 30° sectors at the starts of consecutive months, never by counting terms.
//   - Months 11 and 12 before Tết belong to the previous lunar year.
// Sensitive cases 1990–2050 (new moon within 5 minutes of local midnight, where the model's
// error of about a minute would matter): 1996-12-10, 1997-12-29, 1998-09-21 (17:01 UT on 20/9,
// so 1/8 Mậu Dần is 21/9/1998 — tested), 2031-04-21.
#include "calendar/lunar.h"

#include <cmath>

#include "calendar/astro.h"

namespace dondoc::calendar {
namespace {

constexpr double kSynodicMonth = 29.530588861;
constexpr double kLunationZeroJd = 2451550.09766;  // mean new moon k = 0 (TT; close enough here)

// SPEC(lunar month): the month begins on the local civil day that contains the new moon.
int NewMoonDay(int k, double tz) {
  const double local_jd = astro::NewMoonJd(k) + tz / 24.0;
  return static_cast<int>(std::floor(local_jd + 0.5)) - kJulianDayOfEpoch;
}

// The Sun's apparent longitude at the local midnight that begins civil day `day`.
double LongitudeAtDayStart(int day, double tz) {
  const double jd_ut = day + kJulianDayOfEpoch - 0.5 - tz / 24.0;
  return astro::SunApparentLongitude(astro::UtToTt(jd_ut));
}

int Sector(int day, double tz) { return static_cast<int>(LongitudeAtDayStart(day, tz) / 30.0); }

// The lunation containing civil day `day`.
int LunationOf(int day, double tz) {
  const double jd = day + kJulianDayOfEpoch;
  int k = static_cast<int>(std::floor((jd - kLunationZeroJd) / kSynodicMonth));
  while (NewMoonDay(k + 1, tz) <= day) ++k;
  while (NewMoonDay(k, tz) > day) --k;
  return k;
}

// SPEC(lunar month 11): the lunation containing the day of the December solstice of `year`
// (apparent longitude 270°): the longitude is below 270° when the month begins and has reached
// 270° when the next one begins. Longitudes from November to January lie in 230°–320°, so no
// wrap-around at 360° can occur.
int Month11(int year, double tz) {
  int k = LunationOf(DayNumber(Date{year, 12, 1}), tz);  // 1 Dec: longitude ≈ 249°
  while (LongitudeAtDayStart(NewMoonDay(k + 1, tz), tz) < 270.0) ++k;
  while (LongitudeAtDayStart(NewMoonDay(k, tz), tz) >= 270.0) --k;
  return k;
}

// SPEC(leap month): in a 13-month interval from k0, the position (1..12) of the first month with
// no major term: the 30° sector is the same at its start and at the next month's start.
// 0 when the interval has 12 months.
int LeapPosition(int k0, int k1, double tz) {
  if (k1 - k0 != 13) return 0;
  int sector = Sector(NewMoonDay(k0 + 1, tz), tz);
  for (int p = 1; p <= 12; ++p) {
    const int next = Sector(NewMoonDay(k0 + p + 1, tz), tz);
    if (next == sector) return p;
    sector = next;
  }
  return 0;  // unreachable: 12 terms cannot fill 13 months
}

int MonthNumberAt(int position) { return (position + 10) % 12 + 1; }

// The lunation that starts lunar (year, month, leap), or nullopt when there is none.
std::optional<int> LunationOfLunarMonth(int year, int month, bool leap, double tz) {
  if (month < 1 || month > 12) return std::nullopt;
  const bool late = month >= 11;  // months 11 and 12 start the interval after Tết of `year`
  const int k0 = Month11(late ? year : year - 1, tz);
  const int k1 = Month11(late ? year + 1 : year, tz);
  const int leap_at = LeapPosition(k0, k1, tz);
  int position = (month + 1) % 12;  // 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
  if (leap) {
    if (leap_at == 0 || leap_at != position + 1) return std::nullopt;
    position = leap_at;
  } else if (leap_at != 0 && position >= leap_at) {
    ++position;
  }
  return k0 + position;
}

}  // namespace

LunarDate ToLunar(const Date& date, double tz) {
  const int day = DayNumber(date);
  const int k = LunationOf(day, tz);
  const int k11 = Month11(date.year, tz);
  int k0, k1, year_of_tet;
  if (k >= k11) {
    k0 = k11;
    k1 = Month11(date.year + 1, tz);
    year_of_tet = date.year + 1;
  } else {
    k0 = Month11(date.year - 1, tz);
    k1 = k11;
    year_of_tet = date.year;
  }
  const int leap_at = LeapPosition(k0, k1, tz);
  const int diff = k - k0;
  LunarDate out;
  int position = diff;
  if (leap_at != 0 && diff >= leap_at) {
    position = diff - 1;
    out.leap = diff == leap_at;
  }
  out.month = MonthNumberAt(position);
  out.year = (out.month >= 11 && diff < 4) ? year_of_tet - 1 : year_of_tet;
  out.day = day - NewMoonDay(k, tz) + 1;
  return out;
}

std::optional<Date> ToSolar(const LunarDate& lunar, double tz) {
  if (lunar.day < 1 || lunar.day > 30) return std::nullopt;
  const std::optional<int> k = LunationOfLunarMonth(lunar.year, lunar.month, lunar.leap, tz);
  if (!k) return std::nullopt;
  const int start = NewMoonDay(*k, tz);
  if (lunar.day > NewMoonDay(*k + 1, tz) - start) return std::nullopt;
  return FromDayNumber(start + lunar.day - 1);
}

Date LunarNewYear(int year, double tz) {
  // Month 1 always exists and has day 1.
  return FromDayNumber(NewMoonDay(*LunationOfLunarMonth(year, 1, false, tz), tz));
}

int LeapMonthOf(int year, double tz) {
  // Leap months 1..10 of `year` lie in the interval ending at month 11 of civil year `year`;
  // leap 11 or 12 in the interval after it.
  const int k_prev = Month11(year - 1, tz), k_this = Month11(year, tz);
  const int early = LeapPosition(k_prev, k_this, tz);
  if (early >= 3) return MonthNumberAt(early - 1);
  const int late = LeapPosition(k_this, Month11(year + 1, tz), tz);
  if (late == 1 || late == 2) return MonthNumberAt(late - 1);
  return 0;
}

int LunarMonthLength(int year, int month, bool leap, double tz) {
  const std::optional<int> k = LunationOfLunarMonth(year, month, leap, tz);
  if (!k) return 0;
  return NewMoonDay(*k + 1, tz) - NewMoonDay(*k, tz);
}

}  // namespace dondoc::calendar
