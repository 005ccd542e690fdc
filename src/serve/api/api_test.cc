// The session API end to end: the real server on a loopback port, in-memory repos, a clock the
// test moves.
#include "serve/api/api.h"

#include <gtest/gtest.h>

#include <atomic>

#include "access/memory_repos.h"
#include "serve/server.h"
#include "serve/testing/client.h"

namespace dondoc::serve::api {
namespace {

using testing::ClientResponse;
using testing::Fetch;
using testing::Headers;

std::string Code(const ClientResponse& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"];
}

class ApiTest : public ::testing::Test {
 protected:
  ApiTest()
      : sessions_(
            session_repo_, users_, [this] { return now_.load(); },
            access::SessionPolicy{.idle_seconds = 600, .absolute_seconds = 3600}),
        accounts_(users_, sessions_, audit_, access::TestPasswordParams()),
        ctx_{users_, sessions_, accounts_, audit_, SessionCookie{}} {}

  void SetUp() override {
    AddUser("vanphong", access::Role::kOffice, "", "mat khau van phong");
    AddUser("sotc", access::Role::kUnitOfficer, "so-tai-chinh", "mat khau so tc");
    ServerOptions opt;
    opt.port = 0;
    opt.shutdown_grace = std::chrono::milliseconds(100);
    server_ = std::make_unique<Server>(opt, BuildApi(ctx_, std::nullopt, 1 << 20));
    port_ = server_->Start().value();
  }
  void TearDown() override { server_.reset(); }

  void AddUser(const std::string& name, access::Role role, const std::string& unit,
               const std::string& password) {
    access::User u;
    u.username = name;
    u.role = role;
    u.unit_id = unit;
    u.password_hash = access::HashPassword(password, access::TestPasswordParams()).value();
    users_.Add(u);
  }

  ClientResponse Login(const std::string& name, const std::string& password) {
    nlohmann::json body = {{"username", name}, {"password", password}};
    return Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}}, body.dump());
  }

  // "__Host-sid=<token>" from a login response's Set-Cookie.
  static std::string CookieFrom(const ClientResponse& r) {
    const std::string& set = r.Header("set-cookie");
    return set.substr(0, set.find(';'));
  }

  std::atomic<std::int64_t> now_{1'700'000'000};
  access::MemoryUserRepo users_;
  access::MemorySessionRepo session_repo_;
  access::MemoryAuditSink audit_;
  access::Sessions sessions_;
  access::Accounts accounts_;
  Context ctx_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ApiTest, HealthNeedsNoSession) {
  ClientResponse r = Fetch(port_, "GET", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "ok");
}

TEST_F(ApiTest, LoginMeLogout) {
  ClientResponse login = Login("sotc", "mat khau so tc");
  ASSERT_EQ(login.status, 200) << login.body;
  const auto body = nlohmann::json::parse(login.body);
  EXPECT_EQ(body["user"]["username"], "sotc");
  EXPECT_EQ(body["user"]["role"], "unit_officer");
  EXPECT_EQ(body["user"]["unit_id"], "so-tai-chinh");
  const std::string csrf = body["csrf_token"];
  const std::string& set = login.Header("set-cookie");
  EXPECT_TRUE(set.starts_with("__Host-sid=")) << set;
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("Secure"), std::string::npos);
  EXPECT_NE(set.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(set.find("Path=/"), std::string::npos);
  const std::string cookie = CookieFrom(login);

  ClientResponse me = Fetch(port_, "GET", "/api/me", {{"Cookie", "theme=dark; " + cookie}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(nlohmann::json::parse(me.body)["user"]["username"], "sotc");
  EXPECT_EQ(nlohmann::json::parse(me.body)["csrf_token"], csrf);
  EXPECT_EQ(me.Header("cache-control"), "no-store");

  ClientResponse out =
      Fetch(port_, "POST", "/api/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204) << out.body;
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  me = Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}});
  EXPECT_EQ(me.status, 401);
  EXPECT_EQ(Code(me), "unauthenticated");
  EXPECT_EQ(audit_.Records().back().action, "logout");
}

