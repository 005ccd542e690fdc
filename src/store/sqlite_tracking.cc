// Tested by sqlite_tracking_test.cc.
//
// Why proposing is an explicit, idempotent step (Propose) rather than part of Put: ingest is
// the search engineer's hot path (≥ 1,000 docs/s, batched transactions) and knows nothing of
// tracking; a plan becomes work for the office only when somebody means to track it. The
// server proposes right after an upload and `dondoc demo` after loading the samples; running it
// again (or after `ingest --reparse`) adds only extracted tasks never proposed before, keyed by
// (plan, tasks.ord), so reviewed tasks are never duplicated or overwritten.
#include "store/sqlite_tracking.h"

#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "text/fold.h"

namespace dondoc::store {
namespace {

using Json = nlohmann::ordered_json;
using track::Due;
using track::Extracted;
using track::ProgressReport;
using track::TaskUnit;
using track::TrackedTask;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::optional<calendar::Date> DateOf(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  auto d = calendar::ParseIso(iso);
  if (!d.ok()) return std::nullopt;
  return d.value();
}

std::string IsoOrEmpty(const std::optional<calendar::Date>& d) {
  return d ? calendar::FormatIso(*d) : std::string();
}

Json DateJson(const std::optional<calendar::Date>& d) {
  return d ? Json(calendar::FormatIso(*d)) : Json(nullptr);
}

track::UnitRole RoleOf(const std::string& name) {
  if (name == "execute") return track::UnitRole::kExecute;
  if (name == "coordinate") return track::UnitRole::kCoordinate;
  if (name == "requested") return track::UnitRole::kRequested;
  return track::UnitRole::kLead;
}

track::TaskState StateOf(const std::string& name) {
  if (name == "confirmed") return track::TaskState::kConfirmed;
  if (name == "dropped") return track::TaskState::kDropped;
  if (name == "merged") return track::TaskState::kMerged;
  return track::TaskState::kProposed;
}

track::ReportState ReportStateOf(const std::string& name) {
  if (name == "confirmed") return track::ReportState::kConfirmed;
  if (name == "returned") return track::ReportState::kReturned;
  return track::ReportState::kSubmitted;
}

Json UnitsJson(const std::vector<TaskUnit>& units) {
  Json a = Json::array();
  for (const TaskUnit& u : units)
    a.push_back({{"unit_id", u.unit_id}, {"name", u.name}, {"role", track::Name(u.role)}});
  return a;
}

std::vector<TaskUnit> UnitsFrom(const nlohmann::json& a) {
  std::vector<TaskUnit> out;
  if (!a.is_array()) return out;
  for (const auto& u : a) {
    out.push_back({u.value("unit_id", ""), u.value("name", ""), RoleOf(u.value("role", ""))});
  }
  return out;
}

Json DueJson(const Due& due) {
  return {{"date", DateJson(due.date)}, {"rrule", due.rrule}, {"start", DateJson(due.start)}};
}

Due DueFrom(const nlohmann::json& j) {
  Due d;
  if (!j.is_object()) return d;
  if (j.contains("date") && j["date"].is_string()) d.date = DateOf(j["date"]);
  d.rrule = j.value("rrule", "");
  if (j.contains("start") && j["start"].is_string()) d.start = DateOf(j["start"]);
  return d;
}

Json SourcesJson(const std::vector<Extracted>& sources) {
  Json a = Json::array();
  for (const Extracted& e : sources) {
    a.push_back({{"action", e.action},
                 {"units", UnitsJson(e.units)},
                 {"due", DueJson(e.due)},
                 {"due_text", e.due_text},
                 {"span", {{"begin", e.span.begin}, {"end", e.span.end}}},
                 {"path", e.path}});
  }
  return a;
}

std::vector<Extracted> SourcesFrom(const nlohmann::json& a) {
  std::vector<Extracted> out;
  if (!a.is_array()) return out;
  for (const auto& j : a) {
    Extracted e;
    e.action = j.value("action", "");
    e.units = UnitsFrom(j.value("units", nlohmann::json::array()));
    e.due = DueFrom(j.value("due", nlohmann::json::object()));
    e.due_text = j.value("due_text", "");
    if (j.contains("span") && j["span"].is_object()) {
      e.span.begin = j["span"].value("begin", std::int64_t{0});
      e.span.end = j["span"].value("end", std::int64_t{0});
    }
    e.path = j.value("path", "");
    out.push_back(std::move(e));
  }
  return out;
}

Json HistoryJson(const std::vector<track::TaskEdit>& history) {
  Json a = Json::array();
  for (const auto& h : history)
    a.push_back({{"at", h.at}, {"actor", h.actor}, {"what", h.what}, {"note", h.note}});
  return a;
}

std::vector<track::TaskEdit> HistoryFrom(const nlohmann::json& a) {
  std::vector<track::TaskEdit> out;
  if (!a.is_array()) return out;
  for (const auto& j : a) {
    out.push_back({j.value("at", std::int64_t{0}), j.value("actor", ""), j.value("what", ""),
                   j.value("note", "")});
  }
  return out;
}

nlohmann::json ParseOr(const std::string& text, nlohmann::json fallback) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? fallback : j;
}

constexpr const char* kTaskColumns =
    "t.id, t.plan_id, t.state, t.action, t.due_date, t.due_rrule, t.due_start, t.merged_into, "
    "t.drop_reason, t.units, t.sources, t.history";

TrackedTask ReadTask(const Stmt& s) {
  TrackedTask t;
  t.id = s.Int(0);
  t.plan_id = s.Int(1);
  t.state = StateOf(s.Text(2));
  t.action = s.Text(3);
  t.due.date = DateOf(s.Text(4));
  t.due.rrule = s.Text(5);
  t.due.start = DateOf(s.Text(6));
  t.merged_into = s.Int(7);
  t.drop_reason = s.Text(8);
  t.units = UnitsFrom(ParseOr(s.Text(9), nlohmann::json::array()));
  t.sources = SourcesFrom(ParseOr(s.Text(10), nlohmann::json::array()));
  t.history = HistoryFrom(ParseOr(s.Text(11), nlohmann::json::array()));
  return t;
}

constexpr const char* kReportColumns =
    "r.id, r.task_id, r.unit_id, r.period_from, r.period_to, r.period_label, r.instance, r.text, "
    "r.percent, r.state, r.return_reason, r.returns, r.submitted_at, r.decided_at, r.decided_by";

ProgressReport ReadReport(const Stmt& s) {
  ProgressReport r;
  r.id = s.Int(0);
  r.task_id = s.Int(1);
  r.unit_id = s.Text(2);
  r.period.from = DateOf(s.Text(3)).value_or(calendar::Date{});
  r.period.to = DateOf(s.Text(4)).value_or(calendar::Date{});
  r.period.label = s.Text(5);
  r.instance = DateOf(s.Text(6));
  r.text = s.Text(7);
  r.percent = static_cast<int>(s.Int(8));
  r.state = ReportStateOf(s.Text(9));
  r.return_reason = s.Text(10);
  r.returns = static_cast<int>(s.Int(11));
  r.submitted_at = s.Int(12);
  r.decided_at = s.Int(13);
  r.decided_by = s.Text(14);
  return r;
}

std::string IdsJson(const std::vector<std::int64_t>& ids) {
  Json a = Json::array();
  for (std::int64_t id : ids) a.push_back(id);
  return a.dump();
}

// Every row of `s` read by `read`.
template <typename T, typename F>
Result<std::vector<T>> Collect(Stmt& s, F read) {
  std::vector<T> out;
  for (;;) {
    auto row = s.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out.push_back(read(s));
  }
  return out;
}

Result<std::unique_ptr<Db>> OpenExisting(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Error{"not_found", "no such database"};
  if (S_ISDIR(st.st_mode)) return Error{"is_directory", "is a directory, not a database"};
  auto db = Db::Open(path, DbOptions{});
  if (!db.ok()) return db.error();
  if (auto r = Migrate(*db.value()); !r.ok()) return r.error();
  return std::move(db.value());
}

}  // namespace

