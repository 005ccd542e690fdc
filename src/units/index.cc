// Tested by registry_test.cc and find_test.cc (through the registry).
//
// How names become keys (data/units/README.md states the same for data authors):
// - each name is tokenized like the text it will be matched against (normalize.h);
// - a code word (capitals, e.g. "UBND") that is an abbreviation becomes its expansion's words,
//   any other code word becomes "#<folded>" and only a code written in the text reaches it, so
//   "CAT" (Công an tỉnh) never matches the word "cát";
// - "Sở A&B" / "Bộ A&B" with a code before '&' also give "Sở AB" and "SAB" / "BAB";
// - a name ending in "tỉnh" (province level) also ends in "thành phố"; in "huyện" (district
//   level) also "thị xã", "quận", "thành phố"; in "xã" (commune level) also "phường",
//   "thị trấn", "đặc khu" — one entry serves every kind of place at its level;
// - "{P}" marks where a place name must follow ("Báo {P}"): without one, "báo" is a plain word.
#include "units/index.h"

#include <algorithm>
#include <utility>

#include "units/fuzzy.h"

namespace dondoc::units {
namespace {

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool AllCapsAscii(std::string_view w) {
  bool letter = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// "Sở TT&TT xyz" → {"Sở TTTT xyz", "STTTT xyz"}.
std::vector<std::string> AmpersandVariants(const std::string& name) {
  std::vector<std::string> words = SplitSpaces(name);
  if (words.size() < 2 || words[1].find('&') == std::string::npos || !AllCapsAscii(words[1])) {
    return {};
  }
  std::string joined;
  for (char c : words[1]) {
    if (c != '&') joined += c;
  }
  std::string rest;
  for (std::size_t i = 2; i < words.size(); ++i) rest += " " + words[i];
  std::vector<std::string> out = {words[0] + " " + joined + rest};
  if (words[0] == "Sở") out.push_back("S" + joined + rest);
  if (words[0] == "Bộ") out.push_back("B" + joined + rest);
  return out;
}

std::string Join(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += words[i];
  }
  return out;
}

// OCR damages letters, not whole short words: "UBND và" must not become "UBND xã". With the
// same number of words, words of up to 2 letters must be equal.
bool ShortWordsKept(const std::vector<std::string>& words, const std::vector<std::string>& key) {
  if (words.size() != key.size()) return true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view k = key[i];
    if (!k.empty() && k[0] == '#') k.remove_prefix(1);
    if ((words[i].size() <= 2 || k.size() <= 2) && words[i] != k) return false;
  }
  return true;
}

// "#<word>", the trie's spelling of a code, in a per-thread buffer: the finder asks for it at
// every code word it tries, so this saves building a string each time. The reference is valid
// until the next call on the same thread (each caller finishes its lookup first).
const std::string& CodeKey(const std::string& word) {
  thread_local std::string key;
  key.assign(1, '#');
  key += word;
  return key;
}

}  // namespace

Index::Index(const UnitData& data) : data_(data) {
  nodes_.emplace_back();
  for (const Abbreviation& a : data_.abbreviations) {
    std::vector<std::string> words;
    for (const Token& t : Tokenize(a.expansion)) words.push_back(t.word);
    std::vector<Token> code = Tokenize(a.code);
    if (code.size() == 1) expansions_[code[0].word] = std::move(words);
  }
  for (std::uint32_t i = 0; i < data_.units.size(); ++i) {
    AddName(i, data_.units[i].canonical);
    for (const std::string& alias : data_.units[i].aliases) AddName(i, alias);
  }
  for (std::uint32_t i = 0; i < data_.places.size(); ++i) {
    std::vector<std::string> names = data_.places[i].aliases;
    names.push_back(data_.places[i].name);
    for (const std::string& name : names) {
      std::vector<std::string> words;
      for (const Token& t : Tokenize(name)) AppendWords(t, &words);
      if (words.empty()) continue;
      longest_place_ = std::max(longest_place_, words.size());
      const std::uint32_t h = StartBit(WordHash(words[0]));
      place_starts_[h >> 6] |= std::uint64_t{1} << (h & 63);
      places_.emplace(Join(words, 0, words.size()), i);
    }
  }
  // The first words of names, read plain or as codes, and the codes whose expansion starts one.
  for (const auto& [word, child] : nodes_[0].next) {
    AddStart(word[0] == '#' ? std::string_view(word).substr(1) : std::string_view(word));
  }
  for (const auto& [code, words] : expansions_) {
    if (!words.empty() && nodes_[0].next.count(words[0]) > 0) AddStart(code);
  }
  BuildEdges();
}

