// The graph through the store: resolution at ingest, late arrival, ambiguity, copies, edge
// kinds, walking depth, and resolving a database migrated from schema 2.
#include "store/graph.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

using testing::MakeDocument;

// `d` cites `number` (with `date`, `issuer` as the citing text gives them) where the number
// is written in its text; the text is "<title>\n<body>".
NewDocument Cite(NewDocument d, const std::string& number, const std::string& date = "",
                 const std::string& issuer = "") {
  const std::size_t at = d.text.find(number);
  EXPECT_NE(at, std::string::npos) << number;
  d.doc.title_span = {0, static_cast<std::uint32_t>(d.doc.title.size())};
  d.doc.references.push_back(
      {"",
       number,
       date,
       issuer,
       "",
       {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + number.size())}});
  return d;
}

class GraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_ / "g.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s.value());
  }
  std::int64_t Put(const NewDocument& d) {
    auto r = store_->Put({d}, {}, false);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r.value()[0].id : 0;
  }
  std::vector<GraphEdge> From(std::int64_t id) {
    auto e = store_->EdgesFrom(id);
    EXPECT_TRUE(e.ok());
    return e.ok() ? e.value() : std::vector<GraphEdge>{};
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

NewDocument Plan(const std::string& sha, const std::string& number, const std::string& cited) {
  return MakeDocument(sha, number, "KH", "2026-02-01", "UBND tỉnh Bình Sơn",
                      "Thực hiện Nghị quyết số " + cited, "I. MỤC ĐÍCH\nNội dung.");
}

NewDocument Resolution(const std::string& sha, const std::string& date) {
  return MakeDocument(sha, "35-NQ/TW", "NQ", date, "Ban Chấp hành Trung ương", "Về chuyển đổi số",
                      "Nội dung.");
}

TEST_F(GraphTest, LateArrivalResolvesAPendingReference) {
  const std::int64_t plan = Put(Cite(Plan("a", "1/KH-UBND", "35-NQ/TW"), "35-NQ/TW"));
  auto before = From(plan);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].status, "pending");
  EXPECT_FALSE(before[0].to);
  EXPECT_EQ(before[0].kind, "implements");  // "Thực hiện Nghị quyết số …" in the title
  const std::int64_t nq = Put(Resolution("b", "2018-10-22"));
  auto after = From(plan);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].status, "resolved");
  EXPECT_EQ(after[0].to, nq);
  auto down = store_->EdgesTo(nq);
  ASSERT_TRUE(down.ok());
  ASSERT_EQ(down.value().size(), 1u);
  EXPECT_EQ(down.value()[0].from, plan);
}

TEST_F(GraphTest, ASecondDocumentWithTheNumberMakesAnUndatedReferenceAmbiguous) {
  Put(Resolution("b", "2018-10-22"));
  const std::int64_t plan = Put(Cite(Plan("a", "1/KH-UBND", "35-NQ/TW"), "35-NQ/TW"));
  const std::int64_t dated =
      Put(Cite(Plan("c", "2/KH-UBND", "35-NQ/TW ngày 22/10/2018"), "35-NQ/TW", "2018-10-22"));
  EXPECT_EQ(From(plan)[0].status, "resolved");
  Put(Resolution("d", "2003-07-16"));  // the same number, another term
  auto undated = From(plan);
  EXPECT_EQ(undated[0].status, "ambiguous");
  EXPECT_EQ(undated[0].candidates, 2);
  EXPECT_FALSE(undated[0].to);
  EXPECT_EQ(From(dated)[0].status, "resolved");  // the date tells them apart
}

TEST_F(GraphTest, ProvincesAreToldApartByTheIssuer) {
  const std::int64_t bs = Put(MakeDocument("p1", "98/2025/QĐ-UBND", "QĐ", "2025-06-01",
                                           "UBND tỉnh Bình Sơn", "Quy định A", "x"));
  const std::int64_t dn = Put(MakeDocument("p2", "98/2025/QĐ-UBND", "QĐ", "2025-06-01",
                                           "UBND tỉnh Đồng Nai", "Quy định B", "x"));
  NewDocument amend =
      MakeDocument("p3", "99/2025/QĐ-UBND", "QĐ", "2025-09-01", "UBND tỉnh Đồng Nai",
                   "Sửa đổi Quyết định số 98/2025/QĐ-UBND", "Điều 1.");
  const std::int64_t a = Put(Cite(amend, "98/2025/QĐ-UBND", "", "UBND tỉnh Đồng Nai"));
  auto e = From(a);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].to, dn);
  EXPECT_EQ(e[0].kind, "amends");
  EXPECT_NE(e[0].to, bs);
}

