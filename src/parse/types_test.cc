#include "parse/types.h"

#include <gtest/gtest.h>

namespace dondoc::parse {
namespace {

TEST(TypesTest, CodesOfNd30AndOlderCodes) {
  ASSERT_TRUE(TypeByAbbr("KH"));
  EXPECT_EQ(TypeByAbbr("KH")->name, "Kế hoạch");
  EXPECT_EQ(TypeByAbbr("QyĐ")->name, "Quy định");
  EXPECT_EQ(TypeByAbbr("QĐ")->name, "Quyết định");    // Quy định decided by the printed name
  EXPECT_EQ(TypeByAbbr("GN")->name, "Bản ghi nhớ");   // TT 01/2011
  EXPECT_EQ(TypeByAbbr("BGN")->name, "Bản ghi nhớ");  // NĐ 30/2020
  EXPECT_EQ(TypeByAbbr("CV")->name, "Công văn");      // Party
  EXPECT_EQ(TypeByAbbr("NĐ")->name, "Nghị định");
  EXPECT_EQ(TypeByAbbr("XYZ"), nullptr);
  EXPECT_EQ(TypeByAbbr(""), nullptr);
}

TEST(TypesTest, LongestNameFirst) {
  const auto& all = AllTypes();
  std::size_t tt = 0, ttlt = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].folded == "thong tu") tt = i;
    if (all[i].folded == "thong tu lien tich") ttlt = i;
  }
  EXPECT_LT(ttlt, tt);
  EXPECT_EQ(TypeByFoldedName("ke hoach")->abbr, "KH");
  EXPECT_EQ(TypeByFoldedName("cong van")->abbr, "");
}

}  // namespace
}  // namespace dondoc::parse
