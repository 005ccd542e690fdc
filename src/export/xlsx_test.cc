// Tests xlsx.h: the file is a valid zip whose sheet XML holds the Vietnamese strings, a frozen
// header, an autofilter and real dates.
#include "export/xlsx.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "export/zip.h"
#include "track/test_util.h"

namespace dondoc::exports {
namespace {

using track::fixtures::D;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Xlsx, TaskListIsAValidWorkbook) {
  track::TrackedTask t = track::fixtures::OneOff(3, D(2026, 4, 30));
  t.action = "Triển khai nền tảng điều hành tác nghiệp & văn bản điện tử <liên thông>";
  track::TrackedTask done = track::fixtures::OneOff(4, D(2026, 3, 31));
  auto rows =
      TaskRows({t, done}, {track::fixtures::Confirmed(done, D(2026, 3, 30), 100)}, D(2026, 5, 6));
  ASSERT_TRUE(rows.ok());
  const std::string path = ::testing::TempDir() + "dondoc-tasks.xlsx";
  auto w = WriteTaskXlsx(rows.value(), path);
  ASSERT_TRUE(w.ok()) << w.error().message;
  auto zip = ReadZip(Slurp(path));
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  const auto& files = zip.value();
  ASSERT_TRUE(files.count("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(files.count("xl/sharedStrings.xml"));
  const std::string& sheet = files.at("xl/worksheets/sheet1.xml");
  const std::string& strings = files.at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Nội dung nhiệm vụ"), std::string::npos);
  EXPECT_NE(strings.find("Triển khai nền tảng điều hành tác nghiệp &amp; văn bản điện tử "
                         "&lt;liên thông&gt;"),
            std::string::npos);
  EXPECT_NE(strings.find("Sở Thông tin và Truyền thông"), std::string::npos);
  EXPECT_NE(strings.find("Hoàn thành đúng hạn"), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:J3\""), std::string::npos);
  // 04/05/2026 as an Excel serial number (days since 1899-12-30): 46146.
  EXPECT_NE(sheet.find("<v>46146</v>"), std::string::npos);
  EXPECT_NE(files.at("xl/styles.xml").find("dd/mm/yyyy"), std::string::npos);
  EXPECT_NE(files.at("xl/workbook.xml").find("Nhiệm vụ"), std::string::npos);
}

TEST(Xlsx, UnwritablePathIsAnError) {
  auto w = WriteTaskXlsx({}, "/nonexistent-dir/x.xlsx");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, "xlsx_failed");
}

TEST(Xlsx, CompiledReportWorkbook) {
  track::CompiledReport c;
  c.total = 1;
  c.counts[static_cast<int>(track::Status::kOverdue)] = 1;
  c.tasks.push_back({1,
                     9,
                     "Rà soát thủ tục hành chính",
                     "30/06/2026",
                     track::Status::kOverdue,
                     "Quá hạn, chưa báo cáo",
                     {{"so-tp", "Chủ trì", "Chưa có báo cáo", 0}}});
  const std::string path = ::testing::TempDir() + "dondoc-report.xlsx";
  ASSERT_TRUE(WriteReportXlsx(c, path).ok());
  auto zip = ReadZip(Slurp(path));
  ASSERT_TRUE(zip.ok());
  EXPECT_TRUE(zip.value().count("xl/worksheets/sheet2.xml"));
  EXPECT_NE(zip.value().at("xl/sharedStrings.xml").find("Rà soát thủ tục hành chính"),
            std::string::npos);
}

}  // namespace
}  // namespace dondoc::exports
