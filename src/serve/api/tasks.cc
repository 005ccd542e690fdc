// The task routes:
//
//   GET  /api/tasks?state=&status=&unit=&plan=&due_from=&due_to=&q=&as_of=&limit=&offset=
//   GET  /api/tasks/{id}                       the task with its reports
//   POST /api/tasks/{id}/confirm|edit|merge|drop   the office's review (track/review.h)
//   POST /api/tasks/{id}/reports               a unit's progress report (track/reports.h)
//
// An officer sees only their unit's tasks: the list is filtered to it (another unit → 403), a
// task of another unit is 403, and a task's reports are those the policy lets them read.
// Tested by tracking_test.cc and authz_test.cc.
#include <set>

#include "serve/api/tracking.h"
#include "track/reports.h"
#include "track/review.h"

namespace dondoc::serve::api {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
constexpr std::size_t kMaxText = 20000;

const std::set<std::string> kStates = {"proposed", "confirmed", "dropped", "merged", "all"};

std::optional<track::Status> StatusNamed(const std::string& name) {
  for (int i = 0; i < track::kStatusCount; ++i) {
    const auto s = static_cast<track::Status>(i);
    if (name == track::Name(s)) return s;
  }
  return std::nullopt;
}

Response List(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"state", "status", "unit", "plan", "due_from", "due_to", "q",
                                  "as_of", "limit", "offset"}))
    return std::move(*r);
  store::TaskFilter f;
  f.state = req.query.count("state") ? req.query.at("state") : "confirmed";
  if (!kStates.count(f.state))
    return ErrorResponse(ErrorCode::kInvalidField,
                         "'state' is proposed, confirmed, dropped, merged or all.", "state");
  if (f.state == "all") f.state.clear();
  const std::string status_name = QueryText(req, "status");
  std::optional<track::Status> status;
  if (!status_name.empty()) {
    status = StatusNamed(status_name);
    if (!status)
      return ErrorResponse(ErrorCode::kInvalidField, "Unknown status '" + status_name + "'.",
                           "status");
  }
  f.unit = QueryText(req, "unit");
  auto limit = IntQuery(req, "limit", 1, kMaxLimit, kDefaultLimit);
  if (auto* r = std::get_if<Response>(&limit)) return std::move(*r);
  auto offset = IntQuery(req, "offset", 0, 1000000, 0);
  if (auto* r = std::get_if<Response>(&offset)) return std::move(*r);
  auto plan = IntQuery(req, "plan", 1, 2000000000, 0);
  if (auto* r = std::get_if<Response>(&plan)) return std::move(*r);
  f.plan = std::get<int>(plan);
  for (const char* name : {"due_from", "due_to"}) {
    auto d = DateQuery(req, name);
    if (auto* r = std::get_if<Response>(&d)) return std::move(*r);
    if (auto v = std::get<std::optional<calendar::Date>>(d))
      (std::string(name) == "due_from" ? f.due_from : f.due_to) = calendar::FormatIso(*v);
  }
  auto as_of_q = DateQuery(req, "as_of");
  if (auto* r = std::get_if<Response>(&as_of_q)) return std::move(*r);
  const calendar::Date as_of =
      std::get<std::optional<calendar::Date>>(as_of_q).value_or(Today(ctx));
  f.q = QueryText(req, "q");
  if (f.q.size() > 500)
    return ErrorResponse(ErrorCode::kInvalidField, "The search text is too long.", "q");

  // An officer reads their own unit's tasks: no unit means theirs, another unit is refused.
  const std::string own = OfficerUnit(req);
  if (!own.empty() && f.unit.empty()) f.unit = own;
  const access::Resource resource =
      f.unit.empty() ? access::Resource::Global() : access::Resource::OfUnit(f.unit);
  if (auto denied = Authorize(req, access::Action::kReadTask, resource)) return std::move(*denied);

  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto board = LoadBoard(*lease, f);
  if (!board.ok()) return Failure(req, board.error());
  const Board& b = board.value();

  const int lim = std::get<int>(limit), off = std::get<int>(offset);
  Json items = Json::array();
  std::int64_t total = 0;
  for (const track::TrackedTask& t : b.tasks) {
    // Status is computed only where needed: for a status filter every task, else the page.
    const bool on_page = total >= off && total < off + lim;
    if (!status && !on_page) {
      ++total;
      continue;
    }
    auto ev = StatusOf(t, b, as_of);
    if (status && (!ev || ev->status != *status)) continue;
    if (total >= off && total < off + lim) items.push_back(TaskJson(t, b, ev));
    ++total;
  }
  Json body;
  body["items"] = std::move(items);
  body["total"] = total;
  body["limit"] = lim;
  body["offset"] = off;
  body["as_of"] = calendar::FormatIso(as_of);
  return JsonResponse(body);
}

