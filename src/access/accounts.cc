// Tested by accounts_test.cc.
#include "access/accounts.h"

#include <algorithm>

namespace dondoc::access {

Accounts::Accounts(UserRepo& users, Sessions& sessions, AuditSink& audit, PasswordParams params)
    : users_(users), sessions_(sessions), audit_(audit), params_(params) {
  auto dummy = HashPassword("not a password of anyone", params_);
  if (dummy.ok()) dummy_hash_ = std::move(dummy.value());
}

void Accounts::CountFailure(const std::string& key) {
  const std::int64_t now = sessions_.Now();
  Failures& f = failures_[key];
  if (now - f.window_start >= kThrottleWindowSeconds) f = {0, now};
  ++f.count;
}

std::int64_t Accounts::RetryAfterLocked(const std::string& key, int max) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  const std::int64_t left = it->second.window_start + kThrottleWindowSeconds - sessions_.Now();
  if (left <= 0) {
    failures_.erase(it);  // also keeps the map from growing without bound
    return 0;
  }
  return it->second.count >= max ? left : 0;
}

std::int64_t Accounts::RetryAfter(const std::string& username, const std::string& ip) {
  std::lock_guard lock(mu_);
  return std::max(RetryAfterLocked("u:" + username, kMaxFailuresPerUser),
                  RetryAfterLocked("ip:" + ip, kMaxFailuresPerIp));
}

void Accounts::Audit(const Principal* who, std::string action, std::string target, std::string ip) {
  AuditRecord r;
  r.at = sessions_.Now();
  if (who) {
    r.actor_id = who->user_id;
    r.actor = who->username;
  }
  r.action = std::move(action);
  r.target = std::move(target);
  r.ip = std::move(ip);
  audit_.Append(r);
}

Result<LoginResult> Accounts::Login(const std::string& username, const std::string& password,
                                    const std::string& ip, const std::string& user_agent) {
  if (username.empty()) return Error{"invalid_field", "The user name is empty."};
  if (password.empty()) return Error{"invalid_field", "The password is empty."};
  if (password.size() > kMaxPasswordBytes)
    return Error{"bad_credentials", "Wrong user name or password."};
  if (RetryAfter(username, ip) > 0)
    return Error{"rate_limited", "Too many failed sign-ins; try again later."};

  std::optional<User> user = users_.FindByName(username);
  // Unknown user: verify against a dummy hash anyway, so timing does not tell names apart.
  const bool ok =
      VerifyPassword(user ? user->password_hash : dummy_hash_, password) && user && !user->disabled;
  if (!ok) {
    {
      std::lock_guard lock(mu_);
      CountFailure("u:" + username);
      CountFailure("ip:" + ip);
    }
    AuditRecord r;
    r.at = sessions_.Now();
    r.actor = username;
    r.action = "login_failed";
    r.target = user ? "user:" + std::to_string(user->id) : "";
    r.ip = ip;
    audit_.Append(r);
    return Error{"bad_credentials", "Wrong user name or password."};
  }
  {
    std::lock_guard lock(mu_);
    failures_.erase("u:" + username);
  }
  if (NeedsRehash(user->password_hash, params_)) {
    auto rehashed = HashPassword(password, params_);
    if (rehashed.ok()) users_.SetPasswordHash(user->id, rehashed.value());
  }
  NewSession s = sessions_.Create(*user, ip, user_agent);
  const Principal who = user->ToPrincipal();
  Audit(&who, "login", "user:" + std::to_string(user->id), ip);
  return LoginResult{std::move(s.token), std::move(s.record.csrf_token), who};
}

void Accounts::Logout(const ActiveSession& session, const std::string& ip) {
  sessions_.Revoke(session.record.id);
  Audit(&session.principal, "logout", "user:" + std::to_string(session.principal.user_id), ip);
}

Result<LoginResult> Accounts::ChangePassword(const ActiveSession& session,
                                             const std::string& current,
                                             const std::string& new_password, const std::string& ip,
                                             const std::string& user_agent) {
  const Principal& who = session.principal;
  if (RetryAfter(who.username, ip) > 0)
    return Error{"rate_limited", "Too many failed attempts; try again later."};
  std::optional<User> user = users_.FindById(who.user_id);
  if (!user) return Error{"unauthenticated", "The account is no longer active."};
  if (current.size() > kMaxPasswordBytes || !VerifyPassword(user->password_hash, current)) {
    std::lock_guard lock(mu_);
    CountFailure("u:" + who.username);
    return Error{"bad_credentials", "The current password is wrong."};
  }
  if (auto rules = CheckPasswordRules(new_password); !rules.ok()) return rules.error();
  auto hash = HashPassword(new_password, params_);
  if (!hash.ok()) return hash.error();
  if (auto set = users_.SetPasswordHash(user->id, hash.value()); !set.ok()) return set.error();
  // Every other session of this user may be an attacker's: end them all, start a fresh one.
  sessions_.RevokeAllFor(user->id);
  NewSession s = sessions_.Create(*user, ip, user_agent);
  // The hashes are secrets: the audit record says that the password changed, not to what.
  Audit(&who, "password_change", "user:" + std::to_string(user->id), ip);
  return LoginResult{std::move(s.token), std::move(s.record.csrf_token), who};
}

}  // namespace dondoc::access
