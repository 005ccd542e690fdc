// Tested by find_test.cc.
//
// FindUnits scans the words of the text left to right; at each word it takes the longest
// registry name that starts there (Index::WalkFrom), then widens the span over a qualifier:
// - a level word and a place after the name: "Sở Y tế tỉnh Bình Sơn", "UBND huyện Ea Súp";
// - a place after a name that ends in a level word: "Công an tỉnh Bình Sơn";
// - a known place (or the context's province) right after the name: "Tỉnh ủy Bình Sơn";
// - a bare "tỉnh" after a name: "Sở Y tế tỉnh chủ trì" (the span ends after "tỉnh").
// A place is a known place name, else 2 or 3 capitalized words on the same line with nothing
// but spaces between them, so "… UBND tỉnh. Sở Y tế …" never reads "Sở Y" as a place, nor
// "Công an tỉnh\nChủ trì …" "Chủ".
// Free text is matched with strict accents: "chuyển đổi số; xây dựng" is not "Sở Xây dựng" and
// "giải phóng dân tộc" not "Phòng Dân tộc", while unaccented text ("So Y te") still matches.
// Edge cases: words inside a document number or date ("15/TTr-STTTT") are skipped; "Báo {P}"
// names need their place; the span of a mention is resolved with the same rules as Resolve, so
// FindUnits and Resolve never disagree.
#include <algorithm>

#include "units/engine.h"

namespace dondoc::units {
namespace {

constexpr std::size_t kMaxNameWords = 24;
constexpr std::size_t kMaxLooseWords = 3;

// Only spaces or markdown between a and b; a '.' too after an abbreviation ("TP. Hà Nội").
bool OnlySpaceBetween(std::string_view text, const Token& a, const Token& b) {
  for (std::size_t i = a.end; i < b.begin; ++i) {
    char c = text[i];
    if (c == '.' && a.code) continue;
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '*') return false;
  }
  return true;
}

// A name never runs over ';', ':', '|', '!', '?', nor over '.' after a word that is not an
// abbreviation ("TP. Hà Nội" and "TT. HĐND" are one name; "… chuyển đổi số. Xây dựng …" not).
bool BreakBetween(std::string_view text, const Token& a, const Token& b) {
  for (std::size_t i = a.end; i < b.begin; ++i) {
    char c = text[i];
    if (c == ';' || c == ':' || c == '|' || c == '!' || c == '?') return true;
    if (c == '.' && !a.code) return true;
  }
  return false;
}

}  // namespace

std::vector<Mention> Engine::Find(std::string_view text, const text::FoldedText& folded,
                                  std::size_t from, std::size_t to, const Context& context) const {
  std::vector<Mention> out;
  // Words are described (diacritics, capitals) only where a name may start.
  std::vector<Token> tokens = Tokenize(text, folded, /*lazy=*/true, from, to);
  const std::size_t n = tokens.size();
  std::span<const Token> all(tokens);
  // Words that start a place: a known place, else a capitalized run on one line.
  auto place_len = [&](std::size_t p, std::size_t limit) -> std::size_t {
    if (p >= limit || !OnlySpaceBetween(text, tokens[p - 1], tokens[p])) return 0;
    bool city = false;
    if (std::size_t k = PlaceAt(all.subspan(0, limit), p, context, &city); k > 0) return k;
    std::size_t k = 0;
    std::string level;
    while (p + k < limit && k < kMaxLooseWords && tokens[p + k].capitalized &&
           LevelAt(all, p + k, &level) == 0 &&
           (k == 0 || (!tokens[p + k].line_start &&
                       OnlySpaceBetween(text, tokens[p + k - 1], tokens[p + k])))) {
      ++k;
    }
    return k >= 2 ? k : 0;  // one capitalized word is a sentence start more often than a place
  };
  // A name's words end at the first word after i that is in a symbol or after a break. Words
  // (i, clear) are known not to be such stops, so the gaps between the words of a paragraph are
  // read about once instead of once per candidate word before them.
  std::size_t clear = 0;
  std::size_t i = 0;
  while (i < n) {
    if (tokens[i].in_symbol || !index_.MayStart(tokens[i])) {  // WalkFrom finds nothing
      ++i;
      continue;
    }
    if (clear <= i) clear = i + 1;
    while (clear < n && clear - i < kMaxNameWords && !tokens[clear].in_symbol &&
           !BreakBetween(text, tokens[clear - 1], tokens[clear])) {
      ++clear;
    }
    const std::size_t limit = clear;
    if (!index_.AnyWalk(all, i, limit)) {  // most candidate words
      ++i;
      continue;
    }
    std::vector<Walk> walks = index_.WalkFrom(all, i, limit);
    Describe(text, std::span<Token>(tokens).subspan(i, limit - i));
    std::size_t end = 0;
    bool ends_in_level = false;
    for (const Walk& w : walks) {
      bool plain = false;
      for (std::uint32_t k : index_.KeysAt(w.node)) plain = plain || !index_.keys()[k].needs_place;
      if (!plain && place_len(w.end, limit) == 0) continue;
      end = w.end;
      std::string level;
      std::size_t last = w.end - 1;
      ends_in_level =
          LevelAt(all, last, &level) == 1 || (last > i && LevelAt(all, last - 1, &level) == 2);
      break;
    }
    if (end == 0) {
      ++i;
      continue;
    }
    std::string level;
    if (std::size_t lw = LevelAt(all, end, &level);
        lw > 0 && end + lw <= limit && OnlySpaceBetween(text, tokens[end - 1], tokens[end])) {
      std::size_t p = place_len(end + lw, limit);
      if (p > 0 || level == "province") end += lw + p;
    } else if (std::size_t p = place_len(end, limit); p > 0) {
      bool city = false;
      if (ends_in_level || PlaceAt(all.subspan(0, limit), end, context, &city) == p) end += p;
    }
    std::span<const Token> span = all.subspan(i, end - i);
    Resolution r = ResolveTokens(span, text, context, /*strict_accents=*/true);
    if (r.match) {
      Mention m;
      m.begin = tokens[i].begin;
      m.end = tokens[end - 1].end;
      m.name = CleanName(text.substr(m.begin, m.end - m.begin));
      m.match = std::move(*r.match);
      out.push_back(std::move(m));
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Mention> FindUnits(std::string_view text, const Context& context) {
  const text::FoldedText folded = text::FoldMapped(text);
  return Engine::Builtin().Find(text, folded, 0, folded.folded.size(), context);
}

std::vector<Mention> FindUnits(std::string_view text, const text::FoldedText& folded,
                               const Context& context) {
  return Engine::Builtin().Find(text, folded, 0, folded.folded.size(), context);
}

std::vector<Mention> FindUnits(std::string_view text, const text::FoldedText& folded,
                               std::size_t begin, std::size_t end, const Context& context) {
  return Engine::Builtin().Find(text, folded, begin, end, context);
}

}  // namespace dondoc::units
