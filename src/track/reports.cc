// Tested by reports_test.cc.
#include "track/reports.h"

namespace dondoc::track {
namespace {

Error Fail(std::string code, std::string message) { return {std::move(code), std::move(message)}; }

std::string Target(const ProgressReport& r) { return "report:" + std::to_string(r.id); }

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The checks shared by Submit and Resubmit: is this a report this task can take?
std::optional<Error> Check(const TrackedTask& task, const ProgressReport& r) {
  if (task.state != TaskState::kConfirmed) {
    return Fail(
        "task_not_confirmed",
        std::string("reports are filed on confirmed tasks; this one is ") + Name(task.state));
  }
  if (r.task_id != task.id) return Fail("invalid_report", "the report belongs to another task");
  if (!HasUnit(task, r.unit_id)) {
    return Fail("unit_not_assigned", "unit \"" + r.unit_id + "\" is not assigned this task");
  }
  if (r.percent < 0 || r.percent > 100) return Fail("invalid_report", "percent must be 0..100");
  if (Blank(r.text)) return Fail("invalid_report", "the report text is empty");
  if (r.period.to < r.period.from)
    return Fail("invalid_report", "the period ends before it starts");
  const bool recurring = !task.due.rrule.empty();
  if (recurring && !r.instance) {
    return Fail("invalid_report", "a recurring duty's report must name its due instance");
  }
  if (!recurring && r.instance) {
    return Fail("invalid_report", "a one-off task's report has no due instance");
  }
  return std::nullopt;
}

}  // namespace

Result<Change<ProgressReport>> Submit(const TrackedTask& task, const ProgressReport& draft,
                                      const Actor& actor) {
  if (auto e = Check(task, draft)) return *e;
  ProgressReport r = draft;
  r.state = ReportState::kSubmitted;
  r.return_reason.clear();
  r.returns = 0;
  r.submitted_at = actor.now;
  r.decided_at = 0;
  r.decided_by.clear();
  Audit a{actor.now, actor.name, "report.submit", Target(r), nullptr, ToJson(r)};
  return Change<ProgressReport>{std::move(r), {std::move(a)}};
}

Result<Change<ProgressReport>> ConfirmReport(const ProgressReport& report, const Actor& actor) {
  if (report.state != ReportState::kSubmitted) {
    return Fail(
        "invalid_state",
        std::string("only a submitted report can be confirmed; this one is ") + Name(report.state));
  }
  ProgressReport r = report;
  r.state = ReportState::kConfirmed;
  r.decided_at = actor.now;
  r.decided_by = actor.name;
  Audit a{actor.now, actor.name, "report.confirm", Target(r), ToJson(report), ToJson(r)};
  return Change<ProgressReport>{std::move(r), {std::move(a)}};
}

Result<Change<ProgressReport>> ReturnReport(const ProgressReport& report, const std::string& reason,
                                            const Actor& actor) {
  if (report.state != ReportState::kSubmitted) {
    return Fail(
        "invalid_state",
        std::string("only a submitted report can be returned; this one is ") + Name(report.state));
  }
  if (Blank(reason)) return Fail("missing_reason", "returning a report needs a reason");
  ProgressReport r = report;
  r.state = ReportState::kReturned;
  r.return_reason = reason;
  ++r.returns;
  r.decided_at = actor.now;
  r.decided_by = actor.name;
  Audit a{actor.now, actor.name, "report.return", Target(r), ToJson(report), ToJson(r)};
  return Change<ProgressReport>{std::move(r), {std::move(a)}};
}

Result<Change<ProgressReport>> Resubmit(const TrackedTask& task, const ProgressReport& report,
                                        const ProgressReport& revised, const Actor& actor) {
  if (report.state != ReportState::kReturned) {
    return Fail("invalid_state", "only a returned report can be resubmitted");
  }
  ProgressReport r = report;
  r.text = revised.text;
  r.percent = revised.percent;
  r.attachments = revised.attachments;
  if (auto e = Check(task, r)) return *e;
  r.state = ReportState::kSubmitted;
  r.submitted_at = actor.now;
  Audit a{actor.now, actor.name, "report.resubmit", Target(r), ToJson(report), ToJson(r)};
  return Change<ProgressReport>{std::move(r), {std::move(a)}};
}

calendar::Date LocalDate(std::int64_t unix_seconds) {
  // SPEC(stack-notes §7): Asia/Ho_Chi_Minh is UTC+07:00 with no daylight saving.
  constexpr std::int64_t kOffset = 7 * 3600;
  std::int64_t s = unix_seconds + kOffset;
  std::int64_t days = s / 86400;
  if (s % 86400 < 0) --days;  // floor for times before 1970
  return calendar::FromDayNumber(static_cast<int>(days));
}

}  // namespace dondoc::track
