// Tested by policy_test.cc. The table in policy.h is the specification; keep them in step.
#include "access/policy.h"

#include <algorithm>

namespace dondoc::access {

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kReadDocument:
      return "read_document";
    case Action::kUploadDocument:
      return "upload_document";
    case Action::kReadTask:
      return "read_task";
    case Action::kEditTask:
      return "edit_task";
    case Action::kReadReport:
      return "read_report";
    case Action::kFileReport:
      return "file_report";
    case Action::kReviewReport:
      return "review_report";
    case Action::kExport:
      return "export";
    case Action::kReadAudit:
      return "read_audit";
    case Action::kManageUsers:
      return "manage_users";
  }
  return "unknown";
}

namespace {

constexpr Decision Allow(std::string_view why) { return {true, why}; }
constexpr Decision Deny(std::string_view why) { return {false, why}; }

Decision OwnUnit(const Principal& who, const Resource& resource) {
  if (who.unit_id.empty()) return Deny("the officer has no unit");
  if (std::find(resource.units.begin(), resource.units.end(), who.unit_id) == resource.units.end())
    return Deny("not the officer's unit");
  return Allow("the officer's own unit");
}

}  // namespace

Decision Decide(const Principal& who, Action action, const Resource& resource) {
  switch (who.role) {
    case Role::kAdmin:
      switch (action) {
        case Action::kManageUsers:
        case Action::kReadAudit:
        case Action::kReadDocument:
        case Action::kReadTask:
        case Action::kReadReport:
        case Action::kExport:
          return Allow("admin");
        default:
          return Deny("admins manage users; tracking changes are the office's");
      }
    case Role::kOffice:
      if (action == Action::kManageUsers) return Deny("only an admin manages users");
      return Allow("tracking office");
    case Role::kUnitOfficer:
      switch (action) {
        case Action::kReadDocument:
          return Allow("documents are readable by every role");
        case Action::kReadTask:
        case Action::kReadReport:
        case Action::kFileReport:
        case Action::kExport:
          return OwnUnit(who, resource);
        default:
          return Deny("a unit officer cannot do this");
      }
    case Role::kReader:
      switch (action) {
        case Action::kReadDocument:
        case Action::kReadTask:
        case Action::kReadReport:
        case Action::kExport:
          return Allow("read-only access");
        default:
          return Deny("readers have read-only access");
      }
  }
  return Deny("unknown role");
}

}  // namespace dondoc::access
