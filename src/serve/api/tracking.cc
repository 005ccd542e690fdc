// Tested through tracking_test.cc and authz_test.cc.
#include "serve/api/tracking.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "track/report.h"

namespace dondoc::serve::api {

std::optional<Response> UnknownQuery(const Request& req, std::initializer_list<const char*> known) {
  for (const auto& [name, value] : req.query) {
    bool found = false;
    for (const char* k : known) found = found || name == k;
    if (!found)
      return ErrorResponse(ErrorCode::kInvalidField, "Unknown query parameter '" + name + "'.",
                           name);
  }
  return std::nullopt;
}

Or<int> IntQuery(const Request& req, const char* name, int min, int max, int fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return fallback;
  int v = 0;
  const std::string& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < min || v > max) {
    return ErrorResponse(ErrorCode::kInvalidField,
                         std::string("'") + name + "' must be a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max) + ".",
                         name);
  }
  return v;
}

Or<std::optional<calendar::Date>> DateQuery(const Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return std::optional<calendar::Date>();
  auto d = calendar::ParseIso(it->second);
  if (!d.ok())
    return ErrorResponse(ErrorCode::kInvalidField,
                         std::string("'") + name + "' must be a date YYYY-MM-DD.", name);
  return std::optional<calendar::Date>(d.value());
}

Or<std::int64_t> PathId(const Request& req, const char* name) {
  const std::string& s = req.params.at(name);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0)
    return ErrorResponse(ErrorCode::kInvalidField, "An id is a positive whole number.", name);
  return v;
}

const nlohmann::json& BodyOf(const Request& req) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return req.json.is_object() ? req.json : kEmpty;
}

std::string UploadedName(const Request& req, const char* fallback) {
  std::string name = req.Header("x-filename");
  if (auto decoded = PercentDecode(name)) name = *decoded;
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name = name.substr(slash + 1);
  std::string clean;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"') clean += c;
  if (clean.size() > 200) clean.resize(200);
  if (clean.empty() || clean == "." || clean == "..") clean = fallback;
  return clean;
}

std::string QueryText(const Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? std::string() : it->second;
}

Response Failure(const Request& req, const Error& e) {
  const ErrorInfo& info = InfoByName(e.code);
  if (info.code != ErrorCode::kInternal) return ErrorResponse(info.code, e.message);
  std::fprintf(stderr, "dondoc serve: %s %s: %s: %s\n", req.method.c_str(), req.path.c_str(),
               e.code.c_str(), e.message.c_str());
  if (e.code == "locked")
    return ErrorResponse(ErrorCode::kUnavailable, "The database is busy; try again.");
  return ErrorResponse(ErrorCode::kInternal);
}

Or<TrackPool::Lease> Tracking(const Request& req, Context& ctx) {
  if (ctx.tracking == nullptr)
    return ErrorResponse(ErrorCode::kUnavailable,
                         "This server has no tracking database (start it with --db).");
  auto lease = ctx.tracking->Acquire();
  if (!lease.ok()) return Failure(req, lease.error());
  return std::move(lease.value());
}

calendar::Date Today(Context& ctx) { return track::LocalDate(ctx.sessions.Now()); }

store::AuditActor ActorOf(const Request& req, Context& ctx) {
  store::AuditActor a;
  if (req.principal) {
    a.user_id = req.principal->user_id;
    a.name = req.principal->username;
  }
  a.ip = req.remote_ip;
  a.now = ctx.sessions.Now();
  return a;
}

track::Actor TrackActor(const Request& req, Context& ctx) {
  return {req.principal ? req.principal->username : std::string(), ctx.sessions.Now()};
}

std::string OfficerUnit(const Request& req) {
  if (req.principal && req.principal->role == access::Role::kUnitOfficer)
    return req.principal->unit_id.empty() ? std::string("\x01none") : req.principal->unit_id;
  return {};
}

access::Resource ResourceOf(const track::TrackedTask& task) {
  access::Resource r;
  for (const track::TaskUnit& u : task.units) r.units.push_back(u.unit_id);
  return r;
}

const std::vector<track::ProgressReport>& Board::ReportsOf(std::int64_t task_id) const {
  static const std::vector<track::ProgressReport> kNone;
  auto it = reports.find(task_id);
  return it == reports.end() ? kNone : it->second;
}

Result<Board> LoadBoard(store::TrackingRepo& repo, const store::TaskFilter& filter) {
  Board b;
  auto tasks = repo.Tasks(filter);
  if (!tasks.ok()) return tasks.error();
  b.tasks = std::move(tasks.value());
  if (b.tasks.empty()) return b;
  std::vector<std::int64_t> ids, plan_ids;
  for (const auto& t : b.tasks) {
    ids.push_back(t.id);
    if (plan_ids.empty() || plan_ids.back() != t.plan_id) plan_ids.push_back(t.plan_id);
  }
  auto reports = repo.Reports(ids);
  if (!reports.ok()) return reports.error();
  for (auto& r : reports.value()) b.reports[r.task_id].push_back(std::move(r));
  auto plans = repo.PlanRefs(plan_ids);
  if (!plans.ok()) return plans.error();
  for (auto& p : plans.value()) b.plans[p.id] = std::move(p);
  return b;
}

