// The `dondoc` subcommands. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace dondoc::cli {

using Args = std::vector<std::string>;

int CmdParse(const Args& args);        // dondoc parse FILE... [--pretty] [--text] [--out DIR]
int CmdEval(const Args& args);         // dondoc eval [DIR] [--source S] [--misses N]
int CmdTasks(const Args& args);        // dondoc tasks FILE... [--width N]
int CmdSummary(const Args& args);      // dondoc summary FILE...
int CmdEvalTasks(const Args& args);    // dondoc eval-tasks [GOLD_DIR] [--corpus DIR]
int CmdDebugHeader(const Args& args);  // dondoc debug-header FILE
int CmdIngest(const Args& args);       // dondoc ingest [--db PATH] [--reparse] PATH...
int CmdDb(const Args& args);           // dondoc db check|resolve [--db PATH]
int CmdGraph(const Args& args);        // dondoc graph [--db PATH] NUMBER|ID [--depth N] …
int CmdSearch(const Args& args);       // dondoc search [--db PATH] QUERY... [filters] [--json]
int CmdShow(const Args& args);         // dondoc show [--db PATH] NUMBER|ID
int CmdServe(const Args& args);        // dondoc serve [--bind ADDR] [--port N] [--static DIR] …
int CmdUser(const Args& args);         // dondoc user add|passwd|list [--db PATH]: users in the db
int CmdDemo(const Args& args);  // dondoc demo [--dir DIR] [--port N]: samples → db → serve

}  // namespace dondoc::cli
