// SqliteStore: opening, reads and the integrity check. Tested by sqlite_store_test.cc and
// bad_input_test.cc.
#include "store/sqlite_store.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "parse/symbol.h"
#include "store/migrations.h"

namespace dondoc::store {
namespace {

// The DocumentRow columns, in ReadRow's order, for any query over `documents d`.
constexpr const char* kRowColumns =
    "d.id, d.number, d.type, d.type_name, d.date, d.issuer, d.issuer_parent, d.place, d.title, "
    "d.kind, d.path, d.sha256, d.parser_version, d.ingested_at";

DocumentRow ReadRow(const Stmt& s) {
  DocumentRow r;
  r.id = s.Int(0);
  r.number = s.Text(1);
  r.type = s.Text(2);
  r.type_name = s.Text(3);
  r.date = s.Text(4);
  r.issuer = s.Text(5);
  r.issuer_parent = s.Text(6);
  r.place = s.Text(7);
  r.title = s.Text(8);
  r.kind = s.Text(9);
  r.path = s.Text(10);
  r.sha256 = s.Text(11);
  r.parser_version = s.Text(12);
  r.ingested_at = s.Text(13);
  return r;
}

}  // namespace

std::string RowColumns() { return kRowColumns; }
DocumentRow ReadDocumentRow(const Stmt& s) { return ReadRow(s); }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && !options.create) return Error{"not_found", "no such database"};
  if (exists && S_ISDIR(st.st_mode)) return Error{"is_directory", "is a directory, not a database"};
  DbOptions o;
  o.busy_timeout_ms = options.busy_timeout_ms;
  auto db = Db::Open(path, o);
  if (!db.ok()) return db.error();
  if (options.max_page_count > 0) {
    if (auto r =
            db.value()->Exec("PRAGMA max_page_count=" + std::to_string(options.max_page_count));
        !r.ok()) {
      return r.error();
    }
  }
  if (options.bulk_writer) {
    // temp_store=MEMORY keeps the savepoint journal in memory: Put rolls back a refused
    // document to its own SAVEPOINT, so SQLite saves the original of every page a document
    // first changes, and past 64 KB it wrote them to a temporary file, a pwrite per page
    // (122 MB in 10 s of a 20,000-document ingest, more than the WAL: docs/search.md).
    // secure_delete=FAST: Debian builds SQLite with secure_delete on, which zeroes every page
    // freed to the freelist, and writes it out (WAL, then checkpoint). FTS5's merges free
    // every segment they merge, whose pages were then written once more, as zeros. FAST still
    // zeroes deleted content inside pages that are written anyway.
    if (auto r = db.value()->Exec(
            "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=FAST");
        !r.ok()) {
      return r.error();
    }
  }
  if (auto r = Migrate(*db.value()); !r.ok()) return r.error();
  auto store = std::make_unique<SqliteStore>(std::move(db.value()));
  if (options.bulk_writer) {
    if (auto r = store->CheckpointInBackground({}); !r.ok()) return r.error();
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<Ok> SqliteStore::CheckpointInBackground(const WalCheckpointerOptions& options) {
  checkpointer_.reset();  // one at a time: its destructor unhooks the connection
  auto c = WalCheckpointer::Start(*db_, options);
  if (!c.ok()) return c.error();
  checkpointer_ = std::move(c.value());
  return Ok{};
}

Result<bool> SqliteStore::HasDocument(const std::string& sha256) {
  auto s = db_->Prepare("SELECT 1 FROM documents WHERE sha256 = ?1");
  if (!s.ok()) return s.error();
  s.value().BindText(1, sha256);
  return s.value().Step();
}

Result<std::vector<std::int64_t>> SqliteStore::DocumentIds() {
  auto s = db_->Prepare("SELECT id FROM documents ORDER BY id");
  if (!s.ok()) return s.error();
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return ids;
    ids.push_back(s.value().Int(0));
  }
}

