#include "units/normalize.h"

#include <gtest/gtest.h>

namespace dondoc::units {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.word);
  return out;
}

using V = std::vector<std::string>;

TEST(Normalize, FoldsAndSplits) {
  EXPECT_EQ(Words("Sở Giáo dục và Đào tạo"), (V{"so", "giao", "duc", "va", "dao", "tao"}));
  EXPECT_EQ(Words("Sở TT&TT"), (V{"so", "tt", "va", "tt"}));
  EXPECT_EQ(Words("**Lao động - Thương binh**\nvà Xã hội"),
            (V{"lao", "dong", "thuong", "binh", "va", "xa", "hoi"}));
  EXPECT_EQ(Words("UBND Thành phố Hà Nội"), (V{"ubnd", "tp", "ha", "noi"}));
  EXPECT_EQ(Words(""), V{});
}

TEST(Normalize, SpansPointIntoTheOriginal) {
  std::string_view text = "Ủy ban, Sở";
  std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(text.substr(t[0].begin, t[0].end - t[0].begin), "Ủy");
  EXPECT_EQ(text.substr(t[2].begin, t[2].end - t[2].begin), "Sở");
  std::vector<Token> tp = Tokenize("tại thành phố");
  ASSERT_EQ(tp.size(), 2u);
  EXPECT_EQ(tp[1].end - tp[1].begin, std::string_view("thành phố").size());
}

TEST(Normalize, Codes) {
  std::vector<Token> t = Tokenize("UBND CAT Cát CÁT Y HĐND Ubnd");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_TRUE(t[0].code);
  EXPECT_TRUE(t[1].code);
  EXPECT_FALSE(t[2].code);
  EXPECT_FALSE(t[3].code);  // a diacritic: a word in capitals, not a code
  EXPECT_FALSE(t[4].code);  // one letter
  EXPECT_TRUE(t[5].code);   // Đ is allowed
  EXPECT_FALSE(t[6].code);
  EXPECT_TRUE(t[2].capitalized);
}

TEST(Normalize, MarksIgnoreTonePlacement) {
  std::vector<Token> a = Tokenize("hoà tạo");
  std::vector<Token> b = Tokenize("hòa tao");
  EXPECT_EQ(a[0].marks, b[0].marks);
  EXPECT_NE(a[1].marks, b[1].marks);
  // NFD input: o + combining grave + a.
  std::vector<Token> nfd = Tokenize(
      "ho\xCC\x80"
      "a");
  EXPECT_EQ(nfd[0].word, "hoa");
  EXPECT_EQ(nfd[0].marks, b[0].marks);
}

TEST(Normalize, SymbolsAndLines) {
  std::vector<Token> t = Tokenize("số 97/TTr-STTTT ngày\nSở");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_FALSE(t[0].in_symbol);
  EXPECT_TRUE(t[1].in_symbol);  // 97
  EXPECT_TRUE(t[3].in_symbol);  // STTTT
  EXPECT_FALSE(t[4].in_symbol);
  EXPECT_TRUE(t[5].line_start);
}

TEST(Normalize, CleanName) {
  EXPECT_EQ(CleanName("  **Sở Y\n tế**  "), "Sở Y tế");
  EXPECT_EQ(CleanName(""), "");
}

}  // namespace
}  // namespace dondoc::units
