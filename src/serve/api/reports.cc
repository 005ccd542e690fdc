// The office's decision on a report and the unit's resubmission:
//
//   POST /api/reports/{id}/confirm  {}          office
//   POST /api/reports/{id}/return   {"reason"}  office
//   POST /api/reports/{id}/resubmit {"text", "percent"}   the report's unit (or the office)
//
// Each reads the report, asks the policy about the report's unit, then applies the rule of
// track/reports.h in one transaction with its audit row. Tested by tracking_test.cc and
// authz_test.cc.
#include "track/reports.h"

#include "serve/api/tracking.h"

namespace dondoc::serve::api {
namespace {

Response Decide(const Request& req, Context& ctx, access::Action action,
                const store::TrackingRepo::ReportChange& change) {
  auto id = PathId(req);
  if (auto* r = std::get_if<Response>(&id)) return std::move(*r);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto report = lease->Report(std::get<std::int64_t>(id));
  if (!report.ok()) return Failure(req, report.error());
  if (auto denied = Authorize(req, action, access::Resource::OfUnit(report.value().unit_id)))
    return std::move(*denied);
  auto done = lease->UpdateReport(std::get<std::int64_t>(id), change, ActorOf(req, ctx));
  if (!done.ok()) return Failure(req, done.error());
  return JsonResponse(ReportJson(done.value()));
}

Response Confirm(const Request& req, Context& ctx) {
  const track::Actor actor = TrackActor(req, ctx);
  return Decide(req, ctx, access::Action::kReviewReport,
                [&](const track::TrackedTask&, const track::ProgressReport& r) {
                  return track::ConfirmReport(r, actor);
                });
}

Response Return(const Request& req, Context& ctx) {
  const nlohmann::json& body = BodyOf(req);
  std::string reason;
  if (body.contains("reason")) {
    if (!body["reason"].is_string() || body["reason"].get<std::string>().size() > 2000)
      return ErrorResponse(ErrorCode::kInvalidField, "'reason' is text (at most 2000 bytes).",
                           "reason");
    reason = body["reason"].get<std::string>();
  }
  const track::Actor actor = TrackActor(req, ctx);
  return Decide(req, ctx, access::Action::kReviewReport,
                [&](const track::TrackedTask&, const track::ProgressReport& r) {
                  return track::ReturnReport(r, reason, actor);
                });
}

Response Resubmit(const Request& req, Context& ctx) {
  auto fields = ReportTextFields(BodyOf(req));
  if (auto* r = std::get_if<Response>(&fields)) return std::move(*r);
  const track::ProgressReport revised = std::get<track::ProgressReport>(fields);
  const track::Actor actor = TrackActor(req, ctx);
  return Decide(req, ctx, access::Action::kFileReport,
                [&](const track::TrackedTask& task, const track::ProgressReport& r) {
                  return track::Resubmit(task, r, revised, actor);
                });
}

}  // namespace

void AddReportRoutes(Router& router, Context& ctx) {
  const RouteOptions write{.auth = Auth::kSession};
  Context* c = &ctx;
  router.Add(
      "POST", "/api/reports/{id}/confirm",
      [c](const Request& r) { return AfterChange(*c, Confirm(r, *c)); }, write);
  router.Add(
      "POST", "/api/reports/{id}/return",
      [c](const Request& r) { return AfterChange(*c, Return(r, *c)); }, write);
  router.Add(
      "POST", "/api/reports/{id}/resubmit",
      [c](const Request& r) { return AfterChange(*c, Resubmit(r, *c)); }, write);
}

}  // namespace dondoc::serve::api
