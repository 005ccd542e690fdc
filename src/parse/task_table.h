// Shared pieces of the task extractor (TaskEnv: names, due dates, paths, actions) and task
// tables: "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm" in any
// order and wording. Tested by tasks_test.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parse/document.h"
#include "parse/tasks_scan.h"
#include "parse/tasks_units.h"
#include "text/fold.h"
#include "units/registry.h"

namespace dondoc::parse {

// Everything a task is built from; lives for one ExtractTasks call.
struct TaskEnv {
  TaskEnv(std::string_view text, const text::FoldedText& f, const Document& doc,
          const Operative& operative);

  std::string_view text;
  const text::FoldedText& f;
  const OutlineIndex& outline;
  const std::vector<std::pair<std::size_t, std::size_t>>& times;  // Operative::times
  units::Context context;
  // Names resolved so far (units::ResolveWithReason), one registry look-up per distinct name.
  struct Resolved {
    std::string unit_id;  // empty when the registry knows no such unit
    std::string reason;   // why not, when unit_id is empty
  };
  mutable std::unordered_map<std::string, Resolved> resolved;
  std::string issuer;         // folded, "ủy ban nhân dân" written "ubnd"
  std::string issuer_parent;  // folded, the same way
  bool issuer_ubnd = false;
  // The "Kính gửi" addressees of a letter, as mentions (what "quý Bộ", "quý cơ quan" stand for).
  std::vector<UnitMention> addressees;
  mutable std::optional<std::string> own_office;  // OwnOffice(), once computed

  // FindUnitMentions over folded [b, e), with "Văn phòng" alone (own_office) named after
  // OwnOffice(), or dropped when the document names no office.
  std::vector<UnitMention> Mentions(std::size_t b, std::size_t e) const;
  // The office the document means by "Văn phòng" alone: the issuer's own office, as the text
  // names it in full — of the "Văn phòng <owner>" names in the text, the one whose owner shares
  // most words with the issuer (its name and parent body), the first on a tie; "" when none
  // shares any. Computed on first use.
  const std::string& OwnOffice() const;
  // The first time expression inside folded [b, e).
  std::optional<int> DueIn(std::size_t b, std::size_t e) const;
  TaskUnit Unit(const UnitMention& m, std::string role) const;
  // The registry's answer for a unit name (cached in `resolved`).
  const Resolved& Resolve(const std::string& name) const;
  // True when the mention names the issuer itself ("UBND tỉnh" in a plan of UBND tỉnh X).
  bool IsIssuer(const UnitMention& m) const;
  // Cleaned action text of folded [b, e), at most about kMaxActionBytes.
  std::string Action(std::size_t b, std::size_t e) const;
};

inline constexpr std::size_t kMaxActionBytes = 300;

// Tasks from the rows of a task table (none when the header has no content column or no
// chủ trì / thực hiện column). Rows with fewer or more cells than the header are read by
// position and reported once per table as a "ragged-table" warning; rows of dots where a copy
// left rows out ("…......", Table::elided) as a "table-rows-elided" warning.
void TableTasks(const TaskEnv& env, const Table& table, std::vector<Task>* tasks,
                std::vector<Warning>* warnings);

}  // namespace dondoc::parse