// A task read for a route on it: the id, the task, the right to `action` on it.
struct Opened {
  std::int64_t id = 0;
  track::TrackedTask task;
};
Or<Opened> OpenTask(const Request& req, store::TrackingRepo& repo, access::Action action) {
  auto id = PathId(req);
  if (auto* r = std::get_if<Response>(&id)) return std::move(*r);
  auto task = repo.Task(std::get<std::int64_t>(id));
  if (!task.ok()) return Failure(req, task.error());
  if (auto denied = Authorize(req, action, ResourceOf(task.value()))) return std::move(*denied);
  return Opened{std::get<std::int64_t>(id), std::move(task.value())};
}

// The task as the routes answer it: with its reports the principal may read.
Response TaskDetail(const Request& req, store::TrackingRepo& repo, const track::TrackedTask& t,
                    const calendar::Date& as_of, int status = 200) {
  Board b;
  b.tasks = {t};
  auto reports = repo.Reports({t.id});
  if (!reports.ok()) return Failure(req, reports.error());
  b.reports[t.id] = reports.value();
  auto plans = repo.PlanRefs({t.plan_id});
  if (!plans.ok()) return Failure(req, plans.error());
  for (auto& p : plans.value()) b.plans[p.id] = p;
  Json j = TaskJson(t, b, StatusOf(t, b, as_of));
  Json rs = Json::array();
  for (const auto& r : reports.value()) {
    if (access::Decide(*req.principal, access::Action::kReadReport,
                       access::Resource::OfUnit(r.unit_id)))
      rs.push_back(ReportJson(r));
  }
  j["reports"] = std::move(rs);
  return JsonResponse(j, status);
}

Response Detail(const Request& req, Context& ctx) {
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenTask(req, *lease, access::Action::kReadTask);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  return TaskDetail(req, *lease, std::get<Opened>(opened).task, Today(ctx));
}

const nlohmann::json& Body(const Request& req) { return BodyOf(req); }

// Optional string field: nullopt when absent; a Response when of the wrong type or too long.
Or<std::optional<std::string>> StringField(const nlohmann::json& body, const char* name,
                                           std::size_t max = kMaxText) {
  if (!body.contains(name) || body[name].is_null()) return std::optional<std::string>();
  if (!body[name].is_string())
    return ErrorResponse(ErrorCode::kInvalidField, std::string("'") + name + "' must be text.",
                         name);
  std::string s = body[name].get<std::string>();
  if (s.size() > max)
    return ErrorResponse(ErrorCode::kInvalidField, std::string("'") + name + "' is too long.",
                         name);
  return std::optional<std::string>(std::move(s));
}

Or<std::optional<calendar::Date>> DateField(const nlohmann::json& obj, const char* name,
                                            const char* field) {
  if (!obj.contains(name) || obj[name].is_null()) return std::optional<calendar::Date>();
  if (!obj[name].is_string())
    return ErrorResponse(ErrorCode::kInvalidField, std::string("'") + field + "' is YYYY-MM-DD.",
                         field);
  auto d = calendar::ParseIso(obj[name].get<std::string>());
  if (!d.ok())
    return ErrorResponse(ErrorCode::kInvalidField, std::string("'") + field + "' is YYYY-MM-DD.",
                         field);
  return std::optional<calendar::Date>(d.value());
}

