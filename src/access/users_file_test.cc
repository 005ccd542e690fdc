#include "access/users_file.h"

#include <gtest/gtest.h>

namespace dondoc::access {
namespace {

TEST(UsersFile, ParsesUsersAndSkipsComments) {
  auto users = ParseUsersFile(
      "# comment\n\n"
      "vanphong office - $argon2id$v=19$m=8,t=1,p=1$abc$def  # the office\n"
      "sotc\tunit_officer\tso-tai-chinh\t$argon2id$x\n");
  ASSERT_TRUE(users.ok()) << users.error().message;
  ASSERT_EQ(users.value().size(), 2u);
  EXPECT_EQ(users.value()[0].username, "vanphong");
  EXPECT_EQ(users.value()[0].role, Role::kOffice);
  EXPECT_EQ(users.value()[0].unit_id, "");
  EXPECT_EQ(users.value()[1].role, Role::kUnitOfficer);
  EXPECT_EQ(users.value()[1].unit_id, "so-tai-chinh");
}

TEST(UsersFile, EveryBadLineIsNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {"a office -\n", "line 1: expected 4 fields"},
      {"\na boss - $argon2id$x\n", "line 2: unknown role 'boss'"},
      {"a unit_officer - $argon2id$x\n", "line 1: a unit_officer needs a unit id"},
      {"a reader so-y-te $argon2id$x\n", "line 1: only a unit_officer has a unit"},
      {"a reader - hunter22\n", "line 1: the password must be an Argon2id hash"},
      {"a reader - $argon2i$x\n", "line 1: the password must be an Argon2id hash"},
      {"a reader - $argon2id$x\na admin - $argon2id$y\n", "line 2: duplicate user 'a'"},
  };
  for (const auto& [text, message] : cases) {
    auto r = ParseUsersFile(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, "bad_users_file");
    EXPECT_TRUE(r.error().message.starts_with(message)) << r.error().message;
  }
}

}  // namespace
}  // namespace dondoc::access
