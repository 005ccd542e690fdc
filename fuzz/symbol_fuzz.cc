// libFuzzer target for the số/ký hiệu scanner: parse::ScanSymbol at every offset of the input
// (taken as it is, not decoded, so invalid UTF-8 reaches the scanner too), then SymbolKey of
// what it found. Corpus: fuzz/corpus/symbol/.
//
// Checks: a match lies inside the input and after pos; its parts are not longer than it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "parse/symbol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // every offset: keep each run linear-ish
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  for (std::size_t pos = 0; pos <= s.size(); ++pos) {
    const auto sym = dondoc::parse::ScanSymbol(s, pos);
    if (!sym) continue;
    if (sym->begin < pos || sym->begin > sym->end || sym->end > s.size()) {
      std::fprintf(stderr, "ScanSymbol(pos=%zu): span [%zu, %zu) of %zu\n", pos, sym->begin,
                   sym->end, s.size());
      std::abort();
    }
    if (sym->number.empty() && sym->text.empty()) {
      std::fprintf(stderr, "ScanSymbol(pos=%zu): match without text\n", pos);
      std::abort();
    }
    (void)dondoc::parse::SymbolKey(sym->text);
  }
  (void)dondoc::parse::SymbolKey(s);
  return 0;
}
