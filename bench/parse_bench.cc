// Parser throughput on a whole corpus, against a trivial pass over the same bytes.
//
//   build/release/bench/parse_bench [--benchmark_min_time=0.5] [benchmark flags]
//
// Corpus: every *.txt of $DONDOC_CORPUS, else <source dir>/../shared/corpus/dev, else
// <source dir>/samples. Each benchmark iteration processes every document once, one core:
//   baseline        count newlines + sum bytes (the floor: reading memory once)
//   decode_normalize text::Decode + text::Normalize
//   fold            text::FoldMapped of the normalized text (what matchers do)
//   parse           read::FromBytes + parse::Parse
//   parse_json      parse + parse::ToJsonString
//   stage/<name>    one extractor alone over the normalized texts (read = FromBytes of the raw
//                   bytes; references, times, tasks and reporting get the document's fold made
//                   beforehand, tasks and reporting also its operative part, timed alone as
//                   stage/operative — as parse.cc shares them), so the summary can say where
//                   the parse's time goes
// Reported as bytes/s and documents/s (items); a summary at the end gives each stage's MB/s
// and its ratio to the baseline, and, when both parse benchmarks ran, the ratio of parse to
// parse_no_tasks measured again in back-to-back pairs (PrintPairedRatio).
#include <benchmark/benchmark.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parse/header.h"
#include "parse/json.h"
#include "parse/kind.h"
#include "parse/layout.h"
#include "parse/outline.h"
#include "parse/parse.h"
#include "parse/recipients.h"
#include "parse/references.h"
#include "parse/reporting.h"
#include "parse/signers.h"
#include "parse/tasks.h"
#include "parse/tasks_scan.h"
#include "parse/times.h"
#include "read/file.h"
#include "text/decode.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "units/engine.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::string dir;
  std::vector<std::string> docs;  // raw bytes, as on disk
  std::vector<std::string> normalized;
  std::int64_t bytes = 0;
  std::int64_t normalized_bytes = 0;
  int rejected = 0;  // files FromBytes refuses (still timed: refusing is work too)
};

std::string CorpusDir() {
  if (const char* env = std::getenv("DONDOC_CORPUS"); env != nullptr && *env != '\0') return env;
  const fs::path src = DONDOC_SOURCE_DIR;
  if (const fs::path dev = src / ".." / "shared" / "corpus" / "dev"; fs::is_directory(dev)) {
    return fs::weakly_canonical(dev).string();
  }
  return (src / "samples").string();
}

Corpus Load() {
  Corpus c;
  c.dir = CorpusDir();
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(c.dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream f(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    c.bytes += static_cast<std::int64_t>(bytes.size());
    auto in = dondoc::read::FromBytes(bytes, p.filename().string());
    if (in.ok()) {
      c.normalized_bytes += static_cast<std::int64_t>(in.value().text.size());
      c.normalized.push_back(std::move(in.value().text));
    } else {
      ++c.rejected;
    }
    c.docs.push_back(std::move(bytes));
  }
  return c;
}

const Corpus& TheCorpus() {
  // The unit registry is built on its first use (~20M instructions); built here, before any
  // timed run, so that it falls into none (it fell into the first timed `parse`, lowering the
  // two-run ratio against the paired one).
  static const Corpus c = [] {
    dondoc::units::Engine::Builtin();
    return Load();
  }();
  return c;
}

void Account(benchmark::State& state, std::int64_t bytes, std::size_t docs) {
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(docs));
}

void BM_Baseline(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    std::size_t lines = 0;
    std::uint64_t sum = 0;
    for (const std::string& d : c.docs) {
      for (const char ch : d) {
        lines += ch == '\n';
        sum += static_cast<unsigned char>(ch);
      }
    }
    benchmark::DoNotOptimize(lines);
    benchmark::DoNotOptimize(sum);
  }
  Account(state, c.bytes, c.docs.size());
}

void BM_DecodeNormalize(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    for (const std::string& d : c.docs) {
      auto r = dondoc::text::Decode(d);
      if (!r.ok()) continue;
      std::string n = dondoc::text::Normalize(r.value().utf8);
      benchmark::DoNotOptimize(n.data());
    }
  }
  Account(state, c.bytes, c.docs.size());
}

void BM_Fold(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    for (const std::string& t : c.normalized) {
      auto f = dondoc::text::FoldMapped(t);
      benchmark::DoNotOptimize(f.folded.data());
    }
  }
  Account(state, c.normalized_bytes, c.normalized.size());
}

