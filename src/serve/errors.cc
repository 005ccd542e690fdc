// Tested by errors_test.cc. Keep in step with docs/api.md (the test compares them).
#include "serve/errors.h"

#include <array>
#include <nlohmann/json.hpp>

namespace dondoc::serve {
namespace {

constexpr std::array<ErrorInfo, 27> kErrors = {{
    {ErrorCode::kBadRequest, "bad_request", 400, "The request is malformed."},
    {ErrorCode::kBadJson, "bad_json", 400, "The body is not a valid JSON object."},
    {ErrorCode::kInvalidField, "invalid_field", 400, "A field is missing or invalid."},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401, "Sign in first."},
    {ErrorCode::kBadCredentials, "bad_credentials", 401, "Wrong user name or password."},
    {ErrorCode::kSessionExpired, "session_expired", 401, "The session has expired; sign in again."},
    {ErrorCode::kCsrfMissing, "csrf_missing", 403, "The X-CSRF-Token header is missing."},
    {ErrorCode::kCsrfInvalid, "csrf_invalid", 403, "The CSRF token or origin is not valid."},
    {ErrorCode::kForbidden, "forbidden", 403, "You are not allowed to do this."},
    {ErrorCode::kNotFound, "not_found", 404, "Not found."},
    {ErrorCode::kMethodNotAllowed, "method_not_allowed", 405, "Method not allowed on this path."},
    {ErrorCode::kConflict, "conflict", 409, "The change conflicts with the current state."},
    {ErrorCode::kBodyTooLarge, "body_too_large", 413, "The request body is too large."},
    {ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415,
     "Unsupported Content-Type for this route."},
    {ErrorCode::kRateLimited, "rate_limited", 429, "Too many attempts; try again later."},
    {ErrorCode::kHeaderTooLarge, "header_too_large", 431, "The request headers are too large."},
    {ErrorCode::kInternal, "internal", 500, "Internal error."},
    {ErrorCode::kUnavailable, "unavailable", 503, "The server is busy; try again later."},
    {ErrorCode::kNotADocument, "not_a_document", 422,
     "The upload is not a document dondoc can read."},
    {ErrorCode::kInvalidState, "invalid_state", 409, "Not allowed in the object's current state."},
    {ErrorCode::kInvalidEdit, "invalid_edit", 400,
     "The edit changes nothing or leaves the task incomplete."},
    {ErrorCode::kInvalidMerge, "invalid_merge", 400, "These tasks cannot be merged."},
    {ErrorCode::kMissingReason, "missing_reason", 400, "A reason is required."},
    {ErrorCode::kMissingUnit, "missing_unit", 409, "The task has no unit from the registry."},
    {ErrorCode::kTaskNotConfirmed, "task_not_confirmed", 409, "The task is not on the board."},
    {ErrorCode::kUnitNotAssigned, "unit_not_assigned", 422,
     "The unit is not assigned to this task."},
    {ErrorCode::kInvalidReport, "invalid_report", 400, "The report is not valid."},
}};

}  // namespace

std::span<const ErrorInfo> AllErrors() { return kErrors; }

const ErrorInfo& Info(ErrorCode code) { return kErrors[static_cast<std::size_t>(code)]; }

const ErrorInfo& InfoByName(std::string_view name) {
  for (const ErrorInfo& e : kErrors) {
    if (e.name == name) return e;
  }
  return Info(ErrorCode::kInternal);
}

Response ErrorResponse(ErrorCode code, std::string_view message, std::string_view field) {
  const ErrorInfo& info = Info(code);
  nlohmann::ordered_json err;
  err["code"] = info.name;
  err["message"] = message.empty() ? info.message : message;
  if (!field.empty()) err["field"] = field;
  nlohmann::ordered_json body;
  body["error"] = std::move(err);
  Response r;
  r.status = info.status;
  r.content_type = "application/json";
  // replace: a message may quote client bytes that are not valid UTF-8.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response ErrorResponse(const Error& error) {
  const ErrorInfo& info = InfoByName(error.code);
  if (info.name != error.code) return ErrorResponse(ErrorCode::kInternal);
  return ErrorResponse(info.code, error.message);
}

}  // namespace dondoc::serve
