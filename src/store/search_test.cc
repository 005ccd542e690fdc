// Search: how user text becomes an FTS5 query, folding end to end, number search in every
// written form, ranking (a title hit beats a body-only hit), filters, snippets.
#include "store/search.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

TEST(BuildMatch, RunsOfWordsArePhrasesAndSyntaxIsQuoted) {
  EXPECT_EQ(BuildMatch("dong nai").phrases, "\"dong nai\"");
  EXPECT_EQ(BuildMatch("dong nai").all_words, "\"dong\" AND \"nai\"");
  EXPECT_EQ(BuildMatch("đồng nai, chuyển đổi số").phrases, "\"đồng nai\" AND \"chuyển đổi số\"");
  EXPECT_EQ(BuildMatch("\"kế hoạch\" 2024").phrases, "\"kế hoạch\" AND \"2024\"");
  EXPECT_EQ(BuildMatch("\u201Cchỉ thị\u201D").phrases, "\"chỉ thị\"");
  // FTS5 syntax typed by the user is only text.
  EXPECT_EQ(BuildMatch("a OR b NEAR(c) title:x*").phrases, "\"a OR b NEAR(c) title:x*\"");
  EXPECT_EQ(BuildMatch("- … ,").phrases, "");
  EXPECT_EQ(BuildMatch("  ").phrases, "");
}

TEST(BuildMatch, NumberKeys) {
  for (const char* q : {"35-NQ/TW", "35/NQ-TW", "35 NQ TW", "35 nq tw", " 35.NQ.TW "}) {
    EXPECT_TRUE(LooksLikeNumber(q)) << q;
    EXPECT_EQ(BuildMatch(q).number_key, "35nqtw") << q;
  }
  EXPECT_EQ(BuildMatch("13/KH-STTTT").number_key, "13khstttt");
  EXPECT_EQ(BuildMatch("45/2023/NĐ-CP").number_key, "452023ndcp");
  EXPECT_EQ(BuildMatch("45/2023/ND-CP").number_key, "452023ndcp");
  for (const char* q : {"dong nai", "2024", "35", "35%", "kế hoạch 35"}) {
    EXPECT_FALSE(LooksLikeNumber(q)) << q;
    EXPECT_EQ(BuildMatch(q).number_key, "") << q;
  }
}

TEST(MatchPhrases, FoldedWordsOfEachQuotedPhrase) {
  using P = std::vector<Phrase>;
  EXPECT_EQ(MatchPhrases("\"Đồng Nai\" AND \"35-NQ/TW\""),
            (P{{"dong", "nai"}, {"35", "nq", "tw"}}));
  EXPECT_EQ(MatchPhrases(BuildMatch("ĐƯỜNG bộ, hoà").phrases), (P{{"duong", "bo"}, {"hoa"}}));
  EXPECT_EQ(MatchPhrases(BuildMatch("a\"b").phrases), (P{{"a"}, {"b"}}));
  EXPECT_EQ(MatchPhrases("\"x\"\"y\""), (P{{"x", "y"}}));  // a quote inside a phrase
  EXPECT_EQ(MatchPhrases(""), P{});
}

// Columns title, text, number as FTS5 has them; the title and number empty unless a test
// needs them.
std::string Snip(const std::string& text, const std::string& query, const std::string& title = "",
                 const std::string& number = "") {
  return MakeSnippet({title, text, number}, MatchPhrases(BuildMatch(query).phrases), "[", "]");
}

std::string Words(int from, int to) {  // "w<from> … w<to-1>"
  std::string out;
  for (int i = from; i < to; ++i) out += (out.empty() ? "w" : " w") + std::to_string(i);
  return out;
}

TEST(MakeSnippet, FoldsAccentsDAndCase) {
  const std::string t = "Kế hoạch của tỉnh ĐỒNG NAI về đường bộ.";
  EXPECT_EQ(Snip(t, "dong nai"), "Kế hoạch của tỉnh [ĐỒNG NAI] về đường bộ.");
  EXPECT_EQ(Snip(t, "duong"), "Kế hoạch của tỉnh ĐỒNG NAI về [đường] bộ.");
  EXPECT_EQ(Snip(t, "KE HOẠCH"), "[Kế hoạch] của tỉnh ĐỒNG NAI về đường bộ.");
  EXPECT_EQ(Snip("hoà bình", "hòa"), "[hoà] bình");  // old and new tone placement
  // NFD text: the mark takes the combining marks with their letters.
  const std::string nfd = "t\u1EC9nh \u0110o\u0302\u0300ng Nai";
  EXPECT_EQ(Snip(nfd, "dong"), "t\u1EC9nh [\u0110o\u0302\u0300ng] Nai");
}

