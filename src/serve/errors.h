// The API's error codes: ONE table (errors.cc, mirrored in docs/api.md) of stable snake_case
// codes, each with its HTTP status and a default human message. Every error the server sends is
// the JSON body {"error":{"code":"…","message":"…"[,"field":"…"]}} built here.
//
// Tested by errors_test.cc (the table is complete, unique and matches docs/api.md).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "serve/http.h"

namespace dondoc::serve {

enum class ErrorCode {
  kBadRequest,            // 400 malformed HTTP request (syntax, target, query)
  kBadJson,               // 400 the body is not valid JSON (or not an object)
  kInvalidField,          // 400 a JSON field is missing, of the wrong type or out of range
  kUnauthenticated,       // 401 no session, or an unknown/revoked session token
  kBadCredentials,        // 401 login: unknown user or wrong password (never says which)
  kSessionExpired,        // 401 the session passed its idle or absolute lifetime
  kCsrfMissing,           // 403 a mutation without the X-CSRF-Token header
  kCsrfInvalid,           // 403 a wrong CSRF token, or an Origin that is not this server
  kForbidden,             // 403 authenticated, but the policy denies the action
  kNotFound,              // 404 no such route, file or object
  kMethodNotAllowed,      // 405 the path exists for other methods (see the Allow header)
  kConflict,              // 409 the change conflicts with the current state
  kBodyTooLarge,          // 413 the body exceeds the route's limit
  kUnsupportedMediaType,  // 415 wrong Content-Type (or a body where none is accepted)
  kRateLimited,           // 429 too many attempts (login throttle)
  kHeaderTooLarge,        // 431 the request line and headers exceed the limit
  kInternal,              // 500 a bug or an unexpected failure (details only in the log)
  kUnavailable,           // 503 too many connections, or shutting down
  kNotADocument,          // 422 The upload is not a document dondoc can read.
  kInvalidState,          // 409 Not allowed in the object's current state.
  kInvalidEdit,           // 400 The edit changes nothing or leaves the task incomplete.
  kInvalidMerge,          // 400 These tasks cannot be merged.
  kMissingReason,         // 400 A reason is required.
  kMissingUnit,           // 409 The task has no unit from the registry.
  kTaskNotConfirmed,      // 409 The task is not on the board.
  kUnitNotAssigned,       // 422 The unit is not assigned to this task.
  kInvalidReport,         // 400 The report is not valid.
};

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;     // the stable wire code, e.g. "body_too_large"
  int status;                // HTTP status
  std::string_view message;  // default human message (English; the UI maps codes to Vietnamese)
};

// The whole table, in enum order.
std::span<const ErrorInfo> AllErrors();
const ErrorInfo& Info(ErrorCode code);
// The table entry whose wire name is `name`; kInternal's entry when there is none.
const ErrorInfo& InfoByName(std::string_view name);

// The error response: status from the table, JSON body; `message` empty → the default message;
// `field` names the offending JSON field when there is one.
Response ErrorResponse(ErrorCode code, std::string_view message = {}, std::string_view field = {});
// An Error value from a lower layer (access/, later store/) whose code names a table entry;
// unknown codes become `internal` with a generic message (the original is not leaked).
Response ErrorResponse(const Error& error);

}  // namespace dondoc::serve
