// The task list as CSV for spreadsheets. Tested by csv_test.cc.
//
// UTF-8 with a BOM (EF BB BF): without it Excel reads the file as the ANSI code page and shows
// Vietnamese as mojibake (stack-notes §7). SPEC(RFC 4180): CRLF line ends; a field containing
// a comma, a double quote, CR or LF is enclosed in double quotes, and quotes inside are doubled.
// Dates are dd/mm/yyyy text, as Vietnamese users read them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/rows.h"

namespace dondoc::exports {

std::string CsvField(std::string_view field);

// BOM + a header row (TaskColumns) + one row per task.
std::string WriteTaskCsv(const std::vector<TaskRow>& rows);

}  // namespace dondoc::exports
