#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dondoc::text {
namespace {

// Decodes every code point of s, collecting (code point, length) pairs.
std::vector<std::pair<char32_t, std::size_t>> DecodeAll(std::string_view s) {
  std::vector<std::pair<char32_t, std::size_t>> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t cp = DecodeAt(s, i, &len);
    EXPECT_GE(len, 1u);
    EXPECT_LE(i + len, s.size());
    out.emplace_back(cp, len);
    i += len;
  }
  return out;
}

std::string Encode(char32_t cp) {
  std::string s;
  AppendUtf8(cp, &s);
  return s;
}

TEST(Utf8Test, DecodesEachLength) {
  const std::string s = "a\xC3\xA1\xE1\xBB\x87\xF0\x9F\x93\x84";  // a á ệ 📄
  const auto cps = DecodeAll(s);
  ASSERT_EQ(cps.size(), 4u);
  EXPECT_EQ(cps[0], (std::pair<char32_t, std::size_t>{U'a', 1}));
  EXPECT_EQ(cps[1], (std::pair<char32_t, std::size_t>{0xE1, 2}));
  EXPECT_EQ(cps[2], (std::pair<char32_t, std::size_t>{0x1EC7, 3}));
  EXPECT_EQ(cps[3], (std::pair<char32_t, std::size_t>{0x1F4C4, 4}));
}

TEST(Utf8Test, EncodesBoundaries) {
  EXPECT_EQ(Encode(0x00), std::string(1, '\0'));
  EXPECT_EQ(Encode(0x7F), "\x7F");
  EXPECT_EQ(Encode(0x80), "\xC2\x80");
  EXPECT_EQ(Encode(0x7FF), "\xDF\xBF");
  EXPECT_EQ(Encode(0x800), "\xE0\xA0\x80");
  EXPECT_EQ(Encode(0xFFFF), "\xEF\xBF\xBF");
  EXPECT_EQ(Encode(0x10000), "\xF0\x90\x80\x80");
  EXPECT_EQ(Encode(0x10FFFF), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(Encode(0x110), "\xC4\x90");  // Đ
}

// Every scalar value survives encode → decode, and the encoded form is valid.
TEST(Utf8Test, RoundTripsEveryScalarValue) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string s = Encode(cp);
    std::size_t len = 0;
    const char32_t back = DecodeAt(s, 0, &len);
    ASSERT_EQ(back, cp) << std::hex << static_cast<std::uint32_t>(cp);
    ASSERT_EQ(len, s.size());
    ASSERT_EQ(SeqLen(static_cast<unsigned char>(s[0])), s.size());
    ASSERT_TRUE(IsValidUtf8(s));
  }
}

// Values that are not scalar values cannot be encoded; they become U+FFFD so the output
// stays well-formed.
TEST(Utf8Test, EncodesNonScalarValuesAsReplacement) {
  EXPECT_EQ(Encode(0xD800), "\xEF\xBF\xBD");
  EXPECT_EQ(Encode(0xDFFF), "\xEF\xBF\xBD");
  EXPECT_EQ(Encode(0x110000), "\xEF\xBF\xBD");
  EXPECT_EQ(Encode(0xFFFFFFFF), "\xEF\xBF\xBD");
}

TEST(Utf8Test, RealReplacementCharacterIsValid) {
  const std::string s = "\xEF\xBF\xBD";
  std::size_t len = 0;
  EXPECT_EQ(DecodeAt(s, 0, &len), kReplacement);
  EXPECT_EQ(len, 3u);
  EXPECT_TRUE(IsValidUtf8(s));
}

struct BadCase {
  const char* name;
  std::string bytes;
  std::size_t replacements;  // how many U+FFFD of length 1 the bytes decode to
};

class Utf8InvalidTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(Utf8InvalidTest, DecodesAsReplacementOfLengthOne) {
  const BadCase& c = GetParam();
  EXPECT_FALSE(IsValidUtf8(c.bytes));
  std::size_t bad = 0;
  for (const auto& [cp, len] : DecodeAll(c.bytes)) {
    if (cp == kReplacement) {
      EXPECT_EQ(len, 1u);
      ++bad;
    }
  }
  EXPECT_EQ(bad, c.replacements);
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, Utf8InvalidTest,
    ::testing::Values(
        BadCase{"lone_continuation", "\x80", 1}, BadCase{"continuation_run", "\x80\xBF\x80", 3},
        BadCase{"overlong_slash_2", "\xC0\xAF", 2}, BadCase{"overlong_nul_2", "\xC0\x80", 2},
        BadCase{"overlong_c1", "\xC1\xBF", 2}, BadCase{"overlong_3", "\xE0\x80\xAF", 3},
        BadCase{"overlong_3_max", "\xE0\x9F\xBF", 3}, BadCase{"overlong_4", "\xF0\x80\x80\xAF", 4},
        BadCase{"overlong_4_max", "\xF0\x8F\xBF\xBF", 4},
        BadCase{"surrogate_high", "\xED\xA0\x80", 3}, BadCase{"surrogate_low", "\xED\xBF\xBF", 3},
        BadCase{"surrogate_pair_cesu", "\xED\xA0\xBD\xED\xB2\xA9", 6},
        BadCase{"above_max", "\xF4\x90\x80\x80", 4}, BadCase{"lead_f5", "\xF5\x80\x80\x80", 4},
        BadCase{"lead_f8", "\xF8\x88\x80\x80\x80", 5}, BadCase{"lead_fe", "\xFE", 1},
        BadCase{"lead_ff", "\xFF", 1}, BadCase{"truncated_2", "ab\xC3", 1},
        BadCase{"truncated_3", "ab\xE1\xBB", 2}, BadCase{"truncated_4", "\xF0\x9F\x93", 3},
        BadCase{"bad_second",
                "\xC3"
                "A",
                1},
        BadCase{"bad_third",
                "\xE1\xBB"
                "A",
                2},
        BadCase{"latin1_vietnamese", "Vi\xEA\xF2t", 2}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Utf8Test, InvalidByteDoesNotSwallowFollowingAscii) {
  const auto cps = DecodeAll(
      "\xE1\xBB"
      "Ab");
  ASSERT_EQ(cps.size(), 4u);
  EXPECT_EQ(cps[2].first, U'A');
  EXPECT_EQ(cps[3].first, U'b');
}

TEST(Utf8Test, DecodeAtMiddleOfString) {
  const std::string s = "Số 12";  // S, ố (3 bytes), space ...
  std::size_t len = 0;
  EXPECT_EQ(DecodeAt(s, 1, &len), 0x1ED1u);
  EXPECT_EQ(len, 3u);
  // Starting inside a sequence: one replacement, advance by one.
  EXPECT_EQ(DecodeAt(s, 2, &len), kReplacement);
  EXPECT_EQ(len, 1u);
}

TEST(Utf8Test, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Cộng hòa xã hội chủ nghĩa Việt Nam"));
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
  EXPECT_FALSE(
      IsValidUtf8("Cộng h\xF2"
                  "a"));
}

TEST(Utf8Test, SeqLen) {
  EXPECT_EQ(SeqLen('a'), 1u);
  EXPECT_EQ(SeqLen(0x80), 1u);
  EXPECT_EQ(SeqLen(0xC3), 2u);
  EXPECT_EQ(SeqLen(0xE1), 3u);
  EXPECT_EQ(SeqLen(0xF0), 4u);
}

}  // namespace
}  // namespace dondoc::text