// Runs a review change on one task and answers the task as it is after it.
Response Review(const Request& req, Context& ctx,
                const std::function<Result<track::Change<track::TrackedTask>>(
                    const track::TrackedTask&, const track::Actor&)>& change) {
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenTask(req, *lease, access::Action::kEditTask);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  const track::Actor actor = TrackActor(req, ctx);
  auto done = lease->UpdateTasks(
      {std::get<Opened>(opened).id},
      [&](const std::vector<track::TrackedTask>& ts)
          -> Result<track::Change<std::vector<track::TrackedTask>>> {
        auto c = change(ts.front(), actor);
        if (!c.ok()) return c.error();
        return track::Change<std::vector<track::TrackedTask>>{{std::move(c.value().value)},
                                                              std::move(c.value().audit)};
      },
      ActorOf(req, ctx));
  if (!done.ok()) return Failure(req, done.error());
  return TaskDetail(req, *lease, done.value().front(), Today(ctx));
}

Response Confirm(const Request& req, Context& ctx) {
  return Review(req, ctx, [](const track::TrackedTask& t, const track::Actor& a) {
    return track::Confirm(t, a);
  });
}

Response Drop(const Request& req, Context& ctx) {
  auto reason = StringField(Body(req), "reason", 2000);
  if (auto* r = std::get_if<Response>(&reason)) return std::move(*r);
  const std::string why = std::get<std::optional<std::string>>(reason).value_or("");
  return Review(req, ctx, [&](const track::TrackedTask& t, const track::Actor& a) {
    return track::Drop(t, why, a);
  });
}

Or<std::vector<track::TaskUnit>> UnitsField(const nlohmann::json& v) {
  auto bad = [] {
    return ErrorResponse(ErrorCode::kInvalidField,
                         "'units' is a list of {unit_id, name, role} (role lead, execute, "
                         "coordinate or requested).",
                         "units");
  };
  if (!v.is_array() || v.size() > 100) return bad();
  std::vector<track::TaskUnit> out;
  for (const auto& u : v) {
    if (!u.is_object() || !u.contains("unit_id") || !u["unit_id"].is_string()) return bad();
    track::TaskUnit tu;
    tu.unit_id = u["unit_id"].get<std::string>();
    tu.name =
        u.contains("name") && u["name"].is_string() ? u["name"].get<std::string>() : tu.unit_id;
    const std::string role =
        u.contains("role") && u["role"].is_string() ? u["role"].get<std::string>() : "lead";
    if (role == "lead") {
      tu.role = track::UnitRole::kLead;
    } else if (role == "execute") {
      tu.role = track::UnitRole::kExecute;
    } else if (role == "coordinate") {
      tu.role = track::UnitRole::kCoordinate;
    } else if (role == "requested") {
      tu.role = track::UnitRole::kRequested;
    } else {
      return bad();
    }
    if (tu.unit_id.empty() || tu.unit_id.size() > 200) return bad();
    out.push_back(std::move(tu));
  }
  return out;
}

