// Tested by tasks_test.cc.
//
// Task tables. The header row is the first of the table's first three rows that has a content
// column ("Nội dung", "Nhiệm vụ", "Hoạt động", "Giải pháp", "Công việc") and a unit column
// ("… chủ trì", "… thực hiện", "Trách nhiệm"); columns are recognised by words, in any order:
//   chủ trì → lead; phối hợp → coordinate; thời gian / thời hạn / tiến độ / hoàn thành → due;
//   sản phẩm / kết quả → ignored; thực hiện / trách nhiệm / đơn vị / cơ quan → execute.
// Edge cases handled:
// - a unit cell naming no known unit ("Sở, ban, ngành có liên quan", an abbreviation the finder
//   does not know) is taken whole as one unit when it is short (<= 150 bytes), unless it is a
//   form label ("Điện thoại:"), a number or a job title alone ("Giám đốc");
// - in an execute column, "(chủ trì)" after a unit makes it lead, and units after "phối hợp"
//   coordinate;
// - group rows ("I | NHÓM GIẢI PHÁP …") with an empty content or no unit give no task;
// - ragged rows are read by position; one warning per table says how many there were;
// - rows of dots ("…......", a portal copy's cut) are no rows: one warning per table;
// - a header lacking its "STT" cell over rows that have one: the rows are read one cell on;
// - a table of targets ("Chỉ tiêu | Đơn vị | Chủ trì"): each target is a task of its lead unit,
//   "Đơn vị" there being the unit of measure; a procedure's steps ("Bước", "Thứ tự công
//   việc") give no tasks.
#include "parse/task_table.h"

#include <algorithm>
#include <cctype>

#include "text/find.h"

