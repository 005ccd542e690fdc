#include "parse/tasks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/outline.h"
#include "parse/tasks_scan.h"
#include "parse/tasks_units.h"
#include "parse/times.h"
#include "text/fold.h"

namespace dondoc::parse {
namespace {

// A document as Parse would hand it over: outline read, issuer UBND tỉnh Bình Sơn.
Document Doc(const std::string& text) {
  Document d;
  d.kind = "official";
  d.issuer = Issuer{"Ủy ban nhân dân tỉnh Bình Sơn", "", "", {}};
  d.outline = ExtractOutline(text);
  return d;
}

// "name/role" for each unit of a task.
std::vector<std::string> Units(const Task& t) {
  std::vector<std::string> out;
  for (const TaskUnit& u : t.units) out.push_back(u.name + "/" + u.role);
  return out;
}

using V = std::vector<std::string>;

std::vector<std::string> Names(const std::string& s) {
  const text::FoldedText f = text::FoldMapped(s);
  std::vector<std::string> out;
  for (const UnitMention& m : FindUnitMentions(s, f, 0, f.folded.size())) {
    out.push_back(MentionName(s, f, m));
  }
  return out;
}

TEST(TaskUnitsTest, HeadWordsAndNameEnds) {
  EXPECT_EQ(Names("Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính và Sở Y tế "
                  "tỉnh Bình Sơn xây dựng bộ tiêu chí."),
            (V{"Sở Thông tin và Truyền thông", "Sở Tài chính", "Sở Y tế tỉnh Bình Sơn"}));
  EXPECT_EQ(Names("Ban hành Báo cáo số 3; Hội nghị tổng kết; Sở Văn hóa, Thể thao và Du lịch, "
                  "Ban Tuyên giáo Tỉnh ủy, Công an tỉnh\nChủ trì"),
            (V{"Sở Văn hóa, Thể thao và Du lịch", "Ban Tuyên giáo Tỉnh ủy", "Công an tỉnh"}));
  EXPECT_EQ(Names("UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị liên quan; "
                  "các cơ quan báo chí"),
            (V{"UBND các huyện, thị xã, thành phố", "các cơ quan, đơn vị liên quan",
               "các cơ quan báo chí"}));  // a group the registry knows
  EXPECT_EQ(Names("Sở Nông nghiệp và Phát triển nông thôn, Hội Cựu chiến binh tỉnh, Sở TT&TT "
                  "xây dựng"),
            (V{"Sở Nông nghiệp và Phát triển nông thôn", "Hội Cựu chiến binh tỉnh", "Sở TT&TT"}));
}

// Namesakes of head words ("Bản", "Số", "Sơ", "Bó" for "Bố", "Đại", titles in capitals) and
// job titles or documents ("Bộ trưởng", "Báo cáo") are no units; lost accents and OCR slips
// in ordinary text still are.
TEST(TaskUnitsTest, HeadWordsSpelledAsHeads) {
  EXPECT_EQ(Names("BẢN KHAI CÁ NHÂN; Số CMND; SƠ LƯỢC LÝ LỊCH; BÓ CỤC CỦA DỰ THẢO; ĐẠI DIỆN "
                  "CÁC BÊN; BÁO CÁO; BỘ TRƯỞNG"),
            V{});
  EXPECT_EQ(Names("SỞ Y TẾ; So Noi vu; Chỉ cục Thuế; Cực Thuế"),
            (V{"SỞ Y TẾ", "So Noi vu", "Chỉ cục Thuế", "Cực Thuế"}));
}

TEST(TasksTest, SentenceLeadCoordinate) {
  const std::string text =
      "III. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, UBND các huyện, thị xã "
      "xây dựng cơ sở dữ liệu khoa học của tỉnh Bình Sơn; hoàn thành trong quý II/2026.\n";
  Document d = Doc(text);
  const std::size_t at = text.find("quý II/2026");
  d.times.push_back({"trong quý II/2026",
                     "date",
                     "2026-04-01",
                     "2026-06-30",
                     "",
                     "",
                     {static_cast<std::uint32_t>(at),
                      static_cast<std::uint32_t>(at + std::string("quý II/2026").size())}});
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Khoa học và Công nghệ/lead", "Sở Tài chính/coordinate",
                                "UBND các huyện, thị xã/coordinate"}));
  EXPECT_EQ(tasks[0].action,
            "xây dựng cơ sở dữ liệu khoa học của tỉnh Bình Sơn; hoàn thành trong quý II/2026");
  EXPECT_EQ(tasks[0].due, 0);
  EXPECT_EQ(tasks[0].path, "III.1");
  EXPECT_EQ(text.substr(tasks[0].units[0].span.begin,
                        tasks[0].units[0].span.end - tasks[0].units[0].span.begin),
            "Sở Khoa học và Công nghệ");
}

TEST(TasksTest, SectionHeadedByUnit) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "3. Sở Giáo dục và Đào tạo:\n"
      "- Triển khai thư viện số tại các trường học.\n"
      "- Chủ trì tổ chức cuộc thi tin học trẻ tỉnh Bình Sơn.\n"
      "- Phối hợp với Công an tỉnh tuyên truyền an toàn giao thông.\n"
      "4. Kinh phí\n"
      "Bố trí trong dự toán hằng năm.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Giáo dục và Đào tạo/execute"}));
  EXPECT_EQ(tasks[0].action, "Triển khai thư viện số tại các trường học");
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Giáo dục và Đào tạo/lead"}));
  EXPECT_EQ(tasks[1].action, "tổ chức cuộc thi tin học trẻ tỉnh Bình Sơn");
  // Under its own heading the unit still does the work; the partner coordinates.
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Giáo dục và Đào tạo/execute", "Công an tỉnh/coordinate"}));
  EXPECT_EQ(tasks[2].path, "II.3");
}