TEST_F(ApiTest, MeWithoutOrWithAForgedSessionIs401) {
  ClientResponse r = Fetch(port_, "GET", "/api/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Code(r), "unauthenticated");
  r = Fetch(port_, "GET", "/api/me", {{"Cookie", "__Host-sid=" + access::NewToken()}});
  EXPECT_EQ(Code(r), "unauthenticated");
  // The insecure cookie name is not accepted by a server that sets the secure one.
  ClientResponse login = Login("sotc", "mat khau so tc");
  std::string cookie = CookieFrom(login);
  r = Fetch(port_, "GET", "/api/me", {{"Cookie", cookie.substr(7)}});  // "sid=…"
  EXPECT_EQ(Code(r), "unauthenticated");
}

TEST_F(ApiTest, BadLoginsHaveClearCodes) {
  ClientResponse r = Login("sotc", "sai mat khau");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Code(r), "bad_credentials");
  EXPECT_EQ(r.Header("set-cookie"), "");
  r = Login("khong-co-ai", "sai mat khau");
  EXPECT_EQ(Code(r), "bad_credentials");
  r = Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}},
            R"({"username":"sotc"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Code(r), "invalid_field");
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "password");
  r = Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}},
            R"({"username":"sotc","password":12345678})");
  EXPECT_EQ(Code(r), "invalid_field");
  r = Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}}, R"({"username")");
  EXPECT_EQ(Code(r), "bad_json");
  r = Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/x-www-form-urlencoded"}},
            "username=sotc&password=x");
  EXPECT_EQ(r.status, 415);
  r = Fetch(port_, "POST", "/api/login",
            {{"Content-Type", "application/json"}, {"Origin", "https://evil.example"}},
            R"({"username":"sotc","password":"mat khau so tc"})");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "csrf_invalid");
  r = Fetch(port_, "GET", "/api/login");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "POST");
}

TEST_F(ApiTest, RepeatedFailuresAreRateLimited) {
  for (int i = 0; i < access::kMaxFailuresPerUser; ++i) Login("vanphong", "sai");
  ClientResponse r = Login("vanphong", "mat khau van phong");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(Code(r), "rate_limited");
  EXPECT_GE(std::stoi(r.Header("retry-after")), 1);
}

TEST_F(ApiTest, MutationsNeedTheCsrfToken) {
  ClientResponse login = Login("vanphong", "mat khau van phong");
  const std::string cookie = CookieFrom(login);
  const std::string csrf = nlohmann::json::parse(login.body)["csrf_token"];
  const std::string body =
      R"({"current_password":"mat khau van phong","new_password":"mat khau moi 1"})";
  const Headers json = {{"Content-Type", "application/json"}, {"Cookie", cookie}};

  ClientResponse r = Fetch(port_, "POST", "/api/me/password", json, body);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "csrf_missing");
  Headers wrong = json;
  wrong.emplace_back("X-CSRF-Token", access::NewToken());
  r = Fetch(port_, "POST", "/api/me/password", wrong, body);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "csrf_invalid");
  // Another session's token is no good either.
  ClientResponse other = Login("sotc", "mat khau so tc");
  Headers foreign = json;
  foreign.emplace_back("X-CSRF-Token", nlohmann::json::parse(other.body)["csrf_token"]);
  EXPECT_EQ(Code(Fetch(port_, "POST", "/api/me/password", foreign, body)), "csrf_invalid");
  r = Fetch(port_, "POST", "/api/logout", {{"Cookie", cookie}});
  EXPECT_EQ(Code(r), "csrf_missing");
  // Nothing changed so far.
  EXPECT_EQ(Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}}).status, 200);

  Headers right = json;
  right.emplace_back("X-CSRF-Token", csrf);
  r = Fetch(port_, "POST", "/api/me/password", right, body);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string new_cookie = CookieFrom(r);
  EXPECT_NE(new_cookie, cookie);
  EXPECT_EQ(Code(Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}})), "unauthenticated");
  EXPECT_EQ(Fetch(port_, "GET", "/api/me", {{"Cookie", new_cookie}}).status, 200);
  EXPECT_EQ(Login("vanphong", "mat khau van phong").status, 401);
  EXPECT_EQ(Login("vanphong", "mat khau moi 1").status, 200);
}