TEST_F(GraphTest, TwoCopiesAreOneNode) {
  const std::int64_t first = Put(Resolution("b1", "2018-10-22"));
  NewDocument copy = Resolution("b2", "2018-10-22");
  copy.doc.issuer = Issuer{"BAN CHẤP HÀNH TRUNG ƯƠNG", "", "", {}};
  const std::int64_t second = Put(copy);
  const std::int64_t plan = Put(Cite(Plan("a", "1/KH-UBND", "35-NQ/TW"), "35-NQ/TW"));
  auto e = From(plan);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].status, "resolved");
  EXPECT_EQ(e[0].to, first);
  auto node = store_->GetNode(second);
  ASSERT_TRUE(node.ok());
  EXPECT_EQ(node.value().row.id, first);
  EXPECT_EQ(node.value().copies, (std::vector<std::int64_t>{first, second}));
}

TEST_F(GraphTest, ALaterDocumentThatMatchesTheIssuerResolvesAnAmbiguousReference) {
  Put(Resolution("b", "2018-10-22"));
  Put(Resolution("c", "2003-07-16"));
  const std::int64_t plan = Put(
      Cite(Plan("a", "1/KH-UBND", "35-NQ/TW của Bộ Chính trị"), "35-NQ/TW", "", "Bộ Chính trị"));
  EXPECT_EQ(From(plan)[0].status, "ambiguous");  // both are headed by the Central Committee
  EXPECT_EQ(From(plan)[0].candidates, 2);
  const std::int64_t bct = Put(
      MakeDocument("d", "35-NQ/TW", "NQ", "2019-01-01", "Bộ Chính trị", "Về tổ chức", "Nội dung."));
  EXPECT_EQ(From(plan)[0].status, "resolved");
  EXPECT_EQ(From(plan)[0].to, bct);
  // A second Politburo document with the number: ambiguous between the two that match fully.
  Put(MakeDocument("e", "35-NQ/TW", "NQ", "2020-01-01", "Bộ Chính trị", "Về y tế", "Nội dung."));
  EXPECT_EQ(From(plan)[0].status, "ambiguous");
  EXPECT_EQ(From(plan)[0].candidates, 2);
}

// Link resolves again only the references an arriving document may change (resolve.h
// MayChange); the stored result must be what resolving everything gives. A sequence of
// documents with colliding numbers, dates of two terms, issuers of two provinces and
// references with and without date and issuer; after each, ResolveAll must change nothing.
TEST_F(GraphTest, ResolvingOnArrivalEqualsResolvingEverything) {
  auto& db = static_cast<SqliteStore&>(*store_).db();
  auto snapshot = [&db] {
    std::vector<std::string> out;
    auto s = db.Prepare(
        "SELECT id, coalesce(target, 0), coalesce(status, ''), coalesce(settled, 0) FROM refs "
        "ORDER BY id");
    EXPECT_TRUE(s.ok());
    while (s.value().Step().value()) {
      out.push_back(s.value().Text(0) + " " + s.value().Text(1) + " " + s.value().Text(2) + " " +
                    s.value().Text(3));
    }
    return out;
  };
  const std::vector<std::string> numbers = {"35-NQ/TW", "98/2025/QĐ-UBND", "7/KH-UBND"};
  const std::vector<std::string> dates = {"2003-07-16", "2018-10-22", "2025-06-01", ""};
  const std::vector<std::string> issuers = {"UBND tỉnh Bình Sơn", "UBND tỉnh Đồng Nai",
                                            "Bộ Chính trị", "Ban Chấp hành Trung ương", ""};
  const std::vector<std::string> ref_issuers = {"", "UBND tỉnh Đồng Nai", "Bộ Chính trị"};
  const std::vector<std::string> ref_dates = {"", "2018", "2025-06-01"};
  int changed = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string number = numbers[(i * 7) % numbers.size()];
    const std::string cited = numbers[(i * 5 + 1) % numbers.size()];
    NewDocument d = MakeDocument("s" + std::to_string(i), number, "KH",
                                 dates[(i * 3) % dates.size()], issuers[(i * 11) % issuers.size()],
                                 "Thực hiện văn bản số " + cited, "Nội dung " + std::to_string(i));
    Put(Cite(d, cited, ref_dates[(i / 3) % ref_dates.size()],
             ref_issuers[(i * 13) % ref_issuers.size()]));
    const auto incremental = snapshot();
    ASSERT_TRUE(store_->ResolveAll().ok());
    ASSERT_EQ(snapshot(), incremental) << "after document " << i;
    for (const std::string& r : incremental) changed += r.find("resolved") != std::string::npos;
  }
  EXPECT_GT(changed, 0);
}

TEST_F(GraphTest, EdgeKindsAreStored) {
  Put(MakeDocument("x", "20/2019/QĐ-UBND", "QĐ", "2019-01-01", "UBND tỉnh Bình Sơn", "Cũ", "x"));
  NewDocument d =
      MakeDocument("y", "30/2026/QĐ-UBND", "QĐ", "2026-01-01", "UBND tỉnh Bình Sơn", "Quy chế mới",
                   "Điều 3. Quyết định này thay thế Quyết định số 20/2019/QĐ-UBND.");
  const std::int64_t id = Put(Cite(d, "20/2019/QĐ-UBND"));
  EXPECT_EQ(From(id)[0].kind, "replaces");
  auto detail = store_->GetDocument(id, 5);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail.value().refs[0].edge_kind, "replaces");
  EXPECT_EQ(detail.value().refs[0].status, "resolved");
}

