#include "calendar/working_days.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace dondoc::calendar {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

TEST(WorkingDayBasics, WeekdaysWeekendsHolidays) {
  EXPECT_TRUE(IsWorkingDay(D(2025, 3, 3)));   // Monday
  EXPECT_FALSE(IsWorkingDay(D(2025, 3, 8)));  // Saturday
  EXPECT_FALSE(IsWorkingDay(D(2025, 1, 1)));  // Tết Dương lịch
  EXPECT_TRUE(IsWorkingDay(D(2025, 4, 26)));  // Saturday worked for Fri 2/5
  EXPECT_FALSE(IsWorkingDay(D(2025, 5, 2)));  // Friday off in exchange
  EXPECT_EQ(KindOfDay(D(2025, 4, 26)), DayKind::kSwappedWorkday);
  EXPECT_EQ(KindOfDay(D(2025, 5, 2)), DayKind::kHoliday);
  EXPECT_EQ(KindOfDay(D(2025, 3, 8)), DayKind::kWeekend);
  EXPECT_EQ(KindOfDay(D(2023, 5, 2)), DayKind::kCompensatory);
}

TEST(WorkingDayTet, Tet2025) {
  // Off Sat 25/1 … Sun 2/2/2025.
  for (int d = 25; d <= 31; ++d) EXPECT_FALSE(IsWorkingDay(D(2025, 1, d))) << d;
  EXPECT_FALSE(IsWorkingDay(D(2025, 2, 2)));
  EXPECT_TRUE(IsWorkingDay(D(2025, 1, 24)));
  EXPECT_TRUE(IsWorkingDay(D(2025, 2, 3)));
  EXPECT_EQ(NextWorkingDay(D(2025, 1, 24)), D(2025, 2, 3));
  EXPECT_EQ(AddWorkingDays(D(2025, 1, 23), 2), D(2025, 2, 3));
  EXPECT_EQ(AddWorkingDays(D(2025, 2, 3), -1), D(2025, 1, 24));
  EXPECT_EQ(PreviousWorkingDay(D(2025, 2, 3)), D(2025, 1, 24));
  EXPECT_EQ(WorkingDaysBetween(D(2025, 1, 20), D(2025, 2, 7)), 9);  // 21–24/1 and 3–7/2
}

TEST(WorkingDayTet, Tet2026) {
  // Off Sat 14/2 … Sun 22/2/2026; mùng 1 = Tue 17/2.
  EXPECT_TRUE(IsWorkingDay(D(2026, 2, 13)));
  for (int d = 14; d <= 22; ++d) EXPECT_FALSE(IsWorkingDay(D(2026, 2, d))) << d;
  EXPECT_TRUE(IsWorkingDay(D(2026, 2, 23)));
  EXPECT_EQ(AddWorkingDays(D(2026, 2, 10), 5), D(2026, 2, 24));  // 11,12,13,23,24
  EXPECT_EQ(RollForward(D(2026, 2, 17)), D(2026, 2, 23));
  EXPECT_EQ(RollForward(D(2026, 2, 23)), D(2026, 2, 23));
}

TEST(WorkingDayMay, ThirtyAprilFirstMay) {
  // 2025: off 30/4–4/5, Sat 26/4 worked.
  EXPECT_EQ(AddWorkingDays(D(2025, 4, 25), 1), D(2025, 4, 26));
  EXPECT_EQ(AddWorkingDays(D(2025, 4, 25), 3), D(2025, 4, 29));
  EXPECT_EQ(AddWorkingDays(D(2025, 4, 29), 1), D(2025, 5, 5));
  // Week of 28/4/2025: Mon, Tue only; with Sat 26/4 the 7 days 26/4–2/5 hold 3 working days.
  EXPECT_EQ(WorkingDaysBetween(D(2025, 4, 25), D(2025, 5, 2)), 3);
  // 2026: Thu 30/4 and Fri 1/5 off, Giỗ Tổ Sun 26/4 → Mon 27/4 off.
  EXPECT_FALSE(IsWorkingDay(D(2026, 4, 27)));
  EXPECT_TRUE(IsWorkingDay(D(2026, 4, 28)));
  EXPECT_EQ(AddWorkingDays(D(2026, 4, 24), 3), D(2026, 5, 4));  // Tue 28, Wed 29, Mon 4/5
  EXPECT_EQ(NextWorkingDay(D(2026, 4, 29)), D(2026, 5, 4));
}

