// Tests review.h: confirm, edit (provenance kept), merge, drop, and their audit records.
#include "track/review.h"

#include <gtest/gtest.h>

#include "track/test_util.h"

namespace dondoc::track {
namespace {

using namespace fixtures;

TrackedTask Proposed(std::int64_t id, std::string action, std::int64_t begin) {
  Extracted e;
  e.action = std::move(action);
  e.units = {{"so-tttt", "Sở TT&TT", UnitRole::kLead}};
  e.due.date = D(2026, 6, 30);
  e.due_text = "trước ngày 30/6/2026";
  e.span = {begin, begin + 120};
  e.path = "II.1";
  return FromExtraction(id, 7, std::move(e));
}

const Actor kOffice{"van-phong", 1767225600};

TEST(Review, ConfirmMovesToConfirmedWithAudit) {
  auto c = Confirm(Proposed(1, "Rà soát thủ tục hành chính", 100), kOffice);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().value.state, TaskState::kConfirmed);
  ASSERT_EQ(c.value().audit.size(), 1u);
  const Audit& a = c.value().audit[0];
  EXPECT_EQ(a.action, "task.confirm");
  EXPECT_EQ(a.target, "task:1");
  EXPECT_EQ(a.before["state"], "proposed");
  EXPECT_EQ(a.after["state"], "confirmed");
  EXPECT_EQ(a.actor, "van-phong");
  // Twice is an error, not a second confirmation.
  auto again = Confirm(c.value().value, kOffice);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "invalid_state");
}

TEST(Review, ConfirmNeedsResolvedUnits) {
  TrackedTask t = Proposed(1, "Rà soát", 0);
  t.units[0].unit_id.clear();
  auto c = Confirm(t, kOffice);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "missing_unit");
}

TEST(Review, EditKeepsTheExtractionAsProvenance) {
  const TrackedTask t = Proposed(1, "Rà soát thủ tục hành chính", 100);
  TaskPatch p;
  p.action = "Rà soát, đơn giản hóa thủ tục hành chính";
  p.due = Due{D(2026, 9, 30), "", std::nullopt};
  p.note = "theo chỉ đạo";
  auto e = Edit(t, p, kOffice);
  ASSERT_TRUE(e.ok());
  const TrackedTask& after = e.value().value;
  EXPECT_EQ(after.action, "Rà soát, đơn giản hóa thủ tục hành chính");
  EXPECT_EQ(after.due.date, D(2026, 9, 30));
  ASSERT_EQ(after.sources.size(), 1u);
  EXPECT_EQ(after.sources[0], t.sources[0]);  // untouched
  EXPECT_EQ(after.sources[0].action, "Rà soát thủ tục hành chính");
  EXPECT_EQ(after.sources[0].span.begin, 100);
  ASSERT_EQ(after.history.size(), 1u);
  EXPECT_EQ(after.history[0].note, "theo chỉ đạo");
  const Audit& a = e.value().audit[0];
  EXPECT_EQ(a.before["action"], "Rà soát thủ tục hành chính");
  EXPECT_EQ(a.after["action"], "Rà soát, đơn giản hóa thủ tục hành chính");
  EXPECT_EQ(a.after["due"]["date"], "2026-09-30");
  EXPECT_EQ(a.after["sources"][0]["action"], "Rà soát thủ tục hành chính");
}

TEST(Review, EditRejectsNoOpsAndEmptiness) {
  const TrackedTask t = Proposed(1, "Rà soát", 0);
  auto none = Edit(t, {}, kOffice);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "invalid_edit");
  TaskPatch empty;
  empty.action = "";
  EXPECT_EQ(Edit(t, empty, kOffice).error().code, "invalid_edit");
  TaskPatch no_units;
  no_units.units = std::vector<TaskUnit>{};
  EXPECT_EQ(Edit(t, no_units, kOffice).error().code, "invalid_edit");
}

TEST(Review, MergeJoinsUnitsAndSources) {
  TrackedTask a = Proposed(1, "Tuyên truyền chuyển đổi số", 100);
  TrackedTask b = Proposed(2, "Tuyên truyền về chuyển đổi số", 400);
  b.units = {{"so-tttt", "Sở Thông tin và Truyền thông", UnitRole::kCoordinate},
             {"bao-kh", "Báo Khánh Hòa", UnitRole::kCoordinate}};
  a.due = {};
  auto m = Merge(a, b, kOffice);
  ASSERT_TRUE(m.ok());
  const TrackedTask& kept = m.value().value[0];
  const TrackedTask& gone = m.value().value[1];
  ASSERT_EQ(kept.units.size(), 2u);
  EXPECT_EQ(kept.units[0].role, UnitRole::kLead);  // the stronger role stays
  EXPECT_EQ(kept.units[1].unit_id, "bao-kh");
  EXPECT_EQ(kept.due.date, D(2026, 6, 30));  // taken from the absorbed task
  ASSERT_EQ(kept.sources.size(), 2u);
  EXPECT_EQ(kept.sources[1].span.begin, 400);
  EXPECT_EQ(kept.state, TaskState::kProposed);
  EXPECT_EQ(gone.state, TaskState::kMerged);
  EXPECT_EQ(gone.merged_into, 1);
  ASSERT_EQ(m.value().audit.size(), 2u);
  EXPECT_EQ(m.value().audit[1].after["merged_into"], 1);
  // A merged task is final.
  EXPECT_EQ(Edit(gone, TaskPatch{"x", {}, {}, ""}, kOffice).error().code, "invalid_state");
  EXPECT_EQ(Confirm(gone, kOffice).error().code, "invalid_state");
}

TEST(Review, MergeRejections) {
  TrackedTask a = Proposed(1, "A", 0), b = Proposed(2, "B", 10);
  EXPECT_EQ(Merge(a, a, kOffice).error().code, "invalid_merge");
  TrackedTask other = b;
  other.plan_id = 8;
  EXPECT_EQ(Merge(a, other, kOffice).error().code, "invalid_merge");
  b.state = TaskState::kConfirmed;
  EXPECT_EQ(Merge(a, b, kOffice).error().code, "invalid_state");
}

TEST(Review, DropNeedsAReasonAndIsFinal) {
  const TrackedTask t = Proposed(1, "A", 0);
  EXPECT_EQ(Drop(t, "  ", kOffice).error().code, "missing_reason");
  auto d = Drop(t, "Không phải nhiệm vụ", kOffice);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value().value.state, TaskState::kDropped);
  EXPECT_EQ(d.value().audit[0].after["drop_reason"], "Không phải nhiệm vụ");
  EXPECT_EQ(Drop(d.value().value, "again", kOffice).error().code, "invalid_state");
}

}  // namespace
}  // namespace dondoc::track
