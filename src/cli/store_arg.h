// What the store commands (db, search, show, graph) share: opening the database they are given
// and finding the document a user names. Errors are printed here, one line each, so every
// command words them alike.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace dondoc::cli {

// The database at `db`, opened without creating it (a missing file is an error, not a new
// empty database). On failure prints "dondoc: DB: reason" and returns null.
std::unique_ptr<store::Store> OpenForCommand(const std::string& db);

// The document(s) `what` names: an id ("12", "#12": `id` set, `rows` empty) or a number
// (`rows`: every stored document with that number, at least one). On failure prints one line —
// "dondoc: DB: reason" for a database error, "dondoc CMD: no stored document has the number
// 'X'" for none — and returns nullopt.
struct Named {
  std::int64_t id = 0;
  std::vector<store::DocumentRow> rows;
};
std::optional<Named> FindNamed(store::Store& st, const std::string& db, const std::string& what,
                               const char* cmd);

}  // namespace dondoc::cli