Response Edit(const Request& req, Context& ctx) {
  const nlohmann::json& body = Body(req);
  track::TaskPatch patch;
  auto action = StringField(body, "action");
  if (auto* r = std::get_if<Response>(&action)) return std::move(*r);
  patch.action = std::get<std::optional<std::string>>(action);
  auto note = StringField(body, "note", 2000);
  if (auto* r = std::get_if<Response>(&note)) return std::move(*r);
  patch.note = std::get<std::optional<std::string>>(note).value_or("");
  if (body.contains("units")) {
    auto units = UnitsField(body["units"]);
    if (auto* r = std::get_if<Response>(&units)) return std::move(*r);
    patch.units = std::get<std::vector<track::TaskUnit>>(units);
  }
  bool due_given = false;
  track::Due due;
  if (body.contains("due")) {
    const auto& d = body["due"];
    if (!d.is_object())
      return ErrorResponse(ErrorCode::kInvalidField, "'due' is {date, rrule}.", "due");
    auto date = DateField(d, "date", "due.date");
    if (auto* r = std::get_if<Response>(&date)) return std::move(*r);
    due.date = std::get<std::optional<calendar::Date>>(date);
    auto rrule = StringField(d, "rrule", 200);
    if (auto* r = std::get_if<Response>(&rrule)) return std::move(*r);
    due.rrule = std::get<std::optional<std::string>>(rrule).value_or("");
    auto start = DateField(d, "start", "due.start");
    if (auto* r = std::get_if<Response>(&start)) return std::move(*r);
    due.start = std::get<std::optional<calendar::Date>>(start);
    due_given = true;
  }
  return Review(req, ctx, [&](const track::TrackedTask& t, const track::Actor& a) {
    track::TaskPatch p = patch;
    if (due_given) {
      track::Due d = due;
      // A recurrence keeps its start unless the edit gives one.
      if (!d.rrule.empty() && !d.start) d.start = t.due.start;
      p.due = d;
    }
    return track::Edit(t, p, a);
  });
}

Response Merge(const Request& req, Context& ctx) {
  const nlohmann::json& body = Body(req);
  if (!body.contains("into") || !body["into"].is_number_integer() ||
      body["into"].get<std::int64_t>() <= 0)
    return ErrorResponse(ErrorCode::kInvalidField, "'into' is the id of the task to keep.", "into");
  const std::int64_t into = body["into"].get<std::int64_t>();
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenTask(req, *lease, access::Action::kEditTask);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  const std::int64_t id = std::get<Opened>(opened).id;
  auto kept = lease->Task(into);
  if (!kept.ok()) return Failure(req, kept.error());
  if (auto denied = Authorize(req, access::Action::kEditTask, ResourceOf(kept.value())))
    return std::move(*denied);
  const track::Actor actor = TrackActor(req, ctx);
  // The task in the path is absorbed into `into`; answered with the task kept.
  auto done = lease->UpdateTasks(
      {into, id},
      [&](const std::vector<track::TrackedTask>& ts) { return track::Merge(ts[0], ts[1], actor); },
      ActorOf(req, ctx));
  if (!done.ok()) return Failure(req, done.error());
  return TaskDetail(req, *lease, done.value().front(), Today(ctx));
}

// The report fields of a submission or resubmission.
Or<track::ProgressReport> ReportFields(const nlohmann::json& body, bool full) {
  track::ProgressReport r;
  auto text = StringField(body, "text");
  if (auto* x = std::get_if<Response>(&text)) return std::move(*x);
  r.text = std::get<std::optional<std::string>>(text).value_or("");
  if (!body.contains("percent") || !body["percent"].is_number_integer())
    return ErrorResponse(ErrorCode::kInvalidField, "'percent' is a whole number 0–100.", "percent");
  const auto pct = body["percent"].get<std::int64_t>();
  if (pct < 0 || pct > 100)
    return ErrorResponse(ErrorCode::kInvalidField, "'percent' is a whole number 0–100.", "percent");
  r.percent = static_cast<int>(pct);
  if (!full) return r;
  auto unit = StringField(body, "unit_id", 200);
  if (auto* x = std::get_if<Response>(&unit)) return std::move(*x);
  r.unit_id = std::get<std::optional<std::string>>(unit).value_or("");
  if (r.unit_id.empty())
    return ErrorResponse(ErrorCode::kInvalidField, "'unit_id' names the reporting unit.",
                         "unit_id");
  if (!body.contains("period") || !body["period"].is_object())
    return ErrorResponse(ErrorCode::kInvalidField, "'period' is {from, to, label}.", "period");
  const auto& p = body["period"];
  auto from = DateField(p, "from", "period.from");
  if (auto* x = std::get_if<Response>(&from)) return std::move(*x);
  auto to = DateField(p, "to", "period.to");
  if (auto* x = std::get_if<Response>(&to)) return std::move(*x);
  if (!std::get<std::optional<calendar::Date>>(from) ||
      !std::get<std::optional<calendar::Date>>(to))
    return ErrorResponse(ErrorCode::kInvalidField, "'period' needs from and to (YYYY-MM-DD).",
                         "period");
  r.period.from = *std::get<std::optional<calendar::Date>>(from);
  r.period.to = *std::get<std::optional<calendar::Date>>(to);
  auto label = StringField(p, "label", 200);
  if (auto* x = std::get_if<Response>(&label)) return std::move(*x);
  r.period.label = std::get<std::optional<std::string>>(label).value_or("");
  auto instance = DateField(body, "instance", "instance");
  if (auto* x = std::get_if<Response>(&instance)) return std::move(*x);
  r.instance = std::get<std::optional<calendar::Date>>(instance);
  return r;
}

