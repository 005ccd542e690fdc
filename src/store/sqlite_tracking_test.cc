// The SQLite tracking and access repositories on a database ingested from samples/: proposing
// is idempotent, a change and its audit rows commit together (or not at all), users and
// sessions round-trip.
#include "store/sqlite_tracking.h"

#include <gtest/gtest.h>

#include "store/ingest.h"
#include "store/sqlite_store.h"
#include "store/test_util.h"
#include "track/reports.h"
#include "track/review.h"

namespace dondoc::store {
namespace {

class SqliteTrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "t.db";
    auto writer = OpenSqliteStore(db_);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    const std::string db = db_;
    const IngestSummary s =
        Ingest(*writer.value(), [db] { return OpenSqliteStore(db, {.create = false}); },
               {testing::SourceDir() + "/samples"}, {});
    ASSERT_GT(s.ingested, 5u);
    auto repo = OpenSqliteTracking(db_);
    ASSERT_TRUE(repo.ok()) << repo.error().message;
    repo_ = std::move(repo.value());
  }
  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<TrackingRepo> repo_;
  AuditActor who_{7, "vanphong", "127.0.0.1", 1781492400};
};

TEST_F(SqliteTrackingTest, ProposingIsIdempotentAndKeepsProvenance) {
  auto first = repo_->Propose(std::nullopt, who_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value(), OpenSqliteStore(db_).value()->Count().value().tasks);
  EXPECT_EQ(repo_->Propose(std::nullopt, who_).value(), 0);
  EXPECT_EQ(repo_->AuditCount().value(), first.value());  // one task.propose row each
  TaskFilter f;
  f.state = "proposed";
  const auto tasks = repo_->Tasks(f);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(static_cast<int>(tasks.value().size()), first.value());
  const track::TrackedTask& t = tasks.value().front();
  ASSERT_EQ(t.sources.size(), 1u);
  EXPECT_EQ(t.sources[0].action, t.action);
  EXPECT_LT(t.sources[0].span.begin, t.sources[0].span.end);
  EXPECT_FALSE(t.units.empty());
  // Read back equal to what was written.
  EXPECT_EQ(repo_->Task(t.id).value(), t);
}

TEST_F(SqliteTrackingTest, AChangeAndItsAuditCommitTogether) {
  ASSERT_TRUE(repo_->Propose(std::nullopt, who_).ok());
  TaskFilter f;
  f.state = "proposed";
  f.unit = "so-tttt";
  const auto tasks = repo_->Tasks(f);
  ASSERT_FALSE(tasks.value().empty());
  const std::int64_t id = tasks.value().front().id;
  const std::int64_t audit_before = repo_->AuditCount().value();
  auto confirmed = repo_->UpdateTasks(
      {id},
      [&](const std::vector<track::TrackedTask>& ts)
          -> Result<track::Change<std::vector<track::TrackedTask>>> {
        auto c = track::Confirm(ts.front(), {"vanphong", who_.now});
        if (!c.ok()) return c.error();
        return track::Change<std::vector<track::TrackedTask>>{{c.value().value}, c.value().audit};
      },
      who_);
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_EQ(repo_->Task(id).value().state, track::TaskState::kConfirmed);
  EXPECT_EQ(repo_->AuditCount().value(), audit_before + 1);
  const auto log = repo_->AuditLog(1, 0);
  EXPECT_EQ(log.value()[0].action, "task.confirm");
  EXPECT_EQ(log.value()[0].target, "task:" + std::to_string(id));
  EXPECT_EQ(log.value()[0].actor_id, 7);
  EXPECT_NE(log.value()[0].before_json.find("\"proposed\""), std::string::npos);

  // A refused change writes nothing, audit included.
  auto again = repo_->UpdateTasks(
      {id},
      [&](const std::vector<track::TrackedTask>& ts)
          -> Result<track::Change<std::vector<track::TrackedTask>>> {
        auto c = track::Confirm(ts.front(), {"vanphong", who_.now});
        if (!c.ok()) return c.error();
        return track::Change<std::vector<track::TrackedTask>>{{c.value().value}, c.value().audit};
      },
      who_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "invalid_state");
  EXPECT_EQ(repo_->AuditCount().value(), audit_before + 1);
  EXPECT_EQ(repo_->UpdateTasks({999999}, nullptr, who_).error().code, "not_found");
}

