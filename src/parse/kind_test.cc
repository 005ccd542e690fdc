#include "parse/kind.h"

#include <gtest/gtest.h>

namespace dondoc::parse {
namespace {

TEST(KindTest, OfficialNeedsTwoHeaderCells) {
  Header h;
  h.number = "12/KH-UBND";
  EXPECT_EQ(ClassifyKind("", h, false, false), "unknown");
  h.date = "2026-01-05";
  EXPECT_EQ(ClassifyKind("", h, false, false), "official");
  Header only_signers;
  EXPECT_EQ(ClassifyKind("", only_signers, true, true), "official");
}

TEST(KindTest, ArticleCitesADocument) {
  const Header none;
  EXPECT_EQ(ClassifyKind("Ngày 05/3/2026, UBND tỉnh Bình Sơn ban hành Kế hoạch số 88/KH-UBND về "
                         "bình đẳng giới.",
                         none, false, false),
            "article");
  EXPECT_EQ(ClassifyKind("Thời tiết hôm nay nắng đẹp, có 12 người tham dự.", none, false, false),
            "unknown");
}

}  // namespace
}  // namespace dondoc::parse