Response FileReport(const Request& req, Context& ctx) {
  auto fields = ReportFields(Body(req), /*full=*/true);
  if (auto* r = std::get_if<Response>(&fields)) return std::move(*r);
  track::ProgressReport draft = std::get<track::ProgressReport>(fields);
  // The unit filing is the one checked: an officer filing "for" another unit is refused here,
  // whatever the task.
  if (auto denied =
          Authorize(req, access::Action::kFileReport, access::Resource::OfUnit(draft.unit_id)))
    return std::move(*denied);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto id = PathId(req);
  if (auto* r = std::get_if<Response>(&id)) return std::move(*r);
  draft.task_id = std::get<std::int64_t>(id);
  const track::Actor actor = TrackActor(req, ctx);
  auto filed = lease->CreateReport(
      draft.task_id,
      [&](const track::TrackedTask& task, std::int64_t new_id) {
        track::ProgressReport d = draft;
        d.id = new_id;
        return track::Submit(task, d, actor);
      },
      ActorOf(req, ctx));
  if (!filed.ok()) return Failure(req, filed.error());
  return JsonResponse(ReportJson(filed.value()), 201);
}

}  // namespace

// Shared with reports.cc (resubmission takes the same text and percent fields).
Or<track::ProgressReport> ReportTextFields(const nlohmann::json& body) {
  return ReportFields(body, /*full=*/false);
}

void AddTaskRoutes(Router& router, Context& ctx) {
  const RouteOptions read{.auth = Auth::kSession, .media = ""};
  const RouteOptions write{.auth = Auth::kSession};
  Context* c = &ctx;
  router.Add(
      "GET", "/api/tasks",
      [c](const Request& r) { return Cached(r, *c, [&] { return List(r, *c); }); }, read);
  router.Add(
      "GET", "/api/tasks/{id}",
      [c](const Request& r) { return Cached(r, *c, [&] { return Detail(r, *c); }); }, read);
  router.Add(
      "POST", "/api/tasks/{id}/confirm",
      [c](const Request& r) { return AfterChange(*c, Confirm(r, *c)); }, write);
  router.Add(
      "POST", "/api/tasks/{id}/edit",
      [c](const Request& r) { return AfterChange(*c, Edit(r, *c)); }, write);
  router.Add(
      "POST", "/api/tasks/{id}/merge",
      [c](const Request& r) { return AfterChange(*c, Merge(r, *c)); }, write);
  router.Add(
      "POST", "/api/tasks/{id}/drop",
      [c](const Request& r) { return AfterChange(*c, Drop(r, *c)); }, write);
  router.Add(
      "POST", "/api/tasks/{id}/reports",
      [c](const Request& r) { return AfterChange(*c, FileReport(r, *c)); }, write);
}

}  // namespace dondoc::serve::api