Result<std::unique_ptr<TrackingRepo>> OpenSqliteTracking(const std::string& path) {
  auto db = OpenExisting(path);
  if (!db.ok()) return db.error();
  return std::unique_ptr<TrackingRepo>(new SqliteTracking(std::move(db.value())));
}

Result<Ok> SqliteTracking::WriteAudit(const std::vector<track::Audit>& audit,
                                      const AuditActor& who) {
  for (const track::Audit& a : audit) {
    auto s = db_->Prepare(
        "INSERT INTO audit_log(at, actor_id, actor, action, target, before_json, after_json, ip) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, a.at != 0 ? a.at : who.now)
        .Bind(2, who.user_id != 0 ? std::optional<std::int64_t>(who.user_id) : std::nullopt)
        .Bind(3, a.actor.empty() ? who.name : a.actor)
        .BindText(4, a.action)
        .Bind(5, a.target)
        .Bind(6, a.before.is_null() ? std::string() : Dump(a.before))
        .Bind(7, a.after.is_null() ? std::string() : Dump(a.after))
        .Bind(8, who.ip);
    if (auto r = s.value().Run(); !r.ok()) return r.error();
  }
  return Ok{};
}

Result<Ok> SqliteTracking::WriteTask(const TrackedTask& t, std::int64_t now,
                                     std::optional<std::int64_t> source_ord) {
  const bool insert = source_ord.has_value();
  {
    auto s = db_->Prepare(
        insert ? "INSERT INTO track_tasks(plan_id, state, action, due_date, due_rrule, due_start, "
                 "merged_into, drop_reason, units, sources, history, updated_at, source_ord, id) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
               : "UPDATE track_tasks SET plan_id = ?1, state = ?2, action = ?3, due_date = ?4, "
                 "due_rrule = ?5, due_start = ?6, merged_into = ?7, drop_reason = ?8, units = ?9, "
                 "sources = ?10, history = ?11, updated_at = ?12 WHERE id = ?14");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, t.plan_id)
        .BindText(2, track::Name(t.state))
        .BindText(3, t.action)
        .Bind(4, IsoOrEmpty(t.due.date))
        .Bind(5, t.due.rrule)
        .Bind(6, IsoOrEmpty(t.due.start))
        .Bind(7, t.merged_into != 0 ? std::optional<std::int64_t>(t.merged_into) : std::nullopt)
        .Bind(8, t.drop_reason)
        .BindText(9, Dump(UnitsJson(t.units)))
        .BindText(10, Dump(SourcesJson(t.sources)))
        .BindText(11, Dump(HistoryJson(t.history)))
        .Bind(12, now)
        .Bind(13, source_ord)
        .Bind(14, t.id);
    if (auto r = s.value().Run(); !r.ok()) return r.error();
  }
  if (!insert) {
    auto del = db_->Prepare("DELETE FROM track_task_units WHERE task_id = ?1");
    if (!del.ok()) return del.error();
    del.value().Bind(1, t.id);
    if (auto r = del.value().Run(); !r.ok()) return r.error();
  }
  for (const TaskUnit& u : t.units) {
    if (u.unit_id.empty()) continue;
    auto s =
        db_->Prepare("INSERT OR IGNORE INTO track_task_units(task_id, unit_id) VALUES (?1, ?2)");
    if (!s.ok()) return s.error();
    s.value().Bind(1, t.id).BindText(2, u.unit_id);
    if (auto r = s.value().Run(); !r.ok()) return r.error();
  }
  return Ok{};
}