TEST(TasksTest, LetterSectionAndGiao) {
  const std::string text =
      "III. TỔ CHỨC THỰC HIỆN\n"
      "a) Công an tỉnh:\n"
      "Tăng cường tuần tra, kiểm soát trên các tuyến đường.\n"
      "b) Giao Sở Tư pháp thẩm định dự thảo quy chế.\n"
      "c) Sở Nội vụ chịu trách nhiệm hướng dẫn các đơn vị.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Công an tỉnh/execute"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Tư pháp/execute"}));
  EXPECT_EQ(tasks[1].action, "thẩm định dự thảo quy chế");
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Nội vụ/execute"}));
  EXPECT_EQ(tasks[2].action, "hướng dẫn các đơn vị");
}

TEST(TasksTest, RequestedOutsideAuthority) {
  const std::string text =
      "III. TỔ CHỨC THỰC HIỆN\n"
      "5. Đề nghị Ủy ban MTTQ tỉnh và Hội Nông dân tỉnh vận động hội viên tham gia; Tỉnh đoàn "
      "phát huy vai trò thanh niên.\n"
      "6. Đề nghị Sở Y tế bố trí trạm y tế lưu động.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Ủy ban MTTQ tỉnh/requested", "Hội Nông dân tỉnh/requested"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Tỉnh đoàn/requested"}));
  EXPECT_EQ(tasks[1].action, "phát huy vai trò thanh niên");
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Y tế/execute"}));
}

TEST(TasksTest, DecisionArticleThree) {
  const std::string text =
      "QUYẾT ĐỊNH:\n"
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch năm 2026.\n"
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
      "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Văn hóa, Thể thao và Du lịch, Tài "
      "chính; Chủ tịch UBND các huyện, thị xã, thành phố và Thủ trưởng các cơ quan, đơn vị liên "
      "quan chịu trách nhiệm thi hành Quyết định này./.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]),
            (V{"Văn phòng UBND tỉnh/execute", "Sở Văn hóa, Thể thao và Du lịch/execute",
               "Sở Tài chính/execute", "UBND các huyện, thị xã, thành phố/execute",
               "các cơ quan, đơn vị liên quan/execute"}));
  EXPECT_EQ(tasks[0].action, "thi hành Quyết định này");
  EXPECT_EQ(tasks[0].path, "D3");
}

TEST(TasksTest, SkipsPurposeReferencesAndRecipients) {
  const std::string text =
      "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2026 của UBND tỉnh Bình Sơn;\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "Sở Nội vụ chủ trì bảo đảm mỗi nhiệm vụ có đơn vị chủ trì.\n"
      "II. TỔ CHỨC THỰC HIỆN\n"
      "Ủy ban nhân dân tỉnh ban hành Kế hoạch này theo Quyết định số 12/QĐ-UBND.\n"
      "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n";
  EXPECT_TRUE(ExtractTasks(text, Doc(text)).empty());
}

TEST(TasksTest, PlanWithoutTasks) {
  const std::string text =
      "I. MỤC TIÊU\nNâng cao nhận thức của người dân tỉnh Bình Sơn.\n"
      "II. NỘI DUNG\nTuyên truyền trên các phương tiện thông tin đại chúng.\n";
  EXPECT_TRUE(ExtractTasks(text, Doc(text)).empty());
  EXPECT_TRUE(ExtractTasks("", Doc("")).empty());
}

TEST(TasksTest, MarkdownTaskTable) {
  const std::string text =
      "III. NHIỆM VỤ CỤ THỂ\n"
      "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
      "|---|---|---|---|---|\n"
      "| 1 | Xây dựng bản đồ số du lịch | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | "
      "Quý III/2026 |\n"
      "| 2 | Đào tạo hướng dẫn viên | Trường Cao đẳng Bình Sơn | | 2026 |\n";
  Document d = Doc(text);
  const std::size_t at = text.find("Quý III/2026");
  d.times.push_back({"Quý III/2026",
                     "date",
                     "",
                     "2026-09-30",
                     "",
                     "",
                     {static_cast<std::uint32_t>(at),
                      static_cast<std::uint32_t>(at + std::string("Quý III/2026").size())}});
  std::vector<Warning> w;
  const auto tasks = ExtractTasks(text, d, &w);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].action, "Xây dựng bản đồ số du lịch");
  EXPECT_EQ(Units(tasks[0]),
            (V{"Sở Văn hóa, Thể thao và Du lịch/lead", "Sở Tài chính/coordinate"}));
  EXPECT_EQ(tasks[0].due, 0);
  EXPECT_EQ(tasks[0].path, "III");
  // A unit the finder does not know is taken whole from its cell.
  EXPECT_EQ(Units(tasks[1]), (V{"Trường Cao đẳng Bình Sơn/lead"}));
  // … and reported, as the registry does not know it (no ragged-table warning).
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "unit-unknown");
}

TEST(TasksTest, RaggedFlattenedTableWarns) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Đơn vị chủ trì**\n|\n**Phối hợp**\n|\n|\n"
      "I\n|\nNHÓM GIẢI PHÁP THỂ CHẾ\n|\n|\n"
      "1\n|\nRà soát quy định về\nđầu tư công\n|\nSở Tài chính\n|\nSở Tư pháp\n|\n|\n"
      "2\n|\nPhát triển thương mại điện tử\n|\nSở Công Thương\n|\n\n";
  std::vector<Warning> w;
  const auto tasks = ExtractTasks(text, Doc(text), &w);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].action, "Rà soát quy định về đầu tư công");
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tài chính/lead", "Sở Tư pháp/coordinate"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Công Thương/lead"}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "ragged-table");
}

