// dondoc graph [--db PATH] NUMBER|ID [--depth N] [--format text|json|dot]
//
// The citation graph around one stored document: up, what it implements / cites / amends /
// replaces, and down, what implements / cites / amends / replaces it, `--depth` levels each
// way (default 2). References whose document is not stored, or that fit several stored
// documents, are shown as placeholders. Copies of one document (same number, date, issuer)
// are one node. Tested by scripts/cli-store.sh.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/commands.h"
#include "cli/doc_arg.h"
#include "cli/store_arg.h"
#include "store/graph.h"
#include "store/sqlite_store.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageGraph =
    "usage: dondoc graph [--db PATH] NUMBER|ID [--depth N] [--format text|json|dot]\n";
constexpr int kMaxDepth = 10;

std::string OneLine(std::string s, std::size_t max) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (s.size() <= max) return s;
  std::size_t e = max;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;  // UTF-8 boundary
  return s.substr(0, e) + "…";
}

std::string NodeText(const store::GraphNode& n) {
  const store::DocumentRow& r = n.row;
  std::string s = "#" + std::to_string(r.id) + " " + (r.number.empty() ? "(no number)" : r.number);
  if (!r.date.empty()) s += " " + r.date;
  if (!r.issuer.empty()) s += " " + OneLine(r.issuer, 50);
  if (!r.title.empty()) s += " — " + OneLine(r.title, 80);
  if (n.copies.size() > 1) s += " [" + std::to_string(n.copies.size()) + " copies]";
  return s;
}

// What a placeholder edge points at, as the citing text gives it.
std::string PlaceholderText(const store::GraphEdge& e) {
  std::string s = e.number.empty() ? e.name : e.number;
  if (!e.date.empty()) s += " " + e.date;
  if (!e.issuer.empty()) s += " " + OneLine(e.issuer, 50);
  if (e.status == "ambiguous") {
    s += " (ambiguous: " + std::to_string(e.candidates) + " stored documents fit)";
  } else if (e.status == "pending") {
    s += " (not stored)";
  } else {
    s += " (by name)";
  }
  return s;
}

void PrintUp(const store::Graph& g, std::int64_t n, int indent, std::set<std::int64_t>& done) {
  if (!done.insert(n).second) return;
  for (const store::GraphEdge& e : g.up) {
    if (e.from != n) continue;
    std::printf("%*s%-10s → %s\n", indent, "", e.kind.c_str(),
                e.to ? NodeText(g.nodes.at(*e.to)).c_str() : PlaceholderText(e).c_str());
    if (e.to && g.up_level.at(*e.to) == g.up_level.at(n) + 1) PrintUp(g, *e.to, indent + 2, done);
  }
}

void PrintDown(const store::Graph& g, std::int64_t n, int indent, std::set<std::int64_t>& done) {
  if (!done.insert(n).second) return;
  for (const store::GraphEdge& e : g.down) {
    if (*e.to != n) continue;
    std::printf("%*s%-10s ← %s\n", indent, "", e.kind.c_str(),
                NodeText(g.nodes.at(e.from)).c_str());
    if (g.down_level.at(e.from) == g.down_level.at(n) + 1) PrintDown(g, e.from, indent + 2, done);
  }
}

void PrintText(const store::Graph& g) {
  std::printf("%s\n", NodeText(g.nodes.at(g.root)).c_str());
  std::printf("up (what it implements, cites, amends, replaces):\n");
  std::set<std::int64_t> done;
  if (g.up.empty()) std::printf("  (nothing)\n");
  PrintUp(g, g.root, 2, done);
  std::printf("down (what implements, cites, amends, replaces it):\n");
  done.clear();
  if (g.down.empty()) std::printf("  (nothing)\n");
  PrintDown(g, g.root, 2, done);
}

nlohmann::ordered_json EdgeJson(const store::GraphEdge& e) {
  nlohmann::ordered_json j;
  j["from"] = e.from;
  j["to"] = e.to ? nlohmann::ordered_json(*e.to) : nlohmann::ordered_json(nullptr);
  j["kind"] = e.kind;
  j["status"] = e.status.empty() ? "by_name" : e.status;
  if (e.candidates > 1) j["candidates"] = e.candidates;
  j["number"] = e.number;
  j["date"] = e.date;
  j["issuer"] = e.issuer;
  if (!e.name.empty()) j["name"] = e.name;
  return j;
}

