// SqliteStore: Put is idempotent by hash, replace re-parses, children rows and reads back.
#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace dondoc::store {
namespace {

using testing::MakeDocument;

NewDocument WithChildren(NewDocument d) {
  d.doc.references.push_back({"NQ", "35-NQ/TW", "2018-10-22", "Bộ Chính trị", "", {5, 13}});
  d.doc.references.push_back({"", "", "", "", "Luật An ninh mạng", {20, 30}});
  d.doc.times.push_back({"quý II/2019", "period", "2019-04-01", "2019-06-30", "", "", {40, 50}});
  Task t;
  t.action = "Xây dựng Đề án";
  t.path = "II.1";
  t.due = 0;
  t.units.push_back({"Sở Thông tin và Truyền thông", "", "lead", {60, 70}});
  t.units.push_back({"Sở Tài chính", "", "coordinate", {71, 80}});
  d.doc.tasks.push_back(t);
  d.doc.reporting.push_back({"Sở Thông tin và Truyền thông", {0}, {90, 100}});
  return d;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_ / "s.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s.value());
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, PutTwiceChangesNothing) {
  const std::vector<NewDocument> docs = {
      WithChildren(MakeDocument("h1", "13/KH-STTTT", "KH", "2019-03-19", "Sở TTTT", "A", "x")),
      MakeDocument("h2", "", "", "", "", "", "y")};
  auto first = store_->Put(docs, {}, false);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value()[0].outcome, PutOutcome::kInserted);
  EXPECT_EQ(first.value()[1].outcome, PutOutcome::kInserted);
  const Counts before = store_->Count().value();
  EXPECT_EQ(before.documents, 2);
  EXPECT_EQ(before.refs, 2);
  EXPECT_EQ(before.tasks, 1);
  EXPECT_EQ(before.times, 1);

  auto second = store_->Put(docs, {}, false);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value()[0].outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(second.value()[0].id, first.value()[0].id);
  const Counts after = store_->Count().value();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.refs, before.refs);
  EXPECT_EQ(after.tasks, before.tasks);
}

// The ingest's parser threads derive a document's keys (DeriveKeys) so that the writer does
// not; a document that comes without them (an upload, these tests) gets them from Put. Both
// store the same rows, and Put writes the keys it is given without deriving them again.
TEST_F(StoreTest, KeysDerivedBeforePutAreWhatPutDerives) {
  NewDocument plain =
      WithChildren(MakeDocument("h1", "13/KH-STTTT", "KH", "2019-03-19", "Sở TTTT", "A", "x"));
  plain.read_warnings.push_back({"repaired", "một ký tự", {1, 2}});
  NewDocument derived = plain;
  derived.keys = DeriveKeys(derived);
  ASSERT_TRUE(derived.keys.ready);
  EXPECT_FALSE(plain.keys.ready);
  auto other = OpenSqliteStore(dir_ / "other.db");
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_TRUE(store_->Put({plain}, {}, false).ok());
  ASSERT_TRUE(other.value()->Put({derived}, {}, false).ok());
  auto rows = [](Store& s) {
    Db& db = static_cast<SqliteStore&>(s).db();
    auto q = db.Prepare(
        "SELECT number_key || '|' || type_key || '|' || issuer || '|' || issuer_key || '|' || "
        "year || '|' || filters || '|' || read_warnings || '|' || (SELECT group_concat("
        "coalesce(number_key, '') || ':' || edge, ',') FROM refs) FROM documents");
    EXPECT_TRUE(q.ok() && q.value().Step().ok());
    return q.value().Text(0);
  };
  EXPECT_EQ(rows(*store_), rows(*other.value()));
  EXPECT_NE(rows(*store_).find("Tkh Y2019"), std::string::npos) << rows(*store_);

  NewDocument given = MakeDocument("h2", "", "", "", "", "", "y");
  given.keys = DeriveKeys(given);
  given.keys.filters = "Tgiven";
  ASSERT_TRUE(store_->Put({given}, {}, false).ok());
  EXPECT_EQ(static_cast<SqliteStore&>(*store_)
                .db()
                .QueryInt("SELECT count(*) FROM documents WHERE filters = 'Tgiven'")
                .value(),
            1);
}

// Put remembers the units it has stored (UnitId); a unit added by a document that was then
// refused (rolled back to its savepoint) is gone, and the next document naming it stores it
// again rather than pointing at the rolled-back row.
TEST_F(StoreTest, AUnitOfARefusedDocumentIsStoredAgain) {
  auto& db = static_cast<SqliteStore&>(*store_).db();
  ASSERT_TRUE(db.Exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents "
                      "WHEN new.number = '2/KH-X' BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  auto put = store_->Put({MakeDocument("h1", "1/KH-X", "KH", "2024-02-01", "Sở Cũ", "A", "x"),
                          MakeDocument("h2", "2/KH-X", "KH", "2024-02-02", "Sở Mới", "B", "x"),
                          MakeDocument("h3", "3/KH-X", "KH", "2024-02-03", "Sở Mới", "C", "x"),
                          MakeDocument("h4", "4/KH-X", "KH", "2024-02-04", "Sở Cũ", "D", "x")},
                         {}, false);
  ASSERT_TRUE(put.ok()) << put.error().message;
  EXPECT_EQ(put.value()[1].outcome, PutOutcome::kFailed);
  for (const std::size_t i : {0, 2, 3}) EXPECT_EQ(put.value()[i].outcome, PutOutcome::kInserted);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM documents d JOIN units u ON u.id = d.issuer_unit "
                        "WHERE u.name_key = 'so moi'")
                .value(),
            1);
  EXPECT_EQ(db.QueryInt("SELECT count(DISTINCT issuer_unit) FROM documents WHERE number IN "
                        "('1/KH-X', '4/KH-X')")
                .value(),
            1);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM units").value(), 2);
}

