// The compiled periodic report as DOCX in the NĐ 30/2020 layout. Tested by docx_test.cc.
//
// The template is kept unzipped in the repository (data/templates/report-docx/, reviewable XML,
// stack-notes §7). Values go into content controls (w:sdt) found by their w:tag, edited with
// pugixml — never by replacing "{{placeholder}}" text, which Word splits across runs — and the
// parts are zipped with libzip at run time. Tags and their cells are listed at the top of the
// template's word/document.xml.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "export/zip.h"
#include "track/compile.h"

namespace dondoc::exports {

// Every file under `dir` as a zip entry named by its path relative to `dir` ('/'-separated),
// "[Content_Types].xml" first, the rest sorted. Errors: "docx_template" (missing or unreadable
// directory, no word/document.xml).
Result<std::vector<ZipEntry>> LoadDocxTemplate(const std::string& dir);

// The filled document's bytes. Errors: "docx_template" (word/document.xml missing or not XML, a
// tag missing from it), "zip_failed".
Result<std::string> WriteReportDocx(const track::CompiledReport& report,
                                    const std::vector<ZipEntry>& template_files);

}  // namespace dondoc::exports
