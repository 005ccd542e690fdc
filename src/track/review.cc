// Tested by review_test.cc.
#include "track/review.h"

#include <algorithm>

namespace dondoc::track {
namespace {

Error Fail(std::string code, std::string message) { return {std::move(code), std::move(message)}; }

std::string Target(const TrackedTask& t) { return "task:" + std::to_string(t.id); }

Audit Record(const TrackedTask& before, const TrackedTask& after, const Actor& actor,
             const std::string& action) {
  return {actor.now, actor.name, action, Target(before), ToJson(before), ToJson(after)};
}

bool Final(TaskState s) { return s == TaskState::kDropped || s == TaskState::kMerged; }

// Lower is stronger.
int Strength(UnitRole r) { return static_cast<int>(r); }

}  // namespace

Result<Change<TrackedTask>> Confirm(const TrackedTask& task, const Actor& actor) {
  if (task.state != TaskState::kProposed) {
    return Fail(
        "invalid_state",
        std::string("only a proposed task can be confirmed; this one is ") + Name(task.state));
  }
  if (task.units.empty()) return Fail("missing_unit", "a task needs at least one unit");
  for (const TaskUnit& u : task.units) {
    // An unresolved unit name cannot be reported against or authorised; the office must pick
    // the registry unit first (an edit).
    if (u.unit_id.empty()) return Fail("missing_unit", "unit \"" + u.name + "\" is not resolved");
  }
  TrackedTask after = task;
  after.state = TaskState::kConfirmed;
  after.history.push_back({actor.now, actor.name, "confirm", ""});
  Audit a = Record(task, after, actor, "task.confirm");
  return Change<TrackedTask>{std::move(after), {std::move(a)}};
}

Result<Change<TrackedTask>> Edit(const TrackedTask& task, const TaskPatch& patch,
                                 const Actor& actor) {
  if (Final(task.state)) {
    return Fail("invalid_state", std::string("a ") + Name(task.state) + " task cannot be edited");
  }
  TrackedTask after = task;
  if (patch.action) after.action = *patch.action;
  if (patch.units) after.units = *patch.units;
  if (patch.due) after.due = *patch.due;
  if (after.action.empty()) return Fail("invalid_edit", "the action text cannot be empty");
  if (after.units.empty()) return Fail("invalid_edit", "a task needs at least one unit");
  if (after.state == TaskState::kConfirmed) {
    for (const TaskUnit& u : after.units) {
      if (u.unit_id.empty()) return Fail("missing_unit", "unit \"" + u.name + "\" is not resolved");
    }
  }
  if (after.action == task.action && after.units == task.units && after.due == task.due) {
    return Fail("invalid_edit", "the edit changes nothing");
  }
  after.history.push_back({actor.now, actor.name, "edit", patch.note});
  Audit a = Record(task, after, actor, "task.edit");
  return Change<TrackedTask>{std::move(after), {std::move(a)}};
}

Result<Change<std::vector<TrackedTask>>> Merge(const TrackedTask& kept, const TrackedTask& absorbed,
                                               const Actor& actor) {
  if (kept.id == absorbed.id) return Fail("invalid_merge", "a task cannot be merged with itself");
  if (kept.plan_id != absorbed.plan_id) {
    return Fail("invalid_merge", "tasks of different plans cannot be merged");
  }
  if (kept.state != TaskState::kProposed || absorbed.state != TaskState::kProposed) {
    return Fail("invalid_state", "only proposed tasks can be merged");
  }
  TrackedTask k = kept;
  for (const TaskUnit& u : absorbed.units) {
    auto it = std::find_if(k.units.begin(), k.units.end(), [&](const TaskUnit& x) {
      // The same registry unit under two spellings is one unit; unresolved ones match by name.
      return u.unit_id.empty() ? x.unit_id.empty() && x.name == u.name : x.unit_id == u.unit_id;
    });
    if (it == k.units.end()) {
      k.units.push_back(u);
    } else if (Strength(u.role) < Strength(it->role)) {
      it->role = u.role;
    }
  }
  if (k.due.None()) k.due = absorbed.due;
  k.sources.insert(k.sources.end(), absorbed.sources.begin(), absorbed.sources.end());
  const std::string note = "merged task " + std::to_string(absorbed.id);
  k.history.push_back({actor.now, actor.name, "merge", note});

  TrackedTask a = absorbed;
  a.state = TaskState::kMerged;
  a.merged_into = kept.id;
  a.history.push_back({actor.now, actor.name, "merge", "into task " + std::to_string(kept.id)});

  std::vector<Audit> audit{Record(kept, k, actor, "task.merge"),
                           Record(absorbed, a, actor, "task.merge")};
  return Change<std::vector<TrackedTask>>{{std::move(k), std::move(a)}, std::move(audit)};
}

Result<Change<TrackedTask>> Drop(const TrackedTask& task, const std::string& reason,
                                 const Actor& actor) {
  if (Final(task.state)) {
    return Fail("invalid_state", std::string("a ") + Name(task.state) + " task cannot be dropped");
  }
  if (reason.find_first_not_of(" \t\n") == std::string::npos) {
    return Fail("missing_reason", "dropping a task needs a reason");
  }
  TrackedTask after = task;
  after.state = TaskState::kDropped;
  after.drop_reason = reason;
  after.history.push_back({actor.now, actor.name, "drop", reason});
  Audit a = Record(task, after, actor, "task.drop");
  return Change<TrackedTask>{std::move(after), {std::move(a)}};
}

}  // namespace dondoc::track
