#include "serve/dispatch.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "serve/errors.h"

namespace dondoc::serve {
namespace {

std::string Code(const Response& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"];
}

Request Make(std::string method, std::string target, std::string body = {},
             std::string content_type = "application/json") {
  Request req;
  req.method = std::move(method);
  req.target = std::move(target);
  req.headers["host"] = "127.0.0.1:8080";
  if (!body.empty()) {
    req.headers["content-length"] = std::to_string(body.size());
    req.headers["content-type"] = content_type;
  }
  req.body = std::move(body);
  return req;
}

class DispatchTest : public ::testing::Test {
 protected:
  DispatchTest() : dispatcher_(MakeRouter(), MakeAuth(), 64) {}

  static Router MakeRouter() {
    Router r;
    r.Add("GET", "/api/health", [](const Request& req) {
      return JsonResponse({{"query", req.query.count("q") ? req.query.at("q") : ""}});
    });
    r.Add("POST", "/api/echo", [](const Request& req) { return JsonResponse(req.json); });
    r.Add(
        "POST", "/api/logout", [](const Request&) { return NoContent(); },
        RouteOptions{.media = ""});
    r.Add(
        "PUT", "/api/uploads",
        [](const Request& req) {
          return JsonResponse({{"n", req.body.size()}});
        },
        RouteOptions{.media = "application/octet-stream", .body_limit = 1000});
    r.Add("GET", "/api/boom", [](const Request&) -> Response { throw std::runtime_error("x"); });
    r.Add(
        "GET", "/api/private",
        [](const Request& req) {
          return JsonResponse({{"user", req.principal->username}});
        },
        RouteOptions{.auth = Auth::kSession});
    return r;
  }

  Authenticator MakeAuth() {
    return [this](Request& req) -> std::optional<Response> {
      ++auth_calls_;
      if (req.Header("cookie") != "sid=ok") return ErrorResponse(ErrorCode::kUnauthenticated);
      req.principal = access::Principal{1, "an", access::Role::kOffice, ""};
      return std::nullopt;
    };
  }