// Nghệ An KH 980: the portal copy cut rows out of the task table and printed "…....." in
// their place, right after a row's last cell; the row after it is a task of its own.
TEST(TasksTest, ElidedRowsInFlattenedTable) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Đơn vị chủ trì**\n|\n**Phối hợp**\n|\n|\n"
      "1\n|\nRà soát quy định về\nđầu tư công\n|\nSở Tài chính\n|\nSở Tư pháp\n|\n"
      "….................\n|\n"
      "2\n|\nPhát triển thương mại điện tử\n|\nSở Công Thương\n|\nSở Tài chính\n|\n|\n"
      "3\n|\nBồi dưỡng cán bộ\n|\nSở Nội vụ\n|\n...\n|\n\n";
  std::vector<Warning> w;
  const auto tasks = ExtractTasks(text, Doc(text), &w);
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tài chính/lead", "Sở Tư pháp/coordinate"}));
  EXPECT_EQ(tasks[1].action, "Phát triển thương mại điện tử");
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Công Thương/lead", "Sở Tài chính/coordinate"}));
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Nội vụ/lead"}));  // "..." is no coordinating unit
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].code, "table-rows-elided");
  EXPECT_EQ(w[1].code, "ragged-table");  // row 3 lacks a cell
}

// Đồng Nai KH 179: rows numbered "1.1" under a group row ("I | Hoàn thiện thể chế", fewer cells
// than the header) start rows of their own; a header repeated without its "STT" cell still
// reads rows that have one.
TEST(TasksTest, DottedRowNumbersAndHeaderWithoutStt) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Đơn vị thực hiện**\n|\n"
      "**Đơn vị phối hợp**\n|\n**Thời gian**\n|\n|\n"
      "**I**\n|\n**Hoàn thiện thể chế**\n|\n|\n"
      "1.1\n|\nRà soát quy định\n|\nSở Tư pháp\n|\nSở Nội vụ\n|\n2026 - 2030\n|\n\n\n"
      "|\n**B**\n|\n**NGÀNH, LĨNH VỰC**\n|\n|\n"
      "**Nội dung**\n|\n**Đơn vị thực hiện**\n|\n**Đơn vị phối hợp**\n|\n**Thời gian**\n|\n|\n"
      "1.1\n|\nTriển khai nền tảng số\n|\nSở Y tế\n|\nSở Tài chính\n|\n2026 - 2030\n|\n\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].action, "Rà soát quy định");
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tư pháp/execute", "Sở Nội vụ/coordinate"}));
  EXPECT_EQ(tasks[1].action, "Triển khai nền tảng số");
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Y tế/execute", "Sở Tài chính/coordinate"}));
}

// Đồng Nai KH 179: a group row's empty bold cells ("** **") do not end the table.
TEST(TasksTest, EmptyBoldCellKeepsFlattenedTable) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Đơn vị thực hiện**\n|\n|\n"
      "**5.1**\n|\n** **\n|\n**Thương mại**\n|\n|\n"
      "5.1.1\n|\nTriển khai thương mại điện tử\n|\nSở Công Thương\n|\n\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].action, "Triển khai thương mại điện tử");
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Công Thương/execute"}));
}

TEST(TasksScanTest, RowNumbers) {
  auto row = [](std::string_view s) { return LooksLikeRowNumber(s, 0, s.size()); };
  EXPECT_TRUE(row("1"));
  EXPECT_TRUE(row("12."));
  EXPECT_TRUE(row("1.1"));
  EXPECT_TRUE(row("2.3.1"));
  EXPECT_TRUE(row("**iv**"));
  EXPECT_TRUE(row("i.1"));
  EXPECT_FALSE(row("100.000"));  // an amount
  EXPECT_FALSE(row("2025 - 2030"));
  EXPECT_FALSE(row("so y te"));
}

// Bắc Ninh KH 144: a table of targets gives each target to its "Chủ trì" unit; a column "Đơn
// vị" of a targets table is the unit of measure.
TEST(TasksTest, TableOfTargetsWithLeadUnits) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Đơn vị**\n|\n**Chủ trì**\n|\n|\n"
      "1\n|\nKinh tế số chiếm 45% GRDP.\n|\n%\n|\nSở Tài chính\n|\n|\n"
      "2\n|\nTỷ lệ phủ sóng 5G đạt 100%.\n|\nTỷ lệ\n|\nSở Khoa học và Công nghệ\n|\n\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tài chính/lead"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Khoa học và Công nghệ/lead"}));
}

// QĐ 2629/QĐ-TTg: the copy runs Phụ lục I's table straight into "PHỤ LỤC II" and its table
// with no blank line; the second table is read under its own header.
TEST(TasksTest, AppendixHeadingEndsFlattenedTable) {
  const std::string text =
      "PHỤ LỤC I\nCHỈ TIÊU\n\n|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Cơ quan chủ trì**\n|\n|\n"
      "1\n|\nTỷ lệ dịch vụ công trực tuyến\n|\nVăn phòng Chính phủ\n|\n"
      "PHỤ LỤC II\nNHIỆM VỤ\n|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan phối hợp**\n|\n"
      "**Cơ quan chủ trì**\n|\n|\n"
      "1\n|\nXây dựng Luật Dữ liệu\n|\nBộ Tư pháp\n|\nBộ Công an\n|\n\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(Units(tasks[0]), (V{"Văn phòng Chính phủ/lead"}));
  EXPECT_EQ(tasks[1].action, "Xây dựng Luật Dữ liệu");
  EXPECT_EQ(Units(tasks[1]), (V{"Bộ Tư pháp/coordinate", "Bộ Công an/lead"}));
}

