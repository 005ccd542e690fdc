#include "calendar/date.h"

#include <gtest/gtest.h>

namespace dondoc::calendar {
namespace {

TEST(CalendarDate, EpochAndKnownDayNumbers) {
  EXPECT_EQ(DayNumber(Date{1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber(Date{1969, 12, 31}), -1);
  EXPECT_EQ(DayNumber(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(DayNumber(Date{2026, 2, 17}), 20501);
  EXPECT_EQ(JulianDayNumber(Date{2000, 1, 1}), 2451545);
  EXPECT_EQ(JulianDayNumber(Date{1858, 11, 17}), 2400001);  // MJD 0 began at JD 2400000.5
}

TEST(CalendarDate, RoundTripsEveryDay1600To2400) {
  Date expected{1600, 1, 1};
  for (int n = DayNumber(expected); n <= DayNumber(Date{2400, 12, 31}); ++n) {
    const Date got = FromDayNumber(n);
    ASSERT_EQ(got, expected) << n;
    ASSERT_EQ(DayNumber(got), n);
    // Advance `expected` by hand, independently of DayNumber.
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(CalendarDate, NegativeYearsRoundTrip) {
  for (int n = -800000; n < -700000; n += 37) EXPECT_EQ(DayNumber(FromDayNumber(n)), n);
}

TEST(CalendarDate, Weekdays) {
  EXPECT_EQ(WeekdayOf(Date{1970, 1, 1}), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf(Date{2026, 11, 24}), Weekday::kTuesday);
  EXPECT_EQ(WeekdayOf(Date{2025, 9, 2}), Weekday::kTuesday);
  EXPECT_EQ(WeekdayOf(Date{2026, 2, 17}), Weekday::kTuesday);
  EXPECT_EQ(WeekdayOf(Date{1945, 9, 2}), Weekday::kSunday);
  EXPECT_TRUE(IsWeekend(Date{2026, 4, 26}));
  EXPECT_FALSE(IsWeekend(Date{2026, 4, 27}));
}

TEST(CalendarDate, Arithmetic) {
  EXPECT_EQ(AddDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays(Date{2025, 2, 28}, 1), (Date{2025, 3, 1}));
  EXPECT_EQ(AddDays(Date{2026, 1, 1}, -1), (Date{2025, 12, 31}));
  EXPECT_EQ(DaysBetween(Date{2025, 1, 1}, Date{2026, 1, 1}), 365);
  EXPECT_EQ(AddMonths(Date{2025, 1, 31}, 1), (Date{2025, 2, 28}));
  EXPECT_EQ(AddMonths(Date{2024, 1, 31}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddMonths(Date{2025, 12, 15}, 2), (Date{2026, 2, 15}));
  EXPECT_EQ(AddMonths(Date{2026, 1, 15}, -2), (Date{2025, 11, 15}));
}

TEST(CalendarDate, PeriodEnds) {
  EXPECT_EQ(EndOfMonth(Date{2024, 2, 3}), (Date{2024, 2, 29}));
  EXPECT_EQ(EndOfMonth(Date{1900, 2, 3}), (Date{1900, 2, 28}));
  EXPECT_EQ(EndOfQuarter(Date{2026, 5, 9}), (Date{2026, 6, 30}));
  EXPECT_EQ(EndOfQuarter(Date{2026, 12, 1}), (Date{2026, 12, 31}));
  EXPECT_EQ(StartOfQuarter(Date{2026, 9, 30}), (Date{2026, 7, 1}));
  EXPECT_EQ(QuarterOf(Date{2026, 4, 1}), 2);
}

TEST(CalendarDate, Validity) {
  EXPECT_TRUE(IsValid(Date{2000, 2, 29}));
  EXPECT_FALSE(IsValid(Date{1900, 2, 29}));
  EXPECT_FALSE(IsValid(Date{2025, 13, 1}));
  EXPECT_FALSE(IsValid(Date{2025, 4, 31}));
  EXPECT_FALSE(IsValid(Date{2025, 4, 0}));
}

TEST(CalendarDate, IsoText) {
  EXPECT_EQ(FormatIso(Date{2026, 2, 7}), "2026-02-07");
  EXPECT_EQ(FormatVn(Date{2026, 2, 7}), "07/02/2026");
  auto ok = ParseIso("2026-11-24");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), (Date{2026, 11, 24}));
  EXPECT_EQ(ParseIso("2025-02-29").error().code, "invalid_date");
  EXPECT_EQ(ParseIso("2025-2-28").error().code, "invalid_date_format");
  EXPECT_EQ(ParseIso("2025-02-28x").error().code, "invalid_date_format");
  EXPECT_EQ(ParseIso("").error().code, "invalid_date_format");
  EXPECT_EQ(ParseIso("20a5-02-28").error().code, "invalid_date_format");
}

}  // namespace
}  // namespace dondoc::calendar
