// Scanner for số/ký hiệu (number and symbol) in every form documents print. Tested by
// symbol_test.cc and fuzzed through the parse entry point.
//
// Forms (domain.md §1.4, §2.2, §3.2):
//   State          13/KH-STTTT, 12/UBND-VX (công văn: issuer-unit, no type code)
//   VBQPPL         09/2017/NĐ-CP, 55/2005/TTLT-BNV-VPCP, 24/2018/QH14, 03/VBHN-VPQH
//   Party          35-NQ/TW, 5053-CV/VPTW/nb
//   Odd            19-2016/NQ-CP, 61-CP (pre-1990s), stray spaces "15/TTr- STTTT", "64   /2024/QĐ-UBND"
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::parse {

struct Symbol {
  std::string text;         // normalized: no spaces around '/' and '-': "15/TTr-STTTT"
  std::string number;       // "15"
  std::string year;         // "2017" or ""
  std::string type_abbr;    // "KH" when a known type code is where the type goes, else ""
  std::string issuer_abbr;  // what follows the type: "STTTT", "TW", "QH14", "UBND-VX"
  bool party = false;       // the "<n>-<type>/<issuer>" form
  std::size_t begin = 0;    // byte offsets of the match in the scanned string
  std::size_t end = 0;
};

// Scans a symbol starting at s[pos] (leading spaces skipped). Returns nullopt when the text at
// pos is not a số/ký hiệu (a bare number, a date, a fraction …). Never reads past s.size().
std::optional<Symbol> ScanSymbol(std::string_view s, std::size_t pos);

// Normalizes a number written by hand ("35/NQ-TW", "35 NQ TW") for comparison: upper case,
// folded, every separator removed. Two numbers are the same document number when their keys
// are equal.
std::string SymbolKey(std::string_view symbol);

}  // namespace dondoc::parse
