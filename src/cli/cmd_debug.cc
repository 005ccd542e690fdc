// dondoc debug-header FILE: the cleaned header lines the header extractor reads, one per line
// with its flags ("|" boundary before, "B" bold) — a developer's aid for layout problems.
#include <cstdio>

#include "base/limits.h"
#include "cli/commands.h"
#include "parse/header_stream.h"
#include "read/file.h"

namespace dondoc::cli {

int CmdDebugHeader(const Args& args) {
  if (args.empty()) {
    std::fputs("usage: dondoc debug-header FILE\n", stderr);
    return 2;
  }
  auto in = read::ReadDocument(args[0]);
  if (!in.ok()) {
    std::fprintf(stderr, "dondoc: %s: %s\n", args[0].c_str(), in.error().message.c_str());
    return 1;
  }
  const auto lines = parse::BuildHeaderLines(in.value().text, limits::kHeaderWindowBytes);
  for (std::size_t i = 0; i < lines.size() && i < 120; ++i) {
    std::printf("%3zu %c%c %s\n", i, lines[i].boundary_before ? '|' : ' ',
                lines[i].bold ? 'B' : ' ', lines[i].text.c_str());
  }
  return 0;
}

}  // namespace dondoc::cli
