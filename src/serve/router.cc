// Tested by router_test.cc.
//
// Matching is a linear scan: a few dozen routes cost well under a microsecond, and a scan keeps
// the precedence rule (literals beat parameters, left to right) obvious.
#include "serve/router.h"

#include <algorithm>

namespace dondoc::serve {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

namespace {

bool IsParam(std::string_view seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

bool ValidPattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') return false;
  for (std::string_view seg : SplitPath(pattern)) {
    const bool has_brace = seg.find_first_of("{}") != std::string_view::npos;
    if (has_brace && !IsParam(seg)) return false;
    if (IsParam(seg) && seg.substr(1, seg.size() - 2).find_first_of("{}") != std::string_view::npos)
      return false;
  }
  return true;
}

// A score for a match of `pattern` against `segs` (higher = more specific), or -1. Literal
// segments weigh by position so the leftmost literal decides between two parameter routes.
long Score(std::string_view pattern, const std::vector<std::string_view>& segs,
           std::map<std::string, std::string>* params) {
  const std::vector<std::string_view> pats = SplitPath(pattern);
  if (pats.size() != segs.size()) return -1;
  long score = 0;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < pats.size(); ++i) {
    if (IsParam(pats[i])) {
      if (segs[i].empty()) return -1;
      auto value = PercentDecode(segs[i]);
      if (!value) return -1;
      found[std::string(pats[i].substr(1, pats[i].size() - 2))] = std::move(*value);
    } else if (pats[i] == segs[i]) {
      score += 1L << std::min<std::size_t>(30, pats.size() - i);
    } else {
      return -1;
    }
  }
  if (params) *params = std::move(found);
  return score;
}

}  // namespace

bool Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (!ValidPattern(pattern) || method.empty()) return false;
  for (const Route& r : routes_) {
    if (r.method == method && r.pattern == pattern) return false;
  }
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(handler), std::move(options)});
  return true;
}

void Router::SetFallback(Handler handler, RouteOptions options) {
  fallback_ = Route{"GET", "", std::move(handler), std::move(options)};
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch m;
  const std::vector<std::string_view> segs = SplitPath(path);
  long best = -1;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    const long score = Score(r.pattern, segs, &params);
    if (score < 0) continue;
    if (r.method != method) {
      if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end())
        m.allowed.push_back(r.method);
      continue;
    }
    if (score > best) {
      best = score;
      m.route = &r;
      m.params = std::move(params);
    }
  }
  if (m.route) {
    m.allowed.clear();
    return m;
  }
  const bool api = path == "/api" || path.starts_with("/api/");
  if (m.allowed.empty() && fallback_ && !api && (method == "GET" || method == "HEAD")) {
    m.route = &*fallback_;
  }
  std::sort(m.allowed.begin(), m.allowed.end());
  return m;
}

}  // namespace dondoc::serve
