// dondoc eval-tasks [GOLD_DIR] [--corpus DIR] [--misses]
//
// Scores the tasks extractor against the hand-annotated gold set (default
// tests/data/tasks-gold, one JSON file per document; rules in its README.md) over the corpus
// (default ../shared/corpus/dev). Prints one line per document — gold and predicted tasks and
// units in scope, units P/R/F1, role accuracy, time accuracy — and the overall figures,
// summed over documents (micro-averaged). What each figure forgives: eval/tasks_score.h.
// --misses lists, under each document, the gold units not found, the predicted units matching
// none, the wrong roles and the wrong due dates.
// Exit 0 unless a gold file or a corpus file cannot be read (the others are still scored).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "eval/tasks_score.h"
#include "parse/parse.h"
#include "read/file.h"

namespace dondoc::cli {
namespace {

std::string Pct(int num, int den) {
  if (den == 0) return "    -";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.3f", static_cast<double>(num) / den);
  return buf;
}

void PrintRow(const std::string& name, const eval::TasksScore& s) {
  const std::string f1 = s.gold_units + s.pred_units == 0
                             ? "    -"
                             : Pct(2 * s.matched_units, s.gold_units + s.pred_units);
  std::printf("%-40s %4d %4d %4d %5d %5d %s %s %s %s %s%s\n", name.substr(0, 40).c_str(),
              s.gold_tasks, s.pred_tasks, s.aligned_tasks, s.gold_units, s.pred_units,
              Pct(s.matched_units, s.pred_units).c_str(),
              Pct(s.matched_units, s.gold_units).c_str(), f1.c_str(),
              Pct(s.same_role, s.matched_units).c_str(), Pct(s.time_ok, s.gold_dated).c_str(),
              s.scope_found ? "" : "  (scope not found: whole document scored)");
}

}  // namespace

int CmdEvalTasks(const Args& args) {
  std::string gold_dir = "tests/data/tasks-gold";
  std::string corpus = "../shared/corpus/dev";
  bool show_misses = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--corpus" && i + 1 < args.size()) {
      corpus = args[++i];
    } else if (args[i] == "--misses") {
      show_misses = true;
    } else if (!args[i].empty() && args[i][0] != '-') {
      gold_dir = args[i];
    } else {
      std::fprintf(stderr, "dondoc eval-tasks: unknown option '%s'\n", args[i].c_str());
      return 2;
    }
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(gold_dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) {
    std::fprintf(stderr, "dondoc: %s: %s\n", gold_dir.c_str(), ec.message().c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());

  std::printf("dondoc eval-tasks: %zu gold files in %s, corpus %s\n\n", files.size(),
              gold_dir.c_str(), corpus.c_str());
  std::printf("%-40s %4s %4s %4s %5s %5s %5s %5s %5s %5s %5s\n", "document", "gT", "pT", "aT", "gU",
              "pU", "U-P", "U-R", "U-F1", "role", "time");
  eval::TasksScore total;
  int failed = 0, scored = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string error;
    const auto gold = in ? eval::ParseTasksGold(ss.str(), &error) : std::nullopt;
    if (!gold) {
      std::fprintf(stderr, "dondoc: %s: %s\n", path.string().c_str(),
                   in ? error.c_str() : "cannot open");
      ++failed;
      continue;
    }
    const auto input = read::ReadDocument(corpus + "/" + gold->file);
    if (!input.ok()) {
      std::fprintf(stderr, "dondoc: %s: %s\n", gold->file.c_str(), input.error().message.c_str());
      ++failed;
      continue;
    }
    const Document doc = parse::Parse(input.value().text, input.value().source);
    std::vector<std::string> misses;
    const eval::TasksScore s =
        eval::ScoreTasks(*gold, doc, input.value().text, show_misses ? &misses : nullptr);
    PrintRow(path.stem().string(), s);
    for (const std::string& m : misses) std::printf("    %s\n", m.c_str());
    total.Add(s);
    ++scored;
  }
  std::printf("\n");
  PrintRow("ALL (" + std::to_string(scored) + " documents)", total);
  std::printf(
      "\noverall: units P %.3f R %.3f F1 %.3f | roles %.3f (of %d matched units) | times "
      "%.3f (of %d dated gold tasks) | tasks aligned P %.3f R %.3f\n",
      total.UnitPrecision(), total.UnitRecall(), total.UnitF1(), total.RoleAccuracy(),
      total.matched_units, total.TimeAccuracy(), total.gold_dated, total.TaskPrecision(),
      total.TaskRecall());
  std::printf(
      "columns: gT/pT gold/predicted tasks in scope, aT aligned tasks, gU/pU units; role = "
      "same role among matched units; time = due date right among dated gold tasks\n");
  return failed > 0 ? 1 : 0;
}

}  // namespace dondoc::cli
