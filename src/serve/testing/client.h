// A small HTTP client for the server tests: real sockets on loopback, no mocks. Every call has
// a deadline so a misbehaving server fails the test instead of hanging it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dondoc::serve::testing {

struct ClientResponse {
  int status = 0;                              // 0 when the exchange failed (see `error`)
  std::map<std::string, std::string> headers;  // lower-cased names; repeats joined with "\n"
  std::string body;
  std::string error;

  const std::string& Header(const std::string& lower_name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request on a fresh connection (Beast client). `body` non-empty → Content-Length is set.
ClientResponse Fetch(std::uint16_t port, const std::string& method, const std::string& target,
                     const Headers& headers = {}, const std::string& body = {});

// Raw bytes over a POSIX socket: sends `bytes`, then reads until the server closes or
// `timeout` passes. Returns what was read.
std::string RawExchange(std::uint16_t port, const std::string& bytes,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5));

// An open POSIX connection to 127.0.0.1:port (-1 on failure); the caller closes it.
int Connect(std::uint16_t port);
// Reads from `fd` until EOF or `timeout`; returns the bytes and whether EOF was seen.
std::pair<std::string, bool> ReadAll(int fd, std::chrono::milliseconds timeout);

}  // namespace dondoc::serve::testing
