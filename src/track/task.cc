// Tested by review_test.cc.
#include "track/task.h"

#include <algorithm>

namespace dondoc::track {

TrackedTask FromExtraction(std::int64_t id, std::int64_t plan_id, Extracted extracted) {
  TrackedTask t;
  t.id = id;
  t.plan_id = plan_id;
  t.action = extracted.action;
  t.units = extracted.units;
  t.due = extracted.due;
  t.sources.push_back(std::move(extracted));
  return t;
}

std::vector<std::string> ResponsibleUnits(const TrackedTask& task) {
  std::vector<std::string> out;
  for (UnitRole role : {UnitRole::kLead, UnitRole::kExecute}) {
    for (const TaskUnit& u : task.units) {
      if (u.role == role) out.push_back(u.unit_id);
    }
    if (!out.empty()) return out;
  }
  for (const TaskUnit& u : task.units) out.push_back(u.unit_id);
  return out;
}

bool HasUnit(const TrackedTask& task, const std::string& unit_id) {
  return std::any_of(task.units.begin(), task.units.end(),
                     [&](const TaskUnit& u) { return u.unit_id == unit_id; });
}

}  // namespace dondoc::track
