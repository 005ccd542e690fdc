#include "parse/word_events.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>

namespace {

// WordEvents against the byte-by-byte definition it replaces, over texts that put words, line
// breaks, UTF-8 bytes and digits on both sides of its 64-byte blocks.
TEST(WordEvents, SameAsByteByByte) {
  const auto IsAlnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const std::string pieces[] = {"ngay", " ",      "\n",   "15/12", "\xE2\x80\x93", "a", "  \n\n",
                                "|",    "quy ii", "2026", "*",     "x\n"};
  std::uint32_t seed = 7;
  for (int round = 0; round < 200; ++round) {
    std::string f;
    while (f.size() < 40 + static_cast<std::size_t>(round) * 3) {
      seed = seed * 1664525u + 1013904223u;
      f += pieces[(seed >> 16) % std::size(pieces)];
    }
    dondoc::parse::WordEvents events(f);
    std::size_t p = 0;
    for (std::size_t want = 0; want <= f.size(); ++want) {
      const bool event = want == f.size() || want == 0 || f[want - 1] == '\n' ||
                         (IsAlnum(f[want]) && !IsAlnum(f[want - 1]));
      if (!event) continue;
      ASSERT_EQ(events.NextAt(p), want) << "round " << round << " from " << p;
      p = want + 1;
    }
  }
}

}  // namespace
