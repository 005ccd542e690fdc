#include "serve/router.h"

#include <gtest/gtest.h>

namespace dondoc::serve {
namespace {

Handler Named(std::string name) {
  return [name](const Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string NameOf(const RouteMatch& m) { return m.route ? m.route->handler(Request{}).body : "-"; }

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/health", Named("health")));
  ASSERT_TRUE(r.Add("GET", "/api/tasks/{id}", Named("task")));
  ASSERT_TRUE(r.Add("GET", "/api/tasks/{id}/reports/{rid}", Named("report")));
  EXPECT_EQ(NameOf(r.Match("GET", "/api/health")), "health");
  RouteMatch m = r.Match("GET", "/api/tasks/42");
  EXPECT_EQ(NameOf(m), "task");
  EXPECT_EQ(m.params.at("id"), "42");
  m = r.Match("GET", "/api/tasks/7/reports/9");
  EXPECT_EQ(NameOf(m), "report");
  EXPECT_EQ(m.params.at("id"), "7");
  EXPECT_EQ(m.params.at("rid"), "9");
}

TEST(Router, LiteralBeatsParameterWhateverTheOrder) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/users/{id}", Named("by-id")));
  ASSERT_TRUE(r.Add("GET", "/api/users/me", Named("me")));
  EXPECT_EQ(NameOf(r.Match("GET", "/api/users/me")), "me");
  EXPECT_EQ(NameOf(r.Match("GET", "/api/users/5")), "by-id");
}

TEST(Router, ParametersArePercentDecodedAndMustBeNonEmpty) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/units/{id}", Named("unit")));
  RouteMatch m = r.Match("GET", "/api/units/s%E1%BB%9F%2Ftc");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.params.at("id"), "sở/tc");
  EXPECT_FALSE(r.Match("GET", "/api/units/").route);
  EXPECT_FALSE(r.Match("GET", "/api/units/%zz").route);
  EXPECT_FALSE(r.Match("GET", "/api/units/%4").route);
}

TEST(Router, WrongMethodListsAllowedMethods) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/me", Named("me")));
  ASSERT_TRUE(r.Add("POST", "/api/me", Named("post")));
  RouteMatch m = r.Match("DELETE", "/api/me");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  m = r.Match("GET", "/api/nothing");
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, TrailingSlashAndSegmentCountMatter) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/health", Named("health")));
  EXPECT_FALSE(r.Match("GET", "/api/health/").route);
  EXPECT_FALSE(r.Match("GET", "/api").route);
  EXPECT_FALSE(r.Match("GET", "/api/health/x").route);
}

TEST(Router, RejectsMalformedPatternsAndDuplicates) {
  Router r;
  EXPECT_FALSE(r.Add("GET", "api/x", Named("x")));
  EXPECT_FALSE(r.Add("GET", "/api/{}", Named("x")));
  EXPECT_FALSE(r.Add("GET", "/api/{id", Named("x")));
  EXPECT_FALSE(r.Add("GET", "/api/a{id}", Named("x")));
  EXPECT_FALSE(r.Add("", "/api/x", Named("x")));
  EXPECT_TRUE(r.Add("GET", "/api/x", Named("x")));
  EXPECT_FALSE(r.Add("GET", "/api/x", Named("again")));
  EXPECT_EQ(r.routes().size(), 1u);
}

TEST(Router, FallbackOnlyForGetOutsideApi) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/api/health", Named("health")));
  r.SetFallback(Named("static"), RouteOptions{.media = ""});
  EXPECT_EQ(NameOf(r.Match("GET", "/index.html")), "static");
  EXPECT_EQ(NameOf(r.Match("HEAD", "/app/main.js")), "static");
  EXPECT_EQ(NameOf(r.Match("GET", "/")), "static");
  EXPECT_FALSE(r.Match("POST", "/index.html").route);
  EXPECT_FALSE(r.Match("GET", "/api/unknown").route);
  EXPECT_FALSE(r.Match("GET", "/api").route);
}

TEST(SplitPath, KeepsEmptySegments) {
  EXPECT_EQ(SplitPath("/a/b/"), (std::vector<std::string_view>{"a", "b", ""}));
  EXPECT_EQ(SplitPath("/"), (std::vector<std::string_view>{""}));
}

}  // namespace
}  // namespace dondoc::serve
