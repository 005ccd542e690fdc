// The board's read-only views, computed per request from the confirmed tasks and their reports
// by track/status.h and track/lists.h:
//
//   GET /api/dashboard?as_of=          counts by status, overdue by unit, due this month
//   GET /api/calendar?from=&to=&unit=  due instances (recurring duties expanded, rolled to
//                                      working days)
//   GET /api/reminders?as_of=          who must report what by when
//   GET /api/units, /api/units/{id}    units with their counts; one unit with its scorecard
//   GET /api/plans                     documents that have tasks, with counts by state
//
// An officer's views are their unit's: the tasks are filtered to it before anything is
// counted. Tested by tracking_test.cc and authz_test.cc.
#include <map>
#include <set>

#include "serve/api/tracking.h"
#include "track/lists.h"

namespace dondoc::serve::api {
namespace {

// How far ahead reminders look, in working days.
constexpr int kReminderWorkingDays = 10;
constexpr int kMaxCalendarDays = 400;

// The confirmed tasks the principal may see (an officer: their unit's), loaded as a Board; or
// the refusal. `unit` narrows further (another unit than an officer's own is refused).
Or<Board> VisibleBoard(const Request& req, Context& ctx, std::string unit,
                       const std::string& state = "confirmed") {
  const std::string own = OfficerUnit(req);
  if (!own.empty() && unit.empty()) unit = own;
  const access::Resource resource =
      unit.empty() ? access::Resource::Global() : access::Resource::OfUnit(unit);
  if (auto denied = Authorize(req, access::Action::kReadTask, resource)) return std::move(*denied);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  store::TaskFilter f;
  f.state = state;
  f.unit = unit;
  auto board = LoadBoard(*std::get<TrackPool::Lease>(repo), f);
  if (!board.ok()) return Failure(req, board.error());
  return std::move(board.value());
}

std::vector<track::ProgressReport> AllReports(const Board& b) {
  std::vector<track::ProgressReport> out;
  for (const auto& [id, rs] : b.reports) out.insert(out.end(), rs.begin(), rs.end());
  return out;
}

// Unit id → a display name: the first name the tasks give it.
std::map<std::string, std::string> UnitNames(const Board& b) {
  std::map<std::string, std::string> names;
  for (const auto& t : b.tasks)
    for (const auto& u : t.units) names.emplace(u.unit_id, u.name);
  return names;
}

Or<calendar::Date> AsOf(const Request& req, Context& ctx) {
  auto d = DateQuery(req, "as_of");
  if (auto* r = std::get_if<Response>(&d)) return std::move(*r);
  return std::get<std::optional<calendar::Date>>(d).value_or(Today(ctx));
}

// The prologue of the routes that take only `as_of`: the date and the board the caller sees.
struct BoardView {
  calendar::Date as_of;
  Board board;
};
Or<BoardView> BoardAsOf(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"as_of"})) return std::move(*r);
  auto as_of_or = AsOf(req, ctx);
  if (auto* r = std::get_if<Response>(&as_of_or)) return std::move(*r);
  auto board_or = VisibleBoard(req, ctx, "");
  if (auto* r = std::get_if<Response>(&board_or)) return std::move(*r);
  return BoardView{std::get<calendar::Date>(as_of_or), std::move(std::get<Board>(board_or))};
}

Response Dashboard(const Request& req, Context& ctx) {
  auto view_or = BoardAsOf(req, ctx);
  if (auto* r = std::get_if<Response>(&view_or)) return std::move(*r);
  const auto& [as_of, b] = std::get<BoardView>(view_or);
  const std::string own = OfficerUnit(req);

  Json counts = Json::object();
  for (int i = 0; i < track::kStatusCount; ++i) counts[track::Name(track::Status(i))] = 0;
  const calendar::DateRange month{{as_of.year, as_of.month, 1}, calendar::EndOfMonth(as_of)};
  Json due_this_month = Json::array();
  for (const auto& t : b.tasks) {
    auto ev = StatusOf(t, b, as_of);
    if (!ev) continue;
    counts[track::Name(ev->status)] = counts[track::Name(ev->status)].get<int>() + 1;
    auto in_month = track::EvaluateInstances(t, b.ReportsOf(t.id), month, as_of);
    if (in_month.ok() && !in_month.value().empty() && due_this_month.size() < 100)
      due_this_month.push_back(TaskJson(t, b, ev));
  }
  // Proposed tasks waiting for review (an officer: those naming their unit).
  {
    auto repo = Tracking(req, ctx);
    if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
    store::TaskFilter f;
    f.state = "proposed";
    f.unit = own;
    auto proposed = std::get<TrackPool::Lease>(repo)->Tasks(f);
    if (!proposed.ok()) return Failure(req, proposed.error());
    counts["proposed"] = proposed.value().size();
  }
  const std::vector<track::ProgressReport> reports = AllReports(b);
  auto overdue = track::Overdue(b.tasks, reports, as_of);
  // Tasks (not instances: a missed monthly duty is one late task) past due, per responsible unit.
  std::map<std::string, std::set<std::int64_t>> late_tasks;
  if (overdue.ok()) {
    for (const auto& item : overdue.value())
      for (const auto& u : item.units)
        if (own.empty() || u == own) late_tasks[u].insert(item.task_id);
  }
  const auto names = UnitNames(b);
  Json overdue_by_unit = Json::array();
  for (const auto& [unit, ids] : late_tasks) {
    auto it = names.find(unit);
    overdue_by_unit.push_back({{"unit_id", unit},
                               {"name", it == names.end() ? unit : it->second},
                               {"count", ids.size()}});
  }
  int waiting = 0;
  for (const auto& r : reports)
    if (r.state == track::ReportState::kSubmitted && (own.empty() || r.unit_id == own)) ++waiting;
  Json body;
  body["as_of"] = calendar::FormatIso(as_of);
  body["counts"] = std::move(counts);
  body["overdue_by_unit"] = std::move(overdue_by_unit);
  body["due_this_month"] = std::move(due_this_month);
  body["reports_waiting"] = waiting;
  return JsonResponse(body);
}

