// Migrations: from an empty file, re-opening, from the previous schema version with data in
// it, and refusing a newer schema.
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

std::int64_t UserVersion(Db& db) { return db.QueryInt("PRAGMA user_version").value(); }

TEST(Migrations, FromEmptyToCurrent) {
  testing::TempDir dir;
  auto db = Db::Open(dir / "a.db", {});
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(UserVersion(*db.value()), 0);
  ASSERT_TRUE(Migrate(*db.value()).ok());
  EXPECT_EQ(UserVersion(*db.value()), SchemaVersion());
  EXPECT_GE(SchemaVersion(), 2);
  for (const char* table : {"documents", "documents_fts", "units", "refs", "tasks", "task_units",
                            "times", "reporting", "ingest_log"}) {
    EXPECT_EQ(db.value()
                  ->QueryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") +
                             table + "'")
                  .value(),
              1)
        << table;
  }
  auto mode = db.value()->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok() && mode.value().Step().ok());
  EXPECT_EQ(mode.value().Text(0), "wal");
}

TEST(Migrations, ReopenIsANoOp) {
  testing::TempDir dir;
  {
    auto s = OpenSqliteStore(dir / "a.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  auto db = Db::Open(dir / "a.db", {});
  ASSERT_TRUE(db.ok());
  const auto schema_before = db.value()->QueryInt("PRAGMA schema_version").value();
  ASSERT_TRUE(Migrate(*db.value()).ok());
  ASSERT_TRUE(Migrate(*db.value()).ok());
  EXPECT_EQ(db.value()->QueryInt("PRAGMA schema_version").value(), schema_before);
  EXPECT_EQ(UserVersion(*db.value()), SchemaVersion());
}

TEST(Migrations, FromPreviousVersionKeepsData) {
  testing::TempDir dir;
  const std::string path = dir / "old.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), SchemaVersion() - 1).ok());
    EXPECT_EQ(UserVersion(*db.value()), SchemaVersion() - 1);
    // A document as the previous version stored it.
    ASSERT_TRUE(db.value()
                    ->Exec("INSERT INTO documents(sha256, path, format, encoding, kind, number, "
                           "number_key, title, text, read_warnings, parse_json, parser_version, "
                           "ingested_at, parsed_at) VALUES ('abc', 'a.txt', 'text', 'utf-8', "
                           "'official', '35-NQ/TW', '35nqtw', 'Về chuyển đổi số', "
                           "'Đồng Nai chuyển đổi số', '[]', '{}', 'old', 'x', 'x')")
                    .ok());
    // Indexed the way that version's Put indexes (since v5, one statement per batch).
    if (SchemaVersion() - 1 >= 6) {
      ASSERT_TRUE(db.value()
                      ->Exec("INSERT INTO documents_fts(rowid, title, text, number, filters) "
                             "SELECT id, title, text, number, filters FROM documents")
                      .ok());
    }
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto counts = store.value()->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts.value().documents, 1);
  EXPECT_EQ(counts.value().refs, 0);  // the new table is there and empty
  SearchQuery q;
  q.text = "dong nai";
  auto hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  EXPECT_EQ(hits.value().hits.size(), 1u);
  // A document stored after the migration is indexed too (since v5 by Put, not a trigger).
  auto put = store.value()->Put(
      {testing::MakeDocument("def", "7/KH-UBND", "KH", "2024-01-02", "", "Kế hoạch Đồng Nai", "x")},
      {}, false);
  ASSERT_TRUE(put.ok()) << put.error().message;
  hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits.value().hits.size(), 2u);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

// v6 and v7 fill the FTS5 column `filters` of the documents stored before them: a filtered
// search finds them by type, year, issuer and task unit, and the index agrees with the rows.
TEST(Migrations, V6V7IndexTheFiltersOfStoredDocuments) {
  testing::TempDir dir;
  const std::string path = dir / "v5.db";
  {
    // A v5 database with a document, its task and unit, the way v5 left them.
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), 5).ok());
    ASSERT_TRUE(
        db.value()
            ->Exec("INSERT INTO units(id, name, name_key) VALUES (1, 'Sở Y tế', 'so y te');"
                   "INSERT INTO documents(id, sha256, path, format, encoding, kind, number,"
                   " type, type_key, issuer, issuer_key, year, title, text, read_warnings,"
                   " parse_json, parser_version, ingested_at, parsed_at) VALUES (7, 'abc',"
                   " 'a.txt', 'text', 'utf-8', 'official', '9/KH-UBND', 'KH', 'kh', "
                   "'UBND tỉnh Hà Nam', 'ubnd tinh ha nam', 2022, 'Kế hoạch tiêm chủng', "
                   "'Tiêm chủng', '[]', '{}', 'old', 'x', 'x');"
                   "INSERT INTO tasks(id, document_id, ord, action, span_begin, span_end) "
                   "VALUES (1, 7, 0, 'x', 0, 1);"
                   "INSERT INTO task_units(task_id, unit, name, role, span_begin, span_end) "
                   "VALUES (1, 1, 'Sở Y tế', 'lead', 0, 1);"
                   "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SearchQuery q;
  q.text = "tiem chung";
  q.type = "KH";
  q.year = 2022;
  q.issuer = "ha nam";
  q.unit = "so y te";
  auto hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits.value().hits.size(), 1u);
  EXPECT_EQ(hits.value().hits[0].row.id, 7);
  q.year = 2023;
  hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits.value().hits.empty());
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

