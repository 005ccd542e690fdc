// Unit mentions for the task and reporting extractors: where in a plan's text a body (Sở, Ban,
// UBND, Công an tỉnh, "các sở, ban, ngành" …) is named. Tested by tasks_test.cc.
//
// FALLBACK: the unit registry (units/registry.h) does not yet offer a mention finder; until it
// does, this small head-word finder stands in. When units::FindUnits lands, FindUnitMentions
// should call it first and keep this finder for what the registry does not know.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"

namespace dondoc::parse {

struct UnitMention {
  std::size_t begin = 0;  // [begin, end) in the folded text
  std::size_t end = 0;
  std::string name;  // set only when the name is not the text as written ("Sở Tài chính"
                     // built from "các Sở: …, Tài chính")
  bool group = false;  // "các sở, ban, ngành", "UBND các huyện …", "các cơ quan liên quan"
  bool outside = false;  // outside a provincial UBND's command: Mặt trận, đoàn thể, Party
                         // committees, HĐND, central bodies, courts, procuracies
  bool own_office = false;  // "Văn phòng" alone ("lãnh đạo Văn phòng sẽ …"): the document's
                            // own office, to be named by the caller (TaskEnv::Mentions)
};

// Mentions in folded[begin, end), in order, not overlapping. `text` is the original
// (normalized) text `f` was folded from: capitalization is read there. Pure, thread-safe.
std::vector<UnitMention> FindUnitMentions(std::string_view text, const text::FoldedText& f,
                                          std::size_t begin, std::size_t end);

// The mention(s) starting exactly at folded `pos` and ending by `end` (several for "các Sở: A,
// B"); empty when no unit name starts there. Pure, thread-safe.
std::vector<UnitMention> MentionsAt(std::string_view text, const text::FoldedText& f,
                                    std::size_t pos, std::size_t end);

// A cheap necessary test for a mention at folded `pos`: a capitalized head word ("Sở", "UBND")
// or "các". False means MentionsAt(pos) is empty.
bool MayStartMention(std::string_view text, const text::FoldedText& f, std::size_t pos);

// The cleaned name of a mention: as written (line breaks and markdown removed), or `name`.
std::string MentionName(std::string_view text, const text::FoldedText& f, const UnitMention& m);

// Removes "*", "_" and "#" markup, collapses white space (line breaks too), trims.
std::string CleanText(std::string_view s);

// Inline with a byte table: the task extractor asks these at nearly every word of a plan.
namespace units_internal {
inline constexpr auto kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '&' ||
           (c >= 'A' && c <= 'Z');
  }
  return t;
}();
}  // namespace units_internal

// A byte of a word in folded text: a letter, a digit, '&' or any byte of a UTF-8 sequence.
inline bool IsWordByte(unsigned char c) { return units_internal::kWordByte[c]; }

// True when folded[pos] starts a word (start of text or after a non-letter/digit byte).
inline bool WordStart(std::string_view folded, std::size_t pos) {
  return pos == 0 || !IsWordByte(static_cast<unsigned char>(folded[pos - 1]));
}

// True when `word` (folded, may contain spaces) is at `pos` and ends at a word boundary.
inline bool WordAt(std::string_view folded, std::size_t pos, std::string_view word) {
  if (word.empty() || pos + word.size() > folded.size()) return false;
  // The first byte first: most calls are rejected by it without a call to memcmp.
  if (folded[pos] != word[0] || !WordStart(folded, pos)) return false;
  if (std::memcmp(folded.data() + pos + 1, word.data() + 1, word.size() - 1) != 0) return false;
  const std::size_t e = pos + word.size();
  return e == folded.size() || !IsWordByte(static_cast<unsigned char>(folded[e])) ||
         !IsWordByte(static_cast<unsigned char>(word.back()));
}

}  // namespace dondoc::parse