void Index::BuildEdges() {
  std::size_t count = 0;
  for (const Node& n : nodes_) count += n.next.size();
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;
  edges_.assign(size, Edge{});
  for (std::uint32_t parent = 0; parent < nodes_.size(); ++parent) {
    for (auto& [word, child] : nodes_[parent].next) {
      const std::uint32_t hash = WordHash(word);
      std::size_t slot = Slot(parent, hash) & (size - 1);
      while (edges_[slot].child != 0) slot = (slot + 1) & (size - 1);
      edges_[slot] = Edge{parent, hash, child, static_cast<std::uint32_t>(edge_words_.size())};
      edge_words_.push_back(word);
    }
    nodes_[parent].next.clear();
  }
}

std::uint32_t Index::Child(std::uint32_t node, std::string_view word, std::uint32_t hash) const {
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t slot = Slot(node, hash) & mask;; slot = (slot + 1) & mask) {
    const Edge& e = edges_[slot];
    if (e.child == 0) return 0;
    if (e.parent == node && e.hash == hash && edge_words_[e.word] == word) return e.child;
  }
}

void Index::AppendWords(const Token& t, std::vector<std::string>* out) const {
  if (t.code) {
    if (const std::vector<std::string>* e = Expansion(t.word)) {
      out->insert(out->end(), e->begin(), e->end());
      return;
    }
  }
  out->push_back(t.word);
}

const std::vector<std::string>* Index::Expansion(const std::string& folded_code) const {
  auto it = expansions_.find(folded_code);
  return it == expansions_.end() ? nullptr : &it->second;
}

void Index::AddName(std::uint32_t entry, const std::string& raw) {
  std::string name = raw;
  bool needs_place = false;
  if (std::size_t p = name.find("{P}"); p != std::string::npos) {
    needs_place = true;
    name.erase(p, 3);
  }
  std::vector<std::string> variants = {name};
  for (std::string& v : AmpersandVariants(name)) variants.push_back(std::move(v));
  const UnitEntry& e = data_.units[entry];
  for (const std::string& v : variants) {
    Key key;
    key.entry = entry;
    key.needs_place = needs_place;
    for (const Token& t : Tokenize(v)) {
      const std::vector<std::string>* exp = t.code ? Expansion(t.word) : nullptr;
      if (exp != nullptr) {
        for (const std::string& w : *exp) {
          key.words.push_back(w);
          key.marks.emplace_back();
          key.checked.push_back(false);
        }
      } else {
        key.words.push_back(t.code ? "#" + t.word : t.word);
        key.marks.push_back(t.marks);
        key.checked.push_back(!t.code);
      }
    }
    if (key.words.empty()) continue;
    // Level variants: the same body at another kind of place of its level.
    std::vector<std::vector<std::string>> ends;
    const std::string& last = key.words.back();
    if (e.level == "province" && last == "tinh") ends = {{"tp"}};
    if (e.level == "district" && last == "huyen") ends = {{"tp"}, {"thi", "xa"}, {"quan"}};
    if (e.level == "commune" && last == "xa") {
      ends = {{"phuong"}, {"thi", "tran"}, {"dac", "khu"}};
    }
    for (const std::vector<std::string>& end : ends) {
      Key k = key;
      k.words.pop_back();
      k.marks.pop_back();
      k.checked.pop_back();
      for (const std::string& w : end) {
        k.words.push_back(w);
        k.marks.emplace_back();
        k.checked.push_back(false);
      }
      AddKey(std::move(k));
    }
    AddKey(std::move(key));
  }
}

void Index::AddKey(Key key) {
  std::uint32_t node = 0;
  for (const std::string& w : key.words) {
    auto it = nodes_[node].next.find(w);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      auto id = static_cast<std::uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(w, id);
      node = id;
    } else {
      node = it->second;
    }
  }
  // The same words for the same entry twice (an alias repeating a generated variant): once.
  for (std::uint32_t k : nodes_[node].keys) {
    if (keys_[k].entry == key.entry) return;
  }
  auto id = static_cast<std::uint32_t>(keys_.size());
  for (const std::string& w : key.words) {
    std::string word = w[0] == '#' ? w.substr(1) : w;
    std::vector<std::uint32_t>& list = postings_[word];
    if (list.empty() || list.back() != id) list.push_back(id);
    if (!key.plain.empty()) key.plain += ' ';
    key.plain += word;
  }
  nodes_[node].keys.push_back(id);
  keys_.push_back(std::move(key));
}

