// Tested by registry_test.cc.
//
// How a name is resolved (Engine::ResolveTokens), first success wins:
// 1. the whole name is a known name or alias (accents, case, '&'/'và', punctuation, line breaks
//    and markdown ignored; abbreviations expanded): confidence 1.0, less 0.04 per word whose
//    diacritics differ from the registry's spelling ("Sở Giáo duc và Đào tao"), floor 0.8;
// 2. the name ends in a qualifier — a level word and a place ("tỉnh Đắk Lắk", "huyện Ea Súp",
//    "thành phố Hà Nội", "xã A, huyện B, tỉnh C") or a known place alone ("Tỉnh ủy Bình Sơn"):
//    the head is looked up with the level word ("Công an tỉnh") and then without it
//    ("Sở Y tế"); the place is reported, and a province other than the context's is noted;
// 3. fuzzy: the folded words within a small edit distance of a name (FuzzyBound), candidates
//    from the word index only; confidence 1 - 1.5 * edits / length, at most 0.95;
// 4. nothing: nullopt, with the reason ("unlisted Trung tâm …" when the head word is a known
//    kind of body).
// Choosing among entries sharing a name: the qualifier's level ("thành phố X" is a province
// when X is a province-level place or the context's province, else a district-level city),
// then validity on the context's date, then data order.
// Dates: a unit whose `to` is on or before the context's date gets `successor` (following
// chains: Sở Bưu chính, Viễn thông → Sở TT&TT → Sở KH&CN) and a note; an abolished one only
// the note; a unit established after the date is noted. Without a date nothing is noted.
#include "units/registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "units/engine.h"

namespace dondoc::units {
namespace {

struct Qualifier {
  std::string want_level;  // "province", "district", "commune" or "" (none)
  std::string place;       // "huyện Ea Súp": the district or commune named
  std::string province;    // "Đắk Lắk": the province named
};

std::string Slice(std::string_view text, const Token& first, const Token& last) {
  return CleanName(text.substr(first.begin, last.end - first.begin));
}

// Folded words of a province name without a leading "tỉnh"/"thành phố". Asked for the same
// name (the context's province) at every match, so the last answer is kept per thread; the
// reference stays valid until the next call on the same thread.
const std::string& FoldedPlace(std::string_view name) {
  thread_local std::string last_name, last_out;
  if (!last_name.empty() && name == last_name) return last_out;
  std::string out;
  std::vector<Token> tokens = Tokenize(name);
  std::size_t i = 0;
  while (i < tokens.size() && (tokens[i].word == "tinh" || tokens[i].word == "tp")) ++i;
  for (; i < tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i].word;
  }
  last_name = name;
  last_out = std::move(out);
  return last_out;
}

bool ValidOn(const UnitEntry& e, const std::string& date) {
  if (date.empty()) return e.valid_to.empty();
  return (e.valid_from.empty() || e.valid_from <= date) &&
         (e.valid_to.empty() || date < e.valid_to);
}

const char* ChangeVerb(Change c) {
  switch (c) {
    case Change::kRename:
      return "renamed";
    case Change::kMerge:
      return "merged";
    case Change::kSplit:
      return "split";
    case Change::kAbolish:
      return "abolished";
    case Change::kNone:
      break;
  }
  return "";
}

const UnitEntry* FindEntry(const UnitData& data, const std::string& id) {
  for (const UnitEntry& e : data.units) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

void AddNote(std::string* note, const std::string& text) {
  if (!note->empty()) *note += "; ";
  *note += text;
}

// Head words that name a kind of body: an unknown name starting with one is "unlisted".
constexpr std::string_view kHeads[] = {
    "so",        "bo",        "ban",       "phong",     "trung tam", "chi cuc",     "cuc",
    "tong cuc",  "hoi",       "vien",      "truong",    "cong ty",   "doan",        "dang uy",
    "uy ban",    "van phong", "benh vien", "hoi dong",  "to",        "dai",         "bao",
    "lien doan", "lien hiep", "hiep hoi",  "ngan hang", "kho bac",   "tong cong ty"};

}  // namespace

std::size_t Engine::LevelAt(std::span<const Token> tokens, std::size_t i, std::string* level) {
  if (i >= tokens.size()) return 0;
  const std::string& w = tokens[i].word;
  const std::string_view next = i + 1 < tokens.size() ? std::string_view(tokens[i + 1].word) : "";
  if (w == "tinh") return *level = "province", 1;
  if (w == "tp") return *level = "city", 1;
  if (w == "huyen" || w == "quan") return *level = "district", 1;
  if (w == "thi" && next == "xa") return *level = "district", 2;
  if (w == "thi" && next == "tran") return *level = "commune", 2;
  if (w == "dac" && next == "khu") return *level = "commune", 2;
  if (w == "xa" || w == "phuong") return *level = "commune", 1;
  return 0;
}

std::size_t Engine::PlaceAt(std::span<const Token> tokens, std::size_t i, const Context& context,
                            bool* city) const {
  if (i >= tokens.size()) return 0;
  // Most words start no place: neither a known one nor the context's province (whose first
  // word must then be this word). Answered without building the words below.
  if (const Token& first = tokens[i]; !first.code && !index_.MayStartPlace(first)) {
    if (context.province.empty()) return 0;
    const std::string& want = FoldedPlace(context.province);
    if (!want.starts_with(first.word) ||
        (want.size() > first.word.size() && want[first.word.size()] != ' ')) {
      return 0;
    }
  }
  std::vector<std::string> words;
  std::vector<std::size_t> ends;  // words.size() after each token
  for (std::size_t k = i; k < tokens.size() && k < i + 6; ++k) {
    index_.AppendWords(tokens[k], &words);
    ends.push_back(words.size());
  }
  std::uint32_t place = 0;
  std::size_t len = index_.MatchPlace(words, 0, &place);
  if (len > 0) {
    for (std::size_t k = 0; k < ends.size(); ++k) {
      if (ends[k] == len) {
        *city = index_.data().places[place].city;
        return k + 1;
      }
    }
  }
  if (!context.province.empty()) {
    const std::string& want = FoldedPlace(context.province);
    std::string got;
    for (std::size_t k = 0; k < ends.size(); ++k) {
      for (std::size_t w = k == 0 ? 0 : ends[k - 1]; w < ends[k]; ++w) {
        if (!got.empty()) got += ' ';
        got += words[w];
      }
      if (got == want) {
        *city = false;
        return k + 1;
      }
      if (got.size() >= want.size()) break;
    }
  }
  return 0;
}

namespace {

struct Candidate {
  std::uint32_t key;
  const Walk* walk;  // nullptr for fuzzy
  int distance;
};

class Resolver {
 public:
  Resolver(const Engine& engine, std::span<const Token> tokens, std::string_view text,
           const Context& context, bool strict_accents)
      : engine_(engine),
        index_(engine.index()),
        tokens_(tokens),
        text_(text),
        ctx_(context),
        strict_(strict_accents) {}

