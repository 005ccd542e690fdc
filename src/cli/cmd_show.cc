// dondoc show [--db PATH] NUMBER|ID
//
// A readable summary of one stored document: header fields, what it contains (tasks,
// references, deadlines, reporting duties), what it cites and its tasks in brief. An ID is
// digits (or #digits); anything else is a document number, compared as parse::SymbolKey does
// ("35/NQ-TW" finds 35-NQ/TW). When several documents share the number (Party numbers repeat
// across terms, provinces reuse 98/2025/QĐ-UBND) they are listed with their ids instead.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/doc_arg.h"
#include "cli/store_arg.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {
namespace {

constexpr int kMaxTasks = 15;

std::string Or(const std::string& s, const char* fallback = "—") {
  return s.empty() ? fallback : s;
}

std::string Cut(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t e = n;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;  // UTF-8 boundary
  return s.substr(0, e) + "…";
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

void PrintRow(const store::DocumentRow& d) {
  std::printf("  #%-6lld %s  %s  %s  %s\n", static_cast<long long>(d.id), Or(d.number).c_str(),
              Or(d.date).c_str(), Cut(Or(d.issuer), 50).c_str(),
              Cut(OneLine(Or(d.title)), 70).c_str());
}

void PrintDetail(const store::DocumentDetail& x) {
  const store::DocumentRow& d = x.row;
  std::printf("#%lld  %s %s\n", static_cast<long long>(d.id),
              Or(d.type_name, "(type not stated)").c_str(), Or(d.number, "(no number)").c_str());
  std::printf("  kind       %s\n", d.kind.c_str());
  std::printf("  issued     %s, %s\n", Or(d.place).c_str(), Or(d.date, "(no date)").c_str());
  if (!d.issuer.empty()) {
    std::printf("  issuer     %s%s%s\n", d.issuer.c_str(), d.issuer_parent.empty() ? "" : "  ← ",
                d.issuer_parent.c_str());
  }
  std::printf("  title      %s\n", Cut(OneLine(Or(d.title)), 200).c_str());
  std::printf("  contents   %lld tasks, %lld references, %lld deadlines, %lld reporting duties\n",
              static_cast<long long>(x.task_count), static_cast<long long>(x.ref_count),
              static_cast<long long>(x.time_count), static_cast<long long>(x.reporting_count));
  if (!x.refs.empty()) {
    std::string r;
    std::size_t shown = 0;
    for (const store::RefRow& ref : x.refs) {
      if (shown == 8) break;
      r += (shown++ ? "; " : "") + (ref.number.empty() ? ref.name : ref.number);
      if (ref.target_id) {
        r += " (#" + std::to_string(*ref.target_id) + ")";
      } else if (ref.status == "ambiguous") {
        r += " (ambiguous)";
      }
    }
    if (x.refs.size() > shown) r += "; … " + std::to_string(x.refs.size()) + " in all";
    std::printf("  cites      %s\n", Cut(r, 300).c_str());
  }
  for (const store::TaskRow& t : x.tasks) {
    std::printf("  task %-5s %s — %s (%s)\n", Or(t.path, "").c_str(),
                Cut(Or(t.units, "(no unit)"), 70).c_str(), Cut(OneLine(t.action), 90).c_str(),
                Or(t.due, "no deadline").c_str());
  }
  if (x.task_count > static_cast<std::int64_t>(x.tasks.size())) {
    std::printf("  …          %lld tasks in all\n", static_cast<long long>(x.task_count));
  }
  std::printf("  file       %s (sha256 %s…)\n", d.path.c_str(), d.sha256.substr(0, 12).c_str());
  std::printf("  stored     %s by %s\n", d.ingested_at.c_str(), d.parser_version.c_str());
}

}  // namespace

int CmdShow(const Args& args) {
  constexpr const char* kUsageShow = "usage: dondoc show [--db PATH] NUMBER|ID\n";
  std::string db = "dondoc.db";
  std::string what;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) {
      db = args[++i];
    } else if (args[i].size() > 1 && args[i][0] == '-' && args[i][1] == '-') {
      std::fprintf(stderr, "dondoc show: unknown option '%s'\n%s", args[i].c_str(), kUsageShow);
      return 2;
    } else {
      what += (what.empty() ? "" : " ") + args[i];  // "35 NQ TW" may come as three args
    }
  }
  if (what.empty()) {
    std::fputs(kUsageShow, stderr);
    return 2;
  }
  const std::unique_ptr<store::Store> st = OpenForCommand(db);
  if (!st) return 1;
  const std::optional<Named> named = FindNamed(*st, db, what, "show");
  if (!named) return 1;
  std::int64_t id = named->id;
  if (!named->rows.empty()) {
    const std::vector<store::DocumentRow>& found = named->rows;
    if (found.size() > 1) {
      std::printf("%zu documents have the number %s; show one by its id:\n", found.size(),
                  what.c_str());
      for (const store::DocumentRow& r : found) PrintRow(r);
      return 0;
    }
    id = found[0].id;
  }
  auto detail = st->GetDocument(id, kMaxTasks);
  if (!detail.ok()) {
    std::fprintf(stderr, "dondoc show: %s\n", detail.error().message.c_str());
    return 1;
  }
  PrintDetail(detail.value());
  return 0;
}

}  // namespace dondoc::cli
