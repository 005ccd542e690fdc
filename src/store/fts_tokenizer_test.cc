// The `vi` tokenizer: folding of đ, case, diacritics, tone placement and NFD, and agreement
// with text::Fold on the project's samples.
#include "store/fts_tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
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

}  // namespace
}  // namespace dondoc::store
