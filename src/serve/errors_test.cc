#include "serve/errors.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace dondoc::serve {
namespace {

TEST(Errors, TableIsInEnumOrderWithUniqueNames) {
  std::set<std::string_view> names;
  std::size_t i = 0;
  for (const ErrorInfo& e : AllErrors()) {
    EXPECT_EQ(static_cast<std::size_t>(e.code), i++) << e.name;
    EXPECT_TRUE(names.insert(e.name).second) << e.name;
    EXPECT_GE(e.status, 400);
    EXPECT_LT(e.status, 600);
    EXPECT_FALSE(e.message.empty());
  }
  EXPECT_EQ(Info(ErrorCode::kUnavailable).name, "unavailable");
}

TEST(Errors, ResponseBodyHasCodeMessageAndField) {
  Response r = ErrorResponse(ErrorCode::kInvalidField, "too short", "new_password");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/json");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "invalid_field");
  EXPECT_EQ(j["error"]["message"], "too short");
  EXPECT_EQ(j["error"]["field"], "new_password");
  j = nlohmann::json::parse(ErrorResponse(ErrorCode::kNotFound).body);
  EXPECT_EQ(j["error"]["message"], "Not found.");
  EXPECT_FALSE(j["error"].contains("field"));
}

TEST(Errors, LowerLayerErrorsMapByNameAndUnknownOnesBecomeInternal) {
  Response r = ErrorResponse(Error{"session_expired", "idle too long"});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("session_expired"), std::string::npos);
  r = ErrorResponse(Error{"sqlite_busy", "database is locked at /var/secret.db"});
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST(Errors, InvalidUtf8InAMessageIsReplacedNotThrown) {
  Response r = ErrorResponse(ErrorCode::kBadRequest, std::string("bad \xff byte"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NO_THROW(nlohmann::json::parse(r.body));
}

// docs/api.md is the human copy of the table: every code with its status, and nothing else.
TEST(Errors, DocsApiListsEveryCodeWithItsStatus) {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) + "/docs/api.md");
  ASSERT_TRUE(in) << "docs/api.md missing";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  std::set<std::string> documented;
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    // Rows look like: | `body_too_large` | 413 | … |
    if (!line.starts_with("| `")) continue;
    const std::size_t end = line.find('`', 3);
    if (end == std::string::npos) continue;
    documented.insert(line.substr(3, end - 3));
  }
  for (const ErrorInfo& e : AllErrors()) {
    const std::string row = "| `" + std::string(e.name) + "` | " + std::to_string(e.status) + " |";
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/api.md lacks the row " << row;
    documented.erase(std::string(e.name));
  }
  for (const std::string& extra : documented) ADD_FAILURE() << "docs/api.md documents " << extra;
}

}  // namespace
}  // namespace dondoc::serve
