// Tested by users_file_test.cc.
#include "access/users_file.h"

#include <set>
#include <sstream>

namespace dondoc::access {

namespace {

Error Bad(int line, const std::string& why) {
  return Error{"bad_users_file", "line " + std::to_string(line) + ": " + why};
}

}  // namespace

Result<std::vector<User>> ParseUsersFile(std::string_view text) {
  std::vector<User> users;
  std::set<std::string> names;
  std::istringstream in{std::string(text)};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (const std::size_t hash = line.find('#'); hash != std::string::npos) {
      // '#' inside a PHC string is impossible (base64 alphabet), so a comment can start anywhere.
      line.erase(hash);
    }
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    if (f.empty()) continue;
    if (f.size() != 4) return Bad(number, "expected 4 fields: name role unit hash");
    User u;
    u.username = f[0];
    std::optional<Role> role = ParseRole(f[1]);
    if (!role)
      return Bad(number, "unknown role '" + f[1] + "' (admin, office, unit_officer, reader)");
    u.role = *role;
    if (u.role == Role::kUnitOfficer) {
      if (f[2] == "-") return Bad(number, "a unit_officer needs a unit id");
      u.unit_id = f[2];
    } else if (f[2] != "-") {
      return Bad(number, "only a unit_officer has a unit (use '-')");
    }
    if (!f[3].starts_with("$argon2id$"))
      return Bad(number, "the password must be an Argon2id hash (dondoc serve --hash-password)");
    u.password_hash = f[3];
    if (!names.insert(u.username).second) return Bad(number, "duplicate user '" + u.username + "'");
    users.push_back(std::move(u));
  }
  return users;
}

}  // namespace dondoc::access
