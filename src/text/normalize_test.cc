#include "text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

// NFD of s via ICU, to build decomposed inputs without writing combining marks by hand.
std::string ToNfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  const icu::UnicodeString d =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())), status);
  std::string out;
  d.toUTF8String(out);
  return out;
}

TEST(NormalizeTest, AsciiUnchanged) {
  EXPECT_EQ(Normalize("So: 12/QD-UBND\n\tDieu 1."), "So: 12/QD-UBND\n\tDieu 1.");
  EXPECT_EQ(Normalize(""), "");
}

TEST(NormalizeTest, NfcTextUnchanged) {
  const std::string s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
  EXPECT_EQ(Normalize(s), s);
}

TEST(NormalizeTest, LineEndings) {
  EXPECT_EQ(Normalize("Điều 1\r\nĐiều 2\r\n"), "Điều 1\nĐiều 2\n");
  EXPECT_EQ(Normalize("a\rb\rc"), "a\nb\nc");
  EXPECT_EQ(Normalize("a\r\r\nb"), "a\n\nb");
  EXPECT_EQ(Normalize("a\n\rb"), "a\n\nb");
  EXPECT_EQ(Normalize("kết thúc\r"), "kết thúc\n");
}

TEST(NormalizeTest, UnicodeSpacesBecomeSpace) {
  EXPECT_EQ(Normalize("Số:\xC2\xA0"
                      "15/TB"),
            "Số: 15/TB");  // NBSP
  EXPECT_EQ(Normalize("ngày\xE2\x80\xAF"
                      "5"),
            "ngày 5");  // narrow NBSP
  EXPECT_EQ(Normalize("a\xE2\x80\x82"
                      "b\xE2\x80\x83"
                      "c"),
            "a b c");  // en, em space
  EXPECT_EQ(Normalize("a\xE3\x80\x80"
                      "b"),
            "a b");                      // ideographic space
  EXPECT_EQ(Normalize("a\tb"), "a\tb");  // tab kept
}

TEST(NormalizeTest, InvisibleCharactersRemoved) {
  EXPECT_EQ(Normalize("Quy\xE2\x80\x8B"
                      "ết"),
            "Quyết");  // ZWSP
  EXPECT_EQ(Normalize("\xEF\xBB\xBF"
                      "Điều"),
            "Điều");  // BOM / ZWNBSP
  EXPECT_EQ(Normalize("hành\xC2\xAD"
                      "chính"),
            "hànhchính");  // soft hyphen
  EXPECT_EQ(Normalize("a\xE2\x80\x8C\xE2\x80\x8D\xE2\x81\xA0"
                      "b"),
            "ab");
}

TEST(NormalizeTest, EthBecomesDStroke) {
  EXPECT_EQ(Normalize("\xC3\x90"
                      "ỘI"),
            "ĐỘI");  // Ð U+00D0
  EXPECT_EQ(Normalize("\xC3\xB0"
                      "ường"),
            "đường");  // ð U+00F0
  EXPECT_EQ(Normalize("QĐ-UBND"), "QĐ-UBND");
}

TEST(NormalizeTest, NfdInputEqualsNfcInput) {
  const std::string nfc =
      "QUYẾT ĐỊNH về việc ban hành Quy chế phối hợp giữa Sở Nội vụ và Ủy ban nhân dân huyện "
      "Phước Điền; thuý, hoà, khoẻ, Nguyễn Thị Ngọc Ánh";
  const std::string nfd = ToNfd(nfc);
  ASSERT_NE(nfd, nfc);  // the test means something only if the forms differ
  EXPECT_EQ(Normalize(nfd), nfc);
  EXPECT_EQ(Normalize(nfc), nfc);
}

TEST(NormalizeTest, MixedCleanupAndNfd) {
  const std::string in = ToNfd("Điều 3.\r\nGiám đốc") + "\xC2\xA0\xE2\x80\x8B" + ToNfd("Sở");
  EXPECT_EQ(Normalize(in), "Điều 3.\nGiám đốc Sở");
}

TEST(NormalizeTest, IsIdempotent) {
  const std::string in = ToNfd("Ðiều\r\n1\xC2\xA0 thủ\xE2\x80\x8Btục \xE2\x84\xAB\r");
  const std::string once = Normalize(in);
  EXPECT_EQ(Normalize(once), once);
  EXPECT_TRUE(IsValidUtf8(once));
}

}  // namespace
}  // namespace dondoc::text

namespace dondoc::text {
namespace {

// The fast path of Normalize: every code point it trusts to be NFC whatever surrounds it has
// NFC quick check "yes" (so nothing composes with it, before or after) and combining class 0.
TEST(NormalizeTest, NfcInertCodePointsAgreeWithIcu) {
  int checked = 0;
  for (char32_t cp = 0x80; cp < 0x3000; ++cp) {
    if (!IsNfcInert(cp)) continue;
    ++checked;
    EXPECT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK), UNORM_YES)
        << std::hex << static_cast<std::uint32_t>(cp);
    EXPECT_EQ(u_getCombiningClass(static_cast<UChar32>(cp)), 0)
        << std::hex << static_cast<std::uint32_t>(cp);
  }
  EXPECT_GT(checked, 900);
}

TEST(NormalizeTest, InertTextSkipsNothingThatMatters) {
  // Precomposed Vietnamese with punctuation: unchanged; one combining mark among it: composed.
  const std::string nfc = "Quyết định – “Đồng Nai” … 100 €";
  EXPECT_EQ(Normalize(nfc), nfc);
  EXPECT_EQ(Normalize("Quyết định hoa\u0300"), "Quyết định hoà");
}

}  // namespace
}  // namespace dondoc::text
