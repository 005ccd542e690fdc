// Unit names as words: the one tokenizer used for the registry's own names and for the text it
// is matched against, so both sides normalize alike. Internal to units/. Tested by
// normalize_test.cc.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"

namespace dondoc::units {

struct Token {
  // User-provided, so that out.emplace_back() runs the member initializers only: a defaulted
  // constructor makes it zero the whole struct first (a `rep stos` per word of every paragraph).
  Token() {}  // NOLINT(modernize-use-equals-default)
  // The word constructed in place: assigning it afterwards goes through string::_M_replace.
  explicit Token(std::string_view folded_word) : word(folded_word) {}
  std::uint32_t begin = 0;  // [begin, end) bytes of the original text
  std::uint32_t end = 0;
  std::string word;          // folded (text::Fold): "so", "va" for '&', "tp" for "thành phố"
  std::u32string marks;      // the diacritics, sorted (tone placement does not matter)
  bool code = false;         // written in capitals without diacritics, 2+ letters: UBND, TT, CAT
  bool capitalized = false;  // the first letter is upper case
  bool in_symbol = false;    // inside a chunk holding '/' or a digit: 12/KH-UBND, 2025
  bool line_start = false;   // a line break (or the start) comes before it
  bool described = true;     // marks and capitalized are set (see Tokenize's `lazy`)
  std::uint32_t hash = 0;    // WordHash(word), for the registry's look-ups
};

// A hash of a folded word: computed once per token by Tokenize, so the registry's trie and its
// start filter look a word up without hashing it again at every name it might begin. Eight
// bytes per multiply (most words are one step), not FNV's multiply per byte, whose chain of
// dependent multiplies made it the slowest part of tokenizing a paragraph.
constexpr std::uint32_t WordHash(std::string_view word) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = (word.size() + 1) * kMul;
  for (std::size_t i = 0; i < word.size(); i += 8) {
    std::uint64_t x = 0;
    for (std::size_t k = 0; k < 8 && i + k < word.size(); ++k) {
      x |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i + k])) << (8 * k);
    }
    h = (h ^ x) * kMul;
    h ^= h >> 29;
  }
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// Splits text into words on folded text (text::FoldMapped): letters and digits make words,
// '&' is the word "và", "thành phố" is one word "tp"; everything else (spaces, line breaks,
// punctuation, markdown '*', '|') separates. Spans point into `text`. Pure, thread-safe.
std::vector<Token> Tokenize(std::string_view text);

// The same, reusing `folded` = text::FoldMapped(text) when the caller has it already. With
// `lazy`, only `code` is described: `marks` and `capitalized` wait for Describe (`described`
// false), so a finder pays for them only where a name may stand.
std::vector<Token> Tokenize(std::string_view text, const text::FoldedText& folded,
                            bool lazy = false);

// The same over folded[begin, end) only, read as if that slice were the whole text (the first
// word starts a line; a chunk, for `in_symbol`, ends at the slice's edges). Spans are bytes of
// `text`. Lets a caller holding a document's fold tokenize a paragraph without folding it anew.
std::vector<Token> Tokenize(std::string_view text, const text::FoldedText& folded, bool lazy,
                            std::size_t begin, std::size_t end);

// Sets marks and capitalized of the undescribed tokens (spans into `text`).
void Describe(std::string_view text, std::span<Token> tokens);

// `text` with markdown emphasis ('*', '_') removed and whitespace runs (line breaks included)
// collapsed to one space, trimmed: the name "as written" for reports.
std::string CleanName(std::string_view text);

}  // namespace dondoc::units
