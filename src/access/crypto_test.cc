#include "access/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace dondoc::access {
namespace {

TEST(Password, HashVerifiesAndWrongPasswordFails) {
  // The real parameters once, so the default path is exercised (~60 ms).
  auto hash = HashPassword("mật khẩu đúng");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_TRUE(hash.value().starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(hash.value(), "mật khẩu đúng"));
  EXPECT_FALSE(VerifyPassword(hash.value(), "mật khẩu sai"));
  EXPECT_FALSE(VerifyPassword(hash.value(), ""));
  EXPECT_FALSE(NeedsRehash(hash.value()));
}

TEST(Password, SaltedSoTwoHashesDiffer) {
  auto a = HashPassword("password1", TestPasswordParams());
  auto b = HashPassword("password1", TestPasswordParams());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a.value(), b.value());
  EXPECT_TRUE(VerifyPassword(b.value(), "password1"));
  // Weaker parameters than the default are flagged for rehash at the next login.
  EXPECT_TRUE(NeedsRehash(a.value()));
}

TEST(Password, MalformedHashesNeverVerify) {
  for (const char* h : {"", "$argon2id$", "plaintext", "$argon2i$v=19$m=8,t=1,p=1$AAAA$BBBB"}) {
    EXPECT_FALSE(VerifyPassword(h, "plaintext")) << h;
  }
  EXPECT_FALSE(VerifyPassword(std::string(500, 'x'), "x"));
}

TEST(Password, LengthRules) {
  EXPECT_FALSE(CheckPasswordRules("short").ok());
  EXPECT_EQ(CheckPasswordRules("short").error().code, "invalid_field");
  EXPECT_TRUE(CheckPasswordRules("12345678").ok());
  EXPECT_FALSE(CheckPasswordRules(std::string(kMaxPasswordBytes + 1, 'a')).ok());
}

TEST(Token, RandomUrlSafeAndHashedToHex) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = NewToken();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
  const std::string h = TokenHash("abc");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, TokenHash("abc"));
  EXPECT_NE(h, TokenHash("abd"));
}

TEST(Token, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace dondoc::access