namespace dondoc::parse {
namespace {

enum class Col { kNone, kContent, kLead, kCoordinate, kExecute, kTime, kProduct };

Col Classify(std::string_view h) {
  auto has = [&](std::string_view w) { return h.find(w) != std::string_view::npos; };
  if (has("chu tri") && !has("phoi hop")) return Col::kLead;
  if (has("phoi hop") && !has("chu tri")) return Col::kCoordinate;
  if (has("thoi gian") || has("thoi han") || has("tien do") || has("hoan thanh")) {
    return Col::kTime;
  }
  if (has("san pham") || has("ket qua")) return Col::kProduct;
  // A table of targets ("TT | Chỉ tiêu | Chủ trì") gives each target to its lead unit.
  if (has("noi dung") || has("nhiem vu") || has("hoat dong") || has("giai phap") ||
      has("cong viec") || has("chi tieu")) {
    return Col::kContent;
  }
  // "Đơn vị tính" is the unit of measure of a figure, not a body.
  if (has("don vi tinh")) return Col::kNone;
  if (has("thuc hien") || has("trach nhiem") || has("don vi") || has("co quan") || has("chu tri")) {
    return Col::kExecute;
  }
  return Col::kNone;
}

void CellUnits(const TaskEnv& env, const Cell& c, Col col, std::vector<TaskUnit>* out) {
  if (c.end <= c.begin) return;
  const std::string_view fs = env.f.folded;
  const std::vector<UnitMention> ms = env.Mentions(c.begin, c.end);
  if (ms.empty()) {
    if (c.end - c.begin > 150) return;
    std::string name = OrigClean(env.text, env.f, c.begin, c.end);
    while (!name.empty() && (name.back() == '.' || name.back() == ';' || name.back() == ',')) {
      name.pop_back();
    }
    if (name.empty() || name == "-") return;
    // Not a body: a form label ("Điện thoại:"), a number, a job title alone ("Giám đốc").
    const std::string_view cell = fs.substr(c.begin, c.end - c.begin);
    if (cell.back() == ':' || !std::isalpha(static_cast<unsigned char>(cell.front()))) return;
    static constexpr std::string_view kOfficeTitles[] = {
        "giam doc",  "pho giam doc", "chu tich",     "pho chu tich",
        "bo truong", "thu truong",   "truong phong", "chanh van phong"};
    for (std::string_view t : kOfficeTitles) {
      if (cell == t) return;
    }
    TaskUnit u;
    u.name = std::move(name);
    u.role = col == Col::kLead ? "lead" : col == Col::kCoordinate ? "coordinate" : "execute";
    u.unit_id = env.Resolve(u.name).unit_id;
    u.span = OrigSpan(env.f, c.begin, c.end);
    out->push_back(std::move(u));
    return;
  }
  // Searches bounded to where an answer can matter: searching to the end of the document at
  // every cell of every table made large tables quadratic.
  constexpr std::string_view kCoordinate = "phoi hop", kLead = "chu tri";
  const std::size_t coord_from =
      col == Col::kExecute
          ? std::min(text::Find(fs.substr(0, c.end + kCoordinate.size() - 1), kCoordinate, c.begin),
                     c.end)
          : c.end;
  for (const UnitMention& m : ms) {
    if (env.IsIssuer(m)) continue;
    std::string role = col == Col::kLead         ? "lead"
                       : col == Col::kCoordinate ? "coordinate"
                                                 : "execute";
    if (col == Col::kExecute) {
      const std::size_t after = text::Find(fs.substr(0, m.end + 3 + kLead.size()), kLead, m.end);
      if (after != std::string_view::npos && after <= m.end + 3) role = "lead";
      if (m.begin > coord_from) role = "coordinate";
    }
    out->push_back(env.Unit(m, role));
  }
}

}  // namespace

void TableTasks(const TaskEnv& env, const Table& table, std::vector<Task>* tasks,
                std::vector<Warning>* warnings) {
  const std::string_view fs = env.f.folded;
  std::size_t header = table.rows.size();
  std::vector<Col> cols;
  for (std::size_t r = 0; r < table.rows.size() && r < 3; ++r) {
    cols.clear();
    bool content = false, unit = false;
    for (const Cell& c : table.rows[r].cells) {
      const Col k = Classify(fs.substr(c.begin, c.end - c.begin));
      cols.push_back(k);
      content = content || k == Col::kContent;
      unit = unit || k == Col::kLead || k == Col::kExecute;
    }
    if (content && unit) {
      header = r;
      break;
    }
  }
  if (header == table.rows.size()) return;
  // The internal procedure of an administrative procedure ("Thứ tự công việc / Bước | Nội
  // dung công việc | Đơn vị thực hiện | Thời gian"): the steps of handling one file, not work
  // the document assigns.
  for (const Cell& c : table.rows[header].cells) {
    const std::string_view h = fs.substr(c.begin, c.end - c.begin);
    if (WordAt(h, 0, "buoc") || h.find("thu tu cong viec") != std::string_view::npos ||
        h.find("trinh tu") != std::string_view::npos) {
      return;
    }
  }
  // In a table of targets ("Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì"), a column headed
  // "Đơn vị" alone holds the unit of measure ("%").
  const TableRow& head = table.rows[header];
  bool targets = false;
  for (const Cell& c : head.cells) {
    targets =
        targets || fs.substr(c.begin, c.end - c.begin).find("chi tieu") != std::string_view::npos;
  }
  for (std::size_t i = 0; targets && i < cols.size() && i < head.cells.size(); ++i) {
    if (fs.substr(head.cells[i].begin, head.cells[i].end - head.cells[i].begin) == "don vi") {
      cols[i] = Col::kNone;
    }
  }
  // Only the first content column counts.
  bool seen = false;
  for (Col& k : cols) {
    if (k == Col::kContent && seen) k = Col::kNone;
    if (k == Col::kContent) seen = true;
  }
  std::size_t ragged = 0;
  for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    // A header without its "STT" cell (a repeated header row under a group row, "Nội dung |
    // Đơn vị thực hiện | …") over rows that have one ("1.1 | <content> | <unit> | …"): the
    // rows are read one cell on.
    const std::size_t shift = row.cells.size() == cols.size() + 1 && cols[0] != Col::kNone &&
                                      LooksLikeRowNumber(fs, row.cells[0].begin, row.cells[0].end)
                                  ? 1
                                  : 0;
    if (row.cells.size() != cols.size() + shift) ++ragged;
    Task task;
    std::optional<int> due;
    for (std::size_t i = 0; i + shift < row.cells.size() && i < cols.size(); ++i) {
      const Cell& c = row.cells[i + shift];
      switch (cols[i]) {
        case Col::kContent:
          task.action = env.Action(c.begin, c.end);
          if (!due) due = env.DueIn(c.begin, c.end);
          break;
        case Col::kLead:
        case Col::kCoordinate:
        case Col::kExecute:
          CellUnits(env, c, cols[i], &task.units);
          break;
        case Col::kTime:
          if (auto d = env.DueIn(c.begin, c.end)) due = d;
          break;
        default:
          break;
      }
    }
    if (task.action.empty() || task.units.empty()) continue;
    task.due = due;
    task.path = env.outline.Path(env.outline.NodeAt(row.begin));
    task.span = OrigSpan(env.f, row.begin, row.end);
    tasks->push_back(std::move(task));
  }
  if (table.elided > 0 && warnings != nullptr) {
    warnings->push_back({"table-rows-elided",
                         "task table has " + std::to_string(table.elided) +
                             " row(s) of only dots (\"…...\"): rows not printed in this copy "
                             "are not read",
                         OrigSpan(env.f, table.begin, table.end)});
  }
  if (ragged > 0 && warnings != nullptr) {
    warnings->push_back({"ragged-table",
                         "task table of " + std::to_string(cols.size()) + " columns has " +
                             std::to_string(ragged) +
                             " row(s) with fewer or more cells; read by position",
                         OrigSpan(env.f, table.begin, table.end)});
  }
}

