// The reads behind the web page's document list and document view: a page of documents
// without a search text, one document's stored parse, and the read-only open the server uses.
// Tested by sqlite_list_test.cc.
#include <sys/stat.h>

#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace dondoc::store {

Result<std::unique_ptr<Store>> OpenSqliteStoreReadOnly(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Error{"not_found", "no such database"};
  if (S_ISDIR(st.st_mode)) return Error{"is_directory", "is a directory, not a database"};
  DbOptions o;
  o.read_only = true;
  auto db = Db::Open(path, o);
  if (!db.ok()) return db.error();
  // A reader cannot migrate; an older or newer file would fail later with a confusing
  // "no such column", so say it here, once, at start-up.
  auto version = db.value()->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.error();
  if (version.value() != SchemaVersion()) {
    return Error{"schema_mismatch", "database schema v" + std::to_string(version.value()) +
                                        ", this build reads v" + std::to_string(SchemaVersion())};
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(db.value())));
}

Result<DocumentPage> SqliteStore::ListDocuments(const ListQuery& q) {
  // The same filter spelling as Search (NULL parameter = no filter), so a type or year means
  // the same thing with and without a search text.
  constexpr const char* kWhere =
      " WHERE (?1 IS NULL OR d.type_key = ?1) AND (?2 IS NULL OR d.year = ?2)";
  const std::string type_key = text::Fold(q.type);
  const std::optional<std::int64_t> year =
      q.year ? std::optional<std::int64_t>(*q.year) : std::nullopt;
  DocumentPage page;
  {
    auto s = db_->Prepare(std::string("SELECT count(*) FROM documents d") + kWhere);
    if (!s.ok()) return s.error();
    s.value().Bind(1, type_key).Bind(2, year);
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    page.total = s.value().Int(0);
  }
  auto s = db_->Prepare("SELECT " + RowColumns() + " FROM documents d" + kWhere +
                        " ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ?3 OFFSET ?4");
  if (!s.ok()) return s.error();
  s.value()
      .Bind(1, type_key)
      .Bind(2, year)
      .Bind(3, std::int64_t{q.limit})
      .Bind(4, std::int64_t{q.offset});
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return page;
    page.rows.push_back(ReadDocumentRow(s.value()));
  }
}

Result<std::string> SqliteStore::GetParseJson(std::int64_t id) {
  auto s = db_->Prepare("SELECT parse_json FROM documents WHERE id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error{"not_found", "no document #" + std::to_string(id)};
  return s.value().Text(0);
}

}  // namespace dondoc::store
