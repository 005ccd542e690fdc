// The trích yếu (title) in the header: where it ends and where it does not. One test per cause
// of a title cut short or run on, each named after the cause. All text is fictional.
#include <gtest/gtest.h>

#include <string>

#include "parse/header.h"

namespace dondoc::parse {
namespace {

const std::string kMinistryHead =
    "BỘ NỘI VỤ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n";

// The issuer's name inside the title with more capitals after it is part of the title, not
// the authority's line run into it.
TEST(HeaderTitleTest, IssuerNameInsideTheTitleDoesNotEndIt) {
  const std::string t =
      "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Luật số: 12/2026/QH16\nHà Nội, ngày 20 tháng 6 năm 2026\n\nLUẬT\n"
      "GIÁM SÁT CỦA ĐẠI BIỂU QUỐC HỘI VÀ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN\n"
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.title, "GIÁM SÁT CỦA ĐẠI BIỂU QUỐC HỘI VÀ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN");
}

// "… NGÀY 10 THÁNG 3 NĂM 2024" / "CỦA BỘ TRƯỞNG BỘ NỘI VỤ QUY ĐỊNH …": after a cited
// document's date, "CỦA …" names that document's author and the title goes on; the minister's
// ministry inside it is not the authority's line either.
TEST(HeaderTitleTest, AuthorOfACitedDocumentContinuesTheTitle) {
  const std::string t = kMinistryHead +
                        "Số: 08/2026/TT-BNV\nHà Nội, ngày 02 tháng 4 năm 2026\n\nTHÔNG TƯ\n"
                        "SỬA ĐỔI THÔNG TƯ SỐ 05/2024/TT-BNV NGÀY 10 THÁNG 3 NĂM 2024\n"
                        "CỦA BỘ TRƯỞNG BỘ NỘI VỤ QUY ĐỊNH CHẾ ĐỘ BÁO CÁO THỐNG KÊ\n"
                        "Căn cứ Luật Thống kê;\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.title,
            "SỬA ĐỔI THÔNG TƯ SỐ 05/2024/TT-BNV NGÀY 10 THÁNG 3 NĂM 2024 CỦA BỘ TRƯỞNG BỘ NỘI VỤ "
            "QUY ĐỊNH CHẾ ĐỘ BÁO CÁO THỐNG KÊ");
  // Without a citation before it, "CỦA <authority>" is still the author's line.
  const std::string party =
      "TỈNH ỦY BÌNH SƠN\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-KH/TU\nBình Sơn, ngày 02 tháng 3 năm "
      "2026\n\nKẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nI- "
      "MỤC TIÊU\n";
  EXPECT_EQ(ExtractHeader(party).title, "PHÁT TRIỂN KINH TẾ SỐ");
}

// A title whose last words name the issuer, with the authority's own line printed after it.
TEST(HeaderTitleTest, IssuerNameEndingTheTitleBeforeTheAuthorityLine) {
  const std::string t =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 310/QĐ-UBND\n"
      "Bình Sơn, ngày 12 tháng 5 năm 2026\n\nQUYẾT ĐỊNH\n"
      "QUY ĐỊNH CHỨC NĂNG CỦA TRUNG TÂM DỊCH VỤ CÔNG\n"
      "THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN\n\nỦY BAN NHÂN DÂN TỈNH BÌNH SƠN\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương;\n";
  const Header h = ExtractHeader(t);
  EXPECT_EQ(h.title,
            "QUY ĐỊNH CHỨC NĂNG CỦA TRUNG TÂM DỊCH VỤ CÔNG THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH "
            "BÌNH SƠN");
}

// A flattened header runs the authority's line, with its title, into the trích yếu's.
TEST(HeaderTitleTest, FlattenedAuthorityLineWithItsTitleEndsTheTitle) {
  const std::string t =
      "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
      "Hạnh phúc ---------------\nSố: 41/QĐ-BTNMT\nHà Nội, ngày 08 tháng 01 năm 2026 QUYẾT ĐỊNH "
      "VỀ VIỆC BAN HÀNH KẾ HOẠCH BẢO VỆ MÔI TRƯỜNG NĂM 2026 BỘ TRƯỞNG BỘ TÀI NGUYÊN VÀ MÔI "
      "TRƯỜNG\nCăn cứ Luật Bảo vệ môi trường;\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG");  // "MÔI TRƯỜNG" is one word
  EXPECT_EQ(h.title, "VỀ VIỆC BAN HÀNH KẾ HOẠCH BẢO VỆ MÔI TRƯỜNG NĂM 2026");
}

