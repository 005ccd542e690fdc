// The compiled periodic report of a plan ("Báo cáo kết quả thực hiện Kế hoạch số …") as plain
// data, built from the plan's tasks and the units' reports for a period. Writers (export/docx,
// export/xlsx) lay it out; nothing here knows a file format. Tested by compile_test.cc.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "base/result.h"
#include "track/report.h"
#include "track/status.h"

namespace dondoc::track {

// What the caller knows of the plan and of the office issuing the report.
struct PlanInfo {
  std::int64_t plan_id = 0;
  std::string number;       // the plan's số/ký hiệu: "125/KH-UBND"
  calendar::Date date;      // the plan's date
  std::string title;        // the plan's trích yếu
  std::string issuer;       // the reporting office, capitals: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
  std::string parent;       // its cơ quan chủ quản: "UBND TỈNH KHÁNH HÒA" (may be empty)
  std::string issuer_abbr;  // for the number placeholder: "STTTT"
  std::string place;        // "Khánh Hòa"
  std::vector<std::string> recipients;  // Nơi nhận lines, without the leading "- "
  std::string signer_title;             // "GIÁM ĐỐC"
  std::string signer_authority;         // "KT. GIÁM ĐỐC" line above the title; may be empty
  std::string signer_name;
};

struct UnitResult {
  std::string unit_id;
  std::string role;  // Label(UnitRole)
  std::string text;  // the latest confirmed report's text in the period, or text::kNoReport
  int percent = 0;
};

struct TaskResult {
  int number = 0;  // 1-based, in the order tasks were given
  std::int64_t task_id = 0;
  std::string action;
  std::string due;  // "15/12/2026", "Hằng quý", text::kNoDeadline
  Status status = Status::kNoDeadline;
  std::string status_label;
  std::vector<UnitResult> units;
};

struct CompiledReport {
  // Header (NĐ 30/2020 thể thức).
  std::string parent, issuer;
  std::string number;      // "Số:      /BC-STTTT": the văn thư fills the number when issuing
  std::string place_date;  // "Khánh Hòa, ngày 05 tháng 01 năm 2027"
  std::string title;       // "BÁO CÁO"
  std::string subtitle;  // "Kết quả thực hiện Kế hoạch số 125/KH-UBND … (6 tháng đầu năm 2026)"
  // Body.
  ReportingPeriod period;
  calendar::Date as_of;
  int total = 0;
  std::array<int, kStatusCount> counts{};
  std::vector<std::string> overview;  // sentences summarising the counts
  std::vector<TaskResult> tasks;
  std::vector<TaskResult> late;  // not done in time or overdue, and done late
  std::vector<std::string> proposals;
  // Closing.
  std::vector<std::string> recipients;
  std::string signer_authority, signer_title, signer_name;
};

// "ngày 05 tháng 01 năm 2027". SPEC(NĐ 30/2020, Phụ lục I, II.4): days below 10 and months 1
// and 2 take a leading zero, other months do not.
std::string VietnameseDate(const calendar::Date& date);

// Builds the report of `plan` for `period`, judged as of `as_of` (usually the period's end or
// the day of writing). Tasks are the plan's confirmed ones, in the order given. Errors: a
// task's bad RRULE.
Result<CompiledReport> Compile(
    const PlanInfo& plan, const std::vector<TrackedTask>& tasks,
    const std::vector<ProgressReport>& reports, const ReportingPeriod& period,
    const calendar::Date& as_of, const std::vector<std::string>& proposals = {},
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

// Text for a due: the date (dd/mm/yyyy), the recurrence in words, or text::kNoDeadline.
std::string DueText(const Due& due);

}  // namespace dondoc::track