  int auth_calls_ = 0;
  Dispatcher dispatcher_;
};

TEST_F(DispatchTest, RoutesAndParsesTheQuery) {
  Response r = dispatcher_.Handle(Make("GET", "/api/health?q=%C4%91%C3%B4"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["query"], "đô");
  EXPECT_EQ(auth_calls_, 0);
}

TEST_F(DispatchTest, MalformedTargetIsBadRequest) {
  EXPECT_EQ(Code(dispatcher_.Handle(Make("GET", "/api/health?q=%G1"))), "bad_request");
  EXPECT_EQ(Code(dispatcher_.Handle(Make("GET", "http://x/api/health"))), "bad_request");
  EXPECT_EQ(Code(dispatcher_.Handle(Make("GET", "*"))), "bad_request");
}

TEST_F(DispatchTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  Response r = dispatcher_.Handle(Make("GET", "/api/nope"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Code(r), "not_found");
  r = dispatcher_.Handle(Make("DELETE", "/api/echo"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Code(r), "method_not_allowed");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "POST"}));
}

TEST_F(DispatchTest, JsonBodyIsParsedForTheHandler) {
  Response r = dispatcher_.Handle(Make("POST", "/api/echo", R"({"a":"Sở"})"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["a"], "Sở");
}

TEST_F(DispatchTest, MalformedJsonIs400BadJson) {
  for (const char* body : {"{", "{\"a\":}", "nul", "{\"a\":\"\xff\"}", "{} x"}) {
    Response r = dispatcher_.Handle(Make("POST", "/api/echo", body));
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(Code(r), "bad_json") << body;
  }
  EXPECT_EQ(Code(dispatcher_.Handle(Make("POST", "/api/echo", "[1,2]"))), "bad_json");
  EXPECT_EQ(Code(dispatcher_.Handle(Make("POST", "/api/echo", "\"s\""))), "bad_json");
}

TEST_F(DispatchTest, WrongContentTypeIs415) {
  for (const char* type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""}) {
    Response r = dispatcher_.Handle(Make("POST", "/api/echo", "{}", type));
    EXPECT_EQ(r.status, 415) << type;
    EXPECT_EQ(Code(r), "unsupported_media_type") << type;
  }
  // Parameters and case do not matter.
  EXPECT_EQ(
      dispatcher_.Handle(Make("POST", "/api/echo", "{}", "Application/JSON; charset=utf-8")).status,
      200);
}

TEST_F(DispatchTest, BodyOnARouteWithoutBodyIs415) {
  EXPECT_EQ(dispatcher_.Handle(Make("POST", "/api/logout")).status, 204);
  Response r = dispatcher_.Handle(Make("POST", "/api/logout", "{}"));
  EXPECT_EQ(r.status, 415);
}

TEST_F(DispatchTest, CompressedBodyIs415) {
  Request req = Make("POST", "/api/echo", "{}");
  req.headers["content-encoding"] = "gzip";
  EXPECT_EQ(Code(dispatcher_.Handle(req)), "unsupported_media_type");
}

TEST_F(DispatchTest, DeclaredLengthOverTheRouteLimitIs413BeforeTheBody) {
  Request req = Make("POST", "/api/echo");
  req.headers["content-type"] = "application/json";
  req.headers["content-length"] = "65";
  Prepared p = dispatcher_.Prepare(req);
  ASSERT_TRUE(p.early);
  EXPECT_EQ(p.early->status, 413);
  EXPECT_EQ(Code(*p.early), "body_too_large");
  // The upload route has its own, larger limit.
  Response r = dispatcher_.Handle(
      Make("PUT", "/api/uploads", std::string(900, 'x'), "application/octet-stream"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(dispatcher_.max_body_limit(), 1000u);
  EXPECT_EQ(Code(dispatcher_.Handle(
                Make("PUT", "/api/uploads", std::string(1001, 'x'), "application/octet-stream"))),
            "body_too_large");
  req.headers["content-length"] = "12abc";
  EXPECT_EQ(Code(*dispatcher_.Prepare(req).early), "bad_request");
}

TEST_F(DispatchTest, CrossSiteMutationsAreRefused) {
  Request req = Make("POST", "/api/echo", "{}");
  req.headers["origin"] = "https://evil.example";
  EXPECT_EQ(Code(dispatcher_.Handle(req)), "csrf_invalid");
  req.headers["origin"] = "http://127.0.0.1:8080";
  EXPECT_EQ(dispatcher_.Handle(req).status, 200);
  req.headers.erase("origin");
  req.headers["sec-fetch-site"] = "cross-site";
  EXPECT_EQ(Code(dispatcher_.Handle(req)), "csrf_invalid");
  req.headers["sec-fetch-site"] = "same-origin";
  EXPECT_EQ(dispatcher_.Handle(req).status, 200);
  // Reads are not mutations: a cross-site GET is answered (the cookie is SameSite=Lax anyway).
  Request get = Make("GET", "/api/health");
  get.headers["origin"] = "https://evil.example";
  EXPECT_EQ(dispatcher_.Handle(get).status, 200);
}

TEST_F(DispatchTest, SessionRoutesCallTheAuthenticator) {
  Response r = dispatcher_.Handle(Make("GET", "/api/private"));
  EXPECT_EQ(Code(r), "unauthenticated");
  Request req = Make("GET", "/api/private");
  req.headers["cookie"] = "sid=ok";
  r = dispatcher_.Handle(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["user"], "an");
  EXPECT_EQ(auth_calls_, 2);
}

TEST_F(DispatchTest, HandlerExceptionIs500Internal) {
  Response r = dispatcher_.Handle(Make("GET", "/api/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Code(r), "internal");
}

TEST(Http, MediaTypeAndPercentDecode) {
  EXPECT_EQ(MediaType(" Application/Json ; charset=UTF-8"), "application/json");
  EXPECT_EQ(MediaType(""), "");
  EXPECT_EQ(PercentDecode("a%20b%2F"), "a b/");
  EXPECT_FALSE(PercentDecode("%"));
  EXPECT_FALSE(PercentDecode("%a"));
  EXPECT_FALSE(PercentDecode("%zz"));
  auto split = SplitTarget("/p?a=1&b=%C4%91&&c&a=2");
  ASSERT_TRUE(split);
  EXPECT_EQ(split->first, "/p");
  EXPECT_EQ(split->second.at("a"), "2");
  EXPECT_EQ(split->second.at("b"), "đ");
  EXPECT_EQ(split->second.at("c"), "");
}

}  // namespace
}  // namespace dondoc::serve
