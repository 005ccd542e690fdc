// The batch loop every per-file command shares (parse, tasks, summary): read and parse each
// file in turn, report an unreadable one as "dondoc: FILE: reason" and go on, and end with
// "dondoc: N of M files failed" and exit 1 when any did.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "parse/document.h"
#include "read/file.h"

namespace dondoc::cli {

// Calls `each(path, input, doc)` for every readable file; `each` returns false when it failed
// itself (e.g. could not write its output), which counts as a failure. Returns the exit code.
int ForEachDocument(
    const std::vector<std::string>& files,
    const std::function<bool(const std::string&, const read::Input&, const Document&)>& each);

}  // namespace dondoc::cli