TEST_F(SqliteTrackingTest, AttachmentsAreKeptInTheStore) {
  ASSERT_TRUE(repo_->Propose(std::nullopt, who_).ok());
  TaskFilter f;
  f.state = "proposed";
  const auto tasks = repo_->Tasks(f);
  const track::TrackedTask task = tasks.value().front();
  ASSERT_TRUE(repo_
                  ->UpdateTasks(
                      {task.id},
                      [&](const std::vector<track::TrackedTask>& ts)
                          -> Result<track::Change<std::vector<track::TrackedTask>>> {
                        auto c = track::Confirm(ts.front(), {"vanphong", who_.now});
                        if (!c.ok()) return c.error();
                        return track::Change<std::vector<track::TrackedTask>>{{c.value().value},
                                                                              c.value().audit};
                      },
                      who_)
                  .ok());
  auto report = repo_->CreateReport(
      task.id,
      [&](const track::TrackedTask& t, std::int64_t id) {
        track::ProgressReport d;
        d.id = id;
        d.task_id = t.id;
        d.unit_id = t.units.front().unit_id;
        d.period = {{2026, 1, 1}, {2026, 6, 30}, "6 tháng"};
        d.text = "Đã làm.";
        d.percent = 40;
        return track::Submit(t, d, {"vanphong", who_.now});
      },
      who_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const std::string bytes("%PDF\0binary", 11);
  auto att =
      repo_->AddAttachment(report.value().id, "bien-ban.pdf", "application/pdf", bytes, who_);
  ASSERT_TRUE(att.ok()) << att.error().message;
  EXPECT_EQ(att.value().size, 11);
  EXPECT_EQ(repo_->Report(report.value().id).value().attachments,
            std::vector<std::string>{"bien-ban.pdf"});
  EXPECT_EQ(repo_->Reports({task.id}).value()[0].attachments,
            std::vector<std::string>{"bien-ban.pdf"});
}

TEST_F(SqliteTrackingTest, UsersAndSessions) {
  auto repos = SqliteAccessRepos::Open(db_);
  ASSERT_TRUE(repos.ok());
  auto& r = *repos.value();
  access::User u;
  u.username = "sotttt";
  u.role = access::Role::kUnitOfficer;
  u.unit_id = "so-tttt";
  u.password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA";
  auto id = r.Add(u);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(r.Add(u).error().code, "conflict");
  EXPECT_EQ(r.FindByName("sotttt")->unit_id, "so-tttt");
  EXPECT_EQ(r.FindById(id.value())->role, access::Role::kUnitOfficer);
  EXPECT_FALSE(r.FindByName("nobody"));
  ASSERT_TRUE(r.SetPasswordHash(id.value(), "$argon2id$new").ok());
  EXPECT_EQ(r.FindById(id.value())->password_hash, "$argon2id$new");
  EXPECT_EQ(r.SetPasswordHash(999, "x").error().code, "not_found");
  r.Insert({"h1", id.value(), "csrf", 10, 10, "127.0.0.1", "test"});
  r.Insert({"h2", id.value(), "csrf2", 10, 10, "127.0.0.1", "test"});
  r.Touch("h1", 50);
  EXPECT_EQ(r.Find("h1")->last_seen_at, 50);
  r.Delete("h1");
  EXPECT_FALSE(r.Find("h1"));
  r.DeleteForUser(id.value());
  EXPECT_FALSE(r.Find("h2"));
  r.Append({100, id.value(), "sotttt", "login", "user:1", "", "", "127.0.0.1"});
  EXPECT_EQ(repo_->AuditLog(1, 0).value()[0].action, "login");
}

}  // namespace
}  // namespace dondoc::store