Response Calendar(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"from", "to", "unit"})) return std::move(*r);
  const calendar::Date today = Today(ctx);
  auto from_q = DateQuery(req, "from");
  if (auto* r = std::get_if<Response>(&from_q)) return std::move(*r);
  auto to_q = DateQuery(req, "to");
  if (auto* r = std::get_if<Response>(&to_q)) return std::move(*r);
  const calendar::Date from = std::get<std::optional<calendar::Date>>(from_q).value_or(
      calendar::Date{today.year, today.month, 1});
  const calendar::Date to =
      std::get<std::optional<calendar::Date>>(to_q).value_or(calendar::EndOfMonth(from));
  if (to < from || calendar::DaysBetween(from, to) > kMaxCalendarDays)
    return ErrorResponse(ErrorCode::kInvalidField,
                         "'to' must be on or after 'from', at most " +
                             std::to_string(kMaxCalendarDays) + " days later.",
                         "to");
  auto board_or = VisibleBoard(req, ctx, QueryText(req, "unit"));
  if (auto* r = std::get_if<Response>(&board_or)) return std::move(*r);
  const Board& b = std::get<Board>(board_or);
  struct Item {
    calendar::Date date;
    Json json;
  };
  std::vector<Item> items;
  for (const auto& t : b.tasks) {
    auto evs = track::EvaluateInstances(t, b.ReportsOf(t.id), {from, to}, today);
    if (!evs.ok()) continue;
    Json units = Json::array();
    for (const auto& u : t.units)
      units.push_back({{"unit_id", u.unit_id}, {"name", u.name}, {"role", track::Name(u.role)}});
    for (const auto& ev : evs.value()) {
      if (!ev.due) continue;
      items.push_back({*ev.due,
                       {{"date", calendar::FormatIso(*ev.due)},
                        {"task_id", t.id},
                        {"action", t.action},
                        {"units", units},
                        {"status", track::Name(ev.status)}}});
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& x, const Item& y) { return x.date < y.date; });
  Json out = Json::array();
  for (auto& i : items) out.push_back(std::move(i.json));
  return JsonResponse(Json{{"from", calendar::FormatIso(from)},
                           {"to", calendar::FormatIso(to)},
                           {"items", std::move(out)}});
}

Response Reminders(const Request& req, Context& ctx) {
  auto view_or = BoardAsOf(req, ctx);
  if (auto* r = std::get_if<Response>(&view_or)) return std::move(*r);
  const auto& [as_of, b] = std::get<BoardView>(view_or);
  auto list = track::Reminders(b.tasks, AllReports(b), as_of, kReminderWorkingDays);
  if (!list.ok()) return Failure(req, list.error());
  const std::string own = OfficerUnit(req);
  Json items = Json::array();
  for (const auto& r : list.value()) {
    if (!own.empty() && r.unit_id != own) continue;
    items.push_back({{"unit_id", r.unit_id},
                     {"task_id", r.task_id},
                     {"action", r.action},
                     {"nominal", calendar::FormatIso(r.nominal)},
                     {"due", calendar::FormatIso(r.due)},
                     {"working_days_left", r.working_days_left},
                     {"overdue", r.overdue},
                     {"returned_reason", r.returned_reason}});
  }
  return JsonResponse(Json{{"as_of", calendar::FormatIso(as_of)}, {"items", std::move(items)}});
}

