// Tested by sessions_test.cc and login_test.cc.
#include "access/memory_repos.h"

namespace dondoc::access {

std::optional<User> MemoryUserRepo::FindByName(const std::string& username) const {
  std::lock_guard lock(mu_);
  for (const auto& [id, u] : users_) {
    if (u.username == username) return u;
  }
  return std::nullopt;
}

std::optional<User> MemoryUserRepo::FindById(std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = users_.find(id);
  if (it == users_.end()) return std::nullopt;
  return it->second;
}

Result<std::int64_t> MemoryUserRepo::Add(User user) {
  std::lock_guard lock(mu_);
  for (const auto& [id, u] : users_) {
    if (u.username == user.username)
      return Error{"conflict", "the user name '" + user.username + "' is taken"};
  }
  user.id = next_id_++;
  const std::int64_t id = user.id;
  users_.emplace(id, std::move(user));
  return id;
}

Result<bool> MemoryUserRepo::SetPasswordHash(std::int64_t id, const std::string& hash) {
  std::lock_guard lock(mu_);
  auto it = users_.find(id);
  if (it == users_.end()) return Error{"not_found", "no such user"};
  it->second.password_hash = hash;
  return true;
}

std::vector<User> MemoryUserRepo::List() const {
  std::lock_guard lock(mu_);
  std::vector<User> out;
  for (const auto& [id, u] : users_) out.push_back(u);
  return out;
}

void MemorySessionRepo::Insert(const SessionRecord& session) {
  std::lock_guard lock(mu_);
  sessions_[session.id] = session;
}

std::optional<SessionRecord> MemorySessionRepo::Find(const std::string& id) const {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

void MemorySessionRepo::Touch(const std::string& id, std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(id);
  if (it != sessions_.end()) it->second.last_seen_at = now;
}

void MemorySessionRepo::Delete(const std::string& id) {
  std::lock_guard lock(mu_);
  sessions_.erase(id);
}

void MemorySessionRepo::DeleteForUser(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.user_id == user_id; });
}

std::size_t MemorySessionRepo::size() const {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

void MemoryAuditSink::Append(const AuditRecord& record) {
  std::lock_guard lock(mu_);
  records_.push_back(record);
}

std::vector<AuditRecord> MemoryAuditSink::Records() const {
  std::lock_guard lock(mu_);
  return records_;
}

}  // namespace dondoc::access
