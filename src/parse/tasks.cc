// Tested by tasks_test.cc.
//
// Tasks are read from the operative part (tasks_scan.h) one paragraph at a time, a paragraph
// cut into sentences and a sentence into clauses ("…; Tỉnh đoàn phát huy …"). The text is
// folded once; units come from FindUnitMentions (tasks_units.h). Forms and roles:
// - "<units> chủ trì, phối hợp với <units> <action>" → lead, coordinate. Also "<units> là cơ
//   quan chủ trì", "<units> làm đầu mối" (lead), "<units> phối hợp với <units> …" (the
//   subject coordinates, the partners lead) — SPEC(NĐ 30/2020 Điều 23.2): chủ trì, phối hợp,
//   thời hạn.
// - "<units> <action>", "<units> chịu trách nhiệm …", "Giao <units> …" → execute
//   (domain.md §8.2: giao, chịu trách nhiệm, thực hiện, tham mưu).
// - "Đề nghị <units> …" → requested for bodies outside the issuer's command (Mặt trận, đoàn
//   thể, Party committees, HĐND, central bodies, courts); a UBND's own Sở, its lower UBND and
//   offices stay execute. The request carries over to later clauses of the sentence and to a
//   section headed "Đề nghị …".
// - A paragraph that is only a unit list ("3. Sở Giáo dục và Đào tạo:", "a) Công an tỉnh:",
//   "Trách nhiệm của Sở Y tế") heads a section: each later paragraph in that outline section
//   (or, for an unnumbered heading, in the same outline node) is a task of those units, lead
//   when it opens with "Chủ trì", coordinate when it opens with "Phối hợp".
// - Điều 3 of a decision ("Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: …; Chủ tịch UBND các
//   huyện … chịu trách nhiệm thi hành Quyết định này") → execute for each body, the position
//   words ("Giám đốc", "Chủ tịch", "Thủ trưởng" …) left out of the names.
// - Task tables → task_table.cc.
// Edge cases handled: the issuer named as a unit ("UBND tỉnh ban hành …") is dropped; a
// paragraph without units gives no task; a unit named twice keeps its strongest role
// (lead > execute > requested > coordinate); the role words leading a sentence are cut from the
// action; due is the first time expression inside the task, else inside the section heading.
#include "parse/tasks.h"

#include <algorithm>
#include <array>

#include "parse/task_table.h"
#include "parse/tasks_scan.h"
#include "parse/tasks_units.h"
#include "text/fold.h"

namespace dondoc::parse {
namespace {

// Position words before a body's name ("Giám đốc Sở Y tế" → "Sở Y tế"). "Chánh" alone: the
// body of "Chánh Văn phòng UBND tỉnh" is "Văn phòng UBND tỉnh".
constexpr std::array<std::string_view, 17> kPositions = {
    "pho giam doc", "giam doc",       "pho chu tich",  "chu tich",       "pho chanh",    "chanh an",
    "chanh",        "thu truong",     "tong giam doc", "chi huy truong", "vien truong",  "bi thu",
    "cuc truong",   "chi cuc truong", "hieu truong",   "truong ban",     "tong bien tap"};

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::size_t Skip(std::string_view fs, std::size_t p, std::size_t e) {
  while (p < e && (IsSpaceByte(fs[p]) || fs[p] == '*' || fs[p] == '_')) ++p;
  return p;
}

int RoleRank(std::string_view r) {
  if (r == "lead") return 3;
  if (r == "execute") return 2;
  if (r == "requested") return 1;
  return 0;
}

struct Analyzer {
  const TaskEnv& env;
  std::string_view fs;

  // The mention starting at p, or -1.
  static int MentionAt(const std::vector<UnitMention>& ms, std::size_t p) {
    auto it = std::lower_bound(ms.begin(), ms.end(), p,
                               [](const UnitMention& m, std::size_t x) { return m.begin < x; });
    return it != ms.end() && it->begin == p ? static_cast<int>(it - ms.begin()) : -1;
  }

