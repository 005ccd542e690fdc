// GET /api/health — liveness for monitors and the load benchmark; no session, no store.
#include "serve/api/api.h"

namespace dondoc::serve::api {

void AddHealthRoutes(Router& router) {
  router.Add(
      "GET", "/api/health",
      [](const Request&) {
        return JsonResponse({{"status", "ok"}, {"version", "0.1.0"}});
      },
      RouteOptions{.media = ""});
}

}  // namespace dondoc::serve::api
