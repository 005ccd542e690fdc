// The authorisation matrix of issue 5: every API route × every role (admin, office, the
// officer of the object's unit, the officer of another unit, reader, anonymous) → allowed or
// refused, table-driven over real HTTP. The table must name every route the router serves
// (checked), so a new route cannot ship without its row. Then: list routes never hand an
// officer another unit's rows.
#include <set>

#include "serve/api/tracking_fixture.h"

namespace dondoc::serve::api::testing {
namespace {

enum Who { kAdmin, kOffice, kOwn, kOther, kReader, kAnonymous, kWhoCount };
const char* const kNames[] = {"quantri", "vanphong", "sotttt", "soyte", "xem", ""};

// Which signed-in roles the policy lets through; anonymous is always refused on session routes.
struct Allowed {
  bool admin, office, own, other, reader;
  bool For(Who w) const {
    switch (w) {
      case kAdmin:
        return admin;
      case kOffice:
        return office;
      case kOwn:
        return own;
      case kOther:
        return other;
      case kReader:
        return reader;
      default:
        return false;
    }
  }
};
constexpr Allowed kEveryone{true, true, true, true, true};
constexpr Allowed kOfficeOnly{false, true, false, false, false};
constexpr Allowed kAdminOnly{true, false, false, false, false};
constexpr Allowed kNotOther{true, true, true, false, true};
constexpr Allowed kNoOfficers{true, true, false, false, true};
constexpr Allowed kOfficeAndOwn{false, true, true, false, false};
constexpr Allowed kAdminAndOffice{true, true, false, false, false};

struct Case {
  std::string method, pattern, target;  // pattern as routed; target with ids filled in
  Allowed allowed;
  nlohmann::json body = nullptr;
  std::string content_type = "application/json";
  bool session = true;  // false: a public route
};

class AuthzTest : public TrackingFixture {
 protected:
  std::vector<Case> Cases() {
    const std::string t = std::to_string(task_), r = std::to_string(report_),
                      p = std::to_string(plan_), d = std::to_string(plan_),
                      x = std::to_string(proposed_), y = std::to_string(proposed2_);
    const std::string own = kOwnUnit;
    nlohmann::json empty = nlohmann::json::object();
    return {
        {"GET", "/api/health", "/api/health", kEveryone, nullptr, "", false},
        {"POST",
         "/api/login",
         "/api/login",
         kEveryone,
         {{"username", "xem"}, {"password", kPassword}},
         "application/json",
         false},
        {"GET", "/api/me", "/api/me", kEveryone},
        // Session routes covered by api_test (logout would end the session the table uses).
        {"POST", "/api/logout", "", kEveryone},
        {"POST", "/api/me/password", "", kEveryone},
        {"GET", "/api/documents", "/api/documents", kEveryone},
        {"GET", "/api/documents/{id}", "/api/documents/" + d, kEveryone},
        {"GET", "/api/documents/{id}/graph", "/api/documents/" + d + "/graph", kEveryone},
        {"POST", "/api/documents", "/api/documents", kOfficeOnly, nullptr, "text/plain"},
        {"GET", "/api/tasks", "/api/tasks", kEveryone},
        {"GET", "/api/tasks", "/api/tasks?unit=" + own, kNotOther},
        {"GET", "/api/tasks/{id}", "/api/tasks/" + t, kNotOther},
        {"POST", "/api/tasks/{id}/confirm", "/api/tasks/" + x + "/confirm", kOfficeOnly, empty},
        {"POST",
         "/api/tasks/{id}/edit",
         "/api/tasks/" + t + "/edit",
         kOfficeOnly,
         {{"note", "x"}, {"action", "Việc đã sửa"}}},
        {"POST",
         "/api/tasks/{id}/merge",
         "/api/tasks/" + y + "/merge",
         kOfficeOnly,
         {{"into", proposed_}}},
        {"POST",
         "/api/tasks/{id}/drop",
         "/api/tasks/" + t + "/drop",
         kOfficeOnly,
         {{"reason", "thử"}}},
        {"POST", "/api/tasks/{id}/reports", "/api/tasks/" + t + "/reports", kOfficeAndOwn,
         ReportBody(kOwnUnit)},
        // The forged unit: an officer filing in another unit's name.
        {"POST",
         "/api/tasks/{id}/reports",
         "/api/tasks/" + t + "/reports",
         {false, true, false, true, false},
         ReportBody(kOtherUnit)},
        {"POST", "/api/reports/{id}/confirm", "/api/reports/" + r + "/confirm", kOfficeOnly, empty},
        {"POST",
         "/api/reports/{id}/return",
         "/api/reports/" + r + "/return",
         kOfficeOnly,
         {{"reason", "thiếu"}}},
        {"POST",
         "/api/reports/{id}/resubmit",
         "/api/reports/" + r + "/resubmit",
         kOfficeAndOwn,
         {{"text", "bổ sung"}, {"percent", 80}}},
        {"POST", "/api/reports/{id}/attachments", "/api/reports/" + r + "/attachments",
         kOfficeAndOwn, nullptr, "application/pdf"},
        {"GET", "/api/reports/{id}/attachments", "/api/reports/" + r + "/attachments", kNotOther},
        {"GET", "/api/reports/{id}/attachments/{aid}",
         "/api/reports/" + r + "/attachments/" + std::to_string(attachment_), kNotOther},
        {"GET", "/api/dashboard", "/api/dashboard", kEveryone},
        {"GET", "/api/calendar", "/api/calendar", kEveryone},
        {"GET", "/api/calendar", "/api/calendar?unit=" + own, kNotOther},
        {"GET", "/api/reminders", "/api/reminders", kEveryone},
        {"GET", "/api/units", "/api/units", kEveryone},
        {"GET", "/api/units/{id}", "/api/units/" + own, kNotOther},
        {"GET", "/api/plans", "/api/plans", kEveryone},
        {"GET", "/api/export/tasks.xlsx", "/api/export/tasks.xlsx", kEveryone},
        {"GET", "/api/export/tasks.xlsx", "/api/export/tasks.xlsx?unit=" + own, kNotOther},
        {"GET", "/api/export/tasks.csv", "/api/export/tasks.csv", kEveryone},
        {"GET", "/api/export/tasks.csv", "/api/export/tasks.csv?unit=" + own, kNotOther},
        {"GET", "/api/export/tasks.ics", "/api/export/tasks.ics", kEveryone},
        {"GET", "/api/export/tasks.ics", "/api/export/tasks.ics?unit=" + own, kNotOther},
        {"GET", "/api/plans/{id}/report.docx", "/api/plans/" + p + "/report.docx", kNoOfficers},
        {"GET", "/api/plans/{id}/report.xlsx", "/api/plans/" + p + "/report.xlsx", kNoOfficers},
        {"GET", "/api/audit", "/api/audit", kAdminAndOffice},
        {"GET", "/api/users", "/api/users", kAdminOnly},
        {"POST",
         "/api/users",
         "/api/users",
         kAdminOnly,
         {{"username", "moi"}, {"role", "reader"}, {"password", "mot mat khau dai"}}},
    };
  }

