// Header extraction on the layouts documents really arrive in. All text is fictional.
#include "parse/header.h"

#include <gtest/gtest.h>

#include <string>

namespace dondoc::parse {
namespace {

std::string SpanText(std::string_view text, Span s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

TEST(HeaderTest, PlainLines) {
  const std::string t =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSỞ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 45/KH-SYT\n"
      "Bình Sơn, ngày 28 tháng 01 năm 2026\n\nKẾ HOẠCH\nPhòng, chống dịch bệnh mùa Đông - Xuân\n"
      "năm 2026\n\nCăn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "SỞ Y TẾ");
  EXPECT_EQ(h.issuer->parent, "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN");
  EXPECT_EQ(h.number, "45/KH-SYT");
  EXPECT_EQ(SpanText(t, h.number_span), "45/KH-SYT");
  EXPECT_EQ(h.type, "KH");
  EXPECT_EQ(h.type_name, "Kế hoạch");
  EXPECT_EQ(h.place, "Bình Sơn");
  EXPECT_EQ(SpanText(t, h.place_span), "Bình Sơn");
  EXPECT_EQ(h.date, "2026-01-28");
  EXPECT_EQ(SpanText(t, h.date_span), "ngày 28 tháng 01 năm 2026");
  EXPECT_EQ(h.title, "Phòng, chống dịch bệnh mùa Đông - Xuân năm 2026");
  EXPECT_TRUE(h.national_motto);
}

TEST(HeaderTest, MarkdownTableCellsWithBoldAndWrappedDate) {
  const std::string t =
      "|\n**ỦY BAN NHÂN\nDÂN**\n**TỈNH BÌNH SƠN**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT "
      "NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 81/2026/QĐ-UBND\n|\n"
      "*Bình Sơn, ngày 25\ntháng 11 năm 2026*\n|\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY ĐỊNH QUẢN LÝ\n"
      "CHỢ ĐÊM TỈNH BÌNH SƠN\n\n**ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN**\n\n*Căn cứ Luật Tổ chức chính "
      "quyền địa phương;*\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN");
  EXPECT_EQ(h.issuer->parent, "");
  EXPECT_EQ(h.number, "81/2026/QĐ-UBND");
  EXPECT_EQ(h.type_name, "Quyết định");
  EXPECT_EQ(h.date, "2026-11-25");
  EXPECT_EQ(h.place, "Bình Sơn");
  EXPECT_EQ(h.title, "BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ ĐÊM TỈNH BÌNH SƠN");
}

TEST(HeaderTest, OneRowPipeTable) {
  const std::string t =
      "| BỘ NỘI VỤ -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
      "--------------- |\n|---|---|\n| Số: 07/2026/TT-BNV | Hà Nội, ngày 14 tháng 4 năm 2026 |\n\n"
      "THÔNG TƯ\n\nHƯỚNG DẪN CHẾ ĐỘ LƯU TRỮ HỒ SƠ ĐIỆN TỬ\n\nCăn cứ Luật Lưu trữ;\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "BỘ NỘI VỤ");
  EXPECT_EQ(h.number, "07/2026/TT-BNV");
  EXPECT_EQ(h.type_name, "Thông tư");
  EXPECT_EQ(h.place, "Hà Nội");
  EXPECT_EQ(h.date, "2026-04-14");
  EXPECT_EQ(h.title, "HƯỚNG DẪN CHẾ ĐỘ LƯU TRỮ HỒ SƠ ĐIỆN TỬ");
}

TEST(HeaderTest, PandocColumnsSharingLines) {
  const std::string t =
      "  ------------------- ----------------------------------\n"
      "    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\n"
      "         QUỐC HỘI\\                 Độc lập - Tự do - Hạnh phúc\\\n\n"
      "   Số: 1700/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2026*\n"
      "  ------------------- ----------------------------------\n\n**NGHỊ QUYẾT**\n\n"
      "VỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH BÌNH SƠN\n\n*Căn cứ* *Hiến pháp;*\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "ỦY BAN THƯỜNG VỤ QUỐC HỘI");
  EXPECT_EQ(h.number, "1700/NQ-UBTVQH15");
  EXPECT_EQ(h.date, "2026-06-16");
  EXPECT_EQ(h.type_name, "Nghị quyết");
  EXPECT_EQ(h.title, "VỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH BÌNH SƠN");
  // The columns are reordered, so the issuer's lines are not in text order: the span covers
  // them all and is never inverted (a fuzzer finding).
  EXPECT_LE(h.issuer->span.begin, h.issuer->span.end);
  EXPECT_NE(SpanText(t, h.issuer->span).find("QUỐC HỘI"), std::string::npos);
}

TEST(HeaderTest, FlattenedHeader) {
  const std::string t =
      "Luật Đường thủy 2026\nQUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do "
      "- "
      "Hạnh phúc --------------- Luật số:\n95/2026/QH15\nHà Nội, ngày 27 tháng 6 năm 2026 LUẬT "
      "ĐƯỜNG THỦY NỘI ĐỊA\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "QUỐC HỘI");
  EXPECT_EQ(h.number, "95/2026/QH15");
  EXPECT_EQ(h.type_name, "Luật");
  EXPECT_EQ(h.date, "2026-06-27");
  EXPECT_EQ(h.title, "ĐƯỜNG THỦY NỘI ĐỊA");
}

TEST(HeaderTest, PartyHeaderWithoutColon) {
  const std::string t =
      "ĐẢNG BỘ TỈNH BÌNH SƠN\n**TỈNH ỦY**\n*\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\nSố 12-NQ/TU\n\n"
      "*Bình Sơn, ngày 15 tháng 5 năm 2026*\n\n**NGHỊ QUYẾT**\n**CỦA BAN THƯỜNG VỤ TỈNH ỦY**\n"
      "về phát triển nguồn nhân lực\n\nI- TÌNH HÌNH\n";
  const Header h = ExtractHeader(t);
  EXPECT_TRUE(h.party_header);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "TỈNH ỦY");
  EXPECT_EQ(h.issuer->parent, "ĐẢNG BỘ TỈNH BÌNH SƠN");
  EXPECT_EQ(h.number, "12-NQ/TU");
  EXPECT_EQ(h.type, "NQ");
  EXPECT_EQ(h.title, "về phát triển nguồn nhân lực");
}

TEST(HeaderTest, PartyQdIsQuyDinhWhenPrintedSo) {
  const std::string t =
      "TỈNH ỦY BÌNH SƠN\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 05-QĐ/TU\nBình Sơn, ngày 02 tháng 3 năm "
      "2026\n\nQUY ĐỊNH\nvề trách nhiệm nêu gương\n\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.type, "QĐ");
  EXPECT_EQ(h.type_name, "Quy định");
}

TEST(HeaderTest, CongVanTitleBeforeTheDate) {
  const std::string t =
      "UBND TỈNH BÌNH SƠN\nSỞ XÂY DỰNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự "
      "do - Hạnh phúc\n---------------\nSố: 742/SXD-QLXD\nV/v an toàn lao động tại công trình\n"
      "Bình Sơn, ngày 10 tháng 4 năm 2026\n\nKính gửi: Các chủ đầu tư trên địa bàn tỉnh.\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "742/SXD-QLXD");
  EXPECT_EQ(h.type_name, "Công văn");
  EXPECT_EQ(h.type, "");
  EXPECT_EQ(h.title, "an toàn lao động tại công trình");
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "SỞ XÂY DỰNG");
}