Result<int> SqliteTracking::Propose(std::optional<std::int64_t> document_id,
                                    const AuditActor& who) {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  struct Row {
    std::int64_t extraction_id, plan_id, ord;
    Extracted e;
    std::string plan_date;
  };
  std::vector<Row> rows;
  {
    auto s = db_->Prepare(
        "SELECT t.id, t.document_id, t.ord, t.path, t.action, t.span_begin, t.span_end, tm.text, "
        "tm.date, tm.rrule, tm.start, d.date FROM tasks t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN times tm ON tm.document_id = t.document_id AND tm.ord = t.due_ord "
        "WHERE (?1 IS NULL OR t.document_id = ?1) AND NOT EXISTS (SELECT 1 FROM track_tasks x "
        "WHERE x.plan_id = t.document_id AND x.source_ord = t.ord) ORDER BY t.document_id, t.ord");
    if (!s.ok()) return s.error();
    s.value().Bind(1, document_id);
    auto got = Collect<Row>(s.value(), [](const Stmt& q) {
      Row r;
      r.extraction_id = q.Int(0);
      r.plan_id = q.Int(1);
      r.ord = q.Int(2);
      r.e.path = q.Text(3);
      r.e.action = q.Text(4);
      r.e.span = {q.Int(5), q.Int(6)};
      r.e.due_text = q.Text(7);
      r.e.due.rrule = q.Text(9);
      if (r.e.due.rrule.empty()) {
        r.e.due.date = DateOf(q.Text(8));
      } else {
        // A recurring duty runs from its own start, else from the plan's date.
        r.e.due.start = DateOf(q.Text(10));
        if (!r.e.due.start) r.e.due.start = DateOf(q.Text(11));
      }
      return r;
    });
    if (!got.ok()) return got.error();
    rows = std::move(got.value());
  }
  auto next = db_->QueryInt("SELECT COALESCE(MAX(id), 0) + 1 FROM track_tasks");
  if (!next.ok()) return next.error();
  std::int64_t id = next.value();
  for (Row& r : rows) {
    auto s = db_->Prepare(
        "SELECT tu.name, tu.role, u.unit_id FROM task_units tu JOIN units u ON u.id = tu.unit "
        "WHERE tu.task_id = ?1 ORDER BY tu.rowid");
    if (!s.ok()) return s.error();
    s.value().Bind(1, r.extraction_id);
    auto units = Collect<TaskUnit>(s.value(), [](const Stmt& q) {
      return TaskUnit{q.Text(2), q.Text(0), RoleOf(q.Text(1))};
    });
    if (!units.ok()) return units.error();
    r.e.units = std::move(units.value());
    TrackedTask t = track::FromExtraction(id++, r.plan_id, r.e);
    if (auto w = WriteTask(t, who.now, r.ord); !w.ok()) return w.error();
    track::Audit a;
    a.at = who.now;
    a.actor = who.name;
    a.action = "task.propose";
    a.target = "task:" + std::to_string(t.id);
    a.after = track::ToJson(t);
    if (auto w = WriteAudit({a}, who); !w.ok()) return w.error();
  }
  if (auto c = tx.value().Commit(); !c.ok()) return c.error();
  return static_cast<int>(rows.size());
}

