#include "text/fold.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "text/offsets16.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

std::string ToNfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString d =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())), status);
  std::string out;
  d.toUTF8String(out);
  return out;
}

TEST(FoldTest, DStrokeAndEth) {
  EXPECT_EQ(FoldChar(0x110), U'd');  // Đ
  EXPECT_EQ(FoldChar(0x111), U'd');  // đ
  EXPECT_EQ(FoldChar(0xD0), U'd');   // Ð
  EXPECT_EQ(FoldChar(0xF0), U'd');   // ð
  EXPECT_EQ(Fold("ĐđÐð"), "dddd");
}

TEST(FoldTest, AsciiLowerCased) {
  EXPECT_EQ(Fold("QĐ-UBND 12/2031"), "qd-ubnd 12/2031");
  EXPECT_EQ(Fold(""), "");
  for (char32_t c = 0; c < 0x80; ++c) {
    const char32_t want = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    EXPECT_EQ(FoldChar(c), want) << static_cast<int>(c);
  }
}

TEST(FoldTest, CaseAndFormsFoldAlike) {
  const std::string nfc = "Đồng Nai";
  EXPECT_EQ(Fold(nfc), "dong nai");
  EXPECT_EQ(Fold("ĐỒNG NAI"), "dong nai");
  EXPECT_EQ(Fold(ToNfd(nfc)), "dong nai");
  EXPECT_EQ(Fold(ToNfd("ĐỒNG NAI")), "dong nai");
}

TEST(FoldTest, OldAndNewTonePlacementFoldAlike) {
  EXPECT_EQ(Fold("hoà"), Fold("hòa"));
  EXPECT_EQ(Fold("hoà"), "hoa");
  EXPECT_EQ(Fold("thuý"), Fold("thúy"));
  EXPECT_EQ(Fold("thuý"), "thuy");
  EXPECT_EQ(Fold("KHOẺ"), Fold("khỏe"));
}

TEST(FoldTest, VietnameseLetters) {
  EXPECT_EQ(Fold("Cộng hòa xã hội chủ nghĩa Việt Nam"), "cong hoa xa hoi chu nghia viet nam");
  EXPECT_EQ(Fold("ƯỚC ƠN Ắ Ẫ Ỵ"), "uoc on a a y");
  EXPECT_EQ(Fold("Thủ tướng Chính phủ"), "thu tuong chinh phu");
}

TEST(FoldTest, CombiningMarksVanish) {
  for (char32_t cp = 0x300; cp <= 0x36F; ++cp)
    EXPECT_EQ(FoldChar(cp), 0u) << std::hex << static_cast<std::uint32_t>(cp);
  // Combining marks beyond the table vanish too (marks for symbols, half marks).
  EXPECT_EQ(FoldChar(0x20D7), 0u);
  EXPECT_EQ(FoldChar(0xFE20), 0u);
  EXPECT_EQ(Fold("a\xE2\x83\x97"
                 "b"),
            "ab");
}

TEST(FoldTest, BeyondTableIsLowerCased) {
  EXPECT_EQ(FoldChar(0xFF21), 0xFF41u);  // fullwidth A → fullwidth a
  EXPECT_EQ(FoldChar(0x1F4C4), 0x1F4C4u);
  EXPECT_EQ(FoldChar(0x4E00), 0x4E00u);
}

TEST(FoldTest, InvalidUtf8FoldsToReplacement) {
  const std::string f = Fold("S\xF4 1");
  EXPECT_TRUE(IsValidUtf8(f));
  EXPECT_EQ(f, "s\xEF\xBF\xBD 1");
}

// The hand table must agree with ICU's transliterator wherever the transliterator folds a
// code point to one ASCII letter (the stack notes' reference chain, minus Latin-ASCII).
TEST(FoldTest, TableAgreesWithIcuTransliterator) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  int checked = 0;
  for (char32_t cp = 0; cp <= 0x1EFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    tr->transliterate(s);
    if (s.length() != 1) continue;
    const char16_t c = s.charAt(0);
    if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))) continue;
    ++checked;
    EXPECT_EQ(FoldChar(cp), static_cast<char32_t>(c))
        << "U+" << std::hex << static_cast<std::uint32_t>(cp);
  }
  // A–Z, a–z and the precomposed Latin letters (540 with ICU 72).
  EXPECT_GT(checked, 500);
}

