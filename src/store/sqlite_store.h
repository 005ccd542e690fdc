// The SQLite back-end of Store: one file, WAL, STRICT tables, numbered migrations
// (migrations.h), the `vi` full-text tokenizer (fts_tokenizer.h). Tested by
// sqlite_store_test.cc, search_test.cc and bad_input_test.cc.
//
// Files: sqlite_store.cc (open, reads, check), sqlite_write.cc (Put), sqlite_search.cc
// (Search), sqlite_graph.cc (copies, reference resolution, edges). Costs: opening is ~1 ms
// (pragmas, schema check); Put of a batch is one transaction and one fsync-free commit
// (synchronous=NORMAL).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/result.h"
#include "store/resolve.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/wal_checkpointer.h"

namespace dondoc::store {

struct SqliteOptions {
  bool create = true;          // create the file when missing (ingest); else "not_found"
  int busy_timeout_ms = 5000;  // how long a write waits for another writer
  // Caps the database at this many pages (PRAGMA max_page_count, per connection): how the
  // tests make the disk "full". 0 = SQLite's default (no practical cap).
  long max_page_count = 0;
  // For the one writer of a bulk ingest: a 64 MB page cache (SQLite's default is 2 MB, and
  // the FTS5 index's b-tree pages are rewritten by every batch) and its WAL checkpoints run on
  // a thread of their own (wal_checkpointer.h), so copying pages into the database overlaps
  // the writer's work. Durability is unchanged: each commit is still in the WAL.
  bool bulk_writer = false;
};

// Opens the database at `path`, creating it and migrating it to the current schema as
// needed. Errors (one line, the file name left to the caller): "not_found", "not_a_database",
// "cannot_open", "read_only", "locked", "schema_too_new", …
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options = {});

// Opens an existing database for reading only (the server's document routes): never creates,
// never migrates, so a reader cannot change the file. Errors as above, and "schema_mismatch"
// when the file is not at this build's schema version (`dondoc ingest` with this build migrates).
Result<std::unique_ptr<Store>> OpenSqliteStoreReadOnly(const std::string& path);

// How many candidates a search ranks (sqlite_search.cc says why it is bounded): the newest
// `body` matches, or with filters the newest `filtered` matches that pass them (each one a
// row read; FTS5 gives only rows that pass, the filters being words of its `filters`
// column since migration v6). Tests lower them to reach the bounded path on a few documents.
struct SearchBounds {
  std::int64_t body = 500;
  std::int64_t filtered = 100;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  void SetSearchBounds(const SearchBounds& b) { bounds_ = b; }
  // Moves this connection's WAL checkpoints to a background thread (bulk_writer does this).
  Result<Ok> CheckpointInBackground(const WalCheckpointerOptions& options);

  Result<bool> Empty() override;
  Result<bool> HasDocument(const std::string& sha256) override;
  Result<std::vector<PutResult>> Put(const std::vector<NewDocument>& docs,
                                     const std::vector<Failure>& failures, bool replace) override;
  Result<std::vector<std::int64_t>> DocumentIds() override;
  Result<StoredText> GetText(std::int64_t id) override;
  Result<Counts> Count() override;
  Result<SearchResult> Search(const SearchQuery& query) override;
  Result<std::vector<DocumentRow>> FindByNumber(const std::string& number) override;
  Result<DocumentDetail> GetDocument(std::int64_t id, int max_tasks) override;
  Result<std::vector<std::string>> Check() override;
  Result<DocumentPage> ListDocuments(const ListQuery& query) override;  // sqlite_list.cc
  Result<std::string> GetParseJson(std::int64_t id) override;           // sqlite_list.cc
  Result<GraphNode> GetNode(std::int64_t id) override;
  Result<std::vector<GraphEdge>> EdgesFrom(std::int64_t node) override;
  Result<std::vector<GraphEdge>> EdgesTo(std::int64_t node) override;
  Result<Ok> ResolveAll() override;

  Db& db() { return *db_; }

 private:
  // sqlite_write.cc
  // `k`: d's keys (DeriveKeys), as d brought them or derived by Put.
  Result<std::int64_t> InsertDocument(const NewDocument& d, const NewDocument::Keys& k,
                                      const std::string& now);
  Result<Ok> ReplaceDocument(std::int64_t id, const NewDocument& d, const NewDocument::Keys& k,
                             const std::string& now);
  // `resolved`: for a new document, its references' resolutions (ResolveOwn), written with
  // them; null writes them pending, for Link to resolve.
  Result<Ok> InsertChildren(std::int64_t id, const NewDocument& d, const NewDocument::Keys& k,
                            const std::vector<std::optional<Resolution>>* resolved);
  Result<std::optional<std::int64_t>> UnitId(const std::string& name, const std::string& unit_id);
  // Runs a statement without parameters from the statement cache (Put's savepoints).
  Result<Ok> RunCached(const char* sql);
  Result<Ok> Log(const std::string& now, const std::string& path, const std::string& sha256,
                 const char* status, const std::string& code, const std::string& message,
                 std::optional<std::int64_t> document_id);
  // sqlite_graph.cc. A new document: FindNode before its row is written (so the row is
  // written once), ResolveOwn after it (its references, resolved before they are written, so
  // each is written once), Arrive once they are: the stored references to its number that it
  // may change. A re-parsed one: Link finds its node again and resolves every reference to its
  // old and new number (its facts may have changed).
  Result<std::optional<std::int64_t>> FindNode(std::int64_t id, const std::string& number_key,
                                               const std::string& date, const std::string& issuer);
  // One per reference of `doc`, citing node `node`; nullopt for those with no number key.
  // `keys`: the references' number keys, in order (NewDocument::Keys::ref_keys).
  Result<std::vector<std::optional<Resolution>>> ResolveOwn(const Document& doc,
                                                            const std::vector<std::string>& keys,
                                                            std::int64_t node);
  // `issuer`: issuer, parent and place joined by spaces, as a Candidate's.
  Result<Ok> Arrive(std::int64_t id, std::int64_t node, const std::string& key,
                    const std::string& date, const std::string& issuer);
  Result<Ok> Link(std::int64_t id, const std::string& old_number_key);
  Result<std::int64_t> SetNode(std::int64_t id, const std::string& number_key,
                               const std::string& date, const std::string& issuer);
  Result<Ok> ResolveWhere(const std::string& where, std::int64_t id, const std::string& key);
  // sqlite_search.cc
  // `cited`: the candidates are the documents whose filter words hold `number_key`
  // (NumberWord) rather than those matching `match` (whose phrases still cut the snippets).
  Result<std::vector<SearchHit>> RunSearch(const std::string& match, const std::string& number_key,
                                           const SearchQuery& q, bool cited);

  std::unique_ptr<Db> db_;
  SearchBounds bounds_;
  // UnitId's rows by folded name: the id, and whether the row has a unit_id (else a later
  // name with one still updates it). Units are never deleted, but a row inserted in a
  // transaction or savepoint that rolls back is gone: the cache is emptied on ROLLBACK TO
  // and by the Put after one whose transaction did not commit (units_committed_ false).
  struct CachedUnit {
    std::int64_t id;
    bool has_unit_id;
  };
  std::unordered_map<std::string, CachedUnit> units_;
  bool units_committed_ = true;
  // After db_: stopped (and the writer unhooked) before the writer's connection closes.
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

// Shared by the sqlite_*.cc files: the DocumentRow columns of a query over `documents d`
// (14 of them, first in the SELECT), and reading them back.
std::string RowColumns();
DocumentRow ReadDocumentRow(const Stmt& s);

}  // namespace dondoc::store
