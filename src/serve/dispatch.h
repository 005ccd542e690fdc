// From a parsed request to a Response, in two steps around reading the body so that a request
// that will be refused anyway (404/405/413/415) is answered before its body is read:
//
//   Prepare  (header only): route match, media type, Content-Length against the route's limit,
//            Origin / Sec-Fetch-Site for mutations.
//   Finish   (body read):   JSON validity, authentication + CSRF (the Authenticator), handler;
//            a handler's exception becomes `internal`.
//
// Pure: no sockets, no threads. The server calls Prepare on an io thread and Finish on a worker.
// Thread-safe for concurrent calls once constructed. Tested by dispatch_test.cc.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include "serve/http.h"
#include "serve/router.h"

namespace dondoc::serve {

// Checks the session of a Request on a kSession route: sets req.principal and req.session_id
// and returns nullopt, or returns the error Response (unauthenticated, session_expired,
// csrf_missing, csrf_invalid). It sees the method, so it decides which requests need CSRF.
using Authenticator = std::function<std::optional<Response>(Request&)>;

struct Prepared {
  std::optional<Response> early;  // answer this now; do not read the body; close afterwards
  const Route* route = nullptr;
  std::size_t body_limit = 0;  // the route's limit, for the parser (chunked bodies)
};

class Dispatcher {
 public:
  // `authenticator` may be empty when no route needs a session (then such routes answer 500).
  Dispatcher(Router router, Authenticator authenticator, std::size_t default_body_limit);

  Prepared Prepare(Request& req) const;
  Response Finish(const Prepared& prepared, Request& req) const;
  // Prepare + Finish, for tests and callers that already hold the whole request.
  Response Handle(Request req) const;

  // The largest body any route accepts: the parser's limit until the route is known.
  std::size_t max_body_limit() const { return max_body_limit_; }
  const Router& router() const { return router_; }

 private:
  Router router_;
  Authenticator authenticator_;
  std::size_t default_body_limit_;
  std::size_t max_body_limit_;
};

// True for methods that change state (everything but GET, HEAD, OPTIONS).
bool IsMutation(std::string_view method);

}  // namespace dondoc::serve
