// Tested through sqlite_store_test.cc and bad_input_test.cc.
#include "store/sqlite_db.h"

#include <mutex>
#include <string>

#include "store/fts_tokenizer.h"

namespace dondoc::store {

Error SqliteError(int rc, sqlite3* db, std::string_view doing) {
  const int primary = rc & 0xFF;
  std::string code = "sqlite_error";
  std::string what;
  switch (primary) {
    case SQLITE_NOTADB:
      code = "not_a_database";
      what = "not an SQLite database";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = "locked";
      what = "the database is locked by another writer (waited for the busy timeout)";
      break;
    case SQLITE_FULL:
      code = "disk_full";
      what = "the disk (or the database's size limit) is full";
      break;
    case SQLITE_READONLY:
      code = "read_only";
      what = "the database or its directory is read-only";
      break;
    case SQLITE_CANTOPEN:
      code = "cannot_open";
      what = "cannot open or create the database file (missing or read-only directory?)";
      break;
    case SQLITE_CORRUPT:
      code = "corrupt";
      what = "the database file is corrupt";
      break;
    case SQLITE_IOERR:
      code = "io_error";
      what = "I/O error";
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = "permission_denied";
      what = "permission denied";
      break;
    default:
      break;
  }
  // SQLite's own words say which file or which statement; keep them after ours.
  const char* msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message = doing.empty() ? "" : std::string(doing) + ": ";
  message += what.empty() ? std::string(msg) : what + " (" + msg + ")";
  return Error{std::move(code), std::move(message)};
}

Stmt::~Stmt() {
  if (s_ != nullptr) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
}

Stmt& Stmt::Bind(int i, std::string_view text) {
  if (text.empty()) return BindNull(i);
  return BindText(i, text);
}

Stmt& Stmt::BindText(int i, std::string_view text) {
  // SQLITE_TRANSIENT: the caller's string may die before the statement runs.
  sqlite3_bind_text64(s_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::BindStatic(int i, std::string_view text) {
  sqlite3_bind_text64(s_, i, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(s_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int i, std::int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}

Stmt& Stmt::Bind(int i, std::optional<std::int64_t> v) { return v ? Bind(i, *v) : BindNull(i); }

Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}

Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(rc, db_->raw(), "");
}

Result<Ok> Stmt::Run() {
  for (;;) {
    auto r = Step();
    if (!r.ok()) return r.error();
    if (!r.value()) return Ok{};
  }
}

void Stmt::Reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

std::string Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(s_, col);
  const int n = sqlite3_column_bytes(s_, col);
  return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
}

std::string Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
  if (p == nullptr) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col)));
}

std::int64_t Stmt::Int(int col) const { return sqlite3_column_int64(s_, col); }

double Stmt::Real(int col) const { return sqlite3_column_double(s_, col); }

bool Stmt::IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, const DbOptions& options) {
  // SQLite counts every allocation it makes for sqlite3_memory_used, under a global mutex
  // (Debian's build also has no lookaside, so every small allocation is a malloc); mutex
  // lock and unlock, this one among them, were ~3 % of the ingest writer (perf, 350,000
  // documents). Nothing here reads the counts. The setting is
  // refused (harmlessly) once the library is initialised, so it is tried before the first
  // open.
  static std::once_flag memstatus_off;
  std::call_once(memstatus_off, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  const int flags =
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(rc, raw, "cannot open");
    sqlite3_close_v2(raw);  // a handle is returned even on failure
    return e;
  }
  sqlite3_extended_result_codes(raw, 1);
  std::unique_ptr<Db> db(new Db(raw, path));
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  // The tokenizer first: every later statement may touch the full-text table.
  if (auto r = RegisterViTokenizer(raw); !r.ok()) return r.error();
  // journal_mode reads the file header, so this is where "not a database" shows. WAL is
  // persistent in the file; a read-only connection leaves it as the writer set it.
  if (!options.read_only) {
    if (auto r = db->Exec("PRAGMA journal_mode=WAL"); !r.ok()) return r.error();
  } else if (auto r = db->QueryInt("PRAGMA schema_version"); !r.ok()) {
    return r.error();
  }
  // synchronous=NORMAL in WAL: durable across a crash of the process (each commit is in the
  // WAL before COMMIT returns); the last commits may roll back on power loss only.
  if (auto r = db->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON"); !r.ok()) {
    return r.error();
  }
  return db;
}

Db::~Db() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  sqlite3_close_v2(db_);
}

Result<Ok> Db::Exec(std::string_view sql) {
  const std::string s(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // sqlite3_errmsg still holds it for SqliteError
  if (rc != SQLITE_OK) return SqliteError(rc, db_, "");
  return Ok{};
}

Result<Stmt> Db::Prepare(const std::string& sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return Stmt(this, it->second);
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return SqliteError(rc, db_, "");
  cache_.emplace(sql, s);
  return Stmt(this, s);
}

Result<std::int64_t> Db::QueryInt(const std::string& sql) {
  auto s = Prepare(sql);
  if (!s.ok()) return s.error();
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  return row.value() ? s.value().Int(0) : 0;
}

Result<WriteTransaction> WriteTransaction::Begin(Db& db) {
  if (auto r = db.Exec("BEGIN IMMEDIATE"); !r.ok()) return r.error();
  return WriteTransaction(&db);
}

WriteTransaction::~WriteTransaction() {
  if (db_ != nullptr) db_->Exec("ROLLBACK");  // best effort: SQLite may have rolled back
}

Result<Ok> WriteTransaction::Commit() {
  Db* db = db_;
  auto r = db->Exec("COMMIT");
  // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open: keep db_ so the
  // destructor rolls it back.
  if (r.ok()) db_ = nullptr;
  return r;
}

}  // namespace dondoc::store