// Per unit: its confirmed tasks and how many are past due today.
struct UnitCount {
  std::string name;
  int tasks = 0, overdue = 0;
};
std::map<std::string, UnitCount> CountUnits(const Board& b, const calendar::Date& as_of) {
  std::map<std::string, UnitCount> units;
  for (const auto& t : b.tasks) {
    auto ev = StatusOf(t, b, as_of);
    for (const auto& u : t.units) {
      UnitCount& c = units[u.unit_id];
      if (c.name.empty()) c.name = u.name;
      ++c.tasks;
      if (ev && track::IsPastDue(ev->status)) ++c.overdue;
    }
  }
  return units;
}

Response Units(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {})) return std::move(*r);
  auto board_or = VisibleBoard(req, ctx, "");
  if (auto* r = std::get_if<Response>(&board_or)) return std::move(*r);
  const Board& b = std::get<Board>(board_or);
  const std::string own = OfficerUnit(req);
  Json items = Json::array();
  for (const auto& [id, c] : CountUnits(b, Today(ctx))) {
    if (!own.empty() && id != own) continue;  // co-assigned units of the officer's tasks
    items.push_back(
        {{"unit_id", id}, {"name", c.name}, {"tasks", c.tasks}, {"overdue", c.overdue}});
  }
  return JsonResponse(Json{{"items", std::move(items)}});
}

Response Unit(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"as_of"})) return std::move(*r);
  auto as_of_or = AsOf(req, ctx);
  if (auto* r = std::get_if<Response>(&as_of_or)) return std::move(*r);
  const calendar::Date as_of = std::get<calendar::Date>(as_of_or);
  const std::string unit = req.params.at("id");
  auto board_or = VisibleBoard(req, ctx, unit);
  if (auto* r = std::get_if<Response>(&board_or)) return std::move(*r);
  const Board& b = std::get<Board>(board_or);
  if (b.tasks.empty()) return ErrorResponse(ErrorCode::kNotFound, "No tasks for this unit.");
  const auto counts = CountUnits(b, as_of);
  const UnitCount& c = counts.at(unit);
  const calendar::DateRange year{{as_of.year, 1, 1}, {as_of.year, 12, 31}};
  auto cards = track::Scorecards(b.tasks, AllReports(b), year, as_of);
  Json card = {{"from", calendar::FormatIso(year.from)}, {"to", calendar::FormatIso(year.to)}};
  Json card_counts = Json::object();
  track::Scorecard sc;
  if (cards.ok() && cards.value().count(unit)) sc = cards.value().at(unit);
  for (int i = 0; i < track::kStatusCount; ++i)
    card_counts[track::Name(track::Status(i))] = sc.Count(track::Status(i));
  card["counts"] = std::move(card_counts);
  card["on_time_rate"] = sc.on_time_rate ? Json(*sc.on_time_rate) : Json(nullptr);
  return JsonResponse(Json{{"unit_id", unit},
                           {"name", c.name},
                           {"tasks", c.tasks},
                           {"overdue", c.overdue},
                           {"as_of", calendar::FormatIso(as_of)},
                           {"scorecard", std::move(card)}});
}

Response Plans(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {})) return std::move(*r);
  if (auto denied = Authorize(req, access::Action::kReadDocument, access::Resource::Global()))
    return std::move(*denied);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto plans = std::get<TrackPool::Lease>(repo)->Plans();
  if (!plans.ok()) return Failure(req, plans.error());
  Json items = Json::array();
  for (const auto& p : plans.value()) {
    items.push_back({{"id", p.plan.id},
                     {"number", p.plan.number},
                     {"title", p.plan.title},
                     {"date", p.plan.date},
                     {"issuer", p.plan.issuer},
                     {"counts",
                      {{"proposed", p.proposed},
                       {"confirmed", p.confirmed},
                       {"dropped", p.dropped},
                       {"merged", p.merged}}}});
  }
  return JsonResponse(Json{{"items", std::move(items)}});
}

}  // namespace

void AddBoardRoutes(Router& router, Context& ctx) {
  const RouteOptions read{.auth = Auth::kSession, .media = ""};
  Context* c = &ctx;
  // Every board route is a cached read of the same shape.
  using Handler = Response (*)(const Request&, Context&);
  const std::pair<const char*, Handler> routes[] = {
      {"/api/dashboard", Dashboard}, {"/api/calendar", Calendar}, {"/api/reminders", Reminders},
      {"/api/units", Units},         {"/api/units/{id}", Unit},   {"/api/plans", Plans}};
  for (const auto& [path, handler] : routes) {
    router.Add(
        "GET", path,
        [c, handler](const Request& r) { return Cached(r, *c, [&] { return handler(r, *c); }); },
        read);
  }
}

}  // namespace dondoc::serve::api
