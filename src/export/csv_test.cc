// Tests csv.h and rows.h: BOM, RFC 4180 quoting, the task rows.
#include "export/csv.h"

#include <gtest/gtest.h>

#include "track/test_util.h"

namespace dondoc::exports {
namespace {

using track::fixtures::D;

TEST(Csv, Quoting) {
  EXPECT_EQ(CsvField("Sở Tài chính"), "Sở Tài chính");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("nói \"không\""), "\"nói \"\"không\"\"\"");
  EXPECT_EQ(CsvField("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
  EXPECT_EQ(CsvField("a\rb"), "\"a\rb\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(Csv, TaskListWithBom) {
  track::TrackedTask t = track::fixtures::OneOff(3, D(2026, 4, 30));
  t.action = "Tuyên truyền, phổ biến \"Ngày Chuyển đổi số\"";
  auto rows = TaskRows({t}, {}, D(2026, 5, 6));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 1u);
  EXPECT_EQ(rows.value()[0].due, D(2026, 5, 4));
  const std::string csv = WriteTaskCsv(rows.value());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const std::size_t header_end = csv.find("\r\n");
  EXPECT_EQ(csv.substr(3, header_end - 3),
            "STT,Mã,Kế hoạch,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Hạn (ngày),"
            "Tình trạng,Ngày hoàn thành");
  EXPECT_EQ(csv.substr(header_end + 2),
            "1,3,1,\"Tuyên truyền, phổ biến \"\"Ngày Chuyển đổi số\"\"\",Sở Thông tin và Truyền "
            "thông,Sở Tài chính,30/04/2026,04/05/2026,\"Quá hạn, chưa báo cáo\",\r\n");
}

}  // namespace
}  // namespace dondoc::exports
