// The JSON API: one file per resource (health.cc, session.cc, …), each adding its routes to the
// Router; BuildApi puts them together with the session Authenticator and the static files.
// Every route here must appear in docs/openapi.yaml (openapi_test.cc checks both ways).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "access/accounts.h"
#include "access/policy.h"
#include "access/repos.h"
#include "access/sessions.h"
#include "serve/api/documents.h"
#include "serve/cookies.h"
#include "serve/dispatch.h"
#include "serve/router.h"
#include "store/tracking.h"

namespace dondoc::serve::api {

// Connections to the tracking tables (store/tracking.h).
using TrackPool = Pool<store::TrackingRepo>;

// Answers of the tracking GET routes, kept until the next change made through this server or
// for `max_age_ms`, whichever comes first (a change by another process — a second server on
// the same file — shows within that time). Keyed by the request target, the principal's role and
// unit (what an answer may contain depends on nothing else) and the day. Thread-safe.
class ResponseCache {
 public:
  struct Key {
    std::string target, role, unit, day;
    auto operator<=>(const Key&) const = default;
  };
  std::optional<Response> Find(const Key& key, std::int64_t now_ms);
  void Put(const Key& key, const Response& response, std::int64_t now_ms);
  // Called after every change: every kept answer may be stale.
  void Invalidate();

  std::int64_t max_age_ms = 1000;
  std::size_t max_bytes = 64u << 20;  // all entries cleared when the bodies exceed this

 private:
  struct Entry {
    Response response;
    std::int64_t at_ms = 0;
    std::uint64_t generation = 0;
  };
  std::mutex mu_;
  std::map<Key, Entry> entries_;  // guarded by mu_
  std::size_t bytes_ = 0;         // guarded by mu_
  std::uint64_t generation_ = 0;  // guarded by mu_
};

// What the handlers use; everything must outlive the Dispatcher built from it.
struct Context {
  access::UserRepo& users;
  access::Sessions& sessions;
  access::Accounts& accounts;
  access::AuditSink& audit;
  SessionCookie cookie;
  // The tracking routes' connections; null → those routes answer 503 (no --db).
  TrackPool* tracking = nullptr;
  // Read-write document store connections for uploads; null → uploads answer 503.
  StorePool* writer = nullptr;
  // The compiled report's DOCX template, unzipped (export/docx.h).
  std::string docx_template_dir = "data/templates/report-docx";
  // Uploads larger than this are refused (413) from their Content-Length, before reading.
  std::size_t upload_limit = 50u << 20;
  // Answers of the tracking GET routes; null: not cached.
  ResponseCache* cache = nullptr;
};

void AddHealthRoutes(Router& router);
// POST /api/login, POST /api/logout, GET /api/me, POST /api/me/password.
void AddSessionRoutes(Router& router, Context& ctx);

// The tracking API (tracking.h): tasks, reports, board views, exports, uploads, audit, users.
void AddTaskRoutes(Router& router, Context& ctx);
void AddReportRoutes(Router& router, Context& ctx);
void AddBoardRoutes(Router& router, Context& ctx);
void AddExportRoutes(Router& router, Context& ctx);
void AddUploadRoutes(Router& router, Context& ctx);
void AddAdminRoutes(Router& router, Context& ctx);

// The policy check every resource handler makes before acting: nullopt when
// access::Decide allows `action` on `resource` for the request's principal, else 403
// `forbidden` with the policy's reason (401 `unauthenticated` when there is no principal, i.e.
// the route was registered without Auth::kSession by mistake).
std::optional<Response> Authorize(const Request& req, access::Action action,
                                  const access::Resource& resource);

// The Authenticator for kSession routes: session cookie → principal; CSRF on mutations.
Authenticator SessionAuthenticator(Context& ctx);

// All routes, the authenticator and (when `static_dir` is set) the static files. `documents`
// serves the document routes (documents.h); null → they answer 503. It must outlive the
// Dispatcher.
std::shared_ptr<const Dispatcher> BuildApi(Context& ctx,
                                           const std::optional<std::filesystem::path>& static_dir,
                                           std::size_t default_body_limit,
                                           StorePool* documents = nullptr);

}  // namespace dondoc::serve::api