TEST(HeaderTest, StampAndCompanyNameAreSetAside) {
  const std::string t =
      "CÔNG TY TNHH XÂY DỰNG HÒA AN\nCÔNG VĂN ĐẾN\nSố: 310\nNgày: 14/4/2026\nChuyển: Phòng Kỹ "
      "thuật\n\nỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSỞ XÂY DỰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n\nSố: 742/SXD-QLXD\nV/v an toàn lao động\nBình Sơn, ngày 10 "
      "tháng 4 năm 2026\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "742/SXD-QLXD");
  EXPECT_EQ(h.date, "2026-04-10");
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "SỞ XÂY DỰNG");
  ASSERT_FALSE(h.warnings.empty());
  EXPECT_EQ(h.warnings[0].code, "stamp-ignored");
}

TEST(HeaderTest, PortalBannerIsNotTheHeader) {
  const std::string t =
      "Trang chủ > Văn bản\n**Số hiệu:**\n|\n99/CT-UBND\n|\n**Loại văn bản:**\n|\nChỉ thị\n|\n"
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\n|\nSố: 03/CT-UBND\n|\nBình Sơn, ngày 16 tháng 02 năm 2026\n|\n\nCHỈ THỊ\n"
      "Về phòng cháy, chữa cháy mùa khô\n\nThời gian qua …\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "03/CT-UBND");
  EXPECT_EQ(h.type_name, "Chỉ thị");
  EXPECT_EQ(h.title, "Về phòng cháy, chữa cháy mùa khô");
}