std::optional<track::Evaluation> StatusOf(const track::TrackedTask& task, const Board& board,
                                          const calendar::Date& as_of) {
  if (task.state != track::TaskState::kConfirmed) return std::nullopt;
  auto ev = track::Evaluate(task, board.ReportsOf(task.id), as_of);
  if (!ev.ok()) return std::nullopt;
  return ev.value();
}

namespace {

Json DateJson(const std::optional<calendar::Date>& d) {
  return d ? Json(calendar::FormatIso(*d)) : Json(nullptr);
}

Json UnitsJson(const std::vector<track::TaskUnit>& units) {
  Json a = Json::array();
  for (const auto& u : units)
    a.push_back({{"unit_id", u.unit_id}, {"name", u.name}, {"role", track::Name(u.role)}});
  return a;
}

}  // namespace

Json TaskJson(const track::TrackedTask& t, const Board& board,
              const std::optional<track::Evaluation>& ev) {
  Json j;
  j["id"] = t.id;
  Json plan = {{"id", t.plan_id}, {"number", ""}, {"title", ""}};
  if (auto it = board.plans.find(t.plan_id); it != board.plans.end()) {
    plan["number"] = it->second.number;
    plan["title"] = it->second.title;
  }
  j["plan"] = std::move(plan);
  j["action"] = t.action;
  j["units"] = UnitsJson(t.units);
  const track::Extracted* src = t.sources.empty() ? nullptr : &t.sources.front();
  j["due"] = {{"date", DateJson(t.due.date)},
              {"rrule", t.due.rrule},
              {"text", src ? src->due_text : std::string()}};
  j["state"] = track::Name(t.state);
  j["status"] = ev ? Json(track::Name(ev->status)) : Json(nullptr);
  j["next_due"] = ev ? DateJson(ev->due) : Json(nullptr);
  j["path"] = src ? src->path : std::string();
  j["span"] = {{"begin", src ? src->span.begin : 0}, {"end", src ? src->span.end : 0}};
  if (t.state == track::TaskState::kMerged) j["merged_into"] = t.merged_into;
  if (t.state == track::TaskState::kDropped) j["drop_reason"] = t.drop_reason;
  Json sources = Json::array();
  for (const auto& e : t.sources) {
    sources.push_back({{"action", e.action},
                       {"units", UnitsJson(e.units)},
                       {"due", {{"date", DateJson(e.due.date)}, {"rrule", e.due.rrule}}},
                       {"due_text", e.due_text},
                       {"span", {{"begin", e.span.begin}, {"end", e.span.end}}},
                       {"path", e.path}});
  }
  j["sources"] = std::move(sources);
  Json history = Json::array();
  for (const auto& h : t.history)
    history.push_back({{"at", h.at}, {"actor", h.actor}, {"what", h.what}, {"note", h.note}});
  j["history"] = std::move(history);
  return j;
}

Json ReportJson(const track::ProgressReport& r) {
  Json j;
  j["id"] = r.id;
  j["task_id"] = r.task_id;
  j["unit_id"] = r.unit_id;
  j["period"] = {{"from", calendar::FormatIso(r.period.from)},
                 {"to", calendar::FormatIso(r.period.to)},
                 {"label", r.period.label}};
  j["instance"] = DateJson(r.instance);
  j["text"] = r.text;
  j["percent"] = r.percent;
  j["attachments"] = r.attachments;
  j["state"] = track::Name(r.state);
  j["return_reason"] = r.return_reason;
  j["submitted_at"] = r.submitted_at;
  j["decided_at"] = r.decided_at != 0 ? Json(r.decided_at) : Json(nullptr);
  j["decided_by"] = r.decided_by;
  return j;
}

std::optional<Response> ResponseCache::Find(const Key& key, std::int64_t now_ms) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.generation != generation_ || now_ms - it->second.at_ms > max_age_ms) {
    bytes_ -= it->second.response.body.size();
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.response;
}

void ResponseCache::Put(const Key& key, const Response& response, std::int64_t now_ms) {
  std::lock_guard lock(mu_);
  if (bytes_ + response.body.size() > max_bytes) {
    entries_.clear();
    bytes_ = 0;
  }
  auto& e = entries_[key];
  bytes_ -= e.response.body.size();
  e = Entry{response, now_ms, generation_};
  bytes_ += response.body.size();
}

void ResponseCache::Invalidate() {
  std::lock_guard lock(mu_);
  ++generation_;
  entries_.clear();
  bytes_ = 0;
}

namespace {

std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Response Cached(const Request& req, Context& ctx, const std::function<Response()>& answer) {
  if (ctx.cache == nullptr || !req.principal) return answer();
  const ResponseCache::Key key{req.target, std::string(access::RoleName(req.principal->role)),
                               req.principal->unit_id, calendar::FormatIso(Today(ctx))};
  const std::int64_t now = SteadyMs();
  if (auto hit = ctx.cache->Find(key, now)) return std::move(*hit);
  Response r = answer();
  if (r.status == 200) ctx.cache->Put(key, r, now);
  return r;
}

void Changed(Context& ctx) {
  if (ctx.cache != nullptr) ctx.cache->Invalidate();
}

}  // namespace dondoc::serve::api