  std::size_t SkipPosition(std::size_t p, std::size_t e) const {
    // Cheap rejection: every position word starts with one of these letters.
    if (p >= e || std::string_view("pgctvbh").find(fs[p]) == std::string_view::npos) return p;
    for (std::string_view w : kPositions) {
      if (w[0] != fs[p]) continue;
      if (WordAt(fs, p, w)) return Skip(fs, p + w.size(), e);
    }
    return p;
  }

  // A list of units at p: "Giám đốc Sở A, Sở B và các cơ quan liên quan". Returns mention
  // indices; *list_end is after the last mention (or p).
  std::vector<int> List(const std::vector<UnitMention>& ms, std::size_t p, std::size_t e,
                        std::size_t* list_end) const {
    std::vector<int> out;
    *list_end = p;
    std::size_t q = Skip(fs, p, e);
    while (q < e) {
      q = SkipPosition(q, e);
      int m = MentionAt(ms, q);
      if (m < 0 && WordAt(fs, q, "cac so")) {
        // "Giám đốc các Sở: A, B" — the mentions are the names after "các Sở:".
        std::size_t r = q + 6;
        if (r < e && fs[r] == ':') ++r;
        r = Skip(fs, r, e);
        m = MentionAt(ms, r);
      }
      if (m < 0) break;
      out.push_back(m);
      *list_end = ms[m].end;
      q = Skip(fs, ms[m].end, e);
      if (q < e && fs[q] == '(') {  // "(Sở TT&TT)", "(cơ quan thường trực)"
        const std::size_t close = fs.find(')', q);
        if (close != std::string_view::npos && close < e && close - q < 60) {
          *list_end = close + 1;
          q = Skip(fs, close + 1, e);
        }
      }
      if (q < e && (fs[q] == ',' || fs[q] == ';')) {
        q = Skip(fs, q + 1, e);
      } else if (WordAt(fs, q, "va")) {
        q = Skip(fs, q + 2, e);
      } else if (WordAt(fs, q, "cung")) {
        q = Skip(fs, q + 4, e);
      } else {
        break;
      }
    }
    return out;
  }

  std::string RoleFor(const UnitMention& m, bool requested) const {
    if (!requested) return "execute";
    // SPEC(domain.md §8.2): "đề nghị" asks bodies outside the issuer's command.
    if (env.issuer_ubnd && !m.outside) return "execute";
    return "requested";
  }

  static std::size_t After(std::string_view fs, std::size_t q, std::size_t e, std::string_view w) {
    return WordAt(fs, q, w) && q + w.size() <= e ? q + w.size() : std::string_view::npos;
  }
};

struct Section {
  bool valid = false;
  std::vector<UnitMention> units;
  bool requested = false;
  int node = -1;
  std::string path;
  bool node_heading = false;
  std::size_t begin = 0, end = 0;
};

class Extractor {
 public:
  Extractor(const TaskEnv& env) : env_(env), a_{env, env.f.folded}, fs_(env.f.folded) {}

  void Paragraph(const parse::Paragraph& p, std::vector<Task>* out) {
    // Section context: still in force?
    if (sec_.valid) {
      const std::string& path = env_.outline.Path(p.node);
      const bool in = sec_.node_heading ? (p.node == sec_.node || path.starts_with(sec_.path + "."))
                                        : p.node == sec_.node;
      if (!in) sec_.valid = false;
    }
    const auto sentences = Sentences(env_.text, env_.f, p.content, p.end);
    std::vector<UnitMention> ms;
    if (MayNameUnits(p, sentences)) ms = FindUnitMentions(env_.text, env_.f, p.content, p.end);
    if (Heading(p, ms, out)) return;
    bool first = true;
    for (auto [sb, se] : sentences) {
      Sentence(first ? p.begin : sb, sb, se, ms, out);
      first = false;
    }
  }

