// Tested by api_test.cc and openapi_test.cc.
#include "serve/api/api.h"

#include "serve/errors.h"
#include "serve/static_files.h"

namespace dondoc::serve::api {

Authenticator SessionAuthenticator(Context& ctx) {
  return [&ctx](Request& req) -> std::optional<Response> {
    const std::string token =
        CookieValue(req.Header("cookie"), ctx.cookie.Name()).value_or(std::string());
    auto session = ctx.sessions.Validate(token);
    if (!session.ok()) {
      Response r = ErrorResponse(session.error());
      // Tell the browser to drop a cookie that will never work again.
      if (!token.empty()) r.headers.emplace_back("Set-Cookie", ctx.cookie.Clear());
      return r;
    }
    if (IsMutation(req.method)) {
      if (auto bad = access::CheckCsrf(session.value().record, req.Header("x-csrf-token")))
        return ErrorResponse(*bad);
    }
    req.principal = session.value().principal;
    req.session_id = session.value().record.id;
    req.csrf_token = session.value().record.csrf_token;
    return std::nullopt;
  };
}

std::optional<Response> Authorize(const Request& req, access::Action action,
                                  const access::Resource& resource) {
  if (!req.principal) return ErrorResponse(ErrorCode::kUnauthenticated);
  const access::Decision d = access::Decide(*req.principal, action, resource);
  if (d.allow) return std::nullopt;
  return ErrorResponse(ErrorCode::kForbidden, "Not allowed: " + std::string(d.reason) + ".");
}

std::shared_ptr<const Dispatcher> BuildApi(Context& ctx,
                                           const std::optional<std::filesystem::path>& static_dir,
                                           std::size_t default_body_limit, StorePool* documents) {
  Router router;
  AddHealthRoutes(router);
  AddSessionRoutes(router, ctx);
  AddDocumentRoutes(router, documents);
  AddTaskRoutes(router, ctx);
  AddReportRoutes(router, ctx);
  AddBoardRoutes(router, ctx);
  AddExportRoutes(router, ctx);
  AddUploadRoutes(router, ctx);
  AddAdminRoutes(router, ctx);
  if (static_dir) router.SetFallback(StaticHandler(*static_dir), RouteOptions{.media = ""});
  return std::make_shared<Dispatcher>(std::move(router), SessionAuthenticator(ctx),
                                      default_body_limit);
}

}  // namespace dondoc::serve::api
