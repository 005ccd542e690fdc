#include "access/accounts.h"

#include <gtest/gtest.h>

#include "access/memory_repos.h"

namespace dondoc::access {
namespace {

class AccountsTest : public ::testing::Test {
 protected:
  AccountsTest()
      : sessions_(session_repo_, users_, [this] { return now_; }),
        accounts_(users_, sessions_, audit_, TestPasswordParams()) {
    User u;
    u.username = "vanphong";
    u.role = Role::kOffice;
    u.password_hash = HashPassword("dung mat khau", TestPasswordParams()).value();
    user_id_ = users_.Add(u).value();
  }

  std::int64_t now_ = 1'700'000'000;
  MemoryUserRepo users_;
  MemorySessionRepo session_repo_;
  MemoryAuditSink audit_;
  Sessions sessions_;
  Accounts accounts_;
  std::int64_t user_id_ = 0;
};

TEST_F(AccountsTest, LoginOpensASessionAndIsAudited) {
  auto r = accounts_.Login("vanphong", "dung mat khau", "10.0.0.1", "ua");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().principal.role, Role::kOffice);
  auto s = sessions_.Validate(r.value().token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().record.csrf_token, r.value().csrf_token);
  ASSERT_EQ(audit_.Records().size(), 1u);
  EXPECT_EQ(audit_.Records()[0].action, "login");
  EXPECT_EQ(audit_.Records()[0].actor, "vanphong");
  EXPECT_EQ(audit_.Records()[0].ip, "10.0.0.1");
}

TEST_F(AccountsTest, WrongPasswordAndUnknownUserGiveTheSameError) {
  auto wrong = accounts_.Login("vanphong", "sai", "ip", "");
  auto unknown = accounts_.Login("khong-co", "sai", "ip", "");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, "bad_credentials");
  EXPECT_EQ(unknown.error().code, "bad_credentials");
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(audit_.Records().size(), 2u);
  EXPECT_EQ(audit_.Records()[1].action, "login_failed");
  EXPECT_EQ(session_repo_.size(), 0u);
}

TEST_F(AccountsTest, EmptyFieldsAreInvalid) {
  EXPECT_EQ(accounts_.Login("", "x", "ip", "").error().code, "invalid_field");
  EXPECT_EQ(accounts_.Login("a", "", "ip", "").error().code, "invalid_field");
}

TEST_F(AccountsTest, ThrottlePerUserNameThenWindowPasses) {
  for (int i = 0; i < kMaxFailuresPerUser; ++i) {
    EXPECT_EQ(accounts_.Login("vanphong", "sai", "ip" + std::to_string(i), "").error().code,
              "bad_credentials");
  }
  // Now even the right password is refused, from any address.
  EXPECT_EQ(accounts_.Login("vanphong", "dung mat khau", "other", "").error().code, "rate_limited");
  EXPECT_GT(accounts_.RetryAfter("vanphong", "other"), 0);
  now_ += kThrottleWindowSeconds;
  EXPECT_TRUE(accounts_.Login("vanphong", "dung mat khau", "other", "").ok());
}

TEST_F(AccountsTest, ThrottlePerAddressAcrossUserNames) {
  for (int i = 0; i < kMaxFailuresPerIp; ++i) {
    accounts_.Login("user" + std::to_string(i), "x", "6.6.6.6", "");
  }
  EXPECT_EQ(accounts_.Login("vanphong", "dung mat khau", "6.6.6.6", "").error().code,
            "rate_limited");
  EXPECT_TRUE(accounts_.Login("vanphong", "dung mat khau", "1.1.1.1", "").ok());
}

TEST_F(AccountsTest, LogoutEndsTheSession) {
  auto r = accounts_.Login("vanphong", "dung mat khau", "ip", "").value();
  auto s = sessions_.Validate(r.token).value();
  accounts_.Logout(s, "ip");
  EXPECT_EQ(sessions_.Validate(r.token).error().code, "unauthenticated");
  EXPECT_EQ(audit_.Records().back().action, "logout");
}

TEST_F(AccountsTest, ChangePasswordRevokesOtherSessions) {
  auto first = accounts_.Login("vanphong", "dung mat khau", "ip", "").value();
  auto second = accounts_.Login("vanphong", "dung mat khau", "ip2", "").value();
  auto active = sessions_.Validate(first.token).value();
  EXPECT_EQ(accounts_.ChangePassword(active, "sai", "mat khau moi", "ip", "").error().code,
            "bad_credentials");
  EXPECT_EQ(accounts_.ChangePassword(active, "dung mat khau", "ngan", "ip", "").error().code,
            "invalid_field");
  auto changed = accounts_.ChangePassword(active, "dung mat khau", "mat khau moi", "ip", "");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(sessions_.Validate(first.token).error().code, "unauthenticated");
  EXPECT_EQ(sessions_.Validate(second.token).error().code, "unauthenticated");
  EXPECT_TRUE(sessions_.Validate(changed.value().token).ok());
  EXPECT_FALSE(accounts_.Login("vanphong", "dung mat khau", "ip", "").ok());
  EXPECT_TRUE(accounts_.Login("vanphong", "mat khau moi", "ip", "").ok());
  bool audited = false;
  for (const AuditRecord& r : audit_.Records()) {
    if (r.action == "password_change") {
      audited = true;
      EXPECT_EQ(r.before_json.find("argon2"), std::string::npos);
    }
  }
  EXPECT_TRUE(audited);
}

TEST_F(AccountsTest, WeakHashIsUpgradedAtLogin) {
  MemoryUserRepo users;
  MemorySessionRepo repo;
  MemoryAuditSink audit;
  Sessions sessions(repo, users, [this] { return now_; });
  // Accounts wants the default parameters; the stored hash has the test ones.
  Accounts accounts(users, sessions, audit);
  User u;
  u.username = "cu";
  u.password_hash = HashPassword("mat khau cu", TestPasswordParams()).value();
  const auto id = users.Add(u).value();
  ASSERT_TRUE(accounts.Login("cu", "mat khau cu", "ip", "").ok());
  const std::string now_hash = users.FindById(id)->password_hash;
  EXPECT_NE(now_hash, u.password_hash);
  EXPECT_FALSE(NeedsRehash(now_hash));
}

}  // namespace
}  // namespace dondoc::access
