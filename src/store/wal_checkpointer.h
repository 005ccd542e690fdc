// WAL checkpoints of one writing connection, run on a thread of their own. Tested by
// wal_checkpointer_test.cc, and end to end by ingest_test.cc and scripts/crash-ingest.sh.
//
// Why: with SQLite's automatic checkpoint the connection that commits copies the WAL into the
// database itself, inside its COMMIT: for a bulk ingest that was 14 % of the writer's CPU and
// much of its waiting on I/O (docs/search.md, "Ingest rate"). Here the writer's automatic
// checkpoint is off and its commits wake a second connection that runs a PASSIVE checkpoint
// (it copies what was committed, never waits for a lock and never blocks the writer), so
// those reads, writes and fsyncs overlap the writer's next batches.
//
// A pass is asked for every `pass_pages` committed frames (WalCheckpointerOptions says why
// not after every commit).
//
// The bound: a WAL only starts again from its beginning when a write transaction begins with
// every frame already copied, which a writer that never pauses rarely meets. So once a commit
// leaves the WAL at `wal_limit_pages` frames or more, the writer pauses: it has the background
// run a pass over everything committed and waits for it, then runs a RESTART checkpoint itself
// (nothing left to copy; it lets the next transaction write from the WAL's start): the WAL
// stays near wal_limit_pages plus one transaction.
//
// Crash safety is SQLite's: a checkpoint only copies committed frames, and a killed
// checkpoint is redone from the WAL on the next open.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "base/result.h"
#include "store/sqlite_db.h"

namespace dondoc::store {

struct WalCheckpointerOptions {
  // A background pass starts once this many frames were committed since the last one began.
  // Not after every commit: a checkpoint copies each page once however often it was written
  // since the last one, and a bulk ingest rewrites the same pages (the FTS5 index's, the
  // b-trees' inner ones) batch after batch.
  int pass_pages = 16000;
  // WAL frames (pages) after a commit at which the writer checkpoints with RESTART itself.
  int wal_limit_pages = 65536;
};

// What the checkpoints did (for tests and for measuring).
struct WalCheckpointStats {
  std::int64_t passive = 0;   // background PASSIVE checkpoints run
  std::int64_t restarts = 0;  // RESTART checkpoints run by the writer at the limit
  int max_wal_pages = 0;      // the largest WAL (frames) a commit left
};

class WalCheckpointer {
 public:
  // Turns off `writer`'s automatic checkpoint, hooks its commits and opens the background
  // connection to the same file. `writer` must outlive the checkpointer.
  static Result<std::unique_ptr<WalCheckpointer>> Start(Db& writer,
                                                        const WalCheckpointerOptions& options);
  // Unhooks the writer, stops the thread (after the checkpoint it is running) and closes its
  // connection; the writer's automatic checkpoint is back at SQLite's default.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Blocks until no commit waits for a checkpoint and none runs (tests).
  void WaitIdle();
  WalCheckpointStats Stats();

 private:
  WalCheckpointer(Db& writer, std::unique_ptr<Db> own, const WalCheckpointerOptions& options);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void Loop();

  Db& writer_;
  std::unique_ptr<Db> own_;  // the background connection; only Loop uses it
  const WalCheckpointerOptions options_;
  // Held by whichever thread runs a checkpoint, so a RESTART never meets a PASSIVE one
  // holding SQLite's checkpoint lock (which would make it give up at once).
  std::mutex checkpoint_mu_;
  std::mutex mu_;  // guards the fields below
  std::condition_variable wake_, idle_;
  bool pending_ = false;
  bool running_ = false;
  bool stop_ = false;
  int pass_mark_ = 0;  // the WAL's frames when the last pass was asked for
  WalCheckpointStats stats_;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace dondoc::store