// A decision repealing several others names each in full: a title in capitals may run long.
TEST(HeaderTitleTest, LongTitleInCapitalsIsKeptWhole) {
  std::string body = "BÃI BỎ QUYẾT ĐỊNH SỐ 11/2020/QĐ-UBND NGÀY 02/3/2020";
  for (int k = 12; k < 24; ++k) {
    body += "\nVÀ QUYẾT ĐỊNH SỐ " + std::to_string(k) + "/2021/QĐ-UBND NGÀY 05/4/2021 CỦA ỦY BAN";
    body += " NHÂN DÂN TỈNH BÌNH SƠN VỀ QUẢN LÝ CHỢ";
  }
  const std::string t =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 77/2026/QĐ-UBND\n"
      "Bình Sơn, ngày 12 tháng 5 năm 2026\n\nQUYẾT ĐỊNH\n" +
      body + "\nCăn cứ Luật Tổ chức chính quyền địa phương;\n";
  const Header h = ExtractHeader(t);
  EXPECT_GT(h.title.size(), 1000u);
  EXPECT_TRUE(
      h.title.ends_with("SỐ 23/2021/QĐ-UBND NGÀY 05/4/2021 CỦA ỦY BAN NHÂN DÂN TỈNH BÌNH "
                        "SƠN VỀ QUẢN LÝ CHỢ"))
      << h.title;
}

// A draft prints "DỰ THẢO …" beside its type name, its number and date left blank.
TEST(HeaderTitleTest, DraftMarkBeforeTheTypeName) {
  const std::string law =
      "QUỐC HỘI --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
      "--------------- Luật số: … /2026/QH16 DỰ THẢO 14.3.2026 LUẬT VỀ CÔNG CHỨNG\n"
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n";
  Header h = ExtractHeader(law);
  EXPECT_EQ(h.type_name, "Luật");
  EXPECT_EQ(h.number, "");
  EXPECT_EQ(h.title, "VỀ CÔNG CHỨNG");
  const std::string circular = kMinistryHead +
                               "Số:\n/2026/TT-BNV\nHà Nội, ngày      tháng      năm 2026 DỰ THẢO "
                               "LẦN 2 THÔNG TƯ HƯỚNG DẪN CHẾ ĐỘ LƯU TRỮ\nCăn cứ Luật Lưu trữ;\n";
  h = ExtractHeader(circular);
  EXPECT_EQ(h.type_name, "Thông tư");
  EXPECT_EQ(h.date, "");  // the day and month are left blank: no date
  EXPECT_EQ(h.title, "HƯỚNG DẪN CHẾ ĐỘ LƯU TRỮ");
}

// A scanned công văn whose Số, date and motto OCR garbled: its "V/v" line still gives the
// trích yếu, which ends at a full stop (not at one after "cho") or at the date column merged
// into its line.
TEST(HeaderTitleTest, CongVanVvOnAGarbledScan) {
  const std::string t =
      "\nB0 TAI CHINH C0NG HOA XA H0I CHU NGHlA VIET NAM\nTONG CUC THUE Doc lap - Tu do - "
      "Hanh phuc\nS6: ,l0'f /TCT-CS Ha N9i, ngay 0 thang 01 nam 2026\nV/v chinh sach thue "
      "doi voi\nhang hoa tam nhap.\nKirlh gui: Cuc Thue cac tinh.\nTong cuc Thue nhan duoc cong "
      "van so 12 cua Cuc Thue.\n";
  Header h = ExtractHeader(t);
  EXPECT_EQ(h.type_name, "Công văn");
  EXPECT_EQ(h.title, "chinh sach thue doi voi hang hoa tam nhap");
  const std::string stray_stop =
      "\nTONG CUC THUE C0NG HOA XA H0I\nS6: 4Z /CT-CS\nV/v chi phí mua căn hộ cho.\nngười lao "
      "động\n\nKính gửi: Công ty Bình An.\n";
  h = ExtractHeader(stray_stop);
  EXPECT_EQ(h.title, "chi phí mua căn hộ cho. người lao động");
  const std::string merged =
      "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC THUẾ Độc lập - Tự do - Hạnh "
      "phúc\nsố:4ØŠ /TCT-CS\nV/v giải đáp chính sách thuế Hà Nội, ngày 30 tháng 9 năm 2025\n\n"
      "Kính gửi: Công ty Bình An.\n";
  h = ExtractHeader(merged);
  EXPECT_EQ(h.title, "giải đáp chính sách thuế");
}

// "… NĂM" / "2025": a line without letters neither starts lower case nor ends the title.
TEST(HeaderTitleTest, YearWrappedOntoItsOwnLine) {
  const std::string t =
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 1900/NQ-UBTVQH15\n"
      "Hà Nội, ngày 16 tháng 6 năm 2026\n\nNGHỊ QUYẾT\n\nVỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP "
      "XÃ CỦA TỈNH BÌNH SƠN NĂM\n2026\n\nCăn cứ Hiến pháp;\n";
  EXPECT_EQ(ExtractHeader(t).title,
            "VỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH BÌNH SƠN NĂM 2026");
}

// A portal's "[… được hướng dẫn bởi …]" before the title does not make it lower case, and a
// constitution's "LỜI NÓI ĐẦU" starts its body.
TEST(HeaderTitleTest, AnnotationBeforeTheTitleAndPreambleHeading) {
  const std::string t =
      "QUỐC HỘI ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------\n"
      "Luật số: 31/2026/QH16 Hà Nội, ngày 13 tháng 11 năm 2026 LUẬT [Điều 5 được hướng dẫn bởi "
      "Nghị định 12/2027/NĐ-CP] THƯ VIỆN SỐ [Khoản 2 được hướng dẫn bởi Thông tư 3/2027/TT-BVHTTDL]"
      " LỜI NÓI ĐẦU Thư viện là thiết chế văn hóa\n";
  EXPECT_EQ(ExtractHeader(t).title, "THƯ VIỆN SỐ");
}

