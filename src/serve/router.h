// The route table: method + path pattern → handler and the route's limits. Patterns are
// '/'-separated segments, each a literal or a "{name}" parameter matching one non-empty
// segment: "/api/tasks/{id}/reports". A literal segment beats a parameter at the same place, so
// "/api/users/me" wins over "/api/users/{id}" whatever the registration order.
//
// Not thread-safe to modify; once built it is read concurrently by the server's threads.
// Tested by router_test.cc.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "serve/http.h"

namespace dondoc::serve {

using Handler = std::function<Response(const Request&)>;

enum class Auth {
  kPublic,   // anyone
  kSession,  // a valid session; mutations (non-GET) also need the CSRF token
};

struct RouteOptions {
  Auth auth = Auth::kPublic;
  // The media type the route's body must have ("a, b" for several); "" = the route takes no
  // body.
  std::string media = "application/json";
  // Body limit in bytes; 0 = the server's default (ServeLimits::default_body_bytes).
  std::size_t body_limit = 0;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

struct RouteMatch {
  const Route* route = nullptr;               // set when method and path matched
  std::map<std::string, std::string> params;  // decoded parameter values
  std::vector<std::string> allowed;           // when only the path matched: its methods
};

class Router {
 public:
  // Adds a route. Returns false (and adds nothing) for a malformed pattern (not starting with
  // '/', an empty "{}" or a half-open brace) or a duplicate method + pattern.
  bool Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  // The handler for GET/HEAD paths outside /api/ that no route matches (static files).
  void SetFallback(Handler handler, RouteOptions options = {});

  // Matches `path` (percent-encoded, without query). No route → route == nullptr and `allowed`
  // empty (404) or listing the methods of the path (405). A parameter whose decoding fails
  // does not match.
  RouteMatch Match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::optional<Route> fallback_;
};

// Splits "/a/b/" into {"a","b",""}; the leading '/' is dropped.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace dondoc::serve
