// Filing and deciding progress reports. Pure functions over the task and the report; each
// returns the new report with its audit record, or an Error. Tested by reports_test.cc.
//
// Errors (code, when):
//   "task_not_confirmed"  a report for a task not on the board (proposed, dropped, merged)
//   "unit_not_assigned"   the report's unit is not one of the task's units: an officer reports
//                         only their unit's tasks (issue 5, access)
//   "invalid_report"      percent outside 0..100, an empty text, a period that ends before it
//                         starts, a recurring task's report without its instance (or a one-off
//                         task's report with one), or a report whose task_id is another task
//   "invalid_state"       confirming/returning a report that is not submitted; resubmitting
//                         one that was not returned
//   "missing_reason"      returning without a reason
#pragma once

#include <string>

#include "base/result.h"
#include "track/audit.h"
#include "track/report.h"
#include "track/task.h"

namespace dondoc::track {

// Files `draft` (its id, unit, period, instance, text, percent, attachments) against `task`:
// state submitted, submitted_at = actor.now.
Result<Change<ProgressReport>> Submit(const TrackedTask& task, const ProgressReport& draft,
                                      const Actor& actor);

// The office accepts the report; from now on it counts for status.
Result<Change<ProgressReport>> ConfirmReport(const ProgressReport& report, const Actor& actor);

// The office sends it back with a reason.
Result<Change<ProgressReport>> ReturnReport(const ProgressReport& report, const std::string& reason,
                                            const Actor& actor);

// The unit files a returned report again with new text/percent/attachments (from `revised`);
// submitted_at moves to actor.now, which is the date status rules use.
Result<Change<ProgressReport>> Resubmit(const TrackedTask& task, const ProgressReport& report,
                                        const ProgressReport& revised, const Actor& actor);

}  // namespace dondoc::track
