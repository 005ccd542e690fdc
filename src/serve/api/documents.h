// The read-only document routes and the store connections behind them.
//
//   GET /api/documents?q=&type=&year=&limit=&offset=   search (q) or list, one page
//   GET /api/documents/{id}                            header fields, text, parse, links
//   GET /api/documents/{id}/graph                      the citation neighbourhood
//
// Every route needs a session and access::Action::kReadDocument. Tested by documents_test.cc.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/result.h"
#include "serve/api/pool.h"
#include "serve/router.h"
#include "store/store.h"

namespace dondoc::serve::api {

// Store connections for the handlers (pool.h): each request borrows a connection of its own.
using StorePool = Pool<store::Store>;

// Adds the routes above. `pool` may be null (the server runs without --db): the routes are
// still there, so the API's shape does not depend on flags, and answer 503 `unavailable`.
// `pool` must outlive the router.
void AddDocumentRoutes(Router& router, StorePool* pool);

}  // namespace dondoc::serve::api
