// Tests status.h: each status at its boundaries on the working-day calendar.
#include "track/status.h"

#include <gtest/gtest.h>

#include "track/reports.h"
#include "track/test_util.h"

namespace dondoc::track {
namespace {

using namespace fixtures;

Status StatusOf(const TrackedTask& t, const std::vector<ProgressReport>& r, calendar::Date as_of) {
  auto e = Evaluate(t, r, as_of);
  EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
  return e.value().status;
}

TEST(Status, DueTodayIsStillInProgress) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));  // Tuesday
  EXPECT_EQ(StatusOf(t, {}, D(2026, 3, 31)), Status::kInProgress);
  EXPECT_EQ(StatusOf(t, {}, D(2026, 4, 1)), Status::kOverdue);
}

TEST(Status, DoneOnTheDueDayIsOnTimeTheDayAfterIsLate) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 31), 100)}, D(2026, 4, 10)), Status::kDoneOnTime);
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 4, 1), 100)}, D(2026, 4, 10)), Status::kDoneLate);
}

TEST(Status, DueOnAHolidayRollsToTheNextWorkingDay) {
  // 30/4/2026 (Thu) and 1/5 (Fri) are holidays: due Monday 4/5 (BLDS Điều 148.2).
  const TrackedTask t = OneOff(1, D(2026, 4, 30));
  auto e = Evaluate(t, {}, D(2026, 5, 4));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().due, D(2026, 5, 4));
  EXPECT_EQ(e.value().nominal, D(2026, 4, 30));
  EXPECT_EQ(e.value().status, Status::kInProgress);
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 5, 4), 100)}, D(2026, 5, 20)), Status::kDoneOnTime);
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 5, 5), 100)}, D(2026, 5, 20)), Status::kDoneLate);
  EXPECT_EQ(StatusOf(t, {}, D(2026, 5, 5)), Status::kOverdue);
}

TEST(Status, DueInTetRollsPastTheWholeBreak) {
  const TrackedTask t = OneOff(1, D(2026, 2, 15));
  auto e = Evaluate(t, {}, D(2026, 2, 1));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().due, D(2026, 2, 23));
}

TEST(Status, PartialReportAfterTheDeadlineIsNotDoneInTime) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  // Reported 80 % before the deadline, then silent: overdue.
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 20), 80)}, D(2026, 4, 15)), Status::kOverdue);
  // Reported 80 % on the deadline day: the unit answered, not done in time.
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 31), 80)}, D(2026, 4, 15)),
            Status::kNotDoneInTime);
}

TEST(Status, UnconfirmedAndFutureReportsDoNotCount) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  ProgressReport r = Confirmed(t, D(2026, 3, 30), 100);
  r.state = ReportState::kSubmitted;
  EXPECT_EQ(StatusOf(t, {r}, D(2026, 4, 2)), Status::kOverdue);
  // As of a day before the report was filed, the task was still open.
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 30), 100)}, D(2026, 3, 29)), Status::kInProgress);
  // A coordinating unit's 100 % does not complete the lead's task.
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 30), 100, "so-tc")}, D(2026, 4, 2)),
            Status::kOverdue);
}

TEST(Status, ReturnedThenResubmittedLateIsDoneLate) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  ProgressReport draft = Confirmed(t, D(2026, 3, 30), 100);
  const Actor unit{"can-bo-tttt", At(D(2026, 3, 30))};
  auto submitted = Submit(t, draft, unit);
  ASSERT_TRUE(submitted.ok());
  auto returned =
      ReturnReport(submitted.value().value, "Thiếu số liệu", {"van-phong", At(D(2026, 3, 31))});
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(StatusOf(t, {returned.value().value}, D(2026, 4, 1)), Status::kOverdue);
  auto again = Resubmit(t, returned.value().value, draft, {"can-bo-tttt", At(D(2026, 4, 2))});
  ASSERT_TRUE(again.ok());
  auto confirmed = ConfirmReport(again.value().value, {"van-phong", At(D(2026, 4, 3))});
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(StatusOf(t, {confirmed.value().value}, D(2026, 4, 5)), Status::kDoneLate);
  EXPECT_EQ(confirmed.value().value.return_reason, "Thiếu số liệu");
  EXPECT_EQ(confirmed.value().value.returns, 1);
}

TEST(Status, TwoLeadUnitsBothHaveToFinish) {
  TrackedTask t = OneOff(1, D(2026, 3, 31));
  t.units[1].role = UnitRole::kLead;
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 10), 100)}, D(2026, 4, 2)), Status::kOverdue);
  auto e =
      Evaluate(t, {Confirmed(t, D(2026, 3, 10), 100), Confirmed(t, D(2026, 4, 1), 100, "so-tc")},
               D(2026, 4, 2));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().status, Status::kDoneLate);
  EXPECT_EQ(e.value().done_on, D(2026, 4, 1));
}

TEST(Status, NoDeadline) {
  TrackedTask t = OneOff(1, D(2026, 3, 31));
  t.due = {};
  EXPECT_EQ(StatusOf(t, {}, D(2026, 4, 2)), Status::kNoDeadline);
  EXPECT_EQ(StatusOf(t, {Confirmed(t, D(2026, 3, 1), 100)}, D(2026, 4, 2)), Status::kDoneOnTime);
}

TEST(Status, RecurringDutyTakesItsEarliestMissedInstance) {
  const TrackedTask t = Recurring(1, "FREQ=MONTHLY;INTERVAL=3", D(2026, 1, 1));
  // Q1 due 31/3/2026 (Tue): reported on time; Q2 due 30/6 not reported.
  const std::vector<ProgressReport> r{Confirmed(t, D(2026, 3, 25), 40, "so-tttt", D(2026, 3, 31))};
  EXPECT_EQ(StatusOf(t, r, D(2026, 5, 1)), Status::kInProgress);
  auto e = Evaluate(t, r, D(2026, 7, 2));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().status, Status::kOverdue);
  EXPECT_EQ(e.value().nominal, D(2026, 6, 30));
  auto all = EvaluateInstances(t, r, {D(2026, 1, 1), D(2026, 12, 31)}, D(2026, 7, 2));
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 4u);
  EXPECT_EQ(all.value()[0].status, Status::kDoneOnTime);
  EXPECT_EQ(all.value()[1].status, Status::kOverdue);
  EXPECT_EQ(all.value()[2].status, Status::kInProgress);
}

TEST(Status, BadRRuleIsAnErrorValue) {
  const TrackedTask t = Recurring(1, "FREQ=MONTHLY;BYDAY=MO", D(2026, 1, 1));
  auto e = Evaluate(t, {}, D(2026, 5, 1));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "rrule_unsupported");
}

TEST(Status, LocalDateIsVietnamTime) {
  // 2026-03-31 17:30 UTC is 00:30 on 1/4 in Việt Nam.
  const std::int64_t t = At(D(2026, 3, 31), 7) + 17 * 3600 + 1800;
  EXPECT_EQ(LocalDate(t), D(2026, 4, 1));
  EXPECT_EQ(LocalDate(-1), D(1970, 1, 1));  // 06:59:59 on 1/1/1970 in Việt Nam
}

}  // namespace
}  // namespace dondoc::track
