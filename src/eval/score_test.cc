#include "eval/score.h"

#include <gtest/gtest.h>

namespace dondoc::eval {
namespace {

Document Doc(std::string number, std::string type_name, std::string title) {
  Document d;
  d.number = std::move(number);
  d.type_name = std::move(type_name);
  d.title = std::move(title);
  return d;
}

// A portal record: its type, number and title.
Gold PortalGold(std::string type, std::string code, std::string title) {
  Gold g;
  g.type = std::move(type);
  g.code = std::move(code);
  g.title = std::move(title);
  return g;
}

TEST(ScoreTest, GoldLine) {
  auto g = ParseGoldLine(
      R"({"file": "a.txt", "source": "tnt", "code": "12/KH-UBND", "year": 2026, "issuer": null})");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->code, "12/KH-UBND");
  EXPECT_EQ(g->year, 2026);
  EXPECT_EQ(g->issuer, "");
  EXPECT_FALSE(ParseGoldLine("not json"));
}

TEST(ScoreTest, NumberByCodeOrRunningNumber) {
  Gold g;
  g.code = "35-NQ/TW";
  EXPECT_TRUE(*MatchNumber(Doc("35-NQ/TW", "", ""), g));
  EXPECT_FALSE(*MatchNumber(Doc("36-NQ/TW", "", ""), g));
  Gold n;
  n.number = "05";
  EXPECT_TRUE(*MatchNumber(Doc("5/KH-UBND", "", ""), n));
  EXPECT_FALSE(MatchNumber(Doc("5/KH-UBND", "", ""), Gold{}).has_value());
}

TEST(ScoreTest, IssuerFormsOfTheSameBody) {
  Document d;
  d.issuer = Issuer{"VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG", "", {}};
  Gold g;
  g.issuer = "Văn phòng Ban Chấp hành Trung ương";
  EXPECT_TRUE(*MatchIssuer(d, g));
  d.issuer = Issuer{"BỘ Y TẾ", "", "", {}};
  g.issuer = "Bộ trưởng Bộ Y tế";
  EXPECT_TRUE(*MatchIssuer(d, g));
  g.issuer = "Bộ Tài chính";
  EXPECT_FALSE(*MatchIssuer(d, g));
  d.issuer = Issuer{"CHÍNH PHỦ", "", "", {}};
  g.issuer = "Văn phòng Chính phủ";
  EXPECT_FALSE(*MatchIssuer(d, g));  // a shorter name of ours is not the published body
}

TEST(ScoreTest, TitleAgainstPortalTitles) {
  Gold g;
  g.type = "Quyết định";
  g.code = "81/2026/QĐ-UBND";
  g.title =
      "Quyết định 81/2026/QĐ-UBND năm 2026 ban hành quy định quản lý chợ đêm do tỉnh Bình "
      "Sơn ban hành";
  EXPECT_TRUE(
      *MatchTitle(Doc("81/2026/QĐ-UBND", "Quyết định", "BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ ĐÊM"), g));
  EXPECT_FALSE(*MatchTitle(Doc("81/2026/QĐ-UBND", "Quyết định", "BAN HÀNH"), g));
  Gold only_number;
  only_number.type = "Nghị định";
  only_number.title = "Nghị định 61-CP";
  EXPECT_FALSE(MatchTitle(Doc("61-CP", "Nghị định", "X"), only_number).has_value());
}

// The portal's template words around a telegram's subject: "về" before it, "do … điện" after.
TEST(ScoreTest, TelegramPortalTitle) {
  const Gold g =
      PortalGold("Công điện", "07/CĐ-UBND",
                 "Công điện 07/CĐ-UBND năm 2026 về phòng, chống bão số 3 do tỉnh Bình Sơn điện");
  EXPECT_TRUE(*MatchTitle(Doc("07/CĐ-UBND", "Công điện", "Phòng, chống bão số 3"), g));
  // A subject that ends in "điện" keeps it outside telegrams.
  const Gold q = PortalGold("Quyết định", "8/QĐ-UBND",
                            "Quyết định 8/QĐ-UBND về giá bán lẻ điện do tiết kiệm điện");
  EXPECT_FALSE(*MatchTitle(Doc("8/QĐ-UBND", "Quyết định", "Giá bán lẻ"), q));
}

// "… <issuer> ban hành" without "do" closes a portal title too; the issuer's words are known
// from the document (or the gold).
TEST(ScoreTest, PortalClosingIssuerWithoutDo) {
  const Gold g = PortalGold(
      "Công văn", "390/CHQ-GSQL",
      "Công văn 390/CHQ-GSQL năm 2026 về hàng hóa gửi kho ngoại quan Cục Hải quan ban hành");
  Document d = Doc("390/CHQ-GSQL", "Công văn", "hàng hóa gửi kho ngoại quan");
  d.issuer = Issuer{"Cục Hải quan", "", "", {}};
  EXPECT_TRUE(*MatchTitle(d, g));
  d.issuer.reset();  // the words stay when no issuer says they are one
  EXPECT_FALSE(*MatchTitle(d, g));
}

// "thuế GTGT" is "thuế giá trị gia tăng".
TEST(ScoreTest, TitleAbbreviationsWrittenOut) {
  const Gold g = PortalGold(
      "Công văn", "52/CT-CS",
      "Công văn 52/CT-CS năm 2026 về chính sách thuế giá trị gia tăng do Cục Thuế ban hành");
  EXPECT_TRUE(*MatchTitle(Doc("52/CT-CS", "Công văn", "Chính sách thuế GTGT"), g));
  EXPECT_FALSE(*MatchTitle(Doc("52/CT-CS", "Công văn", "Chính sách thuế TNCN"), g));
}

// "số" and "năm" before a number are cleaned from our title as from the gold's, so a title
// citing documents is not judged on words the portal's cleaning removed from its side only.
TEST(ScoreTest, TitleCitationWordsCleanedOnBothSides) {
  const Gold g =
      PortalGold("Kế hoạch", "12/KH-UBND",
                 "Kế hoạch 12/KH-UBND thực hiện Nghị quyết số 05/NQ-HĐND năm 2025 về chợ đêm");
  EXPECT_TRUE(*MatchTitle(
      Doc("12/KH-UBND", "Kế hoạch", "Thực hiện Nghị quyết số 05/NQ-HĐND năm 2025 về chợ đêm"), g));
}

TEST(ScoreTest, ContainedTitleForgivesPortalParaphrase) {
  Gold g;
  g.type = "Công văn";
  g.code = "56/CT-CS";
  g.title =
      "Công văn 56/CT-CS năm 2026 về chính sách thuế nhà thầu đối với khoản chi phí phát "
      "sinh ở nước ngoài do Cục Thuế ban hành";
  const Document d = Doc("56/CT-CS", "Công văn", "chính sách thuế nhà thầu");
  EXPECT_FALSE(*MatchTitle(d, g));
  EXPECT_TRUE(*MatchTitleContained(d, g));
  // A title cut after a dangling "của" is not forgiven.
  EXPECT_FALSE(*MatchTitleContained(Doc("56/CT-CS", "Công văn", "chính sách thuế của"), g));
}

}  // namespace
}  // namespace dondoc::eval
