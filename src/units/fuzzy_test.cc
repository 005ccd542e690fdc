#include "units/fuzzy.h"

#include <gtest/gtest.h>

namespace dondoc::units {
namespace {

TEST(Fuzzy, EditDistanceWithinTheBound) {
  EXPECT_EQ(BoundedEditDistance("phong buu chinh", "phong bru chinh", 2), 1);
  EXPECT_EQ(BoundedEditDistance("so tai chinh", "so tai chinh", 1), 0);
  EXPECT_EQ(BoundedEditDistance("so y te", "so yte", 1), 1);
  EXPECT_EQ(BoundedEditDistance("abc", "", 3), 3);
  EXPECT_EQ(BoundedEditDistance("", "", 0), 0);
}

TEST(Fuzzy, BeyondTheBound) {
  EXPECT_EQ(BoundedEditDistance("so tai chinh", "so noi vu", 2), 3);
  EXPECT_EQ(BoundedEditDistance("abcdef", "ab", 2), 3);  // length gap alone
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 3), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 2), 3);
}

TEST(Fuzzy, Bound) {
  EXPECT_EQ(FuzzyBound(9), 0);  // "cuc thuy" is not "cuc thue"
  EXPECT_EQ(FuzzyBound(12), 1);
  EXPECT_EQ(FuzzyBound(20), 2);
  EXPECT_EQ(FuzzyBound(40), 3);
}

}  // namespace
}  // namespace dondoc::units
