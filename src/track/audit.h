// The audit record of a tracking change (who, when, what, the object before and after) and the
// JSON forms of tasks and reports it stores. Tested by review_test.cc and reports_test.cc.
//
// Same shape as access::AuditRecord (access/repos.h), with the JSON kept as values so tests
// can compare fields; the wiring converts with before.dump(). track/ does not depend on
// access/, which sits beside it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "track/report.h"
#include "track/task.h"

namespace dondoc::track {

struct Audit {
  std::int64_t at = 0;  // Unix seconds
  std::string actor;
  std::string action;             // "task.confirm", "task.edit", "task.merge", "report.return", …
  std::string target;             // "task:12", "report:9"
  nlohmann::ordered_json before;  // null when the object is new
  nlohmann::ordered_json after;   // null when the object is gone
};

// Who does something, when. Passed to every function that changes state.
struct Actor {
  std::string name;
  std::int64_t now = 0;  // Unix seconds
};

// A changed value together with its audit record(s).
template <typename T>
struct Change {
  T value;
  std::vector<Audit> audit;
};

// Stable names for the enums, used in JSON and exports: "lead", "confirmed", …
const char* Name(UnitRole role);
const char* Name(TaskState state);
const char* Name(ReportState state);

nlohmann::ordered_json ToJson(const TrackedTask& task);
nlohmann::ordered_json ToJson(const ProgressReport& report);

}  // namespace dondoc::track