void PrintJson(const store::Graph& g, int depth) {
  nlohmann::ordered_json j;
  j["root"] = g.root;
  j["depth"] = depth;
  j["nodes"] = nlohmann::ordered_json::array();
  for (const auto& [id, n] : g.nodes) {
    j["nodes"].push_back({{"id", id},
                          {"number", n.row.number},
                          {"type", n.row.type},
                          {"date", n.row.date},
                          {"issuer", n.row.issuer},
                          {"title", n.row.title},
                          {"copies", n.copies}});
  }
  j["up"] = nlohmann::ordered_json::array();
  for (const store::GraphEdge& e : g.up) j["up"].push_back(EdgeJson(e));
  j["down"] = nlohmann::ordered_json::array();
  for (const store::GraphEdge& e : g.down) j["down"].push_back(EdgeJson(e));
  std::puts(j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

std::string DotEscape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n') ? ' ' : c;
  }
  return out;
}

void PrintDot(const store::Graph& g) {
  std::printf("digraph dondoc {\n  rankdir=BT;\n  node [shape=box, fontsize=10];\n");
  for (const auto& [id, n] : g.nodes) {
    std::string label = (n.row.number.empty() ? "#" + std::to_string(id) : n.row.number);
    if (!n.row.date.empty()) label += "\\n" + n.row.date;
    std::printf("  n%lld [label=\"%s\"%s];\n", static_cast<long long>(id), DotEscape(label).c_str(),
                id == g.root ? ", style=bold" : "");
  }
  int placeholder = 0;
  auto edge = [&](const store::GraphEdge& e) {
    std::string to;
    if (e.to) {
      to = "n" + std::to_string(*e.to);
    } else {
      to = "p" + std::to_string(++placeholder);
      std::printf("  %s [label=\"%s\", style=dashed];\n", to.c_str(),
                  DotEscape(PlaceholderText(e)).c_str());
    }
    std::printf("  n%lld -> %s [label=\"%s\"];\n", static_cast<long long>(e.from), to.c_str(),
                e.kind.c_str());
  };
  for (const store::GraphEdge& e : g.up) edge(e);
  for (const store::GraphEdge& e : g.down) edge(e);
  std::printf("}\n");
}

}  // namespace

int CmdGraph(const Args& args) {
  std::string db = "dondoc.db", what, format = "text";
  int depth = 2;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) {
      db = args[++i];
    } else if (args[i] == "--depth" && i + 1 < args.size()) {
      const std::string& v = args[++i];
      std::int64_t n = 0;
      if (!IsDocumentId(v, &n) || v[0] == '#' || n < 1 || n > kMaxDepth) {
        std::fprintf(stderr, "dondoc graph: --depth must be a number from 1 to %d, not '%s'\n",
                     kMaxDepth, v.c_str());
        return 2;
      }
      depth = static_cast<int>(n);
    } else if (args[i] == "--format" && i + 1 < args.size()) {
      format = args[++i];
      if (format != "text" && format != "json" && format != "dot") {
        std::fprintf(stderr, "dondoc graph: --format must be text, json or dot, not '%s'\n",
                     format.c_str());
        return 2;
      }
    } else if (args[i].size() > 1 && args[i][0] == '-' && args[i][1] == '-') {
      std::fprintf(stderr, "dondoc graph: unknown option '%s'\n%s", args[i].c_str(), kUsageGraph);
      return 2;
    } else {
      what += (what.empty() ? "" : " ") + args[i];  // "35 NQ TW" may come as three args
    }
  }
  if (what.empty()) {
    std::fputs(kUsageGraph, stderr);
    return 2;
  }
  const std::unique_ptr<store::Store> st = OpenForCommand(db);
  if (!st) return 1;
  const std::optional<Named> named = FindNamed(*st, db, what, "graph");
  if (!named) return 1;
  std::int64_t id = named->id;
  if (!named->rows.empty()) {
    const std::vector<store::DocumentRow>& found = named->rows;
    // Several documents with the number are fine when they are copies of one node.
    std::set<std::int64_t> nodes;
    for (const store::DocumentRow& r : found) {
      auto n = st->GetNode(r.id);
      if (!n.ok()) {
        std::fprintf(stderr, "dondoc: %s: %s\n", db.c_str(), n.error().message.c_str());
        return 1;
      }
      nodes.insert(n.value().copies.front());
    }
    if (nodes.size() > 1) {
      std::fprintf(stderr,
                   "dondoc graph: %zu different documents have the number %s; give an id:\n",
                   nodes.size(), what.c_str());
      for (const store::DocumentRow& r : found) {
        std::fprintf(stderr, "  #%lld %s %s %s\n", static_cast<long long>(r.id), r.number.c_str(),
                     r.date.c_str(), OneLine(r.issuer, 60).c_str());
      }
      return 1;
    }
    id = *nodes.begin();
  }
  auto g = store::BuildGraph(*st, id, depth);
  if (!g.ok()) {
    std::fprintf(stderr, "dondoc graph: %s\n", g.error().message.c_str());
    return 1;
  }
  if (format == "json") {
    PrintJson(g.value(), depth);
  } else if (format == "dot") {
    PrintDot(g.value());
  } else {
    PrintText(g.value());
  }
  return 0;
}

}  // namespace dondoc::cli
