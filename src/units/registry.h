// The unit registry: known bodies, their kinds, abbreviations, aliases, groups, and renames
// and mergers with validity dates (data/units/*.txt, embedded at build time). Names in plans
// are resolved in the context of the issuing province and the document's date. The registry is
// built once on first use (a few milliseconds) and immutable after: every function here is
// thread-safe. Tested by registry_test.cc and find_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"

namespace dondoc::units {

struct UnitMatch {
  std::string unit_id;    // stable id of the kind of body, e.g. "so-tttt", "group:so-ban-nganh"
  std::string canonical;  // "Sở Thông tin và Truyền thông"
  std::string kind;       // "so", "ubnd", "hdnd", "ban-tinh-uy", "doan-the", "bo", "group", ...
  bool group = false;     // "các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"
  double confidence = 0;  // 1.0 exact or alias; lower for fuzzy (OCR) matches or lost accents
  std::string successor;  // id of the body that took over, when renamed/merged before `date`
  std::string note;   // why: "merged 2025-03-01 into Sở Khoa học và Công nghệ", "fuzzy …"
  std::string level;  // "central", "province", "district", "commune", "any"
  std::string province;  // the province it belongs to: as named, else the context's; "" central
  std::string place;     // a district or commune named with it ("huyện Ea Súp"), else ""
  std::string successor_name;  // canonical name of `successor`
};

struct Context {
  std::string province;  // "Bình Sơn" — from the issuer or place; may be empty
  std::string date;      // ISO date of the document; may be empty
};

// Resolves a unit name as written in a document ("Sở TT&TT", "UBND tỉnh Đắk Lắk",
// "các sở, ban, ngành"). nullopt when nothing plausible matches (callers report the unit as
// unknown, never drop it). Thread-safe.
std::optional<UnitMatch> Resolve(std::string_view name, const Context& context);

// Resolve, plus the reason when nothing matched: "empty name", "not in the registry",
// "unlisted Trung tâm …" (a known head word with a name the registry lacks).
struct Resolution {
  std::optional<UnitMatch> match;
  std::string reason;
};
Resolution ResolveWithReason(std::string_view name, const Context& context);

// A known unit named in free text: [begin, end) are bytes of `text`; `name` is that span as
// written, cleaned of line breaks, extra spaces and markdown '*'.
struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string name;
  UnitMatch match;
};

// Every known unit name, abbreviation and group phrase in `text`, left to right, longest match
// first, on word boundaries, ignoring accents, case, punctuation and line breaks inside names;
// a following "tỉnh X" / "huyện X" / known place is included in the span. Words inside a
// document number ("15/TTr-STTTT") are skipped. Exact matches only (no fuzzy search in free
// text). Thread-safe; linear in the text with a bounded look-ahead.
// Cost: about 15 ns per byte of text with the folding, 11 ns with a caller's fold (one pass
// over its words; names are looked up only at words that can start one).
std::vector<Mention> FindUnits(std::string_view text, const Context& context = {});

// The same, reusing `folded` = text::FoldMapped(text) when the caller has it already.
std::vector<Mention> FindUnits(std::string_view text, const text::FoldedText& folded,
                               const Context& context);

// The same over folded[begin, end) only — a paragraph of a document whose fold the caller has —
// with the result FindUnits gives for that stretch of `text` alone, but spans in bytes of the
// whole `text` and no folding or copying.
std::vector<Mention> FindUnits(std::string_view text, const text::FoldedText& folded,
                               std::size_t begin, std::size_t end, const Context& context);

// "binh-son/so-y-te" for a body of a province (the province folded, spaces as '-'), the id
// alone for central bodies or when the province is unknown.
std::string ScopedId(const UnitMatch& match);

}  // namespace dondoc::units
