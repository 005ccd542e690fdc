#include "cli/store_arg.h"

#include <cstdio>

#include "cli/doc_arg.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {

std::unique_ptr<store::Store> OpenForCommand(const std::string& db) {
  store::SqliteOptions o;
  o.create = false;
  auto st = store::OpenSqliteStore(db, o);
  if (!st.ok()) {
    std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), st.error().message.c_str());
    return nullptr;
  }
  return std::move(st.value());
}

std::optional<Named> FindNamed(store::Store& st, const std::string& db, const std::string& what,
                               const char* cmd) {
  Named n;
  if (IsDocumentId(what, &n.id)) return n;
  auto found = st.FindByNumber(what);
  if (!found.ok()) {
    std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), found.error().message.c_str());
    return std::nullopt;
  }
  if (found.value().empty()) {
    std::fprintf(stderr, "dondoc %s: no stored document has the number '%s'\n", cmd, what.c_str());
    return std::nullopt;
  }
  n.rows = std::move(found.value());
  return n;
}

}  // namespace dondoc::cli
