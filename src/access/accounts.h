// Sign-in, sign-out and password change: the account operations the API exposes, with the
// login throttle and the audit trail. Blocking (Argon2): call from worker threads.
//
// - Unknown user and wrong password take the same time and give the same error
//   ("bad_credentials"), so the login form does not reveal which user names exist.
// - Throttle: after kMaxFailuresPerUser failed logins for a user name, or kMaxFailuresPerIp from
//   one address, within kThrottleWindowSeconds, further attempts are refused ("rate_limited")
//   without hashing until the window passes; a success clears the user name's count.
// - A successful login with weaker-than-default hash parameters rehashes the password.
// - A password change revokes every session of the user and opens a new one (fixation).
// - Audit: login, login_failed, logout, password_change.
//
// Thread-safe. Tested by accounts_test.cc.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "access/crypto.h"
#include "access/repos.h"
#include "access/sessions.h"

namespace dondoc::access {

inline constexpr int kMaxFailuresPerUser = 5;
inline constexpr int kMaxFailuresPerIp = 20;
inline constexpr std::int64_t kThrottleWindowSeconds = 15 * 60;

struct LoginResult {
  std::string token;       // for the session cookie
  std::string csrf_token;  // for X-CSRF-Token
  Principal principal;
};

class Accounts {
 public:
  // Everything must outlive this object. `params` is used for new hashes and rehashing.
  Accounts(UserRepo& users, Sessions& sessions, AuditSink& audit,
           PasswordParams params = DefaultPasswordParams());

  // Errors: "invalid_field" (empty user name or password), "rate_limited", "bad_credentials".
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& ip, const std::string& user_agent);
  void Logout(const ActiveSession& session, const std::string& ip);
  // Errors: "bad_credentials" (current password wrong), "invalid_field" (new password rules),
  // "rate_limited" (too many wrong current passwords).
  Result<LoginResult> ChangePassword(const ActiveSession& session, const std::string& current,
                                     const std::string& new_password, const std::string& ip,
                                     const std::string& user_agent);

  // Seconds until a throttled user name / address may try again (0 when not throttled).
  std::int64_t RetryAfter(const std::string& username, const std::string& ip);

 private:
  struct Failures {
    int count = 0;
    std::int64_t window_start = 0;
  };
  // Counts a failure for `key`; guarded by mu_.
  void CountFailure(const std::string& key);
  std::int64_t RetryAfterLocked(const std::string& key, int max);
  void Audit(const Principal* who, std::string action, std::string target, std::string ip);

  UserRepo& users_;
  Sessions& sessions_;
  AuditSink& audit_;
  PasswordParams params_;
  std::string dummy_hash_;  // verified against for unknown users (same timing)
  std::mutex mu_;
  std::map<std::string, Failures> failures_;  // "u:<name>" / "ip:<addr>"; guarded by mu_
};

}  // namespace dondoc::access
