// `dondoc` — the command line over every layer.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: dondoc <command> [args]\n"
    "\n"
    "commands:\n"
    "  parse FILE... [--pretty] [--text] [--out DIR]\n"
    "                 parse documents to dondoc/document@1 JSON (JSON Lines for several)\n"
    "  tasks FILE... [--width N]\n"
    "                 the tasks of each plan: unit, role, action, deadline\n"
    "  summary FILE...\n"
    "                 a readable summary of each document (header, signers, sections, tasks)\n"
    "  eval [DIR]     score the parser against DIR/metadata.jsonl\n"
    "                 (default ../shared/corpus/dev)\n"
    "  eval-tasks [GOLD_DIR] [--corpus DIR]\n"
    "                 score tasks, units, roles and deadlines against the hand-made gold set\n"
    "                 (default tests/data/tasks-gold)\n"
    "  ingest [--db PATH] [--reparse] PATH...\n"
    "                 store documents (files, folders recursively) in the database\n"
    "                 (default ./dondoc.db); unchanged files are skipped by content hash\n"
    "  search [--db PATH] QUERY... [--type T] [--issuer S] [--year Y] [--unit U] [--limit N]\n"
    "         [--json]\n"
    "                 full-text and number search, without diacritics if you like\n"
    "  show [--db PATH] NUMBER|ID\n"
    "                 a readable summary of one stored document\n"
    "  graph [--db PATH] NUMBER|ID [--depth N] [--format text|json|dot]\n"
    "                 what a document implements or cites, and what implements or cites it\n"
    "  db check [--db PATH]\n"
    "                 check the database's integrity (pages, foreign keys, full-text index)\n"
    "  db resolve [--db PATH]\n"
    "                 resolve every reference again (after upgrading an older database)\n"
    "  serve [--bind ADDR] [--port N] [--db PATH] [--static DIR] [--insecure-cookie]\n"
    "                 the HTTP API (and the web page's files) on 127.0.0.1:8080; users,\n"
    "                 sessions and tracking in the database (serve --help for every option)\n"
    "  user add NAME --role ROLE [--unit UNIT] | passwd NAME | list   [--db PATH]\n"
    "                 manage users in the database (passwords read from stdin)\n"
    "  demo [--dir DIR] [--port N]\n"
    "                 a fresh database from samples/, one demo user per role (passwords\n"
    "                 printed), then serve it with the web page on 127.0.0.1:8080\n"
    "  version        print the version\n";

// The usage lines of `cmd` in kUsage: its entries ("  cmd …") with their indented
// continuation lines; empty for an unknown command.
std::string CommandUsage(std::string_view cmd) {
  std::string out;
  bool in_entry = false;
  std::string_view text = kUsage;
  while (!text.empty()) {
    const std::size_t e = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, e);
    text.remove_prefix(std::min(e + 1, text.size()));
    if (!line.starts_with("  ")) {
      in_entry = false;
    } else if (line.size() > 2 && line[2] != ' ') {  // an entry, not a continuation line
      in_entry = line.substr(2, line.find(' ', 2) - 2) == cmd;
    }
    if (in_entry) out.append(line).append("\n");
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string cmd = argv[1];
  dondoc::cli::Args args(argv + 2, argv + argc);
  // "dondoc parse --help": that command's usage, on stdout, exit 0. serve has a longer help of
  // its own.
  if (argc == 3 && (std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0) &&
      cmd != "serve") {
    if (const std::string usage = CommandUsage(cmd); !usage.empty()) {
      std::printf("usage: dondoc %s", usage.c_str() + 2);
      return 0;
    }
  }
  if (cmd == "parse") return dondoc::cli::CmdParse(args);
  if (cmd == "tasks") return dondoc::cli::CmdTasks(args);
  if (cmd == "summary") return dondoc::cli::CmdSummary(args);
  if (cmd == "eval") return dondoc::cli::CmdEval(args);
  if (cmd == "eval-tasks") return dondoc::cli::CmdEvalTasks(args);
  if (cmd == "debug-header") return dondoc::cli::CmdDebugHeader(args);
  if (cmd == "ingest") return dondoc::cli::CmdIngest(args);
  if (cmd == "search") return dondoc::cli::CmdSearch(args);
  if (cmd == "show") return dondoc::cli::CmdShow(args);
  if (cmd == "graph") return dondoc::cli::CmdGraph(args);
  if (cmd == "db") return dondoc::cli::CmdDb(args);
  if (cmd == "serve") return dondoc::cli::CmdServe(args);
  if (cmd == "demo") return dondoc::cli::CmdDemo(args);
  if (cmd == "user") return dondoc::cli::CmdUser(args);
  if (cmd == "version" || cmd == "--version") {
    std::puts("dondoc 0.1.0");
    return 0;
  }
  std::fprintf(stderr, "dondoc: unknown command '%s'\n%s", cmd.c_str(), kUsage);
  return 2;
}
