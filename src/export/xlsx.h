// The task list (and the compiled report's task table) as an XLSX workbook via libxlsxwriter.
// Tested by xlsx_test.cc.
//
// stack-notes §7: the header row is frozen and carries an autofilter; due and done dates are
// real dates (Excel serial numbers with a dd/mm/yyyy format), so they sort and filter as dates;
// column widths fit Vietnamese text; long text wraps.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "export/rows.h"
#include "track/compile.h"

namespace dondoc::exports {

// Writes the workbook to `path` (libxlsxwriter writes files; the caller picks a temporary one
// for downloads). Errors: "xlsx_failed" with libxlsxwriter's message.
Result<bool> WriteTaskXlsx(const std::vector<TaskRow>& rows, const std::string& path);

// The compiled report's per-task results (one row per unit report) with the overview counts on
// a second sheet.
Result<bool> WriteReportXlsx(const track::CompiledReport& report, const std::string& path);

}  // namespace dondoc::exports