 private:
  // Whether a unit can matter in paragraph p: one may start a clause (a sentence, the text after
  // ";", after "Đề nghị", "Giao", a position word …), follow "giao", or the paragraph says
  // "chủ trì" / "phối hợp" (units before or after them). False for most paragraphs of a law or
  // a report, which then are not searched for units at all.
  bool MayNameUnits(const parse::Paragraph& p,
                    const std::vector<std::pair<std::size_t, std::size_t>>& sentences) const {
    const std::string_view para = fs_.substr(p.content, p.end - p.content);
    if (para.find("chu tri") != std::string_view::npos ||
        para.find("phoi hop") != std::string_view::npos) {
      return true;
    }
    auto clause_start = [&](std::size_t q) {
      q = Skip(fs_, q, p.end);
      for (std::string_view w :
           {"de nghi", "giao cho", "giao", "yeu cau", "trach nhiem cua", "nhiem vu cua"}) {
        if (q < p.end && fs_[q] == w[0] && WordAt(fs_, q, w)) {
          q = Skip(fs_, q + w.size(), p.end);
          break;
        }
      }
      q = a_.SkipPosition(q, p.end);
      return WordAt(fs_, q, "cac") || MayStartMention(env_.text, env_.f, q);
    };
    for (auto [sb, se] : sentences) {
      if (clause_start(sb)) return true;
    }
    for (std::size_t i = para.find_first_of(";"); i != std::string_view::npos;
         i = para.find(';', i + 1)) {
      if (clause_start(p.content + i + 1)) return true;
    }
    for (std::size_t i = para.find("giao "); i != std::string_view::npos;
         i = para.find("giao ", i + 1)) {
      if (MayStartMention(env_.text, env_.f, p.content + i + 5)) return true;
    }
    return false;
  }

  // A unit-list heading: sets the section; a body after ":" on the same line is a task.
  bool Heading(const parse::Paragraph& p, const std::vector<UnitMention>& ms,
               std::vector<Task>* out) {
    if (ms.empty()) return false;
    std::size_t q = p.content;
    bool requested = false;
    if (WordAt(fs_, q, "de nghi")) {
      requested = true;
      q = Skip(fs_, q + 7, p.end);
    }
    for (std::string_view w : {"trach nhiem cua", "nhiem vu cua", "giao"}) {
      if (WordAt(fs_, q, w)) q = Skip(fs_, q + w.size(), p.end);
    }
    std::size_t le = q;
    const std::vector<int> list = a_.List(ms, q, p.end, &le);
    if (list.empty()) return false;
    std::size_t r = Skip(fs_, le, p.end);
    std::size_t colon = std::string_view::npos;
    for (std::string_view w : {"co trach nhiem thuc hien", "co trach nhiem", "chiu trach nhiem",
                               "thuc hien cac nhiem vu sau", "thuc hien", "(chu tri)"}) {
      if (WordAt(fs_, r, w) || fs_.substr(r, w.size()) == w) {
        const std::size_t x = Skip(fs_, r + w.size(), p.end);
        if (x >= p.end || fs_[x] == ':') r = x;
        break;
      }
    }
    if (r < p.end && fs_[r] == ':') colon = r;
    if (r < p.end && colon == std::string_view::npos) return false;
    sec_.valid = true;
    sec_.units.clear();
    for (int i : list) sec_.units.push_back(ms[i]);
    sec_.requested = requested;
    sec_.node = p.node;
    sec_.path = env_.outline.Path(p.node);
    sec_.node_heading = p.heading;
    sec_.begin = p.begin;
    sec_.end = colon != std::string_view::npos ? colon : p.end;
    if (colon != std::string_view::npos) {
      const std::size_t body = Skip(fs_, colon + 1, p.end);
      if (body < p.end) Sentence(p.begin, body, p.end, ms, out);
    }
    return true;
  }