// A procedure's internal steps ("Bước 1 | Tiếp nhận hồ sơ | Trung tâm Phục vụ hành chính công")
// are how one file is handled, not work the document assigns.
TEST(TasksTest, ProcedureStepTableGivesNoTasks) {
  const std::string text =
      "PHỤ LỤC\n\n|\n**Thứ tự công việc**\n|\n**Nội dung công việc**\n|\n"
      "**Đơn vị thực hiện**\n|\n**Thời gian**\n|\n|\n"
      "Bước 1\n|\nTiếp nhận hồ sơ\n|\nSở Y tế\n|\n0,5 ngày\n|\n\n";
  EXPECT_TRUE(ExtractTasks(text, Doc(text)).empty());
}

// A time expression over the first `needle` in `text`, as the times extractor would give it.
void AddTime(Document* d, const std::string& text, const std::string& needle,
             const std::string& date) {
  const auto at = static_cast<std::uint32_t>(text.find(needle));
  d->times.push_back(
      {needle, "date", "", date, "", "", {at, at + static_cast<std::uint32_t>(needle.size())}});
}

// KL 07-KL/VPTW: the deadline closes the paragraph in a sentence of its own; "Văn phòng" alone
// is the office the document names ("Văn phòng Trung ương Đảng"), here the issuer itself.
TEST(TasksTest, ClosingDeadlineSentenceAndOwnOffice) {
  const std::string text =
      "1. Về kết quả\nVăn phòng Trung ương Đảng và các văn phòng tỉnh uỷ đã chủ động.\n"
      "2. Về nhiệm vụ từ nay đến tháng 6/2027\nVăn phòng Trung ương Đảng tiếp tục nâng cao.\n"
      "3. Về các kiến nghị\n"
      "Những kiến nghị thuộc thẩm quyền của Văn phòng Trung ương Đảng, lãnh đạo Văn phòng sẽ "
      "chỉ đạo các đơn vị liên quan xem xét. Văn phòng sẽ phối hợp với các cơ quan liên quan "
      "tham mưu đề xuất cấp có thẩm quyền. Thời gian hoàn thành trước ngày 30/12/2025.\n"
      "4. Khác\nVăn phòng phẩm được cấp đủ. Thời hạn sử dụng trước ngày 31/12/2025.\n";
  Document d = Doc(text);
  d.issuer = Issuer{"VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG", "", {}};
  AddTime(&d, text, "tháng 6/2027", "2027-06-30");
  AddTime(&d, text, "trước ngày 30/12/2025", "2025-12-30");
  AddTime(&d, text, "trước ngày 31/12/2025", "2025-12-31");
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[2].action, "chỉ đạo các đơn vị liên quan xem xét");
  EXPECT_EQ(Units(tasks[2]), (V{"Văn phòng Trung ương Đảng/execute"}));
  EXPECT_EQ(tasks[2].due, 1);
  EXPECT_EQ(Units(tasks[3]),
            (V{"Văn phòng Trung ương Đảng/execute", "các cơ quan liên quan/coordinate"}));
  EXPECT_EQ(tasks[3].due, 1);  // not the section heading's "tháng 6/2027"
}

// A time field after an item whose sentence names the units: the item's task stands, dated.
TEST(TasksTest, TimeFieldAfterItemDatesItsTask) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản quy phạm pháp luật.\n"
      "- Thời gian hoàn thành: trước ngày 30/6/2026.\n"
      "2. Sở Y tế tổ chức tập huấn trong quý II/2026.\n"
      "- Sản phẩm: Báo cáo kết quả.\n"
      "3. Sở Tài chính bố trí kinh phí.\n"
      "Thời hạn hoàn thành: Quý III/2026.\n";
  Document d = Doc(text);
  AddTime(&d, text, "trước ngày 30/6/2026", "2026-06-30");
  AddTime(&d, text, "quý II/2026", "2026-06-30");
  AddTime(&d, text, "Quý III/2026", "2026-09-30");
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tư pháp/lead", "Sở Nội vụ/coordinate"}));
  EXPECT_EQ(tasks[0].due, 0);
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Y tế/execute"}));
  EXPECT_EQ(tasks[1].due, 1);
  EXPECT_EQ(tasks[2].action, "bố trí kinh phí");
  EXPECT_EQ(tasks[2].due, 2);
}

