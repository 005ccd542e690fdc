// The unit registry: known bodies, their kinds, abbreviations, aliases, groups, and renames
// and mergers with validity dates. Names in plans are resolved in the context of the issuing
// province and the document's date. Tested by registry_test.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::units {

struct UnitMatch {
  std::string unit_id;     // stable id, e.g. "so-tttt" (a kind within a province: "binh-son/so-tttt")
  std::string canonical;   // "Sở Thông tin và Truyền thông"
  std::string kind;        // "so", "ubnd-tinh", "ubnd-xa", "ban-tinh-uy", "hoi", "group", ...
  bool group = false;      // "các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"
  double confidence = 0;   // 1.0 exact or alias; lower for fuzzy (OCR) matches
  std::string successor;   // set when the unit was renamed/merged before `date`
  std::string note;        // why: "renamed 2025-03-01 → Sở Khoa học và Công nghệ", "unknown"
};

struct Context {
  std::string province;  // "Bình Sơn" — from the issuer or place; may be empty
  std::string date;      // ISO date of the document; may be empty
};

// Resolves a unit name as written in a document. nullopt when nothing plausible matches
// (callers report the unit as unknown, never drop it). Thread-safe.
std::optional<UnitMatch> Resolve(std::string_view name, const Context& context);

}  // namespace dondoc::units
