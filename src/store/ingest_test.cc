// Ingest over the project's samples: counts, idempotence, bad files in the batch, re-parse,
// duplicates, folder walking.
#include "store/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite_db.h"
#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The samples' documents, plus files that are no documents and two bad ones.
    fs::create_directories(dir_.path() / "in" / "sub");
    for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/samples")) {
      if (e.path().extension() != ".txt") continue;
      fs::copy_file(e.path(), dir_.path() / "in" / e.path().filename());
      ++samples_;
    }
    ASSERT_GT(samples_, 5u);
    testing::WriteFile(dir_ / "in/sub/empty.txt", "");
    testing::WriteFile(dir_ / "in/sub/binary.txt", std::string("\x00\x01\x02\x03", 4));
    testing::WriteFile(dir_ / "in/notes.json", "{}");  // not a document: skipped
    db_ = dir_ / "x.db";
  }
  IngestSummary Run(const std::vector<std::string>& paths, IngestOptions o = {}) {
    auto w = OpenSqliteStore(db_);
    EXPECT_TRUE(w.ok()) << w.error().message;
    const std::string db = db_;
    return Ingest(
        *w.value(), [db] { return OpenSqliteStore(db, {.create = false}); }, paths, o);
  }
  Counts DbCounts() {
    auto s = OpenSqliteStore(db_);
    return s.value()->Count().value();
  }
  testing::TempDir dir_;
  std::string db_;
  std::size_t samples_ = 0;
};

TEST_F(IngestTest, TwiceChangesNothing) {
  const IngestSummary first = Run({dir_ / "in"});
  EXPECT_FALSE(first.stopped);
  EXPECT_EQ(first.ingested, samples_);
  EXPECT_EQ(first.unchanged, 0u);
  EXPECT_EQ(first.skipped, 1u);
  ASSERT_EQ(first.failures.size(), 2u);  // a bad file never stops the batch
  const Counts before = DbCounts();
  EXPECT_EQ(before.documents, static_cast<std::int64_t>(samples_));
  EXPECT_GT(before.tasks, 0);

  const IngestSummary second = Run({dir_ / "in"});
  EXPECT_EQ(second.ingested, 0u);
  EXPECT_EQ(second.unchanged, samples_);
  EXPECT_EQ(second.failures.size(), 2u);
  const Counts after = DbCounts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.refs, before.refs);
  EXPECT_EQ(after.tasks, before.tasks);
  EXPECT_EQ(after.times, before.times);
  auto s = OpenSqliteStore(db_);
  EXPECT_TRUE(s.value()->Check().value().empty());
}

// The parser threads tokenize the full-text columns and the writer replays the tokens
// (fts_tokenizer.h): FTS5's own integrity check, which tokenizes every stored row again and
// compares, finds the index as the rows say, also after a second ingest and a re-parse.
TEST_F(IngestTest, FullTextIndexMatchesTheRows) {
  for (const bool reparse : {false, false, true}) {
    IngestOptions o;
    o.reparse = reparse;
    o.batch_docs = 4;  // several batches, several segments
    const IngestSummary s = Run({dir_ / "in"}, o);
    EXPECT_FALSE(s.stopped);
    auto db = Db::Open(db_, {});
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto check = db.value()->Exec(
        "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
    EXPECT_TRUE(check.ok()) << check.error().message;
    auto hits = db.value()->QueryInt(
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ke hoach'");
    ASSERT_TRUE(hits.ok()) << hits.error().message;
    EXPECT_GT(hits.value(), 0);
  }
  EXPECT_EQ(DbCounts().documents, static_cast<std::int64_t>(samples_));
}

TEST_F(IngestTest, FailuresNameTheFileAndReason) {
  const IngestSummary s = Run({dir_ / "in/sub", dir_ / "in/missing.txt"});
  ASSERT_EQ(s.failures.size(), 3u);
  for (const Failure& f : s.failures) {
    EXPECT_FALSE(f.path.empty());
    EXPECT_FALSE(f.message.empty()) << f.path;
  }
  EXPECT_EQ(s.ingested, 0u);
}

TEST_F(IngestTest, SmallBatchesAndOneWorkerGiveTheSameResult) {
  IngestOptions o;
  o.workers = 1;
  o.batch_docs = 3;
  const IngestSummary s = Run({dir_ / "in"}, o);
  EXPECT_EQ(s.ingested, samples_);
  EXPECT_EQ(DbCounts().documents, static_cast<std::int64_t>(samples_));
}

TEST_F(IngestTest, DuplicateFilesStoreOneDocument) {
  const std::string a = dir_ / "in/sub/a.txt", b = dir_ / "in/sub/b.txt";
  const std::string text =
      testing::ReadFile(testing::SourceDir() + "/samples/" + "ke-hoach-chuyen-doi-so.txt");
  testing::WriteFile(a, text);
  testing::WriteFile(b, text);
  const IngestSummary s = Run({a, b});
  EXPECT_EQ(s.ingested, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(DbCounts().documents, 1);
}

TEST_F(IngestTest, ReparseReplacesEveryStoredDocument) {
  Run({dir_ / "in"});
  const Counts before = DbCounts();
  IngestOptions o;
  o.reparse = true;
  const IngestSummary s = Run({}, o);
  EXPECT_FALSE(s.stopped);
  EXPECT_EQ(s.reparsed, samples_);
  EXPECT_EQ(s.ingested, 0u);
  EXPECT_TRUE(s.failures.empty());
  const Counts after = DbCounts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.tasks, before.tasks);  // same parser, same text: same rows
  EXPECT_EQ(after.refs, before.refs);
  auto st = OpenSqliteStore(db_);
  EXPECT_TRUE(st.value()->Check().value().empty());
}

TEST(ExpandPaths, WalksFoldersSortedAndKeepsNamedFiles) {
  testing::TempDir dir;
  fs::create_directories(dir.path() / "d" / "e");
  testing::WriteFile(dir / "d/b.txt", "x");
  testing::WriteFile(dir / "d/e/a.TXT", "x");
  testing::WriteFile(dir / "d/c.jsonl", "x");
  const FileList l = ExpandPaths({dir / "d", dir / "named.jsonl"});
  ASSERT_EQ(l.files.size(), 3u);
  EXPECT_EQ(l.files[0], dir / "d/b.txt");
  EXPECT_EQ(l.files[1], dir / "d/e/a.TXT");
  EXPECT_EQ(l.files[2], dir / "named.jsonl");  // named, so taken (and reported if bad)
  EXPECT_EQ(l.skipped, 1u);
}

}  // namespace
}  // namespace dondoc::store
