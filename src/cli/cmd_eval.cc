#include <cstdio>

#include "cli/commands.h"

namespace dondoc::cli {

int CmdEval(const Args&) {
  std::fputs("dondoc eval: not implemented yet\n", stderr);
  return 1;
}

}  // namespace dondoc::cli
