#include "parse/signers.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dondoc::parse {
namespace {

std::string_view Cut(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

TEST(SignersTest, StateNestedPrefixOnLines) {
  const std::string text =
      "Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Văn An\n";
  const auto v = ExtractSigners(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].for_title, "CHỦ TỊCH");
  EXPECT_EQ(v[0].position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(v[0].name, "Nguyễn Văn An");
  EXPECT_EQ(Cut(text, v[0].span),
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Văn An");
}

TEST(SignersTest, CollectiveWithChairman) {
  const auto v = ExtractSigners(
      "Nội dung.\n\n**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n(Đã ký)\n**Lê Thị Hoa**\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TM");
  EXPECT_EQ(v[0].for_title, "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(v[0].position, "CHỦ TỊCH");
  EXPECT_EQ(v[0].name, "Lê Thị Hoa");
}

TEST(SignersTest, PartySlashPrefix) {
  const auto v = ExtractSigners(
      "Các cấp ủy tổ chức thực hiện.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n[daky]\n\nĐinh Quang "
      "Minh\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TM");
  EXPECT_EQ(v[0].for_title, "BAN THƯỜNG VỤ");
  EXPECT_EQ(v[0].position, "PHÓ BÍ THƯ");
  EXPECT_EQ(v[0].name, "Đinh Quang Minh");
}

TEST(SignersTest, PartyBodyWithoutPosition) {
  const auto v =
      ExtractSigners("- Lưu Văn phòng Tỉnh ủy.\n|\n**T/M BAN BÍ THƯ**\nHoàng Văn Sơn\n|\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TM");
  EXPECT_EQ(v[0].for_title, "BAN BÍ THƯ");
  EXPECT_EQ(v[0].position, "");
  EXPECT_EQ(v[0].name, "Hoàng Văn Sơn");
}

TEST(SignersTest, PartyKT) {
  const auto v = ExtractSigners("K/T BÍ THƯ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nVõ Minh Tâm\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].for_title, "BÍ THƯ");
  EXPECT_EQ(v[0].position, "PHÓ BÍ THƯ THƯỜNG TRỰC");
}

TEST(SignersTest, MarkdownTableSharedWithRecipients) {
  const std::string text =
      "Điều 3. Các ông, bà có tên tại Điều 2 chịu trách nhiệm thi hành./.\n\n"
      "| **Nơi nhận:** - Như Điều 3; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ "
      "TỊCH** **Nguyễn Văn An** |\n|---|---|\n";
  const auto v = ExtractSigners(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].for_title, "CHỦ TỊCH");
  EXPECT_EQ(v[0].position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(v[0].name, "Nguyễn Văn An");
  EXPECT_TRUE(Cut(text, v[0].span).starts_with("TM. ỦY BAN"));
  EXPECT_TRUE(Cut(text, v[0].span).ends_with("Nguyễn Văn An"));
}

TEST(SignersTest, FlattenedOneLine) {
  const auto v = ExtractSigners("|  | KT. BỘ TRƯỞNG THỨ TRƯỞNG Phan Thanh Bình |\n|---|---|\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].for_title, "BỘ TRƯỞNG");
  EXPECT_EQ(v[0].position, "THỨ TRƯỞNG");
  EXPECT_EQ(v[0].name, "Phan Thanh Bình");
}

TEST(SignersTest, FlattenedCollective) {
  const auto v = ExtractSigners("TM. CHÍNH PHỦ THỦ TƯỚNG Trịnh Văn Lâm\nPHỤ LỤC\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].for_title, "CHÍNH PHỦ");
  EXPECT_EQ(v[0].position, "THỦ TƯỚNG");
  EXPECT_EQ(v[0].name, "Trịnh Văn Lâm");
}

TEST(SignersTest, GridTableColumns) {
  const std::string text =
      "+----------------------+-------------------------+\n"
      "| ***Nơi nhận:\\***     | **TM. HỘI ĐỒNG NHÂN DÂN\\ |\n"
      "| - Thường trực Tỉnh   | CHỦ TỊCH\\                |\n"
      "| ủy;\\                 | \\                        |\n"
      "| - Lưu: VT.           | Trần Minh Khoa**         |\n"
      "+----------------------+-------------------------+\n";
  const auto v = ExtractSigners(text);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TM");
  EXPECT_EQ(v[0].for_title, "HỘI ĐỒNG NHÂN DÂN");
  EXPECT_EQ(v[0].position, "CHỦ TỊCH");
  EXPECT_EQ(v[0].name, "Trần Minh Khoa");
}

TEST(SignersTest, WrappedTitles) {
  const auto v = ExtractSigners(
      "TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN QUẢN LÝ,\nGIÁM SÁT THUẾ\nPHÓ TRƯỞNG BAN\nPhạm Thu Hà\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].for_title, "TRƯỞNG BAN QUẢN LÝ, GIÁM SÁT THUẾ");
  EXPECT_EQ(v[0].position, "PHÓ TRƯỞNG BAN");
  EXPECT_EQ(v[0].name, "Phạm Thu Hà");
}

TEST(SignersTest, ThuaLenhAndDelegation) {
  auto v = ExtractSigners("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\n\nLò Văn Tùng\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TL");
  EXPECT_EQ(v[0].for_title, "BỘ TRƯỞNG");
  EXPECT_EQ(v[0].position, "VỤ TRƯỞNG VỤ PHÁP CHẾ");
  v = ExtractSigners("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ TÀI CHÍNH\nNgô Bảo Châu\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "TUQ");
  EXPECT_EQ(v[0].position, "GIÁM ĐỐC SỞ TÀI CHÍNH");
  v = ExtractSigners("Q. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐào Duy Anh\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "Q");
}

TEST(SignersTest, GluedPrefixAndPrefixAloneOnLine) {
  auto v = ExtractSigners("KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHà Văn Bình\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].for_title, "GIÁM ĐỐC");
  v = ExtractSigners("KT.\nCHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nHà Văn Bình\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "KT");
  EXPECT_EQ(v[0].position, "PHÓ CHÁNH VĂN PHÒNG");
}

TEST(SignersTest, WithoutPrefix) {
  auto v = ExtractSigners("Thông tư này có hiệu lực./.\n\nBỘ TRƯỞNG\n\nNguyễn Văn Bảo\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority, "");
  EXPECT_EQ(v[0].for_title, "");
  EXPECT_EQ(v[0].position, "BỘ TRƯỞNG");
  EXPECT_EQ(v[0].name, "Nguyễn Văn Bảo");
  v = ExtractSigners("CHỦ TỊCH\n(Đã ký)\nTrần Bình\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].position, "CHỦ TỊCH");
  EXPECT_EQ(v[0].name, "Trần Bình");
  v = ExtractSigners("- Lưu: VT, PC.\nCHỦ TỊCH QUỐC HỘI Hồ Minh Trí\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].position, "CHỦ TỊCH QUỐC HỘI");
}

TEST(SignersTest, IssuerHeadingIsNotASigner) {
  EXPECT_TRUE(ExtractSigners("QUYẾT ĐỊNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN\n\n"
                             "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
                  .empty());
}

TEST(SignersTest, NoBlock) {
  EXPECT_TRUE(ExtractSigners("").empty());
  EXPECT_TRUE(ExtractSigners("Điều 1. Phạm vi điều chỉnh.\nNội dung điều này.\n").empty());
}

TEST(SignersTest, NameNeverFromRecipientList) {
  const auto v =
      ExtractSigners("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNơi nhận:\n- Sở Tài chính;\n- Bùi Văn Nam;\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "");
  EXPECT_EQ(v[0].position, "PHÓ CHỦ TỊCH");
}

TEST(SignersTest, SurnameLuuIsAName) {
  const auto v = ExtractSigners("TL. GIÁM ĐỐC\nTRƯỞNG PHÒNG\n\nLưu Đức Hải\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "Lưu Đức Hải");
}

TEST(SignersTest, JointDocumentAndRepeatedAttachmentBlock) {
  const std::string text =
      "| KT. BỘ TRƯỞNG BỘ TÀI CHÍNH THỨ TRƯỞNG Lý Văn Hải | KT. BỘ TRƯỞNG BỘ Y TẾ THỨ TRƯỞNG "
      "Mạc Thị Lan |\n|---|---|\n\nQUY CHẾ\n...\nKT. BỘ TRƯỞNG BỘ TÀI CHÍNH\nTHỨ TRƯỞNG\nLý Văn "
      "Hải\n";
  const auto v = ExtractSigners(text);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].name, "Lý Văn Hải");
  EXPECT_EQ(v[0].for_title, "BỘ TRƯỞNG BỘ TÀI CHÍNH");
  EXPECT_EQ(v[1].name, "Mạc Thị Lan");
  EXPECT_EQ(v[1].for_title, "BỘ TRƯỞNG BỘ Y TẾ");
}

TEST(SignersTest, NameRunIntoAppendixHeading) {
  const auto v = ExtractSigners(
      "TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Lê Văn Hùng Phụ lục I (Kèm theo)\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "Lê Văn Hùng");
  EXPECT_EQ(v[0].position, "PHÓ THỦ TƯỚNG");
}

TEST(SignersTest, HtmlSignatureImage) {
  const auto v = ExtractSigners(
      "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n*<img src=\"https://example.org/a.png\" alt=\"Đã ký, đóng "
      "dấu\" height=\"80\"/>*\n\n**Hà Thu Trang**\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "Hà Thu Trang");
}

TEST(SignersTest, ProseMentionIsNoBlock) {
  EXPECT_TRUE(ExtractSigners("Văn bản do ông ký TM. ỦY BAN gửi các sở.\n").empty());
}

}  // namespace
}  // namespace dondoc::parse
