// dondoc demo [--dir DIR] [--samples DIR] [--web DIR] [--bind ADDR] [--port N]
//
// The README's main job: a fresh SQLite database from the project's own sample documents, one
// demo user per role with a new random password each run (printed once, stored only as
// Argon2id hashes in DIR/users.txt, mode 600), then `dondoc serve` on that database with the
// web page. Built from the commands it stands for (ingest, serve), so the demo shows exactly
// what a user of those commands gets.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "access/crypto.h"
#include "cli/commands.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageDemo =
    "usage: dondoc demo [--dir DIR] [--samples DIR] [--web DIR] [--bind ADDR] [--port N]\n"
    "  --dir DIR      where the demo database and users file go (default build/demo;\n"
    "                 the database there is made anew on every run)\n"
    "  --samples DIR  documents to load (default samples)\n"
    "  --web DIR      the web page's files (default web/public)\n"
    "  --bind, --port as for dondoc serve (default 127.0.0.1:8080)\n";

struct DemoUser {
  const char* name;
  const char* role;
  const char* unit;  // "-" unless unit_officer
  const char* who;
};

// One user per role; the officer belongs to a unit the samples give tasks to.
constexpr DemoUser kUsers[] = {
    {"quantri", "admin", "-", "quản trị"},
    {"vanphong", "office", "-", "văn phòng theo dõi"},
    {"sotttt", "unit_officer", "so-tttt", "cán bộ Sở Thông tin và Truyền thông"},
    {"xem", "reader", "-", "chỉ xem (nhà nghiên cứu)"},
};

}  // namespace

int CmdDemo(const Args& args) {
  std::filesystem::path dir = "build/demo";
  std::string samples = "samples";
  std::string web = "web/public";
  Args serve_args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsageDemo, stdout);
      return 0;
    }
    if ((a == "--dir" || a == "--samples" || a == "--web" || a == "--bind" || a == "--port") &&
        i + 1 < args.size()) {
      const std::string& v = args[++i];
      if (a == "--dir") dir = v;
      if (a == "--samples") samples = v;
      if (a == "--web") web = v;
      if (a == "--bind" || a == "--port") {
        serve_args.push_back(a);
        serve_args.push_back(v);
      }
      continue;
    }
    std::fprintf(stderr, "dondoc demo: bad argument '%s'\n%s", a.c_str(), kUsageDemo);
    return 2;
  }
  if (!std::filesystem::is_directory(samples)) {
    std::fprintf(stderr, "dondoc demo: %s: not a directory (run from the repository root)\n",
                 samples.c_str());
    return 2;
  }
  if (!std::filesystem::is_directory(web)) {
    std::fprintf(stderr, "dondoc demo: %s: not a directory (run from the repository root)\n",
                 web.c_str());
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "dondoc demo: %s: %s\n", dir.string().c_str(), ec.message().c_str());
    return 1;
  }
  const std::string db = (dir / "dondoc.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);

  std::printf("dondoc demo: loading %s into %s\n", samples.c_str(), db.c_str());
  std::fflush(stdout);
  if (const int rc = CmdIngest({"--db", db, samples}); rc != 0) {
    std::fprintf(stderr, "dondoc demo: loading the samples failed (exit %d)\n", rc);
    return 1;
  }

  if (!access::InitCrypto()) {
    std::fputs("dondoc demo: libsodium failed to initialise\n", stderr);
    return 1;
  }
  const std::string users_path = (dir / "users.txt").string();
  std::string users_text = "# demo users, made by dondoc demo (passwords printed once)\n";
  std::vector<std::string> lines;
  for (const DemoUser& u : kUsers) {
    const std::string password = access::NewToken().substr(0, 16);
    auto hash = access::HashPassword(password);
    if (!hash.ok()) {
      std::fprintf(stderr, "dondoc demo: %s\n", hash.error().message.c_str());
      return 1;
    }
    users_text += std::string(u.name) + " " + u.role + " " + u.unit + " " + hash.value() + "\n";
    lines.push_back("  " + std::string(u.name) + std::string(10 - std::string(u.name).size(), ' ') +
                    password + "   " + u.role +
                    (std::string(u.unit) == "-" ? "" : " " + std::string(u.unit)) + " — " + u.who);
  }
  {
    std::ofstream out(users_path, std::ios::trunc);
    out << users_text;
    if (!out) {
      std::fprintf(stderr, "dondoc demo: %s: cannot write\n", users_path.c_str());
      return 1;
    }
  }
  ::chmod(users_path.c_str(), 0600);
  std::printf("\ndemo users (name, password, role):\n");
  for (const std::string& l : lines) std::printf("%s\n", l.c_str());
  std::printf("\n");
  std::fflush(stdout);

  serve_args.insert(serve_args.end(), {"--db", db, "--users", users_path, "--static", web});
  return CmdServe(serve_args);
}

}  // namespace dondoc::cli
