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
//   thể, Party committees, HĐND, central bodies, courts, companies); a UBND's own Sở, its lower
//   UBND and offices stay execute. The request carries over to later clauses of the sentence and to
//   a section headed "Đề nghị …" (or "Đề nghị: <units>").
// - "<units> đề nghị / yêu cầu <units> …": the second units act, the first only ask. In a
//   letter, "quý Bộ", "quý cơ quan", "Quý đơn vị" … stand for the "Kính gửi" addressees.
// - A paragraph that is only a unit list ("3. Sở Giáo dục và Đào tạo:", "a) Công an tỉnh:",
//   "Trách nhiệm của Sở Y tế") heads a section: each later paragraph in that outline section
//   (or, for an unnumbered heading, in the same outline node) is a task of those units, lead
//   when it opens with "Chủ trì", coordinate when it opens with "Phối hợp".
// - An intro sentence closing its paragraph with ":" whose unit list is followed by work words
//   ("…, Sở A và UBND các huyện cần tập trung thực hiện các nhiệm vụ sau:") governs the items
//   after it in its outline node, one task per item; "… có ý kiến như sau:" does not.
// - Bullets under an item with a subject ("1. Sở A <action>." then "- <action>") that name no
//   subject of their own are tasks of the item's units, one per bullet.
// - Điều 3 of a decision ("Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: …; Chủ tịch UBND các
//   huyện … chịu trách nhiệm thi hành Quyết định này") → execute for each body, the position
//   words ("Giám đốc", "Chủ tịch", "Thủ trưởng" …) left out of the names.
// - Task tables → task_table.cc.
// Edge cases handled: the issuer named as a unit ("UBND tỉnh ban hành …") is dropped; a
// paragraph without units gives no task; a unit named twice keeps its strongest role
// (lead > execute > requested > coordinate); the role words leading a sentence are cut from the
// action; due is the first time expression inside the task, else inside the section heading; a
// task with several ";"-separated parts each with its own time is one task per dated part.
#include "parse/tasks.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "parse/task_table.h"
#include "parse/tasks_scan.h"
#include "parse/tasks_units.h"
#include "text/find.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

// Position words before a body's name ("Giám đốc Sở Y tế" → "Sở Y tế"). "Chánh" alone: the
// body of "Chánh Văn phòng UBND tỉnh" is "Văn phòng UBND tỉnh".
constexpr std::array<std::string_view, 17> kPositions = {
    "pho giam doc", "giam doc",       "pho chu tich",  "chu tich",       "pho chanh",    "chanh an",
    "chanh",        "thu truong",     "tong giam doc", "chi huy truong", "vien truong",  "bi thu",
    "cuc truong",   "chi cuc truong", "hieu truong",   "truong ban",     "tong bien tap"};

// Introductory phrases closed by a comma before the subject ("Đối với các nhiệm vụ …, Sở A
// …"), and how far their comma may be.
constexpr std::string_view kIntroPhrases[] = {"doi voi", "can cu", "tren co so", "de",
                                              "nham",    "trong",  "ngoai ra",   "dong thoi"};
constexpr std::size_t kMaxIntroBytes = 250;

