#include "parse/recipients.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::parse {
namespace {

std::string_view Cut(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

std::vector<std::string> Names(const std::vector<Recipient>& v) {
  std::vector<std::string> out;
  for (const Recipient& r : v) out.push_back(r.name);
  return out;
}

using Strings = std::vector<std::string>;

TEST(RecipientsTest, StateListWithPurposes) {
  const std::string text =
      "Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
      "Nơi nhận:\n"
      "- Như Điều 3;\n"
      "- Bộ Tài chính (để b/c);\n"
      "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n"
      "- Sở Xây dựng (để thực hiện);\n"
      "- Các sở, ban, ngành (để phối hợp);\n"
      "- Cổng TTĐT tỉnh (để đăng tải);\n"
      "- Lưu: VT, KT(2b).\n\n"
      "KT. CHỦ TỊCH\n";
  const auto v = ExtractRecipients(text);
  EXPECT_EQ(Names(v), (Strings{"Như Điều 3", "Bộ Tài chính", "TT Tỉnh ủy, TT HĐND tỉnh",
                               "Sở Xây dựng", "Các sở, ban, ngành", "Cổng TTĐT tỉnh"}));
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v[0].purpose, "");
  EXPECT_EQ(v[1].purpose, "b/c");
  EXPECT_EQ(v[2].purpose, "b/c");
  EXPECT_EQ(v[3].purpose, "t/h");
  EXPECT_EQ(v[4].purpose, "p/h");
  EXPECT_EQ(v[5].purpose, "đăng tải");
  EXPECT_EQ(Cut(text, v[1].span), "Bộ Tài chính");
  EXPECT_EQ(Cut(text, v[0].span), "Như Điều 3");
}

TEST(RecipientsTest, MarkdownTableSharedWithSignature) {
  const std::string text =
      "| **Nơi nhận:** - Như Điều 3; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ "
      "TỊCH** **Nguyễn Văn An** |\n|---|---|\n";
  const auto v = ExtractRecipients(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "Như Điều 3");
  EXPECT_EQ(Cut(text, v[0].span), "Như Điều 3");
}

TEST(RecipientsTest, FlattenedOneLineList) {
  const auto v = ExtractRecipients(
      "| Nơi nhận: - Như trên; - Thủ tướng Chính phủ (để b/c); - Sở Lao động - Thương binh và "
      "Xã hội; - Lưu: VT, KH (2b) | KT. BỘ TRƯỞNG THỨ TRƯỞNG Lâm Văn Đức |\n|---|---|\n");
  EXPECT_EQ(Names(v),
            (Strings{"Như trên", "Thủ tướng Chính phủ", "Sở Lao động - Thương binh và Xã hội"}));
  EXPECT_EQ(v[1].purpose, "b/c");
}

TEST(RecipientsTest, GridTableWrappedCells) {
  const std::string text =
      "+-----------------------------+------------------------+\n"
      "| ***Nơi nhận:\\***            | **TM. ỦY BAN NHÂN DÂN\\ |\n"
      "| - Chính phủ;\\               | CHỦ TỊCH\\               |\n"
      "| - Ủy ban MTTQ Việt Nam      | \\                       |\n"
      "| tỉnh Bình Sơn;\\             | Trần Minh Khoa**        |\n"
      "| - Lưu: VT, TH.              |                         |\n"
      "+-----------------------------+------------------------+\n";
  const auto v = ExtractRecipients(text);
  EXPECT_EQ(Names(v), (Strings{"Chính phủ", "Ủy ban MTTQ Việt Nam tỉnh Bình Sơn"}));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_TRUE(Cut(text, v[1].span).starts_with("Ủy ban MTTQ Việt Nam"));
  EXPECT_TRUE(Cut(text, v[1].span).ends_with("tỉnh Bình Sơn"));
}

TEST(RecipientsTest, PartyStyleLuuVanPhong) {
  const auto v = ExtractRecipients(
      "Nơi nhận:\n- Các huyện ủy, thị ủy,\n  đảng ủy trực thuộc,\n- Các đồng chí Tỉnh ủy viên,\n"
      "- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\n");
  EXPECT_EQ(Names(v),
            (Strings{"Các huyện ủy, thị ủy, đảng ủy trực thuộc", "Các đồng chí Tỉnh ủy viên"}));
}

TEST(RecipientsTest, CongVanKinhGuiOneLine) {
  const auto v = ExtractRecipients(
      "Số: 15/STC-QLG\nV/v hướng dẫn giá\n\nKính gửi: Ủy ban nhân dân các huyện, thị xã\n\n"
      "Thực hiện Quyết định số 10/QĐ-UBND, Sở Tài chính hướng dẫn như sau.\n\n"
      "Nơi nhận:\n- Như trên;\n- Giám đốc Sở (b/c);\n- Lưu: VT, QLG.\n");
  EXPECT_EQ(Names(v), (Strings{"Ủy ban nhân dân các huyện, thị xã", "Như trên", "Giám đốc Sở"}));
  EXPECT_EQ(v[2].purpose, "b/c");
}

TEST(RecipientsTest, KinhGuiWrappedOnNextLine) {
  const auto v = ExtractRecipients(
      "**Kính gửi:** Các\nChi cục Thuế khu vực.\nNgày 01/7/2025, Bộ Tài chính ban hành\n");
  EXPECT_EQ(Names(v), (Strings{"Các Chi cục Thuế khu vực"}));
}

TEST(RecipientsTest, KinhGuiList) {
  const auto v = ExtractRecipients(
      "**Kính gửi:**\n- Sở Nội vụ;\n- Sở Tư pháp;\n- Ủy ban nhân dân các xã.\n\nThực hiện chỉ "
      "đạo của Ủy ban nhân dân tỉnh Bình Sơn về việc rà soát.\n");
  EXPECT_EQ(Names(v), (Strings{"Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân các xã"}));
}

TEST(RecipientsTest, KinhGuiInNextTableCell) {
  const auto v =
      ExtractRecipients("| Kính gửi: | - Sở Y tế; - Bệnh viện Đa khoa tỉnh |\n|---|---|\n");
  EXPECT_EQ(Names(v), (Strings{"Sở Y tế", "Bệnh viện Đa khoa tỉnh"}));
}

TEST(RecipientsTest, KinhGuiAfterDocumentIsBanner) {
  const auto v = ExtractRecipients(
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\n\n**Kính gửi:** Quý Thành viên,\n");
  EXPECT_EQ(Names(v), (Strings{"Như trên"}));
}

TEST(RecipientsTest, UnaccentedOcr) {
  const auto v =
      ExtractRecipients("Noi nhan:\n\n- Nhu tren;\n\n- Cuc Thue tinh (de b/c);\n\n- Luu: VT.\n");
  EXPECT_EQ(Names(v), (Strings{"Nhu tren", "Cuc Thue tinh"}));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].purpose, "b/c");
}