TEST(MakeSnippet, PhrasesAreMarkedWholeAndOnlyInOrder) {
  EXPECT_EQ(Snip("Công tác văn thư, lưu trữ.", "van thu"), "Công tác [văn thư], lưu trữ.");
  EXPECT_EQ(MakeSnippet({"văn bản và thư"}, MatchPhrases("\"van thu\""), "[", "]"),
            "văn bản và thư");                        // not in order: no occurrence
  EXPECT_EQ(Snip("a b c d", "a, b"), "[a] [b] c d");  // two phrases apart
  // Overlapping occurrences are one mark.
  EXPECT_EQ(MakeSnippet({"x kế hoạch y"}, {{"ke", "hoach"}, {"hoach", "y"}}, "<", ">"),
            "x <kế hoạch y>");
}

TEST(MakeSnippet, WindowsOfALongText) {
  const std::string t = Words(0, 100) + ".";
  // At the start: no leading ellipsis, 16 words, then one.
  EXPECT_EQ(Snip(t, "w0"), "[w0] " + Words(1, 16) + "…");
  // At the end: the window ends with the text, its last punctuation included.
  EXPECT_EQ(Snip(t, "w99"), "…" + Words(84, 99) + " [w99].");
  // In the middle: centred on the hit.
  EXPECT_EQ(Snip(t, "w50"), "…" + Words(43, 50) + " [w50] " + Words(51, 59) + "…");
  // The window with both phrases wins over one with a single phrase repeated.
  const std::string u =
      "x y x y x y " + Words(0, 40) + " x " + Words(40, 45) + " z " + Words(45, 80);
  EXPECT_NE(Snip(u, "x, z").find("[x] " + Words(40, 45) + " [z]"), std::string::npos)
      << Snip(u, "x, z");
}

TEST(MakeSnippet, AWindowStartsAtTheSentence) {
  const std::string t = Words(0, 40) + ". Kế hoạch số 5 về " + Words(40, 80);
  EXPECT_EQ(Snip(t, "so 5"), "…Kế hoạch [số 5] về " + Words(40, 51) + "…");
}