void Index::Dfs(std::span<const Token> tokens, std::size_t pos, std::size_t limit,
                std::uint32_t node, std::vector<Step>* path, std::vector<Walk>* out) const {
  if (!path->empty() && !nodes_[node].keys.empty()) {
    bool seen = std::any_of(out->begin(), out->end(), [&](const Walk& w) {
      return w.end == pos && w.node == node;  // the first reading wins
    });
    if (!seen) out->push_back(Walk{static_cast<std::uint32_t>(pos), node, *path});
  }
  if (pos >= limit) return;
  const Token& t = tokens[pos];
  auto step = [&](std::uint32_t child, Reading r) {
    path->push_back(Step{static_cast<std::uint32_t>(pos), r});
    Dfs(tokens, pos + 1, limit, child, path, out);
    path->pop_back();
  };
  if (const std::uint32_t c = Child(node, t.word, t.hash); c != 0) step(c, Reading::kPlain);
  if (!t.code) return;
  if (const std::uint32_t c = Child(node, CodeKey(t.word)); c != 0) step(c, Reading::kCode);
  if (const std::vector<std::string>* exp = Expansion(t.word)) {
    std::uint32_t n = node;
    for (const std::string& w : *exp) {
      n = Child(n, w);
      if (n == 0) return;
    }
    step(n, Reading::kExpanded);
  }
}

// Dfs without the paths: true at the first node holding keys.
bool Index::Reaches(std::span<const Token> tokens, std::size_t pos, std::size_t limit,
                    std::uint32_t node, bool stepped) const {
  if (stepped && !nodes_[node].keys.empty()) return true;
  if (pos >= limit) return false;
  const Token& t = tokens[pos];
  if (const std::uint32_t c = Child(node, t.word, t.hash); c != 0) {
    if (Reaches(tokens, pos + 1, limit, c, true)) return true;
  }
  if (!t.code) return false;
  if (const std::uint32_t c = Child(node, CodeKey(t.word)); c != 0) {
    if (Reaches(tokens, pos + 1, limit, c, true)) return true;
  }
  if (const std::vector<std::string>* exp = Expansion(t.word)) {
    std::uint32_t n = node;
    for (const std::string& w : *exp) {
      n = Child(n, w);
      if (n == 0) return false;
    }
    return Reaches(tokens, pos + 1, limit, n, true);
  }
  return false;
}

std::vector<Walk> Index::WalkFrom(std::span<const Token> tokens, std::size_t begin,
                                  std::size_t limit) const {
  std::vector<Walk> out;
  std::vector<Step> path;
  limit = std::min(limit, tokens.size());
  if (begin >= limit) return out;
  path.reserve(limit - begin);  // one allocation, not one per doubling
  Dfs(tokens, begin, limit, 0, &path, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Walk& a, const Walk& b) { return a.end > b.end; });
  return out;
}

std::vector<FuzzyHit> Index::Fuzzy(const std::vector<std::string>& words) const {
  std::vector<FuzzyHit> out;
  std::string joined = Join(words, 0, words.size());
  int bound = FuzzyBound(joined.size());
  if (bound == 0) return out;
  // The two rarest words the registry knows pick the candidates.
  std::vector<const std::vector<std::uint32_t>*> lists;
  for (const std::string& w : words) {
    auto it = postings_.find(w);
    if (it != postings_.end()) lists.push_back(&it->second);
  }
  std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  if (lists.size() > 2) lists.resize(2);
  // In key order, each once: a sorted vector (a std::set allocated a node per key).
  std::vector<std::uint32_t> candidates;
  for (const auto* list : lists) candidates.insert(candidates.end(), list->begin(), list->end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t k : candidates) {
    const Key& key = keys_[k];
    if (key.needs_place) continue;
    int d = BoundedEditDistance(joined, key.plain, bound);
    if (d <= bound && ShortWordsKept(words, key.words)) out.push_back(FuzzyHit{k, d});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FuzzyHit& a, const FuzzyHit& b) { return a.distance < b.distance; });
  return out;
}

std::size_t Index::MatchPlace(const std::vector<std::string>& words, std::size_t begin,
                              std::uint32_t* place) const {
  if (begin >= words.size()) return 0;
  for (std::size_t len = std::min(longest_place_, words.size() - begin); len > 0; --len) {
    auto it = places_.find(Join(words, begin, begin + len));
    if (it != places_.end()) {
      *place = it->second;
      return len;
    }
  }
  return 0;
}

}  // namespace dondoc::units