// The filter words v7 computes in SQL for stored documents are those Put writes (the same
// words; the order of the unit names may differ).
TEST(Migrations, V7ComputesTheFilterWordsPutWrites) {
  testing::TempDir dir;
  auto store = OpenSqliteStore(dir / "a.db");
  ASSERT_TRUE(store.ok()) << store.error().message;
  NewDocument d = testing::MakeDocument("abc", "9/KH-UBND", "KH", "2022-03-04",
                                        "UBND tỉnh Bà Rịa - Vũng Tàu", "Kế hoạch", "Tiêm chủng");
  d.doc.issuer->parent = "Ủy ban nhân dân";
  d.doc.tasks.push_back({});
  d.doc.tasks.back().units = {{"Sở Y tế", "", "lead", {0, 1}},
                              {"Sở Tài chính", "", "coordinate", {0, 1}}};
  d.doc.tasks.push_back({});
  d.doc.tasks.back().units = {{"Sở Y tế", "", "lead", {0, 1}}};
  d.doc.references = {{"NQ", "35-NQ/TW", "", "", "", {0, 1}},
                      {"NQ", "35/NQ-TW", "", "", "", {0, 1}},    // the same number, once
                      {"KH", "9/KH-UBND", "", "", "", {0, 1}}};  // its own, once
  ASSERT_TRUE(store.value()->Put({d}, {}, false).ok());
  auto& db = static_cast<SqliteStore&>(*store.value()).db();
  auto words = [&db] {
    auto s = db.Prepare("SELECT filters FROM documents");
    EXPECT_TRUE(s.ok() && s.value().Step().ok());
    std::istringstream in(s.value().Text(0));
    std::multiset<std::string> out{std::istream_iterator<std::string>(in), {}};
    return out;
  };
  const auto put = words();
  EXPECT_EQ(put.count("Tkh"), 1u);
  EXPECT_EQ(put.count("Y2022"), 1u);
  EXPECT_EQ(put.count("ivung"), 1u);
  EXPECT_EQ(put.count("uso"), 2u);  // two units, each once
  // v7 rewrites the words v6 knew; v9 adds the number words (NumberWord).
  ASSERT_TRUE(db.Exec(Migrations()[6]).ok());
  ASSERT_TRUE(db.Exec(Migrations()[8]).ok());
  EXPECT_EQ(words(), put);
  EXPECT_EQ(put.count("N9khubnd"), 1u);
  EXPECT_EQ(put.count("N35nqtw"), 1u);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

// v9 gives documents stored before it the words of the numbers they carry and cite: a
// number search finds the citing document by its reference, not by its text.
TEST(Migrations, V9IndexesTheNumbersOfStoredDocuments) {
  testing::TempDir dir;
  const std::string path = dir / "v8.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), 8).ok());
    ASSERT_TRUE(
        db.value()
            ->Exec("INSERT INTO documents(id, sha256, path, format, encoding, kind, number, "
                   "number_key, type, type_key, title, text, read_warnings, parse_json, "
                   "parser_version, ingested_at, parsed_at, filters) VALUES (3, 'abc', 'a.txt', "
                   "'text', 'utf-8', 'official', '7/KH-UBND', '7khubnd', 'KH', 'kh', 'Kế hoạch', "
                   "'Theo văn bản "
                   "kia.', '[]', '{}', 'old', 'x', 'x', 'Tkh');"
                   "INSERT INTO refs(document_id, ord, number, number_key, span_begin, "
                   "span_end) VALUES (3, 0, '12/2012/QĐ-UBND', '122012qdubnd', 0, 1);"
                   "INSERT INTO documents_fts(rowid, title, text, number, filters) "
                   "SELECT id, title, text, number, filters FROM documents")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SearchQuery q;
  q.text = "12/2012/QĐ-UBND";  // not in its text: only its reference says so
  auto hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits.value().hits.size(), 1u);
  EXPECT_EQ(hits.value().hits[0].row.id, 3);
  q.text = "ke hoach";
  q.type = "KH";  // the filter words stored before stay
  hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits.value().hits.size(), 1u);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

// v10 sets FTS5's pending-terms limit (hashsize) on a database of v9, whose documents stay
// found, and Put still indexes new ones.
TEST(Migrations, V10SetsTheFtsHashSize) {
  testing::TempDir dir;
  const std::string path = dir / "v9.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), 9).ok());
    EXPECT_EQ(db.value()
                  ->QueryInt("SELECT count(*) FROM documents_fts_config WHERE k = 'hashsize'")
                  .value(),
              0);
    ASSERT_TRUE(
        db.value()
            ->Exec("INSERT INTO documents(id, sha256, path, format, encoding, kind, title, text, "
                   "read_warnings, parse_json, parser_version, ingested_at, parsed_at, filters) "
                   "VALUES (3, 'abc', 'a.txt', 'text', 'utf-8', 'official', 'Kế hoạch', "
                   "'Đồng Nai chuyển đổi số', '[]', '{}', 'old', 'x', 'x', '');"
                   "INSERT INTO documents_fts(rowid, title, text, number, filters) "
                   "SELECT id, title, text, number, filters FROM documents")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto& sqlite = static_cast<SqliteStore&>(*store.value());
  EXPECT_EQ(sqlite.db().QueryInt("SELECT v FROM documents_fts_config WHERE k = 'hashsize'").value(),
            67108864);
  auto put = store.value()->Put(
      {testing::MakeDocument("def", "7/KH-UBND", "KH", "2024-01-02", "", "Kế hoạch Đồng Nai", "x")},
      {}, false);
  ASSERT_TRUE(put.ok()) << put.error().message;
  SearchQuery q;
  q.text = "dong nai";
  auto hits = store.value()->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  EXPECT_EQ(hits.value().hits.size(), 2u);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

TEST(Migrations, RefusesANewerSchema) {
  testing::TempDir dir;
  const std::string path = dir / "new.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value()->Exec("PRAGMA user_version = 99").ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, "schema_too_new");
}

}  // namespace
}  // namespace dondoc::store
