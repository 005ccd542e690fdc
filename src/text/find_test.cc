#include "text/find.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dondoc::text {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(FindTest, AgreesWithStringViewFind) {
  const std::string hay =
      "so tai chinh chu tri, phoi hop voi cac so, nganh lien quan; giao cho ubnd cac huyen "
      "bao cao ket qua truoc ngay 15/12 hang nam. muc dich, yeu cau";
  for (std::string_view needle : {"chu tri", "phoi hop", "giao ", "bao cao", "muc dich", "yeu cau",
                                  "so", "s", "x", "nam.", "ngay 15/12", "khong co", "", "cau"}) {
    for (std::size_t from = 0; from <= hay.size() + 1; ++from) {
      EXPECT_EQ(Find(hay, needle, from), std::string_view(hay).find(needle, from))
          << needle << " from " << from;
    }
  }
}

TEST(FindTest, EdgesAndShortHaystacks) {
  EXPECT_EQ(Find("", "ab"), npos);
  EXPECT_EQ(Find("ab", "ab"), 0U);
  EXPECT_EQ(Find("a", "ab"), npos);
  EXPECT_EQ(Find("ab", ""), 0U);
  EXPECT_EQ(Find(std::string(40, 'a') + "ab", "ab"), 40U);  // at the very end
  EXPECT_EQ(Find(std::string(33, 'a') + "b", "ab"), 32U);   // across a 16-byte block
  EXPECT_TRUE(Contains("ke hoach bao cao", "bao cao"));
  EXPECT_FALSE(Contains("ke hoach bao ca", "bao cao"));
}

// Random haystacks over a small alphabet (many near-matches) against string_view::find.
TEST(FindTest, RandomAgainstStringViewFind) {
  std::mt19937 rng(7);
  const std::string alphabet = "abc \n";
  for (int round = 0; round < 2000; ++round) {
    std::string hay(rng() % 80, ' ');
    for (char& c : hay) c = alphabet[rng() % alphabet.size()];
    std::string needle(1 + rng() % 6, ' ');
    for (char& c : needle) c = alphabet[rng() % alphabet.size()];
    const std::size_t from = rng() % (hay.size() + 2);
    ASSERT_EQ(Find(hay, needle, from), std::string_view(hay).find(needle, from))
        << "hay '" << hay << "' needle '" << needle << "' from " << from;
  }
}

}  // namespace
}  // namespace dondoc::text