TEST(RecipientsTest, StopsAtSignatureWithoutLuu) {
  const auto v = ExtractRecipients(
      "Nơi nhận:\n- Sở Công Thương;\n- Sở Tài chính.\nKT. GIÁM ĐỐC\n"
      "PHÓ GIÁM ĐỐC\nVũ Thanh Tùng\n");
  EXPECT_EQ(Names(v), (Strings{"Sở Công Thương", "Sở Tài chính"}));
}

TEST(RecipientsTest, StopsAtBlankGap) {
  const auto v = ExtractRecipients(
      "Nơi nhận:\n- Sở Công Thương;\n- Sở Tài chính.\n\n"
      "Phụ lục kèm theo văn bản này.\n");
  EXPECT_EQ(Names(v), (Strings{"Sở Công Thương", "Sở Tài chính"}));
}

TEST(RecipientsTest, SeveralOnOneItemLineAndBullets) {
  const auto v =
      ExtractRecipients("Nơi nhận:\n• Bộ Nội vụ; Bộ Tư pháp;\n+ UBND huyện Đông Sơn;\n- Lưu VT.\n");
  EXPECT_EQ(Names(v), (Strings{"Bộ Nội vụ", "Bộ Tư pháp", "UBND huyện Đông Sơn"}));
}

TEST(RecipientsTest, OtherBracketsStayInName) {
  const auto v = ExtractRecipients("Nơi nhận:\n- Vụ Pháp chế (Bộ Tài chính);\n- Lưu: VT.\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "Vụ Pháp chế (Bộ Tài chính)");
  EXPECT_EQ(v[0].purpose, "");
}

TEST(RecipientsTest, ProseMentionIsNoAnchor) {
  EXPECT_TRUE(
      ExtractRecipients("Nơi nhận hồ sơ: Bộ phận một cửa của Ủy ban nhân dân xã.\n").empty());
  EXPECT_TRUE(ExtractRecipients("").empty());
  EXPECT_TRUE(ExtractRecipients("Điều 1. Nội dung.\n").empty());
}

TEST(RecipientsTest, HtmlLineBreaks) {
  const auto v =
      ExtractRecipients("<p><i>Nơi nhận: <br>\n- Văn phòng Chính phủ;<br>\n- Lưu: VT.</i></p>\n");
  EXPECT_EQ(Names(v), (Strings{"Văn phòng Chính phủ"}));
}

}  // namespace
}  // namespace dondoc::parse