TEST(MakeSnippet, TheFirstColumnWithTheBestWindow) {
  EXPECT_EQ(Snip("Nội dung về thuế.", "thue", "Hướng dẫn thuế"), "Hướng dẫn [thuế]");
  // The text has both phrases, the title one.
  EXPECT_EQ(Snip("thuế và phí", "thue, phi", "Hướng dẫn thuế"), "[thuế] và [phí]");
  EXPECT_EQ(Snip("nội dung", "35 NQ TW", "", "35-NQ/TW"), "[35-NQ/TW]");
  // No occurrence anywhere: the start of the title.
  EXPECT_EQ(Snip("nội dung", "khác", "Hướng dẫn thuế"), "Hướng dẫn thuế");
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_ / "s.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s.value());
    using testing::MakeDocument;
    docs_ = {
        // 1: about digital transformation in its title, mentions it once.
        MakeDocument("a1", "13/KH-STTTT", "KH", "2019-03-19", "Sở Thông tin và Truyền thông",
                     "Kế hoạch chuyển đổi số tỉnh Đồng Nai năm 2019",
                     "Triển khai các nhiệm vụ trong năm."),
        // 2: body-only mentions, several of them.
        MakeDocument("b2", "20/QĐ-UBND", "QĐ", "2020-05-02", "Ủy ban nhân dân tỉnh Vĩnh Long",
                     "Quyết định về công tác văn thư",
                     "Có nhắc đến chuyển đổi số. Lại nhắc chuyển đổi số. Và chuyển đổi số nữa."),
        // 3: the Party resolution, and a document citing it.
        MakeDocument("c3", "35-NQ/TW", "NQ", "2018-10-22", "Bộ Chính trị",
                     "Nghị quyết về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
                     "Nội dung nghị quyết."),
        MakeDocument("d4", "45/2023/NĐ-CP", "NĐ", "2023-07-01", "Chính phủ",
                     "Nghị định quy định chi tiết",
                     "Căn cứ Nghị quyết số 35-NQ/TW ngày 22/10/2018."),
        MakeDocument("e5", "88/KH-UBND", "KH", "2021-01-04", "UBND huyện Hòa Bình",
                     "Kế hoạch phòng chống thiên tai", "hoà bình, ĐỒNG NAI"),
    };
    // 4 cites 3, as the parser reads it (number search finds citing documents by their
    // references: NumberWord, search.h).
    const std::string& body = docs_[3].text;
    const auto at = static_cast<std::uint32_t>(body.find("35-NQ/TW"));
    docs_[3].doc.references.push_back({"NQ", "35-NQ/TW", "2018-10-22", "", "", {at, at + 8}});
    auto put = store_->Put(docs_, {}, false);
    ASSERT_TRUE(put.ok()) << put.error().message;
    for (const PutResult& r : put.value()) ids_.push_back(r.id);
  }
  std::vector<std::int64_t> Ids(const SearchQuery& q, bool* relaxed = nullptr) {
    auto r = store_->Search(q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::int64_t> out;
    if (!r.ok()) return out;
    for (const SearchHit& h : r.value().hits) out.push_back(h.row.id);
    if (relaxed != nullptr) *relaxed = r.value().relaxed;
    return out;
  }
  std::vector<std::int64_t> Ids(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return Ids(q);
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<NewDocument> docs_;
  std::vector<std::int64_t> ids_;
};

TEST_F(SearchTest, FoldingAlike) {
  const auto expected = Ids("Đồng Nai");
  EXPECT_EQ(expected.size(), 2u);
  EXPECT_EQ(Ids("dong nai"), expected);
  EXPECT_EQ(Ids("ĐỒNG NAI"), expected);
  EXPECT_EQ(Ids("Do\u0302\u0300ng Nai"), expected);  // NFD
  EXPECT_EQ(Ids("hòa bình"), Ids("hoà bình"));       // new / old tone placement
  EXPECT_EQ(Ids("hoa binh").size(), 1u);
}

TEST_F(SearchTest, TitleHitBeatsBodyOnlyHit) {
  const auto ids = Ids("chuyen doi so");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], ids_[0]) << "the document with the words in its title comes first";
  EXPECT_EQ(ids[1], ids_[1]);
}

// The bounded ranking (sqlite_search.cc): only the newest matches are ranked (at least as
// many as the hits asked for); among them the title hit still comes first.
TEST_F(SearchTest, RankingAmongTheNewestMatches) {
  auto& store = static_cast<SqliteStore&>(*store_);
  // "chuyen doi so": in the title of 1, the body of 2, and of a newer document 6.
  auto put = store_->Put({testing::MakeDocument("g7", "9/CV-UBND", "CV", "2024-01-01", "",
                                                "Công văn về văn thư", "Chuyển đổi số.")},
                         {}, false);
  ASSERT_TRUE(put.ok());
  const std::int64_t newest = put.value()[0].id;
  SearchQuery best;
  best.text = "chuyen doi so";
  best.limit = 1;
  store.SetSearchBounds({3, 3});  // every match is a candidate: the title hit is best
  EXPECT_EQ(Ids(best), std::vector<std::int64_t>{ids_[0]});
  store.SetSearchBounds({2, 2});  // the newest two only: 1 is not among them
  const auto bounded = Ids(best);
  ASSERT_EQ(bounded.size(), 1u);
  EXPECT_TRUE(bounded[0] == ids_[1] || bounded[0] == newest);
  // Never fewer candidates than the hits asked for.
  store.SetSearchBounds({1, 1});
  EXPECT_EQ(Ids("chuyen doi so").size(), 3u);
  EXPECT_EQ(Ids("chuyen doi so").at(0), ids_[0]);
  // Filters count the candidates that pass them.
  best.year = 2019;
  EXPECT_EQ(Ids(best), std::vector<std::int64_t>{ids_[0]});
}

