#include "access/sessions.h"

#include <gtest/gtest.h>

#include "access/crypto.h"
#include "access/memory_repos.h"

namespace dondoc::access {
namespace {

class SessionsTest : public ::testing::Test {
 protected:
  SessionsTest()
      : sessions_(
            repo_, users_, [this] { return now_; }, Policy()) {
    User u;
    u.username = "sotc";
    u.role = Role::kUnitOfficer;
    u.unit_id = "so-tai-chinh";
    u.password_hash = "$argon2id$unused";
    user_id_ = users_.Add(u).value();
    user_ = *users_.FindById(user_id_);
  }
  static SessionPolicy Policy() {
    return {.idle_seconds = 100, .absolute_seconds = 1000, .touch_seconds = 10};
  }

  std::int64_t now_ = 1'700'000'000;
  MemoryUserRepo users_;
  MemorySessionRepo repo_;
  Sessions sessions_;
  std::int64_t user_id_ = 0;
  User user_;
};

TEST_F(SessionsTest, CreateStoresOnlyTheTokenHash) {
  NewSession s = sessions_.Create(user_, "127.0.0.1", "test");
  EXPECT_EQ(s.record.id, TokenHash(s.token));
  EXPECT_FALSE(repo_.Find(s.token));
  ASSERT_TRUE(repo_.Find(s.record.id));
  EXPECT_NE(s.record.csrf_token, s.token);
  auto v = sessions_.Validate(s.token);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v.value().principal.username, "sotc");
  EXPECT_EQ(v.value().principal.unit_id, "so-tai-chinh");
}

TEST_F(SessionsTest, UnknownOrEmptyTokenIsUnauthenticated) {
  EXPECT_EQ(sessions_.Validate("").error().code, "unauthenticated");
  EXPECT_EQ(sessions_.Validate("forged-token").error().code, "unauthenticated");
  NewSession s = sessions_.Create(user_, "", "");
  // The stored hash is no token: presenting it does not work.
  EXPECT_EQ(sessions_.Validate(s.record.id).error().code, "unauthenticated");
}

TEST_F(SessionsTest, IdleExpiry) {
  NewSession s = sessions_.Create(user_, "", "");
  now_ += 99;
  ASSERT_TRUE(sessions_.Validate(s.token).ok());  // touches: last seen = now
  now_ += 99;
  ASSERT_TRUE(sessions_.Validate(s.token).ok());
  now_ += 100;
  auto v = sessions_.Validate(s.token);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, "session_expired");
  // Deleted when seen: the next attempt does not even find it.
  EXPECT_EQ(sessions_.Validate(s.token).error().code, "unauthenticated");
  EXPECT_EQ(repo_.size(), 0u);
}

TEST_F(SessionsTest, AbsoluteExpiryEvenWhenActive) {
  NewSession s = sessions_.Create(user_, "", "");
  for (int i = 0; i < 11; ++i) {
    now_ += 90;
    ASSERT_TRUE(sessions_.Validate(s.token).ok()) << i;
  }
  now_ += 10;  // 1000 s after creation
  auto v = sessions_.Validate(s.token);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, "session_expired");
}

TEST_F(SessionsTest, TouchIsThrottled) {
  NewSession s = sessions_.Create(user_, "", "");
  now_ += 5;
  ASSERT_TRUE(sessions_.Validate(s.token).ok());
  EXPECT_EQ(repo_.Find(s.record.id)->last_seen_at, now_ - 5);
  now_ += 5;
  ASSERT_TRUE(sessions_.Validate(s.token).ok());
  EXPECT_EQ(repo_.Find(s.record.id)->last_seen_at, now_);
}

TEST_F(SessionsTest, RevokeAndRoleChangesApplyAtOnce) {
  NewSession a = sessions_.Create(user_, "", "");
  NewSession b = sessions_.Create(user_, "", "");
  sessions_.Revoke(a.record.id);
  EXPECT_EQ(sessions_.Validate(a.token).error().code, "unauthenticated");
  EXPECT_TRUE(sessions_.Validate(b.token).ok());
  sessions_.RevokeAllFor(user_id_);
  EXPECT_EQ(sessions_.Validate(b.token).error().code, "unauthenticated");
}

TEST_F(SessionsTest, DisabledUserLosesSessions) {
  MemoryUserRepo users;
  User u = user_;
  u.disabled = true;
  const auto id = users.Add(u).value();
  u.id = id;
  Sessions sessions(
      repo_, users, [this] { return now_; }, Policy());
  NewSession s = sessions.Create(u, "", "");
  EXPECT_EQ(sessions.Validate(s.token).error().code, "unauthenticated");
}

TEST(Csrf, MissingAndInvalidTokens) {
  SessionRecord rec;
  rec.csrf_token = NewToken();
  EXPECT_EQ(CheckCsrf(rec, "")->code, "csrf_missing");
  EXPECT_EQ(CheckCsrf(rec, "nope")->code, "csrf_invalid");
  std::string almost = rec.csrf_token;
  almost.back() = almost.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(CheckCsrf(rec, almost)->code, "csrf_invalid");
  EXPECT_FALSE(CheckCsrf(rec, rec.csrf_token));
  SessionRecord empty;
  EXPECT_EQ(CheckCsrf(empty, "x")->code, "csrf_invalid");
}

}  // namespace
}  // namespace dondoc::access
