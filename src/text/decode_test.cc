#include "text/decode.h"

#include <gtest/gtest.h>

#include <string>

#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

// A fictional header, mostly ASCII as real documents are.
constexpr const char* kHeader =
    "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 07/KH-UBND\nKẾ HOẠCH tổ chức ngày hội đọc sách năm 2031\n";

// Encodes UTF-8 text as UTF-16 (LE or BE), optionally with a byte-order mark.
std::string ToUtf16(std::string_view utf8, bool little, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char lo = static_cast<char>(u & 0xFF);
    const char hi = static_cast<char>(u >> 8);
    out.push_back(little ? lo : hi);
    out.push_back(little ? hi : lo);
  };
  if (bom) put(0xFEFF);
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 0;
    const char32_t cp = DecodeAt(utf8, i, &len);
    if (cp >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

bool HasNotice(const Decoded& d, std::string_view code) {
  for (const Notice& n : d.notices) {
    if (n.code == code) return true;
  }
  return false;
}

TEST(DecodeTest, PlainUtf8PassesThrough) {
  auto r = Decode(kHeader);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, kHeader);
  EXPECT_EQ(r.value().encoding, "utf-8");
  EXPECT_TRUE(r.value().notices.empty());
}

TEST(DecodeTest, Utf8BomIsDropped) {
  auto r = Decode(std::string("\xEF\xBB\xBF") + kHeader);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().utf8, kHeader);
  EXPECT_EQ(r.value().encoding, "utf-8");
  EXPECT_TRUE(r.value().notices.empty());
}

TEST(DecodeTest, Utf16LittleEndianWithBom) {
  auto r = Decode(ToUtf16(kHeader, /*little=*/true, /*bom=*/true));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, kHeader);
  EXPECT_EQ(r.value().encoding, "utf-16");
  EXPECT_TRUE(r.value().notices.empty());
}

TEST(DecodeTest, Utf16BigEndianWithBom) {
  auto r = Decode(ToUtf16(kHeader, /*little=*/false, /*bom=*/true));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, kHeader);
  EXPECT_EQ(r.value().encoding, "utf-16");
  EXPECT_TRUE(r.value().notices.empty());
}

TEST(DecodeTest, Utf16SurrogatePairs) {
  const std::string text = "Biểu mẫu 📄 số 3\n";
  auto r = Decode(ToUtf16(text, true, true));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().utf8, text);
}

TEST(DecodeTest, Utf16LittleEndianWithoutBomIsDetectedWithNotice) {
  auto r = Decode(ToUtf16(kHeader, /*little=*/true, /*bom=*/false));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, kHeader);
  EXPECT_EQ(r.value().encoding, "utf-16");
  ASSERT_EQ(r.value().notices.size(), 1u);
  EXPECT_EQ(r.value().notices[0].code, "utf16-no-bom");
  EXPECT_NE(r.value().notices[0].message.find("LE"), std::string::npos);
}

TEST(DecodeTest, Utf16BigEndianWithoutBomIsDetectedWithNotice) {
  auto r = Decode(ToUtf16(kHeader, /*little=*/false, /*bom=*/false));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, kHeader);
  ASSERT_TRUE(HasNotice(r.value(), "utf16-no-bom"));
  EXPECT_NE(r.value().notices[0].message.find("BE"), std::string::npos);
}

TEST(DecodeTest, Utf16UnpairedSurrogatesBecomeReplacement) {
  std::string bytes = ToUtf16("Điều 1", true, true);
  bytes += std::string("\x00\xD8", 2);  // lone high surrogate, then ASCII
  bytes += ToUtf16(" và ", true, false);
  bytes += std::string("\x00\xDC", 2);  // lone low surrogate
  auto r = Decode(bytes);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().utf8, "Điều 1\xEF\xBF\xBD và \xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(r.value().utf8));
  EXPECT_TRUE(HasNotice(r.value(), "invalid-utf8"));
}

TEST(DecodeTest, InvalidUtf8BecomesReplacementWithOneCountingNotice) {
  // Two stray Windows-1258 bytes and a truncated sequence at the end.
  const std::string bytes = std::string(kHeader) + "Quy\xEA\xF2t \xC4";
  auto r = Decode(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Decoded& d = r.value();
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  EXPECT_EQ(d.utf8, std::string(kHeader) + "Quy\xEF\xBF\xBD\xEF\xBF\xBDt \xEF\xBF\xBD");
  ASSERT_EQ(d.notices.size(), 1u);
  EXPECT_EQ(d.notices[0].code, "invalid-utf8");
  EXPECT_EQ(d.notices[0].message.rfind("3 invalid byte sequences", 0), 0u) << d.notices[0].message;
}

TEST(DecodeTest, SingleInvalidByteNoticeIsSingular) {
  auto r = Decode("Kính g\xFFi");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().notices.size(), 1u);
  EXPECT_EQ(r.value().notices[0].message.rfind("1 invalid byte sequence replaced", 0), 0u);
}