Result<std::vector<TrackedTask>> SqliteTracking::Tasks(const TaskFilter& f) {
  // One SQL text per combination of filters (at most 32), each cached by the Db.
  std::string sql = std::string("SELECT ") + kTaskColumns + " FROM track_tasks t WHERE 1";
  if (!f.state.empty()) sql += " AND t.state = ?1";
  if (f.plan != 0) sql += " AND t.plan_id = ?2";
  if (!f.unit.empty())
    sql += " AND t.id IN (SELECT task_id FROM track_task_units WHERE unit_id = ?3)";
  if (!f.due_from.empty()) sql += " AND t.due_date >= ?4";
  if (!f.due_to.empty()) sql += " AND t.due_date <= ?5";
  sql += " ORDER BY t.plan_id, t.id";
  auto s = db_->Prepare(sql);
  if (!s.ok()) return s.error();
  if (!f.state.empty()) s.value().BindText(1, f.state);
  if (f.plan != 0) s.value().Bind(2, f.plan);
  if (!f.unit.empty()) s.value().BindText(3, f.unit);
  if (!f.due_from.empty()) s.value().BindText(4, f.due_from);
  if (!f.due_to.empty()) s.value().BindText(5, f.due_to);
  auto tasks = Collect<TrackedTask>(s.value(), ReadTask);
  if (!tasks.ok() || f.q.empty()) return tasks;
  // Words of the query, folded, each of which must be in the folded action.
  std::vector<std::string> words;
  const std::string q = text::Fold(f.q);
  for (std::size_t i = 0; i < q.size();) {
    const std::size_t j = q.find(' ', i);
    const std::size_t end = j == std::string::npos ? q.size() : j;
    if (end > i) words.push_back(q.substr(i, end - i));
    i = end + 1;
  }
  std::vector<TrackedTask> kept;
  for (TrackedTask& t : tasks.value()) {
    const std::string action = text::Fold(t.action);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return action.find(w) != std::string::npos; }))
      kept.push_back(std::move(t));
  }
  return kept;
}

