// Extractor: tasks — what each unit must do, in which role, by when. Runs after the header,
// outline and times extractors, whose results it reads from `doc`. Tested by tasks_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "text/fold.h"

namespace dondoc::parse {

// Tasks of an official document; `doc.outline` gives paths, `doc.times` the due indices,
// `doc.issuer` decides what is "requested" (bodies outside the issuer's authority).
std::vector<Task> ExtractTasks(std::string_view text, const Document& doc);

// The same, reporting what was set aside (a "ragged-table" warning for a task table whose rows
// have fewer or more cells than its header) by appending to *warnings (may be null).
std::vector<Task> ExtractTasks(std::string_view text, const Document& doc,
                               std::vector<Warning>* warnings);

// The same over `folded` = text::FoldMapped(text), computed once by the caller (parse.cc
// shares one fold among times, tasks and reporting).
std::vector<Task> ExtractTasks(std::string_view text, const text::FoldedText& folded,
                               const Document& doc, std::vector<Warning>* warnings);

// The same over the operative part read once by the caller (tasks_scan.h), who shares it with
// ExtractReporting: Operative op(text, folded, doc); then both extractors with `op`.
struct Operative;
std::vector<Task> ExtractTasks(std::string_view text, const text::FoldedText& folded,
                               const Document& doc, const Operative& operative,
                               std::vector<Warning>* warnings);

}  // namespace dondoc::parse
