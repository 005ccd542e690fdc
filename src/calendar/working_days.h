// Working-day arithmetic for civil servants: Monday–Friday, minus holidays, nghỉ bù and announced
// days off, plus weekend days worked in exchange. Tested by working_days_test.cc.
//
// Every function takes the holiday data last, defaulting to BuiltinHolidays(); pass your own
// HolidayCalendar to use other data (tests, a plan with its own regime). Pure and thread-safe.
// Cost: computing a year's plan takes a few lunar conversions (tens of microseconds); functions
// that walk many days compute each civil year once per call.
//
// Counting convention. SPEC(BLDS 2015 Điều 147.1): when a period is counted in days, the first
// day is not counted; counting starts the next day. So "within 5 working days from 03/02/2025"
// is AddWorkingDays(2025-02-03, 5), and WorkingDaysBetween(a, AddWorkingDays(a, n)) == n.
#pragma once

#include "calendar/date.h"
#include "calendar/holidays.h"

namespace dondoc::calendar {

// What `date` is: kWorkday or kSwappedWorkday (both working days), kWeekend, kHoliday or
// kCompensatory (days off).
DayKind KindOfDay(const Date& date, const HolidayCalendar& holidays = BuiltinHolidays());

bool IsWorkingDay(const Date& date, const HolidayCalendar& holidays = BuiltinHolidays());

// The first working day strictly after / before `date`.
Date NextWorkingDay(const Date& date, const HolidayCalendar& holidays = BuiltinHolidays());
Date PreviousWorkingDay(const Date& date, const HolidayCalendar& holidays = BuiltinHolidays());

// `date` itself when it is a working day, else the next working day.
// SPEC(BLDS 2015 Điều 148.2): a period whose last day is a weekly rest day or a holiday ends at
// the end of the next working day.
Date RollForward(const Date& date, const HolidayCalendar& holidays = BuiltinHolidays());

// The n-th working day after `start` (start itself not counted), or before it when n < 0;
// `start` when n == 0. Example: AddWorkingDays(2025-01-24, 1) = 2025-02-03 (after Tết).
Date AddWorkingDays(const Date& start, int n, const HolidayCalendar& holidays = BuiltinHolidays());

// The number of working days d with from < d ≤ to; negative (−count of to < d ≤ from) when
// to < from. WorkingDaysBetween(d, d) == 0.
int WorkingDaysBetween(const Date& from, const Date& to,
                       const HolidayCalendar& holidays = BuiltinHolidays());

// Deadlines counted in calendar days or months, rolled forward to a working day.
// SPEC(BLDS 2015 Điều 147–148): "trong 10 ngày kể từ 20/4/2025" → 30/4/2025, a holiday → the
// next working day, 5/5/2025. Months keep the day or clamp to the month's end (Điều 148.1.c).
Date DeadlineAfterDays(const Date& start, int days,
                       const HolidayCalendar& holidays = BuiltinHolidays());
Date DeadlineAfterMonths(const Date& start, int months,
                         const HolidayCalendar& holidays = BuiltinHolidays());

}  // namespace dondoc::calendar
