// dondoc serve [--bind ADDR] [--port N] [--db PATH] [--static DIR] [--users FILE]
//              [--insecure-cookie]
//              [--io-threads N] [--workers N] [--max-connections N] [--body-limit BYTES]
//              [--header-limit BYTES] [--request-timeout SECONDS]
// dondoc serve --hash-password
//
// The HTTP server (src/serve/). With --db, users, sessions, tracking and the audit log live in
// that database (dondoc user add); the document routes read it through read-only connections
// (one per worker at most) while `dondoc ingest` may write to it. --users FILE keeps users and
// sessions in memory instead (access/users_file.h). Stops
// cleanly on SIGINT/SIGTERM (open requests get a short grace). Exit 0 after a clean stop, 1 when
// the server cannot start, 2 on bad arguments.
#include <sys/stat.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "access/accounts.h"
#include "access/crypto.h"
#include "access/memory_repos.h"
#include "access/users_file.h"
#include "cli/commands.h"
#include "serve/api/api.h"
#include "serve/server.h"
#include "store/sqlite_store.h"
#include "store/sqlite_tracking.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageServe =
    "usage: dondoc serve [--bind ADDR] [--port N] [--db PATH] [--static DIR] [--users FILE]\n"
    "                    [--insecure-cookie] [--io-threads N] [--workers N]\n"
    "                    [--max-connections N] [--body-limit BYTES] [--header-limit BYTES]\n"
    "                    [--request-timeout SECONDS] [--cache-ms N]\n"
    "       dondoc serve --hash-password   (reads a password on stdin, prints its hash)\n"
    "  --bind ADDR       listen address (default 127.0.0.1: this machine only)\n"
    "  --port N          default 8080\n"
    "  --db PATH         the database (from dondoc ingest): documents read-only; users,\n"
    "                    sessions, tasks, reports and the audit log read and written\n"
    "  --static DIR      serve the web page's files from DIR (web/ of the repository)\n"
    "  --users FILE      users from a file instead of the database, one per line:\n"
    "                    name role unit|- argon2id-hash (roles: admin office unit_officer\n"
    "                    reader); then users and sessions live in memory until exit\n"
    "  --insecure-cookie session cookie without Secure, for plain-HTTP LAN installs\n"
    "  --cache-ms N      keep answers of the tracking GET routes up to N ms (default 1000;\n"
    "                    any change through this server drops them at once; 0 = off)\n";

bool ParseNumber(const std::string& s, unsigned long long max, unsigned long long* out) {
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v == 0 || v > max) return false;
  *out = v;
  return true;
}

int HashPasswordFromStdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (auto rules = access::CheckPasswordRules(password); !rules.ok()) {
    std::fprintf(stderr, "dondoc serve: %s\n", rules.error().message.c_str());
    return 1;
  }
  auto hash = access::HashPassword(password);
  if (!hash.ok()) {
    std::fprintf(stderr, "dondoc serve: %s\n", hash.error().message.c_str());
    return 1;
  }
  std::puts(hash.value().c_str());
  return 0;
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address.starts_with("127.");
}

}  // namespace

