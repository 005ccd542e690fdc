// Scoring the parser against published metadata (shared/corpus/dev/metadata.jsonl).
// Tested by score_test.cc.
//
// The published fields are not written the way a document prints them, so each comparison
// says what it forgives:
// - number: the full code when published ("179/KH-UBND"), compared by SymbolKey (case,
//   accents, separators, leading zeros ignored); otherwise the running number alone;
// - type: the type name, accent- and case-insensitively;
// - date: ISO equality; year: from our date, else from the number's year segment;
// - issuer: the published issuer, less a leading official title ("Bộ trưởng Bộ Y tế" → "Bộ
//   Y tế"), must stand as whole words inside our issuer (with its parent), after expanding
//   UBND/HĐND/TP;
// - title: portal titles carry the type, the number, "năm 2025" and "do … ban hành"; file-
//   name titles are slugs. Both sides become folded word lists without those parts; a title
//   matches when ≥ 75 % of the published words are ours and ≥ 50 % of ours are published
//   (≥ 40 % when every published word is ours: portals shorten titles).
//   A published title with no words left (just "Nghị định 61-CP") is not scored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parse/document.h"

namespace dondoc::eval {

struct Gold {
  std::string file, source;
  std::string code, number, type, date, issuer, title;
  int year = 0;
};

// One metadata.jsonl line → Gold; nullopt when the line is not a JSON object with "file".
std::optional<Gold> ParseGoldLine(const std::string& line);

// Each returns nullopt when the gold has nothing to compare for that field.
std::optional<bool> MatchNumber(const Document& d, const Gold& g);
std::optional<bool> MatchType(const Document& d, const Gold& g);
std::optional<bool> MatchDate(const Document& d, const Gold& g);
std::optional<bool> MatchYear(const Document& d, const Gold& g);
std::optional<bool> MatchIssuer(const Document& d, const Gold& g);
std::optional<bool> MatchTitle(const Document& d, const Gold& g);
// Lenient title: MatchTitle, or our trích yếu (≥ 3 words, not ending in a dangling "của",
// "về" …) stands in order inside the published title, ≥ 80 % of its words (numbers aside) —
// portals write "Công văn 5662/CT-CS năm 2025 về <our V/v> <what it is about> do Cục Thuế
// ban hành" and drop a citation's "số … ngày …".
std::optional<bool> MatchTitleContained(const Document& d, const Gold& g);

// Folded alphanumeric words of s.
std::vector<std::string> Words(const std::string& s);

}  // namespace dondoc::eval