// Put indexes a batch in one statement at its end: the documents of the batch are found, one
// the schema refused (rolled back to its savepoint) is not indexed, and the index agrees with
// the documents (Check runs FTS5's integrity-check against them).
TEST_F(SearchTest, ABatchIsIndexedWithoutItsRefusedDocument) {
  auto& db = static_cast<SqliteStore&>(*store_).db();
  ASSERT_TRUE(db.Exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents "
                      "WHEN new.number = '2/KH-X' BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  using testing::MakeDocument;
  auto put = store_->Put({MakeDocument("h1", "1/KH-X", "KH", "2024-02-01", "", "Một", "tiêm chủng"),
                          MakeDocument("h2", "2/KH-X", "KH", "2024-02-02", "", "Hai", "tiêm chủng"),
                          MakeDocument("h3", "3/KH-X", "KH", "2024-02-03", "", "Ba", "tiêm chủng")},
                         {}, false);
  ASSERT_TRUE(put.ok()) << put.error().message;
  EXPECT_EQ(put.value()[1].outcome, PutOutcome::kFailed);
  const auto ids = Ids("tiem chung");
  EXPECT_EQ(ids, (std::vector<std::int64_t>{put.value()[2].id, put.value()[0].id}));
  auto problems = store_->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems.value().empty()) << problems.value()[0];
}

// dondoc_bm25 is bm25() where the phrase counts are exact (here: below kIdfSample rows).
TEST_F(SearchTest, RankFunctionIsBm25) {
  auto& db = static_cast<SqliteStore&>(*store_).db();
  for (const char* text : {"chuyen doi so", "ke hoach", "dong nai, hoa binh", "nghi quyet"}) {
    auto s = db.Prepare(
        "SELECT bm25(documents_fts, 5.0, 1.0, 2.0, 0.0), "
        "dondoc_bm25(documents_fts, 5.0, 1.0, 2.0, 0.0) FROM documents_fts WHERE documents_fts "
        "MATCH ?1");
    ASSERT_TRUE(s.ok()) << s.error().message;
    s.value().BindText(1, TextColumns(BuildMatch(text).phrases));
    int rows = 0;
    for (;;) {
      auto row = s.value().Step();
      ASSERT_TRUE(row.ok()) << row.error().message;
      if (!row.value()) break;
      ++rows;
      EXPECT_LT(s.value().Real(0), 0) << text;
      EXPECT_DOUBLE_EQ(s.value().Real(1), s.value().Real(0)) << text;
    }
    EXPECT_GT(rows, 0) << text;
  }
}

TEST_F(SearchTest, NumberInEveryForm) {
  for (const char* q : {"35-NQ/TW", "35/NQ-TW", "35 NQ TW", "35 nq tw"}) {
    const auto ids = Ids(q);
    ASSERT_FALSE(ids.empty()) << q;
    EXPECT_EQ(ids[0], ids_[2]) << q;
  }
  // The citing document follows the document itself, once.
  const auto ids = Ids("35-NQ/TW");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], ids_[3]);
  EXPECT_EQ(Ids("13/KH-STTTT").at(0), ids_[0]);
  EXPECT_EQ(Ids("45/2023/ND-CP").at(0), ids_[3]);
  // Cited only: found by the reference, the same in every form.
  NewDocument cites = testing::MakeDocument("f6", "", "", "", "", "Báo cáo",
                                            "Theo Nghị quyết số 99-NQ/TW đã ban hành.");
  cites.doc.references.push_back({"NQ", "99-NQ/TW", "", "", "", {0, 1}});
  auto put = store_->Put({cites}, {}, false);
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(Ids("99 NQ TW") == std::vector<std::int64_t>{put.value()[0].id});
}