// BCĐQG 1237 B.9: a field label of its own item, its value the unlabelled paragraph after it.
TEST(TasksTest, LabelAloneTakesThePlainParagraphAfterIt) {
  const std::string text =
      "I. KIỂM TRA\n"
      "1. Nội dung\n"
      "a) Tổ chức kiểm tra định kỳ.\n"
      "2. Cơ quan chủ trì, phối hợp\n"
      "a) Cơ quan chủ trì\n"
      "- Ban Chỉ đạo tỉnh.\n"
      "b) Cơ quan phối hợp\n"
      "Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh tỉnh; các tổ chức chính trị - xã hội.\n"
      "Sở Y tế tổ chức tập huấn.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(Units(tasks[0]),
            (V{"Ban Chỉ đạo tỉnh/lead", "Mặt trận Tổ quốc Việt Nam/coordinate",
               "Hội Cựu chiến binh tỉnh/coordinate", "các tổ chức chính trị - xã hội/coordinate"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Y tế/execute"}));  // only one paragraph is the value
}

// Lai Châu KH 7360 VI.2-3: the subject after an introductory phrase and its comma; a numbered
// "Căn cứ …" item is operative (the legal bases before the plan are not).
TEST(TasksTest, SubjectAfterIntroductoryPhrase) {
  const std::string text =
      "Căn cứ Luật Tiêu chuẩn, Sở Y tế ban hành.\n"
      "VI. KINH PHÍ\n"
      "1. Đối với các nhiệm vụ năm 2025, các sở, ngành liên quan và Ủy ban nhân dân các xã, "
      "phường chủ động bố trí kinh phí.\n"
      "2. Căn cứ nội dung Kế hoạch, các sở, ngành có trách nhiệm xây dựng kế hoạch chi tiết.\n"
      "3. Trong quá trình thực hiện, nếu có khó khăn, các sở, ngành báo cáo.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(Units(tasks[0]),
            (V{"các sở, ngành liên quan/execute", "Ủy ban nhân dân các xã, phường/execute"}));
  EXPECT_EQ(tasks[0].action, "chủ động bố trí kinh phí");
  EXPECT_EQ(Units(tasks[1]), (V{"các sở, ngành/execute"}));
  EXPECT_EQ(tasks[1].action, "xây dựng kế hoạch chi tiết");
}

// Groups without "các" inside a list, tails after a comma, adverbs around "phối hợp".
TEST(TasksTest, ListGroupsAndPartnerAdverbs) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "1. Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường chủ "
      "động bố trí nguồn vốn.\n"
      "2. Sở Tài chính chủ trì, phối hợp với Sở Y tế và cơ quan, địa phương liên quan thành lập "
      "Quỹ.\n"
      "3. Công an tỉnh phối hợp chặt chẽ với Sở Tư pháp và các cơ quan, tổ chức, cá nhân có liên "
      "quan tham mưu sửa đổi quy định.\n"
      "4. Sở Nội vụ tổ chức tập huấn; các cơ quan tổ chức thực hiện.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(Units(tasks[0]), (V{"Các sở, ban, ngành/execute", "tổ chức chính trị - xã hội/execute",
                                "Ủy ban nhân dân các xã, phường/execute"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Tài chính/lead", "Sở Y tế/coordinate",
                                "cơ quan, địa phương liên quan/coordinate"}));
  EXPECT_EQ(Units(tasks[2]), (V{"Công an tỉnh/execute", "Sở Tư pháp/coordinate",
                                "các cơ quan, tổ chức, cá nhân có liên quan/coordinate"}));
  EXPECT_EQ(tasks[2].action, "tham mưu sửa đổi quy định");
  // "cơ quan" outside a list, and "tổ chức" without a comma, are no group.
  EXPECT_EQ(Units(tasks[3]), (V{"Sở Nội vụ/execute"}));
}

// With no "Văn phòng <owner>" in the text, "Văn phòng" alone names nothing.
TEST(TasksTest, OwnOfficeUnnamedIsNoUnit) {
  const std::string text = "II. NHIỆM VỤ\n1. Văn phòng sẽ phối hợp với Sở Y tế tổng hợp.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  EXPECT_TRUE(tasks.empty());
}

TEST(TasksTest, FieldBlockIsOneTask) {
  const std::string text =
      "II. NỘI DUNG KẾ HOẠCH\n"
      "1. Tuyên truyền, phổ biến Luật Đo lường sửa đổi\n"
      "- Nội dung: Biên soạn tài liệu và tổ chức hội nghị phổ biến Luật.\n"
      "- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp; Báo và Phát thanh Truyền "
      "hình Bình Sơn và các sở, ngành có liên quan.\n"
      "- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.\n"
      "- Thời gian thực hiện: Năm 2026.\n"
      "2. Rà soát văn bản quy phạm pháp luật\n"
      "- Cơ quan chủ trì: Sở Tư pháp.\n"
      "- Cơ quan phối hợp: Các sở, ngành.\n"
      "3. Kinh phí\n"
      "Sở Tài chính bố trí kinh phí.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].action, "Biên soạn tài liệu và tổ chức hội nghị phổ biến Luật");
  EXPECT_EQ(Units(tasks[0]),
            (V{"Sở Khoa học và Công nghệ/execute", "Sở Tư pháp/execute",
               "Báo và Phát thanh Truyền hình Bình Sơn/execute",
               "các sở, ngành có liên quan/execute", "Ủy ban nhân dân các xã, phường/coordinate"}));
  EXPECT_EQ(tasks[1].action, "Rà soát văn bản quy phạm pháp luật");
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Tư pháp/lead", "Các sở, ngành/coordinate"}));
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Tài chính/execute"}));
}

