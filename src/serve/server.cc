// Tested by server_test.cc (a real server on an ephemeral loopback port, a real client).
//
// One connection = one coroutine (Connection::Run below), read → dispatch → write in a loop:
//   1. expires_after(request_timeout) — one deadline for the whole exchange; it is not reset by
//      bytes arriving, which is what defeats slow clients (stack-notes §1, 2,000 tricklers).
//   2. async_read_header with header_limit (→ 431) and no body limit yet.
//   3. Dispatcher::Prepare on the io thread: route, media type, Content-Length (→ 404, 405,
//      413, 415 answered without reading the body, then the connection closes).
//   4. async_read of the body with the route's limit (chunked bodies → 413 when they pass it).
//   5. Dispatcher::Finish on the worker pool; the coroutine resumes on its io thread.
//   6. async_write with the security headers; keep-alive unless an error or shutdown.
#include "serve/server.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <future>
#include <limits>
#include <optional>
#include <thread>

#include "serve/asio.h"
#include "serve/errors.h"

namespace dondoc::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::vector<std::pair<std::string, std::string>> SecurityHeaders(bool api) {
  std::vector<std::pair<std::string, std::string>> h = {
      // SPEC(stack-notes §8, Headers). frame-ancestors supersedes X-Frame-Options in modern
      // browsers; both are sent for older ones.
      {"Content-Security-Policy",
       "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
       "object-src 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  if (api) h.emplace_back("Cache-Control", "no-store");
  return h;
}

namespace {

bool IsApiPath(std::string_view target) {
  return target == "/api" || target.starts_with("/api/") || target.starts_with("/api?");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The canned answer when max_connections is reached: sent without reading the request.
std::string BusyResponse() {
  const Response r = ErrorResponse(ErrorCode::kUnavailable);
  std::string out = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n";
  out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  out += "Connection: close\r\nRetry-After: 1\r\n";
  for (const auto& [k, v] : SecurityHeaders(true)) out += k + ": " + v + "\r\n";
  return out + "\r\n" + r.body;
}

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  std::shared_ptr<const Dispatcher> dispatcher;
  // Declared before io: coroutine frames destroyed with io still touch them.
  std::atomic<std::size_t> active{0};
  std::atomic<bool> stopping{false};
  bool started = false;
  bool stopped = false;
  asio::io_context io;
  std::optional<tcp::acceptor> acceptor;
  asio::thread_pool workers;
  std::vector<std::thread> threads;

  Impl(ServerOptions o, std::shared_ptr<const Dispatcher> d)
      : opt(std::move(o)),
        dispatcher(std::move(d)),
        io(static_cast<int>(std::max(1u, opt.io_threads))),
        workers(std::max(1u, opt.worker_threads)) {}

  // Runs Finish on the worker pool and resumes the awaiting coroutine on its own executor.
  asio::awaitable<Response> RunOnWorkers(Prepared prepared, Request req) {
    auto initiate = [this, prepared = std::move(prepared),
                     req = std::move(req)](auto handler) mutable {
      asio::post(workers, [this, handler = std::move(handler), prepared = std::move(prepared),
                           req = std::move(req)]() mutable {
        Response r = dispatcher->Finish(prepared, req);
        auto ex = asio::get_associated_executor(handler);
        asio::post(ex, [handler = std::move(handler), r = std::move(r)]() mutable {
          std::move(handler)(std::move(r));
        });
      });
    };
    return asio::async_initiate<const asio::use_awaitable_t<>&, void(Response)>(
        std::move(initiate), asio::use_awaitable);
  }

  static http::response<http::string_body> ToBeast(Response r, unsigned version, bool head,
                                                   bool api) {
    http::response<http::string_body> res{static_cast<http::status>(r.status), version};
    res.set(http::field::server, "dondoc");
    if (!r.content_type.empty()) res.set(http::field::content_type, r.content_type);
    bool has_cache_control = false;
    for (auto& [k, v] : r.headers) {
      has_cache_control |= Lower(k) == "cache-control";
      res.insert(k, v);
    }
    for (auto& [k, v] : SecurityHeaders(api && !has_cache_control)) res.set(k, v);
    if (api && has_cache_control) res.set(http::field::cache_control, "no-store");
    const std::size_t size = r.body.size();
    if (!head) res.body() = std::move(r.body);
    if (r.status != 204 && r.status != 304) res.content_length(size);
    return res;
  }

  asio::awaitable<void> Run(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    std::string remote_ip;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote_ip = ep.address().to_string();
      stream.socket().set_option(tcp::no_delay(true), ec);
    }
    for (;;) {
      beast::error_code ec;
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opt.header_limit));
      // No limit until the route is known (Prepare checks Content-Length against it). Not
      // boost::none: Beast 1.74 compares the length with the optional, and `n > none` is true.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(opt.request_timeout);
      co_await http::async_read_header(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
      std::optional<Response> failed;
      if (ec == http::error::header_limit) {
        failed = ErrorResponse(ErrorCode::kHeaderTooLarge);
      } else if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
                 ec == asio::error::eof || ec == asio::error::connection_reset ||
                 ec == asio::error::operation_aborted) {
        break;
      } else if (ec) {
        failed =
            ErrorResponse(ErrorCode::kBadRequest, "Malformed HTTP request: " + ec.message() + ".");
      }
      if (failed) {
        co_await Write(stream, std::move(*failed), 11, false, false, false);
        co_await Linger(stream);
        co_return;
      }

      const auto& h = parser.get();
      Request req;
      req.method = std::string(h.method_string());
      req.target = std::string(h.target());
      req.remote_ip = remote_ip;
      for (const auto& field : h) {
        std::string name = Lower(field.name_string());
        std::string& slot = req.headers[name];
        if (!slot.empty()) slot += name == "cookie" ? "; " : ", ";
        slot += std::string(field.value());
      }
      const bool head = req.method == "HEAD";
      const bool api = IsApiPath(req.target);
      const unsigned version = h.version();
      bool keep_alive = h.keep_alive();

      Prepared prepared = dispatcher->Prepare(req);
      Response response;
      if (prepared.early) {
        response = std::move(*prepared.early);
        // The body (if any) is unread: the connection cannot carry another request.
        keep_alive = keep_alive && parser.is_done();
      } else {
        parser.body_limit(prepared.body_limit);
        if (!parser.is_done()) {
          co_await http::async_read(stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, ec));
        }
        if (ec == http::error::body_limit) {
          response = ErrorResponse(ErrorCode::kBodyTooLarge);
          keep_alive = false;
        } else if (ec) {
          break;  // timeout, reset, or a malformed body: nothing sensible to answer
        } else {
          req.body = std::move(parser.get().body());
          response = co_await RunOnWorkers(std::move(prepared), std::move(req));
        }
      }
      if (stopping) keep_alive = false;
      if (!co_await Write(stream, std::move(response), version, head, keep_alive, api)) break;
      if (!keep_alive) {
        if (!parser.is_done()) co_await Linger(stream);
        co_return;
      }
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // Closing with request bytes still unread makes the kernel send RST, which can destroy the
  // error response before the client reads it. So: half-close, then read and drop what the
  // client still sends, for at most a second and 1 MiB (nginx's "lingering close").
  static asio::awaitable<void> Linger(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(1));
    std::array<char, 8192> sink;
    std::size_t total = 0;
    while (!ec && total < (1u << 20)) {
      total += co_await stream.async_read_some(asio::buffer(sink),
                                               asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  // Writes one response; false when the connection is gone.
  asio::awaitable<bool> Write(beast::tcp_stream& stream, Response r, unsigned version, bool head,
                              bool keep_alive, bool api) {
    auto res = ToBeast(std::move(r), version, head, api);
    res.keep_alive(keep_alive);
    beast::error_code ec;
    co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
  }

  asio::awaitable<void> Accept() {
    static const std::string kBusy = BusyResponse();
    for (;;) {
      beast::error_code ec;
      tcp::socket socket =
          co_await acceptor->async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted || stopping) co_return;
      if (ec) continue;  // e.g. EMFILE: keep serving the connections we have
      if (active.load() >= opt.max_connections) {
        // Overloaded: a best-effort non-blocking answer, no per-connection state kept.
        socket.non_blocking(true, ec);
        socket.send(asio::buffer(kBusy), 0, ec);
        socket.shutdown(tcp::socket::shutdown_both, ec);
        continue;
      }
      ++active;
      asio::co_spawn(socket.get_executor(), Run(std::move(socket)), [this](std::exception_ptr e) {
        --active;
        if (e) std::fputs("dondoc serve: connection failed\n", stderr);
      });
    }
  }
};

Server::Server(ServerOptions options, std::shared_ptr<const Dispatcher> dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(dispatcher))) {}

Server::~Server() { Stop(); }

Result<std::uint16_t> Server::Start() {
  Impl& s = *impl_;
  if (s.started) return Error{"bind_failed", "the server is already started"};
  beast::error_code ec;
  const auto address = asio::ip::make_address(s.opt.bind_address, ec);
  if (ec) return Error{"bind_failed", "bad bind address '" + s.opt.bind_address + "'"};
  const tcp::endpoint endpoint{address, s.opt.port};
  s.acceptor.emplace(s.io);
  s.acceptor->open(endpoint.protocol(), ec);
  if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(endpoint, ec);
  if (!ec) s.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error{"bind_failed", "cannot listen on " + s.opt.bind_address + ":" +
                                    std::to_string(s.opt.port) + ": " + ec.message()};
  }
  const std::uint16_t port = s.acceptor->local_endpoint().port();
  asio::co_spawn(s.io, s.Accept(), asio::detached);
  s.started = true;
  const unsigned n = std::max(1u, s.opt.io_threads);
  for (unsigned i = 0; i < n; ++i) s.threads.emplace_back([&s] { s.io.run(); });
  return port;
}

void Server::Stop() {
  Impl& s = *impl_;
  if (!s.started || s.stopped) return;
  s.stopped = true;
  s.stopping = true;
  // Close the listener on its own thread and wait for it, so nothing is accepted in the grace
  // period (a posted close may otherwise still be queued when io.stop() runs).
  std::promise<void> closed;
  asio::post(s.io, [&s, &closed] {
    beast::error_code ec;
    s.acceptor->close(ec);
    closed.set_value();
  });
  closed.get_future().wait_for(std::chrono::seconds(5));
  const auto deadline = std::chrono::steady_clock::now() + s.opt.shutdown_grace;
  while (s.active.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  s.io.stop();
  for (std::thread& t : s.threads) t.join();
  s.workers.join();
  beast::error_code ec;
  s.acceptor->close(ec);  // no thread runs io any more: safe here
}

int Server::WaitForSignal() {
  asio::io_context io;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  int received = 0;
  signals.async_wait([&](const beast::error_code&, int sig) { received = sig; });
  io.run();
  return received;
}

std::size_t Server::active_connections() const { return impl_->active.load(); }

}  // namespace dondoc::serve
