// The office's review of extracted tasks: confirm, edit, merge, drop. Pure functions: each
// takes the task(s) as they are and returns the new value(s) with one audit record per changed
// task, or an Error (nothing changes). Tested by review_test.cc.
//
// States: proposed → confirmed | dropped | merged; confirmed → dropped (a task found wrong
// later); confirmed tasks may still be edited. Dropped and merged are final.
// Provenance: `sources` is never edited (task.h); an edit only changes the working fields.
//
// Errors (code, when):
//   "invalid_state"   the transition is not allowed from the task's state
//   "invalid_edit"    an edit that changes nothing, empties the action, or leaves no unit
//   "invalid_merge"   merging a task with itself or across plans
//   "missing_reason"  a drop without a reason
//   "missing_unit"    confirming a task with no unit, or a unit without a registry id
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "track/audit.h"
#include "track/task.h"

namespace dondoc::track {

Result<Change<TrackedTask>> Confirm(const TrackedTask& task, const Actor& actor);

// The fields an edit may change; empty optionals keep the current value.
struct TaskPatch {
  std::optional<std::string> action;
  std::optional<std::vector<TaskUnit>> units;
  std::optional<Due> due;
  std::string note;  // why, for the history
};

Result<Change<TrackedTask>> Edit(const TrackedTask& task, const TaskPatch& patch,
                                 const Actor& actor);

// Merges `absorbed` into `kept` (both proposed, same plan). The kept task gains the absorbed
// one's units it lacks (a unit in both keeps the stronger role: lead > execute > coordinate >
// requested) and its sources; when the kept task has no due, it takes the absorbed one's. The
// absorbed task becomes kMerged with merged_into = kept.id. Returns [kept, absorbed].
Result<Change<std::vector<TrackedTask>>> Merge(const TrackedTask& kept, const TrackedTask& absorbed,
                                               const Actor& actor);

Result<Change<TrackedTask>> Drop(const TrackedTask& task, const std::string& reason,
                                 const Actor& actor);

}  // namespace dondoc::track
