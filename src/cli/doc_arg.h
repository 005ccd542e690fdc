// How `show` and `graph` read the document they are given: an id, or a number.
#pragma once

#include <cstdint>
#include <string>

namespace dondoc::cli {

// True when `s` is an id: digits, optionally after '#' ("12", "#12"); sets *id. Anything
// else is a document number (compared as parse::SymbolKey does: "35/NQ-TW" = 35-NQ/TW).
inline bool IsDocumentId(const std::string& s, std::int64_t* id) {
  std::size_t i = (!s.empty() && s[0] == '#') ? 1 : 0;
  if (i >= s.size() || s.size() - i > 18) return false;
  std::int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *id = v;
  return true;
}

}  // namespace dondoc::cli
