#include "cli/batch.h"

#include <cstdio>

#include "parse/parse.h"

namespace dondoc::cli {

int ForEachDocument(
    const std::vector<std::string>& files,
    const std::function<bool(const std::string&, const read::Input&, const Document&)>& each) {
  int failures = 0;
  for (const std::string& path : files) {
    auto in = read::ReadDocument(path);
    if (!in.ok()) {
      std::fprintf(stderr, "dondoc: %s: %s\n", path.c_str(), in.error().message.c_str());
      ++failures;
      continue;
    }
    const Document doc = parse::Parse(in.value().text, in.value().source, in.value().warnings);
    if (!each(path, in.value(), doc)) ++failures;
  }
  if (failures > 0) {
    std::fprintf(stderr, "dondoc: %d of %zu file%s failed\n", failures, files.size(),
                 files.size() == 1 ? "" : "s");
    return 1;
  }
  return 0;
}

}  // namespace dondoc::cli