TaskEnv::TaskEnv(std::string_view text_in, const text::FoldedText& f_in, const Document& doc,
                 const Operative& operative)
    : text(text_in), f(f_in), outline(operative.outline), times(operative.times) {
  context.province = doc.place;
  context.date = doc.date;
  if (doc.issuer) {
    issuer = text::Fold(doc.issuer->name);
    if (issuer.starts_with("uy ban nhan dan")) issuer = "ubnd" + issuer.substr(15);
    issuer_ubnd = issuer.starts_with("ubnd");
    issuer_parent = text::Fold(doc.issuer->parent);
    if (issuer_parent.starts_with("uy ban nhan dan")) {
      issuer_parent = "ubnd" + issuer_parent.substr(15);
    }
  }
  // Addressees: the recipients listed first, right after "Kính gửi" and close to each other
  // (the "Nơi nhận" list comes later, far from it).
  const std::size_t kg = text::Find(f.folded, "kinh gui");
  if (kg != std::string_view::npos) {
    std::uint32_t last = f.Orig(kg);
    for (const Recipient& r : doc.recipients) {
      if (r.span.begin < last || r.span.begin - last > 200) break;
      last = r.span.end;
      UnitMention m;
      m.begin = FoldedPos(f, r.span.begin);
      m.end = FoldedPos(f, r.span.end);
      const std::vector<UnitMention> found = FindUnitMentions(text, f, m.begin, m.end);
      if (found.size() == 1 && found[0].begin == m.begin) {
        m = found[0];
      } else {
        m.name = r.name;
        m.outside = true;
      }
      addressees.push_back(std::move(m));
    }
  }
}

std::vector<UnitMention> TaskEnv::Mentions(std::size_t b, std::size_t e) const {
  std::vector<UnitMention> ms = FindUnitMentions(text, f, b, e);
  for (UnitMention& m : ms) {
    if (m.own_office) m.name = OwnOffice();
  }
  std::erase_if(ms, [](const UnitMention& m) { return m.own_office && m.name.empty(); });
  return ms;
}

namespace {

// Folded words of a body's name, "ủy ban nhân dân" read "ubnd", "thành phố" "tp", without the
// words every office shares ("văn phòng") and the joiners.
std::vector<std::string> OwnerWords(std::string folded) {
  for (std::size_t p = folded.find("uy ban nhan dan"); p != std::string::npos;
       p = folded.find("uy ban nhan dan", p)) {
    folded.replace(p, 15, "ubnd");
  }
  for (std::size_t p = folded.find("thanh pho"); p != std::string::npos;
       p = folded.find("thanh pho", p)) {
    folded.replace(p, 9, "tp");
  }
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    const char c = i < folded.size() ? folded[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w.push_back(c);
      continue;
    }
    if (!w.empty() && w != "van" && w != "phong" && w != "va" && w != "cua") out.push_back(w);
    w.clear();
  }
  return out;
}

}  // namespace