TEST(FoldTest, FoldAgreesWithFoldChar) {
  for (char32_t cp = 1; cp <= 0x1EFF; ++cp) {  // NUL: FoldChar's 0 means "nothing"
    std::string s;
    AppendUtf8(cp, &s);
    std::string want;
    if (const char32_t f = FoldChar(cp); f != 0) AppendUtf8(f, &want);
    ASSERT_EQ(Fold(s), want) << std::hex << static_cast<std::uint32_t>(cp);
  }
}

TEST(FoldMappedTest, SameTextAsFold) {
  const std::string in = "Ủy ban nhân dân TỈNH Đồng Nai; thuý" + ToNfd(" Quyết định");
  const FoldedText t = FoldMapped(in);
  EXPECT_EQ(t.folded, Fold(in));
  ASSERT_EQ(t.offsets.size(), t.folded.size() + 1);
  EXPECT_EQ(t.offsets.back(), in.size());
}

TEST(FoldMappedTest, OffsetsPointAtOriginalCodePoints) {
  const std::string in = "Số: 45/QĐ-UBND ngày Đồng";
  const FoldedText t = FoldMapped(in);
  ASSERT_EQ(t.folded, "so: 45/qd-ubnd ngay dong");
  // "Số": 'S' at 0, 'ố' (3 bytes) at 1, ':' at 4.
  EXPECT_EQ(t.Orig(0), 0u);
  EXPECT_EQ(t.Orig(1), 1u);
  EXPECT_EQ(t.Orig(2), 4u);
  // Find "qd" in the folded text and map the span back.
  const std::size_t qd = t.folded.find("qd");
  ASSERT_NE(qd, std::string::npos);
  const std::uint32_t b = t.Orig(qd), e = t.Orig(qd + 2);
  EXPECT_EQ(in.substr(b, e - b), "QĐ");
  const std::size_t dong = t.folded.find("dong");
  const std::uint32_t db = t.Orig(dong), de = t.Orig(dong + 4);
  EXPECT_EQ(in.substr(db, de - db), "Đồng");
  EXPECT_EQ(de, in.size());
}

TEST(FoldMappedTest, NfdMarksBelongToTheirBase) {
  const std::string in = ToNfd("Việt Nam");  // V i e ◌̣ ◌̂ t ...
  const FoldedText t = FoldMapped(in);
  ASSERT_EQ(t.folded, "viet nam");
  const std::uint32_t b = t.Orig(0), e = t.Orig(4);  // "viet"
  EXPECT_EQ(in.substr(b, e - b), ToNfd("Việt"));
  // The letter after the marks starts after them.
  EXPECT_EQ(t.Orig(3), in.find('t'));
}

TEST(FoldMappedTest, MultibyteFoldKeepsOneOffsetPerByte) {
  // Non-Latin letters fold to multibyte letters; every byte of the result maps to its source.
  const std::string in = "aΣb";  // Σ → σ (2 bytes)
  const FoldedText t = FoldMapped(in);
  ASSERT_EQ(t.folded, "aσb");
  ASSERT_EQ(t.offsets.size(), 5u);
  EXPECT_EQ(t.offsets[1], 1u);
  EXPECT_EQ(t.offsets[2], 1u);
  EXPECT_EQ(t.offsets[3], 3u);
  EXPECT_EQ(t.offsets[4], 4u);
}

TEST(FoldMappedTest, OffsetsAreMonotonic) {
  const std::string in =
      "Ⱥ\xF0"
      "xÐ\xE1\xBB"
      "Đ" +
      ToNfd("ỗ") + "\xF0\x9F\x93\x84 z";
  const FoldedText t = FoldMapped(in);
  ASSERT_EQ(t.offsets.size(), t.folded.size() + 1);
  for (std::size_t i = 1; i < t.offsets.size(); ++i) EXPECT_LE(t.offsets[i - 1], t.offsets[i]);
  EXPECT_EQ(t.offsets.back(), in.size());
}

}  // namespace
}  // namespace dondoc::text

#if defined(__SSE2__)
TEST(StoreOffsets16, SixteenConsecutiveFromFirst) {
  std::uint32_t out[18] = {};
  dondoc::text::StoreOffsets16(out + 1, 4000000000u);
  EXPECT_EQ(out[0], 0u);  // nothing before
  for (int k = 0; k < 16; ++k) EXPECT_EQ(out[1 + k], 4000000000u + static_cast<unsigned>(k));
  EXPECT_EQ(out[17], 0u);  // nothing after
}
#endif
