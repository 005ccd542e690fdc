// Who is asking: a signed-in user's identity as the policy sees it. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::access {

// SPEC(product.md, access): admin, tracking office, unit officer, reader.
enum class Role {
  kAdmin,        // manages users; no tracking rights beyond reading
  kOffice,       // the tracking office: all tasks, reports and documents
  kUnitOfficer,  // one unit's officer: only that unit's tasks and reports
  kReader,       // read-only over documents and tracking
};

// "admin", "office", "unit_officer", "reader" — the wire and file spelling.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::kReader;
  // The unit an officer acts for (a units/ registry id); empty for the other roles.
  std::string unit_id;
};

}  // namespace dondoc::access