Result<TrackedTask> SqliteTracking::Task(std::int64_t id) {
  auto s =
      db_->Prepare(std::string("SELECT ") + kTaskColumns + " FROM track_tasks t WHERE id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"not_found", "No task " + std::to_string(id) + "."};
  return ReadTask(s.value());
}

Result<std::vector<PlanRef>> SqliteTracking::PlanRefs(const std::vector<std::int64_t>& ids) {
  auto s = db_->Prepare(
      "SELECT id, number, title, date, issuer FROM documents WHERE id IN "
      "(SELECT value FROM json_each(?1)) ORDER BY id");
  if (!s.ok()) return s.error();
  s.value().BindText(1, IdsJson(ids));
  return Collect<PlanRef>(s.value(), [](const Stmt& q) {
    return PlanRef{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)};
  });
}

Result<std::vector<PlanSummary>> SqliteTracking::Plans() {
  auto s = db_->Prepare(
      "SELECT d.id, d.number, d.title, d.date, d.issuer, "
      "SUM(t.state = 'proposed'), SUM(t.state = 'confirmed'), SUM(t.state = 'dropped'), "
      "SUM(t.state = 'merged') FROM track_tasks t JOIN documents d ON d.id = t.plan_id "
      "GROUP BY d.id ORDER BY d.date DESC, d.id DESC");
  if (!s.ok()) return s.error();
  return Collect<PlanSummary>(s.value(), [](const Stmt& q) {
    PlanSummary p;
    p.plan = {q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)};
    p.proposed = q.Int(5);
    p.confirmed = q.Int(6);
    p.dropped = q.Int(7);
    p.merged = q.Int(8);
    return p;
  });
}

Result<std::vector<ProgressReport>> SqliteTracking::Reports(
    const std::vector<std::int64_t>& task_ids) {
  auto s = db_->Prepare(
      std::string("SELECT ") + kReportColumns +
      " FROM track_reports r WHERE ?1 IS NULL OR r.task_id IN (SELECT value FROM json_each(?1)) "
      "ORDER BY r.id");
  if (!s.ok()) return s.error();
  s.value().Bind(1, task_ids.empty() ? std::string() : IdsJson(task_ids));
  auto reports = Collect<ProgressReport>(s.value(), ReadReport);
  if (!reports.ok()) return reports;
  // Attachment names, when any report has some (most have none: one cheap query).
  auto a = db_->Prepare(
      "SELECT a.report_id, a.name FROM track_attachments a JOIN track_reports r ON r.id = "
      "a.report_id WHERE ?1 IS NULL OR r.task_id IN (SELECT value FROM json_each(?1)) "
      "ORDER BY a.id");
  if (!a.ok()) return a.error();
  a.value().Bind(1, task_ids.empty() ? std::string() : IdsJson(task_ids));
  for (;;) {
    auto row = a.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::int64_t rid = a.value().Int(0);
    for (ProgressReport& r : reports.value())
      if (r.id == rid) r.attachments.push_back(a.value().Text(1));
  }
  return reports;
}

