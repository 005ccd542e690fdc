// Public holidays of Việt Nam and the yearly official schedules, as data. Tested by
// holidays_test.cc.
//
// Two kinds of data, both plain text (data/calendar/*.txt, embedded into the binary at build
// time, so `dondoc` works from any directory):
//   - rules (holidays-vn.txt): the holidays of the Labour Code by year range, solar or lunar;
//   - schedules (schedule-YYYY.txt): what the Prime Minister / Bộ Nội vụ announced for one year —
//     the exact days off per holiday (weekends and nghỉ bù included), weekend days worked in
//     exchange (hoán đổi), and extra days off.
// PlanYear() combines them into the special days of one year. For a holiday the year's schedule
// does not mention, the defaults of the rules apply, plus nghỉ bù:
// SPEC(BLLĐ 2019 Điều 111.3): a holiday that falls on the weekly rest day (Saturday or Sunday for
// the 5-day week of civil servants, QĐ 188/1999/QĐ-TTg) gives the next working day off.
//
// The calendar modelled is that of cán bộ, công chức, viên chức (Monday–Friday). Enterprises
// set their own rest days and may differ.
//
// All values are plain; functions are pure and thread-safe. BuiltinHolidays() parses the
// embedded data once (thread-safe) and never changes.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "calendar/date.h"

namespace dondoc::calendar {

// One line "rule …" of the rules file.
struct HolidayRule {
  std::string id;          // "tet", "gio-to", "national", …
  std::string name;        // "Tết Nguyên đán"
  int from_year = 0;       // inclusive
  int to_year = 9999;      // inclusive
  bool lunar = false;      // anchor is a lunar date (of the lunar year starting that civil year)
  int month = 1, day = 1;  // the anchor
  bool adjacent = false;   // the anchor plus a day before or after it chosen each year
  int first = 0;           // offset of the first day off from the anchor (when !adjacent)
  int days = 1;            // number of holidays
};

// One line of a schedule file.
struct ScheduleEntry {
  enum class Kind { kOff, kWork, kExtra };
  Kind kind = Kind::kOff;
  int year = 0;                  // the "year" header it belongs to
  std::vector<std::string> ids;  // kOff: the rules it schedules
  Date from, to;                 // inclusive; from == to for one day
  std::string name;              // kExtra: the holiday name; kWork: the note
  std::string where;             // "schedule-2025.txt:7", for messages
};

struct HolidayCalendar {
  std::vector<HolidayRule> rules;
  std::vector<ScheduleEntry> schedule;
};

// A named text file (name for messages only).
struct DataFile {
  std::string_view name;
  std::string_view text;
};

// Parses rule and schedule files (syntax in data/calendar/holidays-vn.txt and
// schedule-2024.txt). Errors, each with "file:line: reason":
//   "holiday_data_syntax"  — unknown keyword, wrong field count, bad number or date, a
//                            schedule line before its "year", an unsupported "format";
//   "holiday_data_invalid" — an "off" naming an unknown rule id, a "work" day that is not a
//                            Saturday or Sunday, a range that ends before it starts, a date
//                            outside the schedule's year ± 1.
Result<HolidayCalendar> ParseHolidayData(std::span<const DataFile> files);

// The data under data/calendar/, embedded at build time. Parsed on first use. A parse failure is
// a build defect (caught by holidays_test), reported on stderr before abort().
const HolidayCalendar& BuiltinHolidays();

// What a day is, for a civil servant.
enum class DayKind {
  kWorkday,         // Monday–Friday, nothing special
  kWeekend,         // Saturday or Sunday, nothing special
  kHoliday,         // a holiday, or a day inside an officially announced holiday break
  kCompensatory,    // nghỉ bù computed by Điều 111.3 for a default holiday on a weekend
  kSwappedWorkday,  // a weekend day worked in exchange for a day off (hoán đổi)
};

struct SpecialDay {
  Date date;
  DayKind kind = DayKind::kHoliday;
  std::string name;       // "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương", …
  bool official = false;  // from a schedule line, not from the rules' defaults
};

// The special days of civil year `year` (holidays, nghỉ bù, swapped workdays), sorted by date,
// one entry per date. Days not listed are kWorkday or kWeekend by their weekday.
std::vector<SpecialDay> PlanYear(const HolidayCalendar& calendar, int year);

// True when the calendar has at least one schedule line for `year` (an announced schedule).
bool HasOfficialSchedule(const HolidayCalendar& calendar, int year);

}  // namespace dondoc::calendar