// Words that make an intro give work ("… cần tập trung thực hiện các nhiệm vụ sau:").
constexpr std::string_view kIntroWork[] = {"thuc hien",  "nhiem vu",  "trach nhiem",
                                           "trien khai", "giai phap", "tap trung"};

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
    if (p >= e) return p;
    switch (fs[p]) {
      case 'p':
      case 'g':
      case 'c':
      case 't':
      case 'v':
      case 'b':
      case 'h':
        break;
      default:
        return p;
    }
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
  bool intro = false;  // set by an intro sentence ending with ":"
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
    // Field blocks: "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …" under an item.
    std::size_t value = 0;
    const Field field = FieldAt(p, &value);
    if (field != Field::kNone) {
      if (!block_.open) OpenBlock(out);
      AddField(field, value, p);
      return;
    }
    if (block_.open) {
      // "- Cơ quan thực hiện:" then "+ Sở A …"; "a) Cơ quan chủ trì" then "- Sở A."; "1. Nội
      // dung, biện pháp" then "a) …" (deeper in the outline); "b) Cơ quan phối hợp" then one
      // unlabelled paragraph "Mặt trận Tổ quốc Việt Nam và …" right after the label.
      const std::string& path = env_.outline.Path(p.node);
      const bool under = path == block_.pending_path || path.starts_with(block_.pending_path + ".");
      const bool plain = block_.pending_fresh && p.content == p.begin && !p.heading;
      if (block_.pending != Field::kNone &&
          ((IsBullet(p) && (!block_.pending_alone || under)) ||
           path.starts_with(block_.pending_path + ".") || plain)) {
        const Field pending = block_.pending;
        const std::string pending_path = block_.pending_path;
        const bool alone = block_.pending_alone;
        AddField(pending, p.content, p);
        if (!plain) {
          block_.pending = pending;
          block_.pending_path = pending_path;
          block_.pending_alone = alone;
        }
        return;
      }
      Finish(out);
    }
    if (!IsBullet(p)) {
      head_ = p;
      head_tasks_ = out->size();
      have_head_ = true;
    }
    const auto sentences = Sentences(env_.text, env_.f, p.content, p.end);
    closing_due_ = sentences.size() > 1 ? ClosingDue(sentences.back()) : std::nullopt;
    std::vector<UnitMention> ms;
    if (MayNameUnits(p, sentences)) ms = env_.Mentions(p.content, p.end);
    if (Heading(p, ms, out)) return;
    if (!IsBullet(p)) {
      // "1. Các sở, ngành <action>." then "- <action>": the bullets carry the item's subject.
      item_units_.clear();
      std::size_t q = Skip(fs_, p.content, p.end);
      item_requested_ = WordAt(fs_, q, "de nghi");
      if (item_requested_) q = Skip(fs_, q + 7, p.end);
      std::size_t le = q;
      for (int i : a_.List(ms, q, p.end, &le)) item_units_.push_back(ms[i]);
      item_node_ = p.node;
    } else if (!sec_.valid && !item_units_.empty() && p.node == item_node_) {
      std::size_t le = p.content;
      if (a_.List(ms, Skip(fs_, p.content, p.end), p.end, &le).empty() &&
          !WordAt(fs_, Skip(fs_, p.content, p.end), "de nghi")) {
        sec_.valid = true;
        sec_.units = item_units_;
        sec_.requested = item_requested_;
        sec_.begin = sec_.end = 0;
        Sentence(p.begin, p.content, p.end, ms, out);
        sec_ = Section();
        return;
      }
    }
    if (sec_.valid && sec_.intro && !p.heading) {
      // An item under an intro: one task, its sentences together.
      Sentence(p.begin, p.content, p.end, ms, out);
      return;
    }
    Section intro;
    if (!sentences.empty() && Intro(p, sentences.back(), &ms, &intro)) {
      bool first = true;
      for (std::size_t i = 0; i + 1 < sentences.size(); ++i) {
        Sentence(first ? p.begin : sentences[i].first, sentences[i].first, sentences[i].second, ms,
                 out);
        first = false;
      }
      sec_ = std::move(intro);
      return;
    }
    bool first = true;
    bool after_task = false;  // the sentence before gave a task (the last in *out)
    for (auto [sb, se] : sentences) {
      const std::size_t before = out->size();
      Sentence(first ? p.begin : sb, sb, se, ms, out);
      if (out->size() > before) {
        after_task = true;
      } else if (after_task) {
        const std::vector<TaskUnit> units = out->back().units;
        after_task = Continuation(sb, se, units, out);
      }
      first = false;
    }
  }

  // A sentence naming no subject right after a task's sentence, with a deadline of its own
  // ("Sở A tổng hợp, báo cáo … trước ngày 30/11 hằng năm. Báo cáo giữa kỳ (năm 2030) và báo cáo
  // tổng kết (năm 2035), gửi …"): more work of the same units, one task per dated part (parts
  // joined by ";" or "và"). A sentence that only dates the one before ("Thời gian hoàn thành
  // …") is no task; nor is one opening with "Đề nghị"/"Giao" (it names its own actors).
  bool Continuation(std::size_t b, std::size_t e, const std::vector<TaskUnit>& units,
                    std::vector<Task>* out) {
    if (units.empty() || !env_.DueIn(b, e)) return false;
    const std::size_t q = Skip(fs_, b, e);
    if (q >= e || ClosingDue({b, e}) || WordAt(fs_, q, "de nghi") || WordAt(fs_, q, "giao")) {
      return false;
    }
    // Only a sentence opening with a work verb, as a subjectless task does: "Trong thời hạn 10
    // ngày …, cơ quan … phải …", "Vậy, kỳ tính thuế tháng 4/2014 …" describe, they assign nothing.
    static constexpr std::string_view kVerbs[] = {
        "bao cao", "to chuc",  "xay dung", "trien khai", "hoan thanh", "tong ket",
        "so ket",  "gui",      "trinh",    "ban hanh",   "thuc hien",  "tham muu",
        "de xuat", "kiem tra", "danh gia", "tong hop",   "cap nhat"};
    bool verb = false;
    for (std::string_view w : kVerbs) verb = verb || (fs_[q] == w[0] && WordAt(fs_, q, w));
    if (!verb) return false;
    const int node = env_.outline.NodeAt(b);
    const std::size_t first_task = out->size();
    std::size_t part = q;
    auto emit = [&](std::size_t pe) {
      Task t;
      t.units = units;
      t.action = env_.Action(part, pe);
      t.due = env_.DueIn(part, pe);
      t.path = env_.outline.Path(node);
      t.span = OrigSpan(env_.f, part, pe);
      if (!t.action.empty() && t.due) out->push_back(std::move(t));
    };
    for (std::size_t i = part; i < e; ++i) {
      std::size_t next = std::string_view::npos;
      if (fs_[i] == ';') {
        next = Skip(fs_, i + 1, e);
      } else if (fs_[i] == 'v' && i > part && WordAt(fs_, i, "va")) {  // WordAt: a word start
        next = Skip(fs_, i + 2, e);
      }
      if (next == std::string_view::npos || next >= e) continue;
      const auto later = env_.DueIn(next, e);
      // Both parts dated, and the later part's time is not its first word ("quý I và quý II").
      if (!env_.DueIn(part, i) || !later ||
          env_.times[static_cast<std::size_t>(*later)].first <= next) {
        continue;
      }
      emit(i);
      part = next;
      i = next;
    }
    emit(e);
    return out->size() > first_task;
  }

  // True when the task's due lies inside its own span (not taken from a heading).
  bool OwnDue(const Task& t) const {
    if (!t.due) return false;
    const auto& [b, e] = env_.times[static_cast<std::size_t>(*t.due)];
    return b >= FoldedPos(env_.f, t.span.begin) && e <= FoldedPos(env_.f, t.span.end);
  }

  // The deadline of a paragraph's closing sentence that only states one ("… Thời gian hoàn
  // thành trước ngày 30/12/2025.", "Hoàn thành trong quý II/2026."): it dates the tasks of the
  // sentences before it that state none.
  std::optional<int> ClosingDue(std::pair<std::size_t, std::size_t> sentence) const {
    const std::size_t q = Skip(fs_, sentence.first, sentence.second);
    static constexpr std::string_view kOpeners[] = {
        "thoi gian hoan thanh", "thoi han hoan thanh", "thoi gian thuc hien", "thoi han",
        "hoan thanh truoc",     "hoan thanh trong",    "cham nhat",           "tien do"};
    for (std::string_view w : kOpeners) {
      if (WordAt(fs_, q, w)) return env_.DueIn(q, sentence.second);
    }
    return std::nullopt;
  }

  // Ends an open field block (its task is emitted).
  void Finish(std::vector<Task>* out) {
    if (!block_.open) return;
    block_.open = false;
    if (block_.units.empty()) {
      // Fields without units ("1. Sở A chủ trì …" then "- Thời gian hoàn thành: …", "- Sản phẩm:
      // …"): the item's own tasks stand, dated by the block unless their own text gives a time.
      for (Task& t : block_.head_tasks) {
        if (block_.due && !OwnDue(t)) t.due = block_.due;
        out->push_back(std::move(t));
      }
      return;
    }
    Task t;
    t.units = std::move(block_.units);
    const bool content = block_.action_end > block_.action_begin;
    t.action = content ? env_.Action(block_.action_begin, block_.action_end)
                       : env_.Action(head_.content, head_.end);
    if (t.action.empty()) t.action = env_.Action(head_.content, head_.end);
    if (t.action.empty()) return;
    t.due = block_.due;
    if (!t.due) t.due = env_.DueIn(head_.begin, block_.end);
    const int node = env_.outline.NodeAt(head_.begin);
    if (!t.due && node >= 0) {
      t.due = env_.DueIn(env_.outline.HeadingBegin(node), env_.outline.HeadingEnd(node));
    }
    t.path = env_.outline.Path(node);
    t.span = OrigSpan(env_.f, head_.begin, block_.end);
    out->push_back(std::move(t));
  }

 private:
  enum class Field { kNone, kContent, kLead, kCoordinate, kExecute, kTime, kOther };

  // A field label opening paragraph p ("Cơ quan chủ trì:", "Đơn vị phối hợp:", "Cơ quan thực
  // hiện:", "Thời gian thực hiện:", "Nội dung:", "Sản phẩm:"), *value set after its ":".
  Field FieldAt(const parse::Paragraph& p, std::size_t* value) const {
    struct Label {
      std::string_view words;
      Field field;
    };
    static constexpr Label kLabels[] = {
        {"co quan chu tri", Field::kLead},
        {"don vi chu tri", Field::kLead},
        {"chu tri", Field::kLead},
        {"co quan phoi hop", Field::kCoordinate},
        {"don vi phoi hop", Field::kCoordinate},
        {"phoi hop", Field::kCoordinate},
        {"co quan thuc hien", Field::kExecute},
        {"don vi thuc hien", Field::kExecute},
        {"co quan, don vi thuc hien", Field::kExecute},
        {"trach nhiem thuc hien", Field::kExecute},
        {"co quan tham muu", Field::kExecute},
        {"thoi gian thuc hien", Field::kTime},
        {"thoi gian hoan thanh", Field::kTime},
        {"thoi gian", Field::kTime},
        {"thoi han hoan thanh", Field::kTime},
        {"thoi han", Field::kTime},
        {"tien do thuc hien", Field::kTime},
        {"tien do", Field::kTime},
        {"co quan chu tri, phoi hop", Field::kOther},
        {"don vi chu tri, phoi hop", Field::kOther},
        {"chu tri thuc hien", Field::kLead},
        {"phoi hop thuc hien", Field::kCoordinate},
        {"noi dung, bien phap", Field::kContent},
        {"noi dung thuc hien", Field::kContent},
        {"noi dung", Field::kContent},
        {"nhiem vu", Field::kContent},
        {"san pham", Field::kOther},
        {"ket qua", Field::kOther},
        {"kinh phi", Field::kOther},
    };
    const std::size_t q = Skip(fs_, p.content, p.end);
    const Label* best = nullptr;
    if (q >= p.end) return Field::kNone;
    for (const Label& l : kLabels) {
      if (l.words[0] != fs_[q]) continue;  // cheap rejection
      if ((best == nullptr || l.words.size() > best->words.size()) && WordAt(fs_, q, l.words)) {
        best = &l;
      }
    }
    if (best != nullptr) {
      const Label& l = *best;
      std::size_t r = q + l.words.size();
      while (r < p.end && (fs_[r] == ' ' || fs_[r] == '*' || fs_[r] == '_')) ++r;
      // The label alone on its line ("a) Cơ quan chủ trì"): the value follows.
      std::size_t t = r;
      while (t < p.end && (fs_[t] == '.' || fs_[t] == ':' || fs_[t] == ' ' || fs_[t] == '*' ||
                           fs_[t] == '_' || fs_[t] == '\n')) {
        ++t;
      }
      if (t >= p.end) {
        // Only unit and content labels stand alone as fields: "Thời gian thực hiện", "Kinh
        // phí", "Nhiệm vụ", "Trách nhiệm thực hiện" alone are section headings.
        const bool alone = l.words.starts_with("co quan") || l.words.starts_with("don vi") ||
                           l.words.starts_with("chu tri") || l.words.starts_with("phoi hop") ||
                           l.words.starts_with("noi dung");
        const bool colon = fs_.substr(r, t - r).find(':') != std::string_view::npos;
        if (!alone && !colon) return Field::kNone;
        *value = p.end;
        block_label_ = !colon;
        return l.field;
      }
      if (fs_[r] != ':') return Field::kNone;
      *value = Skip(fs_, r + 1, p.end);
      while (*value < p.end && (fs_[*value] == '*' || fs_[*value] == '_')) ++*value;
      return l.field;
    }
    return Field::kNone;
  }

  bool IsBullet(const parse::Paragraph& p) const {
    if (p.content == p.begin) return false;
    const char c = fs_[p.begin];
    return c == '-' || c == '+' || static_cast<unsigned char>(c) >= 0x80;
  }

  // The first field of a block: the item it belongs to is head_ (tasks read from the head and
  // what followed it are replaced by the block's task).
  void OpenBlock(std::vector<Task>* out) {
    block_ = Block();
    block_.open = true;
    if (!have_head_) {
      head_ = parse::Paragraph();
      head_tasks_ = out->size();
    }
    if (head_tasks_ < out->size()) {
      block_.head_tasks.assign(std::make_move_iterator(out->begin() + head_tasks_),
                               std::make_move_iterator(out->end()));
      out->resize(head_tasks_);
    }
  }

  void AddField(Field field, std::size_t value, const parse::Paragraph& p) {
    block_.end = p.end;
    if (!have_head_) {
      head_ = p;
      have_head_ = true;
    }
    const std::size_t e = p.end;
    const bool empty = value >= e;
    block_.pending = empty ? field : Field::kNone;
    block_.pending_path = empty ? env_.outline.Path(p.node) : std::string();
    block_.pending_alone = empty && block_label_;
    // A label with its own item label or bullet ("b) Cơ quan phối hợp"), not a bare line (an
    // OCR'd table header), may take the unlabelled paragraph after it as its value.
    block_.pending_fresh = empty && p.content != p.begin;
    block_label_ = false;
    if (empty) return;
    switch (field) {
      case Field::kContent:
        if (block_.action_end <= block_.action_begin) {
          block_.action_begin = value;
          block_.action_end = e;
        }
        break;
      case Field::kTime:
        if (!block_.due) block_.due = env_.DueIn(value, e);
        break;
      case Field::kLead:
      case Field::kCoordinate:
      case Field::kExecute:
        FieldUnits(field, value, e);
        break;
      default:
        break;
    }
  }

  // Units of a unit field's value: a list ("Sở A; Sở B và các sở, ngành liên quan") or clauses
  // ("Sở A chủ trì, phối hợp với Sở B …; UBND các xã rà soát …"), roles as the clauses give them,
  // the field's role otherwise. A capitalized list item the finder does not know ("Báo và Phát
  // thanh Truyền hình Bình Sơn") is taken as written.
  void FieldUnits(Field field, std::size_t b, std::size_t e) {
    std::vector<UnitMention> ms = env_.Mentions(b, e);
    ExtendToSeparator(&ms, e);
    std::vector<TaskUnit> got;
    collect_ = &got;
    const bool sec = sec_.valid;
    sec_.valid = false;
    std::vector<Task> none;
    Sentence(b, b, e, ms, &none);
    sec_.valid = sec;
    collect_ = nullptr;
    ListGaps(ms, b, e, &got);
    // Mentions that start a list item ("…; Báo Bình Sơn và các sở, ngành liên quan") and were not
    // read as a clause subject.
    for (std::size_t i = 0; i < ms.size(); ++i) {
      std::size_t q = ms[i].begin;
      while (q > b && fs_[q - 1] == ' ') --q;
      const bool item = q == b || fs_[q - 1] == ';' || fs_[q - 1] == ',' ||
                        (q >= b + 3 && fs_.compare(q - 3, 3, " va") == 0);
      if (!item || env_.IsIssuer(ms[i])) continue;
      TaskUnit u = env_.Unit(ms[i], "execute");
      bool seen = false;
      for (const TaskUnit& x : got) seen = seen || x.name == u.name;
      if (!seen) got.push_back(std::move(u));
    }
    for (TaskUnit& u : got) {
      if (field == Field::kCoordinate) {
        u.role = "coordinate";
      } else if (field == Field::kLead && u.role != "coordinate") {
        u.role = "lead";
      }
      bool dup = false;
      for (const TaskUnit& x : block_.units) dup = dup || (x.name == u.name && x.role == u.role);
      if (!dup) block_.units.push_back(std::move(u));
    }
  }

  // In a unit field every list item is a name: a mention followed by a few more words up to a
  // separator (";", ",", ".", "và", the end) takes them ("Ban Chỉ đạo quốc gia", "Ban Chỉ đạo
  // các quân khu"), unless they hold a role or action word.
  void ExtendToSeparator(std::vector<UnitMention>* ms, std::size_t e) const {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      UnitMention& m = (*ms)[i];
      if (!m.name.empty() || m.group) continue;
      const std::size_t limit = i + 1 < ms->size() ? (*ms)[i + 1].begin : e;
      std::size_t q = m.end, last = m.end;
      int words = 0;
      bool ok = false;
      while (true) {
        while (q < limit && fs_[q] == ' ') ++q;
        if (q >= limit || fs_[q] == ';' || fs_[q] == ',' || fs_[q] == '.' || fs_[q] == '\n' ||
            fs_[q] == '(' || WordAt(fs_, q, "va")) {
          ok = q >= limit || fs_[q] != '\n';
          break;
        }
        if (IsRoleWord(q) || ++words > 4) break;
        while (q < limit && fs_[q] != ' ' && fs_[q] != ',' && fs_[q] != ';' && fs_[q] != '.' &&
               fs_[q] != '\n' && fs_[q] != '(') {
          ++q;
        }
        last = q;
      }
      if (ok && words > 0) m.end = last;
    }
  }

  bool IsRoleWord(std::size_t q) const {
    static constexpr std::string_view kRoleWords[] = {
        "chu tri",    "phoi hop",  "thuc hien", "tham muu", "chiu", "co trach", "to chuc",
        "trien khai", "huong dan", "xay dung",  "theo",     "de",   "tai",      "cua",
        "trong",      "ve",        "voi",       "la",       "lam",  "duoc"};
    for (std::string_view w : kRoleWords) {
      if (WordAt(fs_, q, w)) return true;
    }
    return false;
  }

  // List items between separators (";", ",", "và") that name no known unit but look like a
  // name: capitalized, short, no lower-case action word after the first syllables.
  void ListGaps(const std::vector<UnitMention>& ms, std::size_t b, std::size_t e,
                std::vector<TaskUnit>* got) const {
    std::size_t from = b;
    auto gap = [&](std::size_t gb, std::size_t ge) {
      // Trim separators.
      auto sep = [&](std::size_t i) {
        return fs_[i] == ' ' || fs_[i] == ',' || fs_[i] == ';' || fs_[i] == '.' || fs_[i] == '\n' ||
               fs_[i] == '*';
      };
      const std::size_t raw = gb;
      while (gb < ge && sep(gb)) ++gb;
      // After a sentence's end ("… Đồng thời, các sở …") it is prose, not a list item.
      if (fs_.substr(raw, gb - raw).find('.') != std::string_view::npos) return;
      while (ge > gb && sep(ge - 1)) --ge;
      if (ge > gb + 3 && fs_.compare(ge - 3, 3, " va") == 0) ge -= 3;
      if (WordAt(fs_, gb, "va")) gb = Skip(fs_, gb + 2, ge);
      if (ge <= gb || ge - gb > 80) return;
      const std::string_view g = fs_.substr(gb, ge - gb);
      if (g.find_first_of(";:()") != std::string_view::npos) return;
      std::size_t len = 0;
      const auto cp = static_cast<UChar32>(text::DecodeAt(env_.text, env_.f.Orig(gb), &len));
      if (!u_isupper(cp) && !u_istitle(cp)) return;  // only a capital letter starts a name
      TaskUnit u;
      u.name = OrigClean(env_.text, env_.f, gb, ge);
      u.role = "execute";
      u.unit_id = env_.Resolve(u.name).unit_id;
      u.span = OrigSpan(env_.f, gb, ge);
      got->push_back(std::move(u));
    };
    // Only in list-like values: separators only between the mentions.
    for (const UnitMention& m : ms) {
      if (m.begin < b || m.end > e) continue;
      const std::string_view between = fs_.substr(from, m.begin - from);
      if (between.find_first_of(";,") != std::string_view::npos || from == b) gap(from, m.begin);
      from = m.end;
    }
    if (!ms.empty() || from == b) gap(from, e);
  }

  // Whether a unit can matter in paragraph p: one may start a clause (a sentence, the text after
  // ";", after "Đề nghị", "Giao", a position word …), follow "giao", or the paragraph says
  // "chủ trì" / "phối hợp" (units before or after them). False for most paragraphs of a law or
  // a report, which then are not searched for units at all.
  bool MayNameUnits(const parse::Paragraph& p,
                    const std::vector<std::pair<std::size_t, std::size_t>>& sentences) const {
    const std::string_view para = fs_.substr(p.content, p.end - p.content);
    auto clause_start = [&](std::size_t q) {
      q = Skip(fs_, q, p.end);
      static constexpr std::string_view kClauseOpeners[] = {
          "de nghi", "giao cho", "giao", "yeu cau", "trach nhiem cua", "nhiem vu cua"};
      for (std::string_view w : kClauseOpeners) {
        if (q < p.end && fs_[q] == w[0] && WordAt(fs_, q, w)) {
          q = Skip(fs_, q + w.size(), p.end);
          if (q < p.end && fs_[q] == ':') q = Skip(fs_, q + 1, p.end);
          break;
        }
      }
      q = a_.SkipPosition(q, p.end);
      return WordAt(fs_, q, "cac") || MayStartMention(env_.text, env_.f, q);
    };
    for (auto [sb, se] : sentences) {
      if (clause_start(sb)) return true;
      // "Đối với …, <units> …": a unit may start the clause after the introductory phrase.
      const std::size_t q = Skip(fs_, sb, se);
      for (std::string_view w : kIntroPhrases) {
        if (fs_[q] != w[0] || !WordAt(fs_, q, w)) continue;
        const std::size_t comma = fs_.substr(q, std::min(se - q, kMaxIntroBytes)).find(',');
        if (comma != std::string_view::npos && clause_start(q + comma + 1)) return true;
        break;
      }
    }
    // find(';'), not find_first_of(";"): the latter calls memchr once per byte of the paragraph.
    for (std::size_t i = para.find(';'); i != std::string_view::npos; i = para.find(';', i + 1)) {
      if (clause_start(p.content + i + 1)) return true;
    }
    // The searches through the whole paragraph last: most paragraphs that name units are
    // already known by a clause start above.
    if (text::Contains(para, "chu tri") || text::Contains(para, "phoi hop")) return true;
    for (std::size_t i = text::Find(para, "giao "); i != std::string_view::npos;
         i = text::Find(para, "giao ", i + 1)) {
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
      if (q < p.end && fs_[q] == ':') q = Skip(fs_, q + 1, p.end);  // "Đề nghị: Hội Nông dân"
    }
    static constexpr std::string_view kHeadingLeads[] = {"trach nhiem cua", "nhiem vu cua", "giao"};
    for (std::string_view w : kHeadingLeads) {
      if (WordAt(fs_, q, w)) q = Skip(fs_, q + w.size(), p.end);
    }
    std::size_t le = q;
    const std::vector<int> list = a_.List(ms, q, p.end, &le);
    if (list.empty()) return false;
    std::size_t r = Skip(fs_, le, p.end);
    std::size_t colon = std::string_view::npos;
    static constexpr std::string_view kHeadingTails[] = {
        "co trach nhiem thuc hien",   "co trach nhiem", "chiu trach nhiem",
        "thuc hien cac nhiem vu sau", "thuc hien",      "(chu tri)"};
    for (std::string_view w : kHeadingTails) {
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

  // An intro sentence closing its paragraph with ":" that names the units doing the items after
  // it ("…, Sở A và các sở, ngành cần tập trung thực hiện các nhiệm vụ sau:"): the units (the
  // last unit list followed by a verb) govern the items that follow, as a unit-list heading
  // does; the intro itself is no task. *ms gets the paragraph's mentions if it had none and
  // the sentence gives work; an intro without work words ("… có ý kiến như sau:", "Tổng cục
  // Thuế nhận được công văn số … :") is read like any paragraph, units only at clause starts.
  bool Intro(const parse::Paragraph& p, std::pair<std::size_t, std::size_t> sentence,
             std::vector<UnitMention>* ms, Section* sec) const {
    std::size_t e = sentence.second;
    while (e > sentence.first &&
           (IsSpaceByte(fs_[e - 1]) || fs_[e - 1] == '*' || fs_[e - 1] == '_')) {
      --e;
    }
    if (e <= sentence.first || fs_[e - 1] != ':' || sentence.second < p.end) return false;
    const std::string_view whole = fs_.substr(sentence.first, e - sentence.first);
    bool work_words = false;  // needed below; most sentences have none
    for (std::string_view w : kIntroWork) work_words = work_words || text::Contains(whole, w);
    if (!work_words) return false;
    // A paragraph ending with ":" that gives work is searched for units even when no clause
    // seemed to start with one ("Chính phủ quy định chi tiết các nội dung sau đây:").
    if (ms->empty()) *ms = env_.Mentions(p.content, p.end);
    std::vector<int> best;
    bool requested = false;
    std::size_t last_end = 0;  // after the last list tried: its own members are no new list
    for (std::size_t i = 0; i < ms->size(); ++i) {
      const UnitMention& m = (*ms)[i];
      if (m.begin < sentence.first || m.end > e || m.begin < last_end) continue;
      std::size_t le = m.begin;
      const std::vector<int> list = a_.List(*ms, m.begin, e, &le);
      if (list.empty()) continue;
      last_end = le;
      const std::string_view lead_in = fs_.substr(sentence.first, m.begin - sentence.first);
      if (std::count(lead_in.begin(), lead_in.end(), '(') >
          std::count(lead_in.begin(), lead_in.end(), ')')) {
        continue;  // "Sở A (cơ quan thường trực Ban B):" is a unit heading
      }
      const std::size_t q = Skip(fs_, le, e);
      if (q >= e || !std::isalpha(static_cast<unsigned char>(fs_[q]))) continue;
      bool prep = false;
      static constexpr std::string_view kPrepositions[] = {"cua", "ve",   "tai",   "trong", "voi",
                                                           "cho", "va",   "la",    "o",     "den",
                                                           "tu",  "theo", "thuoc", "da"};
      for (std::string_view w : kPrepositions) {
        if (WordAt(fs_, q, w)) prep = true;
      }
      if (prep) continue;
      // The intro gives work ("thực hiện", "nhiệm vụ", "trách nhiệm" …), not information ("có ý
      // kiến như sau:", "gồm:").
      const std::string_view rest = fs_.substr(q, e - q);
      bool work = false;
      for (std::string_view w : kIntroWork) work = work || text::Contains(rest, w);
      if (!work || rest.find("nhu sau") != std::string_view::npos ||
          rest.find("y kien") != std::string_view::npos) {
        continue;
      }
      best = list;
      const std::size_t before = m.begin >= sentence.first + 8 ? m.begin - 8 : sentence.first;
      requested = fs_.substr(before, m.begin - before).find("de nghi") != std::string_view::npos;
      // "Sở A chỉ đạo Chi cục B thực hiện các nội dung sau:": both carry out the items, the
      // directing unit and the one it directs (which alone would drop the body answerable).
      if (WordAt(fs_, q, "chi dao")) {
        std::size_t directed_end = 0;
        for (int d : a_.List(*ms, q + 7, e, &directed_end)) best.push_back(d);
        break;
      }
    }
    if (best.empty()) return false;
    std::vector<UnitMention> units;
    for (int i : best) {
      if (!env_.IsIssuer((*ms)[i])) units.push_back((*ms)[i]);
    }
    if (units.empty()) return false;
    sec->valid = true;
    sec->intro = true;
    sec->units = std::move(units);
    sec->requested = requested;
    sec->node = p.node;
    sec->path = env_.outline.Path(p.node);
    sec->node_heading = true;
    sec->begin = sentence.first;
    sec->end = e;
    return true;
  }

  // True when the mention at m starts a clause after a comma, a position word between them
  // allowed ("Những kiến nghị …, lãnh đạo Văn phòng sẽ …"), inside [b, …).
  bool OpensCommaClause(std::size_t b, std::size_t m) const {
    std::size_t q = m;
    while (q > b && IsSpaceByte(fs_[q - 1])) --q;
    if (q > b && fs_[q - 1] == ',') return true;
    // A position word before the unit: find the comma before it.
    std::size_t w = q;
    for (int words = 0; words < 3 && w > b; ++words) {
      while (w > b && !IsSpaceByte(fs_[w - 1]) && fs_[w - 1] != ',') --w;
      std::size_t c = w;
      while (c > b && IsSpaceByte(fs_[c - 1])) --c;
      if (c > b && fs_[c - 1] == ',') {
        // "lãnh đạo" is a position only here: elsewhere it is as often the verb.
        return a_.SkipPosition(w, m + 1) == m ||
               (WordAt(fs_, w, "lanh dao") && Skip(fs_, w + 8, m + 1) == m);
      }
      w = c;
    }
    return false;
  }

  // The end of "quý Bộ", "quý cơ quan", "Quý đơn vị" … at p (a letter's addressees), or npos.
  std::size_t QuyAt(std::size_t p, std::size_t e) const {
    if (env_.addressees.empty() || !WordAt(fs_, p, "quy")) return std::string_view::npos;
    const std::size_t q = Skip(fs_, p + 3, e);
    static constexpr std::string_view kAddressees[] = {
        "co quan", "don vi", "uy ban", "tong cuc", "bo",        "so",        "cuc",
        "ban",     "vien",   "hoi",    "tinh",     "thanh pho", "ngan hang", "cong ty"};
    for (std::string_view w : kAddressees) {
      if (WordAt(fs_, q, w)) return q + w.size();
    }
    return std::string_view::npos;
  }

  void Sentence(std::size_t span_begin, std::size_t b, std::size_t e,
                const std::vector<UnitMention>& ms, std::vector<Task>* out) {
    // Units come only from mentions in [b, e), a unit section or a letter's addressees; with
    // none of them the sentence gives no task, and the clause analysis is skipped.
    if (collect_ == nullptr && !sec_.valid && env_.addressees.empty()) {
      auto m = std::lower_bound(ms.begin(), ms.end(), b,
                                [](const UnitMention& x, std::size_t v) { return x.begin < v; });
      if (m == ms.end() || m->begin >= e) return;
    }
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
    std::vector<int> subject = a_.List(ms, p, e, &le);
    // "<units> đề nghị / yêu cầu <units> …": the requester is no actor.
    if (!subject.empty()) {
      const std::size_t q = Skip(fs_, le, e);
      const bool ask = WordAt(fs_, q, "de nghi");
      if (ask || WordAt(fs_, q, "yeu cau")) {
        const std::size_t r = Skip(fs_, q + 7, e);
        std::size_t l2 = r;
        if (!a_.List(ms, r, e, &l2).empty() || QuyAt(r, e) != std::string_view::npos) {
          *requested = *requested || ask;
          p = r;
          le = p;
          subject = a_.List(ms, p, e, &le);
        }
      }
    }
    // "Đối với …, <units> chủ động …", "Căn cứ …, <units> có trách nhiệm …": a unit list right
    // after the comma closing an introductory phrase is the subject.
    if (subject.empty() && units.empty() && p < e) {
      for (std::string_view w : kIntroPhrases) {
        if (fs_[p] != w[0] || !WordAt(fs_, p, w)) continue;
        const std::size_t comma = fs_.substr(p, std::min(e - p, kMaxIntroBytes)).find(',');
        if (comma == std::string_view::npos) break;
        const std::size_t q = Skip(fs_, p + comma + 1, e);
        std::size_t l2 = q;
        std::vector<int> s2 = a_.List(ms, q, e, &l2);
        if (!s2.empty()) {
          p = q;
          le = l2;
          subject = std::move(s2);
        }
        break;
      }
    }
    // "quý Bộ", "quý cơ quan": the letter's addressees.
    if (const std::size_t qe = QuyAt(p, e); subject.empty() && qe != std::string_view::npos) {
      for (const UnitMention& m : env_.addressees) add(m, a_.RoleFor(m, *requested));
      if (!units.empty()) {
        le = qe;
        p = qe;
      }
    }
    std::size_t action = p;
    std::string partner_role = "coordinate";
    if (!units.empty()) {
      action = Skip(fs_, p, e);
    } else if (!subject.empty()) {
      std::size_t q = Skip(fs_, le, e);
      if (q < e && fs_[q] == ',') q = Skip(fs_, q + 1, e);
      if (WordAt(fs_, q, "se")) q = Skip(fs_, q + 2, e);  // "Văn phòng sẽ phối hợp …"
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
        // "X phối hợp với Y …": X does the work (execute), Y is named as partner (coordinate).
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
      }
      for (const UnitMention& m : sec_.units) {
        add(m, role.empty() ? a_.RoleFor(m, *requested) : role);
      }
    }
    // Partners: "(,) (chủ động|tích cực|tiếp tục) phối hợp (chặt chẽ|thường xuyên) (với|cùng)
    // <units>".
    {
      std::size_t q = Skip(fs_, action, e);
      if (q < e && fs_[q] == ',') q = Skip(fs_, q + 1, e);
      bool adverb = false;
      static constexpr std::string_view kAdverbs[] = {"chu dong", "tich cuc", "tiep tuc"};
      for (std::string_view w : kAdverbs) {
        if (WordAt(fs_, q, w) && WordAt(fs_, Skip(fs_, q + w.size(), e), "phoi hop")) {
          q = Skip(fs_, q + w.size(), e);
          adverb = true;
          break;
        }
      }
      if (WordAt(fs_, q, "phoi hop")) {
        q = Skip(fs_, q + 8, e);
        std::size_t r = q;
        static constexpr std::string_view kManners[] = {"chat che", "thuong xuyen"};
        for (std::string_view w : kManners) {
          if (WordAt(fs_, r, w)) r = Skip(fs_, r + w.size(), e);
        }
        if (WordAt(fs_, r, "voi")) r = Skip(fs_, r + 3, e);
        if (WordAt(fs_, r, "cung")) r = Skip(fs_, r + 4, e);
        if (r == q || !a_.List(ms, r, e, &q).empty()) q = r;  // adverbs only before partners
        std::size_t pe = q;
        const std::vector<int> partners = a_.List(ms, q, e, &pe);
        for (int i : partners) add(ms[i], partner_role);
        // "chủ động phối hợp …" without partners stays in the action.
        if (!partners.empty() || !adverb) action = partners.empty() ? q : pe;
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
        // "…, lãnh đạo Văn phòng sẽ chỉ đạo …": a unit opening a comma clause with "sẽ" acts.
        const bool will = WordAt(fs_, q, "se") && OpensCommaClause(b, m.begin);
        if (will) q = Skip(fs_, q + 2, e);
        const bool lead = WordAt(fs_, q, "chu tri");
        const bool given = m.begin >= 5 && fs_.substr(m.begin - 5, 5) == "giao ";
        if (lead || given || will) {
          std::size_t le2 = m.begin;
          const std::vector<int> l = a_.List(ms, m.begin, e, &le2);
          for (int k : l) add(ms[k], lead ? "lead" : a_.RoleFor(ms[k], *requested));
          if (will && !lead) action = q;
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
    if (collect_ != nullptr) {
      for (TaskUnit& u : units) collect_->push_back(std::move(u));
      return end;
    }
    if (units.empty()) return end;
    // Several deliverables, each with its own time ("xây dựng kế hoạch … trước ngày 28/2; báo
    // cáo kết quả … trước ngày 10/11"): one task each, cut at the ";" after a dated part when a
    // later part has its own time.
    {
      std::size_t part = Skip(fs_, action, end);
      for (std::size_t i = part; i < end; ++i) {
        if (fs_[i] != ';' || !env_.DueIn(part, i) || !env_.DueIn(i + 1, end)) continue;
        Task t;
        t.units = units;
        t.action = env_.Action(part, i);
        t.due = env_.DueIn(part, i);
        t.path = env_.outline.Path(env_.outline.NodeAt(b));
        t.span = OrigSpan(env_.f, span_begin, i);
        if (!t.action.empty()) out->push_back(std::move(t));
        span_begin = part = Skip(fs_, i + 1, end);
        action = part;
        b = part;
      }
    }
    Task t;
    t.units = std::move(units);
    t.action = env_.Action(Skip(fs_, action, end), end);
    if (t.action.empty()) return end;  // only units and role words: a heading, no task
    t.due = env_.DueIn(b, end);
    if (!t.due && collect_ == nullptr) t.due = closing_due_;
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

  struct Block {
    bool open = false;
    std::vector<TaskUnit> units;
    std::size_t action_begin = 0, action_end = 0;  // the "Nội dung:" value
    std::optional<int> due;
    std::size_t end = 0;
    Field pending = Field::kNone;  // a field with its value on the following bullets
    std::string pending_path;      // outline path of the pending field's label
    bool pending_alone = false;    // the label stands alone on its line
    bool pending_fresh = false;    // no value read yet for the pending field
    std::vector<Task> head_tasks;  // read from the item before the block: restored if the
                                   // block names no unit
  };

  const TaskEnv& env_;
  Analyzer a_;
  std::string_view fs_;
  Section sec_;
  Block block_;
  parse::Paragraph head_;       // the last paragraph that is no bullet: the item a block belongs to
  std::size_t head_tasks_ = 0;  // tasks before head_
  bool have_head_ = false;
  std::vector<UnitMention> item_units_;  // subject of the last item that is no bullet
  bool item_requested_ = false;
  int item_node_ = -1;
  std::vector<TaskUnit>* collect_ = nullptr;
  std::optional<int> closing_due_;    // ClosingDue of the paragraph being read
  mutable bool block_label_ = false;  // FieldAt read a label alone on its line  // units of a field
                                      // value are collected here
};

}  // namespace

std::vector<Task> ExtractTasks(std::string_view text, const Document& doc) {
  return ExtractTasks(text, doc, nullptr);
}

std::vector<Task> ExtractTasks(std::string_view text, const Document& doc,
                               std::vector<Warning>* warnings) {
  const text::FoldedText f = text::FoldMapped(text);
  return ExtractTasks(text, f, doc, warnings);
}

std::vector<Task> ExtractTasks(std::string_view text, const text::FoldedText& f,
                               const Document& doc, std::vector<Warning>* warnings) {
  return ExtractTasks(text, f, doc, Operative(text, f, doc), warnings);
}

std::vector<Task> ExtractTasks(std::string_view text, const text::FoldedText& f,
                               const Document& doc, const Operative& operative,
                               std::vector<Warning>* warnings) {
  std::vector<Task> tasks;
  const Scan& scan = operative.scan;
  const TaskEnv env(text, f, doc, operative);
  Extractor x(env);
  for (const parse::Paragraph& p : scan.paragraphs) x.Paragraph(p, &tasks);
  x.Finish(&tasks);
  std::vector<Task> table_tasks;
  for (const Table& t : scan.tables) TableTasks(env, t, &table_tasks, warnings);
  if (!table_tasks.empty()) {
    // Keep document order.
    for (Task& t : table_tasks) tasks.push_back(std::move(t));
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const Task& a, const Task& b) { return a.span.begin < b.span.begin; });
  }
  // Names the registry does not know: one warning for the document, each name once, with the
  // registry's reason.
  if (warnings != nullptr) {
    std::vector<std::string> unknown;
    std::string message;
    Span first{};
    for (const Task& t : tasks) {
      for (const TaskUnit& u : t.units) {
        if (!u.unit_id.empty() ||
            std::find(unknown.begin(), unknown.end(), u.name) != unknown.end()) {
          continue;
        }
        if (unknown.empty()) first = u.span;
        unknown.push_back(u.name);
        if (!message.empty()) message += "; ";
        message += "\"" + u.name + "\" (" + env.Resolve(u.name).reason + ")";
      }
    }
    if (!unknown.empty()) {
      warnings->push_back(
          {"unit-unknown",
           std::to_string(unknown.size()) +
               " unit name(s) in tasks not resolved by the unit registry: " + message,
           first});
    }
  }
  return tasks;
}

}  // namespace dondoc::parse
