// dondoc eval [DIR] [--source S] [--misses N]
//
// Parses every file listed in DIR/metadata.jsonl (default ../shared/corpus/dev) and prints
// per-field accuracy overall and per source, the headline for the sources with reliable
// metadata, and the first N misses per field. Exit 0 unless DIR cannot be read.
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>

#include "cli/commands.h"
#include "eval/score.h"
#include "parse/parse.h"
#include "read/file.h"

namespace dondoc::cli {
namespace {

struct Tally {
  int n = 0, ok = 0;
  void Add(std::optional<bool> r) {
    if (!r) return;
    ++n;
    ok += *r ? 1 : 0;
  }
};

using Matcher = std::function<std::optional<bool>(const Document&, const eval::Gold&)>;

struct Field {
  const char* name;
  Matcher match;
  std::function<std::string(const Document&)> ours;
  std::function<std::string(const eval::Gold&)> gold;
};

std::string Cell(const Tally& t) {
  if (t.n == 0) return "      -     ";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f (%4d)", static_cast<double>(t.ok) / t.n, t.n);
  return buf;
}

}  // namespace

int CmdEval(const Args& args) {
  std::string dir = "../shared/corpus/dev";
  std::string only_source;
  int max_misses = 5;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--source" && i + 1 < args.size()) {
      only_source = args[++i];
    } else if (args[i] == "--misses" && i + 1 < args.size()) {
      max_misses = std::atoi(args[++i].c_str());
    } else if (!args[i].empty() && args[i][0] != '-') {
      dir = args[i];
    } else {
      std::fprintf(stderr, "dondoc eval: unknown option '%s'\n", args[i].c_str());
      return 2;
    }
  }
  std::ifstream meta(dir + "/metadata.jsonl");
  if (!meta) {
    std::fprintf(stderr, "dondoc: %s/metadata.jsonl: cannot open\n", dir.c_str());
    return 1;
  }
  const std::vector<Field> fields = {
      {"number", eval::MatchNumber, [](const Document& d) { return d.number; },
       [](const eval::Gold& g) { return g.code.empty() ? g.number : g.code; }},
      {"type", eval::MatchType, [](const Document& d) { return d.type_name; },
       [](const eval::Gold& g) { return g.type; }},
      {"date", eval::MatchDate, [](const Document& d) { return d.date; },
       [](const eval::Gold& g) { return g.date; }},
      {"year", eval::MatchYear, [](const Document& d) { return d.date; },
       [](const eval::Gold& g) { return std::to_string(g.year); }},
      {"issuer", eval::MatchIssuer,
       [](const Document& d) {
         return d.issuer
                    ? d.issuer->parent + (d.issuer->parent.empty() ? "" : " / ") + d.issuer->name
                    : std::string();
       },
       [](const eval::Gold& g) { return g.issuer; }},
      {"title", eval::MatchTitle, [](const Document& d) { return d.title.substr(0, 120); },
       [](const eval::Gold& g) { return g.title.substr(0, 120); }},
      {"title~", eval::MatchTitleContained,
       [](const Document& d) { return d.title.substr(0, 120); },
       [](const eval::Gold& g) { return g.title.substr(0, 120); }},
  };
  // tallies[field][source]; source "" = all.
  std::vector<std::map<std::string, Tally>> tallies(fields.size());
  std::vector<std::vector<std::string>> misses(fields.size());
  std::map<std::string, int> docs_per_source;
  int docs = 0, unreadable = 0;
  std::string line;
  while (std::getline(meta, line)) {
    auto gold = eval::ParseGoldLine(line);
    if (!gold || (!only_source.empty() && gold->source != only_source)) continue;
    auto in = read::ReadDocument(dir + "/" + gold->file);
    ++docs;
    ++docs_per_source[gold->source];
    if (!in.ok()) {
      ++unreadable;
      std::fprintf(stderr, "dondoc: %s: %s\n", gold->file.c_str(), in.error().message.c_str());
      continue;
    }
    const Document d = parse::Parse(in.value().text, in.value().source);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto r = fields[f].match(d, *gold);
      tallies[f][""].Add(r);
      tallies[f][gold->source].Add(r);
      if (r && !*r && static_cast<int>(misses[f].size()) < max_misses * 20) {
        misses[f].push_back(gold->file + "\n      ours: " + fields[f].ours(d) +
                            "\n      gold: " + fields[f].gold(*gold));
      }
    }
  }
  std::printf("dondoc eval: %d documents from %s/metadata.jsonl (%d unreadable)\n", docs,
              dir.c_str(), unreadable);
  std::printf("accuracy (documents scored) — a field counts only where the metadata has it\n\n");
  std::printf("%-8s %-13s", "field", "all");
  for (const auto& [src, n] : docs_per_source) std::printf(" %-13s", src.c_str());
  std::printf("\n");
  for (std::size_t f = 0; f < fields.size(); ++f) {
    std::printf("%-8s %s", fields[f].name, Cell(tallies[f][""]).c_str());
    for (const auto& [src, n] : docs_per_source) {
      std::printf("  %s", Cell(tallies[f][src]).c_str());
    }
    std::printf("\n");
  }
  // Headline: the sources with reliable metadata (pjj and rag are OCR / header-less).
  std::printf("\nheadline (tnt vlc jp cb dv):");
  for (std::size_t f = 0; f < fields.size(); ++f) {
    Tally t;
    for (const char* s : {"tnt", "vlc", "jp", "cb", "dv"}) {
      t.n += tallies[f][s].n;
      t.ok += tallies[f][s].ok;
    }
    if (t.n > 0) std::printf("  %s %.3f", fields[f].name, static_cast<double>(t.ok) / t.n);
  }
  std::printf("\n");
  if (max_misses > 0) {
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (misses[f].empty()) continue;
      std::printf("\nmisses: %s (first %d)\n", fields[f].name, max_misses);
      for (int k = 0; k < max_misses && k < static_cast<int>(misses[f].size()); ++k) {
        std::printf("  %s\n", misses[f][static_cast<std::size_t>(k)].c_str());
      }
    }
  }
  return 0;
}

}  // namespace dondoc::cli