Result<StoredText> SqliteStore::GetText(std::int64_t id) {
  auto s = db_->Prepare(
      "SELECT path, sha256, format, encoding, text, read_warnings FROM documents WHERE id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"not_found", "no document #" + std::to_string(id)};
  StoredText t;
  t.id = id;
  t.path = s.value().Text(0);
  t.sha256 = s.value().Text(1);
  t.format = s.value().Text(2);
  t.encoding = s.value().Text(3);
  t.text = s.value().Text(4);
  const auto ws = nlohmann::json::parse(s.value().Text(5), nullptr, /*allow_exceptions=*/false);
  if (ws.is_array()) {
    for (const auto& w : ws) {
      Warning x;
      x.code = w.value("code", "");
      x.message = w.value("message", "");
      if (w.contains("span") && w["span"].is_array() && w["span"].size() == 2) {
        x.span = {w["span"][0].get<std::uint32_t>(), w["span"][1].get<std::uint32_t>()};
      }
      t.read_warnings.push_back(std::move(x));
    }
  }
  return t;
}

Result<bool> SqliteStore::Empty() {
  auto n = db_->QueryInt("SELECT NOT EXISTS (SELECT 1 FROM documents)");
  if (!n.ok()) return n.error();
  return n.value() != 0;
}

Result<Counts> SqliteStore::Count() {
  Counts c;
  const std::pair<const char*, std::int64_t*> counts[] = {
      {"SELECT count(*) FROM documents", &c.documents},
      {"SELECT count(*) FROM refs", &c.refs},
      {"SELECT count(*) FROM tasks", &c.tasks},
      {"SELECT count(*) FROM times", &c.times}};
  for (const auto& [sql, out] : counts) {
    auto n = db_->QueryInt(sql);
    if (!n.ok()) return n.error();
    *out = n.value();
  }
  return c;
}

Result<std::vector<DocumentRow>> SqliteStore::FindByNumber(const std::string& number) {
  auto s = db_->Prepare(std::string("SELECT ") + kRowColumns +
                        " FROM documents d WHERE d.number_key = ?1 ORDER BY d.date, d.id");
  if (!s.ok()) return s.error();
  s.value().BindText(1, parse::SymbolKey(number));
  std::vector<DocumentRow> out;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back(ReadRow(s.value()));
  }
}

Result<DocumentDetail> SqliteStore::GetDocument(std::int64_t id, int max_tasks) {
  DocumentDetail d;
  {
    auto s = db_->Prepare(std::string("SELECT ") + kRowColumns +
                          ", (SELECT count(*) FROM tasks WHERE document_id = d.id)"
                          ", (SELECT count(*) FROM refs WHERE document_id = d.id)"
                          ", (SELECT count(*) FROM times WHERE document_id = d.id)"
                          ", (SELECT count(*) FROM reporting WHERE document_id = d.id)"
                          " FROM documents d WHERE d.id = ?1");
    if (!s.ok()) return s.error();
    s.value().Bind(1, id);
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return Error{"not_found", "no document #" + std::to_string(id)};
    d.row = ReadRow(s.value());
    d.task_count = s.value().Int(14);
    d.ref_count = s.value().Int(15);
    d.time_count = s.value().Int(16);
    d.reporting_count = s.value().Int(17);
  }
  {
    auto s = db_->Prepare(
        "SELECT t.path, t.action, coalesce(t.due_date, tm.text), "
        "(SELECT group_concat(tu.name || ' [' || tu.role || ']', ', ') FROM task_units tu "
        "WHERE tu.task_id = t.id) FROM tasks t LEFT JOIN times tm "
        "ON tm.document_id = t.document_id AND tm.ord = t.due_ord "
        "WHERE t.document_id = ?1 ORDER BY t.ord LIMIT ?2");
    if (!s.ok()) return s.error();
    s.value().Bind(1, id).Bind(2, std::int64_t{max_tasks});
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      d.tasks.push_back(
          {s.value().Text(0), s.value().Text(1), s.value().Text(2), s.value().Text(3)});
    }
  }
  {
    auto s = db_->Prepare(
        "SELECT number, type, date, issuer, name, edge, target, status FROM refs "
        "WHERE document_id = ?1 ORDER BY ord");
    if (!s.ok()) return s.error();
    s.value().Bind(1, id);
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      RefRow r{s.value().Text(0), s.value().Text(1), s.value().Text(2), s.value().Text(3),
               s.value().Text(4), s.value().Text(5), std::nullopt,      s.value().Text(7)};
      if (!s.value().IsNull(6)) r.target_id = s.value().Int(6);
      d.refs.push_back(std::move(r));
    }
  }
  return d;
}

Result<std::vector<std::string>> SqliteStore::Check() {
  std::vector<std::string> problems;
  {
    // Page-level: b-trees, free list, indexes against their tables, STRICT types, NOT NULL.
    auto s = db_->Prepare("PRAGMA integrity_check(100)");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      if (s.value().Text(0) != "ok") problems.push_back("integrity: " + s.value().Text(0));
    }
  }
  {
    auto s = db_->Prepare("PRAGMA foreign_key_check");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      problems.push_back("foreign key: " + s.value().Text(0) + " row " + s.value().Text(1) +
                         " points to a missing " + s.value().Text(2) + " row");
    }
  }
  // FTS5: the index is consistent and (rank 1) agrees with the documents it indexes.
  if (auto r =
          db_->Exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
      !r.ok()) {
    if (r.error().code != "corrupt") return r.error();
    problems.push_back("full-text index: " + r.error().message +
                       " (rebuild: INSERT INTO documents_fts(documents_fts) VALUES('rebuild'))");
  }
  auto version = db_->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.error();
  if (version.value() != SchemaVersion()) {
    problems.push_back("schema version " + std::to_string(version.value()) + ", expected " +
                       std::to_string(SchemaVersion()));
  }
  return problems;
}

}  // namespace dondoc::store
