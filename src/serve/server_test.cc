// The real server on an ephemeral loopback port, talked to over real sockets.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "serve/errors.h"
#include "serve/static_files.h"
#include "serve/testing/client.h"

namespace dondoc::serve {
namespace {

using testing::ClientResponse;
using testing::Fetch;
using testing::RawExchange;
namespace fs = std::filesystem;

std::string Code(const ClientResponse& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"];
}

int StatusOf(const std::string& raw) {
  if (!raw.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(raw.substr(9, 3));
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    www_ = fs::temp_directory_path() / ("dondoc-www-" + std::to_string(::getpid()));
    fs::create_directories(www_);
    std::ofstream(www_ / "index.html") << "<h1>dondoc</h1>";
    std::ofstream(www_.parent_path() / ("secret-" + std::to_string(::getpid()))) << "secret";
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(www_);
    fs::remove(www_.parent_path() / ("secret-" + std::to_string(::getpid())));
  }

  void Start(ServerOptions opt = {}) {
    Router r;
    r.Add("GET", "/api/health", [](const Request&) { return JsonResponse({{"status", "ok"}}); });
    r.Add("POST", "/api/echo", [](const Request& req) { return JsonResponse(req.json); });
    r.Add("GET", "/api/slow", [](const Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      return JsonResponse({{"slow", true}});
    });
    r.SetFallback(StaticHandler(www_), RouteOptions{.media = ""});
    auto dispatcher = std::make_shared<Dispatcher>(std::move(r), Authenticator{}, 1024);
    opt.port = 0;
    opt.shutdown_grace = std::chrono::milliseconds(200);
    server_ = std::make_unique<Server>(opt, dispatcher);
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.error().message;
    port_ = port.value();
  }

  fs::path www_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, HealthHasSecurityHeaders) {
  Start();
  ClientResponse r = Fetch(port_, "GET", "/api/health");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_EQ(r.Header("referrer-policy"), "same-origin");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
}

TEST_F(ServerTest, ErrorsAndStaticFilesCarrySecurityHeadersToo) {
  Start();
  ClientResponse r = Fetch(port_, "GET", "/api/missing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Code(r), "not_found");
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  r = Fetch(port_, "GET", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<h1>dondoc</h1>");
  EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.Header("content-security-policy"), "");
  EXPECT_EQ(r.Header("cache-control"), "no-cache");
  r = Fetch(port_, "HEAD", "/index.html");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-length"), "15");
  EXPECT_EQ(r.body, "");
}

TEST_F(ServerTest, StaticTraversalOverTheWireIs404) {
  Start();
  const std::string secret = "secret-" + std::to_string(::getpid());
  for (const std::string& target :
       {"/../" + secret, "/%2e%2e/" + secret, "/..%2f" + secret, "/%2e%2e%5c" + secret}) {
    const std::string raw =
        RawExchange(port_, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(StatusOf(raw), 404) << target << "\n" << raw;
    EXPECT_EQ(raw.find("\r\n\r\nsecret"), std::string::npos) << target;
  }
}

TEST_F(ServerTest, OversizedBodyIs413) {
  Start();
  // Declared: refused before the body is read.
  ClientResponse r = Fetch(port_, "POST", "/api/echo", {{"Content-Type", "application/json"}},
                           "{\"a\":\"" + std::string(2000, 'x') + "\"}");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Code(r), "body_too_large");
  // Chunked: refused when the decoded body passes the limit.
  std::string chunked =
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(0x200, ' ') + "\r\n";
  chunked += "0\r\n\r\n";
  const std::string raw = RawExchange(port_, chunked);
  EXPECT_EQ(StatusOf(raw), 413) << raw;
  EXPECT_NE(raw.find("body_too_large"), std::string::npos);
}

TEST_F(ServerTest, WrongContentTypeIs415AndMalformedJsonIs400) {
  Start();
  ClientResponse r = Fetch(port_, "POST", "/api/echo", {{"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(Code(r), "unsupported_media_type");
  r = Fetch(port_, "POST", "/api/echo", {{"Content-Type", "application/json"}}, "{\"a\":");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Code(r), "bad_json");
  r = Fetch(port_, "POST", "/api/echo", {{"Content-Type", "application/json"}}, R"({"a":"đ"})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"a":"đ"})");
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  ServerOptions opt;
  opt.header_limit = 4096;
  Start(opt);
  const std::string raw =
      RawExchange(port_, "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') +
                             "\r\n\r\n");
  EXPECT_EQ(StatusOf(raw), 431) << raw.substr(0, 200);
  EXPECT_NE(raw.find("header_too_large"), std::string::npos);
}

TEST_F(ServerTest, GarbageIs400) {
  Start();
  const std::string raw = RawExchange(port_, "HELLO\r\n\r\n");
  EXPECT_EQ(StatusOf(raw), 400) << raw;
  EXPECT_NE(raw.find("bad_request"), std::string::npos);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Start();
  const std::string one = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string raw = RawExchange(
      port_, one + one + "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::size_t count = 0;
  for (std::size_t at = raw.find("HTTP/1.1 200"); at != std::string::npos;
       at = raw.find("HTTP/1.1 200", at + 1))
    ++count;
  EXPECT_EQ(count, 3u) << raw;
}

TEST_F(ServerTest, SlowClientIsCutOffAtTheRequestDeadline) {
  ServerOptions opt;
  opt.request_timeout = std::chrono::milliseconds(300);
  Start(opt);
  const int fd = testing::Connect(port_);
  ASSERT_GE(fd, 0);
  const auto start = std::chrono::steady_clock::now();
  // Trickle a header line every 100 ms: each byte arriving must not extend the deadline.
  const std::string head = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  ASSERT_GT(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), 0);
  bool closed = false;
  for (int i = 0; i < 20 && !closed; ++i) {
    const std::string line = "X-T" + std::to_string(i) + ": 1\r\n";
    if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) <= 0) break;
    auto [data, eof] = testing::ReadAll(fd, std::chrono::milliseconds(100));
    closed = eof;
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ::close(fd);
  EXPECT_TRUE(closed);
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
  // A legitimate client is still served.
  EXPECT_EQ(Fetch(port_, "GET", "/api/health").status, 200);
}

TEST_F(ServerTest, ConnectionsOverTheCapGet503) {
  ServerOptions opt;
  opt.max_connections = 2;
  Start(opt);
  const int a = testing::Connect(port_), b = testing::Connect(port_);
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  // Let the server accept both before the third arrives.
  for (int i = 0; i < 100 && server_->active_connections() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(server_->active_connections(), 2u);
  const std::string raw = RawExchange(port_, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusOf(raw), 503) << raw;
  EXPECT_NE(raw.find("\"unavailable\""), std::string::npos);
  ::close(a);
  ::close(b);
  for (int i = 0; i < 100 && server_->active_connections() > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(Fetch(port_, "GET", "/api/health").status, 200);
}

TEST_F(ServerTest, SlowHandlersDoNotBlockTheIoThread) {
  ServerOptions opt;
  opt.io_threads = 1;
  opt.worker_threads = 2;
  Start(opt);
  std::thread slow([&] { EXPECT_EQ(Fetch(port_, "GET", "/api/slow").status, 200); });
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch(port_, "GET", "/api/health").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
  slow.join();
}

TEST_F(ServerTest, BindFailuresAreErrors) {
  Start();
  ServerOptions opt;
  opt.port = port_;
  Server second(opt, std::make_shared<Dispatcher>(Router{}, Authenticator{}, 1024));
  auto r = second.Start();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bind_failed");
  opt.bind_address = "not-an-address";
  Server third(opt, std::make_shared<Dispatcher>(Router{}, Authenticator{}, 1024));
  EXPECT_FALSE(third.Start().ok());
}

TEST_F(ServerTest, StopWithOpenConnectionsReturns) {
  Start();
  const int fd = testing::Connect(port_);
  ASSERT_GE(fd, 0);
  const auto start = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ::close(fd);
  EXPECT_EQ(testing::Connect(port_), -1);
}

}  // namespace
}  // namespace dondoc::serve
