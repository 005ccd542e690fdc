// What the tracking routes share (tasks.cc, reports.cc, board.cc, exports.cc, upload.cc,
// admin.cc): strict query parameters, the JSON forms of tasks and reports of the contract in
// docs/openapi.yaml, the board loaded for one request, and store errors mapped to the error
// table. Tested through tracking_test.cc and authz_test.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "serve/api/api.h"
#include "serve/errors.h"
#include "track/status.h"

namespace dondoc::serve::api {

using Json = nlohmann::ordered_json;

// A value or the response that refuses the request.
template <typename T>
using Or = std::variant<T, Response>;

// 400 invalid_field for a query parameter not in `known`.
std::optional<Response> UnknownQuery(const Request& req, std::initializer_list<const char*> known);
Or<int> IntQuery(const Request& req, const char* name, int min, int max, int fallback);
// An ISO date parameter; nullopt when absent.
Or<std::optional<calendar::Date>> DateQuery(const Request& req, const char* name);
// A positive id from the path segment `name`.
Or<std::int64_t> PathId(const Request& req, const char* name = "id");
std::string QueryText(const Request& req, const char* name);

// A store or track error as a response: table codes keep theirs (not_found, invalid_state, …);
// anything else is logged and answered `internal`.
Response Failure(const Request& req, const Error& e);

// The tracking connection for this request, or 503 when the server has no database.
Or<TrackPool::Lease> Tracking(const Request& req, Context& ctx);

// Today in Việt Nam by the server's clock.
calendar::Date Today(Context& ctx);
store::AuditActor ActorOf(const Request& req, Context& ctx);
track::Actor TrackActor(const Request& req, Context& ctx);

// An officer's unit (empty for the other roles): the filter every list forces on them.
std::string OfficerUnit(const Request& req);
// The units a task belongs to, for access::Decide.
access::Resource ResourceOf(const track::TrackedTask& task);

// The tasks of one request with their reports and plans.
struct Board {
  std::vector<track::TrackedTask> tasks;
  std::map<std::int64_t, std::vector<track::ProgressReport>> reports;  // by task id
  std::map<std::int64_t, store::PlanRef> plans;
  const std::vector<track::ProgressReport>& ReportsOf(std::int64_t task_id) const;
};
Result<Board> LoadBoard(store::TrackingRepo& repo, const store::TaskFilter& filter);

// The task's status as of `as_of` (nullopt for tasks not on the board, or a bad RRULE).
std::optional<track::Evaluation> StatusOf(const track::TrackedTask& task, const Board& board,
                                          const calendar::Date& as_of);

// Task JSON (the contract's shape) without `reports`; `ev` from StatusOf.
Json TaskJson(const track::TrackedTask& task, const Board& board,
              const std::optional<track::Evaluation>& ev);
Json ReportJson(const track::ProgressReport& report);

// The answer of a GET route from ctx.cache, or `answer()` (kept when it is a 200).
Response Cached(const Request& req, Context& ctx, const std::function<Response()>& answer);
// After a change: the cached answers are dropped.
void Changed(Context& ctx);
// `r` as it is, after dropping the cached answers when the route changed something (a 2xx).
inline Response AfterChange(Context& ctx, Response r) {
  if (r.status >= 200 && r.status < 300) Changed(ctx);
  return r;
}

// The file name an upload sends in X-Filename (percent-decoded): its last path component,
// without control characters, at most 200 bytes; `fallback` when nothing is left.
std::string UploadedName(const Request& req, const char* fallback);

// The `text` and `percent` of a report body (tasks.cc), for a resubmission.
Or<track::ProgressReport> ReportTextFields(const nlohmann::json& body);
// The JSON body of a request; an empty body reads as {}.
const nlohmann::json& BodyOf(const Request& req);

}  // namespace dondoc::serve::api