// Reads and parses every document; `tasks` toggles times/tasks/reporting, `json` adds the
// serialization. Without tasks it is what "understanding the header and structure" costs
// alone, so the summary shows what task extraction adds (issue target: the full parse stays
// ≥ 0.7× of it).
void ParsePass(bool tasks, bool json) {
  dondoc::parse::ParseOptions options;
  options.tasks = tasks;
  for (const std::string& d : TheCorpus().docs) {
    auto in = dondoc::read::FromBytes(d, "bench.txt");
    if (!in.ok()) continue;
    auto doc =
        dondoc::parse::Parse(in.value().text, in.value().source, in.value().warnings, options);
    if (json) {
      std::string out = dondoc::parse::ToJsonString(doc, false);
      benchmark::DoNotOptimize(out.data());
    } else {
      benchmark::DoNotOptimize(doc.number.data());
    }
  }
}

void ParseAll(benchmark::State& state, bool tasks, bool json) {
  // One untimed pass first, once per process: a pass over dev takes about a second, so the
  // single timed pass otherwise included the process's first touches (allocator arenas and
  // scratch buffers growing, lazy tables), ~10 % of it, which a running ingest pays once.
  static bool warmed = false;
  if (!warmed) {
    ParsePass(tasks, json);
    warmed = true;
  }
  for (auto _ : state) ParsePass(tasks, json);
  Account(state, TheCorpus().bytes, TheCorpus().docs.size());
}

void BM_ParseNoTasks(benchmark::State& state) { ParseAll(state, false, false); }
void BM_Parse(benchmark::State& state) { ParseAll(state, true, false); }
void BM_ParseJson(benchmark::State& state) { ParseAll(state, true, true); }

// What the stage benchmarks need besides the text: the parsed document (tasks read its header
// and outline) and the document's fold. Built on first use only.
struct Prepared {
  std::vector<dondoc::Document> docs;
  std::vector<dondoc::text::FoldedText> folds;
  // The operative part, read once as parse.cc reads it for tasks and reporting together.
  std::vector<std::unique_ptr<dondoc::parse::Operative>> operatives;
};

const Prepared& ThePrepared() {
  static const Prepared p = [] {
    Prepared out;
    for (const std::string& t : TheCorpus().normalized) {
      out.docs.push_back(dondoc::parse::Parse(t, dondoc::Source{}));
      out.folds.push_back(dondoc::text::FoldMapped(t));
    }
    // After the vectors stop growing: an Operative may keep references into them.
    const auto& texts = TheCorpus().normalized;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      out.operatives.push_back(
          std::make_unique<dondoc::parse::Operative>(texts[i], out.folds[i], out.docs[i]));
    }
    return out;
  }();
  return p;
}

// Runs `stage(i)` for every normalized document i.
template <typename F>
void Stage(benchmark::State& state, F stage) {
  const Corpus& c = TheCorpus();
  ThePrepared();  // before the timed loop
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.normalized.size(); ++i) stage(i);
  }
  Account(state, c.normalized_bytes, c.normalized.size());
}

void RegisterStages() {
  namespace p = dondoc::parse;
  const auto add = [](const char* name, auto fn) {
    benchmark::RegisterBenchmark(name, [fn](benchmark::State& st) {
      Stage(st, fn);
    })->Unit(benchmark::kMillisecond);
  };
  const auto& t = TheCorpus().normalized;
  add("stage/read", [](std::size_t i) {
    auto in = dondoc::read::FromBytes(TheCorpus().docs[i], "bench.txt");
    benchmark::DoNotOptimize(in.ok());
  });
  add("stage/header", [&t](std::size_t i) {
    auto h = p::ExtractHeader(t[i]);
    benchmark::DoNotOptimize(h.number.data());
  });
  add("stage/layout+signers+recipients", [&t](std::size_t i) {
    const p::Layout layout(t[i]);
    auto s = p::ExtractSigners(layout);
    auto r = p::ExtractRecipients(t[i], layout);
    benchmark::DoNotOptimize(s.size() + r.size());
  });
  add("stage/outline", [&t](std::size_t i) {
    auto o = p::ExtractOutline(t[i]);
    benchmark::DoNotOptimize(o.size());
  });
  add("stage/references", [&t](std::size_t i) {
    auto r = p::ExtractReferences(t[i], ThePrepared().folds[i], ThePrepared().docs[i].number);
    benchmark::DoNotOptimize(r.size());
  });
  add("stage/times", [&t](std::size_t i) {
    std::vector<dondoc::Warning> w;
    auto r = p::ExtractTimes(t[i], ThePrepared().folds[i], ThePrepared().docs[i].date, &w);
    benchmark::DoNotOptimize(r.size());
  });
  add("stage/operative", [&t](std::size_t i) {
    const dondoc::Document& d = ThePrepared().docs[i];
    if (d.kind != "official") return;
    const p::Operative op(t[i], ThePrepared().folds[i], d);
    benchmark::DoNotOptimize(&op);
  });
  add("stage/tasks", [&t](std::size_t i) {
    std::vector<dondoc::Warning> w;
    const dondoc::Document& d = ThePrepared().docs[i];
    if (d.kind != "official") return;
    auto r = p::ExtractTasks(t[i], ThePrepared().folds[i], d, *ThePrepared().operatives[i], &w);
    benchmark::DoNotOptimize(r.size());
  });
  add("stage/reporting", [&t](std::size_t i) {
    const dondoc::Document& d = ThePrepared().docs[i];
    if (d.kind != "official") return;
    auto r = p::ExtractReporting(t[i], ThePrepared().folds[i], *ThePrepared().operatives[i]);
    benchmark::DoNotOptimize(r.size());
  });
}