TEST_F(GraphTest, DepthLimitsTheWalk) {
  // chain: programme → plan → resolution
  const std::int64_t nq = Put(Resolution("b", "2018-10-22"));
  const std::int64_t plan = Put(Cite(Plan("a", "1/KH-UBND", "35-NQ/TW"), "35-NQ/TW"));
  NewDocument prog = MakeDocument("c", "2/KH-SYT", "KH", "2026-03-01", "Sở Y tế",
                                  "Triển khai Kế hoạch số 1/KH-UBND", "I. MỤC ĐÍCH");
  const std::int64_t p = Put(Cite(prog, "1/KH-UBND"));
  auto one = BuildGraph(*store_, p, 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value().up.size(), 1u);
  EXPECT_EQ(one.value().nodes.count(nq), 0u);
  auto two = BuildGraph(*store_, p, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.value().up.size(), 2u);
  EXPECT_EQ(two.value().up_level.at(nq), 2);
  auto down = BuildGraph(*store_, nq, 3);
  ASSERT_TRUE(down.ok());
  ASSERT_EQ(down.value().down.size(), 2u);
  EXPECT_EQ(down.value().down[0].from, plan);
  EXPECT_EQ(down.value().down[1].from, p);
  EXPECT_FALSE(BuildGraph(*store_, 999, 1).ok());
}

TEST(GraphMigration, ReferencesStoredBeforeV3ResolveOnRequest) {
  testing::TempDir dir;
  const std::string path = dir / "v2.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), 2).ok());
    ASSERT_TRUE(
        db.value()
            ->Exec("INSERT INTO documents(id, sha256, path, format, encoding, kind, number, "
                   "number_key, date, text, read_warnings, parse_json, parser_version, "
                   "ingested_at, parsed_at) VALUES "
                   "(1, 'a', 'a.txt', 'text', 'utf-8', 'official', '35-NQ/TW', '35nqtw', "
                   "'2018-10-22', 'x', '[]', '{}', 'old', 'x', 'x'), "
                   "(2, 'b', 'b.txt', 'text', 'utf-8', 'official', '1/KH-UBND', '1khubnd', "
                   "'2026-01-01', 'x', '[]', '{}', 'old', 'x', 'x');"
                   "INSERT INTO refs(document_id, ord, number, number_key, span_begin, "
                   "span_end) VALUES (2, 0, '35-NQ/TW', '35nqtw', 0, 1)")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto before = store.value()->EdgesFrom(2);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before.value()[0].status, "pending");
  ASSERT_TRUE(store.value()->ResolveAll().ok());
  auto after = store.value()->EdgesFrom(2);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after.value()[0].to, 1);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty());
}

// v8 adds refs.citing_date (filled from the citing documents) and drops the stored
// candidate counts; references stored by v7 then resolve on arrival like new ones.
TEST(GraphMigration, V7ReferencesResolveOnArrivalAfterV8) {
  testing::TempDir dir;
  const std::string path = dir / "v7.db";
  {
    auto db = Db::Open(path, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db.value(), 7).ok());
    ASSERT_TRUE(
        db.value()
            ->Exec("INSERT INTO documents(id, sha256, path, format, encoding, kind, number, "
                   "number_key, date, text, read_warnings, parse_json, parser_version, "
                   "ingested_at, parsed_at) VALUES "
                   "(1, 'b', 'b.txt', 'text', 'utf-8', 'official', '1/KH-UBND', '1khubnd', "
                   "'2026-01-01', 'x', '[]', '{}', 'old', 'x', 'x');"
                   "INSERT INTO refs(document_id, ord, number, number_key, span_begin, "
                   "span_end, status, candidates) VALUES (1, 0, '35-NQ/TW', '35nqtw', 0, 1, "
                   "'pending', NULL);"
                   "INSERT INTO documents_fts(rowid, title, text, number, filters) "
                   "SELECT id, title, text, number, filters FROM documents")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto& db = static_cast<SqliteStore&>(*store.value()).db();
  auto date = db.Prepare("SELECT citing_date FROM refs");
  ASSERT_TRUE(date.ok() && date.value().Step().value());
  EXPECT_EQ(date.value().Text(0), "2026-01-01");
  date.value().Reset();
  auto put = store.value()->Put({Resolution("n", "2018-10-22")}, {}, false);
  ASSERT_TRUE(put.ok()) << put.error().message;
  auto edges = store.value()->EdgesFrom(1);
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(edges.value().size(), 1u);
  EXPECT_EQ(edges.value()[0].status, "resolved");
  EXPECT_EQ(edges.value()[0].to, put.value()[0].id);
  auto problems = store.value()->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

}  // namespace
}  // namespace dondoc::store
