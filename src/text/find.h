// Substring search for the matchers, which look for a few short folded words ("chu tri",
// "bao cao", "muc dich") in every paragraph of a document. Tested by find_test.cc.
#pragma once

#include <cstddef>
#include <string_view>

namespace dondoc::text {

// The first position of `needle` in `hay` at or after `from`, or std::string_view::npos: the
// same answer as hay.find(needle, from). Faster for the short needles above: string_view::find
// calls memchr for the needle's first letter, which in Vietnamese text stops every few bytes,
// and glibc's memmem reads byte by byte; this tests 16 positions at a time for the needle's
// first and last byte (SSE2, part of every x86-64 CPU) and compares only where both agree.
std::size_t Find(std::string_view hay, std::string_view needle, std::size_t from = 0);

inline bool Contains(std::string_view hay, std::string_view needle) {
  return Find(hay, needle) != std::string_view::npos;
}

}  // namespace dondoc::text
