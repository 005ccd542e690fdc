// The SQLite back-ends of tracking (tracking.h) and of access/'s repositories (users,
// sessions, audit log: access/repos.h), on the tables of migration v4. Tested by
// sqlite_tracking_test.cc.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "access/repos.h"
#include "store/sqlite_db.h"
#include "store/tracking.h"

namespace dondoc::store {

// Opens (migrating when needed; never creating) the database at `path` for tracking. Errors
// as OpenSqliteStore.
Result<std::unique_ptr<TrackingRepo>> OpenSqliteTracking(const std::string& path);

class SqliteTracking final : public TrackingRepo {
 public:
  explicit SqliteTracking(std::unique_ptr<Db> db) : db_(std::move(db)) {}

  Result<int> Propose(std::optional<std::int64_t> document_id, const AuditActor& who) override;
  Result<std::vector<track::TrackedTask>> Tasks(const TaskFilter& filter) override;
  Result<track::TrackedTask> Task(std::int64_t id) override;
  Result<std::vector<PlanRef>> PlanRefs(const std::vector<std::int64_t>& plan_ids) override;
  Result<std::vector<PlanSummary>> Plans() override;
  Result<std::vector<track::ProgressReport>> Reports(
      const std::vector<std::int64_t>& task_ids) override;
  Result<track::ProgressReport> Report(std::int64_t id) override;
  Result<std::vector<track::TrackedTask>> UpdateTasks(const std::vector<std::int64_t>& ids,
                                                      const TaskChange& change,
                                                      const AuditActor& who) override;
  Result<track::ProgressReport> CreateReport(std::int64_t task_id, const NewReport& file,
                                             const AuditActor& who) override;
  Result<track::ProgressReport> UpdateReport(std::int64_t report_id, const ReportChange& change,
                                             const AuditActor& who) override;
  Result<AttachmentInfo> AddAttachment(std::int64_t report_id, const std::string& name,
                                       const std::string& media_type, const std::string& bytes,
                                       const AuditActor& who) override;
  Result<std::vector<AttachmentInfo>> Attachments(std::int64_t report_id) override;
  Result<std::string> AttachmentData(std::int64_t report_id, std::int64_t id) override;
  Result<std::vector<AuditEntry>> AuditLog(int limit, int offset) override;
  Result<std::int64_t> AuditCount() override;

 private:
  // Inserts the task when `source_ord` is set (a new proposal), else updates it.
  Result<Ok> WriteTask(const track::TrackedTask& task, std::int64_t now,
                       std::optional<std::int64_t> source_ord);
  Result<Ok> WriteReport(const track::ProgressReport& report, bool insert);
  Result<Ok> WriteAudit(const std::vector<track::Audit>& audit, const AuditActor& who);

  std::unique_ptr<Db> db_;
};

// Users, sessions and the audit log in the database: one connection behind a mutex, since the
// server calls these from every worker thread (each call is a statement or two, far shorter
// than the request around it).
class SqliteAccessRepos final : public access::UserRepo,
                                public access::SessionRepo,
                                public access::AuditSink {
 public:
  // Opens (migrating when needed; never creating) the database at `path`.
  static Result<std::unique_ptr<SqliteAccessRepos>> Open(const std::string& path);
  explicit SqliteAccessRepos(std::unique_ptr<Db> db) : db_(std::move(db)) {}

  // UserRepo
  std::optional<access::User> FindByName(const std::string& username) const override;
  std::optional<access::User> FindById(std::int64_t id) const override;
  Result<std::int64_t> Add(access::User user) override;
  Result<bool> SetPasswordHash(std::int64_t id, const std::string& hash) override;
  std::vector<access::User> List() const override;
  // SessionRepo
  void Insert(const access::SessionRecord& session) override;
  std::optional<access::SessionRecord> Find(const std::string& id) const override;
  void Touch(const std::string& id, std::int64_t now) override;
  void Delete(const std::string& id) override;
  void DeleteForUser(std::int64_t user_id) override;
  // AuditSink
  void Append(const access::AuditRecord& record) override;

 private:
  std::optional<access::User> FindUser(const char* where, const std::string& text,
                                       std::int64_t id) const;
  mutable std::mutex mu_;
  std::unique_ptr<Db> db_;  // guarded by mu_
};

}  // namespace dondoc::store
