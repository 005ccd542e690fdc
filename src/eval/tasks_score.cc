// Tested by tasks_score_test.cc. See tasks_score.h for what each comparison forgives.
#include "eval/tasks_score.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "eval/score.h"
#include "text/fold.h"

namespace dondoc::eval {
namespace {

// Folded abbreviations (as one token, "&" kept) → their folded full words. Only forms seen
// in unit names of the dev corpus or listed in shared/docs/domain.md §8.1.
const std::map<std::string, std::string>& Abbreviations() {
  static const auto* const kMap = new std::map<std::string, std::string>{
      {"ubnd", "uy ban nhan dan"},
      {"hdnd", "hoi dong nhan dan"},
      {"mttq", "mat tran to quoc"},
      {"ubmttq", "uy ban mat tran to quoc"},
      {"tp", "thanh pho"},
      {"bcd", "ban chi dao"},
      {"bql", "ban quan ly"},
      {"vp", "van phong"},
      {"tt&tt", "thong tin va truyen thong"},
      {"tttt", "thong tin va truyen thong"},
      {"kh&cn", "khoa hoc va cong nghe"},
      {"khcn", "khoa hoc va cong nghe"},
      {"kh&dt", "ke hoach va dau tu"},
      {"khdt", "ke hoach va dau tu"},
      {"gd&dt", "giao duc va dao tao"},
      {"gddt", "giao duc va dao tao"},
      {"nn&mt", "nong nghiep va moi truong"},
      {"nnmt", "nong nghiep va moi truong"},
      {"nn&ptnt", "nong nghiep va phat trien nong thon"},
      {"nnptnt", "nong nghiep va phat trien nong thon"},
      {"tn&mt", "tai nguyen va moi truong"},
      {"tnmt", "tai nguyen va moi truong"},
      {"vhtt&dl", "van hoa the thao va du lich"},
      {"vhttdl", "van hoa the thao va du lich"},
      {"ldtb&xh", "lao dong thuong binh va xa hoi"},
      {"ldtbxh", "lao dong thuong binh va xa hoi"},
      {"gtvt", "giao thong van tai"},
      {"bchqs", "bo chi huy quan su"},
      {"ldld", "lien doan lao dong"},
      {"hlhpn", "hoi lien hiep phu nu"},
  };
  return *kMap;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Folded text with whitespace runs collapsed to one space, remembering original offsets.
struct Collapsed {
  std::string s;
  std::vector<std::uint32_t> orig;  // orig[i]: byte in the original text of s[i]
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

Collapsed Collapse(std::string_view text) {
  const text::FoldedText f = text::FoldMapped(text);
  Collapsed c;
  for (std::size_t i = 0; i < f.folded.size(); ++i) {
    const char ch = f.folded[i];
    if (IsSpace(ch)) {
      if (c.s.empty() || c.s.back() == ' ') continue;
      c.s.push_back(' ');
    } else {
      c.s.push_back(ch);
    }
    c.orig.push_back(f.Orig(i));
  }
  return c;
}

std::string CollapseKey(std::string_view s) {
  std::string out = Collapse(s).s;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool ValidRole(const std::string& r) {
  return r == "lead" || r == "coordinate" || r == "execute" || r == "requested";
}

bool ValidIsoDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

std::string StringOr(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<TasksGold> Fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return std::nullopt;
}

// One side of the comparison: a unit with its key, role and task.
struct Unit {
  std::string key, role;
  int task = 0;
  bool used = false;
  int partner = -1;  // index of the matched unit on the other side
  std::string name;  // as written, for the misses report
};

// Matches unused gold units to unused predicted units, restricted to the given tasks
// (-1 = any task). Passes: exact key with the same role, exact key, containment with the
// same role, containment. Returns the number of pairs; adds same-role pairs to *same_role.
int MatchUnits(std::vector<Unit>* gold, std::vector<Unit>* pred, int gold_task, int pred_task,
               int* same_role) {
  int pairs = 0;
  for (int pass = 0; pass < 4; ++pass) {
    const bool exact = pass < 2;
    const bool need_role = pass % 2 == 0;
    for (Unit& g : *gold) {
      if (g.used || (gold_task >= 0 && g.task != gold_task)) continue;
      for (Unit& p : *pred) {
        if (p.used || (pred_task >= 0 && p.task != pred_task)) continue;
        if (need_role && p.role != g.role) continue;
        if (exact ? p.key != g.key : !UnitKeysMatch(g.key, p.key)) continue;
        g.used = p.used = true;
        g.partner = static_cast<int>(&p - pred->data());
        p.partner = static_cast<int>(&g - gold->data());
        ++pairs;
        if (p.role == g.role) ++*same_role;
        break;
      }
    }
  }
  return pairs;
}

double Ratio(int num, int den) { return den > 0 ? static_cast<double>(num) / den : 0.0; }

}  // namespace

std::optional<TasksGold> ParseTasksGold(std::string_view json, std::string* error) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Fail(error, "not a JSON object");
  TasksGold g;
  g.file = StringOr(j, "file");
  if (g.file.empty()) return Fail(error, "missing \"file\"");
  const auto scope = j.find("scope");
  if (scope == j.end() || (scope->is_string() && scope->get<std::string>() == "whole")) {
    g.whole = true;
  } else if (scope->is_object()) {
    g.whole = false;
    g.from_heading = StringOr(*scope, "from_heading");
    g.to_heading = StringOr(*scope, "to_heading");
    if (g.from_heading.empty()) return Fail(error, "scope without \"from_heading\"");
  } else {
    return Fail(error, "\"scope\" must be \"whole\" or an object");
  }
  const auto tasks = j.find("tasks");
  if (tasks == j.end() || !tasks->is_array()) return Fail(error, "missing \"tasks\" array");
  for (const auto& t : *tasks) {
    const std::string where = "task " + std::to_string(g.tasks.size() + 1);
    if (!t.is_object()) return Fail(error, where + ": not an object");
    GoldTask task;
    task.action_hint = StringOr(t, "action_hint");
    task.due_text = StringOr(t, "due_text");
    task.due_date = StringOr(t, "due_date");
    if (task.action_hint.empty()) return Fail(error, where + ": missing \"action_hint\"");
    if (!task.due_date.empty() && !ValidIsoDate(task.due_date)) {
      return Fail(error, where + ": due_date is not YYYY-MM-DD");
    }
    const auto units = t.find("units");
    if (units == t.end() || !units->is_array()) return Fail(error, where + ": missing \"units\"");
    for (const auto& u : *units) {
      GoldTaskUnit unit{StringOr(u, "name"), StringOr(u, "role")};
      if (unit.name.empty()) return Fail(error, where + ": unit without \"name\"");
      if (!ValidRole(unit.role)) return Fail(error, where + ": bad role '" + unit.role + "'");
      task.units.push_back(std::move(unit));
    }
    g.tasks.push_back(std::move(task));
  }
  return g;
}

std::string UnitKey(std::string_view name) {
  const std::string folded = text::Fold(name);
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(std::move(cur));
    cur.clear();
  };
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&') {
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  std::string key;
  auto append = [&key](const std::string& w) {
    if (w.empty()) return;
    if (!key.empty()) key.push_back(' ');
    key += w;
  };
  const auto& abbr = Abbreviations();
  for (const std::string& t : tokens) {
    if (const auto it = abbr.find(t); it != abbr.end()) {
      append(it->second);
      continue;
    }
    // "a&b" → "a va b".
    std::string part;
    for (const char c : t) {
      if (c == '&') {
        append(part);
        append("va");
        part.clear();
      } else {
        part.push_back(c);
      }
    }
    append(part);
  }
  return key;
}

bool UnitKeysMatch(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const auto wa = SplitWords(a);
  const auto wb = SplitWords(b);
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = wa.size() <= wb.size() ? wb : wa;
  if (shorter.size() < 2) return false;
  return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
}

std::optional<ByteRange> FindScope(const TasksGold& gold, std::string_view text) {
  if (gold.whole) return ByteRange{0, text.size()};
  const Collapsed c = Collapse(text);
  const std::string from = CollapseKey(gold.from_heading);
  const std::size_t at = c.s.find(from);
  if (from.empty() || at == std::string::npos) return std::nullopt;
  ByteRange r{c.orig[at], text.size()};
  if (!gold.to_heading.empty()) {
    const std::size_t to = c.s.find(CollapseKey(gold.to_heading), at + from.size());
    if (to == std::string::npos) return std::nullopt;
    r.end = c.orig[to];
  }
  return r;
}

void TasksScore::Add(const TasksScore& o) {
  gold_tasks += o.gold_tasks;
  pred_tasks += o.pred_tasks;
  aligned_tasks += o.aligned_tasks;
  gold_units += o.gold_units;
  pred_units += o.pred_units;
  matched_units += o.matched_units;
  same_role += o.same_role;
  gold_dated += o.gold_dated;
  time_ok += o.time_ok;
  scope_found = scope_found && o.scope_found;
}

double TasksScore::UnitPrecision() const { return Ratio(matched_units, pred_units); }
double TasksScore::UnitRecall() const { return Ratio(matched_units, gold_units); }
double TasksScore::UnitF1() const {
  const double p = UnitPrecision(), r = UnitRecall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double TasksScore::RoleAccuracy() const { return Ratio(same_role, matched_units); }
double TasksScore::TimeAccuracy() const { return Ratio(time_ok, gold_dated); }
double TasksScore::TaskPrecision() const { return Ratio(aligned_tasks, pred_tasks); }
double TasksScore::TaskRecall() const { return Ratio(aligned_tasks, gold_tasks); }

TasksScore ScoreTasks(const TasksGold& gold, const Document& doc, std::string_view text,
                      std::vector<std::string>* misses) {
  TasksScore s;
  auto scope = FindScope(gold, text);
  if (!scope) {
    s.scope_found = false;
    scope = ByteRange{0, text.size()};
  }
  // Predicted tasks in scope.
  std::vector<const Task*> pred;
  for (const Task& t : doc.tasks) {
    if (t.span.begin >= scope->begin && t.span.begin < scope->end) {
      pred.push_back(&t);
    }
  }
  s.gold_tasks = static_cast<int>(gold.tasks.size());
  s.pred_tasks = static_cast<int>(pred.size());

  // Align tasks: overlap = distinct hint words found in the predicted action.
  const int ng = s.gold_tasks, np = s.pred_tasks;
  std::vector<std::vector<int>> overlap(static_cast<std::size_t>(ng),
                                        std::vector<int>(static_cast<std::size_t>(np), 0));
  std::vector<int> hint_size(static_cast<std::size_t>(ng), 0);
  std::vector<std::set<std::string>> pred_words;
  for (const Task* t : pred) {
    const auto w = Words(t->action);
    pred_words.emplace_back(w.begin(), w.end());
  }
  struct Cand {
    int overlap, g, p;
  };
  std::vector<Cand> cands;
  for (int g = 0; g < ng; ++g) {
    const auto w = Words(gold.tasks[static_cast<std::size_t>(g)].action_hint);
    const std::set<std::string> hint(w.begin(), w.end());
    hint_size[static_cast<std::size_t>(g)] = static_cast<int>(hint.size());
    for (int p = 0; p < np; ++p) {
      int n = 0;
      for (const auto& word : hint) n += pred_words[static_cast<std::size_t>(p)].count(word);
      overlap[static_cast<std::size_t>(g)][static_cast<std::size_t>(p)] = n;
      if (n >= 2 && 2 * n >= static_cast<int>(hint.size())) cands.push_back({n, g, p});
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [&](const Cand& a, const Cand& b) {
    // Best share of the hint first.
    return static_cast<long>(a.overlap) * hint_size[static_cast<std::size_t>(b.g)] >
           static_cast<long>(b.overlap) * hint_size[static_cast<std::size_t>(a.g)];
  });
  std::vector<int> gold_to_pred(static_cast<std::size_t>(ng), -1);
  std::vector<int> pred_to_gold(static_cast<std::size_t>(np), -1);
  for (const Cand& c : cands) {
    if (gold_to_pred[static_cast<std::size_t>(c.g)] >= 0 ||
        pred_to_gold[static_cast<std::size_t>(c.p)] >= 0) {
      continue;
    }
    gold_to_pred[static_cast<std::size_t>(c.g)] = c.p;
    pred_to_gold[static_cast<std::size_t>(c.p)] = c.g;
    ++s.aligned_tasks;
  }

  // Units.
  std::vector<Unit> gu, pu;
  for (int g = 0; g < ng; ++g) {
    for (const auto& u : gold.tasks[static_cast<std::size_t>(g)].units) {
      gu.push_back({UnitKey(u.name), u.role, g, false, -1, u.name});
    }
  }
  for (int p = 0; p < np; ++p) {
    for (const auto& u : pred[static_cast<std::size_t>(p)]->units) {
      std::string key = UnitKey(u.name);
      if (!key.empty()) pu.push_back({std::move(key), u.role, p, false, -1, u.name});
    }
  }
  s.gold_units = static_cast<int>(gu.size());
  s.pred_units = static_cast<int>(pu.size());
  std::vector<Unit> gu_all = gu, pu_all = pu;  // before matching marks them used
  for (int g = 0; g < ng; ++g) {
    const int p = gold_to_pred[static_cast<std::size_t>(g)];
    if (p >= 0) s.matched_units += MatchUnits(&gu, &pu, g, p, &s.same_role);
  }
  s.matched_units += MatchUnits(&gu, &pu, -1, -1, &s.same_role);

  // Times.
  auto due_date = [&](const Task* t) -> std::string {
    if (!t->due || *t->due < 0 || *t->due >= static_cast<int>(doc.times.size())) return {};
    return doc.times[static_cast<std::size_t>(*t->due)].date;
  };
  auto shares_unit = [&](int g, int p) {
    for (const Unit& a : gu_all) {
      if (a.task != g) continue;
      for (const Unit& b : pu_all) {
        if (b.task == p && UnitKeysMatch(a.key, b.key)) return true;
      }
    }
    return false;
  };
  for (int g = 0; g < ng; ++g) {
    const GoldTask& gt = gold.tasks[static_cast<std::size_t>(g)];
    if (gt.due_date.empty()) continue;
    ++s.gold_dated;
    int p = gold_to_pred[static_cast<std::size_t>(g)];
    if (p < 0) {
      int best = -1;
      for (int q = 0; q < np; ++q) {
        if (pred_to_gold[static_cast<std::size_t>(q)] >= 0 || !shares_unit(g, q)) continue;
        const int o = overlap[static_cast<std::size_t>(g)][static_cast<std::size_t>(q)];
        if (o > best) {
          best = o;
          p = q;
        }
      }
    }
    const std::string got = p >= 0 ? due_date(pred[static_cast<std::size_t>(p)]) : "";
    if (p >= 0 && got == gt.due_date) {
      ++s.time_ok;
    } else if (misses != nullptr) {
      misses->push_back(
          "time: \"" + gt.action_hint + "\" due " + gt.due_date + " (" + gt.due_text + "), got " +
          (p < 0         ? "no task"
           : got.empty() ? "no date"
                         : got) +
          (p >= 0 ? " in \"" + pred[static_cast<std::size_t>(p)]->action.substr(0, 60) + "\""
                  : ""));
    }
  }
  if (misses != nullptr) {
    auto gold_action = [&](int g) { return gold.tasks[static_cast<std::size_t>(g)].action_hint; };
    auto pred_action = [&](int p) {
      return pred[static_cast<std::size_t>(p)]->action.substr(0, 60);
    };
    for (const Unit& g : gu) {
      if (!g.used) {
        misses->push_back("miss unit: " + g.name + " [" + g.role + "] in \"" + gold_action(g.task) +
                          "\"");
      } else if (const Unit& p = pu[static_cast<std::size_t>(g.partner)]; p.role != g.role) {
        misses->push_back("role: " + g.name + " gold " + g.role + ", got " + p.role + " in \"" +
                          gold_action(g.task) + "\"");
      }
    }
    for (const Unit& p : pu) {
      if (!p.used) {
        misses->push_back("extra unit: " + p.name + " [" + p.role + "] in \"" +
                          pred_action(p.task) + "\"");
      }
    }
  }
  return s;
}

}  // namespace dondoc::eval
