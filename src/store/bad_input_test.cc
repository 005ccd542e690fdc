// Bad input for the store: a file that is not SQLite, a directory where the database cannot
// be created, a database locked by another writer, a full disk. Each must give a clear error
// value, lose nothing committed, and leave a database that passes Check().
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "store/ingest.h"
#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

namespace fs = std::filesystem;
using testing::MakeDocument;

TEST(BadInput, NotADatabase) {
  testing::TempDir dir;
  const std::string path = dir / "notes.db";
  const std::string text(4096, 'x');
  testing::WriteFile(path, text);
  auto s = OpenSqliteStore(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "not_a_database");
  EXPECT_NE(s.error().message.find("not an SQLite database"), std::string::npos)
      << s.error().message;
  EXPECT_EQ(s.error().message.find('\n'), std::string::npos);  // one line
  EXPECT_EQ(testing::ReadFile(path), text);                    // and the file untouched
}

TEST(BadInput, MissingDatabaseIsNotCreatedForReading) {
  testing::TempDir dir;
  auto s = OpenSqliteStore(dir / "typo.db", {.create = false});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "not_found");
  EXPECT_FALSE(fs::exists(dir / "typo.db"));
}

TEST(BadInput, DirectoryWhereNothingCanBeCreated) {
  testing::TempDir dir;
  std::string parent = dir / "ro";
  fs::create_directories(parent);
  ::chmod(parent.c_str(), 0555);
  if (::geteuid() == 0) {
    // root writes into a 0555 directory anyway; sysfs refuses file creation even to root.
    parent = "/sys";
  }
  auto s = OpenSqliteStore(parent + "/dondoc.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "cannot_open") << s.error().message;
  EXPECT_NE(s.error().message.find("read-only directory"), std::string::npos) << s.error().message;
}

TEST(BadInput, ExistingDatabaseInReadOnlyDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  testing::TempDir dir;
  fs::create_directories(dir.path() / "ro");
  const std::string path = dir / "ro/x.db";
  {
    auto s = OpenSqliteStore(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s.value()->Put({MakeDocument("h1", "", "", "", "", "A", "x")}, {}, false).ok());
  }
  ::chmod((dir / "ro").c_str(), 0555);
  auto s = OpenSqliteStore(path);
  // SQLite needs to create the -wal/-shm files beside the database.
  if (s.ok()) {
    auto put = s.value()->Put({MakeDocument("h2", "", "", "", "", "B", "y")}, {}, false);
    ASSERT_FALSE(put.ok());
  } else {
    EXPECT_FALSE(s.error().message.empty());
  }
}

TEST(BadInput, LockedByAnotherWriter) {
  testing::TempDir dir;
  const std::string path = dir / "x.db";
  auto holder = OpenSqliteStore(path);
  ASSERT_TRUE(holder.ok());
  auto& holder_db = static_cast<SqliteStore&>(*holder.value()).db();
  ASSERT_TRUE(holder_db.Exec("BEGIN IMMEDIATE").ok());  // another process mid-write

  auto other = OpenSqliteStore(path, {.busy_timeout_ms = 100});
  ASSERT_TRUE(other.ok()) << other.error().message;  // opening a current schema reads only
  auto put = other.value()->Put({MakeDocument("h1", "", "", "", "", "A", "x")}, {}, false);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.error().code, "locked");
  EXPECT_NE(put.error().message.find("locked"), std::string::npos);

  // Readers are not blocked by the writer (WAL).
  SearchQuery q;
  q.text = "x";
  EXPECT_TRUE(other.value()->Search(q).ok());

  ASSERT_TRUE(holder_db.Exec("ROLLBACK").ok());
  EXPECT_TRUE(other.value()->Put({MakeDocument("h1", "", "", "", "", "A", "x")}, {}, false).ok());
  EXPECT_TRUE(other.value()->Check().value().empty());
}

TEST(BadInput, LockedStopsAnIngestCleanly) {
  testing::TempDir dir;
  const std::string path = dir / "x.db";
  auto holder = OpenSqliteStore(path);
  ASSERT_TRUE(holder.ok());
  auto& holder_db = static_cast<SqliteStore&>(*holder.value()).db();
  ASSERT_TRUE(holder_db.Exec("BEGIN IMMEDIATE").ok());
  auto w = OpenSqliteStore(path, {.busy_timeout_ms = 50});
  ASSERT_TRUE(w.ok());
  const IngestSummary s =
      Ingest(*w.value(), {}, {testing::SourceDir() + "/samples/ke-hoach-chuyen-doi-so.txt"}, {});
  ASSERT_TRUE(s.stopped.has_value());
  EXPECT_EQ(s.stopped->code, "locked");
  EXPECT_EQ(s.ingested, 0u);
}

TEST(BadInput, DiskFullLosesNothingCommitted) {
  testing::TempDir dir;
  const std::string path = dir / "x.db";
  std::int64_t pages = 0;
  {
    auto s = OpenSqliteStore(path);
    ASSERT_TRUE(s.ok());
    pages = static_cast<SqliteStore&>(*s.value()).db().QueryInt("PRAGMA page_count").value();
  }
  std::size_t samples = 0;
  for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/samples")) {
    samples += e.path().extension() == ".txt";
  }
  // A "disk" a few pages larger than the empty schema: some batches fit, then SQLITE_FULL.
  IngestSummary full;
  {
    auto w = OpenSqliteStore(path, {.max_page_count = pages + 12});
    ASSERT_TRUE(w.ok()) << w.error().message;
    IngestOptions o;
    o.batch_docs = 2;
    o.workers = 1;
    full = Ingest(*w.value(), {}, {testing::SourceDir() + "/samples"}, o);
  }
  ASSERT_TRUE(full.stopped.has_value());
  EXPECT_EQ(full.stopped->code, "disk_full") << full.stopped->message;
  EXPECT_LT(full.ingested, samples);

  // What was committed is there and whole; a re-run with room completes exactly the rest.
  auto s = OpenSqliteStore(path);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s.value()->Check().value().empty());
  EXPECT_EQ(s.value()->Count().value().documents, static_cast<std::int64_t>(full.ingested));
  const IngestSummary rest = Ingest(*s.value(), {}, {testing::SourceDir() + "/samples"}, {});
  EXPECT_FALSE(rest.stopped.has_value());
  EXPECT_EQ(rest.ingested + full.ingested, samples);
  EXPECT_EQ(s.value()->Count().value().documents, static_cast<std::int64_t>(samples));
  EXPECT_TRUE(s.value()->Check().value().empty());
}

}  // namespace
}  // namespace dondoc::store