TEST(TasksTest, FieldLabelsAloneAndSubBullets) {
  const std::string text =
      "I. CÔNG TÁC TUYÊN TRUYỀN\n"
      "1. Nội dung, biện pháp\n"
      "a) Tổ chức hội nghị quán triệt Chỉ thị của Tỉnh ủy Bình Sơn.\n"
      "b) Biên soạn tài liệu tuyên truyền.\n"
      "2. Cơ quan chủ trì, phối hợp\n"
      "a) Cơ quan chủ trì\n"
      "- Ban Chỉ đạo tỉnh.\n"
      "- Ban Chỉ đạo các huyện; Sở Nội vụ.\n"
      "b) Cơ quan phối hợp\n"
      "- Hội Cựu chiến binh tỉnh.\n"
      "II. THỜI GIAN\n"
      "1. Thời gian thực hiện\n"
      "Năm 2026.\n"
      "2. Trách nhiệm thực hiện\n"
      "- Sở Y tế: hướng dẫn các cơ sở khám bệnh.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].action, "Tổ chức hội nghị quán triệt Chỉ thị của Tỉnh ủy Bình Sơn");
  EXPECT_EQ(Units(tasks[0]), (V{"Ban Chỉ đạo tỉnh/lead", "Ban Chỉ đạo các huyện/lead",
                                "Sở Nội vụ/lead", "Hội Cựu chiến binh tỉnh/coordinate"}));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Y tế/execute"}));
}

TEST(TasksTest, UnknownUnitsWarnOncePerDocument) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "1. Sở Y tế chủ trì, phối hợp với Trung tâm Lưu trữ Sông Mây tổ chức số hóa hồ sơ.\n"
      "2. Trung tâm Lưu trữ Sông Mây bảo quản hồ sơ bệnh án.\n";
  std::vector<Warning> warnings;
  const auto tasks = ExtractTasks(text, Doc(text), &warnings);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_FALSE(tasks[0].units[0].unit_id.empty());  // Sở Y tế resolves
  EXPECT_TRUE(tasks[1].units[0].unit_id.empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "unit-unknown");
  EXPECT_NE(warnings[0].message.find("1 unit name(s)"), std::string::npos);
  EXPECT_NE(warnings[0].message.find("\"Trung tâm Lưu trữ Sông Mây\" ("), std::string::npos);
}

TEST(TaskUnitsTest, GroupsWithoutCac) {
  EXPECT_EQ(
      Names("Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường, đặc khu triển khai; "
            "Ủy ban nhân dân xã Tân An báo cáo."),
      // The registry's span stops before a bare "thành phố" (no place after it).
      (V{"Sở, ban, ngành", "Ủy ban nhân dân xã, phường, đặc khu", "Ủy ban nhân dân xã Tân An"}));
  EXPECT_EQ(Names("các văn phòng tỉnh uỷ, thành uỷ"), (V{"các văn phòng tỉnh uỷ, thành uỷ"}));
}

TEST(TasksTest, SubjectPhoiHopExecutes) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "1. Sở Nội vụ phối hợp với Sở Tài chính rà soát biên chế các đơn vị sự nghiệp.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Nội vụ/execute", "Sở Tài chính/coordinate"}));
}

TEST(TasksTest, IntroSentenceGovernsItems) {
  const std::string text =
      "II. NHIỆM VỤ\n"
      "1. Nhiệm vụ trọng tâm\n"
      "Năm tới tình hình còn khó khăn. Theo kết luận của Tỉnh ủy, năm 2026 Sở Nội vụ và UBND các "
      "huyện, "
      "thành phố cần tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:\n\n"
      "(1) Rà soát biên chế các đơn vị sự nghiệp. Báo cáo kết quả về UBND tỉnh.\n\n"
      "(2) Nâng cao chất lượng công tác văn thư, lưu trữ.\n\n"
      "2. Tổ chức thực hiện\n\n"
      "Đài Phát thanh và Truyền hình tỉnh tuyên truyền kế hoạch.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Nội vụ/execute", "UBND các huyện, thành phố/execute"}));
  EXPECT_EQ(Units(tasks[1]), Units(tasks[0]));
  EXPECT_EQ(Units(tasks[2]), (V{"Đài Phát thanh và Truyền hình tỉnh/execute"}));
}

// "X chỉ đạo Y thực hiện các nội dung sau:": the items are X's and Y's, not Y's alone (nor
// those of the last unit the intro names).
TEST(TasksTest, IntroDirectingUnitKeepsTheItems) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Tài chính chỉ đạo Chi cục Thống kê tỉnh thực hiện các nội dung sau:\n\n"
      "- Lập phương án điều tra trình Sở phê duyệt.\n\n"
      "- Tổng hợp số liệu; báo cáo UBND tỉnh trước ngày 15/12/2026.\n\n"
      "2. Sở Y tế bố trí nhân lực thực hiện.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tài chính/execute", "Chi cục Thống kê tỉnh/execute"}));
  EXPECT_EQ(Units(tasks[1]), Units(tasks[0]));
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Y tế/execute"}));
}

// A unit heading whose name the source wrapped onto the next line ("Đề nghị Ủy\nban …") still
// heads the items under it.
TEST(TasksTest, WrappedUnitHeadingGovernsItems) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế tổ chức triển khai thực hiện Kế hoạch.\n\n"
      "2. Đề nghị Ủy\nban Mặt trận Tổ quốc Việt Nam tỉnh\n\n"
      "a) Chỉ đạo các tổ chức thành\nviên tăng cường công tác truyền thông.\n\n"
      "b) Tham gia huy động nguồn lực.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[1]), (V{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh/requested"}));
  EXPECT_EQ(Units(tasks[2]), Units(tasks[1]));
}

TEST(TasksTest, InformationIntroIsNoSection) {
  const std::string text =
      "II. NỘI DUNG\n"
      "Sở Tài chính có ý kiến như sau:\n\n"
      "(1) Kinh phí bố trí từ ngân sách tỉnh.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  for (const Task& t : tasks) EXPECT_EQ(t.action.find("Kinh phí"), std::string::npos);
}