// Number-shaped text that no document carries or cites is searched as words: a year and
// words, or a number a text writes without it being read as a reference.
TEST_F(SearchTest, NumberShapedWordsStillFindTheirText) {
  auto put = store_->Put(
      {testing::MakeDocument("g7", "", "", "", "", "Báo cáo", "Tổng kết năm 2024 kế hoạch mới.")},
      {}, false);
  ASSERT_TRUE(put.ok());
  ASSERT_TRUE(LooksLikeNumber("2024 ke hoach"));
  EXPECT_EQ(Ids("2024 ke hoach"), std::vector<std::int64_t>{put.value()[0].id});
  // With a '/' it is a number: only what carries or cites it.
  put = store_->Put({testing::MakeDocument("h8", "", "", "", "", "Báo cáo",
                                           "Nhắc văn bản 77/KH-UBND mà không trích dẫn.")},
                    {}, false);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(Ids("77 KH UBND"), std::vector<std::int64_t>{put.value()[0].id});
  EXPECT_TRUE(Ids("77/KH-UBND").empty());
}

TEST_F(SearchTest, Filters) {
  SearchQuery q;
  q.text = "ke hoach";
  EXPECT_EQ(Ids(q).size(), 2u);
  q.type = "kh";
  EXPECT_EQ(Ids(q).size(), 2u);
  q.year = 2021;
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{ids_[4]});
  q = {};
  q.text = "nghi";
  q.type = "NĐ";
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{ids_[3]});
  q.type = "nd";
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{ids_[3]});
  q = {};
  q.text = "quyết định";
  q.issuer = "vinh long";
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{ids_[1]});
  q.unit = "vĩnh long";  // the issuer counts as a unit of the document
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{ids_[1]});
  q.unit = "hai phong";
  EXPECT_TRUE(Ids(q).empty());
}

// Filters are words of the FTS5 column `filters` (migration v6), ANDed to the text query:
// the documents that pass them are found however many newer matches do not, with
// the candidates bounded to one.
TEST_F(SearchTest, SelectiveFiltersFindOldDocuments) {
  auto& store = static_cast<SqliteStore&>(*store_);
  using testing::MakeDocument;
  // 40 newer plans about taxes, each with a task for the Department of Finance.
  std::vector<NewDocument> many;
  for (int i = 0; i < 40; ++i) {
    NewDocument d = MakeDocument("t" + std::to_string(i), std::to_string(100 + i) + "/KH-UBND",
                                 "KH", "2022-02-0" + std::to_string(1 + i % 9),
                                 "Ủy ban nhân dân tỉnh Long An", "Kế hoạch thu thuế", "Thuế.");
    d.doc.tasks.push_back({});
    d.doc.tasks.back().units.push_back({"Sở Tài chính", "", "lead", {0, 1}});
    many.push_back(std::move(d));
  }
  // The oldest tax documents: an official letter, and one plan whose task names another unit.
  NewDocument letter = MakeDocument("cv", "5/CV-STC", "CV", "2020-06-01",
                                    "Sở Tài chính tỉnh Hà Nam", "Công văn về thuế", "Thuế.");
  NewDocument plan = MakeDocument("kh", "6/KH-UBND", "KH", "2021-06-01",
                                  "Ủy ban nhân dân tỉnh Long An", "Kế hoạch thuế", "Thuế.");
  plan.doc.tasks.push_back({});
  plan.doc.tasks.back().units.push_back({"Sở Giáo dục và Đào tạo", "", "lead", {0, 1}});
  auto old = store_->Put({letter, plan}, {}, false);
  ASSERT_TRUE(old.ok()) << old.error().message;
  ASSERT_TRUE(store_->Put(many, {}, false).ok());
  store.SetSearchBounds({1, 1});
  SearchQuery q;
  q.text = "thuế";
  q.limit = 5;
  q.type = "CV";  // one document of 42 passes
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{old.value()[0].id});
  q.year = 2020;  // combined: still that one
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{old.value()[0].id});
  q.year = 2021;  // none passes both
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.text = "thue";
  q.unit = "so giao duc";  // a task unit, named in one document only
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{old.value()[1].id});
  q.type = "KH";
  q.year = 2021;
  q.issuer = "long an";
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{old.value()[1].id});
  q.issuer = "ha nam";  // the issuer of the letter, not of this plan
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.text = "thue";
  q.issuer = "so tai chinh";  // the letter's issuer; the plans only name it in tasks
  EXPECT_EQ(Ids(q), std::vector<std::int64_t>{old.value()[0].id});
  q.issuer = "tai chi";  // whole words only
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.text = "thue";
  q.type = "QĐ";  // no such document at all
  EXPECT_TRUE(Ids(q).empty());
  q.type = "\"";  // a quote is only a character
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.text = "thue";
  q.limit = 50;
  q.unit = "so tai chinh";  // passed by the many and the letter (its issuer)
  EXPECT_EQ(Ids(q).size(), 41u);
  // The filter words are not text: no document says "Y2020".
  EXPECT_TRUE(Ids("Y2020").empty());
  EXPECT_TRUE(Ids("Tcv").empty());
}