TEST_F(StoreTest, ReplaceReparses) {
  NewDocument d = WithChildren(
      MakeDocument("h1", "13/KH-STTTT", "KH", "2019-03-19", "Sở TTTT", "Kế hoạch cũ", "x"));
  const auto id = store_->Put({d}, {}, false).value()[0].id;
  d.doc.title = "Kế hoạch mới";
  d.doc.references.pop_back();
  auto r = store_->Put({d}, {}, /*replace=*/true);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value()[0].outcome, PutOutcome::kReparsed);
  EXPECT_EQ(r.value()[0].id, id);
  EXPECT_EQ(store_->Count().value().refs, 1);
  EXPECT_EQ(store_->Count().value().tasks, 1);
  SearchQuery q;
  q.text = "ke hoach moi";  // the new title is indexed (the text, same bytes, still says cũ)
  ASSERT_EQ(store_->Search(q).value().hits.size(), 1u);
  EXPECT_EQ(store_->Search(q).value().hits[0].row.title, "Kế hoạch mới");
  EXPECT_TRUE(store_->Check().value().empty());
}

TEST_F(StoreTest, GetDocumentAndFindByNumber) {
  const auto ids =
      store_
          ->Put(
              {WithChildren(MakeDocument("h1", "98/2025/QĐ-UBND", "QĐ", "2025-01-02", "UBND tỉnh A",
                                         "A", "x")),
               MakeDocument("h2", "98/2025/QĐ-UBND", "QĐ", "2025-03-04", "UBND tỉnh B", "B", "y")},
              {}, false)
          .value();
  auto found = store_->FindByNumber("98/2025/QD-UBND");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found.value().size(), 2u);  // two provinces, one number
  EXPECT_EQ(found.value()[0].issuer, "UBND tỉnh A");

  auto d = store_->GetDocument(ids[0].id, 10);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d.value().row.number, "98/2025/QĐ-UBND");
  EXPECT_EQ(d.value().task_count, 1);
  EXPECT_EQ(d.value().ref_count, 2);
  ASSERT_EQ(d.value().tasks.size(), 1u);
  EXPECT_EQ(d.value().tasks[0].due, "2019-06-30");
  EXPECT_EQ(d.value().tasks[0].units,
            "Sở Thông tin và Truyền thông [lead], Sở Tài chính [coordinate]");
  EXPECT_EQ(d.value().refs[0].number, "35-NQ/TW");
  EXPECT_EQ(d.value().refs[1].name, "Luật An ninh mạng");

  auto missing = store_->GetDocument(9999, 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "not_found");
}

TEST_F(StoreTest, StoredTextRoundTrips) {
  NewDocument d = MakeDocument("h1", "", "", "", "", "", "văn bản");
  d.read_warnings.push_back({"invalid-utf8", "2 invalid bytes replaced", {3, 4}});
  const auto id = store_->Put({d}, {}, false).value()[0].id;
  auto t = store_->GetText(id);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().text, d.text);
  EXPECT_EQ(t.value().sha256, "h1");
  ASSERT_EQ(t.value().read_warnings.size(), 1u);
  EXPECT_EQ(t.value().read_warnings[0].code, "invalid-utf8");
  EXPECT_EQ(t.value().read_warnings[0].span.end, 4u);
  EXPECT_EQ(store_->DocumentIds().value(), std::vector<std::int64_t>{id});
}

TEST_F(StoreTest, FailuresAreLogged) {
  ASSERT_TRUE(store_->Put({}, {{"bad.txt", "", "empty", "empty file"}}, false).ok());
  auto& db = static_cast<SqliteStore&>(*store_).db();
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM ingest_log WHERE status = 'failed'").value(), 1);
  EXPECT_EQ(store_->Count().value().documents, 0);
}

TEST_F(StoreTest, CheckFindsABrokenIndex) {
  ASSERT_TRUE(
      store_->Put({MakeDocument("h1", "", "", "", "", "Tiêu đề", "nội dung")}, {}, false).ok());
  EXPECT_TRUE(store_->Check().value().empty());
  // Change the content behind the index's back: the external-content check must notice.
  auto& db = static_cast<SqliteStore&>(*store_).db();
  ASSERT_TRUE(
      db.Exec("DROP TRIGGER documents_fts_update; UPDATE documents SET text = 'khác'").ok());
  auto problems = store_->Check();
  ASSERT_TRUE(problems.ok()) << problems.error().message;
  ASSERT_FALSE(problems.value().empty());
  EXPECT_NE(problems.value()[0].find("full-text"), std::string::npos) << problems.value()[0];
}

}  // namespace
}  // namespace dondoc::store
