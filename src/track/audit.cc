// Tested by review_test.cc and reports_test.cc. The JSON is for the audit log and the API: keys
// in a fixed order, dates ISO, enums by their stable names.
#include "track/audit.h"

namespace dondoc::track {
namespace {

using Json = nlohmann::ordered_json;

Json DateOrNull(const std::optional<calendar::Date>& d) {
  return d ? Json(calendar::FormatIso(*d)) : Json(nullptr);
}

Json ToJson(const Due& due) {
  Json j;
  j["date"] = DateOrNull(due.date);
  j["rrule"] = due.rrule;
  j["start"] = DateOrNull(due.start);
  return j;
}

Json ToJson(const std::vector<TaskUnit>& units) {
  Json a = Json::array();
  for (const TaskUnit& u : units) {
    a.push_back(Json{{"unit_id", u.unit_id}, {"name", u.name}, {"role", Name(u.role)}});
  }
  return a;
}

}  // namespace

const char* Name(UnitRole role) {
  switch (role) {
    case UnitRole::kLead:
      return "lead";
    case UnitRole::kExecute:
      return "execute";
    case UnitRole::kCoordinate:
      return "coordinate";
    case UnitRole::kRequested:
      return "requested";
  }
  return "lead";
}

const char* Name(TaskState state) {
  switch (state) {
    case TaskState::kProposed:
      return "proposed";
    case TaskState::kConfirmed:
      return "confirmed";
    case TaskState::kDropped:
      return "dropped";
    case TaskState::kMerged:
      return "merged";
  }
  return "proposed";
}

const char* Name(ReportState state) {
  switch (state) {
    case ReportState::kSubmitted:
      return "submitted";
    case ReportState::kConfirmed:
      return "confirmed";
    case ReportState::kReturned:
      return "returned";
  }
  return "submitted";
}

Json ToJson(const TrackedTask& task) {
  Json j;
  j["id"] = task.id;
  j["plan_id"] = task.plan_id;
  j["action"] = task.action;
  j["units"] = ToJson(task.units);
  j["due"] = ToJson(task.due);
  j["state"] = Name(task.state);
  if (task.state == TaskState::kMerged) j["merged_into"] = task.merged_into;
  if (task.state == TaskState::kDropped) j["drop_reason"] = task.drop_reason;
  Json sources = Json::array();
  for (const Extracted& e : task.sources) {
    sources.push_back(Json{{"action", e.action},
                           {"units", ToJson(e.units)},
                           {"due", ToJson(e.due)},
                           {"due_text", e.due_text},
                           {"span", Json::array({e.span.begin, e.span.end})},
                           {"path", e.path}});
  }
  j["sources"] = std::move(sources);
  j["edits"] = task.history.size();
  return j;
}

Json ToJson(const ProgressReport& r) {
  Json j;
  j["id"] = r.id;
  j["task_id"] = r.task_id;
  j["unit_id"] = r.unit_id;
  j["period"] = Json{{"from", calendar::FormatIso(r.period.from)},
                     {"to", calendar::FormatIso(r.period.to)},
                     {"label", r.period.label}};
  j["instance"] = DateOrNull(r.instance);
  j["text"] = r.text;
  j["percent"] = r.percent;
  j["attachments"] = r.attachments;
  j["state"] = Name(r.state);
  j["return_reason"] = r.return_reason;
  j["returns"] = r.returns;
  j["submitted_at"] = r.submitted_at;
  j["decided_at"] = r.decided_at;
  j["decided_by"] = r.decided_by;
  return j;
}

}  // namespace dondoc::track
