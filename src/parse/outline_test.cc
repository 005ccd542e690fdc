#include "parse/outline.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::parse {
namespace {

// "path=heading" for every node, depth first.
void Flatten(const std::vector<OutlineNode>& nodes, std::vector<std::string>* out) {
  for (const OutlineNode& n : nodes) {
    out->push_back(n.path + "=" + n.heading);
    Flatten(n.children, out);
  }
}

std::vector<std::string> Paths(std::string_view text) {
  std::vector<std::string> out;
  Flatten(ExtractOutline(text), &out);
  return out;
}

using V = std::vector<std::string>;

TEST(OutlineTest, PlanRomanArabicLetter) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nTriển khai chuyển đổi số\n\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.\n2. Yêu cầu\n"
      "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n1. Hoàn thiện thể chế\na) Rà soát văn bản\n"
      "đ) Công bố kết quả\n1.1. Tổ chức hội nghị\n1.2. Tập huấn\n"
      "III. TỔ CHỨC THỰC HIỆN\n";
  EXPECT_EQ(
      Paths(text),
      (V{"I=MỤC ĐÍCH, YÊU CẦU", "I.1=Mục đích", "I.2=Yêu cầu", "II=NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
         "II.1=Hoàn thiện thể chế", "II.1.a=Rà soát văn bản", "II.1.đ=Công bố kết quả",
         "II.1.1=Tổ chức hội nghị", "II.1.2=Tập huấn", "III=TỔ CHỨC THỰC HIỆN"}));
  const auto nodes = ExtractOutline(text);
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes[1].label, "II");
  EXPECT_EQ(text.substr(nodes[1].span.begin, nodes[1].span.end - nodes[1].span.begin),
            "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU");
  EXPECT_EQ(nodes[1].children[0].children[2].label, "1.1");
}

TEST(OutlineTest, LegalChapterArticleClausePoint) {
  const std::string text =
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
      "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy định này áp dụng.\n"
      "Điều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước tỉnh Bình Sơn.\n2. Tổ chức:\n"
      "a) Doanh nghiệp;\nb) Hợp tác xã.\nChương 2\nQUY ĐỊNH CỤ THỂ\nMục 1. LẬP KẾ HOẠCH\n"
      "Điều 3a. Nội dung bổ sung\nĐiều 47 của Luật này không áp dụng.\n";
  EXPECT_EQ(Paths(text),
            (V{"CI=NHỮNG QUY ĐỊNH CHUNG", "CI.D1=Phạm vi điều chỉnh", "CI.D2=Đối tượng áp dụng",
               "CI.D2.1=Cơ quan nhà nước tỉnh Bình Sơn.",
               "CI.D2.2=Tổ chức:", "CI.D2.2.a=Doanh nghiệp;", "CI.D2.2.b=Hợp tác xã.",
               "C2=QUY ĐỊNH CỤ THỂ", "C2.M1=LẬP KẾ HOẠCH", "C2.M1.D3a=Nội dung bổ sung"}));
  const auto nodes = ExtractOutline(text);
  EXPECT_EQ(nodes[0].label, "Chương I");
  EXPECT_EQ(nodes[0].children[0].label, "Điều 1");
  // The span of a heading on two lines covers both.
  EXPECT_EQ(text.substr(nodes[0].span.begin, nodes[0].span.end - nodes[0].span.begin),
            "Chương I\nNHỮNG QUY ĐỊNH CHUNG");
}

TEST(OutlineTest, PartyRomanWithHyphen) {
  const std::string text =
      "ĐẢNG BỘ TỈNH BÌNH SƠN\nSố 05-NQ/TU\nNGHỊ QUYẾT\n"
      "I- TÌNH HÌNH VÀ NGUYÊN NHÂN\n1. Kết quả đạt được\nII - MỤC TIÊU\nIII – NHIỆM VỤ\n";
  EXPECT_EQ(Paths(text), (V{"I=TÌNH HÌNH VÀ NGUYÊN NHÂN", "I.1=Kết quả đạt được", "II=MỤC TIÊU",
                            "III=NHIỆM VỤ"}));
}

TEST(OutlineTest, MarkdownBoldHeadingsAcrossLines) {
  const std::string text =
      "**KẾ HOẠCH**\n\n**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\n- Quán triệt.\n\n"
      "## II. NỘI DUNG\n\n*a) Điểm in nghiêng*\n\n**Điều 1. **Ban\nhành kèm theo.\n";
  EXPECT_EQ(Paths(text), (V{"I=MỤC ĐÍCH, YÊU CẦU", "I.1=Mục đích", "II=NỘI DUNG",
                            "II.a=Điểm in nghiêng", "D1=Ban hành kèm theo."}));
}

TEST(OutlineTest, SkipsFalseHeadings) {
  const std::string text =
      "Căn cứ Quyết định số 10/QĐ-UBND;\n"
      "| 1. | 00070 | Phường Một |\n| 2. | 00082 | Phường Hai |\n"
      "Hà Nội, ngày 5 tháng 3 năm\n2025. Các đơn vị thực hiện.\n"
      "Chương trình hành động\nMục tiêu chung\nPhần mềm quản lý\n"
      "1.000 tỷ đồng\n80.03 Thiếc ở dạng thanh\n1) liệt kê\n1/ Họ và tên\nv.v. và các việc khác\n";
  EXPECT_TRUE(Paths(text).empty());
}

