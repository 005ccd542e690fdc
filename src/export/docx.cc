// Tested by docx_test.cc.
//
// Filling a content control:
//   - a text control (inside a paragraph): the first run of w:sdtContent keeps its formatting
//     (w:rPr), gets the value as its only w:t, and every other run goes;
//   - a block control (body, recipients): w:sdtContent's children are replaced by generated
//     paragraphs and tables;
//   - w:showingPlcHdr is removed so Word shows the value as content, not as a grey placeholder.
// The control itself stays, so the document can be refilled or inspected by tag.
#include "export/docx.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "track/labels.h"

namespace dondoc::exports {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDocument = "word/document.xml";

Error TemplateError(std::string message) { return {"docx_template", std::move(message)}; }

pugi::xml_node FindSdt(pugi::xml_node root, const char* tag) {
  return root.find_node([&](pugi::xml_node n) {
    return std::string_view(n.name()) == "w:sdt" &&
           std::string_view(n.child("w:sdtPr").child("w:tag").attribute("w:val").value()) == tag;
  });
}

void ClearPlaceholder(pugi::xml_node sdt) { sdt.child("w:sdtPr").remove_child("w:showingPlcHdr"); }

void SetText(pugi::xml_node run, const std::string& text) {
  while (pugi::xml_node t = run.child("w:t")) run.remove_child(t);
  pugi::xml_node t = run.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
}

bool FillText(pugi::xml_node root, const char* tag, const std::string& value) {
  pugi::xml_node sdt = FindSdt(root, tag);
  if (!sdt) return false;
  pugi::xml_node content = sdt.child("w:sdtContent");
  pugi::xml_node run = content.child("w:r");
  if (!run) run = content.append_child("w:r");
  while (pugi::xml_node extra = run.next_sibling("w:r")) content.remove_child(extra);
  SetText(run, value);
  ClearPlaceholder(sdt);
  return true;
}

// Paragraph options for generated content.
struct Para {
  const char* style = "Body";
  bool bold = false;
  bool italic = false;
  const char* align = nullptr;  // "center", "both", …
  int size = 0;                 // half-points; 0 = the style's
  bool indent = true;           // the Body style's first-line indent
};

pugi::xml_node AddParagraph(pugi::xml_node parent, const std::string& text, const Para& p) {
  pugi::xml_node para = parent.append_child("w:p");
  pugi::xml_node ppr = para.append_child("w:pPr");
  if (p.style) ppr.append_child("w:pStyle").append_attribute("w:val") = p.style;
  if (!p.indent) ppr.append_child("w:ind").append_attribute("w:firstLine") = "0";
  if (p.align) ppr.append_child("w:jc").append_attribute("w:val") = p.align;
  pugi::xml_node run = para.append_child("w:r");
  pugi::xml_node rpr = run.append_child("w:rPr");
  if (p.bold) rpr.append_child("w:b");
  if (p.italic) rpr.append_child("w:i");
  if (p.size) {
    rpr.append_child("w:sz").append_attribute("w:val") = p.size;
    rpr.append_child("w:szCs").append_attribute("w:val") = p.size;
  }
  SetText(run, text);
  return para;
}

void AddCell(pugi::xml_node row, int width, const std::string& text, bool bold, const char* align) {
  pugi::xml_node tc = row.append_child("w:tc");
  pugi::xml_node w = tc.append_child("w:tcPr").append_child("w:tcW");
  w.append_attribute("w:w") = width;
  w.append_attribute("w:type") = "dxa";
  // A cell may hold several lines (unit results): one paragraph per line.
  std::istringstream lines(text);
  std::string line;
  bool any = false;
  while (std::getline(lines, line)) {
    AddParagraph(tc, line, {nullptr, bold, false, align, 24, false});
    any = true;
  }
  if (!any) tc.append_child("w:p");  // a cell must end with a paragraph
}

void AddTaskTable(pugi::xml_node parent, const std::vector<track::TaskResult>& tasks) {
  static constexpr int kWidths[] = {680, 3400, 1400, 1500, 2091};
  pugi::xml_node tbl = parent.append_child("w:tbl");
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  pr.append_child("w:tblStyle").append_attribute("w:val") = "Grid";
  pugi::xml_node tw = pr.append_child("w:tblW");
  tw.append_attribute("w:w") = 9071;
  tw.append_attribute("w:type") = "dxa";
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (int w : kWidths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
  pugi::xml_node head = tbl.append_child("w:tr");
  head.append_child("w:trPr").append_child("w:tblHeader");  // repeats on every page
  const char* titles[] = {"STT", "Nội dung nhiệm vụ", "Thời hạn", "Tình trạng",
                          "Kết quả của đơn vị"};
  for (int c = 0; c < 5; ++c) AddCell(head, kWidths[c], titles[c], true, "center");
  for (const track::TaskResult& t : tasks) {
    pugi::xml_node row = tbl.append_child("w:tr");
    std::string units;
    for (const track::UnitResult& u : t.units) {
      if (!units.empty()) units += "\n";
      units += u.unit_id + " (" + u.role + "): " + u.text;
    }
    AddCell(row, kWidths[0], std::to_string(t.number), false, "center");
    AddCell(row, kWidths[1], t.action, false, "both");
    AddCell(row, kWidths[2], t.due, false, "center");
    AddCell(row, kWidths[3], t.status_label, false, "center");
    AddCell(row, kWidths[4], units, false, "both");
  }
}

void FillBody(pugi::xml_node content, const track::CompiledReport& r) {
  const Para heading{"Heading", true};
  const Para body{};
  AddParagraph(content, track::text::kOverviewHeading, heading);
  for (const std::string& s : r.overview) AddParagraph(content, s, body);
  AddParagraph(content, track::text::kTasksHeading, heading);
  AddTaskTable(content, r.tasks);
  AddParagraph(content, track::text::kLateHeading, heading);
  if (r.late.empty()) AddParagraph(content, "Không có.", body);
  for (const track::TaskResult& t : r.late) {
    std::string line = "- " + t.action + " (thời hạn: " + t.due + "): " + t.status_label;
    for (const track::UnitResult& u : t.units) {
      if (u.text != track::text::kNoReport) line += "; " + u.unit_id + ": " + u.text;
    }
    AddParagraph(content, line + ".", body);
  }
  AddParagraph(content, track::text::kProposalsHeading, heading);
  if (r.proposals.empty()) AddParagraph(content, "Không có.", body);
  for (const std::string& p : r.proposals) AddParagraph(content, "- " + p, body);
  // SPEC(NĐ 30/2020, Phụ lục III): the content ends with "./.".
  pugi::xml_node last = content.last_child().child("w:r").child("w:t");
  last.text().set((std::string(last.text().get()) + "./.").c_str());
}

bool FillBlock(pugi::xml_node root, const char* tag, const auto& fill) {
  pugi::xml_node sdt = FindSdt(root, tag);
  if (!sdt) return false;
  pugi::xml_node content = sdt.child("w:sdtContent");
  while (pugi::xml_node c = content.first_child()) content.remove_child(c);
  fill(content);
  ClearPlaceholder(sdt);
  return true;
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

}  // namespace

Result<std::vector<ZipEntry>> LoadDocxTemplate(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return TemplateError("no template directory " + dir);
  std::vector<ZipEntry> entries;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return TemplateError("cannot read " + it->path().string());
    entries.push_back({fs::relative(it->path(), dir, ec).generic_string(), bytes.str()});
  }
  if (ec) return TemplateError("cannot list " + dir + ": " + ec.message());
  std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) {
    const bool ac = a.name == "[Content_Types].xml", bc = b.name == "[Content_Types].xml";
    return ac != bc ? ac : a.name < b.name;
  });
  if (std::none_of(entries.begin(), entries.end(),
                   [](const ZipEntry& e) { return e.name == kDocument; })) {
    return TemplateError("the template has no " + std::string(kDocument));
  }
  return entries;
}

