// Tests rrule.h: the parser's RRULE subset, month ends, Tết, and unsupported rules.
#include "track/rrule.h"

#include <gtest/gtest.h>

namespace dondoc::track {
namespace {

using calendar::Date;

std::vector<Instance> Get(std::string_view rule, Date anchor, Date from, Date to) {
  auto r = Instances(rule, anchor, {from, to});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : std::vector<Instance>{};
}

TEST(RRule, ParsesTheParsersSubset) {
  for (const char* rule :
       {"FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY",
        "FREQ=MONTHLY;INTERVAL=3", "FREQ=MONTHLY;INTERVAL=6", "FREQ=MONTHLY;BYMONTHDAY=20",
        "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2", "FREQ=YEARLY;BYMONTH=12",
        "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"}) {
    EXPECT_TRUE(ParseRRule(rule).ok()) << rule;
  }
  auto r = ParseRRule("FREQ=YEARLY;BYMONTH=12,6,6;BYMONTHDAY=15");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().by_month, (std::vector<int>{6, 12}));
}

TEST(RRule, UnsupportedAndMalformedRulesAreErrors) {
  for (const char* rule :
       {"FREQ=HOURLY", "FREQ=MONTHLY;BYDAY=MO", "FREQ=DAILY;COUNT=3", "FREQ=YEARLY;UNTIL=20261231",
        "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTH=3", "FREQ=WEEKLY;BYMONTHDAY=2",
        "FREQ=DAILY;FREQ=WEEKLY"}) {
    auto r = ParseRRule(rule);
    ASSERT_FALSE(r.ok()) << rule;
    EXPECT_EQ(r.error().code, "rrule_unsupported") << rule;
  }
  for (const char* rule :
       {"", "FREQ", "FREQ=", "INTERVAL=2", "FREQ=MONTHLY;INTERVAL=0", "FREQ=MONTHLY;INTERVAL=x",
        "FREQ=YEARLY;BYMONTH=13", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;",
        "FREQ=YEARLY;BYMONTH=6,", "FREQ=MONTHLY;INTERVAL=99999999999"}) {
    auto r = ParseRRule(rule);
    ASSERT_FALSE(r.ok()) << rule;
    EXPECT_EQ(r.error().code, "rrule_syntax") << rule;
  }
  auto bad = Instances("FREQ=SECONDLY", {2026, 1, 1}, {{2026, 1, 1}, {2026, 12, 31}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "rrule_unsupported");
}

TEST(RRule, MonthlyOnThe31stClampsInFebruaryAndRollsWeekends) {
  auto v = Get("FREQ=MONTHLY;BYMONTHDAY=31", {2026, 1, 1}, {2026, 1, 1}, {2026, 5, 4});
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0], (Instance{{2026, 1, 31}, {2026, 2, 2}}));  // Saturday → Monday
  EXPECT_EQ(v[1], (Instance{{2026, 2, 28}, {2026, 3, 2}}));  // clamped, Saturday → Monday
  EXPECT_EQ(v[2], (Instance{{2026, 3, 31}, {2026, 3, 31}}));
  EXPECT_EQ(v[3], (Instance{{2026, 4, 30}, {2026, 5, 4}}));  // 30/4, 1/5 holidays, weekend
  // A leap year keeps 29/2 (2028-02-29 is a Tuesday).
  auto leap = Get("FREQ=MONTHLY;BYMONTHDAY=31", {2028, 1, 1}, {2028, 2, 15}, {2028, 2, 29});
  ASSERT_EQ(leap.size(), 1u);
  EXPECT_EQ(leap[0].nominal, (Date{2028, 2, 29}));
}

TEST(RRule, ClampingTwoDaysToOneKeepsOneInstance) {
  auto v = Get("FREQ=MONTHLY;BYMONTHDAY=30,31", {2027, 1, 1}, {2027, 2, 2}, {2027, 3, 10});
  ASSERT_EQ(v.size(), 1u);  // 28/2/2027 (Sunday) → 1/3
  EXPECT_EQ(v[0], (Instance{{2027, 2, 28}, {2027, 3, 1}}));
}

TEST(RRule, TetRollsAMonthlyDueToTheEndOfTheBreak) {
  // 15/02/2026 is a Sunday inside the Tết break 14–22/02: due Monday 23/02.
  auto v = Get("FREQ=MONTHLY;BYMONTHDAY=15", {2026, 1, 1}, {2026, 2, 1}, {2026, 2, 28});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0], (Instance{{2026, 2, 15}, {2026, 2, 23}}));
  // A range starting after the nominal date still finds the rolled instance.
  auto late = Get("FREQ=MONTHLY;BYMONTHDAY=15", {2026, 1, 1}, {2026, 2, 20}, {2026, 2, 28});
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].due, (Date{2026, 2, 23}));
}

