// Tests lists.h: upcoming, overdue, reminders and scorecards as of a date.
#include "track/lists.h"

#include <gtest/gtest.h>

#include "track/test_util.h"

namespace dondoc::track {
namespace {

using namespace fixtures;

TEST(Lists, UpcomingCountsWorkingDays) {
  // As of Friday 24/4/2026, 5 working days: 27/4 is nghỉ bù Giỗ Tổ, 30/4 and 1/5 holidays →
  // 28, 29/4, 4, 5, 6/5.
  const std::vector<TrackedTask> tasks{OneOff(1, D(2026, 5, 6)), OneOff(2, D(2026, 5, 7)),
                                       OneOff(3, D(2026, 4, 24)), OneOff(4, D(2026, 4, 23))};
  auto u = Upcoming(tasks, {}, D(2026, 4, 24), 5);
  ASSERT_TRUE(u.ok());
  ASSERT_EQ(u.value().size(), 2u);
  EXPECT_EQ(u.value()[0].task_id, 3);  // due today
  EXPECT_EQ(u.value()[1].task_id, 1);
  auto o = Overdue(tasks, {}, D(2026, 4, 24));
  ASSERT_TRUE(o.ok());
  ASSERT_EQ(o.value().size(), 1u);
  EXPECT_EQ(o.value()[0].task_id, 4);
  EXPECT_EQ(o.value()[0].status, Status::kOverdue);
}

TEST(Lists, SkipsUnconfirmedAndDoneTasks) {
  TrackedTask proposed = OneOff(1, D(2026, 4, 1));
  proposed.state = TaskState::kProposed;
  const TrackedTask done = OneOff(2, D(2026, 4, 1));
  auto o = Overdue({proposed, done}, {Confirmed(done, D(2026, 4, 2), 100)}, D(2026, 4, 10));
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o.value().empty());
}

TEST(Lists, OverdueListsEveryMissedInstance) {
  const TrackedTask t = Recurring(1, "FREQ=MONTHLY", D(2026, 1, 1));
  auto o =
      Overdue({t}, {Confirmed(t, D(2026, 2, 2), 100, "so-tttt", D(2026, 1, 31))}, D(2026, 4, 10));
  ASSERT_TRUE(o.ok());
  ASSERT_EQ(o.value().size(), 2u);  // February (due 2/3) and March; January was reported
  EXPECT_EQ(o.value()[0].nominal, D(2026, 2, 28));
  EXPECT_EQ(o.value()[0].due, D(2026, 3, 2));
  EXPECT_EQ(o.value()[1].nominal, D(2026, 3, 31));
}

TEST(Lists, BadRRuleNamesTheTask) {
  auto o = Overdue({Recurring(9, "FREQ=MONTHLY;BYSETPOS=1", D(2026, 1, 1))}, {}, D(2026, 4, 10));
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().code, "rrule_unsupported");
  EXPECT_NE(o.error().message.find("task 9"), std::string::npos);
}

TEST(Lists, RemindersSkipWaitingReportsAndCarryReturnReasons) {
  const TrackedTask a = OneOff(1, D(2026, 4, 20), "so-tttt");
  const TrackedTask b = OneOff(2, D(2026, 4, 28), "so-yte");
  const TrackedTask c = OneOff(3, D(2026, 4, 29), "so-gd");
  ProgressReport waiting = Confirmed(b, D(2026, 4, 22), 100, "so-yte");
  waiting.state = ReportState::kSubmitted;
  ProgressReport returned = Confirmed(c, D(2026, 4, 22), 100, "so-gd");
  returned.state = ReportState::kReturned;
  returned.return_reason = "Thiếu minh chứng";
  auto r = Reminders({a, b, c}, {waiting, returned}, D(2026, 4, 24), 5);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 2u);
  EXPECT_EQ(r.value()[0].unit_id, "so-gd");
  EXPECT_EQ(r.value()[0].returned_reason, "Thiếu minh chứng");
  EXPECT_EQ(r.value()[0].working_days_left, 2);  // 28, 29/4 (27/4 is nghỉ bù)
  EXPECT_FALSE(r.value()[0].overdue);
  EXPECT_EQ(r.value()[1].unit_id, "so-tttt");
  EXPECT_TRUE(r.value()[1].overdue);
  EXPECT_EQ(r.value()[1].working_days_left, -4);  // 21, 22, 23, 24/4
}

TEST(Lists, ScorecardCountsAndOnTimeRate) {
  const std::vector<TrackedTask> tasks{OneOff(1, D(2026, 3, 31)),
                                       OneOff(2, D(2026, 3, 31)),
                                       OneOff(3, D(2026, 3, 31)),
                                       OneOff(4, D(2026, 12, 31)),
                                       Recurring(5, "FREQ=MONTHLY;INTERVAL=3", D(2026, 1, 1)),
                                       OneOff(6, D(2026, 3, 31), "so-yte")};
  const std::vector<ProgressReport> reports{
      Confirmed(tasks[0], D(2026, 3, 30), 100), Confirmed(tasks[1], D(2026, 4, 2), 100),
      Confirmed(tasks[4], D(2026, 3, 31), 30, "so-tttt", D(2026, 3, 31))};
  auto s = Scorecards(tasks, reports, {D(2026, 1, 1), D(2026, 12, 31)}, D(2026, 7, 15));
  ASSERT_TRUE(s.ok());
  const Scorecard& c = s.value().at("so-tttt");
  EXPECT_EQ(c.Count(Status::kDoneOnTime), 2);  // task 1 and Q1 of task 5
  EXPECT_EQ(c.Count(Status::kDoneLate), 1);
  EXPECT_EQ(c.Count(Status::kOverdue), 2);     // task 3 and Q2 of task 5
  EXPECT_EQ(c.Count(Status::kInProgress), 2);  // task 4 and Q3 of task 5 (Q4 not counted yet)
  ASSERT_TRUE(c.on_time_rate.has_value());
  EXPECT_DOUBLE_EQ(*c.on_time_rate, 2.0 / 5.0);
  EXPECT_EQ(s.value().count("so-tc"), 0u);  // coordinating units are not scored
  EXPECT_EQ(s.value().at("so-yte").Count(Status::kOverdue), 1);
}

}  // namespace
}  // namespace dondoc::track