Result<std::string> WriteReportDocx(const track::CompiledReport& r,
                                    const std::vector<ZipEntry>& template_files) {
  std::vector<ZipEntry> files = template_files;
  auto doc_entry = std::find_if(files.begin(), files.end(),
                                [](const ZipEntry& e) { return e.name == kDocument; });
  if (doc_entry == files.end()) return TemplateError("the template has no word/document.xml");
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(doc_entry->bytes.data(), doc_entry->bytes.size(),
                      pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata_single);
  if (!parsed) return TemplateError(std::string("word/document.xml: ") + parsed.description());
  pugi::xml_node root = doc.document_element();

  const std::pair<const char*, const std::string*> texts[] = {
      {"parent", &r.parent},
      {"issuer", &r.issuer},
      {"number", &r.number},
      {"place_date", &r.place_date},
      {"title", &r.title},
      {"subtitle", &r.subtitle},
      {"signer_authority", &r.signer_authority},
      {"signer_title", &r.signer_title},
      {"signer_name", &r.signer_name}};
  for (const auto& [tag, value] : texts) {
    if (!FillText(root, tag, *value)) {
      return TemplateError(std::string("word/document.xml has no content control ") + tag);
    }
  }
  if (!FillBlock(root, "body", [&](pugi::xml_node c) { FillBody(c, r); })) {
    return TemplateError("word/document.xml has no content control body");
  }
  const bool has_recipients = FillBlock(root, "recipients", [&](pugi::xml_node c) {
    // SPEC(NĐ 30/2020, Phụ lục I, II.9b): each line "- …;", the last "- Lưu: VT, …".
    const Para line{nullptr, false, false, nullptr, 22, false};
    for (const std::string& who : r.recipients) AddParagraph(c, "- " + who + ";", line);
    AddParagraph(c, "- Lưu: VT.", line);
  });
  if (!has_recipients) return TemplateError("word/document.xml has no content control recipients");

  StringWriter w;
  doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
  doc_entry->bytes = std::move(w.out);
  return WriteZip(files);
}

}  // namespace dondoc::exports