TEST(RRule, QuarterlyEndsQuartersAndTakesTheDayInTheLastMonth) {
  auto q = Get("FREQ=MONTHLY;INTERVAL=3", {2026, 2, 10}, {2026, 1, 1}, {2026, 12, 31});
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].nominal, (Date{2026, 3, 31}));
  EXPECT_EQ(q[1].nominal, (Date{2026, 6, 30}));
  EXPECT_EQ(q[2].nominal, (Date{2026, 9, 30}));
  EXPECT_EQ(q[3].nominal, (Date{2026, 12, 31}));
  auto d = Get("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20", {2026, 1, 1}, {2026, 1, 1}, {2026, 7, 1});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], (Instance{{2026, 3, 20}, {2026, 3, 20}}));
  EXPECT_EQ(d[1], (Instance{{2026, 6, 20}, {2026, 6, 22}}));  // Saturday → Monday
  auto half = Get("FREQ=MONTHLY;INTERVAL=6", {2026, 1, 1}, {2026, 1, 1}, {2027, 12, 31});
  ASSERT_EQ(half.size(), 4u);
  EXPECT_EQ(half[1].nominal, (Date{2026, 12, 31}));
  // A period that does not divide the year runs from the anchor's month: every 5 months from
  // February ends in June, November, …
  auto five = Get("FREQ=MONTHLY;INTERVAL=5", {2026, 2, 1}, {2026, 1, 1}, {2026, 12, 31});
  ASSERT_EQ(five.size(), 2u);
  EXPECT_EQ(five[0].nominal, (Date{2026, 6, 30}));
  EXPECT_EQ(five[1].nominal, (Date{2026, 11, 30}));
}

TEST(RRule, YearlyWithMonthsAndDays) {
  auto v =
      Get("FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", {2026, 1, 1}, {2026, 1, 1}, {2027, 12, 31});
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0], (Instance{{2026, 6, 15}, {2026, 6, 15}}));
  EXPECT_EQ(v[1], (Instance{{2026, 12, 15}, {2026, 12, 15}}));
  EXPECT_EQ(v[2], (Instance{{2027, 6, 15}, {2027, 6, 15}}));
  auto plain = Get("FREQ=YEARLY", {2025, 3, 1}, {2025, 1, 1}, {2027, 12, 31});
  ASSERT_EQ(plain.size(), 3u);
  EXPECT_EQ(plain[0], (Instance{{2025, 12, 31}, {2025, 12, 31}}));
  EXPECT_EQ(plain[2], (Instance{{2027, 12, 31}, {2027, 12, 31}}));
  auto every2 = Get("FREQ=YEARLY;INTERVAL=2", {2025, 3, 1}, {2025, 1, 1}, {2029, 12, 31});
  ASSERT_EQ(every2.size(), 3u);
  EXPECT_EQ(every2[1].nominal.year, 2027);
  // 1/1 is a holiday: "hằng năm, ngày 01/01" rolls to the next working day (2027-01-01 is a
  // Friday → Monday 4/1).
  auto newyear =
      Get("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", {2027, 1, 1}, {2027, 1, 1}, {2027, 1, 31});
  ASSERT_EQ(newyear.size(), 1u);
  EXPECT_EQ(newyear[0].due, (Date{2027, 1, 4}));
}

TEST(RRule, DailyIsEveryWorkingDayWeeklyIsFriday) {
  // 12–23/02/2026: Thu 12, Fri 13, then Tết to 22/02, Monday 23.
  auto d = Get("FREQ=DAILY", {2026, 1, 1}, {2026, 2, 12}, {2026, 2, 23});
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[2].nominal, (Date{2026, 2, 23}));
  auto w = Get("FREQ=WEEKLY", {2026, 2, 2}, {2026, 2, 2}, {2026, 2, 28});
  // Fridays 6, 13, 20 (Tết → 23/02), 27.
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[2], (Instance{{2026, 2, 20}, {2026, 2, 23}}));
  auto w2 = Get("FREQ=WEEKLY;INTERVAL=2", {2026, 2, 2}, {2026, 2, 2}, {2026, 2, 28});
  ASSERT_EQ(w2.size(), 2u);
  EXPECT_EQ(w2[1].nominal, (Date{2026, 2, 20}));
}

TEST(RRule, NothingBeforeTheAnchorAndLimits) {
  auto v = Get("FREQ=MONTHLY", {2026, 5, 10}, {2026, 1, 1}, {2026, 6, 30});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].nominal, (Date{2026, 5, 31}));
  auto reversed = Instances("FREQ=MONTHLY", {2026, 1, 1}, {{2026, 6, 1}, {2026, 1, 1}});
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().code, "invalid_range");
  auto huge = Instances("FREQ=DAILY", {2000, 1, 1}, {{2000, 1, 1}, {2099, 12, 31}});
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, "range_too_large");
}

}  // namespace
}  // namespace dondoc::track
