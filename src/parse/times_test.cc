#include "parse/times.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parse/times_lex.h"

namespace dondoc::parse {
namespace {

// All sentences are made up for these tests.
std::vector<TimeExpr> X(std::string_view s, std::string_view doc = "2026-01-20") {
  return ExtractTimes(s, doc);
}

// The only time in `s`, checked field by field.
void ExpectOne(std::string_view s, std::string_view text, std::string_view kind,
               std::string_view start, std::string_view date, std::string_view rrule = "",
               std::string_view event = "", std::string_view doc = "2026-01-20") {
  SCOPED_TRACE(std::string(s));
  const auto t = X(s, doc);
  ASSERT_EQ(t.size(), 1u) << (t.empty() ? "" : t[0].text + " | " + t.back().text);
  EXPECT_EQ(t[0].text, text);
  EXPECT_EQ(t[0].kind, kind);
  EXPECT_EQ(t[0].start, start);
  EXPECT_EQ(t[0].date, date);
  EXPECT_EQ(t[0].rrule, rrule);
  EXPECT_EQ(t[0].event, event);
  EXPECT_EQ(s.substr(t[0].span.begin, t[0].span.end - t[0].span.begin), text);
}

TEST(TimesTest, AbsoluteDates) {
  ExpectOne("Sở Hạ Lam hoàn thành trước ngày 15/12/2026.", "hoàn thành trước ngày 15/12/2026",
            "date", "", "2026-12-15");
  ExpectOne("Gửi báo cáo chậm nhất ngày 15 tháng 12 năm 2026 về Văn phòng.",
            "chậm nhất ngày 15 tháng 12 năm 2026", "date", "", "2026-12-15");
  ExpectOne("Lắp đặt thiết bị, hoàn thành trước 30/6/2026;", "hoàn thành trước 30/6/2026", "date",
            "", "2026-06-30");
  ExpectOne("Thời gian thực hiện: ngày 05/8/2026.", "ngày 05/8/2026", "date", "", "2026-08-05");
}

TEST(TimesTest, CitedAndHeaderDatesAreNotTimes) {
  EXPECT_TRUE(X("Căn cứ Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về phát triển "
                "vùng Hạ Lam đến năm 2030, tầm nhìn đến năm 2045;")
                  .empty());
  EXPECT_TRUE(X("Hạ Lam, ngày 20 tháng 01 năm 2026").empty());
  EXPECT_TRUE(X("Thực hiện Quyết định số 77/QĐ-UBND ngày 03/3/2025 phê duyệt Đề án giai đoạn "
                "2021-2025, định hướng đến năm 2030; các sở triển khai.")
                  .empty());
  EXPECT_TRUE(X("theo Luật Quy hoạch năm 2017 và Luật Đầu tư năm 2020").empty());
  // "quy định", "quý báu" are not quarters; "ngày 20" alone is not a time.
  EXPECT_TRUE(X("Thực hiện theo quy định; trân trọng sự giúp đỡ quý báu vào ngày 20.").empty());
}

TEST(TimesTest, Months) {
  ExpectOne("Tổ chức hội nghị trong tháng 6/2025.", "trong tháng 6/2025", "period", "2025-06-01",
            "2025-06-30");
  ExpectOne("Tổ chức hội nghị tháng 6 năm 2025.", "tháng 6 năm 2025", "period", "2025-06-01",
            "2025-06-30");
  ExpectOne("Khảo sát thực địa tháng 7,8/2020.", "tháng 7,8/2020", "period", "2020-07-01",
            "2020-08-31");
  ExpectOne("Khảo sát thực địa tháng 7 và tháng 8 năm 2020.", "tháng 7 và tháng 8 năm 2020",
            "period", "2020-07-01", "2020-08-31");
  // End of February, leap and common years.
  ExpectOne("Nghiệm thu tháng 2/2024.", "tháng 2/2024", "period", "2024-02-01", "2024-02-29");
  ExpectOne("Nghiệm thu tháng 2/2025.", "tháng 2/2025", "period", "2025-02-01", "2025-02-28");
  // A month without a year needs a deadline word; it takes the document's year.
  ExpectOne("Hoàn thành trong tháng 9.", "Hoàn thành trong tháng 9", "period", "2026-09-01",
            "2026-09-30");
  // "tháng 6 và 10 ngày": a list item must not run into another word.
  const auto t = X("Trong tháng 6 và 10 ngày đầu tháng 7/2026 kiểm tra.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Trong tháng 6");
  EXPECT_EQ(t[0].date, "2026-06-30");
  EXPECT_EQ(t[1].text, "tháng 7/2026");
}

TEST(TimesTest, Quarters) {
  ExpectOne("Hoàn thành trong quý II/2019.", "Hoàn thành trong quý II/2019", "period", "2019-04-01",
            "2019-06-30");
  ExpectOne("Triển khai trong quí II.", "trong quí II", "period", "2026-04-01", "2026-06-30");
  ExpectOne("Triển khai Quý 2 năm 2025.", "Quý 2 năm 2025", "period", "2025-04-01", "2025-06-30");
  ExpectOne("Đưa vào vận hành QII/2025.", "QII/2025", "period", "2025-04-01", "2025-06-30");
  ExpectOne("Lắp đặt quý I và quý II năm 2026.", "quý I và quý II năm 2026", "period", "2026-01-01",
            "2026-06-30");
  ExpectOne("Bàn giao Quí IV-2025.", "Quí IV-2025", "period", "2025-10-01", "2025-12-31");
  ExpectOne("Bàn giao quý 4/2025.", "quý 4/2025", "period", "2025-10-01", "2025-12-31");
  // A quarter already past in the document's year is next year's.
  ExpectOne("Hoàn thành trong quý I.", "Hoàn thành trong quý I", "period", "2027-01-01",
            "2027-03-31", "", "", "2026-06-01");
}

TEST(TimesTest, HalvesNineMonthsYearEnd) {
  ExpectOne("Xây dựng cơ sở dữ liệu; hoàn thành 6 tháng đầu năm 2026.",
            "hoàn thành 6 tháng đầu năm 2026", "period", "2026-01-01", "2026-06-30");
  ExpectOne("Sơ kết 6 tháng cuối năm.", "6 tháng cuối năm", "period", "2026-07-01", "2026-12-31");
  ExpectOne("Báo cáo 9 tháng năm 2025.", "9 tháng năm 2025", "period", "2025-01-01", "2025-09-30");
  ExpectOne("Xong trước cuối năm 2025.", "trước cuối năm 2025", "date", "", "2025-12-31");
  ExpectOne("Nghiệm thu cuối năm 2025.", "cuối năm 2025", "date", "", "2025-12-31");
}

TEST(TimesTest, Ranges) {
  ExpectOne("Tổ chức từ ngày 01/3 đến ngày 30/4/2026 tại xã.", "từ ngày 01/3 đến ngày 30/4/2026",
            "period", "2026-03-01", "2026-04-30");
  ExpectOne("Ra quân từ tháng 3 đến tháng 5/2026.", "từ tháng 3 đến tháng 5/2026", "period",
            "2026-03-01", "2026-05-31");
  ExpectOne("Thời gian thực hiện: Từ năm 2013 đến năm 2020.", "Từ năm 2013 đến năm 2020", "period",
            "2013-01-01", "2020-12-31");
  ExpectOne("Duy trì từ nay đến năm 2030.", "từ nay đến năm 2030", "period", "2026-01-20",
            "2030-12-31");
  // The start's year comes from the end; a start after the end is the year before.
  ExpectOne("Cao điểm từ ngày 15/12 đến ngày 15/02/2027.", "từ ngày 15/12 đến ngày 15/02/2027",
            "period", "2026-12-15", "2027-02-15");
}

TEST(TimesTest, BeforeForms) {
  ExpectOne("Nộp hồ sơ trước ngày 15/12.", "trước ngày 15/12", "date", "", "2026-12-15");
  ExpectOne("Hoàn thiện trước tháng 9/2020.", "trước tháng 9/2020", "date", "", "2020-08-31");
  ExpectOne("Hoàn thiện trước quý III/2026.", "trước quý III/2026", "date", "", "2026-06-30");
  ExpectOne("Phủ sóng trước năm 2027.", "trước năm 2027", "date", "", "2026-12-31");
  // A year-less day already past is the next year's.
  ExpectOne("Nộp hồ sơ trước ngày 10/01.", "trước ngày 10/01", "date", "", "2027-01-10");
}

TEST(TimesTest, YearsAndStages) {
  ExpectOne("Phấn đấu đạt chỉ tiêu trong năm 2026.", "trong năm 2026", "period", "2026-01-01",
            "2026-12-31");
  ExpectOne("Lắp camera; hoàn thành năm 2026.", "hoàn thành năm 2026", "period", "2026-01-01",
            "2026-12-31");
  ExpectOne("Phủ sóng trong giai đoạn 2026 - 2030.", "trong giai đoạn 2026 - 2030", "period",
            "2026-01-01", "2030-12-31");
  ExpectOne("Kế hoạch giai đoạn 2026–2030 của xã.", "giai đoạn 2026–2030", "period", "2026-01-01",
            "2030-12-31");
  ExpectOne("Đến năm 2030, xã Hạ Lam đạt chuẩn.", "Đến năm 2030", "period", "", "2030-12-31");
  // A bare year needs a deadline word.
  EXPECT_TRUE(X("Dân số năm 2026 tăng nhẹ.").empty());
}

TEST(TimesTest, Recurring) {
  ExpectOne("Họp giao ban hằng tuần.", "hằng tuần", "recurring", "", "", "FREQ=WEEKLY");
  ExpectOne("Cập nhật dữ liệu hàng tháng.", "hàng tháng", "recurring", "", "", "FREQ=MONTHLY");
  ExpectOne("Báo cáo hằng quý.", "hằng quý", "recurring", "", "", "FREQ=MONTHLY;INTERVAL=3");
  ExpectOne("Tổng kết hàng năm.", "hàng năm", "recurring", "", "", "FREQ=YEARLY");
  ExpectOne("Kiểm tra định kỳ hằng tháng.", "định kỳ hằng tháng", "recurring", "", "",
            "FREQ=MONTHLY");
  ExpectOne("Sơ kết định kỳ 6 tháng.", "định kỳ 6 tháng", "recurring", "", "",
            "FREQ=MONTHLY;INTERVAL=6");
  ExpectOne("Báo cáo định kỳ 06 tháng (trước ngày 15/6).", "định kỳ 06 tháng (trước ngày 15/6)",
            "recurring", "", "2026-06-15", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15");
  ExpectOne("Báo cáo định kỳ 6 tháng (trước 20/6).", "định kỳ 6 tháng (trước 20/6)", "recurring",
            "", "2026-06-20", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20");
  ExpectOne("Báo cáo định kỳ 6 tháng (trước ngày 15/6 và 15/12).",
            "định kỳ 6 tháng (trước ngày 15/6 và 15/12)", "recurring", "", "2026-06-15",
            "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15");
  ExpectOne("Diễn tập trước ngày 15/12 hằng năm.", "trước ngày 15/12 hằng năm", "recurring", "",
            "2026-12-15", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15");
  ExpectOne("Gửi số liệu trước ngày 20 hằng tháng.", "trước ngày 20 hằng tháng", "recurring", "",
            "2026-01-20", "FREQ=MONTHLY;BYMONTHDAY=20");
  ExpectOne("Gửi số liệu hằng tháng (trước ngày 25).", "hằng tháng (trước ngày 25)", "recurring",
            "", "2026-01-25", "FREQ=MONTHLY;BYMONTHDAY=25");
  ExpectOne("Rà soát 3 tháng một lần.", "3 tháng một lần", "recurring", "", "",
            "FREQ=MONTHLY;INTERVAL=3");
  ExpectOne("| Sở Hạ Lam | Tháng 12 hằng năm |", "Tháng 12 hằng năm", "recurring", "", "2026-12-31",
            "FREQ=YEARLY;BYMONTH=12");
  ExpectOne("Kiểm kê tháng 6, 7 hàng năm.", "tháng 6, 7 hàng năm", "recurring", "", "2026-07-31",
            "FREQ=YEARLY;BYMONTH=6,7");
  // "mới quy định" is not "mỗi quý"; "mỗi năm" is.
  EXPECT_TRUE(X("Theo mới quy định, mọi năm đều vậy.").empty());
  ExpectOne("Tập huấn mỗi năm.", "mỗi năm", "recurring", "", "", "FREQ=YEARLY");
  // Goods, not "hằng".
  EXPECT_TRUE(X("Vay ngân hàng năm nay; kiểm tra mặt hàng tháng trước.").empty());
  // Two entries in one sentence, in order.
  const auto t = X("định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].rrule, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15");
  EXPECT_EQ(t[1].text, "hằng năm (trước ngày 15/12)");
  EXPECT_EQ(t[1].rrule, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15");
}

TEST(TimesTest, Events) {
  ExpectOne("Bảo đảm an ninh trước, trong và sau Tết Nguyên đán Bính Ngọ 2026.",
            "trước, trong và sau Tết Nguyên đán Bính Ngọ 2026", "event", "", "2026-02-17", "",
            "Tết Nguyên đán");
  ExpectOne("Tuyên truyền trước, trong và sau Đại hội Đảng bộ xã lần thứ V, nhiệm kỳ mới.",
            "trước, trong và sau Đại hội Đảng bộ xã lần thứ V", "event", "", "", "",
            "Đại hội Đảng bộ xã lần thứ V");
  ExpectOne("Treo cờ nhân dịp Quốc khánh 2/9.", "nhân dịp Quốc khánh 2/9", "event", "",
            "2026-09-02", "", "Quốc khánh 2/9");
  // Tết of the document's year, the lunar calendar deciding the day.
  ExpectOne("Trực ban trước và sau Tết.", "trước và sau Tết", "event", "", "2026-02-17", "",
            "Tết Nguyên đán", "2025-12-01");
  EXPECT_TRUE(X("Nhân dịp này, xin cảm ơn.").empty());
  // Not windows: a repeated word ("trong trồng trọt"), a year after them.
  EXPECT_TRUE(X("Ứng dụng công nghệ trong trồng trọt.").empty());
  const auto t = X("thời gian đóng trước và sau năm 2014 được cộng dồn");
  for (const auto& e : t) EXPECT_NE(e.kind, "event") << e.text;
}

TEST(TimesTest, Continuous) {
  ExpectOne("Cập nhật dữ liệu dân cư; thực hiện thường xuyên.", "thường xuyên", "continuous", "",
            "");
  ExpectOne("Thời gian: Thường xuyên, liên tục\n", "Thường xuyên, liên tục", "continuous", "", "");
  ExpectOne("Trực hệ thống 24/7.", "24/7", "continuous", "", "");
  // An adverb, not a schedule.
  EXPECT_TRUE(X("Các đơn vị thường xuyên theo dõi, đôn đốc.").empty());
  EXPECT_TRUE(X("Giám sát liên tục các trạm đo.").empty());
  EXPECT_TRUE(X("Bố trí từ nguồn chi thường xuyên; trung tâm giáo dục thường xuyên.").empty());
}

TEST(TimesTest, Relative) {
  // SPEC(BLDS 2015 Điều 147): day 1 is the day after signing; 2026-03-02 + 10 = Thursday 12/3.
  ExpectOne("Trình UBND tỉnh trong 10 ngày kể từ ngày ký.", "trong 10 ngày kể từ ngày ký", "date",
            "", "2026-03-12", "", "", "2026-03-02");
  // Working days: Monday 2/3 + 10 working days = Monday 16/3.
  // Over 80 bytes with its deadline words: the phrase starts at the number.
  ExpectOne("trong thời hạn 10 ngày làm việc kể từ ngày ký ban hành Kế hoạch này",
            "10 ngày làm việc kể từ ngày ký ban hành Kế hoạch này", "date", "", "2026-03-16", "",
            "", "2026-03-02");
  // BLDS 148: a last day on a weekend moves to Monday (2026-03-02 + 5 = Saturday 7/3).
  ExpectOne("trong 5 ngày kể từ ngày ký.", "trong 5 ngày kể từ ngày ký", "date", "", "2026-03-09",
            "", "", "2026-03-02");
  ExpectOne("Giải quyết trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.",
            "10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ", "event", "", "", "",
            "ngày nhận được hồ sơ hợp lệ");
  ExpectOne("Triển khai ngay sau khi Kế hoạch được phê duyệt.",
            "ngay sau khi Kế hoạch được phê duyệt", "event", "", "", "", "Kế hoạch được phê duyệt");
  // An anchor cut at its word limit does not end on a dangling "của".
  const auto cut = X("trong 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị bổ sung của Sở");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].event.find(" của"), std::string::npos) << cut[0].event;
  // Without an anchor a duration is no deadline.
  EXPECT_TRUE(X("Thời gian thực hiện: Không quá 08 ngày làm việc.").empty());
}

TEST(TimesTest, NoDocumentDate) {
  ExpectOne("Nộp hồ sơ trước ngày 15/12.", "trước ngày 15/12", "date", "", "", "", "", "");
  ExpectOne("Hoàn thành trong quý II/2019.", "Hoàn thành trong quý II/2019", "period", "2019-04-01",
            "2019-06-30", "", "", "");
  ExpectOne("Diễn tập trước ngày 15/12 hằng năm.", "trước ngày 15/12 hằng năm", "recurring", "", "",
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", "", "");
  ExpectOne("trong 10 ngày kể từ ngày ký", "trong 10 ngày kể từ ngày ký", "date", "", "", "", "",
            "not-a-date");
}

TEST(TimesTest, InvalidDatesWarn) {
  std::vector<Warning> w;
  EXPECT_TRUE(ExtractTimes("Hoàn thành trước ngày 32/13/2025.", "2026-01-20", &w).empty());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "invalid-date");
  w.clear();
  EXPECT_TRUE(ExtractTimes("hoàn thành trước ngày 29/02/2027", "2026-01-20", &w).empty());
  EXPECT_EQ(w.size(), 1u);
  // Leap day of a leap year is fine.
  ExpectOne("hoàn thành trước ngày 29/02/2028", "hoàn thành trước ngày 29/02/2028", "date", "",
            "2028-02-29");
  EXPECT_TRUE(X("32/13/2025 99/99").empty());
  EXPECT_TRUE(X("").empty());
  EXPECT_TRUE(X("ngày ngày tháng quý năm hằng định kỳ trước, trong và").empty());
}

TEST(TimesTest, TableCells) {
  const std::string table =
      "|\n**THỜI GIAN**\n|\n|\n1\n|\nXây dựng phần mềm\n|\nSở Hạ Lam\n|\nThường xuyên\n|\n"
      "|\n2\n|\nĐào tạo\n|\nSở Hạ Lam\n|\n2026\n|\n|\n3\n|\nMua sắm\n|\n2026-2027\n|\n";
  const auto t = X(table);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].kind, "continuous");
  EXPECT_EQ(t[1].text, "2026");
  EXPECT_EQ(t[1].date, "2026-12-31");
  EXPECT_EQ(t[2].start, "2026-01-01");
  EXPECT_EQ(t[2].date, "2027-12-31");
  // No "Thời gian" column: a bare year in a cell is a number.
  EXPECT_TRUE(X("|\n2026\n|\n").empty());
}

TEST(TimesTest, SampleKeHoach) {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) + "/samples/ke-hoach-chuyen-doi-so.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  ASSERT_FALSE(text.empty());
  const auto t = ExtractTimes(text, "2026-01-20");
  std::uint32_t last = 0;
  for (const auto& e : t) {
    EXPECT_GE(e.span.begin, last) << e.text;  // document order, no overlap
    last = e.span.end;
    EXPECT_LE(e.text.size(), 80u);
  }
  auto find = [&](std::string_view text_) -> const TimeExpr* {
    for (const auto& e : t) {
      if (e.text == text_) return &e;
    }
    return nullptr;
  };
  for (std::string_view want :
       {"hoàn thành trong quý II/2026", "trong 30 ngày kể từ ngày ký ban hành Kế hoạch này",
        "trong giai đoạn 2026-2030", "hoàn thành 6 tháng đầu năm 2026", "thường xuyên",
        "trước ngày 15/12 hằng năm", "trong quý III/2026", "hoàn thành trước ngày 30/9/2026",
        "trong năm 2026", "trước ngày 31/3/2026", "định kỳ 6 tháng (trước ngày 15/6)",
        "hằng năm (trước ngày 15/12)", "hằng quý", "Đến năm 2030"}) {
    EXPECT_NE(find(want), nullptr) << want;
  }
  // The cited documents' dates and the header date are not times.
  for (const auto& e : t) {
    EXPECT_EQ(e.text.find("15/10/2025"), std::string::npos);
    EXPECT_EQ(e.text.find("20 tháng 01"), std::string::npos);
  }
}

TEST(TimesTest, ParenthesizedYearDatesWhatPrecedesIt) {
  ExpectOne("Báo cáo sơ kết thực hiện Kế hoạch (năm 2028).", "năm 2028", "period", "2028-01-01",
            "2028-12-31");
  // A past year in parentheses names an earlier fact; a bare year is no deadline.
  EXPECT_TRUE(X("bảo quản sổ theo quy định của Luật Bảo hiểm xã hội (năm 2014).").empty());
  EXPECT_TRUE(X("tỷ lệ tăng từ 50% (năm 2015) lên 57%.").empty());
  EXPECT_TRUE(X("Tầm nhìn năm 2030 của ngành.").empty());
}

}  // namespace
}  // namespace dondoc::parse