TEST(FilterWords, PrefixesEachWord) {
  EXPECT_EQ(FilterWords("ubnd tinh ha noi", 'i'), "iubnd itinh iha inoi");
  EXPECT_EQ(FilterWords("ba ria - vung tau,so y te", 'u'), "uba uria uvung utau uso uy ute");
  EXPECT_EQ(FilterWords("  35/KH  ", 'i'), "i35 iKH");
  EXPECT_EQ(FilterWords("", 'i'), "");
  EXPECT_EQ(FilterWords(" - ", 'i'), "");
}

TEST_F(SearchTest, RelaxedWhenThePhraseIsAbsent) {
  bool relaxed = false;
  SearchQuery q;
  q.text = "nai dong";  // both words are there, never in this order
  EXPECT_EQ(Ids(q, &relaxed).size(), 2u);
  EXPECT_TRUE(relaxed);
}

TEST_F(SearchTest, SnippetMarksTheMatch) {
  SearchQuery q;
  q.text = "van thu";
  q.mark_open = "<";
  q.mark_close = ">";
  auto r = store_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().hits.size(), 1u);
  EXPECT_NE(r.value().hits[0].snippet.find("<văn thư>"), std::string::npos)
      << r.value().hits[0].snippet;
}

// MakeSnippet against FTS5's own snippet() over the same rows: the snippets it replaced.
TEST_F(SearchTest, SnippetsAreThoseFts5Made) {
  std::string longer;
  for (int i = 0; i < 60; ++i) {
    longer += "Câu " + std::to_string(i) + (i % 7 == 0 ? ": " : " về ") +
              (i % 11 == 0 ? "chuyển đổi số và " : "") + "kế hoạch năm " + std::to_string(i) +
              (i % 5 == 0 ? ". " : ", ");
  }
  auto put = store_->Put(
      {testing::MakeDocument("f6", "7/KH-UBND", "KH", "2022-01-01", "", "Kế hoạch năm", longer)},
      {}, false);
  ASSERT_TRUE(put.ok());
  auto& db = static_cast<SqliteStore&>(*store_).db();
  for (const char* text : {"chuyen doi so", "ke hoach", "nam 35", "dong nai", "van thu",
                           "ĐỒNG NAI, hoà bình", "35-NQ/TW", "cau, 12", "nghi quyet"}) {
    const std::string match = BuildMatch(text).phrases;
    auto s = db.Prepare(
        "SELECT snippet(documents_fts, -1, '[', ']', '…', 16), d.title, d.text, d.number "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH ?1");
    ASSERT_TRUE(s.ok());
    s.value().BindText(1, match);
    int rows = 0;
    for (;;) {
      auto row = s.value().Step();
      ASSERT_TRUE(row.ok());
      if (!row.value()) break;
      ++rows;
      const std::string title = s.value().Text(1), body = s.value().Text(2),
                        number = s.value().Text(3);
      EXPECT_EQ(MakeSnippet({title, body, number}, MatchPhrases(match), "[", "]"),
                s.value().Text(0))
          << text;
    }
    EXPECT_GT(rows, 0) << text;
  }
}

TEST_F(SearchTest, UserSyntaxNeverBreaksTheQuery) {
  for (const char* q : {"\"", "a\" OR \"b", "NEAR(a b)", "*", "title:ke", "(", "-x", "AND", "'",
                        "%_", "35-NQ/TW\""}) {
    SearchQuery sq;
    sq.text = q;
    auto r = store_->Search(sq);
    EXPECT_TRUE(r.ok() || r.error().code == "empty_query") << q << ": " << r.error().message;
  }
}

}  // namespace
}  // namespace dondoc::store
