// The tracked task: one assignment taken from a plan, reviewed by the tracking office, then
// followed until done. Plain values, no behaviour; the rules live in review.h, status.h and
// reports.h. Serialised for the audit log by audit.h.
//
// Provenance. What the extractor found (its action text, its units, its due phrase and the span
// of the sentence) is kept in `sources` and never edited: an edit changes the working fields
// (action, units, due) and appends to `history`; a merge appends the absorbed task's source.
// So the document view can always highlight where a task came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.h"

namespace dondoc::track {

// Roles of a unit in a task (domain.md §8.2; the parser's TaskUnit::role).
enum class UnitRole {
  kLead,        // chủ trì: answers for the task; its reports decide "done"
  kExecute,     // thực hiện: does the work alongside or without a lead
  kCoordinate,  // phối hợp
  kRequested,   // đề nghị: a body outside the issuer's command, asked rather than assigned
};

struct TaskUnit {
  std::string unit_id;  // the registry id ("so-tttt-khanh-hoa"); never empty in a confirmed task
  std::string name;     // as written in the document, for display
  UnitRole role = UnitRole::kLead;
  friend bool operator==(const TaskUnit&, const TaskUnit&) = default;
};

// When the task is due: a fixed date, a recurrence (RRULE text in the subset rrule.h reads,
// anchored at `start`), or nothing ("thường xuyên", "giai đoạn 2021–2025").
struct Due {
  std::optional<calendar::Date> date;   // one-off deadline (the nominal date, not rolled forward)
  std::string rrule;                    // "FREQ=MONTHLY;INTERVAL=3"; empty when not recurring
  std::optional<calendar::Date> start;  // first day the recurrence may fall on (plan date)
  friend bool operator==(const Due&, const Due&) = default;
  bool None() const { return !date && rrule.empty(); }
};

// Byte offsets into the source document's normalized text.
struct SourceSpan {
  std::int64_t begin = 0;
  std::int64_t end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

// What extraction proposed, kept verbatim.
struct Extracted {
  std::string action;
  std::vector<TaskUnit> units;
  Due due;
  std::string due_text;  // the time phrase as written ("trước ngày 15/12 hằng năm")
  SourceSpan span;       // the task's sentence
  std::string path;      // outline path ("III.1.a")
  friend bool operator==(const Extracted&, const Extracted&) = default;
};

enum class TaskState {
  kProposed,   // from extraction, not yet reviewed: not on the board, no status
  kConfirmed,  // on the board
  kDropped,    // rejected in review (kept for the audit trail)
  kMerged,     // folded into another task (`merged_into`)
};

// One reviewed change to the working fields.
struct TaskEdit {
  std::int64_t at = 0;  // Unix seconds
  std::string actor;
  std::string what;  // "confirm", "edit", "merge", "drop"
  std::string note;  // the reason given, if any
  friend bool operator==(const TaskEdit&, const TaskEdit&) = default;
};

struct TrackedTask {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;  // the document (kế hoạch) the task comes from
  std::string action;        // working text ("Tổ chức tập huấn …")
  std::vector<TaskUnit> units;
  Due due;
  TaskState state = TaskState::kProposed;
  std::int64_t merged_into = 0;  // the surviving task's id when state == kMerged
  std::string drop_reason;
  std::vector<Extracted> sources;  // provenance: [0] its own extraction, then merged ones
  std::vector<TaskEdit> history;

  friend bool operator==(const TrackedTask&, const TrackedTask&) = default;
};

// A task made from what the extractor found: state proposed, working fields = the extraction.
TrackedTask FromExtraction(std::int64_t id, std::int64_t plan_id, Extracted extracted);

// The units that decide completion: those with role lead; when none, those with role execute;
// when none, all units. Never empty unless the task has no units.
std::vector<std::string> ResponsibleUnits(const TrackedTask& task);

bool HasUnit(const TrackedTask& task, const std::string& unit_id);

}  // namespace dondoc::track
