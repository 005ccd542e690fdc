#include "parse/reporting.h"

#include <gtest/gtest.h>

#include <string>

#include "parse/outline.h"
#include "parse/tasks.h"
#include "parse/tasks_scan.h"
#include "text/fold.h"

namespace dondoc::parse {
namespace {

Document Doc(const std::string& text) {
  Document d;
  d.kind = "official";
  d.outline = ExtractOutline(text);
  return d;
}

void AddTime(Document* d, const std::string& text, const std::string& what) {
  const std::size_t at = text.find(what);
  ASSERT_NE(at, std::string::npos);
  d->times.push_back(
      {what,
       "recurring",
       "",
       "",
       "",
       "",
       {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size())}});
}

TEST(ReportingTest, PeriodicToFirstBody) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "Các sở, ban, ngành định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo "
      "cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh. Sở Nội vụ tổng hợp, báo cáo Bộ "
      "Nội vụ hằng quý.\n";
  Document d = Doc(text);
  AddTime(&d, text, "trước ngày 15/6");
  AddTime(&d, text, "trước ngày 15/12");
  AddTime(&d, text, "hằng quý");
  const auto r = ExtractReporting(text, d);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].to, "Sở Nội vụ");
  EXPECT_EQ(r[0].times, (std::vector<int>{0, 1}));
  EXPECT_EQ(r[1].to, "Bộ Nội vụ");
  EXPECT_EQ(r[1].times, (std::vector<int>{2}));
}

// The operative part read once and shared gives what each extractor reads alone.
TEST(ReportingTest, SharedOperativeGivesTheSameDuties) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai; báo cáo UBND tỉnh hằng quý.\n"
      "2. Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 15/12.\n";
  Document d = Doc(text);
  AddTime(&d, text, "hằng quý");
  AddTime(&d, text, "trước ngày 15/12");
  const text::FoldedText f = text::FoldMapped(text);
  const Operative op(text, f, d);
  const auto tasks_alone = ExtractTasks(text, d);
  const auto tasks_shared = ExtractTasks(text, f, d, op, nullptr);
  ASSERT_EQ(tasks_alone.size(), 2u);
  ASSERT_EQ(tasks_shared.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(tasks_alone[i].action, tasks_shared[i].action);
    EXPECT_EQ(tasks_alone[i].units.size(), tasks_shared[i].units.size());
  }
  d.tasks = tasks_shared;
  const auto alone = ExtractReporting(text, d);
  const auto shared = ExtractReporting(text, f, op);
  ASSERT_EQ(alone.size(), 2u);
  ASSERT_EQ(shared.size(), 2u);
  EXPECT_EQ(shared[0].to, "UBND tỉnh");
  EXPECT_EQ(shared[1].to, "Sở Nội vụ");
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(alone[i].to, shared[i].to);
    EXPECT_EQ(alone[i].times, shared[i].times);
  }
}

TEST(ReportingTest, DirectObjectAndMonitoring) {
  const std::string text =
      "III. TỔ CHỨC THỰC HIỆN\n"
      "1. UBND các huyện báo cáo UBND tỉnh trước ngày 20/12/2026.\n"
      "2. Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp, báo cáo Chủ tịch UBND tỉnh.\n";
  Document d = Doc(text);
  AddTime(&d, text, "trước ngày 20/12/2026");
  const auto r = ExtractReporting(text, d);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].to, "UBND tỉnh");
  EXPECT_EQ(r[0].times, (std::vector<int>{0}));
  EXPECT_EQ(r[1].to, "UBND tỉnh");
}

TEST(ReportingTest, ReferencesAreNoDuties) {
  const std::string text =
      "Căn cứ Báo cáo số 12/BC-SNV ngày 02/01/2026 của Sở Nội vụ;\n"
      "I. NHIỆM VỤ\n1. Nâng cao chất lượng báo cáo thống kê.\n"
      "2. Thực hiện theo Báo cáo số 15/BC-UBND của UBND tỉnh.\n";
  EXPECT_TRUE(ExtractReporting(text, Doc(text)).empty());
}

}  // namespace
}  // namespace dondoc::parse
