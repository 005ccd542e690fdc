// WalCheckpointer: commits are copied into the database by the background connection, the
// WAL stays bounded, a reader sees every commit, and stopping leaves a clean database.
#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store/test_util.h"

namespace dondoc::store {
namespace {

namespace fs = std::filesystem;

constexpr int kRowBytes = 3000;  // a page or so per row

std::unique_ptr<Db> OpenDb(const std::string& path) {
  auto db = Db::Open(path, DbOptions{});
  EXPECT_TRUE(db.ok()) << db.error().message;
  return std::move(db.value());
}

// `n` transactions of `rows` rows each.
void Write(Db& db, int n, int rows) {
  for (int t = 0; t < n; ++t) {
    auto tx = WriteTransaction::Begin(db);
    ASSERT_TRUE(tx.ok()) << tx.error().message;
    for (int r = 0; r < rows; ++r) {
      auto s = db.Prepare("INSERT INTO t(body) VALUES (?1)");
      ASSERT_TRUE(s.ok());
      s.value().BindText(1, std::string(kRowBytes, static_cast<char>('a' + (t + r) % 26)));
      ASSERT_TRUE(s.value().Run().ok());
    }
    ASSERT_TRUE(tx.value().Commit().ok());
  }
}

// Frames the WAL file holds room for (it is not shrunk by a restart, only written over).
std::int64_t WalPages(const std::string& db) {
  std::error_code ec;
  const auto bytes = fs::file_size(db + "-wal", ec);
  return ec ? 0 : static_cast<std::int64_t>(bytes / (4096 + 24));
}

// A fresh database with the test table, and a checkpointer started on it with `options`.
struct Checkpointed {
  explicit Checkpointed(const WalCheckpointerOptions& options) : db(OpenDb(path)) {
    EXPECT_TRUE(db->Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)").ok());
    auto started = WalCheckpointer::Start(*db, options);
    EXPECT_TRUE(started.ok()) << started.error().message;
    if (started.ok()) c = std::move(started.value());
  }
  testing::TempDir dir;
  const std::string path = dir / "x.db";
  std::unique_ptr<Db> db;
  std::unique_ptr<WalCheckpointer> c;
};

TEST(WalCheckpointer, BackgroundCopiesEveryCommit) {
  Checkpointed x(WalCheckpointerOptions{.pass_pages = 1});
  ASSERT_NE(x.c, nullptr);
  Db& db = *x.db;
  const std::string& path = x.path;
  Write(db, 20, 10);
  x.c->WaitIdle();
  const WalCheckpointStats st = x.c->Stats();
  EXPECT_GE(st.passive, 1);
  EXPECT_EQ(st.restarts, 0);
  // Everything committed is in the database file already: a checkpoint finds nothing to copy.
  int log = -1, copied = -1;
  ASSERT_EQ(sqlite3_wal_checkpoint_v2(db.raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied),
            SQLITE_OK);
  EXPECT_EQ(log, copied);
  EXPECT_GT(log, 0);  // … and the writer's own hook did not checkpoint: the frames are there
  auto reader = OpenDb(path);
  EXPECT_EQ(reader->QueryInt("SELECT count(*) FROM t").value(), 200);
}

TEST(WalCheckpointer, WalStaysNearTheLimit) {
  constexpr int kLimit = 200;
  Checkpointed x(WalCheckpointerOptions{.pass_pages = 50, .wal_limit_pages = kLimit});
  ASSERT_NE(x.c, nullptr);
  Db& db = *x.db;
  const std::string& path = x.path;
  Write(db, 100, 20);  // ~2,000 pages in all, ~20 a transaction
  const WalCheckpointStats st = x.c->Stats();
  EXPECT_GE(st.restarts, 5);
  EXPECT_LE(st.max_wal_pages, kLimit + 60);
  EXPECT_LE(WalPages(path), kLimit + 60);
  x.c.reset();
  // Stopped: the writer checkpoints as SQLite does by default, and sees all its rows.
  Write(db, 1, 1);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t").value(), 2001);
  auto check = db.Prepare("PRAGMA quick_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(check.value().Step().value());
  EXPECT_EQ(check.value().Text(0), "ok");  // the pragma's text, not just that it ran
}

TEST(WalCheckpointer, PassesWaitForPassPages) {
  Checkpointed x(WalCheckpointerOptions{.pass_pages = 100000});
  ASSERT_NE(x.c, nullptr);
  Db& db = *x.db;
  Write(db, 20, 10);
  x.c->WaitIdle();
  EXPECT_EQ(x.c->Stats().passive, 0);
  EXPECT_EQ(x.c->Stats().restarts, 0);
  EXPECT_GT(x.c->Stats().max_wal_pages, 200);  // nothing copied, nothing restarted
}

TEST(WalCheckpointer, ReaderSeesCommitsWhileCheckpointing) {
  Checkpointed x(WalCheckpointerOptions{.pass_pages = 10, .wal_limit_pages = 50});
  ASSERT_NE(x.c, nullptr);
  Db& db = *x.db;
  const std::string& path = x.path;
  auto reader = OpenDb(path);
  for (int i = 1; i <= 30; ++i) {
    Write(db, 1, 5);
    ASSERT_EQ(reader->QueryInt("SELECT count(*) FROM t").value(), 5 * i);
  }
}

}  // namespace
}  // namespace dondoc::store
