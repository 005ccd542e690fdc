// dondoc ingest [--db PATH] [--reparse] [--jobs N] PATH...
//
// Stores documents (files, or folders walked recursively) in the database, parsing on every
// core with one writer (store/ingest.h). Progress on stderr: a bar on a terminal, a plain line
// every few seconds otherwise. Ends with a summary on stdout; each failed file gets one line
// "dondoc: FILE: reason" on stderr and the exit code is 1. A database error stops the run
// with "dondoc: DB: reason"; what was committed before it is kept.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "store/ingest.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageIngest =
    "usage: dondoc ingest [--db PATH] [--reparse] [--jobs N] PATH...\n"
    "  PATH: files, or folders (walked recursively); the database defaults to ./dondoc.db\n"
    "  --reparse: also re-parse every stored document from its stored text\n";

std::string Duration(double s) {
  char buf[32];
  const long t = static_cast<long>(s + 0.5);
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  }
  return buf;
}

double Mb(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// Progress on stderr. On a terminal one line redrawn in place; piped (a log, CI) a plain line
// every 5 s, so the log stays readable.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO) == 1) {}
  void operator()(const store::IngestProgress& p) {
    const double rate = p.seconds > 0 ? Mb(p.bytes_done) / p.seconds : 0;
    std::string eta = "?";
    if (p.done > 0 && p.total > p.done && p.seconds > 0.5) {
      // By bytes when sizes are known (documents vary 100×), else by count.
      const double frac =
          p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                            : static_cast<double>(p.done) / static_cast<double>(p.total);
      if (frac > 0) eta = Duration(p.seconds * (1 - frac) / frac);
    } else if (p.done >= p.total) {
      eta = "0:00";
    }
    if (tty_) {
      constexpr int kWidth = 30;
      const int filled = p.total == 0 ? kWidth : static_cast<int>(kWidth * p.done / p.total);
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.append(static_cast<std::size_t>(kWidth - filled), '.');
      std::fprintf(stderr, "\r\033[K[%s] %zu/%zu documents  %.1f MB/s  ETA %s", bar.c_str(), p.done,
                   p.total, rate, eta.c_str());
      if (p.done >= p.total) std::fputs("\r\033[K", stderr);
      std::fflush(stderr);
    } else if (p.seconds - last_ >= 5.0) {
      last_ = p.seconds;
      std::fprintf(stderr, "dondoc ingest: %zu/%zu documents, %.1f MB/s, ETA %s\n", p.done, p.total,
                   rate, eta.c_str());
    }
  }

 private:
  bool tty_;
  double last_ = 0;
};

}  // namespace

int CmdIngest(const Args& args) {
  std::string db = "dondoc.db";
  store::IngestOptions options;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--db" || a == "--jobs") && i + 1 >= args.size()) {
      std::fprintf(stderr, "dondoc ingest: %s needs a value\n%s", a.c_str(), kUsageIngest);
      return 2;
    }
    if (a == "--db") {
      db = args[++i];
    } else if (a == "--jobs") {
      options.workers = std::atoi(args[++i].c_str());
    } else if (a == "--reparse") {
      options.reparse = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "dondoc ingest: unknown option '%s'\n%s", a.c_str(), kUsageIngest);
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty() && !options.reparse) {
    std::fputs(kUsageIngest, stderr);
    return 2;
  }
  store::SqliteOptions wo;
  wo.bulk_writer = true;
  auto writer = store::OpenSqliteStore(db, wo);
  if (!writer.ok()) {
    std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), writer.error().message.c_str());
    return 1;
  }
  const store::OpenStore open_reader = [&db]() {
    store::SqliteOptions o;
    o.create = false;
    return store::OpenSqliteStore(db, o);
  };
  ProgressPrinter printer;
  const store::IngestSummary s = store::Ingest(*writer.value(), open_reader, paths, options,
                                               [&](const store::IngestProgress& p) { printer(p); });

  for (const store::Failure& f : s.failures) {
    std::fprintf(stderr, "dondoc: %s: %s\n", f.path.c_str(), f.message.c_str());
  }
  const double docs_per_s =
      s.seconds > 0 ? static_cast<double>(s.ingested + s.reparsed) / s.seconds : 0;
  std::printf("ingested   %zu documents (%.1f MB read in %.1f s, %.0f documents/s)\n", s.ingested,
              Mb(s.bytes), s.seconds, docs_per_s);
  std::printf("unchanged  %zu (already stored, same content)\n", s.unchanged);
  if (options.reparse) std::printf("reparsed   %zu\n", s.reparsed);
  std::printf("failed     %zu%s\n", s.failures.size(),
              s.failures.empty() ? "" : " (reasons above, one line per file)");
  if (s.skipped > 0)
    std::printf("skipped    %zu files in folders that are not documents\n", s.skipped);
  if (auto c = writer.value()->Count(); c.ok()) {
    std::printf("database   %s: %lld documents, %lld references, %lld tasks\n", db.c_str(),
                static_cast<long long>(c.value().documents), static_cast<long long>(c.value().refs),
                static_cast<long long>(c.value().tasks));
  }
  if (s.stopped) {
    std::fprintf(stderr,
                 "dondoc: %s: %s — ingest stopped; everything committed before is kept, run it "
                 "again to store the rest\n",
                 db.c_str(), s.stopped->message.c_str());
    return 1;
  }
  return s.failures.empty() ? 0 : 1;
}

}  // namespace dondoc::cli