Result<ProgressReport> SqliteTracking::Report(std::int64_t id) {
  auto s = db_->Prepare(std::string("SELECT ") + kReportColumns +
                        " FROM track_reports r WHERE r.id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"not_found", "No report " + std::to_string(id) + "."};
  ProgressReport r = ReadReport(s.value());
  s.value().Reset();
  auto att = Attachments(id);
  if (!att.ok()) return att.error();
  for (const AttachmentInfo& i : att.value()) r.attachments.push_back(i.name);
  return r;
}

Result<std::vector<TrackedTask>> SqliteTracking::UpdateTasks(const std::vector<std::int64_t>& ids,
                                                             const TaskChange& change,
                                                             const AuditActor& who) {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  std::vector<TrackedTask> current;
  for (std::int64_t id : ids) {
    auto t = Task(id);
    if (!t.ok()) return t.error();
    current.push_back(std::move(t.value()));
  }
  auto changed = change(current);
  if (!changed.ok()) return changed.error();
  for (const TrackedTask& t : changed.value().value) {
    if (auto w = WriteTask(t, who.now, std::nullopt); !w.ok()) return w.error();
  }
  if (auto w = WriteAudit(changed.value().audit, who); !w.ok()) return w.error();
  if (auto c = tx.value().Commit(); !c.ok()) return c.error();
  return std::move(changed.value().value);
}

Result<Ok> SqliteTracking::WriteReport(const ProgressReport& r, bool insert) {
  auto s = db_->Prepare(
      insert ? "INSERT INTO track_reports(task_id, unit_id, period_from, period_to, period_label, "
               "instance, text, percent, state, return_reason, returns, submitted_at, decided_at, "
               "decided_by, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
               "?14, ?15)"
             : "UPDATE track_reports SET task_id = ?1, unit_id = ?2, period_from = ?3, "
               "period_to = ?4, period_label = ?5, instance = ?6, text = ?7, percent = ?8, "
               "state = ?9, return_reason = ?10, returns = ?11, submitted_at = ?12, "
               "decided_at = ?13, decided_by = ?14 WHERE id = ?15");
  if (!s.ok()) return s.error();
  s.value()
      .Bind(1, r.task_id)
      .BindText(2, r.unit_id)
      .BindText(3, calendar::FormatIso(r.period.from))
      .BindText(4, calendar::FormatIso(r.period.to))
      .BindText(5, r.period.label)
      .Bind(6, IsoOrEmpty(r.instance))
      .BindText(7, r.text)
      .Bind(8, std::int64_t{r.percent})
      .BindText(9, track::Name(r.state))
      .Bind(10, r.return_reason)
      .Bind(11, std::int64_t{r.returns})
      .Bind(12, r.submitted_at)
      .Bind(13, r.decided_at)
      .Bind(14, r.decided_by)
      .Bind(15, r.id);
  return s.value().Run();
}

Result<ProgressReport> SqliteTracking::CreateReport(std::int64_t task_id, const NewReport& file,
                                                    const AuditActor& who) {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  auto task = Task(task_id);
  if (!task.ok()) return task.error();
  // Inside the write transaction nobody else can take this id.
  auto next = db_->QueryInt("SELECT COALESCE(MAX(id), 0) + 1 FROM track_reports");
  if (!next.ok()) return next.error();
  auto filed = file(task.value(), next.value());
  if (!filed.ok()) return filed.error();
  ProgressReport& r = filed.value().value;
  r.id = next.value();
  if (auto w = WriteReport(r, /*insert=*/true); !w.ok()) return w.error();
  if (auto w = WriteAudit(filed.value().audit, who); !w.ok()) return w.error();
  if (auto c = tx.value().Commit(); !c.ok()) return c.error();
  return r;
}

Result<ProgressReport> SqliteTracking::UpdateReport(std::int64_t report_id,
                                                    const ReportChange& change,
                                                    const AuditActor& who) {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  auto report = Report(report_id);
  if (!report.ok()) return report.error();
  auto task = Task(report.value().task_id);
  if (!task.ok()) return task.error();
  auto changed = change(task.value(), report.value());
  if (!changed.ok()) return changed.error();
  if (auto w = WriteReport(changed.value().value, /*insert=*/false); !w.ok()) return w.error();
  if (auto w = WriteAudit(changed.value().audit, who); !w.ok()) return w.error();
  if (auto c = tx.value().Commit(); !c.ok()) return c.error();
  return std::move(changed.value().value);
}

Result<AttachmentInfo> SqliteTracking::AddAttachment(std::int64_t report_id,
                                                     const std::string& name,
                                                     const std::string& media_type,
                                                     const std::string& bytes,
                                                     const AuditActor& who) {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  if (auto r = Report(report_id); !r.ok()) return r.error();
  auto s = db_->Prepare(
      "INSERT INTO track_attachments(report_id, name, media_type, size, data) "
      "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
  if (!s.ok()) return s.error();
  s.value()
      .Bind(1, report_id)
      .BindText(2, name)
      .BindText(3, media_type)
      .Bind(4, static_cast<std::int64_t>(bytes.size()))
      .BindBlob(5, bytes);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  AttachmentInfo info{s.value().Int(0), report_id, static_cast<std::int64_t>(bytes.size()), name,
                      media_type};
  if (auto x = s.value().Run(); !x.ok()) return x.error();
  track::Audit a;
  a.at = who.now;
  a.actor = who.name;
  a.action = "report.attach";
  a.target = "report:" + std::to_string(report_id);
  a.after = {{"attachment", info.id}, {"name", name}, {"type", media_type}, {"size", info.size}};
  if (auto w = WriteAudit({a}, who); !w.ok()) return w.error();
  if (auto c = tx.value().Commit(); !c.ok()) return c.error();
  return info;
}

Result<std::vector<AttachmentInfo>> SqliteTracking::Attachments(std::int64_t report_id) {
  auto s = db_->Prepare(
      "SELECT id, report_id, size, name, media_type FROM track_attachments WHERE report_id = ?1 "
      "ORDER BY id");
  if (!s.ok()) return s.error();
  s.value().Bind(1, report_id);
  return Collect<AttachmentInfo>(s.value(), [](const Stmt& q) {
    return AttachmentInfo{q.Int(0), q.Int(1), q.Int(2), q.Text(3), q.Text(4)};
  });
}

Result<std::string> SqliteTracking::AttachmentData(std::int64_t report_id, std::int64_t id) {
  auto s = db_->Prepare("SELECT data FROM track_attachments WHERE id = ?1 AND report_id = ?2");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id).Bind(2, report_id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"not_found", "No such attachment."};
  return s.value().Blob(0);
}

Result<std::vector<AuditEntry>> SqliteTracking::AuditLog(int limit, int offset) {
  auto s = db_->Prepare(
      "SELECT id, at, actor_id, actor, action, target, before_json, after_json, ip FROM "
      "audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2");
  if (!s.ok()) return s.error();
  s.value().Bind(1, std::int64_t{limit}).Bind(2, std::int64_t{offset});
  return Collect<AuditEntry>(s.value(), [](const Stmt& q) {
    return AuditEntry{q.Int(0),  q.Int(1),  q.Int(2),  q.Text(3), q.Text(4),
                      q.Text(5), q.Text(6), q.Text(7), q.Text(8)};
  });
}

Result<std::int64_t> SqliteTracking::AuditCount() {
  return db_->QueryInt("SELECT COUNT(*) FROM audit_log");
}

// --- users, sessions, audit sink ---

Result<std::unique_ptr<SqliteAccessRepos>> SqliteAccessRepos::Open(const std::string& path) {
  auto db = OpenExisting(path);
  if (!db.ok()) return db.error();
  return std::make_unique<SqliteAccessRepos>(std::move(db.value()));
}

namespace {

access::User ReadUser(const Stmt& s) {
  access::User u;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.role = access::ParseRole(s.Text(2)).value_or(access::Role::kReader);
  u.unit_id = s.Text(3);
  u.password_hash = s.Text(4);
  u.disabled = s.Int(5) != 0;
  return u;
}

void LogFailure(const char* doing, const Error& e) {
  std::fprintf(stderr, "dondoc: %s: %s\n", doing, e.message.c_str());
}

}  // namespace

std::optional<access::User> SqliteAccessRepos::FindUser(const char* where, const std::string& text,
                                                        std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      std::string("SELECT id, username, role, unit_id, password_hash, disabled FROM users WHERE ") +
      where);
  if (!s.ok()) {
    LogFailure("users", s.error());
    return std::nullopt;
  }
  if (text.empty()) {
    s.value().Bind(1, id);
  } else {
    s.value().BindText(1, text);
  }
  auto row = s.value().Step();
  if (!row.ok()) {
    LogFailure("users", row.error());
    return std::nullopt;
  }
  if (!row.value()) return std::nullopt;
  return ReadUser(s.value());
}

