// The task list as rows, shared by the CSV and XLSX writers: one row per confirmed task with its
// status as of a date. Tested by csv_test.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "track/status.h"

namespace dondoc::exports {

struct TaskRow {
  int number = 0;  // STT, 1-based
  std::int64_t task_id = 0;
  std::int64_t plan_id = 0;
  std::string action;
  std::string lead;                   // lead and executing units' names, "; "-joined
  std::string coordinate;             // coordinating and requested units
  std::optional<calendar::Date> due;  // the rolled due date the status is about
  std::string due_text;               // "30/06/2026", "Hằng quý", "Không có thời hạn"
  std::string status;                 // track::Label
  std::optional<calendar::Date> done_on;
};

// Column headings in Vietnamese, in row order.
const std::vector<std::string>& TaskColumns();

// Rows for the confirmed tasks (unit filter as in ics.h DueItems). Errors: a bad RRULE.
Result<std::vector<TaskRow>> TaskRows(const std::vector<track::TrackedTask>& tasks,
                                      const std::vector<track::ProgressReport>& reports,
                                      const calendar::Date& as_of, const std::string& unit_id = {});

}  // namespace dondoc::exports
