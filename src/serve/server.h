// The HTTP/1.1 server: Boost.Beast over Asio, one io_context run by 1–2 threads, every
// connection a C++20 coroutine; handlers (Dispatcher::Finish) run on a small worker pool so a
// slow handler (Argon2 at login, SQLite, exports) never stalls the io threads.
//
// Limits (ServerOptions): header bytes (431), body bytes per route (413, from the Dispatcher),
// one deadline per request covering read + handler + write (tcp_stream::expires_after: a slow
// client that trickles bytes is cut off when it passes, whatever it sends), max concurrent
// connections (503 `unavailable`, answered without reading the request). Every response carries
// the security headers (SecurityHeaders).
//
// Beast and Asio stay inside server.cc (compile time; no Beast types in handlers). Thread-safe:
// Start/Stop/WaitForSignal from one controlling thread. Tested by server_test.cc.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "serve/dispatch.h"
#include "serve/http.h"

namespace dondoc::serve {

// Tunables with safe defaults (style.md habit 10); `dondoc serve` prints them at start-up.
struct ServerOptions {
  std::string bind_address = "127.0.0.1";  // loopback unless told otherwise
  std::uint16_t port = 8080;               // 0 = an ephemeral port (tests)
  unsigned io_threads = 1;                 // 1–2 (stack-notes §1)
  unsigned worker_threads = 4;             // handlers; Argon2 is further capped in access/
  std::size_t header_limit = 16 * 1024;    // request line + headers, bytes
  std::chrono::milliseconds request_timeout{30'000};  // per request, read to last byte written
  std::size_t max_connections = 1024;
  std::chrono::milliseconds shutdown_grace{2'000};  // Stop() waits this long for open requests
};

// The headers every response gets; `api` adds Cache-Control: no-store.
std::vector<std::pair<std::string, std::string>> SecurityHeaders(bool api);

class Server {
 public:
  Server(ServerOptions options, std::shared_ptr<const Dispatcher> dispatcher);
  ~Server();  // Stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the threads. Returns the bound port (the ephemeral one for port
  // 0), or an Error ("bind_failed": address in use, bad address, …).
  Result<std::uint16_t> Start();
  // Stops accepting, lets open requests finish for up to shutdown_grace, then stops the
  // threads. Idempotent.
  void Stop();
  // Blocks the calling thread until SIGINT or SIGTERM (then the caller Stop()s).
  static int WaitForSignal();

  std::size_t active_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dondoc::serve