TEST(TaskUnitsTest, NameEndsBeforeVaCacAndQuanIsNoTail) {
  EXPECT_EQ(
      Names("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Sơn và các tổ chức chính trị - xã "
            "hội triển khai:"),
      (V{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Sơn", "các tổ chức chính trị - xã hội"}));
  EXPECT_EQ(Names("Ủy ban nhân dân phường, xã, đặc khu xây dựng dự toán."),
            (V{"Ủy ban nhân dân phường, xã, đặc khu"}));
  EXPECT_EQ(Names("Các cơ quan quản lý nhà nước kiểm tra."), V{});
  EXPECT_EQ(Names("Các cơ quan, đơn vị quận Hải Châu kiểm tra."),
            (V{"Các cơ quan, đơn vị quận Hải Châu"}));
}

TEST(TasksTest, QuyBoIsTheAddressee) {
  const std::string text =
      "Kính gửi: Sở Tài chính tỉnh Bình Sơn\n\n"
      "Ủy ban nhân dân huyện Tân An đề nghị quý Sở sớm thẩm định dự toán năm 2026.\n";
  Document d = Doc(text);
  d.kind = "letter";
  d.issuer = Issuer{"Ủy ban nhân dân huyện Tân An", "", "", {}};
  const std::size_t b = text.find("Sở Tài chính");
  const std::size_t e = text.find("\n\n");
  d.recipients.push_back(
      Recipient{"Sở Tài chính tỉnh Bình Sơn", "",
                Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}});
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Sở Tài chính tỉnh Bình Sơn/execute"}));
  EXPECT_EQ(tasks[0].action.find("sớm thẩm định"), 0u);
}

TEST(TasksTest, DatedDeliverablesSplit) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Nội vụ chỉ đạo: xây dựng kế hoạch gửi về UBND tỉnh trước ngày 28/2/2026; lập dự "
      "toán gửi Sở Tài chính; báo cáo kết quả về UBND tỉnh trước ngày 10/11/2026.\n";
  Document d = Doc(text);
  d.times.push_back(TimeExpr{});
  d.times.back().span = Span{static_cast<std::uint32_t>(text.find("28/2/2026")),
                             static_cast<std::uint32_t>(text.find("28/2/2026") + 9)};
  d.times.push_back(TimeExpr{});
  d.times.back().span = Span{static_cast<std::uint32_t>(text.find("10/11/2026")),
                             static_cast<std::uint32_t>(text.find("10/11/2026") + 10)};
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].due, std::optional<int>(0));
  EXPECT_EQ(tasks[1].due, std::optional<int>(1));
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Nội vụ/execute"}));
  EXPECT_EQ(tasks[1].action.find("lập dự toán"), 0u);
}

TEST(TaskUnitsTest, CodesOfLawAndBanChiDao) {
  EXPECT_EQ(Names("Thực hiện Bộ luật Hình sự năm 2015."), V{});
  EXPECT_EQ(Names("Văn phòng Ban Chỉ đạo quốc gia chủ trì."),
            (V{"Văn phòng Ban Chỉ đạo quốc gia"}));
}

TEST(TasksTest, TableCellLabelsAndTitlesAreNoUnits) {
  const std::string text =
      "III. NHIỆM VỤ CỤ THỂ\n"
      "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n"
      "|---|---|---|---|\n"
      "| 1 | Lập danh bạ trực ban | Điện thoại: | (0270) 3822 111 |\n"
      "| 2 | Tổng hợp báo cáo | Giám đốc | Trường Cao đẳng Bình Sơn |\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Trường Cao đẳng Bình Sơn/coordinate"}));
}

TEST(TasksTest, DeNghiColonHeading) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "6. Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh\n\n"
      "a) Tuyên truyền, vận động hội viên tham gia chuyển đổi số.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]),
            (V{"Hội Nông dân tỉnh/requested", "Liên minh Hợp tác xã tỉnh/requested"}));
}

TEST(TasksTest, BulletsCarryTheItemSubject) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Nội vụ xây dựng kế hoạch triển khai đợt thi đua.\n\n"
      "- Giới thiệu điển hình tiên tiến trong đợt thi đua.\n\n"
      "- Sở Tài chính bảo đảm kinh phí khen thưởng.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Units(tasks[1]), (V{"Sở Nội vụ/execute"}));
  EXPECT_EQ(tasks[1].action.find("Giới thiệu"), 0u);
  EXPECT_EQ(Units(tasks[2]), (V{"Sở Tài chính/execute"}));
}

TEST(TaskUnitsTest, DoanhNghiepGroupTail) {
  EXPECT_EQ(Names("Các cơ quan, đơn vị, địa phương, doanh nghiệp triển khai."),
            (V{"Các cơ quan, đơn vị, địa phương, doanh nghiệp"}));
}

TEST(TasksTest, FrontAndCompaniesAreRequested) {
  const std::string text =
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và Công ty Điện lực Bình Sơn:\n\n"
      "- Vận động Nhân dân tiết kiệm điện.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh/requested",
                                "Công ty Điện lực Bình Sơn/requested"}));
}

