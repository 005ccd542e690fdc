// Tests compile.h: the compiled report's header, counts, per-task results and late items.
#include "track/compile.h"

#include <gtest/gtest.h>

#include "track/labels.h"
#include "track/test_util.h"

namespace dondoc::track {
namespace {

using namespace fixtures;

PlanInfo Plan() {
  PlanInfo p;
  p.plan_id = 1;
  p.number = "125/KH-UBND";
  p.date = D(2026, 1, 5);
  p.title = "về chuyển đổi số năm 2026";
  p.issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  p.parent = "UBND TỈNH KHÁNH HÒA";
  p.issuer_abbr = "STTTT";
  p.place = "Khánh Hòa";
  return p;
}

TEST(Compile, VietnameseDatePadding) {
  EXPECT_EQ(VietnameseDate(D(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
  EXPECT_EQ(VietnameseDate(D(2019, 6, 29)), "ngày 29 tháng 6 năm 2019");
  EXPECT_EQ(VietnameseDate(D(2020, 2, 10)), "ngày 10 tháng 02 năm 2020");
}

TEST(Compile, BuildsTheReport) {
  TrackedTask other_plan = OneOff(9, D(2026, 3, 31));
  other_plan.plan_id = 2;
  TrackedTask dropped = OneOff(8, D(2026, 3, 31));
  dropped.state = TaskState::kDropped;
  const std::vector<TrackedTask> tasks{OneOff(1, D(2026, 3, 31)), OneOff(2, D(2026, 5, 15)),
                                       Recurring(3, "FREQ=MONTHLY;INTERVAL=3", D(2026, 1, 1)),
                                       other_plan, dropped};
  const std::vector<ProgressReport> reports{
      Confirmed(tasks[0], D(2026, 3, 30), 100), Confirmed(tasks[1], D(2026, 6, 1), 70),
      Confirmed(tasks[2], D(2026, 3, 31), 40, "so-tttt", D(2026, 3, 31)),
      Confirmed(tasks[2], D(2026, 7, 1), 60, "so-tttt", D(2026, 6, 30))};
  const ReportingPeriod period{D(2025, 12, 15), D(2026, 6, 14), "6 tháng đầu năm 2026"};
  auto r = Compile(Plan(), tasks, reports, period, D(2026, 6, 14), {"Bổ sung kinh phí"});
  ASSERT_TRUE(r.ok());
  const CompiledReport& c = r.value();
  EXPECT_EQ(c.number, "Số:      /BC-STTTT");
  EXPECT_EQ(c.place_date, "Khánh Hòa, ngày 14 tháng 6 năm 2026");
  EXPECT_EQ(c.subtitle,
            "Báo cáo kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 05/01/2026 về chuyển đổi số "
            "năm 2026 (6 tháng đầu năm 2026)");
  ASSERT_EQ(c.total, 3);
  EXPECT_EQ(c.tasks[0].status, Status::kDoneOnTime);
  EXPECT_EQ(c.tasks[1].status, Status::kNotDoneInTime);  // 70 % reported after 15/5
  EXPECT_EQ(c.tasks[2].status, Status::kDoneOnTime);     // Q1 reported; Q2 not yet due at 14/6
  EXPECT_EQ(c.tasks[2].due, "Hằng quý");
  EXPECT_EQ(c.tasks[0].units[0].text, "Đã tổ chức 03 lớp tập huấn.");
  EXPECT_EQ(c.tasks[0].units[1].text, text::kNoReport);
  EXPECT_EQ(c.tasks[0].units[1].role, "Phối hợp");
  ASSERT_EQ(c.late.size(), 1u);
  EXPECT_EQ(c.late[0].task_id, 2);
  EXPECT_EQ(c.proposals.size(), 1u);
  EXPECT_EQ(c.counts[static_cast<int>(Status::kDoneOnTime)], 2);
  EXPECT_EQ(c.overview[0], "Kế hoạch có 3 nhiệm vụ được theo dõi.");
}

TEST(Compile, DueText) {
  EXPECT_EQ(DueText(Due{D(2026, 6, 30), "", std::nullopt}), "30/06/2026");
  EXPECT_EQ(DueText(Due{}), text::kNoDeadline);
  EXPECT_EQ(DueText(Due{std::nullopt, "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", std::nullopt}),
            "Hằng năm (15/06, 15/12)");
  EXPECT_EQ(DueText(Due{std::nullopt, "FREQ=MONTHLY;BYMONTHDAY=20", std::nullopt}),
            "Hằng tháng, ngày 20");
}

}  // namespace
}  // namespace dondoc::track
