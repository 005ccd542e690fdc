// store_bench: query latency of the store's search path against the same MATCH on the raw
// FTS5 table, in one process on one database. Run by bench/store-scale.sh.
//
//   store_bench DB QUERIES [--repeat R] [--quiet]
//
// QUERIES has one query a line: the text as a user types it, then optional tab-separated
// filters type=KH, issuer=…, year=2020, unit=…; '#' starts a comment line. Each query runs
// once to warm the page cache, then R times (default 5) each way:
// - ours: Store::Search, the whole `dondoc search` path (number lookup, bounded candidates
//   ranked by dondoc_bm25 with the title boost, filters, rows and snippets of the hits shown);
// - raw FTS5: the FTS5 expression our search ran (SearchResult::match), alone on the FTS
//   table and ranked the way FTS5 ranks: every match scored by its bm25 with our weights,
//   `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts,
//   5.0, 1.0, 2.0, 0.0) LIMIT 20` (filters are not applied: they are ours);
// - bounded: the FTS5 statement of our ranking, alone: the newest SearchBounds::body matches
//   scored by dondoc_bm25 (what FTS5 itself costs in our path; ours/bounded is what our code
//   adds to it: rows and snippets of the hits shown).
// A number-only query runs no MATCH; it has no raw counterpart and is left out of the ratios.
// A number-shaped query ("12/2012/QĐ-UBND") runs, in ours, the number's filter word (the
// documents carrying or citing it, newest first: NumberWord in search.h); raw FTS5 and
// bounded run its words as a phrase, what FTS5 alone would be asked. Its hits are not ranked
// by bm25, so it is left out of "top 20" and "score".
// What bounding the ranking costs, for unfiltered queries (raw FTS5 ignores the filters):
// "top 20" is how many of raw FTS5's 20 rows are among ours, and "score" the bm25 of our
// hits as a share of raw FTS5's best (both summed over as many rows as we show; 100% = as
// relevant by bm25). On a generated corpus every source document has ~N/1,178 near copies
// with near-equal scores, so "top 20" undercounts: another copy of a best document is as good.
// The raw statements are SQL outside store/ on purpose: they are the yardstick, not a feature.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "store/search.h"
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
    std::fputs("usage: store_bench DB QUERIES [--repeat R] [--quiet]\n", stderr);
    return 2;
  }
  int repeat = 5;
  bool quiet = false;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--quiet") {
      quiet = true;
    } else {
      std::fprintf(stderr, "store_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
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
  const dondoc::store::SearchBounds bounds;
  std::vector<double> ours, theirs, ours_with_raw, bounded;
  std::size_t queries = 0, no_match = 0, empty = 0, kept = 0, compared = 0;
  double score_mine = 0, score_theirs = 0;
  std::string line;
  int lineno = 0;
  if (!quiet) {
    std::printf("%-34s %9s %9s %9s %8s %6s %6s\n", "query (ms: p50 of runs)", "ours", "raw FTS5",
                "bounded", "matches", "top20", "score");
  }
  // Runs `sql` with ?1 = expr `repeat` times; the rowids of the last run in *ids.
  auto time_raw = [&](const std::string& sql, const std::string& expr, std::vector<double>* out,
                      std::vector<std::int64_t>* ids) -> bool {
    auto s = raw.value()->Prepare(sql);
    if (!s.ok()) {
      std::fprintf(stderr, "store_bench: %s\n", s.error().message.c_str());
      return false;
    }
    for (int r = 0; r < repeat; ++r) {
      if (ids != nullptr) ids->clear();
      const auto a = Clock::now();
      s.value().BindText(1, expr);
      for (;;) {
        auto row = s.value().Step();
        if (!row.ok()) {
          std::fprintf(stderr, "store_bench: raw '%s': %s\n", expr.c_str(),
                       row.error().message.c_str());
          return false;
        }
        if (!row.value()) break;
        if (ids != nullptr) ids->push_back(s.value().Int(0));
      }
      s.value().Reset();
      out->push_back(Ms(a, Clock::now()));
    }
    return true;
  };
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
    const std::string match =
        warm.value().match.empty() ? "" : dondoc::store::TextColumns(warm.value().match);
    std::vector<double> mine;
    for (int r = 0; r < repeat; ++r) {
      const auto a = Clock::now();
      auto res = store.value()->Search(q);
      const auto b = Clock::now();
      if (!res.ok()) return 1;
      mine.push_back(Ms(a, b));
    }
    ours.insert(ours.end(), mine.begin(), mine.end());
    if (match.empty()) {
      ++no_match;
      if (!quiet) std::printf("%-34.34s %9.2f %9s\n", line.c_str(), Percentile(mine, 0.5), "-");
      continue;
    }
    ours_with_raw.insert(ours_with_raw.end(), mine.begin(), mine.end());
    std::vector<double> full, mine_bounded;
    std::vector<std::int64_t> top, newest;
    if (!time_raw("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 "
                  "ORDER BY bm25(documents_fts, 5.0, 1.0, 2.0, 0.0) LIMIT 20",
                  match, &full, &top)) {
      return 1;
    }
    if (!time_raw("SELECT rowid, dondoc_bm25(documents_fts, 5.0, 1.0, 2.0, 0.0) FROM documents_fts "
                  "WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT " +
                      std::to_string(bounds.body),
                  match, &mine_bounded, &newest)) {
      return 1;
    }
    theirs.insert(theirs.end(), full.begin(), full.end());
    bounded.insert(bounded.end(), mine_bounded.begin(), mine_bounded.end());
    std::string agree = "-", share = "-";
    if (q.type.empty() && q.issuer.empty() && !q.year && q.unit.empty() &&
        dondoc::store::BuildMatch(q.text).number_key.empty()) {
      std::vector<double> mine_scores;
      std::size_t in_ours = 0;
      for (const auto& h : warm.value().hits) {
        if (!h.number_match) mine_scores.push_back(h.score);
        for (const std::int64_t id : top) in_ours += h.row.id == id ? 1 : 0;
      }
      kept += in_ours;
      compared += top.size();
      agree = std::to_string(in_ours) + "/" + std::to_string(top.size());
      // raw FTS5's best, scored as ours are (untimed: every match gets both scores here).
      auto best = raw.value()->Prepare(
          "SELECT dondoc_bm25(documents_fts, 5.0, 1.0, 2.0, 0.0) FROM documents_fts WHERE "
          "documents_fts MATCH ?1 ORDER BY bm25(documents_fts, 5.0, 1.0, 2.0, 0.0) LIMIT ?2");
      if (!best.ok()) return 1;
      best.value().BindText(1, match).Bind(2, static_cast<std::int64_t>(mine_scores.size()));
      double theirs_sum = 0, mine_sum = 0;
      for (const double x : mine_scores) mine_sum += x;
      for (;;) {
        auto row = best.value().Step();
        if (!row.ok() || !row.value()) break;
        theirs_sum += best.value().Real(0);
      }
      best.value().Reset();
      if (theirs_sum < 0) {
        score_mine += mine_sum;
        score_theirs += theirs_sum;
        share = std::to_string(static_cast<int>(100 * mine_sum / theirs_sum + 0.5)) + "%";
      }
    }
    if (!quiet) {
      std::printf("%-34.34s %9.2f %9.2f %9.2f %8s %6s %6s\n", line.c_str(), Percentile(mine, 0.5),
                  Percentile(full, 0.5), Percentile(mine_bounded, 0.5),
                  static_cast<std::int64_t>(newest.size()) >= bounds.body
                      ? (">" + std::to_string(bounds.body)).c_str()
                      : std::to_string(newest.size()).c_str(),
                  agree.c_str(), share.c_str());
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
  std::printf(
      "raw FTS5   p50 %.2f ms  p99 %.2f ms  (same MATCH, every match scored: ORDER BY bm25 "
      "LIMIT 20)\n",
      Percentile(theirs, 0.5), Percentile(theirs, 0.99));
  std::printf("bounded    p50 %.2f ms  p99 %.2f ms  (the FTS5 statement of our ranking, alone)\n",
              Percentile(bounded, 0.5), Percentile(bounded, 0.99));
  auto ratio = [](const std::vector<double>& a, const std::vector<double>& b, double p) {
    return Percentile(b, p) > 0 ? Percentile(a, p) / Percentile(b, p) : 0;
  };
  std::printf("overhead   %.2fx at p50, %.2fx at p99  (ours / raw FTS5)\n",
              ratio(ours_with_raw, theirs, 0.5), ratio(ours_with_raw, theirs, 0.99));
  std::printf("overhead   %.2fx at p50, %.2fx at p99  (ours / bounded)\n",
              ratio(ours_with_raw, bounded, 0.5), ratio(ours_with_raw, bounded, 0.99));
  std::printf(
      "ranking    %zu of raw FTS5's %zu top rows in ours (%.0f%%); bm25 of ours %.0f%% of raw "
      "FTS5's best (unfiltered queries)\n",
      kept, compared, compared > 0 ? 100.0 * static_cast<double>(kept) / compared : 0.0,
      score_theirs < 0 ? 100 * score_mine / score_theirs : 0.0);
  std::printf("peak RSS   %.1f MB (query process)\n", static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}
