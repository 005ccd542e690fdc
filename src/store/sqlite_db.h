// A thin RAII layer over one SQLite connection: opening with the project's pragmas, a cache of
// prepared statements, and SQLite result codes turned into Error values. Only store/ sees it.
// Tested through sqlite_store_test.cc and bad_input_test.cc.
//
// Threading: a Db is one connection and is NOT thread-safe (opened SQLITE_OPEN_NOMUTEX); give
// every thread its own (stack-notes §3: one connection per thread, one writer at a time).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

// A SQLite result code as an Error: SQLITE_NOTADB → "not_a_database", SQLITE_BUSY/LOCKED →
// "locked", SQLITE_FULL → "disk_full", SQLITE_READONLY → "read_only", SQLITE_CANTOPEN →
// "cannot_open", SQLITE_CORRUPT → "corrupt", SQLITE_IOERR → "io_error", else "sqlite_error".
// The message is one line: what we were doing and SQLite's own words.
Error SqliteError(int rc, sqlite3* db, std::string_view doing);

class Db;

// A prepared statement borrowed from a Db's cache. Binds are 1-based like SQLite's. On
// destruction the statement is reset and its bindings cleared, so the next borrower starts
// clean even after an early return (the "reset guard").
class Stmt {
 public:
  Stmt(Stmt&& other) noexcept : db_(other.db_), s_(other.s_) { other.s_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt();

  // Empty strings bind as NULL: absent values are NULL in every table.
  Stmt& Bind(int i, std::string_view text);
  Stmt& BindText(int i, std::string_view text);   // binds "" as '' (for NOT NULL columns)
  Stmt& BindBlob(int i, std::string_view bytes);  // a BLOB, also when empty
  // Text as BindText, not copied: the bytes must live until the statement is reset. For
  // large values bound once, run and dropped (the document's text in Put's index insert).
  Stmt& BindStatic(int i, std::string_view text);
  Stmt& Bind(int i, std::int64_t v);
  Stmt& Bind(int i, std::optional<std::int64_t> v);
  Stmt& BindNull(int i);

  // One step: true when a row is ready, false when done; an Error otherwise.
  Result<bool> Step();
  // Steps to the end (for statements that return nothing, or whose rows are not needed).
  Result<Ok> Run();
  // Ready to run again with new bindings (the destructor does this too).
  void Reset();

  std::string Text(int col) const;  // NULL → ""
  std::string Blob(int col) const;  // the bytes of a BLOB (NULL → "")
  std::int64_t Int(int col) const;  // NULL → 0
  double Real(int col) const;       // NULL → 0
  bool IsNull(int col) const;

 private:
  friend class Db;
  Stmt(Db* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  Db* db_;
  sqlite3_stmt* s_;
};

struct DbOptions {
  bool read_only = false;      // open an existing database for reading only
  int busy_timeout_ms = 5000;  // how long a write waits for another writer before "locked"
};

class Db {
 public:
  // Opens (creating unless read_only) the database at `path`, registers the `vi` tokenizer
  // and sets WAL, synchronous=NORMAL, foreign_keys=ON and the busy timeout. Reads the header,
  // so a file that is not SQLite fails here with "not_a_database".
  static Result<std::unique_ptr<Db>> Open(const std::string& path, const DbOptions& options);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs SQL text with no parameters (several statements allowed).
  Result<Ok> Exec(std::string_view sql);

  // The cached statement for `sql`, prepared once with SQLITE_PREPARE_PERSISTENT. The Stmt
  // must not outlive this Db; one Stmt per SQL text may be live at a time.
  Result<Stmt> Prepare(const std::string& sql);

  // A single integer from `sql` (e.g. PRAGMA user_version, COUNT(*)).
  Result<std::int64_t> QueryInt(const std::string& sql);

  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }
  Error LastError(int rc, std::string_view doing) const { return SqliteError(rc, db_, doing); }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless committed. IMMEDIATE takes the
// write lock up front: a deferred transaction that upgrades later gets SQLITE_BUSY_SNAPSHOT
// without the busy handler ever running (stack-notes §3).
class WriteTransaction {
 public:
  static Result<WriteTransaction> Begin(Db& db);
  WriteTransaction(WriteTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  ~WriteTransaction();
  Result<Ok> Commit();

 private:
  explicit WriteTransaction(Db* db) : db_(db) {}
  Db* db_;
};

}  // namespace dondoc::store
