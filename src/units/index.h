// The registry's lookup structures, built once from UnitData: every name and alias as a key of
// folded words in a word trie (exact lookups and longest-match scanning in O(words)), posting
// lists from word to keys (candidates for fuzzy matching), and the province-level places.
// Internal to units/. Immutable after construction, so safe to share between threads.
// Tested through registry_test.cc and find_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "units/data.h"
#include "units/normalize.h"

namespace dondoc::units {

struct Key {
  std::uint32_t entry = 0;            // index into UnitData::units
  std::vector<std::string> words;     // "so", "#tt", "va", "#tt"; codes carry a leading '#'
  std::vector<std::u32string> marks;  // per word: the diacritics as written in the data
  std::vector<bool> checked;          // per word: whether `marks` applies (not for codes)
  std::string plain;                  // words joined by ' ', '#' removed (fuzzy matching)
  bool needs_place = false;           // "Báo {P}": only with a place name after it
};

// How a text word was read on a path through the trie.
enum class Reading : std::uint8_t { kPlain, kCode, kExpanded };

struct Step {
  std::uint32_t token;
  Reading reading;
};

// A match of tokens[begin, end) against the trie, ending at a node that holds keys.
struct Walk {
  std::uint32_t end = 0;
  std::uint32_t node = 0;
  std::vector<Step> path;
};

struct FuzzyHit {
  std::uint32_t key = 0;
  int distance = 0;
};

class Index {
 public:
  explicit Index(const UnitData& data);

  const UnitData& data() const { return data_; }
  const std::vector<Key>& keys() const { return keys_; }
  const std::vector<std::uint32_t>& KeysAt(std::uint32_t node) const { return nodes_[node].keys; }

  // Every way of reading tokens[begin, end) for end in (begin, limit] that ends at a node
  // holding keys, longest first. A code word is read as written, as a code and, when it is an
  // abbreviation, as its expansion.
  std::vector<Walk> WalkFrom(std::span<const Token> tokens, std::size_t begin,
                             std::size_t limit) const;

  // Whether WalkFrom(tokens, begin, limit) would find anything; allocates nothing, so the
  // finder can try every candidate word cheaply.
  bool AnyWalk(std::span<const Token> tokens, std::size_t begin, std::size_t limit) const {
    return begin < std::min(limit, tokens.size()) && Reaches(tokens, begin, limit, 0, false);
  }

  // The words a token stands for when no trie guides the reading: an abbreviation's expansion,
  // else the folded word.
  void AppendWords(const Token& t, std::vector<std::string>* out) const;

  // Keys within the fuzzy bound of the words `plain` (joined by ' '), best first. Candidates
  // are the keys sharing one of the two rarest known words; bounded work per call.
  std::vector<FuzzyHit> Fuzzy(const std::vector<std::string>& words) const;

  // The number of words of the longest place name at words[begin..] (0 if none) and its index.
  std::size_t MatchPlace(const std::vector<std::string>& words, std::size_t begin,
                         std::uint32_t* place) const;

  // False when no name can start with the folded word `word` (as written, as a code or as an
  // abbreviation's expansion): WalkFrom at such a word finds nothing. A cheap filter (one hash
  // and one bit) that lets FindUnits skip most words of a text; true may be a false positive.
  bool MayStart(std::string_view word) const { return MayStartHashed(WordHash(word)); }
  // The same for a token, whose word Tokenize has hashed already.
  bool MayStart(const Token& t) const { return MayStartHashed(t.hash); }

  // False when no known place name starts with the token's word (read plain): MatchPlace at
  // such a word finds nothing. One bit, like MayStart; true may be a false positive.
  bool MayStartPlace(const Token& t) const {
    const std::uint32_t h = StartBit(t.hash);
    return (place_starts_[h >> 6] >> (h & 63)) & 1;
  }

  // The words an abbreviation code (folded) expands to, or nullptr.
  const std::vector<std::string>* Expansion(const std::string& folded_code) const;

 private:
  struct Node {
    std::unordered_map<std::string, std::uint32_t> next;  // while building; then in edges_
    std::vector<std::uint32_t> keys;
  };
  // A trie edge in the open-addressing table edges_; child 0 marks a free slot (the root is
  // nobody's child).
  struct Edge {
    std::uint32_t parent = 0;
    std::uint32_t hash = 0;  // WordHash(word)
    std::uint32_t child = 0;
    std::uint32_t word = 0;  // index into edge_words_
  };
  static std::uint32_t StartBit(std::uint32_t word_hash) {
    return (word_hash ^ (word_hash >> 16)) & (kStartBits - 1);
  }
  bool MayStartHashed(std::uint32_t word_hash) const {
    const std::uint32_t h = StartBit(word_hash);
    return (starts_[h >> 6] >> (h & 63)) & 1;
  }
  void AddStart(std::string_view word) {
    const std::uint32_t h = StartBit(WordHash(word));
    starts_[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  static constexpr std::uint32_t kStartBits = 1u << 16;
  static std::size_t Slot(std::uint32_t parent, std::uint32_t hash) {
    return (hash ^ (parent * 0x9E3779B1u)) * std::size_t{0x9E3779B97F4A7C15u} >> 32;
  }
  // The node after `node` by `word` (hashed: WordHash(word)), 0 when none. One probe of a flat
  // table in the common case, instead of hashing the word again in a per-node hash map: the
  // finder steps through the trie at every word that may start a name.
  std::uint32_t Child(std::uint32_t node, std::string_view word, std::uint32_t hash) const;
  std::uint32_t Child(std::uint32_t node, std::string_view word) const {
    return Child(node, word, WordHash(word));
  }
  void BuildEdges();  // moves the build-time maps into edges_

  void AddName(std::uint32_t entry, const std::string& name);
  void AddKey(Key key);
  bool Reaches(std::span<const Token> tokens, std::size_t pos, std::size_t limit,
               std::uint32_t node, bool stepped) const;
  void Dfs(std::span<const Token> tokens, std::size_t pos, std::size_t limit, std::uint32_t node,
           std::vector<Step>* path, std::vector<Walk>* out) const;

  UnitData data_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // a power of two in size, at most half full
  std::vector<std::string> edge_words_;
  std::vector<Key> keys_;
  std::unordered_map<std::string, std::vector<std::string>> expansions_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings_;  // word → keys
  std::unordered_map<std::string, std::uint32_t> places_;  // folded words → UnitData::places
  std::size_t longest_place_ = 0;
  std::vector<std::uint64_t> starts_ = std::vector<std::uint64_t>(kStartBits / 64);  // MayStart
  std::vector<std::uint64_t> place_starts_ = std::vector<std::uint64_t>(kStartBits / 64);
};

}  // namespace dondoc::units