TEST(OutlineTest, SkipsHeaderRecipientsAndQuotes) {
  const std::string text =
      "II. Dòng lạ trong phần đầu\nCăn cứ Luật Ban hành văn bản;\nQUYẾT ĐỊNH:\n"
      "Điều 1. Ban hành Kế hoạch.\nĐiều 2. Sửa đổi Điều 5 như sau:\n"
      "“Điều 5. Nội dung mới\n1. Khoản được trích dẫn.\n2. Khoản khác.”\n"
      "Điều 3. Hiệu lực thi hành.\n"
      "Nơi nhận:\n- Như Điều 3;\n1. Bộ Nội vụ;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
      "KẾ HOẠCH\nThực hiện chương trình\nI. MỤC ĐÍCH\n1. Mục đích\n";
  EXPECT_EQ(Paths(text), (V{"D1=Ban hành Kế hoạch.", "D2=Sửa đổi Điều 5 như sau:",
                            "D3=Hiệu lực thi hành.", "I=MỤC ĐÍCH", "I.1=Mục đích"}));
}

TEST(OutlineTest, PartsAppendixAndOrdinals) {
  const std::string text =
      "PHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ\nI. Kết quả\nPhần II. PHƯƠNG HƯỚNG\n1. Mục tiêu\n"
      "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n1. Nhiệm vụ một\n";
  EXPECT_EQ(Paths(text), (V{"P1=ĐÁNH GIÁ KẾT QUẢ", "P1.I=Kết quả", "PII=PHƯƠNG HƯỚNG",
                            "PII.1=Mục tiêu", "PLI=DANH MỤC NHIỆM VỤ", "PLI.1=Nhiệm vụ một"}));
  EXPECT_EQ(ExtractOutline(text)[0].label, "Phần THỨ NHẤT");
}

TEST(OutlineTest, UnaccentedOcrAndLongHeadings) {
  std::string longline = "1. ";
  for (int i = 0; i < 40; ++i) longline += "chuyen doi so ";
  const std::string text = "Chuong II\nQUY DINH\nDieu 4. Trach nhiem\n" + longline + "\n";
  const auto nodes = ExtractOutline(text);
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].path, "CII");
  ASSERT_EQ(nodes[0].children.size(), 1u);
  EXPECT_EQ(nodes[0].children[0].path, "CII.D4");
  ASSERT_EQ(nodes[0].children[0].children.size(), 1u);
  const std::string& h = nodes[0].children[0].children[0].heading;
  EXPECT_LE(h.size(), 210u);
  EXPECT_TRUE(h.ends_with("…"));
  EXPECT_TRUE(h.starts_with("chuyen doi so"));
}

TEST(OutlineTest, ArabicSubLevelsWithoutParent) {
  const std::string text = "II. GIẢI PHÁP\n2.1. Tuyên truyền\n2.1.1. Báo chí\n2.2 Đào tạo\n";
  EXPECT_EQ(Paths(text),
            (V{"II=GIẢI PHÁP", "II.2.1=Tuyên truyền", "II.2.1.1=Báo chí", "II.2.2=Đào tạo"}));
}

TEST(OutlineTest, HardWrappedParagraphsSeparatedByBlankLines) {
  const std::string text =
      "**KẾ HOẠCH**\n\n**I. NHIỆM VỤ**\n\n**1. Mục tiêu**\n\n- Nâng cao\nnăng lực.\n\n"
      "2. Hoàn thiện hạ tầng công\nnghệ thông tin tỉnh Bình Sơn.\n\n"
      "**Điều 1. **Ban\nhành kèm theo Quyết định này.\n\n3. Khác\n- gạch đầu dòng\n\n"
      "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.\n\nĐoạn bốn.\n";
  EXPECT_EQ(Paths(text), (V{"I=NHIỆM VỤ", "I.1=Mục tiêu",
                            "I.2=Hoàn thiện hạ tầng công nghệ thông tin tỉnh Bình Sơn.",
                            "D1=Ban hành kèm theo Quyết định này.", "D1.3=Khác"}));
}

TEST(OutlineTest, LowerCaseContinuationLine) {
  EXPECT_EQ(Paths("Điều 1. Phạm vi điều chỉnh\nQuy định này áp dụng.\n1. Hoàn thiện hạ tầng công\n"
                  "nghệ thông tin.\nCác sở thực hiện.\n"),
            (V{"D1=Phạm vi điều chỉnh", "D1.1=Hoàn thiện hạ tầng công nghệ thông tin."}));
}

TEST(OutlineTest, BareBoldLabelTakesNextLine) {
  EXPECT_EQ(Paths("**IV. TỔ CHỨC THỰC HIỆN**\n\n**3.\nCông an tỉnh Bình Sơn**\n\n3.\n"),
            (V{"IV=TỔ CHỨC THỰC HIỆN", "IV.3=Công an tỉnh Bình Sơn"}));
}

TEST(OutlineTest, EmptyAndOddInput) {
  EXPECT_TRUE(ExtractOutline("").empty());
  EXPECT_TRUE(ExtractOutline("\n\n\n").empty());
  EXPECT_TRUE(ExtractOutline("Điều").empty());
  EXPECT_TRUE(ExtractOutline("Chương").empty());
  EXPECT_TRUE(ExtractOutline("I.").empty());
  EXPECT_TRUE(ExtractOutline("a)").empty());
  EXPECT_TRUE(ExtractOutline(std::string("\xC4", 1)).empty());
  const auto n = ExtractOutline("Chương I");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].heading, "");
}

}  // namespace
}  // namespace dondoc::parse
