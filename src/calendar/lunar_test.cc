#include "calendar/lunar.h"

#include <gtest/gtest.h>

namespace dondoc::calendar {
namespace {

// Mùng 1 Tết (lunar 1/1) in Vietnam, 1985 and 1990–2050, as published in Vietnamese calendars
// (lịch vạn niên, computed for UTC+7). Years where China (UTC+8) differs are marked.
struct TetDate {
  int year, month, day;
};
constexpr TetDate kTet[] = {
    {1985, 1, 21},  // China: 20/2 (month 11 of 1984 and the leap month fall differently)
    {1990, 1, 27}, {1991, 2, 15}, {1992, 2, 4},  {1993, 1, 23}, {1994, 2, 10},
    {1995, 1, 31}, {1996, 2, 19}, {1997, 2, 7},  {1998, 1, 28}, {1999, 2, 16},
    {2000, 2, 5},  {2001, 1, 24}, {2002, 2, 12}, {2003, 2, 1},  {2004, 1, 22},
    {2005, 2, 9},  {2006, 1, 29}, {2007, 2, 17},  // China: 18/2 (new moon 2007-02-17 16:14 UT)
    {2008, 2, 7},  {2009, 1, 26}, {2010, 2, 14}, {2011, 2, 3},  {2012, 1, 23},
    {2013, 2, 10}, {2014, 1, 31}, {2015, 2, 19}, {2016, 2, 8},  {2017, 1, 28},
    {2018, 2, 16}, {2019, 2, 5},  {2020, 1, 25}, {2021, 2, 12}, {2022, 2, 1},
    {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},
    {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 2},  // China: 3/2 (new moon 2030-02-02 16:07 UT)
    {2031, 1, 23}, {2032, 2, 11}, {2033, 1, 31}, {2034, 2, 19}, {2035, 2, 8},
    {2036, 1, 28}, {2037, 2, 15}, {2038, 2, 4},  {2039, 1, 24}, {2040, 2, 12},
    {2041, 2, 1},  {2042, 1, 22}, {2043, 2, 10}, {2044, 1, 30}, {2045, 2, 17},
    {2046, 2, 6},  {2047, 1, 26}, {2048, 2, 14}, {2049, 2, 2},  {2050, 1, 23},
};

TEST(LunarTet, EveryYear1990To2050MatchesTheTable) {
  int checked = 0;
  for (const TetDate& t : kTet) {
    const Date tet{t.year, t.month, t.day};
    EXPECT_EQ(FormatIso(LunarNewYear(t.year)), FormatIso(tet)) << "Tết " << t.year;
    const LunarDate l = ToLunar(tet);
    EXPECT_EQ(l, (LunarDate{t.year, 1, 1, false})) << "Tết " << t.year;
    // The day before is the last day of month 12 (or of a leap 12) of the previous year.
    const LunarDate eve = ToLunar(AddDays(tet, -1));
    EXPECT_EQ(eve.year, t.year - 1);
    EXPECT_EQ(eve.month, 12);
    EXPECT_TRUE(eve.day == 29 || eve.day == 30);
    ++checked;
  }
  EXPECT_EQ(checked, 62);
}

TEST(LunarTet, ChinaDiffersIn1985_2007_2030) {
  constexpr double kChina = 8.0;
  EXPECT_EQ(LunarNewYear(2007, kChina), (Date{2007, 2, 18}));
  EXPECT_EQ(LunarNewYear(1985, kChina), (Date{1985, 2, 20}));
  EXPECT_EQ(LunarNewYear(2030, kChina), (Date{2030, 2, 3}));
  EXPECT_EQ(LunarNewYear(2026, kChina), (Date{2026, 2, 17}));
}

TEST(LunarGioTo, TenthOfThirdMonth) {
  // Giỗ Tổ Hùng Vương, 10/3 âm lịch.
  EXPECT_EQ(ToSolar(LunarDate{2024, 3, 10}), (Date{2024, 4, 18}));
  EXPECT_EQ(ToSolar(LunarDate{2025, 3, 10}), (Date{2025, 4, 7}));
  EXPECT_EQ(ToSolar(LunarDate{2026, 3, 10}), (Date{2026, 4, 26}));
  EXPECT_EQ(ToSolar(LunarDate{2023, 3, 10}), (Date{2023, 4, 29}));
}

TEST(LunarLeap, KnownLeapMonths) {
  EXPECT_EQ(LeapMonthOf(2020), 4);
  EXPECT_EQ(LeapMonthOf(2023), 2);
  EXPECT_EQ(LeapMonthOf(2025), 6);
  EXPECT_EQ(LeapMonthOf(2028), 5);
  EXPECT_EQ(LeapMonthOf(2024), 0);
  EXPECT_EQ(LeapMonthOf(2026), 0);
  // 1984/85: Vietnam has no leap month in 1984 and a leap 2 in 1985; China a leap 10 in 1984.
  EXPECT_EQ(LeapMonthOf(1984), 0);
  EXPECT_EQ(LeapMonthOf(1985), 2);
  EXPECT_EQ(LeapMonthOf(1984, 8.0), 10);
  // 2033: leap 11 (the "2033 problem"), 1/11 nhuận = 22/12/2033.
  EXPECT_EQ(LeapMonthOf(2033), 11);
  EXPECT_EQ(ToLunar(Date{2033, 12, 22}), (LunarDate{2033, 11, 1, true}));
  // 2020: 1/4 nhuận = 23/5/2020; 2023: 1/2 nhuận = 22/3/2023; 2025: 1/6 nhuận = 25/7/2025.
  EXPECT_EQ(ToLunar(Date{2020, 5, 23}), (LunarDate{2020, 4, 1, true}));
  EXPECT_EQ(ToLunar(Date{2023, 3, 22}), (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(ToLunar(Date{2025, 7, 25}), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(ToLunar(Date{2025, 6, 25}), (LunarDate{2025, 6, 1, false}));
  EXPECT_EQ(ToSolar(LunarDate{2025, 6, 1, true}), (Date{2025, 7, 25}));
  // A leap flag on a month that is not leap that year does not exist.
  EXPECT_EQ(ToSolar(LunarDate{2025, 5, 1, true}), std::nullopt);
  EXPECT_EQ(ToSolar(LunarDate{2026, 6, 1, true}), std::nullopt);
}

TEST(LunarConvert, OtherKnownDates) {
  // Mid-Autumn (15/8) 2025 = 6/10/2025; Vu Lan (15/7) 2024 = 18/8/2024.
  EXPECT_EQ(ToSolar(LunarDate{2025, 8, 15}), (Date{2025, 10, 6}));
  EXPECT_EQ(ToSolar(LunarDate{2024, 7, 15}), (Date{2024, 8, 18}));
  // Ông Công Ông Táo (23/12) of lunar year 2025 = 10/2/2026.
  EXPECT_EQ(ToSolar(LunarDate{2025, 12, 23}), (Date{2026, 2, 10}));
  EXPECT_EQ(ToLunar(Date{2026, 2, 16}), (LunarDate{2025, 12, 29, false}));
}

TEST(LunarConvert, NewMoonOneMinuteAfterMidnight) {
  // New moon 1998-09-20 17:01 UT = 00:01 on 21/9 at UTC+7: month 8 begins 21/9, so Trung thu
  // (15/8) is 5/10/1998.
  EXPECT_EQ(ToLunar(Date{1998, 9, 21}), (LunarDate{1998, 8, 1, false}));
  EXPECT_EQ(ToSolar(LunarDate{1998, 8, 15}), (Date{1998, 10, 5}));
}

TEST(LunarTet, TetSplitOf1968) {
  // North Vietnam's UTC+7 calendar put Tết Mậu Thân on 29/1/1968, China's (and the South's) on
  // 30/1.
  EXPECT_EQ(LunarNewYear(1968), (Date{1968, 1, 29}));
  EXPECT_EQ(LunarNewYear(1968, 8.0), (Date{1968, 1, 30}));
}

TEST(LunarConvert, InvalidLunarDates) {
  EXPECT_EQ(ToSolar(LunarDate{2025, 13, 1}), std::nullopt);
  EXPECT_EQ(ToSolar(LunarDate{2025, 0, 1}), std::nullopt);
  EXPECT_EQ(ToSolar(LunarDate{2025, 1, 31}), std::nullopt);
  EXPECT_EQ(ToSolar(LunarDate{2025, 1, 0}), std::nullopt);
  // Month 12 of lunar year 2025 has 29 days (Tết 2026 is 17/2, 1/12 is 19/1/2026).
  EXPECT_EQ(LunarMonthLength(2025, 12, false), 29);
  EXPECT_EQ(ToSolar(LunarDate{2025, 12, 30}), std::nullopt);
}

TEST(LunarConvert, RoundTripEveryDay1990To2050) {
  int months_29 = 0, months_30 = 0;
  LunarDate prev = ToLunar(Date{1989, 12, 31});
  for (int n = DayNumber(Date{1990, 1, 1}); n <= DayNumber(Date{2050, 12, 31}); ++n) {
    const Date d = FromDayNumber(n);
    const LunarDate l = ToLunar(d);
    ASSERT_EQ(ToSolar(l), d) << FormatIso(d);
    if (l.day == 1) {
      ASSERT_TRUE(prev.day == 29 || prev.day == 30) << FormatIso(d);
      (prev.day == 29 ? months_29 : months_30)++;
      // Months advance by one, or repeat once as the leap month.
      if (l.leap) {
        ASSERT_EQ(l.month, prev.month) << FormatIso(d);
      } else {
        ASSERT_EQ(l.month, prev.month % 12 + 1) << FormatIso(d);
      }
    } else {
      ASSERT_EQ(l.day, prev.day + 1) << FormatIso(d);
    }
    prev = l;
  }
  EXPECT_GT(months_29, 300);
  EXPECT_GT(months_30, 300);
}

}  // namespace
}  // namespace dondoc::calendar