int CmdServe(const Args& args) {
  serve::ServerOptions opt;
  std::optional<std::filesystem::path> static_dir;
  std::optional<std::string> users_file;
  std::optional<std::string> db_path;
  bool insecure_cookie = false;
  std::size_t body_limit = 1u << 20;
  std::int64_t cache_ms = 1000;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsageServe, stdout);
      return 0;
    }
    if (a == "--hash-password") return HashPasswordFromStdin();
    if (a == "--insecure-cookie") {
      insecure_cookie = true;
      continue;
    }
    static const std::set<std::string> kValued = {
        "--bind",       "--port",         "--static",          "--users",
        "--db",         "--io-threads",   "--workers",         "--max-connections",
        "--body-limit", "--header-limit", "--request-timeout", "--cache-ms"};
    if (!kValued.count(a)) {
      std::fprintf(stderr, "dondoc serve: unknown option '%s'\n%s", a.c_str(), kUsageServe);
      return 2;
    }
    if (i + 1 >= args.size()) {
      std::fprintf(stderr, "dondoc serve: %s needs a value\n%s", a.c_str(), kUsageServe);
      return 2;
    }
    const std::string& v = args[++i];
    unsigned long long n = 0;
    auto number = [&](unsigned long long max) {
      if (ParseNumber(v, max, &n)) return true;
      std::fprintf(stderr, "dondoc serve: %s: '%s' is not a number from 1 to %llu\n", a.c_str(),
                   v.c_str(), max);
      return false;
    };
    if (a == "--bind") {
      opt.bind_address = v;
    } else if (a == "--port") {
      if (!number(65535)) return 2;
      opt.port = static_cast<std::uint16_t>(n);
    } else if (a == "--static") {
      static_dir = v;
    } else if (a == "--db") {
      db_path = v;
    } else if (a == "--users") {
      users_file = v;
    } else if (a == "--io-threads") {
      if (!number(2)) return 2;
      opt.io_threads = static_cast<unsigned>(n);
    } else if (a == "--workers") {
      if (!number(64)) return 2;
      opt.worker_threads = static_cast<unsigned>(n);
    } else if (a == "--max-connections") {
      if (!number(100000)) return 2;
      opt.max_connections = n;
    } else if (a == "--body-limit") {
      if (!number(1ull << 30)) return 2;
      body_limit = n;
    } else if (a == "--header-limit") {
      if (!number(1u << 20)) return 2;
      opt.header_limit = n;
    } else if (a == "--request-timeout") {
      if (!number(3600)) return 2;
      opt.request_timeout = std::chrono::seconds(n);
    } else if (a == "--cache-ms") {
      if (v != "0" && !number(3600 * 1000)) return 2;
      cache_ms = v == "0" ? 0 : static_cast<std::int64_t>(n);
    } else {
      std::fprintf(stderr, "dondoc serve: unknown option '%s'\n%s", a.c_str(), kUsageServe);
      return 2;
    }
  }
  if (!access::InitCrypto()) {
    std::fputs("dondoc serve: libsodium failed to initialise\n", stderr);
    return 1;
  }
  if (static_dir && !std::filesystem::is_directory(*static_dir)) {
    std::fprintf(stderr, "dondoc serve: --static %s: not a directory\n",
                 static_dir->string().c_str());
    return 2;
  }

  // With --db, users, sessions, the audit log and tracking live in the database (opening it
  // migrates it to this build's schema, so the file must be writable). --users FILE keeps
  // the older mode for users and sessions (in memory, gone at exit); the audit log still goes
  // to the database when there is one.
  access::MemoryUserRepo memory_users;
  access::MemorySessionRepo memory_sessions;
  access::MemoryAuditSink memory_audit;
  std::unique_ptr<store::SqliteAccessRepos> db_repos;
  if (db_path) {
    auto repos = store::SqliteAccessRepos::Open(*db_path);
    if (!repos.ok()) {
      std::fprintf(stderr, "dondoc serve: --db %s: %s\n", db_path->c_str(),
                   repos.error().message.c_str());
      return 2;
    }
    db_repos = std::move(repos.value());
  }
  const bool users_in_db = db_repos && !users_file;
  access::UserRepo& users = users_in_db ? static_cast<access::UserRepo&>(*db_repos) : memory_users;
  access::SessionRepo& session_repo =
      users_in_db ? static_cast<access::SessionRepo&>(*db_repos) : memory_sessions;
  access::AuditSink& audit = db_repos ? static_cast<access::AuditSink&>(*db_repos) : memory_audit;
  if (users_file) {
    std::ifstream in(*users_file);
    if (!in) {
      std::fprintf(stderr, "dondoc serve: --users %s: cannot read\n", users_file->c_str());
      return 2;
    }
    struct stat st {};
    if (::stat(users_file->c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      std::fprintf(stderr, "dondoc serve: warning: %s is readable by others (chmod 600)\n",
                   users_file->c_str());
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = access::ParseUsersFile(ss.str());
    if (!parsed.ok()) {
      std::fprintf(stderr, "dondoc serve: %s: %s\n", users_file->c_str(),
                   parsed.error().message.c_str());
      return 2;
    }
    for (access::User& u : parsed.value()) memory_users.Add(std::move(u));
  } else if (!db_repos) {
    std::fputs("dondoc serve: warning: no --db PATH and no --users FILE; nobody can sign in\n",
               stderr);
  } else if (users.List().empty()) {
    std::fputs("dondoc serve: warning: the database has no users (dondoc user add)\n", stderr);
  }

  // Opened once here so a wrong path or schema fails at start-up, not at the first request;
  // that first connection becomes the pool's first idle one. Documents are read through
  // read-only connections; tracking and uploads write through their own.
  std::optional<serve::api::StorePool> documents;
  std::optional<serve::api::StorePool> writer;
  std::optional<serve::api::TrackPool> tracking;
  if (db_path) {
    documents.emplace([path = *db_path] { return store::OpenSqliteStoreReadOnly(path); });
    writer.emplace([path = *db_path] {
      return store::OpenSqliteStore(path, store::SqliteOptions{.create = false});
    });
    tracking.emplace([path = *db_path] { return store::OpenSqliteTracking(path); });
    auto probe = documents->Acquire();
    if (!probe.ok()) {
      std::fprintf(stderr, "dondoc serve: --db %s: %s\n", db_path->c_str(),
                   probe.error().message.c_str());
      return 2;
    }
    auto track_probe = tracking->Acquire();
    if (!track_probe.ok()) {
      std::fprintf(stderr, "dondoc serve: --db %s: %s\n", db_path->c_str(),
                   track_probe.error().message.c_str());
      return 2;
    }
  } else {
    std::fputs("dondoc serve: warning: no --db PATH; the document and tracking routes answer 503\n",
               stderr);
  }

  access::Sessions sessions(session_repo, users, access::SystemClock());
  access::Accounts accounts(users, sessions, audit);
  serve::api::Context ctx{users, sessions, accounts, audit,
                          serve::SessionCookie{.secure = !insecure_cookie}};
  serve::api::ResponseCache cache;
  cache.max_age_ms = cache_ms;
  ctx.cache = cache_ms > 0 ? &cache : nullptr;
  ctx.tracking = tracking ? &*tracking : nullptr;
  ctx.writer = writer ? &*writer : nullptr;
  serve::Server server(
      opt, serve::api::BuildApi(ctx, static_dir, body_limit, documents ? &*documents : nullptr));
  auto port = server.Start();
  if (!port.ok()) {
    std::fprintf(stderr, "dondoc serve: %s\n", port.error().message.c_str());
    return 1;
  }
  if (!IsLoopback(opt.bind_address)) {
    std::fprintf(
        stderr, "dondoc serve: warning: listening on %s, reachable from other machines%s\n",
        opt.bind_address.c_str(), insecure_cookie ? "; session cookies travel in clear text" : "");
  } else if (insecure_cookie) {
    std::fputs("dondoc serve: warning: --insecure-cookie: the session cookie has no Secure flag\n",
               stderr);
  }
  std::fprintf(stderr,
               "dondoc serve: http://%s:%u  (users %zu, io threads %u, workers %u, max connections "
               "%zu, body %zu B, header %zu B, request timeout %lld s%s%s)\n",
               opt.bind_address.c_str(), port.value(), users.List().size(), opt.io_threads,
               opt.worker_threads, opt.max_connections, body_limit, opt.header_limit,
               static_cast<long long>(
                   std::chrono::duration_cast<std::chrono::seconds>(opt.request_timeout).count()),
               static_dir ? ", static " : "", static_dir ? static_dir->string().c_str() : "");
  const int sig = serve::Server::WaitForSignal();
  std::fprintf(stderr, "dondoc serve: signal %d, stopping\n", sig);
  server.Stop();
  return 0;
}

}  // namespace dondoc::cli
