// In-memory UserRepo, SessionRepo and AuditSink: for tests and for `dondoc serve` until the store
// carries users, sessions and the audit log. Everything is lost at exit. Thread-safe (one mutex
// each). Tested through sessions_test.cc and login_test.cc.
#pragma once

#include <map>
#include <mutex>

#include "access/repos.h"

namespace dondoc::access {

class MemoryUserRepo final : public UserRepo {
 public:
  std::optional<User> FindByName(const std::string& username) const override;
  std::optional<User> FindById(std::int64_t id) const override;
  Result<std::int64_t> Add(User user) override;
  Result<bool> SetPasswordHash(std::int64_t id, const std::string& hash) override;
  std::vector<User> List() const override;

 private:
  mutable std::mutex mu_;
  std::map<std::int64_t, User> users_;  // guarded by mu_
  std::int64_t next_id_ = 1;            // guarded by mu_
};

class MemorySessionRepo final : public SessionRepo {
 public:
  void Insert(const SessionRecord& session) override;
  std::optional<SessionRecord> Find(const std::string& id) const override;
  void Touch(const std::string& id, std::int64_t now) override;
  void Delete(const std::string& id) override;
  void DeleteForUser(std::int64_t user_id) override;
  std::size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, SessionRecord> sessions_;  // guarded by mu_
};

class MemoryAuditSink final : public AuditSink {
 public:
  void Append(const AuditRecord& record) override;
  std::vector<AuditRecord> Records() const;

 private:
  mutable std::mutex mu_;
  std::vector<AuditRecord> records_;  // guarded by mu_
};

}  // namespace dondoc::access