TEST(TaskUnitsTest, CacCapUy) {
  EXPECT_EQ(Names("Đề nghị các cấp ủy Đảng, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Sơn:"),
            (V{"các cấp ủy Đảng", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Sơn"}));
}

TEST(TasksTest, GroupWithLevelHeadsSection) {
  const std::string text =
      "III. NHIỆM VỤ\n\n"
      "5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường\n\n"
      "- Phổ biến quy định về bảo vệ bí mật nhà nước.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]),
            (V{"Các sở, ban, ngành, đoàn thể cấp tỉnh/execute", "UBND các xã, phường/execute"}));
}

TEST(TasksTest, CentralBranchesAreRequested) {
  const std::string text =
      "III. NHIỆM VỤ\n\n"
      "6. Đề nghị Chi cục Hải quan Bình Sơn, Sở Tư pháp tăng cường công tác bảo vệ bí mật nhà "
      "nước.\n";
  const auto tasks = ExtractTasks(text, Doc(text));
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(Units(tasks[0]), (V{"Chi cục Hải quan Bình Sơn/requested", "Sở Tư pháp/execute"}));
}

TEST(TaskUnitsTest, KhuVucNumberIsInTheName) {
  const std::vector<std::string> names =
      Names("Kho bạc Nhà nước khu vực XI và Ngân hàng Nhà nước khu vực 8 phối hợp.");
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], "Kho bạc Nhà nước khu vực XI");
  EXPECT_EQ(names[1], "Ngân hàng Nhà nước khu vực 8");
}

TEST(TasksTest, SubjectlessDatedSentenceContinuesTheTaskBefore) {
  const std::string text =
      "V. TỔ CHỨC THỰC HIỆN\n"
      "1. Chế độ báo cáo\n"
      "- Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng "
      "năm. Báo cáo sơ kết thực hiện Kế hoạch *(năm 2028) *và báo cáo tổng kết thực hiện Kế "
      "hoạch *(năm 2030)*, gửi Bộ Khoa học và Công nghệ.\n"
      "- Sở Tài chính bố trí kinh phí trước ngày 15/12/2026. Trong thời hạn 10 ngày kể từ ngày "
      "nhận hồ sơ, cơ quan tiếp nhận phải trả lời. Năm 2027 tiếp tục bố trí theo quy định.\n";
  Document d = Doc(text);
  d.times = ExtractTimes(text, "2026-01-20");
  const auto tasks = ExtractTasks(text, d);
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[1].action, "Báo cáo sơ kết thực hiện Kế hoạch (năm 2028)");
  EXPECT_EQ(tasks[2].action,
            "báo cáo tổng kết thực hiện Kế hoạch (năm 2030), gửi Bộ Khoa học và Công nghệ");
  for (int i : {1, 2}) {
    EXPECT_EQ(Units(tasks[i]), V{"Sở Khoa học và Công nghệ/execute"});
    ASSERT_TRUE(tasks[i].due);
  }
  EXPECT_EQ(d.times[*tasks[1].due].date, "2028-12-31");
  EXPECT_EQ(d.times[*tasks[2].due].date, "2030-12-31");
  // A procedure sentence and a scene-setting year are no further work of Sở Tài chính.
  EXPECT_EQ(Units(tasks[3]), V{"Sở Tài chính/execute"});
  EXPECT_EQ(tasks[3].action, "bố trí kinh phí trước ngày 15/12/2026");
}

TEST(TasksTest, IntroWithoutWorkGivesNoTask) {
  // A reply letter's opening ends with ":" but gives no work: no unit is searched for inside it.
  const std::string text =
      "Tổng cục Thuế nhận được công văn số 12/CT-KK ngày 05/3/2026 của Cục Thuế tỉnh Bình Sơn về "
      "việc hoàn thuế giá trị gia tăng. Về vấn đề này, Tổng cục Thuế có ý kiến như sau:\n"
      "1. Chính phủ quy định chi tiết các nội dung sau đây:\n";
  Document d = Doc(text);
  d.issuer = Issuer{"Tổng cục Thuế", "Bộ Tài chính", "", {}};
  EXPECT_TRUE(ExtractTasks(text, d).empty());
}

// The cursor and FoldedPos give the first folded byte at or after each original byte (a plain
// binary search of the offsets), walked forwards, backwards and in jumps (accented letters
// fold to fewer bytes, so the two offsets drift apart).
TEST(FoldedCursorTest, AgreesWithABinarySearch) {
  const text::FoldedText f = text::FoldMapped(
      "Ủy ban nhân dân tỉnh Bình Sơn giao Sở Tài chính chủ trì, phối hợp với các "
      "sở, ngành; báo cáo trước ngày 15/12 hằng năm.");
  const auto n = static_cast<std::uint32_t>(f.offsets.back());
  const auto want = [](const text::FoldedText& t, std::uint32_t o) {
    return static_cast<std::size_t>(std::lower_bound(t.offsets.begin(), t.offsets.end(), o) -
                                    t.offsets.begin());
  };
  FoldedCursor forward(f), backward(f), jumps(f);
  for (std::uint32_t o = 0; o <= n + 2; ++o) {
    EXPECT_EQ(forward.Pos(o), want(f, o)) << o;
    EXPECT_EQ(FoldedPos(f, o), want(f, o)) << o;
  }
  for (std::uint32_t o = n + 2; o-- > 0;) EXPECT_EQ(backward.Pos(o), want(f, o)) << o;
  for (std::uint32_t k = 0; k < 200; ++k) {
    const std::uint32_t o = (k * 37) % (n + 3);
    EXPECT_EQ(jumps.Pos(o), want(f, o)) << o;
  }
  const text::FoldedText empty = text::FoldMapped("");
  FoldedCursor none(empty);
  EXPECT_EQ(none.Pos(0), want(empty, 0));
  EXPECT_EQ(none.Pos(5), want(empty, 5));
  EXPECT_EQ(FoldedPos(empty, 5), want(empty, 5));
}

}  // namespace
}  // namespace dondoc::parse
