// Sessions: a random token in the cookie, its hash in the SessionRepo, idle and absolute expiry,
// and the CSRF synchronizer token that goes with each session (stack-notes §8).
//
// Expiry (SPEC(stack-notes §8)): a session dies `idle_seconds` after it was last used or
// `absolute_seconds` after it was created, whichever comes first; an expired session is deleted
// when seen. last_seen is written at most every `touch_seconds`, so the idle timeout may end up
// to that much early — the price of not writing the store on every request.
//
// The clock is injected (tests move time). Thread-safe when the repos are. Tested by
// sessions_test.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "access/repos.h"
#include "base/result.h"

namespace dondoc::access {

// Seconds since the Unix epoch.
using Clock = std::function<std::int64_t()>;
Clock SystemClock();

struct SessionPolicy {
  std::int64_t idle_seconds = 2 * 3600;
  std::int64_t absolute_seconds = 7 * 24 * 3600;
  std::int64_t touch_seconds = 60;
};

struct NewSession {
  std::string token;  // for the cookie; not kept anywhere
  SessionRecord record;
};

struct ActiveSession {
  SessionRecord record;
  Principal principal;  // from the user as it is now: a role change applies at once
};

class Sessions {
 public:
  // The repos must outlive this object.
  Sessions(SessionRepo& sessions, const UserRepo& users, Clock clock, SessionPolicy policy = {});

  NewSession Create(const User& user, std::string ip, std::string user_agent);
  // Error "unauthenticated" (no token, unknown token, user gone or disabled) or
  // "session_expired" (idle or absolute; the session is deleted).
  Result<ActiveSession> Validate(std::string_view token);
  void Revoke(const std::string& session_id);
  void RevokeAllFor(std::int64_t user_id);

  const SessionPolicy& policy() const { return policy_; }
  std::int64_t Now() const { return clock_(); }

 private:
  SessionRepo& sessions_;
  const UserRepo& users_;
  Clock clock_;
  SessionPolicy policy_;
};

// The CSRF check for a mutation: Error "csrf_missing" (no header) or "csrf_invalid" (not this
// session's token; compared in constant time); nullopt when it matches.
std::optional<Error> CheckCsrf(const SessionRecord& session, std::string_view header_token);

}  // namespace dondoc::access
