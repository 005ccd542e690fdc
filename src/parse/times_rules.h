// Internal to parse/times: recurrence cycles and their RRULEs, event names, relative durations.
// Tested through times_test.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.h"
#include "parse/times_lex.h"
#include "text/fold.h"

namespace dondoc::parse::times_internal {

// ---- recurrence ----

// A repetition cycle: its base RRULE and what a bracketed day can refine.
struct Cycle {
  enum class Family { kDaily, kWeekly, kMonthly, kQuarterly, kOther };
  Family family = Family::kOther;
  std::string base;  // "FREQ=MONTHLY;INTERVAL=3"
};

// The word after "hằng"/"hàng"/"mỗi": ngày, tuần, tháng, quý, năm, nửa năm. End or kNo.
std::size_t CycleWordAt(std::string_view f, std::size_t p, Cycle* cycle);
// "6 tháng", "03 tháng", "2 năm", "2 tuần", optionally "một lần"/"1 lần"/"/lần" after it (then
// required when need_times is set: "6 tháng một lần" without "định kỳ"). End or kNo.
std::size_t CycleCountAt(std::string_view f, std::size_t p, bool need_times, Cycle* cycle);
// "hàng" at p means goods (ngân hàng, mặt hàng, khách hàng, đơn hàng, cửa hàng …).
bool IsGoodsBefore(std::string_view f, std::size_t p);
// The RRULE for a cycle with the days a bracket or prefix names (year-less Piece::kDay, lo = 0
// for a day of the month only).
std::string RRule(const Cycle& cycle, const std::vector<Piece>& days);
// The first occurrence on/after `from` of a rule built by RRule, when the rule names its days
// (FREQ=YEARLY;BYMONTH=…;BYMONTHDAY=… or FREQ=MONTHLY;BYMONTHDAY=…); else "".
std::string NextOccurrence(std::string_view rrule, const calendar::Date& from);

// ---- names of events and anchors ----

struct Name {
  std::size_t end = 0;  // folded offset
  std::string text;     // as written, blanks collapsed
  std::string folded;
};
// An event name from folded[q]: up to a clause mark, a blank line, a linking word (và, nhằm,
// để, tại, …) or 10 words / 60 bytes.
std::optional<Name> NameAt(std::string_view text, const text::FoldedText& ft, std::size_t q);
// The anchor of a relative deadline ("ngày nhận được hồ sơ hợp lệ"), at most 8 words and
// 80 bytes counted from `begin` (the phrase's start).
std::optional<Name> AnchorAt(std::string_view text, const text::FoldedText& ft, std::size_t q,
                             std::size_t begin);
bool IsLunarNewYear(std::string_view folded_name);  // Tết, Tết Nguyên đán, Tết Âm lịch …
bool IsNationalDay(std::string_view folded_name);  // Quốc khánh, lễ 2/9
bool KnownOccasion(std::string_view folded_name);  // a lower-case name that is still an event
// "Tết Nguyên đán" for every spelling of the lunar new year, else the name as written.
std::string EventName(const Name& name);

// ---- relative deadlines ----

struct Duration {
  enum class Unit { kDays, kWorkingDays, kWeeks, kMonths };
  Unit unit = Unit::kDays;
  int n = 0;
};
// "30 ngày", "10 ngày làm việc", "2 tuần", "3 tháng". End or kNo.
std::size_t DurationAt(std::string_view f, std::size_t p, Duration* d);
// Whether the anchor is the document's own signing/issuing: "ngày ký", "ngày ký ban hành Kế
// hoạch này", "ngày Quyết định này được ban hành" — not "ngày ký hợp đồng".
bool IsSigningAnchor(std::string_view folded_anchor);
// SPEC(BLDS 2015 Điều 147–148): the day after `from` is day 1; calendar days and months end on a
// working day (rolled forward); working days count working days only.
calendar::Date ApplyDuration(const calendar::Date& from, const Duration& d);

}  // namespace dondoc::parse::times_internal
