// dondoc_bm25: FTS5's bm25 whose cost does not grow with the number of matches. Tested by
// search_test.cc (against FTS5's own bm25, and through SqliteStore::Search).
//
//   dondoc_bm25(documents_fts, w0, w1, …)      as bm25(documents_fts, w0, w1, …)
//
// The score of a row is FTS5's bm25 (k1 = 1.2, b = 0.75, column weights w0 … for title,
// text, number; lower is better).
//
// Why not bm25() itself: on its first row bm25() counts the rows of every phrase (its IDF)
// by running the phrase over the whole index, O(matches) however few rows the query then
// reads. Here a phrase's count is read exactly up to kIdfSample rows and, past that,
// estimated from how far into the rowids the kIdfSample-th row lies (rowids are dense, and
// documents arrive in no topical order). The IDF only weighs phrases against each other;
// with one phrase the order is the same whatever the count. Per row the cost is bm25's own
// (the row's phrase instances and its size).
#pragma once

#include <sqlite3.h>

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

// Rows read exactly per phrase before its count is estimated.
inline constexpr int kIdfSample = 200;

// Registers dondoc_bm25 with this connection's FTS5 (fts_tokenizer.cc calls it with the
// tokenizer).
Result<Ok> RegisterRankFunction(fts5_api* api);

}  // namespace dondoc::store
