// Tested by search_test.cc. The auxiliary-function API is documented at
// https://sqlite.org/fts5.html#custom_auxiliary_functions.
#include "store/search_rank.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace dondoc::store {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What one query needs on every row: computed on its first row, kept as the cursor's
// auxiliary data (freed by FTS5 when the query ends).
struct QueryData {
  int phrases = 0;
  double avgdl = 0;          // mean tokens per row, all columns
  std::vector<double> idf;   // per phrase
  std::vector<double> freq;  // per phrase, reused row after row
};

struct Sample {
  std::int64_t rows = 0;
  std::int64_t last_rowid = 0;
};

int CountRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* s = static_cast<Sample*>(user);
  ++s->rows;
  s->last_rowid = api->xRowid(fts);
  return s->rows >= kIdfSample ? SQLITE_DONE : SQLITE_OK;  // DONE: stop, no error
}

int MakeQueryData(const Fts5ExtensionApi* api, Fts5Context* fts, QueryData* d) {
  sqlite3_int64 nrow = 0;
  int rc = api->xRowCount(fts, &nrow);
  if (rc != SQLITE_OK) return rc;
  sqlite3_int64 tokens = 0;
  rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  d->avgdl = nrow > 0 ? static_cast<double>(tokens) / static_cast<double>(nrow) : 1.0;
  d->phrases = api->xPhraseCount(fts);
  d->idf.assign(static_cast<std::size_t>(d->phrases), 0);
  d->freq.assign(static_cast<std::size_t>(d->phrases), 0);
  for (int p = 0; p < d->phrases; ++p) {
    // xQueryPhrase runs the phrase alone, in ascending rowid order.
    Sample s;
    rc = api->xQueryPhrase(fts, p, &s, CountRow);
    if (rc != SQLITE_OK) return rc;
    double hits = static_cast<double>(s.rows);
    if (s.rows >= kIdfSample && s.last_rowid > 0) {
      // kIdfSample rows among the first last_rowid ids: the same density over all nrow.
      hits = std::min(static_cast<double>(nrow),
                      hits * static_cast<double>(nrow) / static_cast<double>(s.last_rowid));
    }
    const double n = static_cast<double>(nrow);
    // As bm25(): a phrase in more than half the rows would get a negative IDF; it gets a
    // tiny positive one instead, so that more of it still ranks higher.
    d->idf[static_cast<std::size_t>(p)] = std::max(1e-6, std::log((n - hits + 0.5) / (hits + 0.5)));
  }
  return SQLITE_OK;
}

void FreeQueryData(void* p) { delete static_cast<QueryData*>(p); }

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nval,
          sqlite3_value** vals) {
  auto* d = static_cast<QueryData*>(api->xGetAuxdata(fts, 0));
  if (d == nullptr) {
    auto* fresh = new QueryData;
    int rc = MakeQueryData(api, fts, fresh);
    if (rc == SQLITE_OK)
      rc = api->xSetAuxdata(fts, fresh, FreeQueryData);  // owns it now
    else
      delete fresh;
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    d = fresh;
  }
  std::fill(d->freq.begin(), d->freq.end(), 0.0);
  int ninst = 0;
  int rc = api->xInstCount(fts, &ninst);
  for (int i = 0; rc == SQLITE_OK && i < ninst; ++i) {
    int phrase = 0, col = 0, off = 0;
    rc = api->xInst(fts, i, &phrase, &col, &off);
    if (rc != SQLITE_OK || phrase >= d->phrases) continue;
    // One weight per column; a missing one is 1.
    d->freq[static_cast<std::size_t>(phrase)] += col < nval ? sqlite3_value_double(vals[col]) : 1.0;
  }
  int size = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &size);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(size) / d->avgdl);
  double score = 0;
  for (int p = 0; p < d->phrases; ++p) {
    const double f = d->freq[static_cast<std::size_t>(p)];
    score += d->idf[static_cast<std::size_t>(p)] * (f * (kK1 + 1)) / (f + norm);
  }
  sqlite3_result_double(ctx, -score);
}

}  // namespace

Result<Ok> RegisterRankFunction(fts5_api* api) {
  const int rc = api->xCreateFunction(api, "dondoc_bm25", nullptr, Bm25, nullptr);
  if (rc != SQLITE_OK) {
    return Error{"sqlite_error", std::string("cannot register dondoc_bm25: ") + sqlite3_errstr(rc)};
  }
  return Ok{};
}

}  // namespace dondoc::store
