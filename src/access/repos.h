// What access/ needs from persistence, as three small interfaces. memory_repos.h implements
// them for tests and for `dondoc serve` until the store has tables for them; the SQLite
// implementation will live in store/ and be written against these (access/ never sees SQL).
//
// Times are seconds since the Unix epoch (UTC). Implementations must be thread-safe: the
// server calls them from several worker threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "base/result.h"

namespace dondoc::access {

struct User {
  std::int64_t id = 0;   // assigned by UserRepo::Add
  std::string username;  // unique, compared exactly (the UI lower-cases before sending)
  Role role = Role::kReader;
  std::string unit_id;        // unit officers only
  std::string password_hash;  // PHC string (crypto.h)
  bool disabled = false;

  Principal ToPrincipal() const { return {id, username, role, unit_id}; }
};

class UserRepo {
 public:
  virtual ~UserRepo() = default;
  virtual std::optional<User> FindByName(const std::string& username) const = 0;
  virtual std::optional<User> FindById(std::int64_t id) const = 0;
  // Adds `user` (id ignored) and returns its id; Error "conflict" when the name is taken.
  virtual Result<std::int64_t> Add(User user) = 0;
  // Error "not_found" when there is no such user.
  virtual Result<bool> SetPasswordHash(std::int64_t id, const std::string& hash) = 0;
  virtual std::vector<User> List() const = 0;
};

struct SessionRecord {
  std::string id;  // TokenHash(token): the token itself is never stored
  std::int64_t user_id = 0;
  std::string csrf_token;  // synchronizer token; useless without the session cookie
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::string ip;
  std::string user_agent;
};

class SessionRepo {
 public:
  virtual ~SessionRepo() = default;
  virtual void Insert(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> Find(const std::string& id) const = 0;
  virtual void Touch(const std::string& id, std::int64_t now) = 0;
  virtual void Delete(const std::string& id) = 0;
  virtual void DeleteForUser(std::int64_t user_id) = 0;
};

// One entry of the audit log: who did what to which object, with the object before and after.
struct AuditRecord {
  std::int64_t at = 0;
  std::int64_t actor_id = 0;  // 0 when nobody is signed in (a failed login)
  std::string actor;          // the user name at the time (names may change later)
  std::string action;         // "login", "login_failed", "logout", "password_change", …
  std::string target;         // "user:7", "task:123", "report:9"
  std::string before_json;    // the object before the change ("" when created / not an edit)
  std::string after_json;     // after ("" when deleted / not an edit)
  std::string ip;
};

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void Append(const AuditRecord& record) = 0;
};

}  // namespace dondoc::access