std::optional<access::User> SqliteAccessRepos::FindByName(const std::string& username) const {
  if (username.empty()) return std::nullopt;
  return FindUser("username = ?1", username, 0);
}

std::optional<access::User> SqliteAccessRepos::FindById(std::int64_t id) const {
  return FindUser("id = ?1", "", id);
}

Result<std::int64_t> SqliteAccessRepos::Add(access::User user) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      "INSERT INTO users(username, role, unit_id, password_hash, disabled) "
      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(username) DO NOTHING RETURNING id");
  if (!s.ok()) return s.error();
  s.value()
      .BindText(1, user.username)
      .BindText(2, access::RoleName(user.role))
      .Bind(3, user.unit_id)
      .BindText(4, user.password_hash)
      .Bind(5, std::int64_t{user.disabled ? 1 : 0});
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"conflict", "A user named " + user.username + " exists."};
  const std::int64_t id = s.value().Int(0);
  if (auto r = s.value().Run(); !r.ok()) return r.error();
  return id;
}

Result<bool> SqliteAccessRepos::SetPasswordHash(std::int64_t id, const std::string& hash) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id).BindText(2, hash);
  if (auto r = s.value().Run(); !r.ok()) return r.error();
  if (sqlite3_changes(db_->raw()) == 0) return Error{"not_found", "No such user."};
  return true;
}

