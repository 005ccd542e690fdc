// POST /api/documents: the office uploads a document (raw body; X-Filename names it). It is
// read and parsed as `dondoc ingest` would, stored, and its extracted tasks are proposed for
// review (store/tracking.h Propose). The route has its own body limit (Context::upload_limit):
// a larger Content-Length is refused with 413 before the body is read. What is not a document
// (empty, binary, a format not read yet) is 422 `not_a_document` and nothing is stored.
//
// Tested by tracking_test.cc (upload, duplicate, non-documents) and bad_input_test.cc.
#include <filesystem>

#include "parse/json.h"
#include "parse/parse.h"
#include "read/file.h"
#include "serve/api/tracking.h"
#include "store/ingest.h"

namespace dondoc::serve::api {
namespace {

constexpr const char* kUploadTypes =
    "application/octet-stream, text/plain, "
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/pdf";

Response Upload(const Request& req, Context& ctx) {
  if (auto denied = Authorize(req, access::Action::kUploadDocument, access::Resource::Global()))
    return std::move(*denied);
  if (ctx.writer == nullptr || ctx.tracking == nullptr)
    return ErrorResponse(ErrorCode::kUnavailable,
                         "This server has no document database (start it with --db).");
  const std::string name = UploadedName(req, "upload.txt");
  auto in = read::FromBytes(req.body, name, ctx.upload_limit);
  if (!in.ok()) {
    const Error& e = in.error();
    if (e.code == "too_large") return ErrorResponse(ErrorCode::kBodyTooLarge, e.message);
    return ErrorResponse(ErrorCode::kNotADocument, name + ": " + e.message);
  }
  store::NewDocument d;
  d.doc = parse::Parse(in.value().text, in.value().source, in.value().warnings);
  d.parse_json = parse::ToJsonString(d.doc, /*pretty=*/false);
  d.path = "upload/" + name;
  d.sha256 = in.value().source.sha256;
  d.read_warnings = in.value().warnings;
  d.text = std::move(in.value().text);
  d.parser_version = store::ParserVersion();

  auto writer = ctx.writer->Acquire();
  if (!writer.ok()) return Failure(req, writer.error());
  auto put = writer.value()->Put({d}, {}, /*replace=*/false);
  if (!put.ok()) return Failure(req, put.error());
  const store::PutResult& result = put.value().front();
  if (result.outcome == store::PutOutcome::kFailed)
    return ErrorResponse(ErrorCode::kNotADocument, name + ": " + result.reason);

  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto proposed = std::get<TrackPool::Lease>(repo)->Propose(result.id, ActorOf(req, ctx));
  if (!proposed.ok()) return Failure(req, proposed.error());

  Json warnings = Json::array();
  for (const Warning& w : d.doc.warnings)
    warnings.push_back({{"code", w.code}, {"message", w.message}});
  Json body;
  body["id"] = result.id;
  body["tasks_proposed"] = proposed.value();
  body["duplicate"] = result.outcome == store::PutOutcome::kUnchanged;
  body["warnings"] = std::move(warnings);
  return JsonResponse(body, result.outcome == store::PutOutcome::kInserted ? 201 : 200);
}

}  // namespace

void AddUploadRoutes(Router& router, Context& ctx) {
  Context* c = &ctx;
  router.Add(
      "POST", "/api/documents", [c](const Request& r) { return AfterChange(*c, Upload(r, *c)); },
      RouteOptions{.auth = Auth::kSession, .media = kUploadTypes, .body_limit = ctx.upload_limit});
}

}  // namespace dondoc::serve::api