TEST(HeaderTest, UnaccentedOcrHeader) {
  const std::string t =
      "UBND TINH BINH SON\nSO Y TE\n\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh "
      "phuc\n\nSo: 45/KH-SYT\nBinh Son, ngay 28 thang 01 nam 2026\n\nKE HOACH\nPhong chong dich "
      "benh\n\nCan cu Luat;\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "45/KH-SYT");
  EXPECT_EQ(h.date, "2026-01-28");
  EXPECT_EQ(h.type_name, "Kế hoạch");
  EXPECT_TRUE(h.national_motto);
  bool warned = false;
  for (const auto& w : h.warnings) warned |= w.code == "unaccented-header";
  EXPECT_TRUE(warned);
}

TEST(HeaderTest, DecisionWithAttachedPlanKeepsItsOwnHeader) {
  const std::string t =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh "
      "phúc\n\nSố: 356/QĐ-UBND\nBình Sơn, ngày 03 tháng 02 năm 2026\n\nQUYẾT ĐỊNH\nBan hành Kế "
      "hoạch "
      "phát triển du lịch\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nỦY BAN NHÂN "
      "DÂN\nTỈNH BÌNH SƠN\n\nKẾ HOẠCH\nPhát triển du lịch cộng đồng\n(Kèm theo Quyết định số "
      "356/QĐ-UBND ngày 03/02/2026 của UBND tỉnh)\n\nI. MỤC ĐÍCH\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "356/QĐ-UBND");
  EXPECT_EQ(h.type_name, "Quyết định");
  ASSERT_EQ(h.attachments.size(), 1u);
  EXPECT_EQ(h.attachments[0].number, "356/QĐ-UBND");
  EXPECT_EQ(h.attachments[0].type_name, "Kế hoạch");
}

TEST(HeaderTest, NothingInventedWithoutAHeader) {
  const Header h = ExtractHeader("Một đoạn văn bình thường, không có tiêu đề.\nDòng thứ hai.\n");
  EXPECT_FALSE(h.issuer);
  EXPECT_EQ(h.number, "");
  EXPECT_EQ(h.date, "");
  EXPECT_EQ(h.type_name, "");
  EXPECT_EQ(h.title, "");
  EXPECT_FALSE(ExtractHeader("").issuer);
}

TEST(HeaderTest, HeaderOnlyIsWarned) {
  const std::string t =
      "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nBình "
      "Sơn, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện chuyển đổi số\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.number, "12/KH-UBND");
  bool warned = false;
  for (const auto& w : h.warnings) warned |= w.code == "header-only";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace dondoc::parse