BENCHMARK(BM_Baseline)->Name("baseline")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeNormalize)->Name("decode_normalize")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Fold)->Name("fold")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseNoTasks)->Name("parse_no_tasks")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Name("parse")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseJson)->Name("parse_json")->Unit(benchmark::kMillisecond);

// One ParsePass without JSON, in seconds of this thread's CPU time (time the
// thread waited for a core on a busy machine is not counted).
double TimedPass(bool tasks) {
  timespec a{}, b{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
  ParsePass(tasks, false);
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
  return static_cast<double>(b.tv_sec - a.tv_sec) +
         static_cast<double>(b.tv_nsec - a.tv_nsec) / 1e9;
}

// The ratio parse / parse_no_tasks measured in pairs: each round times one pass without and
// one with tasks back to back, and the median of the rounds' ratios is reported. The two
// benchmarks above run minutes apart, so a change in the machine's load between them moves
// their ratio; within a pair it moves both passes alike.
void PrintPairedRatio(int rounds) {
  std::vector<double> ratios;
  for (int r = 0; r < rounds; ++r) {
    const double without = TimedPass(false);
    const double with = TimedPass(true);
    if (with > 0) ratios.push_back(without / with);
    std::printf("  pair %d: without %.0f ms, with %.0f ms: %.3f×\n", r + 1, without * 1e3,
                with * 1e3, ratios.empty() ? 0.0 : ratios.back());
  }
  if (ratios.empty()) return;
  std::sort(ratios.begin(), ratios.end());
  std::printf(
      "  parse with times/tasks/reporting = %.2f× parse without them (median of %d pairs)\n",
      ratios[ratios.size() / 2], rounds);
}

// The console reporter, remembering each benchmark's rates for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  struct Rates {
    double bytes_per_second = 0;
    double items_per_second = 0;
  };

  // Colour only on a terminal (logs of scripts/test-all.sh stay plain).
  SummaryReporter() : ConsoleReporter(::isatty(1) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred || r.run_type != Run::RT_Iteration) continue;
      Rates& rates = rates_[r.run_name.function_name];
      order_.push_back(r.run_name.function_name);
      if (auto it = r.counters.find("bytes_per_second"); it != r.counters.end()) {
        rates.bytes_per_second = it->second.value;
      }
      if (auto it = r.counters.find("items_per_second"); it != r.counters.end()) {
        rates.items_per_second = it->second.value;
      }
    }
  }

  void PrintSummary() const {
    const auto base = rates_.find("baseline");
    if (base == rates_.end() || base->second.bytes_per_second <= 0) return;
    const double b = base->second.bytes_per_second;
    std::printf("\nsummary (one core, %s):\n", TheCorpus().dir.c_str());
    std::vector<std::string> seen;
    for (const std::string& name : order_) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
      seen.push_back(name);
      const Rates& r = rates_.at(name);
      std::printf("  %-17s %9.1f MB/s %9.0f docs/s = %.4f× baseline\n", (name + ":").c_str(),
                  r.bytes_per_second / 1e6, r.items_per_second, r.bytes_per_second / b);
    }
    const auto full = rates_.find("parse");
    const auto header = rates_.find("parse_no_tasks");
    if (full != rates_.end() && header != rates_.end() && header->second.bytes_per_second > 0) {
      std::printf(
          "  parse with times/tasks/reporting = %.2f× parse without them (the two runs "
          "above)\n",
          full->second.bytes_per_second / header->second.bytes_per_second);
    }
  }

  // Whether both parse benchmarks ran (so the paired measurement is wanted too).
  bool RanBothParses() const {
    return rates_.contains("parse") && rates_.contains("parse_no_tasks");
  }

 private:
  std::map<std::string, Rates> rates_;
  std::vector<std::string> order_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const Corpus& c = TheCorpus();
  if (c.docs.empty()) {
    std::fprintf(stderr, "parse_bench: no .txt files in %s\n", c.dir.c_str());
    return 1;
  }
  std::printf("corpus: %s: %zu documents, %.1f MB (%d refused by FromBytes)\n", c.dir.c_str(),
              c.docs.size(), static_cast<double>(c.bytes) / 1e6, c.rejected);
  RegisterStages();
  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintSummary();
  if (reporter.RanBothParses()) PrintPairedRatio(3);
  benchmark::Shutdown();
  return 0;
}