const std::string& TaskEnv::OwnOffice() const {
  if (own_office) return *own_office;
  own_office.emplace();
  std::vector<std::string> owner = OwnerWords(issuer + " " + issuer_parent);
  if (owner.empty()) return *own_office;
  // Each capitalized "Văn phòng <owner>" of the text, scored by the words it shares with the
  // issuer.
  const std::string_view fs = f.folded;
  struct Candidate {
    std::string name;
    int shared = 0, count = 0;
  };
  std::vector<Candidate> candidates;
  for (std::size_t p = text::Find(fs, "van phong "); p != std::string_view::npos;
       p = text::Find(fs, "van phong ", p + 10)) {
    if (!WordStart(fs, p) || !MayStartMention(text, f, p)) continue;
    const std::vector<UnitMention> ms = MentionsAt(text, f, p, std::min(fs.size(), p + 200));
    if (ms.size() != 1 || ms[0].own_office || ms[0].end <= p + 9) continue;
    std::string name = MentionName(text, f, ms[0]);
    auto it = std::find_if(candidates.begin(), candidates.end(),
                           [&](const Candidate& c) { return c.name == name; });
    if (it != candidates.end()) {
      ++it->count;
      continue;
    }
    Candidate c{std::move(name), 0, 1};
    for (const std::string& w : OwnerWords(std::string(fs.substr(p, ms[0].end - p)))) {
      c.shared += std::count(owner.begin(), owner.end(), w) > 0 ? 1 : 0;
    }
    candidates.push_back(std::move(c));
  }
  // Most shared words; then the name written most often (a title in capitals is written once).
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (c.shared > 0 && (best == nullptr || c.shared > best->shared ||
                         (c.shared == best->shared && c.count > best->count))) {
      best = &c;
    }
  }
  if (best != nullptr) *own_office = best->name;
  return *own_office;
}

std::optional<int> TaskEnv::DueIn(std::size_t b, std::size_t e) const {
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (times[i].first >= b && times[i].second <= e && times[i].first < times[i].second) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

TaskUnit TaskEnv::Unit(const UnitMention& m, std::string role) const {
  TaskUnit u;
  u.name = MentionName(text, f, m);
  u.role = std::move(role);
  u.unit_id = Resolve(u.name).unit_id;
  u.span = OrigSpan(f, m.begin, m.end);
  return u;
}

const TaskEnv::Resolved& TaskEnv::Resolve(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  units::Resolution r = units::ResolveWithReason(name, context);
  Resolved v;
  if (r.match) {
    v.unit_id = std::move(r.match->unit_id);
  } else {
    v.reason = r.reason.empty() ? "not in the registry" : std::move(r.reason);
  }
  return resolved.emplace(name, std::move(v)).first->second;
}

bool TaskEnv::IsIssuer(const UnitMention& m) const {
  if (issuer.empty() || m.group) return false;
  std::string n = text::Fold(MentionName(text, f, m));
  if (n.starts_with("uy ban nhan dan")) n = "ubnd" + n.substr(15);
  if (n == issuer) return true;
  // "UBND tỉnh" for "UBND tỉnh Bình Sơn".
  if (issuer.starts_with(n) && (n.ends_with(" tinh") || n.ends_with(" huyen") ||
                                n.ends_with(" xa") || n.ends_with(" thanh pho"))) {
    return true;
  }
  return false;
}

std::string TaskEnv::Action(std::size_t b, std::size_t e) const {
  std::string s = OrigClean(text, f, b, e);
  std::size_t i = 0;
  while (i < s.size() &&
         (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '-' || s[i] == ' ' || s[i] == '.')) {
    ++i;
  }
  s.erase(0, i);
  while (!s.empty() && (s.back() == ';' || s.back() == ',' || s.back() == '.' || s.back() == ' ' ||
                        s.back() == '/' || s.back() == ':')) {
    s.pop_back();
  }
  if (s.size() > kMaxActionBytes) {
    std::size_t cut = s.rfind(' ', kMaxActionBytes);
    if (cut == std::string::npos || cut < kMaxActionBytes / 2) {
      cut = kMaxActionBytes;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    s.resize(cut);
    s += "…";
  }
  return s;
}

}  // namespace dondoc::parse
