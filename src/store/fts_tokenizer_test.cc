// The `vi` tokenizer: folding of đ, case, diacritics, tone placement and NFD, and agreement
// with text::Fold on the project's samples.
#include "store/fts_tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/test_util.h"
#include "text/fold.h"

namespace dondoc::store {
namespace {

// An in-memory database with one FTS5 table using `vi` and a vocabulary view of its terms.
class ViTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(":memory:", {});
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db.value());
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='vi');"
                          "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');")
                    .ok());
  }
  void Add(const std::string& text) {
    auto s = db_->Prepare("INSERT INTO t(x) VALUES (?1)");
    ASSERT_TRUE(s.ok());
    s.value().BindText(1, text);
    ASSERT_TRUE(s.value().Run().ok());
  }
  // How many rows match `query` (an FTS5 expression).
  int Hits(const std::string& query) {
    auto s = db_->Prepare("SELECT count(*) FROM t WHERE t MATCH ?1");
    EXPECT_TRUE(s.ok());
    s.value().BindText(1, query);
    auto row = s.value().Step();
    EXPECT_TRUE(row.ok()) << row.error().message;
    return static_cast<int>(s.value().Int(0));
  }
  std::vector<std::string> Terms() {
    std::vector<std::string> out;
    auto s = db_->Prepare("SELECT term FROM v ORDER BY term");
    EXPECT_TRUE(s.ok());
    while (s.value().Step().value()) out.push_back(s.value().Text(0));
    return out;
  }
  std::unique_ptr<Db> db_;
};

TEST_F(ViTokenizerTest, FoldsDAndDiacritics) {
  Add("Đồng Nai đường Quyết định số 45/QĐ-UBND");
  EXPECT_EQ(Terms(), (std::vector<std::string>{"45", "dinh", "dong", "duong", "nai", "qd", "quyet",
                                               "so", "ubnd"}));
  for (const char* q : {"dong", "duong", "\"dong nai\"", "\"Đồng Nai\"", "\"ĐỒNG NAI\"",
                        "\"quyet dinh\"", "qd", "\"qđ ubnd\"", "\"QĐ-UBND\""}) {
    EXPECT_EQ(Hits(q), 1) << q;
  }
  EXPECT_EQ(Hits("\"nai dong\""), 0);  // a phrase keeps its order
}

TEST_F(ViTokenizerTest, OldAndNewTonePlacementAlike) {
  Add("hoà bình");                     // old placement: the mark on a (U+00E0)
  Add("thúy");                         // new placement: on y
  EXPECT_EQ(Hits("\"hòa bình\""), 1);  // new placement finds old
  EXPECT_EQ(Hits("hoa"), 1);
  EXPECT_EQ(Hits("thuý"), 1);  // old placement finds new
}

TEST_F(ViTokenizerTest, NfdInputAlike) {
  // "Việt Nam đồng" with every letter decomposed: e + U+0323 + U+0302, o + U+0302 + U+0300.
  Add("Vie\u0323\u0302t Nam \u0111o\u0302\u0300ng");
  EXPECT_EQ(Hits("\"Việt Nam\""), 1);
  EXPECT_EQ(Hits("dong"), 1);
  EXPECT_EQ(Hits("\"vie\u0302\u0323t\""), 1);  // NFD query, marks in the other order
}

TEST_F(ViTokenizerTest, EthLookAlikeIsD) {
  Add("\u00D0\u1ED3ng Th\u00E1p");  // Ð (U+00D0, Eth) as OCR writes Đ
  EXPECT_EQ(Hits("dong"), 1);
  EXPECT_EQ(Hits("\"Đồng Tháp\""), 1);
}

// The tokenizer and text::Fold must agree: PostgreSQL (and any C++ matching) uses the fold
// where SQLite uses the tokenizer. Every term of every sample is a word of its folded text.
TEST_F(ViTokenizerTest, AgreesWithTextFoldOnSamples) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/samples")) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  ASSERT_FALSE(files.empty());
  std::set<std::string> folded_words;
  for (const std::string& f : files) {
    const std::string text = testing::ReadFile(f);
    Add(text);
    // Words of the fold: runs of ASCII letters and digits (Vietnamese folds to ASCII).
    const std::string folded = text::Fold(text);
    std::string w;
    for (const char c : folded) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        w.push_back(c);
      } else if (!w.empty()) {
        folded_words.insert(w);
        w.clear();
      }
    }
    if (!w.empty()) folded_words.insert(w);
  }
  int missing = 0;
  for (const std::string& term : Terms()) {
    // Terms with non-ASCII letters (other scripts, symbols like ²) are outside the contract.
    if (std::any_of(term.begin(), term.end(), [](char c) { return (c & 0x80) != 0; })) continue;
    if (folded_words.count(term) == 0 && ++missing <= 10) {
      ADD_FAILURE() << "tokenizer term '" << term << "' is not a word of text::Fold";
    }
  }
  EXPECT_EQ(missing, 0);
}