  void Sentence(std::size_t span_begin, std::size_t b, std::size_t e,
                const std::vector<UnitMention>& ms, std::vector<Task>* out) {
    bool requested = sec_.valid && sec_.requested;
    std::size_t cb = b;
    while (cb < e) {
      const std::size_t ce = Clause(span_begin, cb, e, ms, &requested, out);
      if (ce >= e) break;
      span_begin = cb = Skip(fs_, ce + 1, e);
    }
  }

  // Analyses the clause starting at b; returns where it ends (a ";" before a new subject, or e).
  std::size_t Clause(std::size_t span_begin, std::size_t b, std::size_t e,
                     const std::vector<UnitMention>& ms, bool* requested, std::vector<Task>* out) {
    std::vector<TaskUnit> units;
    auto add = [&](const UnitMention& m, std::string role) {
      if (env_.IsIssuer(m)) return;
      TaskUnit u = env_.Unit(m, std::move(role));
      for (TaskUnit& x : units) {
        if (x.name == u.name) {
          if (RoleRank(u.role) > RoleRank(x.role)) x.role = u.role;
          return;
        }
      }
      units.push_back(std::move(u));
    };
    std::size_t p = Skip(fs_, b, e);
    if (WordAt(fs_, p, "de nghi")) {
      *requested = true;
      p = Skip(fs_, p + 7, e);
    } else if (WordAt(fs_, p, "giao cho")) {
      p = Skip(fs_, p + 8, e);
    } else if (WordAt(fs_, p, "giao") || WordAt(fs_, p, "yeu cau")) {
      p = Skip(fs_, p + (fs_[p] == 'g' ? 4 : 7), e);
    }
    std::size_t le = p;
    const std::vector<int> subject = a_.List(ms, p, e, &le);
    std::size_t action = p;
    std::string partner_role = "coordinate";
    if (!subject.empty()) {
      std::size_t q = Skip(fs_, le, e);
      if (q < e && fs_[q] == ',') q = Skip(fs_, q + 1, e);
      std::string role;
      std::size_t x;
      if ((x = Analyzer::After(fs_, q, e, "chu tri")) != std::string_view::npos ||
          (x = Analyzer::After(fs_, q, e, "la co quan chu tri")) != std::string_view::npos ||
          (x = Analyzer::After(fs_, q, e, "la don vi chu tri")) != std::string_view::npos ||
          (x = Analyzer::After(fs_, q, e, "lam dau moi")) != std::string_view::npos ||
          (x = Analyzer::After(fs_, q, e, "la co quan thuong truc")) != std::string_view::npos) {
        role = "lead";
        q = x;
      } else if (WordAt(fs_, q, "phoi hop")) {
        role = "coordinate";
        partner_role = "lead";
      } else if ((x = Analyzer::After(fs_, q, e, "chiu trach nhiem")) != std::string_view::npos ||
                 (x = Analyzer::After(fs_, q, e, "co trach nhiem")) != std::string_view::npos) {
        q = x;
      }
      for (int i : subject) add(ms[i], role.empty() ? a_.RoleFor(ms[i], *requested) : role);
      action = q;
    } else if (sec_.valid) {
      std::string role;
      if (WordAt(fs_, p, "chu tri")) {
        role = "lead";
        action = p + 7;
      } else if (WordAt(fs_, p, "phoi hop")) {
        role = "coordinate";
        partner_role = "lead";
      }
      for (const UnitMention& m : sec_.units) {
        add(m, role.empty() ? a_.RoleFor(m, *requested) : role);
      }
    }
    // Partners: "(,) phối hợp (với|cùng) <units>".
    {
      std::size_t q = Skip(fs_, action, e);
      if (q < e && fs_[q] == ',') q = Skip(fs_, q + 1, e);
      if (WordAt(fs_, q, "phoi hop")) {
        q = Skip(fs_, q + 8, e);
        if (WordAt(fs_, q, "voi")) q = Skip(fs_, q + 3, e);
        if (WordAt(fs_, q, "cung")) q = Skip(fs_, q + 4, e);
        std::size_t pe = q;
        const std::vector<int> partners = a_.List(ms, q, e, &pe);
        for (int i : partners) add(ms[i], partner_role);
        action = partners.empty() ? q : pe;
      }
    }
    // Anywhere in the clause: "<units> chủ trì", "giao <units>".
    if (units.empty()) {
      auto first = std::lower_bound(
          ms.begin(), ms.end(), p, [](const UnitMention& m, std::size_t x) { return m.begin < x; });
      for (auto it = first; it != ms.end() && it->begin < e; ++it) {
        const UnitMention& m = *it;
        if (m.end > e) continue;
        std::size_t q = Skip(fs_, m.end, e);
        if (q < e && fs_[q] == ',') q = Skip(fs_, q + 1, e);
        const bool lead = WordAt(fs_, q, "chu tri");
        const bool given = m.begin >= 5 && fs_.substr(m.begin - 5, 5) == "giao ";
        if (lead || given) {
          std::size_t le2 = m.begin;
          const std::vector<int> l = a_.List(ms, m.begin, e, &le2);
          for (int k : l) add(ms[k], lead ? "lead" : "execute");
          if (lead) {
            std::size_t x = Skip(fs_, q + 7, e);
            if (x < e && fs_[x] == ',') x = Skip(fs_, x + 1, e);
            if (WordAt(fs_, x, "phoi hop")) {
              x = Skip(fs_, x + 8, e);
              if (WordAt(fs_, x, "voi")) x = Skip(fs_, x + 3, e);
              std::size_t pe = x;
              for (int k : a_.List(ms, x, e, &pe)) add(ms[k], "coordinate");
            }
          }
          break;
        }
      }
    }
    // A new subject after ";" starts a new clause.
    std::size_t end = e;
    for (std::size_t i = std::max(le, action); i < e; ++i) {
      if (fs_[i] != ';') continue;
      const std::size_t q = Skip(fs_, i + 1, e);
      std::size_t l2 = q;
      if (WordAt(fs_, q, "de nghi") || WordAt(fs_, q, "giao") || !a_.List(ms, q, e, &l2).empty()) {
        end = i;
        break;
      }
    }
    if (units.empty()) return end;
    Task t;
    t.units = std::move(units);
    t.action = env_.Action(Skip(fs_, action, end), end);
    if (t.action.empty()) return end;  // only units and role words: a heading, no task
    t.due = env_.DueIn(b, end);
    if (!t.due && sec_.valid) t.due = env_.DueIn(sec_.begin, sec_.end);
    const int node = env_.outline.NodeAt(b);
    if (!t.due && node >= 0) {
      t.due = env_.DueIn(env_.outline.HeadingBegin(node), env_.outline.HeadingEnd(node));
    }
    t.path = env_.outline.Path(node);
    t.span = OrigSpan(env_.f, span_begin, end);
    out->push_back(std::move(t));
    return end;
  }

  const TaskEnv& env_;
  Analyzer a_;
  std::string_view fs_;
  Section sec_;
};

}  // namespace

std::vector<Task> ExtractTasks(std::string_view text, const Document& doc) {
  return ExtractTasks(text, doc, nullptr);
}

std::vector<Task> ExtractTasks(std::string_view text, const Document& doc,
                               std::vector<Warning>* warnings) {
  std::vector<Task> tasks;
  const text::FoldedText f = text::FoldMapped(text);
  const OutlineIndex outline(doc.outline, f);
  const Scan scan = ScanOperative(text, f, doc, outline);
  const TaskEnv env(text, f, doc, outline);
  Extractor x(env);
  for (const parse::Paragraph& p : scan.paragraphs) x.Paragraph(p, &tasks);
  std::vector<Task> table_tasks;
  for (const Table& t : scan.tables) TableTasks(env, t, &table_tasks, warnings);
  if (!table_tasks.empty()) {
    // Keep document order.
    for (Task& t : table_tasks) tasks.push_back(std::move(t));
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const Task& a, const Task& b) { return a.span.begin < b.span.begin; });
  }
  return tasks;
}

}  // namespace dondoc::parse
