// The tracking API's flows end to end over real HTTP and a SQLite database: review, reports
// (file → return → resubmit → confirm), board views, exports, upload, audit, users.
#include <algorithm>
#include <set>
#include <thread>

#include "export/zip.h"
#include "serve/api/tracking_fixture.h"

namespace dondoc::serve::api::testing {
namespace {

class TrackingTest : public TrackingFixture {};

TEST_F(TrackingTest, OfficerListsOnlyTheirUnitsTasks) {
  const Client officer = Login("sotttt");
  ClientResponse r = Get(officer, "/api/tasks?limit=200");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = JsonOf(r);
  ASSERT_GT(j["total"].get<int>(), 0);
  EXPECT_EQ(j["items"].size(), j["total"].get<std::size_t>());
  for (const auto& t : j["items"]) {
    bool mine = false;
    for (const auto& u : t["units"]) mine = mine || u["unit_id"] == kOwnUnit;
    EXPECT_TRUE(mine) << t["id"];
    EXPECT_EQ(t["state"], "confirmed");
    EXPECT_TRUE(t["status"].is_string());
    EXPECT_TRUE(t["span"]["end"].get<int>() > t["span"]["begin"].get<int>());
    EXPECT_FALSE(t["plan"]["number"].get<std::string>().empty());
  }
  EXPECT_EQ(CodeOf(Get(officer, std::string("/api/tasks?unit=") + kOtherUnit)), "forbidden");
  EXPECT_EQ(JsonOf(Get(officer, std::string("/api/tasks?limit=200&unit=") + kOwnUnit))["total"],
            j["total"]);
}

TEST_F(TrackingTest, ListFiltersAndPagesStrictly) {
  const Client office = Login("vanphong");
  auto all = JsonOf(Get(office, "/api/tasks?limit=200"));
  const int total = all["total"];
  ASSERT_GT(total, 10);
  auto page = JsonOf(Get(office, "/api/tasks?limit=5&offset=5"));
  EXPECT_EQ(page["total"], total);
  ASSERT_EQ(page["items"].size(), 5u);
  EXPECT_EQ(page["items"][0]["id"], all["items"][5]["id"]);
  // A status filter keeps only that status, counted over everything.
  auto overdue = JsonOf(Get(office, "/api/tasks?status=overdue&limit=200"));
  for (const auto& t : overdue["items"]) EXPECT_EQ(t["status"], "overdue");
  EXPECT_LT(overdue["total"].get<int>(), total);
  EXPECT_EQ(CodeOf(Get(office, "/api/tasks?status=late")), "invalid_field");
  EXPECT_EQ(CodeOf(Get(office, "/api/tasks?limit=0")), "invalid_field");
  EXPECT_EQ(CodeOf(Get(office, "/api/tasks?colour=red")), "invalid_field");
  EXPECT_EQ(CodeOf(Get(office, "/api/tasks?due_from=15/12/2026")), "invalid_field");
  // Search without diacritics.
  auto found = JsonOf(Get(office, "/api/tasks?q=chuyen%20doi%20so&limit=200"));
  EXPECT_GT(found["total"].get<int>(), 0);
  EXPECT_LT(found["total"].get<int>(), total);
}

TEST_F(TrackingTest, ReportIsFiledReturnedResubmittedAndConfirmed) {
  const Client officer = Login("sotttt"), office = Login("vanphong");
  const std::int64_t task = TaskOf(kOwnUnit);
  const std::string base = "/api/tasks/" + std::to_string(task);
  ClientResponse filed = Post(officer, base + "/reports", ReportBody(kOwnUnit, 100));
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::int64_t report = JsonOf(filed)["id"];
  EXPECT_EQ(JsonOf(filed)["state"], "submitted");
  const std::string rbase = "/api/reports/" + std::to_string(report);

  // The unit cannot decide its own report; the office returns it with a reason.
  EXPECT_EQ(CodeOf(Post(officer, rbase + "/confirm", nlohmann::json::object())), "forbidden");
  EXPECT_EQ(CodeOf(Post(office, rbase + "/return", nlohmann::json::object())), "missing_reason");
  ClientResponse returned = Post(office, rbase + "/return", {{"reason", "Thiếu số liệu."}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(JsonOf(returned)["state"], "returned");
  EXPECT_EQ(JsonOf(returned)["return_reason"], "Thiếu số liệu.");
  EXPECT_EQ(CodeOf(Post(office, rbase + "/confirm", nlohmann::json::object())), "invalid_state");

  now_ += 600;
  ClientResponse again =
      Post(officer, rbase + "/resubmit", {{"text", "Đã bổ sung số liệu."}, {"percent", 100}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(JsonOf(again)["state"], "submitted");
  ClientResponse confirmed = Post(office, rbase + "/confirm", nlohmann::json::object());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(JsonOf(confirmed)["decided_by"], "vanphong");

  // The task is done now, and its detail carries the report.
  auto detail = JsonOf(Get(office, base));
  EXPECT_TRUE(detail["status"] == "done_on_time" || detail["status"] == "done_late")
      << detail["status"];
  ASSERT_EQ(detail["reports"].size(), 1u);
  EXPECT_EQ(detail["reports"][0]["text"], "Đã bổ sung số liệu.");

  // Every change has its audit row with before/after.
  auto audit = JsonOf(Get(office, "/api/audit?limit=10"));
  std::vector<std::string> actions;
  for (const auto& a : audit["items"]) actions.push_back(a["action"]);
  for (const char* want : {"report.submit", "report.return", "report.resubmit", "report.confirm"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), want), actions.end()) << want;
  EXPECT_EQ(audit["items"][0]["action"], "report.confirm");
  EXPECT_EQ(audit["items"][0]["before"]["state"], "submitted");
  EXPECT_EQ(audit["items"][0]["after"]["state"], "confirmed");
}

TEST_F(TrackingTest, ReportAttachmentsAreStoredAndDownloaded) {
  const Client officer = Login("sotttt");
  const std::int64_t task = TaskOf(kOwnUnit);
  const std::int64_t report = JsonOf(
      Post(officer, "/api/tasks/" + std::to_string(task) + "/reports", ReportBody(kOwnUnit)))["id"];
  const std::string base = "/api/reports/" + std::to_string(report) + "/attachments";
  const std::string pdf("%PDF-1.4\0\x01\x02 biên bản", 20);
  auto attach = [&](const std::string& type, const std::string& bytes) {
    return Fetch(port_, "POST", base,
                 {{"Cookie", officer.cookie},
                  {"X-CSRF-Token", officer.csrf},
                  {"Content-Type", type},
                  {"X-Filename", "..%2F..%2Fbi%C3%AAn-b%E1%BA%A3n.pdf"}},
                 bytes);
  };
  ClientResponse added = attach("application/pdf", pdf);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(JsonOf(added)["name"], "biên-bản.pdf");  // the path part is dropped
  EXPECT_EQ(JsonOf(added)["size"], 20);
  EXPECT_EQ(CodeOf(attach("text/html", "<script>alert(1)</script>")), "unsupported_media_type");
  EXPECT_EQ(CodeOf(attach("application/pdf", "")), "invalid_field");
  auto list = JsonOf(Get(officer, base));
  ASSERT_EQ(list["items"].size(), 1u);
  ClientResponse file = Get(officer, base + "/" + std::to_string(JsonOf(added)["id"].get<int>()));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_NE(file.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(JsonOf(Get(officer, "/api/tasks/" + std::to_string(task)))["reports"][0]["attachments"],
            nlohmann::json::array({"biên-bản.pdf"}));
  EXPECT_EQ(CodeOf(Get(officer, base + "/999")), "not_found");
  EXPECT_EQ(CodeOf(Get(Login("soyte"), base)), "forbidden");
}

TEST_F(TrackingTest, OfficeReviewsProposedTasks) {
  const Client office = Login("vanphong");
  // A fresh upload gives proposed tasks to review.
  const std::string plan = store::testing::ReadFile(store::testing::SourceDir() +
                                                    "/samples/ke-hoach-88-bang-markdown.txt");
  const std::string changed = plan + "\n\nSửa đổi cho phép thử tải lên.\n";
  ClientResponse up = Fetch(port_, "POST", "/api/documents",
                            {{"Cookie", office.cookie},
                             {"X-CSRF-Token", office.csrf},
                             {"Content-Type", "text/plain"},
                             {"X-Filename", "ke-hoach-moi.txt"}},
                            changed);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto upj = JsonOf(up);
  ASSERT_GE(upj["tasks_proposed"].get<int>(), 2);
  const std::int64_t doc = upj["id"];
  // The same bytes again: stored already, nothing more proposed.
  ClientResponse dup = Fetch(port_, "POST", "/api/documents",
                             {{"Cookie", office.cookie},
                              {"X-CSRF-Token", office.csrf},
                              {"Content-Type", "text/plain"},
                              {"X-Filename", "ke-hoach-moi.txt"}},
                             changed);
  ASSERT_EQ(dup.status, 200) << dup.body;
  EXPECT_EQ(JsonOf(dup)["duplicate"], true);
  EXPECT_EQ(JsonOf(dup)["tasks_proposed"], 0);

  auto proposed =
      JsonOf(Get(office, "/api/tasks?state=proposed&plan=" + std::to_string(doc) + "&limit=200"));
  ASSERT_GE(proposed["items"].size(), 2u);
  const std::int64_t a = proposed["items"][0]["id"], b = proposed["items"][1]["id"];
  EXPECT_TRUE(proposed["items"][0]["status"].is_null());
  const std::string ta = "/api/tasks/" + std::to_string(a), tb = "/api/tasks/" + std::to_string(b);

  // Edit keeps the source as provenance.
  ClientResponse edited = Post(office, ta + "/edit",
                               {{"action", "Tổ chức tập huấn (đã sửa)"},
                                {"due", {{"date", "2026-09-30"}}},
                                {"note", "làm rõ"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto ej = JsonOf(edited);
  EXPECT_EQ(ej["action"], "Tổ chức tập huấn (đã sửa)");
  EXPECT_EQ(ej["due"]["date"], "2026-09-30");
  EXPECT_NE(ej["sources"][0]["action"], ej["action"]);
  EXPECT_EQ(ej["history"].back()["what"], "edit");
  EXPECT_EQ(CodeOf(Post(office, ta + "/edit", nlohmann::json::object())), "invalid_edit");

  // Merge b into a: b is merged, a keeps both sources.
  ClientResponse merged = Post(office, tb + "/merge", {{"into", a}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(JsonOf(merged)["id"], a);
  EXPECT_EQ(JsonOf(merged)["sources"].size(), 2u);
  EXPECT_EQ(JsonOf(Get(office, tb))["state"], "merged");
  EXPECT_EQ(CodeOf(Post(office, ta + "/merge", {{"into", a}})), "invalid_merge");

  ClientResponse confirmed = Post(office, ta + "/confirm", nlohmann::json::object());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(JsonOf(confirmed)["state"], "confirmed");
  EXPECT_TRUE(JsonOf(confirmed)["status"].is_string());
  EXPECT_EQ(CodeOf(Post(office, ta + "/confirm", nlohmann::json::object())), "invalid_state");
  EXPECT_EQ(CodeOf(Post(office, ta + "/drop", nlohmann::json::object())), "missing_reason");
  ClientResponse dropped = Post(office, ta + "/drop", {{"reason", "trùng"}});
  ASSERT_EQ(dropped.status, 200) << dropped.body;
  EXPECT_EQ(JsonOf(dropped)["drop_reason"], "trùng");

  auto plans = JsonOf(Get(office, "/api/plans"));
  bool seen = false;
  for (const auto& p : plans["items"])
    if (p["id"] == doc) {
      seen = true;
      EXPECT_EQ(p["counts"]["merged"], 1);
      EXPECT_EQ(p["counts"]["dropped"], 1);
    }
  EXPECT_TRUE(seen);
}

TEST_F(TrackingTest, BoardViews) {
  const Client office = Login("vanphong"), officer = Login("sotttt");
  auto dash = JsonOf(Get(office, "/api/dashboard?as_of=2026-06-15"));
  ASSERT_TRUE(dash.contains("counts"));
  int sum = 0;
  for (const auto& [k, v] : dash["counts"].items())
    if (k != "proposed") sum += v.get<int>();
  EXPECT_EQ(sum, JsonOf(Get(office, "/api/tasks?limit=1"))["total"].get<int>());
  EXPECT_GE(dash["counts"]["overdue"].get<int>(), 1);
  EXPECT_FALSE(dash["overdue_by_unit"].empty());
  auto mine = JsonOf(Get(officer, "/api/dashboard"));
  for (const auto& u : mine["overdue_by_unit"]) EXPECT_EQ(u["unit_id"], kOwnUnit);

  auto cal = JsonOf(Get(office, "/api/calendar?from=2026-01-01&to=2026-12-31"));
  ASSERT_TRUE(cal.contains("items")) << cal.dump();
  ASSERT_FALSE(cal["items"].empty());
  for (std::size_t i = 1; i < cal["items"].size(); ++i)
    EXPECT_LE(cal["items"][i - 1]["date"].get<std::string>(),
              cal["items"][i]["date"].get<std::string>());
  EXPECT_EQ(CodeOf(Get(office, "/api/calendar?from=2026-01-01&to=2025-01-01")), "invalid_field");

  auto rem = JsonOf(Get(officer, "/api/reminders"));
  for (const auto& r : rem["items"]) EXPECT_EQ(r["unit_id"], kOwnUnit);

  auto units = JsonOf(Get(officer, "/api/units"));
  ASSERT_EQ(units["items"].size(), 1u);
  EXPECT_EQ(units["items"][0]["unit_id"], kOwnUnit);
  auto unit = JsonOf(Get(office, std::string("/api/units/") + kOwnUnit));
  EXPECT_EQ(unit["unit_id"], kOwnUnit);
  EXPECT_TRUE(unit["scorecard"]["counts"].contains("overdue"));
}

TEST_F(TrackingTest, Exports) {
  const Client office = Login("vanphong"), officer = Login("sotttt");
  ClientResponse csv = Get(officer, "/api/export/tasks.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.body, Get(officer, std::string("/api/export/tasks.csv?unit=") + kOwnUnit).body);
  ClientResponse ics = Get(office, std::string("/api/export/tasks.ics?unit=") + kOwnUnit);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.Header("content-type").substr(0, 13), "text/calendar");
  EXPECT_NE(ics.body.find("BEGIN:VCALENDAR\r\n"), std::string::npos);
  ClientResponse xlsx = Get(office, "/api/export/tasks.xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_TRUE(exports::ReadZip(xlsx.body).ok());
  auto plans = JsonOf(Get(office, "/api/plans"));
  const std::int64_t plan = plans["items"][0]["id"];
  ClientResponse docx = Get(
      office, "/api/plans/" + std::to_string(plan) + "/report.docx?from=2026-01-01&to=2026-06-30");
  ASSERT_EQ(docx.status, 200) << docx.body;
  auto parts = exports::ReadZip(docx.body);
  ASSERT_TRUE(parts.ok());
  EXPECT_TRUE(parts.value().count("word/document.xml"));
  ClientResponse rx = Get(office, "/api/plans/" + std::to_string(plan) + "/report.xlsx");
  ASSERT_EQ(rx.status, 200) << rx.body;
  EXPECT_EQ(CodeOf(Get(officer, "/api/plans/" + std::to_string(plan) + "/report.docx")),
            "forbidden");
}

TEST_F(TrackingTest, AdminAddsUsers) {
  const Client admin = Login("quantri");
  ClientResponse added = Post(admin, "/api/users",
                              {{"username", "soyte2"},
                               {"role", "unit_officer"},
                               {"unit_id", kOtherUnit},
                               {"password", "mot mat khau dai"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(
      CodeOf(Post(admin, "/api/users",
                  {{"username", "soyte2"}, {"role", "reader"}, {"password", "mot mat khau dai"}})),
      "conflict");
  EXPECT_EQ(
      CodeOf(Post(admin, "/api/users",
                  {{"username", "x"}, {"role", "unit_officer"}, {"password", "mot mat khau dai"}})),
      "invalid_field");
  auto users = JsonOf(Get(admin, "/api/users"));
  EXPECT_EQ(users["items"].size(), 6u);
  EXPECT_EQ(users["items"][0].count("password_hash"), 0u);
}

// With the response cache on, an answer never outlives a change made through the server, and
// one principal's answer is never another's.
TEST_F(TrackingTest, CachedAnswersFollowChanges) {
  ResponseCache cache;
  cache.max_age_ms = 60'000;
  ctx_->cache = &cache;
  const Client office = Login("vanphong"), officer = Login("sotttt");
  const std::string list = "/api/tasks?limit=200";
  const int office_total = JsonOf(Get(office, list))["total"];
  const int officer_total = JsonOf(Get(officer, list))["total"];
  EXPECT_LT(officer_total, office_total);
  EXPECT_EQ(JsonOf(Get(office, list))["total"], office_total);  // a hit, the office's own
  const std::int64_t task = TaskOf(kOwnUnit);
  ASSERT_EQ(
      Post(office, "/api/tasks/" + std::to_string(task) + "/drop", {{"reason", "thử"}}).status,
      200);
  EXPECT_EQ(JsonOf(Get(office, list))["total"], office_total - 1);
  EXPECT_EQ(JsonOf(Get(officer, list))["total"], officer_total - 1);
  ctx_->cache = nullptr;
}

// The acceptance test of issue 5: 50 simultaneous report submissions over real HTTP are all
// stored, each with exactly one audit row.
TEST_F(TrackingTest, FiftySimultaneousReportsAreAllStoredAndAudited) {
  const Client officer = Login("sotttt");
  const std::int64_t task = TaskOf(kOwnUnit);
  const std::string target = "/api/tasks/" + std::to_string(task) + "/reports";
  const auto before = Repo()->AuditCount().value();
  constexpr int kN = 50;
  std::vector<int> status(kN, 0);
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int i = 0; i < kN; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      nlohmann::json body = ReportBody(kOwnUnit, i % 101);
      body["text"] = "Báo cáo số " + std::to_string(i);
      status[i] = Post(officer, target, body).status;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  for (int i = 0; i < kN; ++i) EXPECT_EQ(status[i], 201) << "submission " << i;
  auto repo = Repo();
  auto reports = repo->Reports({task}).value();
  EXPECT_EQ(reports.size(), static_cast<std::size_t>(kN));
  std::set<std::string> texts;
  for (const auto& r : reports) texts.insert(r.text);
  EXPECT_EQ(texts.size(), static_cast<std::size_t>(kN));
  EXPECT_EQ(repo->AuditCount().value() - before, kN);
  int submits = 0;
  const auto log = repo->AuditLog(kN + 10, 0);
  for (const auto& a : log.value()) submits += a.action == "report.submit";
  EXPECT_EQ(submits, kN);
}

}  // namespace
}  // namespace dondoc::serve::api::testing
