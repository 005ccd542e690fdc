// Cookie header parsing and Set-Cookie values for the session cookie.
// Tested by api_test.cc (and cookies in dispatch through the server tests).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::serve {

// The value of cookie `name` in a Cookie header ("a=1; sid=xyz"), nullopt when absent. The
// first occurrence wins (RFC 6265 §5.4: the most specific path is sent first).
std::optional<std::string> CookieValue(std::string_view header, std::string_view name);

struct SessionCookie {
  // true: "__Host-sid" with Secure (stack-notes §8). false: "sid" without Secure, for plain-HTTP
  // LAN installs only (`dondoc serve --insecure-cookie`, which warns at start-up).
  bool secure = true;

  std::string Name() const { return secure ? "__Host-sid" : "sid"; }
  // Set-Cookie for a new session token living `max_age_seconds`.
  std::string Set(std::string_view token, std::int64_t max_age_seconds) const;
  // Set-Cookie that deletes the cookie.
  std::string Clear() const;
};

}  // namespace dondoc::serve
