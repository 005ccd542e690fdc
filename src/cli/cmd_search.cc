// dondoc search [--db PATH] QUERY... [--type T] [--issuer S] [--year Y] [--unit U]
//               [--limit N] [--json]
//
// Full-text and number search over the stored documents (how the query is read:
// store/search.h). Prints one block per hit — number, type, date, issuer, title, a snippet
// with the matched words marked — or, with --json, one JSON object with the hits. Exit 0 with
// hits, 1 with none or on error.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/store_arg.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageSearch =
    "usage: dondoc search [--db PATH] QUERY... [--type T] [--issuer S] [--year Y] [--unit U]\n"
    "                     [--limit N] [--json]\n"
    "  QUERY: words without diacritics are fine; a run of words is a phrase; separate\n"
    "  phrases with ',' or quote them; a document number (35-NQ/TW, 35 NQ TW) also matches\n"
    "  the document with that number\n";

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

nlohmann::ordered_json HitJson(const store::SearchHit& h) {
  auto null_if_empty = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
  };
  return {{"id", h.row.id},
          {"number", null_if_empty(h.row.number)},
          {"type", null_if_empty(h.row.type)},
          {"date", null_if_empty(h.row.date)},
          {"issuer", null_if_empty(h.row.issuer)},
          {"title", null_if_empty(h.row.title)},
          {"snippet", null_if_empty(OneLine(h.snippet))},
          {"number_match", h.number_match},
          {"score", h.score},
          {"path", h.row.path}};
}

}  // namespace

int CmdSearch(const Args& args) {
  std::string db = "dondoc.db";
  store::SearchQuery q;
  bool json = false;
  std::string text;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool takes_value = a == "--db" || a == "--type" || a == "--issuer" || a == "--year" ||
                             a == "--unit" || a == "--limit";
    if (takes_value && i + 1 >= args.size()) {
      std::fprintf(stderr, "dondoc search: %s needs a value\n%s", a.c_str(), kUsageSearch);
      return 2;
    }
    if (a == "--db") {
      db = args[++i];
    } else if (a == "--type") {
      q.type = args[++i];
    } else if (a == "--issuer") {
      q.issuer = args[++i];
    } else if (a == "--unit") {
      q.unit = args[++i];
    } else if (a == "--year" || a == "--limit") {
      const std::string& v = args[++i];
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n <= 0 || n > 1000000) {
        std::fprintf(stderr, "dondoc search: %s needs a positive number, not '%s'\n", a.c_str(),
                     v.c_str());
        return 2;
      }
      if (a == "--year") {
        q.year = static_cast<int>(n);
      } else {
        q.limit = static_cast<int>(n);
      }
    } else if (a == "--json") {
      json = true;
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      std::fprintf(stderr, "dondoc search: unknown option '%s'\n%s", a.c_str(), kUsageSearch);
      return 2;
    } else {
      text += (text.empty() ? "" : " ") + a;
    }
  }
  if (text.empty()) {
    std::fputs(kUsageSearch, stderr);
    return 2;
  }
  const bool tty = !json && isatty(STDOUT_FILENO) == 1;
  q.text = text;
  q.mark_open = tty ? "\033[1m" : "«";
  q.mark_close = tty ? "\033[0m" : "»";

  const std::unique_ptr<store::Store> st = OpenForCommand(db);
  if (!st) return 1;
  const auto t0 = std::chrono::steady_clock::now();
  auto r = st->Search(q);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!r.ok()) {
    std::fprintf(stderr, "dondoc search: %s\n", r.error().message.c_str());
    return r.error().code == "empty_query" ? 2 : 1;
  }
  const store::SearchResult& res = r.value();
  if (json) {
    nlohmann::ordered_json out = {{"query", text},
                                  {"match", res.match},
                                  {"relaxed", res.relaxed},
                                  {"took_ms", ms},
                                  {"hits", nlohmann::ordered_json::array()}};
    for (const store::SearchHit& h : res.hits) out["hits"].push_back(HitJson(h));
    std::puts(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return res.hits.empty() ? 1 : 0;
  }
  if (res.relaxed) {
    std::printf("(no document has the phrase; showing documents with all the words)\n\n");
  }
  int n = 0;
  for (const store::SearchHit& h : res.hits) {
    const store::DocumentRow& d = h.row;
    std::printf("%2d. %s  %s  %s  %s  [#%lld]%s\n", ++n,
                d.number.empty() ? "(no number)" : d.number.c_str(),
                d.type.empty() ? "—" : d.type.c_str(), d.date.empty() ? "—" : d.date.c_str(),
                d.issuer.empty() ? "—" : d.issuer.c_str(), static_cast<long long>(d.id),
                h.number_match ? "  (number)" : "");
    if (!d.title.empty()) std::printf("    %s\n", OneLine(d.title).c_str());
    if (!h.snippet.empty()) std::printf("    %s\n", OneLine(h.snippet).c_str());
  }
  std::printf("%s%zu document%s in %.1f ms\n", res.hits.empty() ? "" : "\n", res.hits.size(),
              res.hits.size() == 1 ? "" : "s", ms);
  return res.hits.empty() ? 1 : 0;
}

}  // namespace dondoc::cli
