// The office's decision on a report, the unit's resubmission, and the report's files:
//
//   POST /api/reports/{id}/confirm  {}          office
//   POST /api/reports/{id}/return   {"reason"}  office
//   POST /api/reports/{id}/resubmit {"text", "percent"}   the report's unit (or the office)
//   POST /api/reports/{id}/attachments   raw bytes, X-Filename; the report's unit or the office
//   GET  /api/reports/{id}/attachments[/{aid}]   list; one file's bytes (as a download)
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

// What a report may carry: documents and pictures. Never HTML or scripts, so a download cannot
// run in the page's origin (downloads are also sent as attachments with nosniff).
constexpr const char* kAttachmentTypes =
    "application/pdf, image/png, image/jpeg, text/plain, application/octet-stream, "
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document, "
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kAttachmentLimit = 20u << 20;

Json AttachmentJson(const store::AttachmentInfo& a) {
  return {{"id", a.id},
          {"report_id", a.report_id},
          {"name", a.name},
          {"type", a.media_type},
          {"size", a.size}};
}

// The report of the path, its right checked for `action` — or the refusal.
struct OpenedReport {
  std::int64_t id = 0;
  track::ProgressReport report;
};
Or<OpenedReport> OpenReport(const Request& req, store::TrackingRepo& repo, access::Action action) {
  auto id = PathId(req);
  if (auto* r = std::get_if<Response>(&id)) return std::move(*r);
  auto report = repo.Report(std::get<std::int64_t>(id));
  if (!report.ok()) return Failure(req, report.error());
  if (auto denied = Authorize(req, action, access::Resource::OfUnit(report.value().unit_id)))
    return std::move(*denied);
  return OpenedReport{std::get<std::int64_t>(id), std::move(report.value())};
}

Response Attach(const Request& req, Context& ctx) {
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenReport(req, *lease, access::Action::kFileReport);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  if (req.body.empty())
    return ErrorResponse(ErrorCode::kInvalidField, "The attachment is empty.", "body");
  auto added =
      lease->AddAttachment(std::get<OpenedReport>(opened).id, UploadedName(req, "tep-dinh-kem"),
                           MediaType(req.Header("content-type")), req.body, ActorOf(req, ctx));
  if (!added.ok()) return Failure(req, added.error());
  return JsonResponse(AttachmentJson(added.value()), 201);
}

Response ListAttachments(const Request& req, Context& ctx) {
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenReport(req, *lease, access::Action::kReadReport);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  auto infos = lease->Attachments(std::get<OpenedReport>(opened).id);
  if (!infos.ok()) return Failure(req, infos.error());
  Json items = Json::array();
  for (const auto& a : infos.value()) items.push_back(AttachmentJson(a));
  return JsonResponse(Json{{"items", std::move(items)}});
}

Response Download(const Request& req, Context& ctx) {
  auto aid = PathId(req, "aid");
  if (auto* r = std::get_if<Response>(&aid)) return std::move(*r);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  auto opened = OpenReport(req, *lease, access::Action::kReadReport);
  if (auto* r = std::get_if<Response>(&opened)) return std::move(*r);
  const std::int64_t report = std::get<OpenedReport>(opened).id;
  auto infos = lease->Attachments(report);
  if (!infos.ok()) return Failure(req, infos.error());
  for (const auto& info : infos.value()) {
    if (info.id != std::get<std::int64_t>(aid)) continue;
    auto bytes = lease->AttachmentData(report, info.id);
    if (!bytes.ok()) return Failure(req, bytes.error());
    Response r;
    r.content_type = info.media_type;
    r.body = std::move(bytes.value());
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + info.name + "\"");
    return r;
  }
  return ErrorResponse(ErrorCode::kNotFound, "No such attachment.");
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
      "POST", "/api/reports/{id}/attachments",
      [c](const Request& r) { return AfterChange(*c, Attach(r, *c)); },
      RouteOptions{
          .auth = Auth::kSession, .media = kAttachmentTypes, .body_limit = kAttachmentLimit});
  router.Add(
      "GET", "/api/reports/{id}/attachments",
      [c](const Request& r) { return ListAttachments(r, *c); },
      RouteOptions{.auth = Auth::kSession, .media = ""});
  router.Add(
      "GET", "/api/reports/{id}/attachments/{aid}",
      [c](const Request& r) { return Download(r, *c); },
      RouteOptions{.auth = Auth::kSession, .media = ""});
  router.Add(
      "POST", "/api/reports/{id}/resubmit",
      [c](const Request& r) { return AfterChange(*c, Resubmit(r, *c)); }, write);
}

}  // namespace dondoc::serve::api