// A flattened authority line with the State's name after the issuer's: "… QUỐC HỘI NƯỚC CỘNG
// HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Xét thấy …".
TEST(HeaderTitleTest, FlattenedAuthorityLineWithTheStateName) {
  const std::string t =
      "QUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
      "Số: 40/2026/QH16\nHà Nội, ngày 26 tháng 11 năm 2026 NGHỊ QUYẾT VỀ NHÀ Ở XÃ HỘI TRƯỚC NGÀY "
      "01 THÁNG 7 NĂM 2026 QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Xét thấy cần bảo đảm\n";
  const Header h = ExtractHeader(t);
  ASSERT_TRUE(h.issuer);
  EXPECT_EQ(h.issuer->name, "QUỐC HỘI");
  EXPECT_EQ(h.title, "VỀ NHÀ Ở XÃ HỘI TRƯỚC NGÀY 01 THÁNG 7 NĂM 2026");
}

// OCR reads the slash of "V/v" as a letter or drops it ("Viv", "VW", "Vv", "VAv", "V#v"); no
// Vietnamese word ends in v or w. A Vietnamese word starting with V is not the mark.
TEST(HeaderTitleTest, OcrReadsOfTheVvMark) {
  for (const std::string mark : {"Viv", "VW", "Vv", "VAv", "V#v", "V/w"}) {
    const std::string t =
        "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC THUẾ Độc lập - Tự do - Hạnh "
        "phúc\nSố: 4120/TCT-CS Hà Nội, ngày 08 tháng 12 năm 2025\n" +
        mark + " thuế giá trị gia tăng\n\nKính gửi: Cục Thuế tỉnh Bình Sơn\n";
    const Header h = ExtractHeader(t);
    EXPECT_EQ(h.type_name, "Công văn") << mark;
    EXPECT_EQ(h.title, "thuế giá trị gia tăng") << mark;
  }
  const std::string word =
      "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC THUẾ Độc lập - Tự do - Hạnh "
      "phúc\nSố: 4121/TCT-CS Hà Nội, ngày 08 tháng 12 năm 2025\nVề thuế giá trị gia tăng\n\n"
      "Kính gửi: Cục Thuế tỉnh Bình Sơn\n";
  EXPECT_EQ(ExtractHeader(word).title, "");
}

// "Kính gửi:" read by OCR as "Kirlh gui:" or glued "Kỉnhgửì:" on the V/v's line ends the
// trích yếu; "kinh" of the title ("kinh doanh", "kinh phí") does not.
TEST(HeaderTitleTest, OcrKinhGuiRunIntoTheTitle) {
  const std::string head =
      "TONG CUC THUE C0NG HOA XA H0I\nS6: 4Z /CT-CS\nV/v chính sách thuế hộ kinh doanh và kinh "
      "phí công đoàn ";
  for (const std::string read : {"Kirlh gui:", "Kinh giri:", "Kỉnhgửì:", "inh gửi:"}) {
    const Header h = ExtractHeader(head + read + " Cục Thuế tỉnh Bình Sơn\nCục Thuế nhận được\n");
    EXPECT_EQ(h.title, "chính sách thuế hộ kinh doanh và kinh phí công đoàn") << read;
  }
}

// A scan with blank lines between all its lines: the V/v goes on after a blank line with a
// lower-case word; a capitalised line or the recipients after it do not continue it.
TEST(HeaderTitleTest, CongVanVvAcrossBlankLinesOfAScan) {
  const std::string t =
      "TONG CUC THUE C0NG HOA XA H0I\n\nS6: 4Z /CT-CS\n\nV/v hướng dẫn chính sách\n\n"
      "thuế thu nhập doanh nghiệp\n\nHà Nội, ngày 08 tháng 12 năm 2025\n\nKính gửi: Cục Thuế "
      "tỉnh Bình Sơn\n";
  EXPECT_EQ(ExtractHeader(t).title, "hướng dẫn chính sách thuế thu nhập doanh nghiệp");
  const std::string next_is_body =
      "TONG CUC THUE C0NG HOA XA H0I\n\nS6: 4Z /CT-CS\n\nV/v hướng dẫn chính sách\n\n"
      "Tổng cục Thuế nhận được công văn số 12 của Cục Thuế.\n";
  EXPECT_EQ(ExtractHeader(next_is_body).title, "hướng dẫn chính sách");
  const std::string punctuated =
      "TONG CUC THUE C0NG HOA XA H0I\n\nS6: 4Z /CT-CS\n\nV/v xác định giao dịch liên\n\n"
      "kết, thuế thu nhập doanh nghiệp\n\nKính gửi: Cục Thuế tỉnh Bình Sơn\n";
  EXPECT_EQ(ExtractHeader(punctuated).title,
            "xác định giao dịch liên kết, thuế thu nhập doanh nghiệp");
}

}  // namespace
}  // namespace dondoc::parse
