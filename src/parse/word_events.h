// Word starts of folded text, found sixty-four bytes at a time. Tested by word_events_test.cc.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dondoc::parse {

// The bytes that make words of folded text, [a-z0-9]: one table load instead of two range
// tests, since scanners ask at nearly every byte of a document.
inline constexpr auto kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  return t;
}();
inline bool IsWordByte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

// Word starts in folded text (a letter or digit after anything else) and line starts (after '\n',
// and 0). NextAt(p) is the first such position >= p, or the text's size. Sixty-four bytes are
// classified at once (SSE2 compares into bit masks), so a scan jumps from word to word instead of
// testing every byte of every word and gap: the times scan and the references scan visit every word
// of every document, and most words start nothing.
class WordEvents {
 public:
  explicit WordEvents(std::string_view f) : f_(f) {}
  std::size_t NextAt(std::size_t p) {
    while (p < f_.size()) {
      const std::size_t base = p & ~std::size_t{63};
      if (base != base_) Load(base);
      const std::uint64_t m = events_ & (~std::uint64_t{0} << (p - base));
      if (m != 0) return base + static_cast<std::size_t>(std::countr_zero(m));
      p = base + 64;
    }
    return f_.size();
  }

 private:
  void Load(std::size_t base);
  std::string_view f_;
  std::size_t base_ = std::string_view::npos;
  std::uint64_t events_ = 0;
};

}  // namespace dondoc::parse
