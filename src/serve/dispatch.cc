// Tested by dispatch_test.cc (and end to end by server_test.cc).
#include "serve/dispatch.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>

#include "serve/errors.h"

namespace dondoc::serve {

bool IsMutation(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Dispatcher::Dispatcher(Router router, Authenticator authenticator, std::size_t default_body_limit)
    : router_(std::move(router)),
      authenticator_(std::move(authenticator)),
      default_body_limit_(default_body_limit),
      max_body_limit_(default_body_limit) {
  for (const Route& r : router_.routes()) {
    max_body_limit_ = std::max(max_body_limit_, r.options.body_limit);
  }
}

namespace {

Prepared Early(Response r) {
  Prepared p;
  p.early = std::move(r);
  return p;
}

// The declared body length: nullopt when there is none, SIZE_MAX for chunked (unknown).
std::optional<std::size_t> DeclaredBody(const Request& req, bool* bad) {
  if (!req.Header("transfer-encoding").empty()) return SIZE_MAX;
  const std::string& cl = req.Header("content-length");
  if (cl.empty()) return std::nullopt;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(cl.data(), cl.data() + cl.size(), n);
  if (ec != std::errc() || end != cl.data() + cl.size()) {
    *bad = true;
    return std::nullopt;
  }
  if (n == 0) return std::nullopt;
  return n;
}

// SPEC(stack-notes §8, CSRF 1): a browser's cross-site mutation carries an Origin that is not
// ours or Sec-Fetch-Site: cross-site. Non-browser clients send neither and rely on the token.
bool CrossSite(const Request& req) {
  const std::string& site = req.Header("sec-fetch-site");
  if (site == "cross-site" || site == "same-site") return true;
  const std::string& origin = req.Header("origin");
  if (origin.empty()) return false;
  const std::string& host = req.Header("host");
  return origin != "http://" + host && origin != "https://" + host;
}

// `accepted` is one media type or several separated by ", " (an upload route).
bool MediaAccepted(std::string_view accepted, std::string_view type) {
  while (!accepted.empty()) {
    const std::size_t comma = accepted.find(',');
    std::string_view one = accepted.substr(0, comma);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    if (one == type) return true;
    if (comma == std::string_view::npos) break;
    accepted.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

Prepared Dispatcher::Prepare(Request& req) const {
  auto split = SplitTarget(req.target);
  if (!split || req.target.empty() || req.target.front() != '/')
    return Early(ErrorResponse(ErrorCode::kBadRequest, "Malformed request target."));
  req.path = std::move(split->first);
  req.query = std::move(split->second);

  RouteMatch m = router_.Match(req.method, req.path);
  if (!m.route) {
    if (m.allowed.empty()) return Early(ErrorResponse(ErrorCode::kNotFound));
    Response r = ErrorResponse(ErrorCode::kMethodNotAllowed);
    std::string allow;
    for (const std::string& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
    r.headers.emplace_back("Allow", allow);
    return Early(std::move(r));
  }
  req.params = std::move(m.params);
  const RouteOptions& opt = m.route->options;

  if (IsMutation(req.method) && CrossSite(req))
    return Early(ErrorResponse(ErrorCode::kCsrfInvalid, "Cross-site requests are not accepted."));

  bool bad_length = false;
  const std::optional<std::size_t> declared = DeclaredBody(req, &bad_length);
  if (bad_length) return Early(ErrorResponse(ErrorCode::kBadRequest, "Bad Content-Length."));
  const std::size_t limit = opt.body_limit ? opt.body_limit : default_body_limit_;
  if (declared) {
    const std::string& enc = req.Header("content-encoding");
    if (!enc.empty() && enc != "identity")
      return Early(ErrorResponse(ErrorCode::kUnsupportedMediaType,
                                 "Compressed request bodies are not accepted."));
    if (opt.media.empty())
      return Early(ErrorResponse(ErrorCode::kUnsupportedMediaType, "This route takes no body."));
    if (!MediaAccepted(opt.media, MediaType(req.Header("content-type"))))
      return Early(ErrorResponse(ErrorCode::kUnsupportedMediaType,
                                 "Expected Content-Type " + opt.media + "."));
    if (*declared != SIZE_MAX && *declared > limit)
      return Early(ErrorResponse(ErrorCode::kBodyTooLarge,
                                 "The body exceeds " + std::to_string(limit) + " bytes."));
  }
  Prepared p;
  p.route = m.route;
  p.body_limit = limit;
  return p;
}

Response Dispatcher::Finish(const Prepared& prepared, Request& req) const {
  if (prepared.early) return *prepared.early;
  const Route& route = *prepared.route;
  if (route.options.media == "application/json" && !req.body.empty()) {
    req.json = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (req.json.is_discarded()) {
      req.json = nullptr;
      return ErrorResponse(ErrorCode::kBadJson);
    }
    if (!req.json.is_object())
      return ErrorResponse(ErrorCode::kBadJson, "The body must be a JSON object.");
  }
  if (route.options.auth == Auth::kSession) {
    if (!authenticator_) return ErrorResponse(ErrorCode::kInternal);
    if (std::optional<Response> refused = authenticator_(req)) return std::move(*refused);
  }
  try {
    return route.handler(req);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dondoc serve: %s %s: handler failed: %s\n", req.method.c_str(),
                 req.path.c_str(), e.what());
  } catch (...) {
    std::fprintf(stderr, "dondoc serve: %s %s: handler failed\n", req.method.c_str(),
                 req.path.c_str());
  }
  return ErrorResponse(ErrorCode::kInternal);
}

Response Dispatcher::Handle(Request req) const {
  Prepared p = Prepare(req);
  if (!p.early && req.body.size() > p.body_limit) return ErrorResponse(ErrorCode::kBodyTooLarge);
  return Finish(p, req);
}

}  // namespace dondoc::serve
