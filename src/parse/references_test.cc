#include "parse/references.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::parse {
namespace {

// "type|number|date|issuer|name" per reference.
std::vector<std::string> Refs(std::string_view text, std::string_view own = "") {
  std::vector<std::string> out;
  for (const Reference& r : ExtractReferences(text, own)) {
    out.push_back(r.type + "|" + r.number + "|" + r.date + "|" + r.issuer + "|" + r.name);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(ReferencesTest, StateCitationWithDateAndIssuer) {
  const std::string text =
      "Căn cứ Quyết định số 1497/QĐ-TTg ngày 18 tháng 10 năm 2022 của Thủ tướng Chính phủ về "
      "việc ban hành Chương trình cải cách hành chính;";
  EXPECT_EQ(Refs(text), (V{"QĐ|1497/QĐ-TTg|2022-10-18|Thủ tướng Chính phủ|"}));
  const auto refs = ExtractReferences(text, "");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(text.substr(refs[0].span.begin, refs[0].span.end - refs[0].span.begin),
            "Quyết định số 1497/QĐ-TTg ngày 18 tháng 10 năm 2022 của Thủ tướng Chính phủ");
}

TEST(ReferencesTest, PartyStyleCommaBeforeDate) {
  EXPECT_EQ(Refs("Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về tăng "
                 "cường bảo vệ nền tảng tư tưởng của Đảng; Kế hoạch số 13-KH/TU, ngày 05/3/2019 "
                 "của Ban Thường vụ Tỉnh ủy Bình Sơn."),
            (V{"NQ|35-NQ/TW|2018-10-22|Bộ Chính trị|",
               "KH|13-KH/TU|2019-03-05|Ban Thường vụ Tỉnh ủy Bình Sơn|"}));
}

TEST(ReferencesTest, WithoutSoAndWithoutDate) {
  EXPECT_EQ(Refs("Theo Nghị định 30/2020/NĐ-CP và Thông tư số 10/2016/TT-BTTTT; căn cứ Kế "
                 "hoạch số 13/KH-STTTT."),
            (V{"NĐ|30/2020/NĐ-CP|||", "TT|10/2016/TT-BTTTT|||", "KH|13/KH-STTTT|||"}));
}

TEST(ReferencesTest, NormalizesNumberAndExcludesOwn) {
  EXPECT_EQ(Refs("Xét Tờ trình số 15/TTr- STTTT ngày 02/3/2020 của Sở Thông tin và Truyền "
                 "thông. Kèm theo Quyết định số 20/QĐ-UBND ngày 03/3/2020 của UBND tỉnh Bình Sơn.",
                 "20/QĐ-UBND"),
            (V{"TTr|15/TTr-STTTT|2020-03-02|Sở Thông tin và Truyền thông|"}));
}

TEST(ReferencesTest, LawsByNameAndNumber) {
  EXPECT_EQ(
      Refs("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
           "Căn cứ Luật An ninh mạng số 24/2018/QH14 ngày 12 tháng 6 năm 2018;\n"
           "Căn cứ Bộ luật Lao động;\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
           "Căn cứ Luật Phòng, chống tham nhũng và Luật Đo đạc và bản đồ;\n"
           "Căn cứ Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015;"),
      (V{"||2015-06-19||Luật Tổ chức chính quyền địa phương",
         "|24/2018/QH14|2018-06-12||Luật An ninh mạng", "||||Bộ luật Lao động",
         "||||Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
         "||||Luật Phòng, chống tham nhũng", "||||Luật Đo đạc và bản đồ",
         "||2015-06-25||Luật ngân sách nhà nước"}));
}

TEST(ReferencesTest, NoFalseNameCitations) {
  EXPECT_TRUE(Refs("Thực hiện theo quy định của pháp luật. Luật này có hiệu lực. Các văn bản "
                   "quy phạm pháp luật hiện hành. Luật sửa đổi, bổ sung một số điều. luật đất "
                   "đai hiện hành.")
                  .empty());
}

TEST(ReferencesTest, NotFromPlainNumbersDatesPhonesClauses) {
  EXPECT_TRUE(Refs("Theo khoản 2 Điều 3, ngày 15/7/2020, điện thoại 0270.3822.123, "
                   "số 12 đường Lê Lợi, 1.000 tỷ đồng, quyết định số lượng 15/20 người.")
                  .empty());
}

TEST(ReferencesTest, DedupeKeepsFirstSpanAndFillsIn) {
  const std::string text =
      "BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA "
      "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Quyết định số 06/QĐ-TTg ngày 02 tháng 01 năm 2025 của Thủ "
      "tướng Chính phủ về Đề án; Quyết định 6/QĐ-TTg.";
  const auto refs = ExtractReferences(text, "");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].number, "06/QĐ-TTg");
  EXPECT_EQ(refs[0].issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(refs[0].date, "2025-01-02");
  EXPECT_EQ(refs[0].span.begin, text.find("QUYẾT ĐỊNH SỐ"));
}

TEST(ReferencesTest, MarkdownAndLineBreaksInsideCitation) {
  const std::string text =
      "*Căn cứ Nghị quyết số* *203/2025/QH15;*\n*Căn cứ Quyết định số\n"
      "12/2024/QĐ-UBND ngày 05 tháng\n3 năm 2024 của Ủy ban nhân dân tỉnh Bình\nSơn;*";
  EXPECT_EQ(Refs(text), (V{"NQ|203/2025/QH15|||",
                           "QĐ|12/2024/QĐ-UBND|2024-03-05|Ủy ban nhân dân tỉnh Bình Sơn|"}));
  const auto refs = ExtractReferences(text, "");
  const Span s = refs[1].span;
  EXPECT_EQ(text.substr(s.begin, s.end - s.begin),
            "Quyết định số\n12/2024/QĐ-UBND ngày 05 tháng\n3 năm 2024 của Ủy ban nhân dân tỉnh "
            "Bình\nSơn");
}

TEST(ReferencesTest, UnaccentedOcr) {
  EXPECT_EQ(Refs("Can cu Nghi dinh so 45/2020/ND-CP ngay 08/4/2020 cua Chinh phu ve thu tuc."),
            (V{"NĐ|45/2020/ND-CP|2020-04-08|Chinh phu|"}));
}

TEST(ReferencesTest, WordsBeforeNumberListsAndGenericDocuments) {
  EXPECT_EQ(Refs("Kế hoạch hành động số 459-KHHĐ/TU ngày 21/5/2025 của Thành ủy; các Nghị định "
                 "số 15/2020/NĐ-CP, số 14/2022/NĐ-CP và 17/2023/NĐ-CP; văn bản số 123/UBND-VX "
                 "ngày 4/1/2021; Thông báo kết luận số 12-TB/TU."),
            (V{"KH|459-KHHĐ/TU|2025-05-21|Thành ủy|", "NĐ|15/2020/NĐ-CP|||", "NĐ|14/2022/NĐ-CP|||",
               "NĐ|17/2023/NĐ-CP|||", "|123/UBND-VX|2021-01-04||", "TB|12-TB/TU|||"}));
}

TEST(ReferencesTest, QuyDinhVersusQuyetDinhAndIssuerStops) {
  EXPECT_EQ(Refs("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương về trách "
                 "nhiệm nêu gương; Chỉ thị số 05-CT/TW của Bộ Chính trị, Quyết định số "
                 "100/QĐ-UBND của UBND tỉnh Bình Sơn phê duyệt đề án."),
            (V{"QyĐ|08-QĐi/TW|2018-10-25|Ban Chấp hành Trung ương|", "CT|05-CT/TW||Bộ Chính trị|",
               "QĐ|100/QĐ-UBND||UBND tỉnh Bình Sơn|"}));
}

TEST(ReferencesTest, NameOnlyDedupeAndNumberMerge) {
  EXPECT_EQ(Refs("Căn cứ Luật An ninh mạng; thực hiện Luật An ninh mạng số 24/2018/QH14. "
                 "Luật Đất đai năm 2013 và Luật Đất đai năm 2024."),
            (V{"|24/2018/QH14|||Luật An ninh mạng", "||||Luật Đất đai"}));
}

TEST(ReferencesTest, EmptyAndTruncatedInput) {
  EXPECT_TRUE(Refs("").empty());
  EXPECT_TRUE(Refs("Nghị quyết số").empty());
  EXPECT_TRUE(Refs("Nghị quyết số 35-").empty());
  EXPECT_TRUE(Refs("Luật").empty());
  EXPECT_EQ(Refs("Nghị quyết 35-NQ/TW, ngày"), (V{"NQ|35-NQ/TW|||"}));
  EXPECT_EQ(Refs("Quyết định số 5/QĐ-UBND của"), (V{"QĐ|5/QĐ-UBND|||"}));
}

// Ⱥ (U+023A, two bytes) folds to ⱥ (U+2C65, three): a fold longer than its text. The clean
// fold must still have room for the ASCII after it (it once wrote past its buffer here).
TEST(ReferencesTest, FoldLongerThanTextBeforeAsciiTail) {
  std::string text;
  for (int k = 0; k < 64; ++k) text += "\u023Aa";  // each run one letter: +1 byte each
  text += " Nghị quyết số 35-NQ/TW " + std::string(200, 'x');
  EXPECT_EQ(Refs(text), (V{"NQ|35-NQ/TW|||"}));
}

}  // namespace
}  // namespace dondoc::parse