std::vector<access::User> SqliteAccessRepos::List() const {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      "SELECT id, username, role, unit_id, password_hash, disabled FROM users ORDER BY id");
  if (!s.ok()) {
    LogFailure("users", s.error());
    return {};
  }
  auto users = Collect<access::User>(s.value(), ReadUser);
  if (!users.ok()) {
    LogFailure("users", users.error());
    return {};
  }
  return std::move(users.value());
}

void SqliteAccessRepos::Insert(const access::SessionRecord& r) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      "INSERT OR REPLACE INTO sessions(id, user_id, csrf_token, created_at, last_seen_at, ip, "
      "user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!s.ok()) return LogFailure("sessions", s.error());
  s.value()
      .BindText(1, r.id)
      .Bind(2, r.user_id)
      .BindText(3, r.csrf_token)
      .Bind(4, r.created_at)
      .Bind(5, r.last_seen_at)
      .Bind(6, r.ip)
      .Bind(7, r.user_agent);
  if (auto x = s.value().Run(); !x.ok()) LogFailure("sessions", x.error());
}

std::optional<access::SessionRecord> SqliteAccessRepos::Find(const std::string& id) const {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      "SELECT id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent FROM sessions "
      "WHERE id = ?1");
  if (!s.ok()) {
    LogFailure("sessions", s.error());
    return std::nullopt;
  }
  s.value().BindText(1, id);
  auto row = s.value().Step();
  if (!row.ok() || !row.value()) return std::nullopt;
  const Stmt& q = s.value();
  return access::SessionRecord{q.Text(0), q.Int(1),  q.Text(2), q.Int(3),
                               q.Int(4),  q.Text(5), q.Text(6)};
}

void SqliteAccessRepos::Touch(const std::string& id, std::int64_t now) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare("UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1");
  if (!s.ok()) return LogFailure("sessions", s.error());
  s.value().BindText(1, id).Bind(2, now);
  if (auto x = s.value().Run(); !x.ok()) LogFailure("sessions", x.error());
}

void SqliteAccessRepos::Delete(const std::string& id) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare("DELETE FROM sessions WHERE id = ?1");
  if (!s.ok()) return LogFailure("sessions", s.error());
  s.value().BindText(1, id);
  if (auto x = s.value().Run(); !x.ok()) LogFailure("sessions", x.error());
}

void SqliteAccessRepos::DeleteForUser(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare("DELETE FROM sessions WHERE user_id = ?1");
  if (!s.ok()) return LogFailure("sessions", s.error());
  s.value().Bind(1, user_id);
  if (auto x = s.value().Run(); !x.ok()) LogFailure("sessions", x.error());
}

void SqliteAccessRepos::Append(const access::AuditRecord& r) {
  std::lock_guard lock(mu_);
  auto s = db_->Prepare(
      "INSERT INTO audit_log(at, actor_id, actor, action, target, before_json, after_json, ip) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!s.ok()) return LogFailure("audit log", s.error());
  s.value()
      .Bind(1, r.at)
      .Bind(2, r.actor_id != 0 ? std::optional<std::int64_t>(r.actor_id) : std::nullopt)
      .Bind(3, r.actor)
      .BindText(4, r.action)
      .Bind(5, r.target)
      .Bind(6, r.before_json)
      .Bind(7, r.after_json)
      .Bind(8, r.ip);
  if (auto x = s.value().Run(); !x.ok()) LogFailure("audit log", x.error());
}

}  // namespace dondoc::store