// Every term of an index, with the row, column and position of each instance.
std::vector<std::string> Instances(Db& db, const std::string& vocab) {
  std::vector<std::string> out;
  auto s = db.Prepare("SELECT term, doc, col, offset FROM " + vocab +
                      " ORDER BY doc, col, offset, term");
  EXPECT_TRUE(s.ok());
  while (s.value().Step().value()) {
    out.push_back(s.value().Text(0) + "@" + std::to_string(s.value().Int(1)) + "." +
                  s.value().Text(2) + "." + std::to_string(s.value().Int(3)));
  }
  return out;
}

// Tokens made off the connection (TokenizeColumn, as the ingest's parser threads do) and
// replayed into the index (ReplayTokens, as Put does) give the index that tokenizing there
// gives: the same terms at the same places, and highlights at the same bytes. Checked on
// every sample document, with a title-like and an empty column beside the text.
TEST(ReplayTokensTest, ReplayedTokensIndexAsTokenizing) {
  auto db = Db::Open(":memory:", {});
  ASSERT_TRUE(db.ok()) << db.error().message;
  Db& d = *db.value();
  for (const char* t : {"a", "b"}) {
    ASSERT_TRUE(d.Exec(std::string("CREATE VIRTUAL TABLE ") + t +
                       " USING fts5(title, body, num, tokenize='vi');"
                       "CREATE VIRTUAL TABLE " +
                       t + "_i USING fts5vocab(" + t + ", 'instance');")
                    .ok());
  }
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/samples")) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u);
  // NFD, đ/Đ, an Eth, case and long words, beside the samples.
  const std::string extra = "ĐỒNG Nai Ðà\xCC\x80 thuý thúy 35-NQ/TW " + std::string(300, 'x');
  std::int64_t rowid = 0;
  for (const std::string& f : files) {
    const std::string body = testing::ReadFile(f) + extra;
    const std::array<std::optional<std::string_view>, 4> columns = {
        std::string_view("KẾ HOẠCH Triển khai Nghị quyết số 35-NQ/TW"), std::string_view(body),
        std::string_view(""), std::nullopt};
    std::vector<ColumnTokens> tokens(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i]) {
        ASSERT_TRUE(TokenizeColumn(*columns[i], &tokens[i]));
      }
    }
    ++rowid;
    for (const char* t : {"a", "b"}) {
      auto s = d.Prepare(std::string("INSERT INTO ") + t +
                         "(rowid, title, body, num) VALUES (?1, ?2, ?3, ?4)");
      ASSERT_TRUE(s.ok());
      s.value().Bind(1, rowid).BindText(2, *columns[0]).BindText(3, *columns[1]).BindText(4, "");
      if (std::string(t) == "b") {
        const ReplayTokens replay(columns, tokens);
        ASSERT_TRUE(s.value().Run().ok());
      } else {
        ASSERT_TRUE(s.value().Run().ok());
      }
    }
  }
  const auto a = Instances(d, "a_i");
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, Instances(d, "b_i"));
  for (const char* q : {"dong nai", "nghi quyet", "thuy"}) {
    std::string ha, hb;
    for (const char* t : {"a", "b"}) {
      // An auxiliary function cannot run inside an aggregate: hence the subquery.
      auto s =
          d.Prepare(std::string("SELECT group_concat(h, '|') FROM (SELECT highlight(") + t +
                    ", 1, '[', ']') AS h FROM " + t + " WHERE " + t + " MATCH ?1 ORDER BY rowid)");
      ASSERT_TRUE(s.ok()) << s.error().message;
      s.value().BindText(1, q);
      auto row = s.value().Step();
      ASSERT_TRUE(row.ok()) << row.error().message;
      ASSERT_TRUE(row.value());
      (std::string(t) == "a" ? ha : hb) = s.value().Text(0);
    }
    EXPECT_FALSE(ha.empty()) << q;
    EXPECT_EQ(ha, hb) << q;
  }
}

// Replay is by the text's bytes: tokens are used only for the column whose text they were
// made of, and a text that matches none is tokenized as usual. (Tokens deliberately made of
// another text show which path was taken.)
TEST(ReplayTokensTest, ReplaysOnlyTheSameText) {
  auto db = Db::Open(":memory:", {});
  ASSERT_TRUE(db.ok());
  Db& d = *db.value();
  ASSERT_TRUE(d.Exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='vi');"
                     "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');")
                  .ok());
  std::vector<ColumnTokens> tokens(4);
  ASSERT_TRUE(TokenizeColumn("Hà Nội", &tokens[0]));
  const std::array<std::optional<std::string_view>, 4> columns = {
      std::string_view("Đà Nẵng"), std::nullopt, std::nullopt, std::nullopt};
  {
    const ReplayTokens replay(columns, tokens);
    for (const char* x : {"Đà Nẵng", "Huế"}) {
      auto s = d.Prepare("INSERT INTO t(x) VALUES (?1)");
      ASSERT_TRUE(s.ok());
      s.value().BindText(1, x);
      ASSERT_TRUE(s.value().Run().ok());
    }
  }
  auto s = d.Prepare("SELECT group_concat(term, ' ') FROM (SELECT term FROM v ORDER BY term)");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s.value().Step().value());
  // "Đà Nẵng" was given the tokens of "Hà Nội"; "Huế", matching nothing, was tokenized.
  EXPECT_EQ(s.value().Text(0), "ha hue noi");
}

}  // namespace
}  // namespace dondoc::store
