// Persistence of tracking (issue 5): tracked tasks, progress reports with their attachments,
// and the audit log, behind one interface so a PostgreSQL back-end can follow (no SQL outside
// store/). The rules themselves stay in track/ (review.h, reports.h): a change is passed in as
// a function of the current values, and the repository runs it inside ONE write transaction
// together with the audit rows it returns, so a change without its audit row (or the reverse)
// is never committed, and two offices confirming the same task cannot both read the old state.
//
// The SQLite back-end is sqlite_tracking.h. Threading as store.h: one object is one connection
// and is not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"
#include "track/audit.h"
#include "track/report.h"
#include "track/task.h"

namespace dondoc::store {

// Which tasks to read. Every filter is optional; results are ordered by plan, then id.
struct TaskFilter {
  std::string state;             // "proposed", "confirmed", …; "" = every state
  std::string unit;              // a unit registry id: tasks that list it
  std::int64_t plan = 0;         // a document id; 0 = every plan
  std::string due_from, due_to;  // ISO dates on the one-off due date, inclusive; "" = open
  std::string q;                 // words that must all appear in the action (folded)
};

// The document a task comes from, as the board shows it.
struct PlanRef {
  std::int64_t id = 0;
  std::string number, title, date, issuer;
};

// A document that has tracked tasks, with their counts by state.
struct PlanSummary {
  PlanRef plan;
  std::int64_t proposed = 0, confirmed = 0, dropped = 0, merged = 0;
};

// Who makes a change, for the audit rows (access::AuditRecord's fields).
struct AuditActor {
  std::int64_t user_id = 0;
  std::string name;
  std::string ip;
  std::int64_t now = 0;  // Unix seconds
};

struct AuditEntry {
  std::int64_t id = 0, at = 0, actor_id = 0;
  std::string actor, action, target, before_json, after_json, ip;
};

struct AttachmentInfo {
  std::int64_t id = 0, report_id = 0, size = 0;
  std::string name, media_type;
};

class TrackingRepo {
 public:
  virtual ~TrackingRepo() = default;

  // Proposes tasks from the extraction of document `document_id` (every document when
  // nullopt): one proposed task per extracted task not proposed before. Idempotent — running
  // it again, or after a re-parse, adds nothing for tasks already proposed (keyed by the
  // plan and the extraction's position). Returns how many tasks were added.
  virtual Result<int> Propose(std::optional<std::int64_t> document_id, const AuditActor& who) = 0;

  virtual Result<std::vector<track::TrackedTask>> Tasks(const TaskFilter& filter) = 0;
  // "not_found" when there is no such task.
  virtual Result<track::TrackedTask> Task(std::int64_t id) = 0;
  virtual Result<std::vector<PlanRef>> PlanRefs(const std::vector<std::int64_t>& plan_ids) = 0;
  virtual Result<std::vector<PlanSummary>> Plans() = 0;

  // Reports of these tasks (every report when `task_ids` is empty), by id.
  virtual Result<std::vector<track::ProgressReport>> Reports(
      const std::vector<std::int64_t>& task_ids) = 0;
  // "not_found" when there is no such report.
  virtual Result<track::ProgressReport> Report(std::int64_t id) = 0;

  // Reads tasks `ids` (each must exist: "not_found"), calls `change` with them in that order
  // and writes back every task it returns (by id) with its audit rows, in one transaction.
  using TaskChange = std::function<Result<track::Change<std::vector<track::TrackedTask>>>(
      const std::vector<track::TrackedTask>&)>;
  virtual Result<std::vector<track::TrackedTask>> UpdateTasks(const std::vector<std::int64_t>& ids,
                                                              const TaskChange& change,
                                                              const AuditActor& who) = 0;

  // A new report on task `task_id`: `file` gets the task and the id the report will have.
  using NewReport = std::function<Result<track::Change<track::ProgressReport>>(
      const track::TrackedTask&, std::int64_t new_id)>;
  virtual Result<track::ProgressReport> CreateReport(std::int64_t task_id, const NewReport& file,
                                                     const AuditActor& who) = 0;
  // A change to report `report_id`: `change` gets its task and the report as stored.
  using ReportChange = std::function<Result<track::Change<track::ProgressReport>>(
      const track::TrackedTask&, const track::ProgressReport&)>;
  virtual Result<track::ProgressReport> UpdateReport(std::int64_t report_id,
                                                     const ReportChange& change,
                                                     const AuditActor& who) = 0;

  // Attachments of a report, kept in the store; the report's `attachments` lists their names.
  virtual Result<AttachmentInfo> AddAttachment(std::int64_t report_id, const std::string& name,
                                               const std::string& media_type,
                                               const std::string& bytes, const AuditActor& who) = 0;
  virtual Result<std::vector<AttachmentInfo>> Attachments(std::int64_t report_id) = 0;
  // One attachment's bytes; "not_found" unless it belongs to report `report_id`.
  virtual Result<std::string> AttachmentData(std::int64_t report_id, std::int64_t id) = 0;

  // The audit log, newest first, and its size.
  virtual Result<std::vector<AuditEntry>> AuditLog(int limit, int offset) = 0;
  virtual Result<std::int64_t> AuditCount() = 0;
};

}  // namespace dondoc::store
