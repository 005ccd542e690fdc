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
#include "serve/router.h"
#include "store/store.h"

namespace dondoc::serve::api {

// Store connections for the handlers. A store::Store is one SQLite connection and not
// thread-safe, while handlers run on several worker threads: each request borrows a
// connection of its own and returns it, so at most one connection per worker is ever opened.
// Thread-safe.
class StorePool {
 public:
  using Open = std::function<Result<std::unique_ptr<store::Store>>()>;
  explicit StorePool(Open open) : open_(std::move(open)) {}

  // A borrowed connection; returned to the pool when the Lease is destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // An idle connection, or a new one (the Open function's error when that fails).
  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<store::Store> s);

  Open open_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> idle_;  // guarded by mu_
};

// Adds the routes above. `pool` may be null (the server runs without --db): the routes are
// still there, so the API's shape does not depend on flags, and answer 503 `unavailable`.
// `pool` must outlive the router.
void AddDocumentRoutes(Router& router, StorePool* pool);

}  // namespace dondoc::serve::api