TEST_F(ApiTest, PasswordChangeErrorsNameTheirField) {
  ClientResponse login = Login("vanphong", "mat khau van phong");
  const Headers h = {{"Content-Type", "application/json"},
                     {"Cookie", CookieFrom(login)},
                     {"X-CSRF-Token", nlohmann::json::parse(login.body)["csrf_token"]}};
  ClientResponse r = Fetch(port_, "POST", "/api/me/password", h,
                           R"({"current_password":"sai","new_password":"mat khau moi 1"})");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Code(r), "bad_credentials");
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "current_password");
  r = Fetch(port_, "POST", "/api/me/password", h,
            R"({"current_password":"mat khau van phong","new_password":"ngan"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "new_password");
  r = Fetch(port_, "POST", "/api/me/password", h, R"({"current_password":"x"})");
  EXPECT_EQ(Code(r), "invalid_field");
}

TEST_F(ApiTest, IdleSessionExpires) {
  const std::string cookie = CookieFrom(Login("sotc", "mat khau so tc"));
  now_ += 599;
  EXPECT_EQ(Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}}).status, 200);
  now_ += 600;
  ClientResponse r = Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Code(r), "session_expired");
  EXPECT_NE(r.Header("set-cookie").find("Max-Age=0"), std::string::npos);
}

TEST_F(ApiTest, AbsoluteLifetimeEndsAnActiveSession) {
  const std::string cookie = CookieFrom(Login("sotc", "mat khau so tc"));
  for (int i = 0; i < 7; ++i) {
    now_ += 500;
    ASSERT_EQ(Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}}).status, 200) << i;
  }
  now_ += 100;  // 3600 s after login
  EXPECT_EQ(Code(Fetch(port_, "GET", "/api/me", {{"Cookie", cookie}})), "session_expired");
}

TEST(Authorize, ForbiddenCarriesThePolicyReason) {
  Request req;
  EXPECT_EQ(Authorize(req, access::Action::kReadTask, access::Resource::Global())->status, 401);
  req.principal = access::Principal{3, "sotc", access::Role::kUnitOfficer, "so-tai-chinh"};
  EXPECT_FALSE(Authorize(req, access::Action::kReadTask, access::Resource::OfUnit("so-tai-chinh")));
  std::optional<Response> denied =
      Authorize(req, access::Action::kReadTask, access::Resource::OfUnit("so-y-te"));
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  const auto j = nlohmann::json::parse(denied->body);
  EXPECT_EQ(j["error"]["code"], "forbidden");
  EXPECT_EQ(j["error"]["message"], "Not allowed: not the officer's unit.");
}

TEST(Cookies, ValueAndSetCookie) {
  EXPECT_EQ(CookieValue("a=1; sid=xyz; b=2", "sid"), "xyz");
  EXPECT_EQ(CookieValue("sid=\"q\"", "sid"), "q");
  EXPECT_EQ(CookieValue("xsid=1; sid=2", "sid"), "2");
  EXPECT_EQ(CookieValue("sid=1; sid=2", "sid"), "1");
  EXPECT_FALSE(CookieValue("a=1", "sid"));
  EXPECT_FALSE(CookieValue("", "sid"));
  SessionCookie insecure{.secure = false};
  EXPECT_EQ(insecure.Set("t", 60), "sid=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
  EXPECT_EQ(SessionCookie{}.Clear(),
            "__Host-sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
}

}  // namespace
}  // namespace dondoc::serve::api
