// Scoring the tasks extractor against the hand-annotated gold in tests/data/tasks-gold/
// (one JSON file per corpus document; the annotation rules are in that folder's README.md).
// Tested by tasks_score_test.cc.
//
// What is compared, and how:
// - Scope. A gold file covers the whole document ("scope": "whole") or one section
//   ({"from_heading": …, "to_heading": …|null}). The headings are found in the normalized
//   text, folded (accents, case) and with runs of spaces/line breaks collapsed; the section
//   runs from the start of from_heading to the start of the first to_heading after it (or
//   the end of the text). Only predicted tasks whose span begins inside the section are
//   scored. A heading that cannot be found is reported (scope_found = false) and the whole
//   document is scored instead.
// - Unit names. Both sides become a UnitKey: folded words, "&" read as "và", common
//   abbreviations expanded (UBND, HĐND, MTTQ, TP, Sở TT&TT, Sở KH&CN, …). Two names match
//   when their keys are equal, or when the shorter key (≥ 2 words) stands as a run of whole
//   words inside the longer ("Sở Y tế" ~ "Sở Y tế tỉnh Bình Sơn").
// - Task alignment. A gold task and a predicted task align when at least half of the
//   distinct folded words of the gold action_hint (≥ 2 of them) occur in the predicted
//   action. Pairs are taken greedily, best overlap first, one-to-one.
// - Units (precision / recall / F1). The multiset of units over all tasks in scope, gold vs
//   predicted (a unit named in three tasks counts three times). Units are matched first
//   inside aligned task pairs, then whatever is left is matched across the whole document —
//   so an unaligned task still earns its units. Each stage takes, in this order: equal keys
//   with equal roles, equal keys, containment with equal roles, containment.
// - Roles (accuracy). Over the matched unit pairs, the share whose roles are equal. Pairs
//   made inside an aligned task compare the role the unit plays in that very task.
// - Times (accuracy). Over gold tasks with a due_date: the aligned predicted task, or when
//   none, the unaligned predicted task sharing a unit with the gold task whose action overlaps
//   most, must have a due time (doc.times[due]) whose date equals due_date.
// - Tasks (precision / recall): aligned pairs over predicted and gold tasks in scope, as a
//   side figure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::eval {

struct GoldTaskUnit {
  std::string name;
  std::string role;  // lead | coordinate | execute | requested
};

struct GoldTask {
  std::string action_hint;
  std::vector<GoldTaskUnit> units;
  std::string due_text;  // empty when the gold gives none
  std::string due_date;  // ISO; empty when none
};

struct TasksGold {
  std::string file;          // corpus file name
  bool whole = true;         // scope "whole"
  std::string from_heading;  // when !whole
  std::string to_heading;    // when !whole; empty = to the end of the text
  std::vector<GoldTask> tasks;
};

// Parses one gold file's JSON text. On failure returns nullopt and sets *error (if given)
// to a one-line reason.
std::optional<TasksGold> ParseTasksGold(std::string_view json, std::string* error = nullptr);

// Counts for one document or, summed with Add, for a whole gold set.
struct TasksScore {
  int gold_tasks = 0, pred_tasks = 0, aligned_tasks = 0;
  int gold_units = 0, pred_units = 0, matched_units = 0;
  int same_role = 0;  // among matched_units
  int gold_dated = 0, time_ok = 0;
  bool scope_found = true;

  void Add(const TasksScore& o);
  double UnitPrecision() const;
  double UnitRecall() const;
  double UnitF1() const;
  double RoleAccuracy() const;  // 0 when nothing matched
  double TimeAccuracy() const;  // 0 when no gold task is dated
  double TaskPrecision() const;
  double TaskRecall() const;
};

// Scores `doc`, parsed from the normalized `text`, against `gold`. Thread-safe. When `misses`
// is given, one line is appended per miss, for a reader working on the extractor: a gold unit
// not found ("miss unit"), a predicted unit matching none ("extra unit"), a matched unit with
// another role ("role"), a dated gold task whose due date is wrong ("time").
TasksScore ScoreTasks(const TasksGold& gold, const Document& doc, std::string_view text,
                      std::vector<std::string>* misses = nullptr);

// The comparison key of a unit name (see the header comment): "Sở TT&TT tỉnh X" →
// "so thong tin va truyen thong tinh x". Exposed for tests.
std::string UnitKey(std::string_view name);

// True when two UnitKeys name the same unit under the rule above.
bool UnitKeysMatch(const std::string& a, const std::string& b);

// [begin, end) bytes of the scoped section in `text`; nullopt when a heading is not found.
struct ByteRange {
  std::size_t begin = 0, end = 0;
};
std::optional<ByteRange> FindScope(const TasksGold& gold, std::string_view text);

}  // namespace dondoc::eval
