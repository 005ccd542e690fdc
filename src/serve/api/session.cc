// Signing in and out, who am I, changing one's password (the CSRF-protected example mutation).
//
//   POST /api/login          {"username","password"} → 200 {"user","csrf_token"} + cookie
//   POST /api/logout         (session, CSRF, no body) → 204, cookie cleared
//   GET  /api/me             (session) → 200 {"user","csrf_token"}
//   POST /api/me/password    (session, CSRF) {"current_password","new_password"}
//                            → 200 {"csrf_token"} + a new cookie; other sessions end
//
// Argon2 runs in these handlers: they are on the worker pool, never the io thread.
// Tested by api_test.cc.
#include <optional>
#include <string>
#include <variant>

#include "serve/api/api.h"
#include "serve/errors.h"

namespace dondoc::serve::api {
namespace {

constexpr std::size_t kSmallBody = 16 * 1024;  // credentials are tiny
constexpr std::size_t kMaxUserAgent = 256;

nlohmann::ordered_json UserJson(const access::Principal& p) {
  nlohmann::ordered_json u;
  u["id"] = p.user_id;
  u["username"] = p.username;
  u["role"] = access::RoleName(p.role);
  if (p.unit_id.empty()) {
    u["unit_id"] = nullptr;
  } else {
    u["unit_id"] = p.unit_id;
  }
  return u;
}

// The string field `name` of the JSON body, or the invalid_field response.
std::variant<std::string, Response> StringField(const Request& req, const char* name) {
  if (!req.json.is_object() || !req.json.contains(name))
    return ErrorResponse(ErrorCode::kInvalidField, std::string("Missing field '") + name + "'.",
                         name);
  const auto& v = req.json.at(name);
  if (!v.is_string())
    return ErrorResponse(ErrorCode::kInvalidField, std::string("'") + name + "' must be a string.",
                         name);
  return v.get<std::string>();
}

std::string UserAgent(const Request& req) {
  std::string ua = req.Header("user-agent");
  if (ua.size() > kMaxUserAgent) ua.resize(kMaxUserAgent);
  return ua;
}

Response WithRetryAfter(Response r, std::int64_t seconds) {
  r.headers.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(1, seconds)));
  return r;
}

// The session the request came with, as the account functions take it.
access::ActiveSession CurrentSession(const Request& req) {
  access::ActiveSession s{{}, *req.principal};
  s.record.id = req.session_id;
  return s;
}

// `body` answered with the cookie of a session just opened (login, password change).
Response WithNewSession(const Context& ctx, const nlohmann::ordered_json& body,
                        const std::string& token) {
  Response r = JsonResponse(body);
  r.headers.emplace_back("Set-Cookie",
                         ctx.cookie.Set(token, ctx.sessions.policy().absolute_seconds));
  return r;
}

}  // namespace

void AddSessionRoutes(Router& router, Context& ctx) {
  const RouteOptions json_public{.auth = Auth::kPublic, .body_limit = kSmallBody};
  const RouteOptions json_session{.auth = Auth::kSession, .body_limit = kSmallBody};
  const RouteOptions no_body_session{.auth = Auth::kSession, .media = ""};

  router.Add(
      "POST", "/api/login",
      [&ctx](const Request& req) -> Response {
        auto username = StringField(req, "username");
        if (auto* r = std::get_if<Response>(&username)) return std::move(*r);
        auto password = StringField(req, "password");
        if (auto* r = std::get_if<Response>(&password)) return std::move(*r);
        const std::string& name = std::get<std::string>(username);
        auto result = ctx.accounts.Login(name, std::get<std::string>(password), req.remote_ip,
                                         UserAgent(req));
        if (!result.ok()) {
          Response r = ErrorResponse(result.error());
          if (result.error().code == "rate_limited")
            return WithRetryAfter(std::move(r), ctx.accounts.RetryAfter(name, req.remote_ip));
          return r;
        }
        nlohmann::ordered_json body;
        body["user"] = UserJson(result.value().principal);
        body["csrf_token"] = result.value().csrf_token;
        return WithNewSession(ctx, body, result.value().token);
      },
      json_public);

  router.Add(
      "POST", "/api/logout",
      [&ctx](const Request& req) {
        const access::ActiveSession s = CurrentSession(req);
        ctx.accounts.Logout(s, req.remote_ip);
        Response r = NoContent();
        r.headers.emplace_back("Set-Cookie", ctx.cookie.Clear());
        return r;
      },
      no_body_session);

  router.Add(
      "GET", "/api/me",
      [](const Request& req) {
        nlohmann::ordered_json body;
        body["user"] = UserJson(*req.principal);
        body["csrf_token"] = req.csrf_token;
        return JsonResponse(body);
      },
      RouteOptions{.auth = Auth::kSession, .media = ""});

  router.Add(
      "POST", "/api/me/password",
      [&ctx](const Request& req) -> Response {
        auto current = StringField(req, "current_password");
        if (auto* r = std::get_if<Response>(&current)) return std::move(*r);
        auto next = StringField(req, "new_password");
        if (auto* r = std::get_if<Response>(&next)) return std::move(*r);
        const access::ActiveSession s = CurrentSession(req);
        auto result =
            ctx.accounts.ChangePassword(s, std::get<std::string>(current),
                                        std::get<std::string>(next), req.remote_ip, UserAgent(req));
        if (!result.ok()) {
          const std::string& code = result.error().code;
          if (code == "invalid_field")
            return ErrorResponse(ErrorCode::kInvalidField, result.error().message, "new_password");
          if (code == "bad_credentials")
            return ErrorResponse(ErrorCode::kBadCredentials, result.error().message,
                                 "current_password");
          Response r = ErrorResponse(result.error());
          if (code == "rate_limited")
            return WithRetryAfter(std::move(r),
                                  ctx.accounts.RetryAfter(req.principal->username, req.remote_ip));
          return r;
        }
        nlohmann::ordered_json body;
        body["csrf_token"] = result.value().csrf_token;
        return WithNewSession(ctx, body, result.value().token);
      },
      json_session);
}

}  // namespace dondoc::serve::api
