// Extractor: reporting duties — to whom, which periods, due dates (indices into doc.times).
// Tested by reporting_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "text/fold.h"

namespace dondoc::parse {

std::vector<Reporting> ExtractReporting(std::string_view text, const Document& doc);

// The same over `folded` = text::FoldMapped(text), computed once by the caller.
std::vector<Reporting> ExtractReporting(std::string_view text, const text::FoldedText& folded,
                                        const Document& doc);

// The same over the operative part of the document, read once by the caller and shared with
// ExtractTasks (tasks_scan.h, tasks.h); it holds what is needed of the document.
struct Operative;
std::vector<Reporting> ExtractReporting(std::string_view text, const text::FoldedText& folded,
                                        const Operative& operative);

}  // namespace dondoc::parse
