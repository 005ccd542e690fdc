#include "parse/symbol.h"

#include <gtest/gtest.h>

namespace dondoc::parse {
namespace {

Symbol Scan(std::string_view s) {
  auto r = ScanSymbol(s, 0);
  EXPECT_TRUE(r.has_value()) << s;
  return r.value_or(Symbol{});
}

TEST(SymbolTest, StateForms) {
  Symbol s = Scan("13/KH-STTTT");
  EXPECT_EQ(s.text, "13/KH-STTTT");
  EXPECT_EQ(s.number, "13");
  EXPECT_EQ(s.type_abbr, "KH");
  EXPECT_EQ(s.issuer_abbr, "STTTT");
  EXPECT_FALSE(s.party);

  s = Scan("09/2017/NĐ-CP");
  EXPECT_EQ(s.year, "2017");
  EXPECT_EQ(s.type_abbr, "NĐ");
  EXPECT_EQ(s.issuer_abbr, "CP");

  s = Scan("55/2005/TTLT-BNV-VPCP");
  EXPECT_EQ(s.type_abbr, "TTLT");
  EXPECT_EQ(s.issuer_abbr, "BNV-VPCP");
}

TEST(SymbolTest, CongVanHasNoTypeCode) {
  const Symbol s = Scan("215/UBND-VX");
  EXPECT_EQ(s.type_abbr, "");
  EXPECT_EQ(s.issuer_abbr, "UBND-VX");
}

TEST(SymbolTest, LawsAndTheirTerm) {
  Symbol s = Scan("24/2018/QH14");
  EXPECT_EQ(s.text, "24/2018/QH14");
  EXPECT_EQ(s.issuer_abbr, "QH14");
  // The term split off by a typist or OCR is glued back.
  s = Scan("73/2006/QH 11");
  EXPECT_EQ(s.text, "73/2006/QH11");
}

TEST(SymbolTest, PartyForms) {
  Symbol s = Scan("35-NQ/TW");
  EXPECT_TRUE(s.party);
  EXPECT_EQ(s.type_abbr, "NQ");
  EXPECT_EQ(s.issuer_abbr, "TW");
  s = Scan("5053-CV/VPTW/nb");
  EXPECT_EQ(s.text, "5053-CV/VPTW/nb");
  EXPECT_EQ(s.issuer_abbr, "VPTW/nb");
}

TEST(SymbolTest, StraySpacesAreNormalized) {
  EXPECT_EQ(Scan("15/TTr- STTTT").text, "15/TTr-STTTT");
  EXPECT_EQ(Scan("64   /2024/QĐ-UBND").text, "64/2024/QĐ-UBND");
  EXPECT_EQ(Scan("19-2016/NQ-CP").text, "19-2016/NQ-CP");
}

TEST(SymbolTest, StopsBeforeProse) {
  const Symbol s = Scan("12/2020/TT-BTC - Bộ Tài chính hướng dẫn");
  EXPECT_EQ(s.text, "12/2020/TT-BTC");
  EXPECT_EQ(Scan("13/KH-UBND.").text, "13/KH-UBND");
}

TEST(SymbolTest, RejectsWhatIsNotASymbol) {
  EXPECT_FALSE(ScanSymbol("15/12/2025", 0));  // a date
  EXPECT_FALSE(ScanSymbol("310", 0));         // a stamp's bare number
  EXPECT_FALSE(ScanSymbol("1/2", 0));
  EXPECT_FALSE(ScanSymbol("abc", 0));
  EXPECT_FALSE(ScanSymbol("", 0));
}

TEST(SymbolTest, KeysCompareHandWrittenVariants) {
  EXPECT_EQ(SymbolKey("35-NQ/TW"), SymbolKey("35/NQ-TW"));
  EXPECT_EQ(SymbolKey("35-NQ/TW"), SymbolKey("35 NQ TW"));
  EXPECT_EQ(SymbolKey("05/KH-UBND"), SymbolKey("5/kh-ubnd"));
  EXPECT_EQ(SymbolKey("09/2017/NĐ-CP"), SymbolKey("09/2017/ND-CP"));
  EXPECT_NE(SymbolKey("35-NQ/TW"), SymbolKey("36-NQ/TW"));
}

}  // namespace
}  // namespace dondoc::parse
