// The resolver behind registry.h: an Index plus the rules that turn matched words into a
// UnitMatch (qualifiers, context province, dates, fuzzy fallback). Internal to units/.
// Immutable after construction. Tested by registry_test.cc and find_test.cc.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "units/data.h"
#include "units/index.h"
#include "units/normalize.h"
#include "units/registry.h"

namespace dondoc::units {

class Engine {
 public:
  explicit Engine(const UnitData& data) : index_(data) {}

  // The engine over the embedded data, built on first use. A data error is a build defect
  // (caught by units_test): reported on stderr, then abort().
  static const Engine& Builtin();

  // Resolves the words `tokens` (spans into `text`). `strict_accents` (free text) refuses a
  // match where a word carries diacritics other than the name's ("số" is not "Sở"); a word
  // with none at all (lost accents, OCR) still matches.
  Resolution ResolveTokens(std::span<const Token> tokens, std::string_view text,
                           const Context& context, bool strict_accents = false) const;

  // FindUnits over folded[begin, end); `folded` is text::FoldMapped(text).
  std::vector<Mention> Find(std::string_view text, const text::FoldedText& folded,
                            std::size_t begin, std::size_t end, const Context& context) const;

  const Index& index() const { return index_; }

  // Token count of a level word at tokens[i] ("tỉnh", "thành phố", "thị xã" …), 0 if none;
  // *level gets "province", "city" (thành phố: province or district), "district", "commune".
  static std::size_t LevelAt(std::span<const Token> tokens, std::size_t i, std::string* level);

  // Token count of a known place at tokens[i] (or the context's province), 0 if none.
  std::size_t PlaceAt(std::span<const Token> tokens, std::size_t i, const Context& context,
                      bool* city) const;

 private:
  Index index_;
};

}  // namespace dondoc::units
