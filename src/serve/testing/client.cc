#include "serve/testing/client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/asio.h"

namespace dondoc::serve::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

const std::string& ClientResponse::Header(const std::string& lower_name) const {
  static const std::string kEmpty;
  auto it = headers.find(lower_name);
  return it == headers.end() ? kEmpty : it->second;
}

namespace {

asio::awaitable<void> Exchange(std::uint16_t port, std::string method, std::string target,
                               Headers headers, std::string body, ClientResponse* out) {
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  stream.expires_after(std::chrono::seconds(10));
  co_await stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                                asio::use_awaitable);
  http::request<http::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty()) {
    req.body() = std::move(body);
    req.prepare_payload();
  }
  co_await http::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(boost::none);
  if (method == "HEAD") parser.skip(true);
  co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
  const auto& res = parser.get();
  out->status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::string& slot = out->headers[name];
    if (!slot.empty()) slot += "\n";
    slot += std::string(f.value());
  }
  out->body = res.body();
}

}  // namespace

ClientResponse Fetch(std::uint16_t port, const std::string& method, const std::string& target,
                     const Headers& headers, const std::string& body) {
  asio::io_context io;
  ClientResponse out;
  asio::co_spawn(io, Exchange(port, method, target, headers, body, &out),
                 [&out](std::exception_ptr e) {
                   if (!e) return;
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& ex) {
                     out.status = 0;
                     out.error = ex.what();
                   }
                 });
  io.run();
  return out;
}

int Connect(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::pair<std::string, bool> ReadAll(int fd, std::chrono::milliseconds timeout) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {out, false};
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return {out, false};
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return {out, true};
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string RawExchange(std::uint16_t port, const std::string& bytes,
                        std::chrono::milliseconds timeout) {
  const int fd = Connect(port);
  if (fd < 0) return {};
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (413, 431) — read its answer anyway
    sent += static_cast<std::size_t>(n);
  }
  std::string out = ReadAll(fd, timeout).first;
  ::close(fd);
  return out;
}

}  // namespace dondoc::serve::testing
