// Tested by sessions_test.cc.
#include "access/sessions.h"

#include <chrono>

#include "access/crypto.h"

namespace dondoc::access {

Clock SystemClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

Sessions::Sessions(SessionRepo& sessions, const UserRepo& users, Clock clock, SessionPolicy policy)
    : sessions_(sessions), users_(users), clock_(std::move(clock)), policy_(policy) {}

NewSession Sessions::Create(const User& user, std::string ip, std::string user_agent) {
  NewSession s;
  s.token = NewToken();
  s.record.id = TokenHash(s.token);
  s.record.user_id = user.id;
  s.record.csrf_token = NewToken();
  s.record.created_at = s.record.last_seen_at = clock_();
  s.record.ip = std::move(ip);
  s.record.user_agent = std::move(user_agent);
  sessions_.Insert(s.record);
  return s;
}

Result<ActiveSession> Sessions::Validate(std::string_view token) {
  if (token.empty()) return Error{"unauthenticated", "Sign in first."};
  const std::string id = TokenHash(token);
  std::optional<SessionRecord> rec = sessions_.Find(id);
  if (!rec) return Error{"unauthenticated", "Unknown or ended session; sign in again."};
  const std::int64_t now = clock_();
  if (now - rec->created_at >= policy_.absolute_seconds) {
    sessions_.Delete(id);
    return Error{"session_expired", "The session reached its maximum lifetime; sign in again."};
  }
  if (now - rec->last_seen_at >= policy_.idle_seconds) {
    sessions_.Delete(id);
    return Error{"session_expired", "The session was idle too long; sign in again."};
  }
  std::optional<User> user = users_.FindById(rec->user_id);
  if (!user || user->disabled) {
    sessions_.Delete(id);
    return Error{"unauthenticated", "The account is no longer active."};
  }
  if (now - rec->last_seen_at >= policy_.touch_seconds) {
    sessions_.Touch(id, now);
    rec->last_seen_at = now;
  }
  return ActiveSession{std::move(*rec), user->ToPrincipal()};
}

void Sessions::Revoke(const std::string& session_id) { sessions_.Delete(session_id); }

void Sessions::RevokeAllFor(std::int64_t user_id) { sessions_.DeleteForUser(user_id); }

std::optional<Error> CheckCsrf(const SessionRecord& session, std::string_view header_token) {
  if (header_token.empty()) return Error{"csrf_missing", "The X-CSRF-Token header is missing."};
  if (session.csrf_token.empty() || !ConstantTimeEquals(session.csrf_token, header_token))
    return Error{"csrf_invalid", "The CSRF token does not match this session."};
  return std::nullopt;
}

}  // namespace dondoc::access
