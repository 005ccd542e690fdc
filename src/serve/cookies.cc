// Tested by api_test.cc.
#include "serve/cookies.h"

namespace dondoc::serve {

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!pair.empty() && (pair.front() == ' ' || pair.front() == '\t')) pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
    std::string_view value = pair.substr(eq + 1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

std::string SessionCookie::Set(std::string_view token, std::int64_t max_age_seconds) const {
  std::string c = Name() + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

std::string SessionCookie::Clear() const {
  std::string c = Name() + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

}  // namespace dondoc::serve
