// store_bench: query latency of the store's search path against the same MATCH on the raw
// FTS5 table, in one process on one database. Run by bench/store-scale.sh.
//
//   store_bench DB QUERIES [--repeat R]
//
// QUERIES has one query a line: the text as a user types it, then optional tab-separated
// filters type=KH, issuer=…, year=2020, unit=…; '#' starts a comment line. Each query runs
// once to warm the page cache, then R times (default 5) each way:
// - ours: Store::Search, the whole `dondoc search` path (number lookup, MATCH with bm25 and
//   the title boost joined to documents, filters, snippets for the hits shown);
// - raw: the FTS5 expression our search ran (SearchResult::match), alone on documents_fts:
//   `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(…) LIMIT n`.
//   A number-only query runs no MATCH; it has no raw counterpart and is left out of the ratio.
// Prints p50/p99 of each, their ratio (our overhead), and the peak RSS of this process.
// The raw statement is SQL outside store/ on purpose: it is the yardstick, not a feature.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()));
  return v[i];
}

bool ParseQuery(const std::string& line, dondoc::store::SearchQuery* q) {
  std::size_t tab = line.find('\t');
  q->text = line.substr(0, tab);
  while (tab != std::string::npos) {
    const std::size_t next = line.find('\t', tab + 1);
    const std::string f = line.substr(tab + 1, next == std::string::npos ? next : next - tab - 1);
    tab = next;
    const std::size_t eq = f.find('=');
    if (eq == std::string::npos) return false;
    const std::string k = f.substr(0, eq), v = f.substr(eq + 1);
    if (k == "type") {
      q->type = v;
    } else if (k == "issuer") {
      q->issuer = v;
    } else if (k == "unit") {
      q->unit = v;
    } else if (k == "year") {
      q->year = std::atoi(v.c_str());
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: store_bench DB QUERIES [--repeat R]\n", stderr);
    return 2;
  }
  int repeat = 5;
  if (argc >= 5 && std::string(argv[3]) == "--repeat") repeat = std::max(1, std::atoi(argv[4]));
  dondoc::store::SqliteOptions o;
  o.create = false;
  auto store = dondoc::store::OpenSqliteStore(argv[1], o);
  if (!store.ok()) {
    std::fprintf(stderr, "store_bench: %s: %s\n", argv[1], store.error().message.c_str());
    return 1;
  }
  dondoc::store::DbOptions dbo;
  dbo.read_only = true;
  auto raw = dondoc::store::Db::Open(argv[1], dbo);
  if (!raw.ok()) {
    std::fprintf(stderr, "store_bench: %s: %s\n", argv[1], raw.error().message.c_str());
    return 1;
  }
  std::ifstream in(argv[2]);
  if (!in) {
    std::fprintf(stderr, "store_bench: cannot read %s\n", argv[2]);
    return 1;
  }
  std::vector<double> ours, theirs, ours_with_raw, joined;
  std::size_t queries = 0, no_match = 0, empty = 0;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    dondoc::store::SearchQuery q;
    if (!ParseQuery(line, &q)) {
      std::fprintf(stderr, "store_bench: %s:%d: a filter is not type=, issuer=, year= or unit=\n",
                   argv[2], lineno);
      return 2;
    }
    ++queries;
    auto warm = store.value()->Search(q);
    if (!warm.ok()) {
      std::fprintf(stderr, "store_bench: '%s': %s\n", q.text.c_str(), warm.error().message.c_str());
      return 1;
    }
    if (warm.value().hits.empty()) ++empty;
    const std::string match = warm.value().match;
    for (int r = 0; r < repeat; ++r) {
      const auto a = Clock::now();
      auto res = store.value()->Search(q);
      const auto b = Clock::now();
      if (!res.ok()) return 1;
      ours.push_back(Ms(a, b));
      if (!match.empty()) ours_with_raw.push_back(Ms(a, b));
    }
    if (match.empty()) {
      ++no_match;
      continue;
    }
    // Where our time goes: the ranking query joined to documents, without snippets.
    auto j = raw.value()->Prepare(
        "SELECT d.id, d.number, d.type, d.type_name, d.date, d.issuer, d.issuer_parent, d.place, "
        "d.title, d.kind, d.path, d.sha256, d.parser_version, d.ingested_at, "
        "bm25(documents_fts, 5.0, 1.0, 2.0) AS score FROM documents_fts JOIN documents d ON "
        "d.id = documents_fts.rowid WHERE documents_fts MATCH ?1 ORDER BY score LIMIT ?2");
    if (!j.ok()) return 1;
    for (int r = 0; r < repeat; ++r) {
      const auto a = Clock::now();
      j.value().BindText(1, match).Bind(2, std::int64_t{q.limit});
      for (;;) {
        auto row = j.value().Step();
        if (!row.ok() || !row.value()) break;
      }
      j.value().Reset();
      joined.push_back(Ms(a, Clock::now()));
    }
    auto s = raw.value()->Prepare(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 "
        "ORDER BY bm25(documents_fts, 5.0, 1.0, 2.0) LIMIT ?2");
    if (!s.ok()) return 1;
    for (int r = 0; r < repeat; ++r) {
      const auto a = Clock::now();
      s.value().BindText(1, match).Bind(2, std::int64_t{q.limit});
      for (;;) {
        auto row = s.value().Step();
        if (!row.ok()) {
          std::fprintf(stderr, "store_bench: raw '%s': %s\n", match.c_str(),
                       row.error().message.c_str());
          return 1;
        }
        if (!row.value()) break;
      }
      s.value().Reset();
      theirs.push_back(Ms(a, Clock::now()));
    }
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("queries    %zu (%zu number-only, %zu with no hit), %d runs each\n", queries,
              no_match, empty, repeat);
  std::printf("ours       p50 %.2f ms  p99 %.2f ms  (all queries)\n", Percentile(ours, 0.5),
              Percentile(ours, 0.99));
  std::printf("ours       p50 %.2f ms  p99 %.2f ms  (queries with a MATCH)\n",
              Percentile(ours_with_raw, 0.5), Percentile(ours_with_raw, 0.99));
  std::printf("raw FTS5   p50 %.2f ms  p99 %.2f ms\n", Percentile(theirs, 0.5),
              Percentile(theirs, 0.99));
  std::printf(
      "joined     p50 %.2f ms  p99 %.2f ms  (raw MATCH + bm25 joined to documents, no "
      "snippets)\n",
      Percentile(joined, 0.5), Percentile(joined, 0.99));
  const double r50 =
      Percentile(theirs, 0.5) > 0 ? Percentile(ours_with_raw, 0.5) / Percentile(theirs, 0.5) : 0;
  const double r99 =
      Percentile(theirs, 0.99) > 0 ? Percentile(ours_with_raw, 0.99) / Percentile(theirs, 0.99) : 0;
  std::printf("overhead   %.2fx at p50, %.2fx at p99\n", r50, r99);
  std::printf("peak RSS   %.1f MB (query process)\n", static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}