  void SetUp() override {
    TrackingFixture::SetUp();
    if (HasFatalFailure()) return;
    task_ = TaskOf(kOwnUnit);
    auto repo = Repo();
    plan_ = repo->Task(task_).value().plan_id;
    // A report of the own unit to decide, and two proposed tasks of one plan to review.
    const Client office = Login("vanphong");
    report_ = JsonOf(Post(office, "/api/tasks/" + std::to_string(task_) + "/reports",
                          ReportBody(kOwnUnit)))["id"];
    attachment_ =
        JsonOf(Fetch(port_, "POST", "/api/reports/" + std::to_string(report_) + "/attachments",
                     {{"Cookie", office.cookie},
                      {"X-CSRF-Token", office.csrf},
                      {"Content-Type", "application/pdf"},
                      {"X-Filename", "bien-ban.pdf"}},
                     "%PDF-1.4 biên bản"))["id"];
    const std::string text = store::testing::ReadFile(store::testing::SourceDir() +
                                                      "/samples/ke-hoach-88-bang-markdown.txt") +
                             "\nBản thử quyền.\n";
    auto up = JsonOf(Fetch(port_, "POST", "/api/documents",
                           {{"Cookie", office.cookie},
                            {"X-CSRF-Token", office.csrf},
                            {"Content-Type", "text/plain"},
                            {"X-Filename", "kh.txt"}},
                           text));
    store::TaskFilter f;
    f.state = "proposed";
    f.plan = up["id"];
    auto proposed = repo->Tasks(f).value();
    ASSERT_GE(proposed.size(), 2u);
    proposed_ = proposed[0].id;
    proposed2_ = proposed[1].id;
    for (int w = 0; w < kAnonymous; ++w) clients_[w] = Login(kNames[w]);
  }

  ClientResponse Send(Who who, const Case& c) {
    Headers h;
    if (who != kAnonymous) {
      h.emplace_back("Cookie", clients_[who].cookie);
      if (c.method != "GET") h.emplace_back("X-CSRF-Token", clients_[who].csrf);
    }
    std::string body;
    if (c.method != "GET") {
      h.emplace_back("Content-Type", c.content_type);
      if (c.content_type == "text/plain") {
        body = "KẾ HOẠCH\nThử tải lên số " + std::to_string(sent_++) + ".\n";
      } else if (c.content_type == "application/pdf") {
        body = "%PDF-1.4 thử";
      } else {
        body = c.body.dump();
      }
    }
    return Fetch(port_, c.method, c.target, h, body);
  }

