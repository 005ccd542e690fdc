// The tracking API end to end for tests: the real server on a loopback port over a SQLite
// database ingested from samples/ (once per suite, copied per test), users and sessions in that
// database (store/sqlite_tracking.h), the samples' tasks proposed and confirmed, and a clock the
// test moves. One user per role, two unit officers (the own and the other unit).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "access/crypto.h"
#include "serve/api/api.h"
#include "serve/server.h"
#include "serve/testing/client.h"
#include "store/ingest.h"
#include "store/sqlite_store.h"
#include "store/sqlite_tracking.h"
#include "store/test_util.h"
#include "track/review.h"

namespace dondoc::serve::api::testing {

using serve::testing::ClientResponse;
using serve::testing::Fetch;
using serve::testing::Headers;

// 2026-06-15 10:00 in Việt Nam.
inline constexpr std::int64_t kStartTime = 1781492400;
inline constexpr const char* kOwnUnit = "so-tttt";
inline constexpr const char* kOtherUnit = "so-y-te";
inline constexpr const char* kPassword = "mat khau du dai";

inline nlohmann::json JsonOf(const ClientResponse& r) {
  return nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
}

inline std::string CodeOf(const ClientResponse& r) {
  auto j = JsonOf(r);
  if (j.is_discarded() || !j.is_object() || !j.contains("error")) return "";
  return j["error"]["code"];
}

// A signed-in client: the session cookie and CSRF token.
struct Client {
  std::string cookie, csrf;
};

class TrackingFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new store::testing::TempDir();
    template_db_ = *dir_ / "template.db";
    {
      auto writer = store::OpenSqliteStore(template_db_);
      ASSERT_TRUE(writer.ok()) << writer.error().message;
      const std::string db = template_db_;
      const store::IngestSummary s = store::Ingest(
          *writer.value(), [db] { return store::OpenSqliteStore(db, {.create = false}); },
          {store::testing::SourceDir() + "/samples"}, {});
      ASSERT_FALSE(s.stopped);
      ASSERT_GT(s.ingested, 5u);
    }  // closed: the WAL is checkpointed into the file, which can now be copied
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    db_ = *dir_ / ("t" + std::to_string(counter_++) + ".db");
    std::filesystem::copy_file(template_db_, db_);
    auto repos = store::SqliteAccessRepos::Open(db_);
    ASSERT_TRUE(repos.ok()) << repos.error().message;
    repos_ = std::move(repos.value());
    sessions_ = std::make_unique<access::Sessions>(
        *repos_, *repos_, [this] { return now_.load(); },
        access::SessionPolicy{.idle_seconds = 3600, .absolute_seconds = 86400});
    accounts_ = std::make_unique<access::Accounts>(*repos_, *sessions_, *repos_,
                                                   access::TestPasswordParams());
    tracking_ = std::make_unique<TrackPool>([db = db_] { return store::OpenSqliteTracking(db); });
    writer_ = std::make_unique<StorePool>(
        [db = db_] { return store::OpenSqliteStore(db, store::SqliteOptions{.create = false}); });
    documents_ =
        std::make_unique<StorePool>([db = db_] { return store::OpenSqliteStoreReadOnly(db); });
    ctx_ = std::make_unique<Context>(
        Context{*repos_, *sessions_, *accounts_, *repos_, SessionCookie{.secure = false}});
    ctx_->tracking = tracking_.get();
    ctx_->writer = writer_.get();
    ctx_->docx_template_dir = store::testing::SourceDir() + "/data/templates/report-docx";
    ctx_->upload_limit = 4u << 20;
    for (const auto& [name, role, unit] :
         {std::tuple{"quantri", access::Role::kAdmin, ""},
          std::tuple{"vanphong", access::Role::kOffice, ""},
          std::tuple{"sotttt", access::Role::kUnitOfficer, kOwnUnit},
          std::tuple{"soyte", access::Role::kUnitOfficer, kOtherUnit},
          std::tuple{"xem", access::Role::kReader, ""}}) {
      access::User u;
      u.username = name;
      u.role = role;
      u.unit_id = unit;
      u.password_hash = access::HashPassword(kPassword, access::TestPasswordParams()).value();
      ASSERT_TRUE(repos_->Add(u).ok());
    }
    ConfirmAll();
    ServerOptions opt;
    opt.port = 0;
    opt.worker_threads = 4;
    opt.shutdown_grace = std::chrono::milliseconds(100);
    server_ =
        std::make_unique<Server>(opt, BuildApi(*ctx_, std::nullopt, 1 << 20, documents_.get()));
    port_ = server_->Start().value();
  }
  void TearDown() override { server_.reset(); }

  // Every proposed task confirmed (those without registry units stay proposed), as the office.
  void ConfirmAll() {
    auto repo = store::OpenSqliteTracking(db_);
    ASSERT_TRUE(repo.ok()) << repo.error().message;
    const store::AuditActor who{2, "vanphong", "127.0.0.1", now_.load()};
    ASSERT_TRUE(repo.value()->Propose(std::nullopt, who).ok());
    store::TaskFilter f;
    f.state = "proposed";
    // Held in a variable: a range-for over a temporary Result's value() would dangle.
    const auto proposed = repo.value()->Tasks(f);
    ASSERT_TRUE(proposed.ok());
    for (const auto& t : proposed.value()) {
      (void)repo.value()->UpdateTasks(
          {t.id},
          [&](const std::vector<track::TrackedTask>& ts)
              -> Result<track::Change<std::vector<track::TrackedTask>>> {
            auto c = track::Confirm(ts.front(), {"vanphong", now_.load()});
            if (!c.ok()) return c.error();
            return track::Change<std::vector<track::TrackedTask>>{{c.value().value},
                                                                  c.value().audit};
          },
          who);
    }
  }

  Client Login(const std::string& name) {
    nlohmann::json body = {{"username", name}, {"password", kPassword}};
    ClientResponse r =
        Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}}, body.dump());
    EXPECT_EQ(r.status, 200) << name << ": " << r.body;
    const std::string& set = r.Header("set-cookie");
    return {set.substr(0, set.find(';')), JsonOf(r).value("csrf_token", "")};
  }

  ClientResponse Get(const Client& c, const std::string& target) {
    return Fetch(port_, "GET", target, {{"Cookie", c.cookie}});
  }
  ClientResponse Post(const Client& c, const std::string& target, const nlohmann::json& body) {
    return Fetch(
        port_, "POST", target,
        {{"Cookie", c.cookie}, {"X-CSRF-Token", c.csrf}, {"Content-Type", "application/json"}},
        body.dump());
  }

  // A direct connection to the test's database, for checks behind the API.
  std::unique_ptr<store::TrackingRepo> Repo() {
    return std::move(store::OpenSqliteTracking(db_).value());
  }

  // A confirmed one-off task whose responsible units are exactly {unit}, and that does not list
  // `not_unit`.
  std::int64_t TaskOf(const std::string& unit, const std::string& not_unit = kOtherUnit) {
    store::TaskFilter f;
    f.state = "confirmed";
    f.unit = unit;
    const auto repo = Repo();
    const auto tasks = repo->Tasks(f);
    for (const auto& t : tasks.value()) {
      if (t.due.rrule.empty() && track::ResponsibleUnits(t) == std::vector<std::string>{unit} &&
          !track::HasUnit(t, not_unit))
        return t.id;
    }
    ADD_FAILURE() << "no task of " << unit;
    return 0;
  }

  static nlohmann::json ReportBody(const std::string& unit, int percent = 50) {
    return {
        {"unit_id", unit},
        {"period", {{"from", "2026-01-01"}, {"to", "2026-06-30"}, {"label", "6 tháng đầu năm"}}},
        {"text", "Đã triển khai theo kế hoạch."},
        {"percent", percent}};
  }

  static inline store::testing::TempDir* dir_ = nullptr;
  static inline std::string template_db_;
  static inline int counter_ = 0;
  std::string db_;
  std::atomic<std::int64_t> now_{kStartTime};
  std::unique_ptr<store::SqliteAccessRepos> repos_;
  std::unique_ptr<access::Sessions> sessions_;
  std::unique_ptr<access::Accounts> accounts_;
  std::unique_ptr<TrackPool> tracking_;
  std::unique_ptr<StorePool> writer_, documents_;
  std::unique_ptr<Context> ctx_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace dondoc::serve::api::testing
