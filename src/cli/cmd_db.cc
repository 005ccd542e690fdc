// dondoc db check [--db PATH]
// dondoc db resolve [--db PATH]
//
// resolve: finds copies and every reference's target again (Store::ResolveAll), for a
// database stored before the graph was resolved at ingest (schema < 3).
//
// check: // The database's integrity: SQLite's integrity_check (pages, indexes, STRICT types),
// foreign_key_check, the FTS5 index against the documents, and the schema version. Prints
// "ok: …" and exits 0, or one line per problem and exits 1.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/store_arg.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {

int CmdDb(const Args& args) {
  constexpr const char* kUsageDb = "usage: dondoc db check|resolve [--db PATH]\n";
  if (args.empty() || (args[0] != "check" && args[0] != "resolve")) {
    std::fputs(kUsageDb, stderr);
    return 2;
  }
  std::string db = "dondoc.db";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) {
      db = args[++i];
    } else {
      std::fprintf(stderr, "dondoc db %s: unexpected '%s'\n%s", args[0].c_str(), args[i].c_str(),
                   kUsageDb);
      return 2;
    }
  }
  const std::unique_ptr<store::Store> st = OpenForCommand(db);
  if (!st) return 1;
  if (args[0] == "resolve") {
    if (auto r = st->ResolveAll(); !r.ok()) {
      std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), r.error().message.c_str());
      return 1;
    }
    std::printf("ok: %s: references resolved again\n", db.c_str());
    return 0;
  }
  auto problems = st->Check();
  if (!problems.ok()) {
    std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), problems.error().message.c_str());
    return 1;
  }
  if (!problems.value().empty()) {
    for (const std::string& p : problems.value()) std::printf("%s: %s\n", db.c_str(), p.c_str());
    std::printf("%s: %zu problem%s\n", db.c_str(), problems.value().size(),
                problems.value().size() == 1 ? "" : "s");
    return 1;
  }
  auto c = st->Count();
  std::printf("ok: %s (%lld documents, %lld references, %lld tasks)\n", db.c_str(),
              c.ok() ? static_cast<long long>(c.value().documents) : -1LL,
              c.ok() ? static_cast<long long>(c.value().refs) : -1LL,
              c.ok() ? static_cast<long long>(c.value().tasks) : -1LL);
  return 0;
}

}  // namespace dondoc::cli
