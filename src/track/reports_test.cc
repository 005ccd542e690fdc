// Tests reports.h: who may file on what, confirm/return/resubmit transitions, audit.
#include "track/reports.h"

#include <gtest/gtest.h>

#include "track/test_util.h"

namespace dondoc::track {
namespace {

using namespace fixtures;

ProgressReport Draft(const TrackedTask& t, std::string unit = "so-tttt") {
  ProgressReport r = Confirmed(t, D(2026, 3, 1), 50, std::move(unit));
  r.state = ReportState::kReturned;  // Submit resets it
  return r;
}

const Actor kUnit{"can-bo", 1767225600};
const Actor kOffice{"van-phong", 1767229200};

TEST(Reports, SubmitSetsStateAndTime) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  auto s = Submit(t, Draft(t), kUnit);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().value.state, ReportState::kSubmitted);
  EXPECT_EQ(s.value().value.submitted_at, kUnit.now);
  EXPECT_TRUE(s.value().audit[0].before.is_null());
  EXPECT_EQ(s.value().audit[0].after["state"], "submitted");
}

TEST(Reports, AReportForAnotherUnitsTaskIsRejected) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  auto s = Submit(t, Draft(t, "so-yte"), kUnit);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "unit_not_assigned");
  // A coordinating unit may report its part.
  EXPECT_TRUE(Submit(t, Draft(t, "so-tc"), kUnit).ok());
  // A report naming another task is not accepted on this one.
  ProgressReport other = Draft(t);
  other.task_id = 99;
  EXPECT_EQ(Submit(t, other, kUnit).error().code, "invalid_report");
}

TEST(Reports, BadReports) {
  TrackedTask t = OneOff(1, D(2026, 3, 31));
  ProgressReport r = Draft(t);
  r.percent = 101;
  EXPECT_EQ(Submit(t, r, kUnit).error().code, "invalid_report");
  r = Draft(t);
  r.text = " \n";
  EXPECT_EQ(Submit(t, r, kUnit).error().code, "invalid_report");
  r = Draft(t);
  r.period = {D(2026, 6, 30), D(2026, 1, 1), ""};
  EXPECT_EQ(Submit(t, r, kUnit).error().code, "invalid_report");
  r = Draft(t);
  r.instance = D(2026, 3, 31);
  EXPECT_EQ(Submit(t, r, kUnit).error().code, "invalid_report");
  const TrackedTask rec = Recurring(2, "FREQ=MONTHLY", D(2026, 1, 1));
  EXPECT_EQ(Submit(rec, Draft(rec), kUnit).error().code, "invalid_report");
  t.state = TaskState::kProposed;
  EXPECT_EQ(Submit(t, Draft(t), kUnit).error().code, "task_not_confirmed");
}

TEST(Reports, ConfirmReturnResubmit) {
  const TrackedTask t = OneOff(1, D(2026, 3, 31));
  const ProgressReport s = Submit(t, Draft(t), kUnit).value().value;
  EXPECT_EQ(ReturnReport(s, "", kOffice).error().code, "missing_reason");
  auto ret = ReturnReport(s, "Thiếu số liệu quý I", kOffice);
  ASSERT_TRUE(ret.ok());
  const ProgressReport& r = ret.value().value;
  EXPECT_EQ(r.state, ReportState::kReturned);
  EXPECT_EQ(r.decided_by, "van-phong");
  EXPECT_EQ(ret.value().audit[0].after["return_reason"], "Thiếu số liệu quý I");
  EXPECT_EQ(ConfirmReport(r, kOffice).error().code, "invalid_state");
  EXPECT_EQ(Resubmit(t, s, s, kUnit).error().code, "invalid_state");
  ProgressReport revised = r;
  revised.text = "Bổ sung số liệu";
  revised.percent = 60;
  auto again = Resubmit(t, r, revised, {"can-bo", kOffice.now + 100});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().value.state, ReportState::kSubmitted);
  EXPECT_EQ(again.value().value.percent, 60);
  EXPECT_EQ(again.value().value.submitted_at, kOffice.now + 100);
  auto ok = ConfirmReport(again.value().value, kOffice);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().value.state, ReportState::kConfirmed);
  EXPECT_EQ(ReturnReport(ok.value().value, "x", kOffice).error().code, "invalid_state");
}

}  // namespace
}  // namespace dondoc::track
