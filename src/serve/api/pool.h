// Connections for the handlers. A store connection (store::Store, store::TrackingRepo) is one
// SQLite connection and not thread-safe, while handlers run on several worker threads: each
// request borrows a connection of its own and returns it, so at most one connection per worker
// is ever opened. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/result.h"

namespace dondoc::serve::api {

template <typename T>
class Pool {
 public:
  using Open = std::function<Result<std::unique_ptr<T>>()>;
  explicit Pool(Open open) : open_(std::move(open)) {}

  // A borrowed connection; returned to the pool when the Lease is destroyed.
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<T> s) : pool_(pool), item_(std::move(s)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (item_) pool_->Return(std::move(item_));
    }
    T& operator*() { return *item_; }
    T* operator->() { return item_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<T> item_;
  };

  // An idle connection, or a new one (the Open function's error when that fails).
  Result<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        auto s = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(s));
      }
    }
    // Opening outside the lock: a slow open (busy file) must not hold up borrowers of idle ones.
    auto s = open_();
    if (!s.ok()) return s.error();
    return Lease(this, std::move(s.value()));
  }

 private:
  void Return(std::unique_ptr<T> s) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(s));
  }

  Open open_;
  std::mutex mu_;
  std::vector<std::unique_ptr<T>> idle_;  // guarded by mu_
};

}  // namespace dondoc::serve::api