  Resolution Run() {
    const std::size_t n = tokens_.size();
    if (n == 0) return {std::nullopt, "empty name"};
    if (auto m = Exact(n, Qualifier{}, false)) return {m, ""};
    for (std::size_t q = n - 1; q >= 1; --q) {
      std::string level;
      std::size_t lw = Engine::LevelAt(tokens_, q, &level);
      bool city = false;
      if (lw > 0) {
        std::size_t p = q + lw;
        if (p < n && !tokens_[p].capitalized && !tokens_[p].code &&
            engine_.PlaceAt(tokens_, p, ctx_, &city) == 0) {
          continue;
        }
        Qualifier qual = Tail(q);
        if (auto m = Exact(p, qual, false)) return {m, ""};
        if (auto m = Exact(q, qual, false)) return {m, ""};
      } else if (std::size_t pc = engine_.PlaceAt(tokens_, q, ctx_, &city); pc > 0 && q + pc == n) {
        if (auto m = Exact(q, Tail(q), true)) return {m, ""};
      }
    }
    if (strict_) return {std::nullopt, Unknown()};  // free text: exact names only
    if (auto m = Fuzzy(n, Qualifier{})) return {m, ""};
    for (std::size_t q = n - 1; q >= 1; --q) {
      std::string level;
      if (std::size_t lw = Engine::LevelAt(tokens_, q, &level); lw > 0) {
        Qualifier qual = Tail(q);
        if (auto m = Fuzzy(q + lw, qual)) return {m, ""};
        if (auto m = Fuzzy(q, qual)) return {m, ""};
      }
    }
    return {std::nullopt, Unknown()};
  }

