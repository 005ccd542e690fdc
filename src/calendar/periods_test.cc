#include "calendar/periods.h"

#include <gtest/gtest.h>

namespace dondoc::calendar {
namespace {

std::string Window(PeriodKind kind, int year, int number = 0, CutOffRule rule = {}) {
  const auto w = DataWindow(Period{kind, year, number}, rule);
  if (!w.ok()) return w.error().code;
  return FormatIso(w.value().from) + ".." + FormatIso(w.value().to);
}

TEST(PeriodWindow, NghiDinh09Defaults) {
  // The examples of domain.md §4.2.
  EXPECT_EQ(Window(PeriodKind::kFirstHalf, 2026), "2025-12-15..2026-06-14");
  EXPECT_EQ(Window(PeriodKind::kYear, 2026), "2025-12-15..2026-12-14");
  EXPECT_EQ(Window(PeriodKind::kQuarter, 2026, 1), "2025-12-15..2026-03-14");
  EXPECT_EQ(Window(PeriodKind::kMonth, 2026, 3), "2026-02-15..2026-03-14");
  EXPECT_EQ(Window(PeriodKind::kMonth, 2026, 1), "2025-12-15..2026-01-14");
  EXPECT_EQ(Window(PeriodKind::kQuarter, 2026, 4), "2026-09-15..2026-12-14");
  EXPECT_EQ(Window(PeriodKind::kSecondHalf, 2026), "2026-06-15..2026-12-14");
  EXPECT_EQ(Window(PeriodKind::kNineMonths, 2026), "2025-12-15..2026-09-14");
}

TEST(PeriodWindow, OverriddenCutOff) {
  // A regime closing on the 20th; and calendar periods (last_day 0, or a day past month end).
  EXPECT_EQ(Window(PeriodKind::kQuarter, 2026, 2, {20}), "2026-03-21..2026-06-20");
  EXPECT_EQ(Window(PeriodKind::kMonth, 2024, 2, {0}), "2024-02-01..2024-02-29");
  EXPECT_EQ(Window(PeriodKind::kMonth, 2025, 3, {31}), "2025-03-01..2025-03-31");
  EXPECT_EQ(Window(PeriodKind::kYear, 2026, 0, {0}), "2026-01-01..2026-12-31");
  EXPECT_EQ(Window(PeriodKind::kMonth, 2025, 3, {30}), "2025-03-01..2025-03-30");
}

TEST(PeriodWindow, Errors) {
  EXPECT_EQ(Window(PeriodKind::kMonth, 2026, 13), "invalid_period");
  EXPECT_EQ(Window(PeriodKind::kQuarter, 2026, 0), "invalid_period");
  EXPECT_EQ(Window(PeriodKind::kYear, 2026, 0, {32}), "invalid_period");
  EXPECT_EQ(Window(PeriodKind::kYear, 0), "invalid_period");
}

TEST(PeriodSpanTest, CalendarSpans) {
  EXPECT_EQ(PeriodSpan(Period{PeriodKind::kQuarter, 2026, 2}).value(),
            (DateRange{Date{2026, 4, 1}, Date{2026, 6, 30}}));
  EXPECT_EQ(PeriodSpan(Period{PeriodKind::kMonth, 2028, 2}).value(),
            (DateRange{Date{2028, 2, 1}, Date{2028, 2, 29}}));
  EXPECT_EQ(PeriodSpan(Period{PeriodKind::kSecondHalf, 2025}).value(),
            (DateRange{Date{2025, 7, 1}, Date{2025, 12, 31}}));
  EXPECT_EQ(PeriodSpan(Period{PeriodKind::kNineMonths, 2025}).value(),
            (DateRange{Date{2025, 1, 1}, Date{2025, 9, 30}}));
}

TEST(PeriodGap, AtLeastOneWorkingDay) {
  // Cut-off Sat 14/6/2025: a deadline Mon 16/6 has only Sunday between → too early; Tue 17/6 ok.
  EXPECT_FALSE(MeetsMinimumGap(Date{2025, 6, 14}, Date{2025, 6, 16}));
  EXPECT_TRUE(MeetsMinimumGap(Date{2025, 6, 14}, Date{2025, 6, 17}));
  // Cut-off Fri 13/2/2026 before Tết: nothing works until Mon 23/2.
  EXPECT_FALSE(MeetsMinimumGap(Date{2026, 2, 13}, Date{2026, 2, 23}));
  EXPECT_TRUE(MeetsMinimumGap(Date{2026, 2, 13}, Date{2026, 2, 24}));
  EXPECT_FALSE(MeetsMinimumGap(Date{2026, 3, 14}, Date{2026, 3, 14}));
}

}  // namespace
}  // namespace dondoc::calendar