TEST(DecodeTest, RealReplacementCharacterIsNotCounted) {
  auto r = Decode("Nguyễn Văn \xEF\xBF\xBD");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().notices.empty());
}

class DecodeEmptyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DecodeEmptyTest, IsEmptyError) {
  auto r = Decode(GetParam());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "empty");
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, DecodeEmptyTest,
    ::testing::Values(std::string(), std::string(" "), std::string("\n\n\r\n\t  \n"),
                      std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB\xBF   \n"),
                      std::string("\xFF\xFE"), std::string("\xFE\xFF"),
                      std::string("\xFF\xFE \x00\n\x00", 6),
                      std::string("\xC2\xA0\xC2\xA0\n"),          // NBSP only
                      std::string("\xE2\x80\x8B\xE3\x80\x80\n"),  // zero-width + ideographic
                      std::string("\f\v \n")));

class DecodeBinaryTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DecodeBinaryTest, IsBinaryContentError) {
  auto r = Decode(GetParam());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "binary_content");
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
}

std::string ControlSoup() {
  std::string s;
  for (int i = 0; i < 200; ++i) s.push_back(static_cast<char>(1 + i % 7));
  return s;
}

std::string Utf16WithNul() {
  std::string s = ToUtf16("Quyết định số 5\n", true, true);
  s += std::string("\x00\x00\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00\x07\x00\x08\x00", 18);
  return s;
}

INSTANTIATE_TEST_SUITE_P(Inputs, DecodeBinaryTest,
                         ::testing::Values(std::string("Số\0\x01\x02\x03", 6),
                                           std::string("\x7F"
                                                       "ELF\x02\x01\x01\0\0\0",
                                                       10),
                                           std::string(kHeader) + std::string(1, '\0'),
                                           ControlSoup(), Utf16WithNul()));

TEST(DecodeTest, FewControlCharactersAreTolerated) {
  // A form feed between pages and a stray escape do not make a document binary.
  const std::string text = std::string(kHeader) + "\f\x1B" + kHeader;
  auto r = Decode(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().utf8, text);
}

TEST(DecodeTest, ShortUtf16WithoutBomIsNotGuessed) {
  // Too short to guess: the NUL bytes make it binary rather than a wrong decoding.
  auto r = Decode(std::string("A\0B\0", 4));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "binary_content");
}

// DecodeNormalized reads UTF-8 in one pass where Decode and Normalize take three: it must
// give exactly what they give, text, notices and errors, on every kind of input.
class DecodeNormalizedTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DecodeNormalizedTest, EqualsNormalizeOfDecode) {
  const std::string& bytes = GetParam();
  auto d = Decode(bytes);
  auto dn = DecodeNormalized(bytes);
  ASSERT_EQ(d.ok(), dn.ok());
  if (!d.ok()) {
    EXPECT_EQ(dn.error().code, d.error().code);
    return;
  }
  EXPECT_EQ(dn.value().utf8, Normalize(d.value().utf8));
  EXPECT_EQ(dn.value().encoding, d.value().encoding);
  ASSERT_EQ(dn.value().notices.size(), d.value().notices.size());
  for (std::size_t i = 0; i < d.value().notices.size(); ++i) {
    EXPECT_EQ(dn.value().notices[i].code, d.value().notices[i].code);
    EXPECT_EQ(dn.value().notices[i].message, d.value().notices[i].message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, DecodeNormalizedTest,
    ::testing::Values(
        std::string(kHeader), "\xEF\xBB\xBF" + std::string(kHeader),
        "Hoà\r\nHòa\rĐ\xC3\x90\xC3\xB0 x\xC2\xA0y\xE2\x80\x8Bz\n",          // CR, Ð ð, NBSP, ZWSP
        std::string("Nghi\xCC\xA3 quy\xC3\xAA\xCC\x81t\n"),                 // NFD marks
        std::string("s\xE1\xBB\x91 \xFF\xFE\xC3 \xE1\xBB k\xE1\n"),         // invalid bytes
        std::string("\xC3\x28\xE1\xB8\x28\xED\xA0\x80\xF0\x9F\x98\x80\n"),  // bad second bytes
        ToUtf16(kHeader, true, true), ToUtf16(kHeader, false, false),
        std::string(kHeader) + "\f\x1B" + kHeader, std::string(kHeader) + std::string(1, '\0'),
        ControlSoup(), Utf16WithNul(), std::string(), std::string("\xC2\xA0\xC2\xA0\n"),
        std::string("\xE2\x80\x8B\xE3\x80\x80\n"), std::string("\xEF\xBB\xBF   \n")));

}  // namespace
}  // namespace dondoc::text