  std::int64_t task_ = 0, report_ = 0, plan_ = 0, proposed_ = 0, proposed2_ = 0, attachment_ = 0;
  int sent_ = 0;
  Client clients_[kWhoCount];
};

TEST_F(AuthzTest, EveryRouteEveryRole) {
  const std::vector<Case> cases = Cases();
  // Every served route has a row.
  std::set<std::string> covered;
  for (const Case& c : cases) covered.insert(c.method + " " + c.pattern);
  auto dispatcher = BuildApi(*ctx_, std::nullopt, 1 << 20, documents_.get());
  for (const Route& r : dispatcher->router().routes())
    EXPECT_TRUE(covered.count(r.method + " " + r.pattern))
        << r.method << " " << r.pattern << " has no row in the matrix";
  int checked = 0;
  for (const Case& c : cases) {
    if (c.target.empty()) continue;
    // Refused roles first: a refusal must not depend on what an allowed call changed.
    for (bool allowed_pass : {false, true}) {
      for (int w = 0; w < kWhoCount; ++w) {
        const Who who = static_cast<Who>(w);
        const bool allowed = who == kAnonymous ? !c.session : c.allowed.For(who);
        if (allowed != allowed_pass) continue;
        ClientResponse r = Send(who, c);
        const std::string what = c.method + " " + c.target + " as " +
                                 (who == kAnonymous ? "anonymous" : kNames[w]) + ": " +
                                 std::to_string(r.status) + " " + r.body.substr(0, 200);
        if (!allowed) {
          EXPECT_EQ(r.status, who == kAnonymous ? 401 : 403) << what;
          EXPECT_EQ(CodeOf(r), who == kAnonymous ? "unauthenticated" : "forbidden") << what;
        } else {
          EXPECT_NE(r.status, 401) << what;
          EXPECT_NE(r.status, 403) << what;
          if (c.method == "GET") {
            EXPECT_EQ(r.status, 200) << what;
          }
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200);
}

// No list hands an officer a row of a task, report or unit that is not theirs.
TEST_F(AuthzTest, ListsNeverLeakAnotherUnitsRows) {
  for (Who who : {kOwn, kOther}) {
    const std::string unit = who == kOwn ? kOwnUnit : kOtherUnit;
    const Client& c = clients_[who];
    auto has_unit = [&](const nlohmann::json& units) {
      for (const auto& u : units)
        if (u["unit_id"] == unit) return true;
      return false;
    };
    for (const char* state : {"confirmed", "proposed", "all"}) {
      auto tasks = JsonOf(Get(c, std::string("/api/tasks?limit=200&state=") + state));
      ASSERT_TRUE(tasks.contains("items")) << tasks.dump();
      for (const auto& t : tasks["items"]) EXPECT_TRUE(has_unit(t["units"])) << t["id"];
    }
    auto detail = JsonOf(Get(c, "/api/tasks/" + std::to_string(task_)));
    if (who == kOwn) {
      for (const auto& r : detail["reports"]) EXPECT_EQ(r["unit_id"], unit);
    }
    auto dash = JsonOf(Get(c, "/api/dashboard"));
    ASSERT_TRUE(dash.contains("counts")) << dash.dump();
    for (const auto& u : dash["overdue_by_unit"]) EXPECT_EQ(u["unit_id"], unit);
    for (const auto& t : dash["due_this_month"]) EXPECT_TRUE(has_unit(t["units"]));
    auto cal = JsonOf(Get(c, "/api/calendar?from=2026-01-01&to=2026-12-31"));
    ASSERT_TRUE(cal.contains("items")) << cal.dump();
    for (const auto& i : cal["items"]) EXPECT_TRUE(has_unit(i["units"]));
    auto rem = JsonOf(Get(c, "/api/reminders"));
    ASSERT_TRUE(rem.contains("items")) << rem.dump();
    for (const auto& i : rem["items"]) EXPECT_EQ(i["unit_id"], unit);
    auto units = JsonOf(Get(c, "/api/units"));
    ASSERT_TRUE(units.contains("items")) << units.dump();
    for (const auto& i : units["items"]) EXPECT_EQ(i["unit_id"], unit);
    // Exports without a unit are the officer's unit's, byte for byte.
    for (const char* e : {"csv", "ics"}) {
      ClientResponse all = Get(c, std::string("/api/export/tasks.") + e);
      ClientResponse mine = Get(c, std::string("/api/export/tasks.") + e + "?unit=" + unit);
      ASSERT_EQ(all.status, 200);
      if (std::string(e) == "csv") {
        EXPECT_EQ(all.body, mine.body);
      }
      if (std::string(e) == "ics") {
        // DTSTAMP is the same clock; the rest must match too.
        EXPECT_EQ(all.body.size(), mine.body.size());
      }
    }
  }
  // The own unit's report is not in the other officer's view of anything they can open.
  auto other_dash = JsonOf(Get(clients_[kOther], "/api/dashboard"));
  EXPECT_EQ(other_dash["reports_waiting"], 0);
}

}  // namespace
}  // namespace dondoc::serve::api::testing
