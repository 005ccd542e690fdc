// Plain data between the server and the handlers: a Request in, a Response out. No Beast types
// cross this line, so handlers are ordinary functions testable without a network.
//
// Tested by router_test.cc and dispatch_test.cc.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/principal.h"

namespace dondoc::serve {

struct Request {
  std::string method;                          // upper case as sent: "GET", "POST", …
  std::string target;                          // the raw request target: "/api/tasks/7?page=2"
  std::string path;                            // the target before '?', still percent-encoded
  std::map<std::string, std::string> query;    // decoded; a repeated key keeps the last value
  std::map<std::string, std::string> headers;  // names lower-cased; repeats joined with ", "
  std::map<std::string, std::string> params;   // "{id}" segments of the route pattern, decoded
  std::string body;
  std::string remote_ip;
  // The parsed body when the route takes JSON and a body was sent (the dispatcher has already
  // rejected malformed JSON); null otherwise.
  nlohmann::json json;
  // Set by the dispatcher's authenticator on routes that need a session.
  std::optional<access::Principal> principal;
  std::string session_id;  // the stored session key (token hash), for logout
  std::string csrf_token;  // the session's CSRF token, for GET /api/me to hand out again

  // The header's value, or "" when absent. `lower_name` must be lower case.
  const std::string& Header(const std::string& lower_name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers (Set-Cookie, Allow, …). The server adds the security headers itself.
  std::vector<std::pair<std::string, std::string>> headers;
};

// 200 (or `status`) with `body` serialized as JSON.
Response JsonResponse(const nlohmann::ordered_json& body, int status = 200);
// 204 No Content.
Response NoContent();

// Percent-decodes `s` ('+' stays '+': paths and our query values do not use form encoding).
// nullopt for a truncated or non-hex escape.
std::optional<std::string> PercentDecode(std::string_view s);
// Splits a target into path and decoded query parameters; nullopt for a malformed escape.
std::optional<std::pair<std::string, std::map<std::string, std::string>>> SplitTarget(
    std::string_view target);
// The media type of a Content-Type value, lower-cased, parameters dropped:
// "Application/JSON; charset=utf-8" → "application/json".
std::string MediaType(std::string_view content_type);

}  // namespace dondoc::serve
