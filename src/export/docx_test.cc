// Tests docx.h: the output is a zip, word/document.xml parses, every control holds its value,
// and (only if LibreOffice happens to be installed) the file converts to PDF.
#include "export/docx.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "track/test_util.h"

namespace dondoc::exports {
namespace {

using track::fixtures::D;

std::string TemplateDir() {
  const char* root = std::getenv("DONDOC_SOURCE_DIR");
  return std::string(root ? root : DONDOC_SOURCE_DIR) + "/data/templates/report-docx";
}

track::CompiledReport Sample() {
  track::PlanInfo plan;
  plan.plan_id = 1;
  plan.number = "125/KH-UBND";
  plan.date = D(2026, 1, 5);
  plan.title = "về chuyển đổi số năm 2026";
  plan.issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  plan.parent = "UBND TỈNH KHÁNH HÒA";
  plan.issuer_abbr = "STTTT";
  plan.place = "Khánh Hòa";
  plan.recipients = {"UBND tỉnh (b/c)", "Các sở, ban, ngành"};
  plan.signer_authority = "KT. GIÁM ĐỐC";
  plan.signer_title = "PHÓ GIÁM ĐỐC";
  plan.signer_name = "Nguyễn Văn Định";
  const std::vector<track::TrackedTask> tasks{track::fixtures::OneOff(1, D(2026, 3, 31)),
                                              track::fixtures::OneOff(2, D(2026, 5, 15))};
  auto c = track::Compile(plan, tasks, {track::fixtures::Confirmed(tasks[0], D(2026, 3, 30), 100)},
                          {D(2025, 12, 15), D(2026, 6, 14), "6 tháng đầu năm 2026"}, D(2026, 6, 14),
                          {"Bố trí kinh phí cho hạ tầng số & dữ liệu <2026>"});
  EXPECT_TRUE(c.ok());
  return c.value();
}

std::string SdtText(const pugi::xml_node& root, const char* tag) {
  pugi::xml_node sdt = root.find_node([&](pugi::xml_node n) {
    return std::string_view(n.name()) == "w:sdt" &&
           std::string_view(n.child("w:sdtPr").child("w:tag").attribute("w:val").value()) == tag;
  });
  std::string text;
  for (pugi::xpath_node t : sdt.select_nodes(".//w:t")) text += t.node().text().get();
  EXPECT_FALSE(sdt.child("w:sdtPr").child("w:showingPlcHdr")) << tag;
  return text;
}

TEST(Docx, FillsTheTemplate) {
  auto files = LoadDocxTemplate(TemplateDir());
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_EQ(files.value().front().name, "[Content_Types].xml");
  auto bytes = WriteReportDocx(Sample(), files.value());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto zip = ReadZip(bytes.value());
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  ASSERT_TRUE(zip.value().count("word/document.xml"));
  EXPECT_TRUE(zip.value().count("word/styles.xml"));
  EXPECT_TRUE(zip.value().count("_rels/.rels"));
  pugi::xml_document doc;
  const std::string& xml = zip.value().at("word/document.xml");
  ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  const pugi::xml_node root = doc.document_element();
  EXPECT_EQ(SdtText(root, "parent"), "UBND TỈNH KHÁNH HÒA");
  EXPECT_EQ(SdtText(root, "issuer"), "SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
  EXPECT_EQ(SdtText(root, "number"), "Số:      /BC-STTTT");
  EXPECT_EQ(SdtText(root, "place_date"), "Khánh Hòa, ngày 14 tháng 6 năm 2026");
  EXPECT_EQ(SdtText(root, "title"), "BÁO CÁO");
  EXPECT_EQ(SdtText(root, "subtitle").rfind("Báo cáo kết quả thực hiện Kế hoạch số 125/KH-UBND", 0),
            0u);
  EXPECT_EQ(SdtText(root, "signer_authority"), "KT. GIÁM ĐỐC");
  EXPECT_EQ(SdtText(root, "signer_name"), "Nguyễn Văn Định");
  EXPECT_EQ(SdtText(root, "recipients"), "- UBND tỉnh (b/c);- Các sở, ban, ngành;- Lưu: VT.");
  const std::string body = SdtText(root, "body");
  EXPECT_NE(body.find("Tổ chức tập huấn chuyển đổi số"), std::string::npos);
  EXPECT_NE(body.find("Hoàn thành đúng hạn"), std::string::npos);
  EXPECT_NE(body.find("Quá hạn, chưa báo cáo"), std::string::npos);
  EXPECT_NE(body.find("Bố trí kinh phí cho hạ tầng số & dữ liệu <2026>./."), std::string::npos);
  EXPECT_NE(xml.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_NE(xml.find("&amp; dữ liệu &lt;2026&gt;"), std::string::npos);  // escaped by pugixml
  // The task table: a header row and one row per task.
  EXPECT_EQ(root.select_nodes("//w:sdt[w:sdtPr/w:tag/@w:val='body']//w:tr").size(), 3u);
}

TEST(Docx, ConvertsWithLibreOfficeWhenInstalled) {
  // LibreOffice is optional: convert only when it is already installed.
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "soffice not installed; conversion not checked";
  }
  auto files = LoadDocxTemplate(TemplateDir());
  ASSERT_TRUE(files.ok());
  auto bytes = WriteReportDocx(Sample(), files.value());
  ASSERT_TRUE(bytes.ok());
  const std::filesystem::path dir = ::testing::TempDir() + "dondoc-docx";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "report.docx", std::ios::binary) << bytes.value();
  const std::string cmd = "soffice --headless --convert-to pdf --outdir '" + dir.string() + "' '" +
                          (dir / "report.docx").string() + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "report.pdf"));
}

TEST(Docx, TemplateErrors) {
  auto none = LoadDocxTemplate("/nonexistent/template");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "docx_template");
  auto bad = WriteReportDocx(Sample(), {{"word/document.xml", "<w:document><unclosed>"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "docx_template");
  auto missing = WriteReportDocx(Sample(), {{"word/document.xml", "<w:document/>"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "docx_template");
  EXPECT_FALSE(WriteReportDocx(Sample(), {}).ok());
}

}  // namespace
}  // namespace dondoc::exports
