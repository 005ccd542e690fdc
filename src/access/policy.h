// The authorisation policy: ONE pure function that every route calls before acting.
//
//   Decide(who, what, on which units) → allow / deny with a reason
//
// The rules (SPEC(product.md, users; issue 5, Access)):
// | action            | admin | office | unit_officer               | reader |
// |-------------------|-------|--------|----------------------------|--------|
// | read/search docs  | yes   | yes    | yes (plans are public)     | yes    |
// | upload document   | no    | yes    | no                         | no     |
// | read task/report  | yes   | yes    | own unit only              | yes    |
// | edit/confirm task | no    | yes    | no                         | no     |
// | file report       | no    | yes ¹  | own unit only              | no     |
// | review report     | no    | yes    | no                         | no     |
// | export            | yes   | yes    | own unit only              | yes    |
// | read audit log    | yes   | yes    | no                         | no     |
// | manage users      | yes   | no     | no                         | no     |
// ¹ the office types in reports that units sent on paper.
//
// "Own unit": the resource lists the units the object belongs to (a task's assigned units, a
// report's unit); an officer is allowed when their unit is among them. An officer without a unit,
// or a unit-scoped action on a resource with no units, is denied. Deny is the default for
// anything not listed. Tested by policy_test.cc (every role × action × own/other/no unit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/principal.h"

namespace dondoc::access {

enum class Action {
  kReadDocument,    // a document, its text and extractions; search
  kUploadDocument,  // add a document (ingest)
  kReadTask,        // a task, its history
  kEditTask,        // confirm, edit, merge or drop a (proposed) task
  kReadReport,      // a progress report
  kFileReport,      // create or update a progress report
  kReviewReport,    // confirm or return a report
  kExport,          // ICS, XLSX, CSV, the compiled periodic report
  kReadAudit,       // the audit log
  kManageUsers,     // add users, change roles, reset passwords
};
inline constexpr Action kAllActions[] = {
    Action::kReadDocument, Action::kUploadDocument, Action::kReadTask,     Action::kEditTask,
    Action::kReadReport,   Action::kFileReport,     Action::kReviewReport, Action::kExport,
    Action::kReadAudit,    Action::kManageUsers};
std::string_view ActionName(Action action);

// What the action is on: the units the object belongs to (empty for global objects such as
// documents, the audit log, users).
struct Resource {
  std::vector<std::string> units;

  static Resource Global() { return {}; }
  static Resource OfUnit(std::string unit) { return {{std::move(unit)}}; }
};

struct Decision {
  bool allow = false;
  std::string_view reason;  // why, for the audit log and the 403 message
  explicit operator bool() const { return allow; }
};

// Pure: no I/O, no clock, no state. Thread-safe.
Decision Decide(const Principal& who, Action action, const Resource& resource);

}  // namespace dondoc::access