 private:
  // The qualifier made of tokens[q, n): segments of a level word and the place after it.
  Qualifier Tail(std::size_t q) const {
    struct Segment {
      std::string level;
      std::size_t begin, place_begin, place_end;
    };
    std::vector<Segment> segs;
    for (std::size_t i = q; i < tokens_.size();) {
      std::string level;
      if (std::size_t lw = Engine::LevelAt(tokens_, i, &level); lw > 0) {
        segs.push_back(Segment{level, i, i + lw, i + lw});
        i += lw;
        continue;
      }
      if (segs.empty()) segs.push_back(Segment{"", i, i, i});
      segs.back().place_end = i + 1;
      ++i;
    }
    Qualifier out;
    for (std::size_t s = 0; s < segs.size(); ++s) {
      Segment& g = segs[s];
      std::string level = g.level;
      bool city = false;
      std::size_t known = engine_.PlaceAt(tokens_, g.place_begin, ctx_, &city);
      bool has_place = g.place_end > g.place_begin;
      if (level.empty()) level = "province";
      if (level == "city") {
        if (has_place) {
          level = known == g.place_end - g.place_begin ? "province" : "district";
        } else {
          bool ctx_city = false;
          std::vector<Token> ct = Tokenize(ctx_.province);
          level = !ct.empty() && engine_.PlaceAt(ct, 0, Context{}, &ctx_city) > 0 && ctx_city
                      ? "province"
                      : "district";
        }
      }
      if (s == 0) out.want_level = level;
      if (!has_place) continue;
      std::string place = Slice(text_, tokens_[g.place_begin], tokens_[g.place_end - 1]);
      if (level == "province" && out.province.empty()) out.province = place;
      if (s == 0 && level != "province") {
        out.place = Slice(text_, tokens_[g.begin], tokens_[g.place_end - 1]);
      }
    }
    return out;
  }

  int Score(const UnitEntry& e, const Qualifier& q) const {
    int score = 0;
    if (!q.want_level.empty()) {
      if (e.level == q.want_level) score += 4;
      if (e.level == "any") score += 2;
    }
    if (ValidOn(e, ctx_.date)) score += 2;
    return score;
  }

  const Candidate* Choose(const std::vector<Candidate>& cands, const Qualifier& q) const {
    const Candidate* best = nullptr;
    int best_score = -1;
    for (const Candidate& c : cands) {
      const UnitEntry& e = index_.data().units[index_.keys()[c.key].entry];
      int score = Score(e, q) * 100 - c.distance;
      if (score > best_score) {
        best = &c;
        best_score = score;
      }
    }
    return best;
  }

  std::optional<UnitMatch> Exact(std::size_t end, const Qualifier& q, bool place_keys) {
    std::vector<Walk> walks = index_.WalkFrom(tokens_, 0, end);
    std::vector<Candidate> cands;
    for (const Walk& w : walks) {
      if (w.end != end) continue;
      for (std::uint32_t k : index_.KeysAt(w.node)) {
        if (index_.keys()[k].needs_place && !place_keys) continue;
        cands.push_back(Candidate{k, &w, 0});
      }
    }
    const Candidate* c = Choose(cands, q);
    if (c == nullptr) return std::nullopt;
    bool hard = false;
    int mismatches = AccentMismatches(*c->walk, index_.keys()[c->key], &hard);
    if (hard && strict_) return std::nullopt;
    double confidence = std::max(0.8, 1.0 - 0.04 * mismatches);
    UnitMatch m = Make(index_.keys()[c->key].entry, confidence, q);
    if (mismatches > 0) AddNote(&m.note, "accents differ from the registry's spelling");
    return m;
  }

  std::optional<UnitMatch> Fuzzy(std::size_t end, const Qualifier& q) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < end; ++i) index_.AppendWords(tokens_[i], &words);
    std::vector<FuzzyHit> hits = index_.Fuzzy(words);
    if (hits.empty()) return std::nullopt;
    std::vector<Candidate> cands;
    for (const FuzzyHit& h : hits) {
      if (h.distance == hits.front().distance) cands.push_back(Candidate{h.key, nullptr, 0});
    }
    const Candidate* c = Choose(cands, q);
    std::size_t length = 0;
    for (const std::string& w : words) length += w.size() + 1;
    int d = hits.front().distance;
    double confidence = std::min(0.95, 1.0 - 1.5 * d / static_cast<double>(length));
    UnitMatch m = Make(index_.keys()[c->key].entry, std::max(0.5, confidence), q);
    AddNote(&m.note, "fuzzy match, " + std::to_string(d) + (d == 1 ? " edit" : " edits"));
    return m;
  }

  // Words whose diacritics differ from the key's; *hard when one of them has diacritics of
  // its own (a different word, not lost accents).
  int AccentMismatches(const Walk& walk, const Key& key, bool* hard) const {
    int out = 0;
    std::size_t k = 0;
    for (const Step& s : walk.path) {
      const Token& t = tokens_[s.token];
      if (s.reading == Reading::kExpanded) {
        k += index_.Expansion(t.word)->size();
        continue;
      }
      if (s.reading == Reading::kPlain && k < key.words.size() && key.checked[k] &&
          t.marks != key.marks[k]) {
        ++out;
        if (!t.marks.empty()) *hard = true;
      }
      ++k;
    }
    return out;
  }

