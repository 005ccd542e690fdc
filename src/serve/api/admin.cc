// The audit log and user management:
//
//   GET  /api/audit?limit=&offset=   admin, office: newest first, with before/after as JSON
//   GET  /api/users                  admin: users without their hashes
//   POST /api/users {"username", "role", "unit_id"?, "password"}   admin: a new user
//
// Tested by tracking_test.cc and authz_test.cc.
#include "access/crypto.h"
#include "serve/api/tracking.h"

namespace dondoc::serve::api {
namespace {

Json JsonOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? Json(text) : j;
}

Response AuditLog(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"limit", "offset"})) return std::move(*r);
  if (auto denied = Authorize(req, access::Action::kReadAudit, access::Resource::Global()))
    return std::move(*denied);
  auto limit = IntQuery(req, "limit", 1, 500, 50);
  if (auto* r = std::get_if<Response>(&limit)) return std::move(*r);
  auto offset = IntQuery(req, "offset", 0, 10000000, 0);
  if (auto* r = std::get_if<Response>(&offset)) return std::move(*r);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto rows = lease->AuditLog(std::get<int>(limit), std::get<int>(offset));
  if (!rows.ok()) return Failure(req, rows.error());
  auto total = lease->AuditCount();
  if (!total.ok()) return Failure(req, total.error());
  Json items = Json::array();
  for (const auto& e : rows.value()) {
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"actor_id", e.actor_id},
                     {"actor", e.actor},
                     {"action", e.action},
                     {"target", e.target},
                     {"before", JsonOrNull(e.before_json)},
                     {"after", JsonOrNull(e.after_json)},
                     {"ip", e.ip}});
  }
  return JsonResponse(Json{{"items", std::move(items)},
                           {"total", total.value()},
                           {"limit", std::get<int>(limit)},
                           {"offset", std::get<int>(offset)}});
}

Json UserJson(const access::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", access::RoleName(u.role)},
          {"unit_id", u.unit_id},
          {"disabled", u.disabled}};
}

Response ListUsers(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {})) return std::move(*r);
  if (auto denied = Authorize(req, access::Action::kManageUsers, access::Resource::Global()))
    return std::move(*denied);
  Json items = Json::array();
  for (const auto& u : ctx.users.List()) items.push_back(UserJson(u));
  return JsonResponse(Json{{"items", std::move(items)}});
}

Response AddUser(const Request& req, Context& ctx) {
  if (auto denied = Authorize(req, access::Action::kManageUsers, access::Resource::Global()))
    return std::move(*denied);
  const nlohmann::json& body = BodyOf(req);
  auto text = [&](const char* name) -> std::optional<std::string> {
    if (!body.contains(name) || !body[name].is_string()) return std::nullopt;
    return body[name].get<std::string>();
  };
  const auto username = text("username");
  if (!username || username->empty() || username->size() > 64 ||
      username->find_first_of(" \t\r\n") != std::string::npos)
    return ErrorResponse(ErrorCode::kInvalidField, "'username' is 1–64 characters, no spaces.",
                         "username");
  const auto role = access::ParseRole(text("role").value_or(""));
  if (!role)
    return ErrorResponse(ErrorCode::kInvalidField,
                         "'role' is admin, office, unit_officer or reader.", "role");
  const std::string unit = text("unit_id").value_or("");
  if ((*role == access::Role::kUnitOfficer) == unit.empty())
    return ErrorResponse(ErrorCode::kInvalidField,
                         "A unit officer needs 'unit_id'; other roles have none.", "unit_id");
  const std::string password = text("password").value_or("");
  if (auto rules = access::CheckPasswordRules(password); !rules.ok())
    return ErrorResponse(ErrorCode::kInvalidField, rules.error().message, "password");
  auto hash = access::HashPassword(password);
  if (!hash.ok()) return Failure(req, hash.error());
  access::User u;
  u.username = *username;
  u.role = *role;
  u.unit_id = unit;
  u.password_hash = hash.value();
  auto id = ctx.users.Add(u);
  if (!id.ok()) return Failure(req, id.error());
  u.id = id.value();
  access::AuditRecord a;
  a.at = ctx.sessions.Now();
  a.actor_id = req.principal->user_id;
  a.actor = req.principal->username;
  a.action = "user.add";
  a.target = "user:" + std::to_string(u.id);
  a.after_json = UserJson(u).dump();
  a.ip = req.remote_ip;
  ctx.audit.Append(a);
  return JsonResponse(UserJson(u), 201);
}

}  // namespace

void AddAdminRoutes(Router& router, Context& ctx) {
  const RouteOptions read{.auth = Auth::kSession, .media = ""};
  Context* c = &ctx;
  router.Add(
      "GET", "/api/audit", [c](const Request& r) { return AuditLog(r, *c); }, read);
  router.Add(
      "GET", "/api/users", [c](const Request& r) { return ListUsers(r, *c); }, read);
  router.Add(
      "POST", "/api/users", [c](const Request& r) { return AddUser(r, *c); },
      RouteOptions{.auth = Auth::kSession});
}

}  // namespace dondoc::serve::api
