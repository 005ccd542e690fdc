// Tested by policy_test.cc.
#include "access/principal.h"

namespace dondoc::access {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kOffice:
      return "office";
    case Role::kUnitOfficer:
      return "unit_officer";
    case Role::kReader:
      return "reader";
  }
  return "reader";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAdmin, Role::kOffice, Role::kUnitOfficer, Role::kReader}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace dondoc::access