  UnitMatch Make(std::uint32_t entry_index, double confidence, const Qualifier& q) const {
    const UnitData& data = index_.data();
    const UnitEntry& e = data.units[entry_index];
    UnitMatch m;
    m.unit_id = e.id;
    m.canonical = e.canonical;
    m.kind = e.kind;
    m.group = e.kind == "group";
    m.confidence = confidence;
    m.level = e.level;
    if (e.level != "central") {
      m.province = q.province.empty() ? ctx_.province : q.province;
      m.place = q.place;
      // A copy of the first answer: the second call reuses FoldedPlace's buffer.
      const std::string named = q.province.empty() ? "" : FoldedPlace(q.province);
      if (!q.province.empty() && !ctx_.province.empty() && named != FoldedPlace(ctx_.province)) {
        AddNote(&m.note, "province " + q.province + ", not the document's " + ctx_.province);
      }
    }
    const std::string& date = ctx_.date;
    if (date.empty()) return m;
    if (!e.valid_from.empty() && date < e.valid_from) {
      AddNote(&m.note, "established " + e.valid_from + ", after the document's date");
    }
    const UnitEntry* cur = &e;
    for (int step = 0; step < 6 && !cur->valid_to.empty() && date >= cur->valid_to; ++step) {
      std::string text = std::string(ChangeVerb(cur->change)) + " " + cur->valid_to;
      if (cur->change == Change::kAbolish) {
        AddNote(&m.note, text);
        break;
      }
      const UnitEntry* next = FindEntry(data, cur->successors.front());
      text += cur->change == Change::kSplit   ? " among "
              : cur->change == Change::kMerge ? " into "
                                              : " to ";
      for (std::size_t i = 0; i < cur->successors.size(); ++i) {
        const UnitEntry* s = FindEntry(data, cur->successors[i]);
        text += (i > 0 ? ", " : "") + (s != nullptr ? s->canonical : cur->successors[i]);
      }
      AddNote(&m.note, text);
      if (next == nullptr) break;
      cur = next;
    }
    if (cur != &e) {
      m.successor = cur->id;
      m.successor_name = cur->canonical;
    }
    return m;
  }

  std::string Unknown() const {
    std::string folded;
    for (std::size_t i = 0; i < tokens_.size() && i < 3; ++i) {
      if (i > 0) folded += ' ';
      folded += tokens_[i].word;
      for (std::string_view head : kHeads) {
        if (folded == head) {
          std::size_t last = std::min(tokens_.size(), i + 2) - 1;
          return "unlisted " + Slice(text_, tokens_[0], tokens_[last]) +
                 (last + 1 < tokens_.size() ? " …" : "");
        }
      }
    }
    return "not in the registry";
  }

  const Engine& engine_;
  const Index& index_;
  std::span<const Token> tokens_;
  std::string_view text_;
  const Context& ctx_;
  bool strict_;
};

}  // namespace

Resolution Engine::ResolveTokens(std::span<const Token> tokens, std::string_view text,
                                 const Context& context, bool strict_accents) const {
  return Resolver(*this, tokens, text, context, strict_accents).Run();
}

const Engine& Engine::Builtin() {
  static const Engine* engine = [] {
    Result<UnitData> data = ParseUnitData(internal::EmbeddedUnitFiles());
    if (!data.ok()) {
      std::fprintf(stderr, "dondoc: embedded unit data: %s\n", data.error().message.c_str());
      std::abort();
    }
    return new Engine(data.value());
  }();
  return *engine;
}

Resolution ResolveWithReason(std::string_view name, const Context& context) {
  // A trailing parenthesis is a comment on the name: "Sở Nội vụ (cơ quan thường trực)".
  if (std::size_t paren = name.find('('); paren != std::string_view::npos && paren > 0) {
    Resolution r = ResolveWithReason(name.substr(0, paren), context);
    if (r.match) return r;
  }
  std::vector<Token> tokens = Tokenize(name);
  return Engine::Builtin().ResolveTokens(tokens, name, context);
}

std::optional<UnitMatch> Resolve(std::string_view name, const Context& context) {
  return ResolveWithReason(name, context).match;
}

std::string ScopedId(const UnitMatch& match) {
  if (match.level == "central" || match.province.empty()) return match.unit_id;
  std::string slug;
  for (const Token& t : Tokenize(match.province)) {
    if (t.word == "tinh" || t.word == "tp") continue;
    if (!slug.empty()) slug += '-';
    slug += t.word;
  }
  return slug.empty() ? match.unit_id : slug + "/" + match.unit_id;
}

}  // namespace dondoc::units
