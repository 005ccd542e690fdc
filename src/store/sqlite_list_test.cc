// SqliteStore::ListDocuments, GetParseJson and OpenSqliteStoreReadOnly.
#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::store {
namespace {

using testing::MakeDocument;

class ListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_ / "s.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s.value());
    auto put = store_->Put({MakeDocument("h1", "1/KH-UBND", "KH", "2024-03-01", "UBND", "A", "a"),
                            MakeDocument("h2", "2/QĐ-UBND", "QĐ", "2025-01-02", "UBND", "B", "b"),
                            MakeDocument("h3", "3/KH-UBND", "KH", "2025-06-30", "UBND", "C", "c"),
                            MakeDocument("h4", "", "", "", "", "", "undated")},
                           {}, false);
    ASSERT_TRUE(put.ok()) << put.error().message;
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

std::vector<std::string> Titles(const DocumentPage& p) {
  std::vector<std::string> out;
  for (const DocumentRow& r : p.rows) out.push_back(r.title);
  return out;
}

TEST_F(ListTest, NewestFirstUndatedLast) {
  auto page = store_->ListDocuments({});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page.value().total, 4);
  EXPECT_EQ(Titles(page.value()), (std::vector<std::string>{"C", "B", "A", ""}));
}

TEST_F(ListTest, FiltersAndPages) {
  ListQuery q;
  q.type = "kh";  // folded, as in Search
  EXPECT_EQ(Titles(store_->ListDocuments(q).value()), (std::vector<std::string>{"C", "A"}));
  q.type = "QĐ";
  q.year = 2025;
  EXPECT_EQ(Titles(store_->ListDocuments(q).value()), (std::vector<std::string>{"B"}));
  ListQuery paged;
  paged.limit = 2;
  paged.offset = 1;
  auto p = store_->ListDocuments(paged).value();
  EXPECT_EQ(p.total, 4);
  EXPECT_EQ(Titles(p), (std::vector<std::string>{"B", "A"}));
  paged.offset = 10;
  EXPECT_TRUE(store_->ListDocuments(paged).value().rows.empty());
}

TEST_F(ListTest, ParseJsonAndUnknownId) {
  const std::int64_t id = store_->DocumentIds().value().front();
  auto json = store_->GetParseJson(id);
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json.value().find("dondoc/document@1"), std::string::npos);
  auto missing = store_->GetParseJson(999999);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "not_found");
}

TEST_F(ListTest, ReadOnlyOpenReadsAndRefusesWrites) {
  auto ro = OpenSqliteStoreReadOnly(dir_ / "s.db");
  ASSERT_TRUE(ro.ok()) << ro.error().message;
  EXPECT_EQ(ro.value()->ListDocuments({}).value().total, 4);
  auto put = ro.value()->Put({MakeDocument("h9", "", "", "", "", "", "z")}, {}, false);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.error().code, "read_only");
}

TEST_F(ListTest, ReadOnlyOpenOfMissingFileCreatesNothing) {
  auto ro = OpenSqliteStoreReadOnly(dir_ / "none.db");
  ASSERT_FALSE(ro.ok());
  EXPECT_EQ(ro.error().code, "not_found");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "none.db"));
}

}  // namespace
}  // namespace dondoc::store
