#include "parse/dates.h"

#include <gtest/gtest.h>

#include "text/fold.h"

namespace dondoc::parse {
namespace {

std::string At(std::string_view s) {
  const std::string f = text::Fold(s);
  auto d = DateAt(f, 0);
  return d ? IsoDate(d->year, d->month, d->day) : "none";
}

TEST(DatesTest, SpelledForms) {
  EXPECT_EQ(At("ngày 05 tháng 3 năm 2020"), "2020-03-05");
  EXPECT_EQ(At("ngày  19\ntháng 11 năm 2025"), "2025-11-19");
  EXPECT_EQ(At("NGAY 5 THANG 01 NAM 2026"), "2026-01-05");
  EXPECT_EQ(At("ngày 20 tháng 0 7 năm 2018"), "2018-07-20");  // OCR split month
}

TEST(DatesTest, NumericForms) {
  EXPECT_EQ(At("19/3/2019"), "2019-03-19");
  EXPECT_EQ(At("10-7-2019"), "2019-07-10");
  EXPECT_EQ(At("ngày 01/02/2024"), "2024-02-01");
}

TEST(DatesTest, ImpossibleDatesAreRefused) {
  EXPECT_EQ(At("32/13/2025"), "none");
  EXPECT_EQ(At("29/2/2025"), "none");
  EXPECT_EQ(At("29/2/2024"), "2024-02-29");
  EXPECT_EQ(At("ngày 31 tháng 4 năm 2025"), "none");
  EXPECT_EQ(At("ngày … tháng … năm 2025"), "none");
}

TEST(DatesTest, NumbersAreNotDates) { EXPECT_EQ(At("1/2020/QĐ-UBND"), "none"); }

TEST(DatesTest, FindDateSkipsWordInteriors) {
  const std::string f = text::Fold("Kế hoạch số 12, ban hành ngày 05 tháng 3 năm 2020.");
  auto d = FindDate(f, 0, f.size());
  ASSERT_TRUE(d);
  EXPECT_EQ(IsoDate(d->year, d->month, d->day), "2020-03-05");
  EXPECT_TRUE(d->spelled);
}

}  // namespace
}  // namespace dondoc::parse
