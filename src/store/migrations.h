// The schema as numbered migrations: migration i (1-based) takes a database from
// `PRAGMA user_version` i-1 to i. Tested by migrations_test.cc.
//
// Rules: a migration once released is never edited (a database in the field ran it); a change
// is a new migration appended to the list. Each runs in its own BEGIN IMMEDIATE transaction
// together with the user_version bump, so a crash leaves the database at a whole version.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/sqlite_db.h"

namespace dondoc::store {

// The migrations, in order. Their count is the current schema version.
const std::vector<std::string_view>& Migrations();

inline int SchemaVersion() { return static_cast<int>(Migrations().size()); }

// Brings `db` up to `target` (default: the current version) from whatever version it is at.
// Errors: "schema_too_new" when the file was written by a newer dondoc, or the SQLite error
// of the failing migration (nothing of that migration is kept).
Result<Ok> Migrate(Db& db, int target = -1);

}  // namespace dondoc::store
