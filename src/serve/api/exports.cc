// Downloads, made by export/ from the tasks the principal may see:
//
//   GET /api/export/tasks.xlsx?unit=&plan=   task list (libxlsxwriter)
//   GET /api/export/tasks.csv?unit=&plan=    the same as CSV, UTF-8 with BOM
//   GET /api/export/tasks.ics?unit=&plan=    due dates as an iCalendar feed (RFC 5545)
//   GET /api/plans/{id}/report.docx?from=&to=   the compiled periodic report (NĐ 30/2020)
//   GET /api/plans/{id}/report.xlsx?from=&to=   its per-task results
//
// An officer's task exports are their unit's (another unit → 403). The compiled report covers
// every unit of the plan, so it is the office's (and admin's, reader's): an officer is refused.
// Tested by tracking_test.cc and authz_test.cc.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/csv.h"
#include "export/docx.h"
#include "export/ics.h"
#include "export/xlsx.h"
#include "serve/api/tracking.h"
#include "track/compile.h"

namespace dondoc::serve::api {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

Response File(std::string bytes, const char* type, const std::string& filename) {
  Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

// libxlsxwriter writes files: a private temporary file, read back and removed.
Result<std::string> ViaTempFile(const std::function<Result<bool>(const std::string&)>& write) {
  std::string path = (std::filesystem::temp_directory_path() / "dondoc-export-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Error{"internal", "cannot make a temporary file"};
  ::close(fd);
  auto ok = write(path);
  std::string bytes;
  if (ok.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!ok.ok()) return ok.error();
  return bytes;
}

struct Selected {
  Board board;
  std::string unit;
  std::int64_t plan = 0;
};

// The confirmed tasks of `unit`/`plan` the principal may export, or the refusal.
Or<Selected> Select(const Request& req, Context& ctx) {
  if (auto r = UnknownQuery(req, {"unit", "plan"})) return std::move(*r);
  Selected s;
  s.unit = QueryText(req, "unit");
  auto plan = IntQuery(req, "plan", 1, 2000000000, 0);
  if (auto* r = std::get_if<Response>(&plan)) return std::move(*r);
  s.plan = std::get<int>(plan);
  const std::string own = OfficerUnit(req);
  if (!own.empty() && s.unit.empty()) s.unit = own;
  const access::Resource resource =
      s.unit.empty() ? access::Resource::Global() : access::Resource::OfUnit(s.unit);
  if (auto denied = Authorize(req, access::Action::kExport, resource)) return std::move(*denied);
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  store::TaskFilter f;
  f.state = "confirmed";
  f.unit = s.unit;
  f.plan = s.plan;
  auto board = LoadBoard(*std::get<TrackPool::Lease>(repo), f);
  if (!board.ok()) return Failure(req, board.error());
  s.board = std::move(board.value());
  return s;
}

std::vector<track::ProgressReport> Reports(const Board& b) {
  std::vector<track::ProgressReport> out;
  for (const auto& [id, rs] : b.reports) out.insert(out.end(), rs.begin(), rs.end());
  return out;
}

std::string BaseName(const Selected& s) {
  std::string name = "nhiem-vu";
  if (!s.unit.empty()) {
    name += "-";
    for (char c : s.unit)
      name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
  }
  if (s.plan != 0) name += "-kh" + std::to_string(s.plan);
  return name;
}

Response TaskList(const Request& req, Context& ctx, bool xlsx) {
  auto sel = Select(req, ctx);
  if (auto* r = std::get_if<Response>(&sel)) return std::move(*r);
  const Selected& s = std::get<Selected>(sel);
  auto rows = exports::TaskRows(s.board.tasks, Reports(s.board), Today(ctx), s.unit);
  if (!rows.ok()) return Failure(req, rows.error());
  if (!xlsx)
    return File(exports::WriteTaskCsv(rows.value()), "text/csv; charset=utf-8",
                BaseName(s) + ".csv");
  auto bytes = ViaTempFile(
      [&](const std::string& path) { return exports::WriteTaskXlsx(rows.value(), path); });
  if (!bytes.ok()) return Failure(req, bytes.error());
  return File(std::move(bytes.value()), kXlsxType, BaseName(s) + ".xlsx");
}

Response Ics(const Request& req, Context& ctx) {
  auto sel = Select(req, ctx);
  if (auto* r = std::get_if<Response>(&sel)) return std::move(*r);
  const Selected& s = std::get<Selected>(sel);
  const calendar::Date today = Today(ctx);
  // A year back (what was missed) and two ahead.
  const calendar::DateRange range{calendar::AddDays(today, -366), calendar::AddDays(today, 731)};
  auto items = exports::DueItems(s.board.tasks, Reports(s.board), range, today, s.unit, s.plan);
  if (!items.ok()) return Failure(req, items.error());
  exports::IcsCalendar cal;
  cal.name = "Nhiệm vụ" + (s.unit.empty() ? std::string() : " — " + s.unit);
  cal.stamp = ctx.sessions.Now();
  cal.todos = false;
  cal.items = std::move(items.value());
  return File(exports::WriteIcs(cal), "text/calendar; charset=utf-8", BaseName(s) + ".ics");
}

Response CompiledReport(const Request& req, Context& ctx, bool docx) {
  if (auto r = UnknownQuery(req, {"from", "to"})) return std::move(*r);
  auto id = PathId(req);
  if (auto* r = std::get_if<Response>(&id)) return std::move(*r);
  if (auto denied = Authorize(req, access::Action::kExport, access::Resource::Global()))
    return std::move(*denied);
  const calendar::Date today = Today(ctx);
  auto from_q = DateQuery(req, "from");
  if (auto* r = std::get_if<Response>(&from_q)) return std::move(*r);
  auto to_q = DateQuery(req, "to");
  if (auto* r = std::get_if<Response>(&to_q)) return std::move(*r);
  const calendar::Date from =
      std::get<std::optional<calendar::Date>>(from_q).value_or(calendar::Date{today.year, 1, 1});
  const calendar::Date to = std::get<std::optional<calendar::Date>>(to_q).value_or(today);
  if (to < from)
    return ErrorResponse(ErrorCode::kInvalidField, "'to' must be on or after 'from'.", "to");
  auto repo = Tracking(req, ctx);
  if (auto* r = std::get_if<Response>(&repo)) return std::move(*r);
  auto& lease = std::get<TrackPool::Lease>(repo);
  store::TaskFilter f;
  f.state = "confirmed";
  f.plan = std::get<std::int64_t>(id);
  auto board = LoadBoard(*lease, f);
  if (!board.ok()) return Failure(req, board.error());
  auto refs = lease->PlanRefs({f.plan});
  if (!refs.ok()) return Failure(req, refs.error());
  if (refs.value().empty()) return ErrorResponse(ErrorCode::kNotFound, "No such plan.");
  const store::PlanRef& ref = refs.value().front();
  track::PlanInfo info;
  info.plan_id = ref.id;
  info.number = ref.number;
  info.title = ref.title;
  if (auto d = calendar::ParseIso(ref.date); d.ok()) info.date = d.value();
  info.issuer = ref.issuer;
  const track::ReportingPeriod period{
      from, to, "từ " + calendar::FormatVn(from) + " đến " + calendar::FormatVn(to)};
  auto report = track::Compile(info, board.value().tasks, Reports(board.value()), period,
                               std::min(to, today));
  if (!report.ok()) return Failure(req, report.error());
  const std::string name = "bao-cao-kh" + std::to_string(ref.id);
  if (docx) {
    auto files = exports::LoadDocxTemplate(ctx.docx_template_dir);
    if (!files.ok()) return Failure(req, files.error());
    auto bytes = exports::WriteReportDocx(report.value(), files.value());
    if (!bytes.ok()) return Failure(req, bytes.error());
    return File(std::move(bytes.value()), kDocxType, name + ".docx");
  }
  auto bytes = ViaTempFile(
      [&](const std::string& path) { return exports::WriteReportXlsx(report.value(), path); });
  if (!bytes.ok()) return Failure(req, bytes.error());
  return File(std::move(bytes.value()), kXlsxType, name + ".xlsx");
}

}  // namespace

void AddExportRoutes(Router& router, Context& ctx) {
  const RouteOptions read{.auth = Auth::kSession, .media = ""};
  Context* c = &ctx;
  router.Add(
      "GET", "/api/export/tasks.xlsx", [c](const Request& r) { return TaskList(r, *c, true); },
      read);
  router.Add(
      "GET", "/api/export/tasks.csv", [c](const Request& r) { return TaskList(r, *c, false); },
      read);
  router.Add(
      "GET", "/api/export/tasks.ics", [c](const Request& r) { return Ics(r, *c); }, read);
  router.Add(
      "GET", "/api/plans/{id}/report.docx",
      [c](const Request& r) { return CompiledReport(r, *c, true); }, read);
  router.Add(
      "GET", "/api/plans/{id}/report.xlsx",
      [c](const Request& r) { return CompiledReport(r, *c, false); }, read);
}

}  // namespace dondoc::serve::api
