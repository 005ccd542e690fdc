// Tested by wal_checkpointer_test.cc.
#include "store/wal_checkpointer.h"

#include <algorithm>

namespace dondoc::store {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(
    Db& writer, const WalCheckpointerOptions& options) {
  // A database of its own is not needed: the background connection only checkpoints, so it
  // takes the writer's file and the project's pragmas (WAL, synchronous=NORMAL).
  auto own = Db::Open(writer.path(), DbOptions{});
  if (!own.ok()) return own.error();
  return std::unique_ptr<WalCheckpointer>(
      new WalCheckpointer(writer, std::move(own.value()), options));
}

WalCheckpointer::WalCheckpointer(Db& writer, std::unique_ptr<Db> own,
                                 const WalCheckpointerOptions& options)
    : writer_(writer), own_(std::move(own)), options_(options) {
  thread_ = std::thread([this] { Loop(); });
  // Replaces the automatic checkpoint, which is itself a WAL hook (sqlite3_wal_hook).
  sqlite3_wal_hook(writer_.raw(), &WalCheckpointer::OnCommit, this);
}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_autocheckpoint(writer_.raw(), 1000);  // SQLite's default hook again
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

// On the writer's thread, after a commit, with the write lock already released.
int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* /*schema*/, int wal_pages) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (wal_pages >= c->options_.wal_limit_pages) {
    // The background copies first, the writer waiting: it used to do the copying itself
    // (everything since the last pass, up to pass_pages frames: ~6 % of the writer's CPU at
    // scale), while the parsers, ahead of it, can use the wait.
    {
      std::unique_lock lock(c->mu_);
      c->pending_ = true;
      c->wake_.notify_one();
      c->idle_.wait(lock, [&] { return (!c->pending_ && !c->running_) || c->stop_; });
    }
    std::lock_guard ckpt(c->checkpoint_mu_);
    // Nearly nothing is left to copy: RESTART waits for readers to leave the WAL and lets the
    // next transaction write from its start.
    // Errors are left as SQLite's own automatic checkpoint leaves them: the commit has
    // happened, a busy reader only delays the restart to the next commit, and an I/O error
    // shows in the next write.
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    std::lock_guard lock(c->mu_);
    c->stats_.max_wal_pages = std::max(c->stats_.max_wal_pages, wal_pages);
    ++c->stats_.restarts;
    c->pass_mark_ = 0;
    return SQLITE_OK;
  }
  {
    std::lock_guard lock(c->mu_);
    c->stats_.max_wal_pages = std::max(c->stats_.max_wal_pages, wal_pages);
    if (wal_pages < c->pass_mark_) c->pass_mark_ = 0;  // the WAL started again
    if (wal_pages - c->pass_mark_ < c->options_.pass_pages) return SQLITE_OK;
    c->pass_mark_ = wal_pages;
    c->pending_ = true;
  }
  c->wake_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [&] { return pending_ || stop_; });
    if (stop_) break;
    pending_ = false;
    running_ = true;
    lock.unlock();
    {
      std::lock_guard ckpt(checkpoint_mu_);
      // PASSIVE copies as much as no reader still needs and never waits: commits that land
      // meanwhile set pending_ again and are copied by the next pass.
      sqlite3_wal_checkpoint_v2(own_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    lock.lock();
    running_ = false;
    ++stats_.passive;
    idle_.notify_all();
  }
}

void WalCheckpointer::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [&] { return !pending_ && !running_; });
}

WalCheckpointStats WalCheckpointer::Stats() {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace dondoc::store
