// Extractor: deadline and schedule expressions → times[] (kind date | period | recurring |
// event | continuous), resolved with the working-day calendar and the document's date.
// Tested by times_test.cc.
//
// What each kind carries (dates ISO, empty when unknown):
//   date        "trước ngày 15/12/2026", "chậm nhất ngày 30/6", "cuối năm 2025", "trước tháng
//               9/2020" (→ 2020-08-31), "trong 30 ngày kể từ ngày ký" (→ computed): `date`.
//   period      "quý II/2019", "tháng 7,8/2020", "6 tháng đầu năm 2026", "giai đoạn 2026-2030",
//               "từ tháng 3 đến tháng 5/2026": `start` and `date` (first and last day);
//               "đến năm 2030" has no start.
//   recurring   "hằng quý", "định kỳ 6 tháng (trước ngày 15/6)", "trước ngày 20 hằng tháng":
//               `rrule` (RFC 5545), `date` = the first occurrence on/after the document's date
//               when the rule names a day.
//   event       "trước, trong và sau Tết Nguyên đán", "dịp Quốc khánh 2/9", "ngay sau khi …",
//               "trong 10 ngày kể từ ngày nhận được hồ sơ": `event` = the event or anchor
//               phrase; `date` for Tết Nguyên đán and Quốc khánh when the year is known.
//   continuous  "thường xuyên", "24/7", "liên tục" as a schedule.
// `text` is the phrase as written (blank runs as one space, ≤ 80 bytes), with its deadline word
// ("hoàn thành trong", "trước", "đến") but not a column label ("Thời gian thực hiện:"); `span`
// covers it. One entry per occurrence, in document order, never overlapping.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.h"
#include "text/fold.h"

namespace dondoc::parse {

// `doc_date` (ISO, may be empty or malformed = unknown) supplies a missing year and anchors
// relative deadlines; without it those dates stay empty rather than guessed. Pure, thread-safe.
std::vector<TimeExpr> ExtractTimes(std::string_view text, std::string_view doc_date);

// The same, and appends to `*warnings` (when not null) what was seen and set aside:
//   "invalid-date"  a deadline naming a day that does not exist ("trước ngày 32/13/2025",
//                   "ngày 29/02/2025"); no time is emitted for it.
std::vector<TimeExpr> ExtractTimes(std::string_view text, std::string_view doc_date,
                                   std::vector<Warning>* warnings);

// The same over `folded` = text::FoldMapped(text), computed once by the caller.
std::vector<TimeExpr> ExtractTimes(std::string_view text, const text::FoldedText& folded,
                                   std::string_view doc_date, std::vector<Warning>* warnings);

}  // namespace dondoc::parse