TEST(WorkingDaySeptember, QuocKhanh) {
  // 2025: off Sat 30/8 – Tue 2/9.
  EXPECT_FALSE(IsWorkingDay(D(2025, 9, 1)));
  EXPECT_FALSE(IsWorkingDay(D(2025, 9, 2)));
  EXPECT_EQ(NextWorkingDay(D(2025, 8, 29)), D(2025, 9, 3));
  // 2026: Tue 1/9 and Wed 2/9 [U].
  EXPECT_TRUE(IsWorkingDay(D(2026, 8, 31)));
  EXPECT_EQ(NextWorkingDay(D(2026, 8, 31)), D(2026, 9, 3));
}

TEST(WorkingDayCulture, TwentyFourthNovember2026) {
  EXPECT_EQ(WeekdayOf(D(2026, 11, 24)), Weekday::kTuesday);
  EXPECT_FALSE(IsWorkingDay(D(2026, 11, 24)));
  EXPECT_TRUE(IsWorkingDay(D(2025, 11, 24)));  // before NQ 28/2026 took effect
  EXPECT_EQ(AddWorkingDays(D(2026, 11, 23), 1), D(2026, 11, 25));
  EXPECT_EQ(WorkingDaysBetween(D(2026, 11, 22), D(2026, 11, 29)), 4);
}

TEST(WorkingDayCount, InverseOfAdd) {
  const Date start = D(2024, 12, 20);
  for (int n = -300; n <= 300; n += 7) {
    const Date end = AddWorkingDays(start, n);
    EXPECT_EQ(WorkingDaysBetween(start, end), n) << n;
    if (n != 0) {
      EXPECT_TRUE(IsWorkingDay(end)) << n;
    }
  }
  EXPECT_EQ(WorkingDaysBetween(D(2026, 1, 5), D(2026, 1, 5)), 0);
}

TEST(WorkingDayCount, WholeYears) {
  // 2025: 261 Mon–Fri; minus 1/1, Tết (27–31/1), 7/4, 30/4, 1/5, 2/5, 1/9, 2/9 = 12 weekdays off;
  // plus Sat 26/4 worked → 250.
  EXPECT_EQ(WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)), 250);
  // 2026: 261 Mon–Fri; minus 1/1, Tết (16–20/2), 27/4, 30/4, 1/5, 1/9, 2/9, 24/11 = 12 → 249.
  EXPECT_EQ(WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)), 249);
}

TEST(WorkingDayDeadline, CalendarDaysRollForward) {
  // BLDS 147–148: 10 days from 20/4/2025 end on 30/4 (a holiday) → the next working day, 5/5.
  EXPECT_EQ(DeadlineAfterDays(D(2025, 4, 20), 10), D(2025, 5, 5));
  EXPECT_EQ(DeadlineAfterDays(D(2025, 3, 3), 10), D(2025, 3, 13));
  // 31/12/2025 + 2 months = 28/2/2026 (no 31/2), a Saturday → Monday 2/3.
  EXPECT_EQ(DeadlineAfterMonths(D(2025, 12, 31), 2), D(2026, 3, 2));
}

TEST(WorkingDayCustomData, OwnCalendar) {
  const DataFile files[] = {{"x.txt", "format 1\nyear 2027\nextra 2027-03-03 Ngày riêng\n"}};
  const auto cal = ParseHolidayData(files);
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(IsWorkingDay(D(2027, 3, 3), cal.value()));
  EXPECT_TRUE(IsWorkingDay(D(2027, 1, 1), cal.value()));  // no rules in this data
}

}  // namespace
}  // namespace dondoc::calendar

namespace dondoc::calendar {

// The built-in calendar's plans are cached per process; a copy of it is not. Both must answer
// the same for every day, from several threads at once.
TEST(WorkingDayCache, BuiltinCacheAgreesWithAnUncachedCopy) {
  const HolidayCalendar copy = BuiltinHolidays();
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (Date d{2023 + t, 1, 1}; d < Date{2028, 1, 1}; d = AddDays(d, 1)) {
        if (KindOfDay(d, BuiltinHolidays()) != KindOfDay(d, copy) ||
            RollForward(d, BuiltinHolidays()) != RollForward(d, copy))
          ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace dondoc::calendar
