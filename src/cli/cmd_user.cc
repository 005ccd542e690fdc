// dondoc user add NAME --role ROLE [--unit UNIT] [--db PATH]
// dondoc user passwd NAME [--db PATH]
// dondoc user list [--db PATH]
//
// Users live in the database (migration v4, store/sqlite_tracking.h). A password is never an
// argument (it would sit in the shell history and in /proc/PID/cmdline): it is read from
// stdin — asked twice without echo on a terminal, one line when piped. Exit 0, 1 on a failure
// (the name is taken, no such user, a weak password), 2 on bad arguments.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "access/crypto.h"
#include "cli/commands.h"
#include "store/sqlite_store.h"
#include "store/sqlite_tracking.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageUser =
    "usage: dondoc user add NAME --role ROLE [--unit UNIT] [--db PATH]\n"
    "       dondoc user passwd NAME [--db PATH]\n"
    "       dondoc user list [--db PATH]\n"
    "  ROLE is admin, office, unit_officer (needs --unit, a unit registry id) or reader.\n"
    "  The password is read from stdin (asked twice, hidden, on a terminal); never an argument.\n"
    "  --db PATH  default ./dondoc.db (created when missing)\n";

std::optional<std::string> ReadLine(const char* prompt, bool tty) {
  if (tty) {
    std::fputs(prompt, stderr);
    std::fflush(stderr);
  }
  termios old{};
  const bool hide = tty && ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (hide) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool ok = static_cast<bool>(std::getline(std::cin, line));
  if (hide) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
  }
  if (!ok) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The new password's hash, or nullopt after printing why not.
std::optional<std::string> NewPasswordHash() {
  const bool tty = ::isatty(STDIN_FILENO) != 0;
  auto password = ReadLine("password: ", tty);
  if (!password) {
    std::fputs("dondoc user: no password on stdin\n", stderr);
    return std::nullopt;
  }
  if (tty) {
    auto again = ReadLine("again: ", tty);
    if (!again || *again != *password) {
      std::fputs("dondoc user: the passwords differ\n", stderr);
      return std::nullopt;
    }
  }
  if (auto rules = access::CheckPasswordRules(*password); !rules.ok()) {
    std::fprintf(stderr, "dondoc user: %s\n", rules.error().message.c_str());
    return std::nullopt;
  }
  auto hash = access::HashPassword(*password);
  if (!hash.ok()) {
    std::fprintf(stderr, "dondoc user: %s\n", hash.error().message.c_str());
    return std::nullopt;
  }
  return hash.value();
}

}  // namespace

int CmdUser(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsageUser, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string verb = args[0];
  std::string db = "dondoc.db", name, role_name, unit;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--db" || a == "--role" || a == "--unit") && i + 1 < args.size()) {
      const std::string& v = args[++i];
      (a == "--db" ? db : a == "--role" ? role_name : unit) = v;
    } else if (a == "--password") {
      std::fputs("dondoc user: passwords are read from stdin, never from arguments\n", stderr);
      return 2;
    } else if (!a.starts_with("--") && name.empty()) {
      name = a;
    } else {
      std::fprintf(stderr, "dondoc user: bad argument '%s'\n%s", a.c_str(), kUsageUser);
      return 2;
    }
  }
  if (verb != "add" && verb != "passwd" && verb != "list") {
    std::fprintf(stderr, "dondoc user: unknown command '%s'\n%s", verb.c_str(), kUsageUser);
    return 2;
  }
  if (verb != "list" && name.empty()) {
    std::fprintf(stderr, "dondoc user %s: a user name is needed\n%s", verb.c_str(), kUsageUser);
    return 2;
  }
  std::optional<access::Role> role;
  if (verb == "add") {
    role = access::ParseRole(role_name);
    if (!role) {
      std::fprintf(stderr, "dondoc user add: --role is admin, office, unit_officer or reader\n");
      return 2;
    }
    if ((*role == access::Role::kUnitOfficer) == unit.empty()) {
      std::fprintf(stderr, "dondoc user add: --unit is for unit_officer, which needs one\n");
      return 2;
    }
  }
  if (!access::InitCrypto()) {
    std::fputs("dondoc user: libsodium failed to initialise\n", stderr);
    return 1;
  }
  // Creates and migrates the database when needed, as ingest does.
  if (auto s = store::OpenSqliteStore(db); !s.ok()) {
    std::fprintf(stderr, "dondoc user: %s: %s\n", db.c_str(), s.error().message.c_str());
    return 1;
  }
  auto repos = store::SqliteAccessRepos::Open(db);
  if (!repos.ok()) {
    std::fprintf(stderr, "dondoc user: %s: %s\n", db.c_str(), repos.error().message.c_str());
    return 1;
  }
  auto& users = *repos.value();
  if (verb == "list") {
    for (const access::User& u : users.List()) {
      std::printf("%-16s %-13s %s%s\n", u.username.c_str(),
                  std::string(access::RoleName(u.role)).c_str(),
                  u.unit_id.empty() ? "-" : u.unit_id.c_str(), u.disabled ? "  (disabled)" : "");
    }
    return 0;
  }
  const std::optional<access::User> existing = users.FindByName(name);
  if (verb == "add" && existing) {
    std::fprintf(stderr, "dondoc user add: %s exists (dondoc user passwd %s)\n", name.c_str(),
                 name.c_str());
    return 1;
  }
  if (verb == "passwd" && !existing) {
    std::fprintf(stderr, "dondoc user passwd: no user %s\n", name.c_str());
    return 1;
  }
  auto hash = NewPasswordHash();
  if (!hash) return 1;
  access::AuditRecord audit;
  audit.at = static_cast<std::int64_t>(std::time(nullptr));
  audit.actor = "cli";
  if (verb == "add") {
    access::User u;
    u.username = name;
    u.role = *role;
    u.unit_id = unit;
    u.password_hash = *hash;
    auto id = users.Add(u);
    if (!id.ok()) {
      std::fprintf(stderr, "dondoc user add: %s\n", id.error().message.c_str());
      return 1;
    }
    audit.action = "user.add";
    audit.target = "user:" + std::to_string(id.value());
    audit.after_json =
        nlohmann::json{{"username", name}, {"role", role_name}, {"unit_id", unit}}.dump();
    users.Append(audit);
    std::printf("added %s (%s%s)\n", name.c_str(), role_name.c_str(),
                unit.empty() ? "" : (" " + unit).c_str());
    return 0;
  }
  if (auto set = users.SetPasswordHash(existing->id, *hash); !set.ok()) {
    std::fprintf(stderr, "dondoc user passwd: %s\n", set.error().message.c_str());
    return 1;
  }
  // A new password ends every session of the user (access/accounts.h does the same).
  users.DeleteForUser(existing->id);
  audit.action = "password_change";
  audit.target = "user:" + std::to_string(existing->id);
  users.Append(audit);
  std::printf("password of %s changed; their sessions are ended\n", name.c_str());
  return 0;
}

}  // namespace dondoc::cli
