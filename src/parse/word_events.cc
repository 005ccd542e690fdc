// Tested by word_events_test.cc.
#include "parse/word_events.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::parse {

void WordEvents::Load(std::size_t base) {
  base_ = base;
  // The block's bytes; past the end of the text, zeros (neither word bytes nor line breaks).
  alignas(16) unsigned char block[64] = {};
  const std::size_t avail = std::min<std::size_t>(64, f_.size() - base);
  std::memcpy(block, f_.data() + base, avail);
  std::uint64_t alnum = 0, newline = 0;
#if defined(__SSE2__)
  // Signed compares only: shift each range's low end to -128, then "below -128 + width".
  const __m128i letters_low = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i letters_top = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digits_low = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i digits_top = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i nl = _mm_set1_epi8('\n');
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(x, letters_low), letters_top);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, digits_low), digits_top);
    const auto a = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    const auto n = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl)));
    alnum |= std::uint64_t{a} << (16 * k);
    newline |= std::uint64_t{n} << (16 * k);
  }
#else
  for (int k = 0; k < 64; ++k) {
    alnum |= std::uint64_t{IsWordByte(static_cast<char>(block[k]))} << k;
    newline |= std::uint64_t{block[k] == '\n'} << k;
  }
#endif
  // The byte before the block decides whether its first byte starts a word or a line.
  const bool prev_alnum = base > 0 && IsWordByte(f_[base - 1]);
  const bool prev_newline = base == 0 || f_[base - 1] == '\n';
  events_ = (alnum & ~((alnum << 1) | std::uint64_t{prev_alnum})) | (newline << 1) |
            std::uint64_t{prev_newline};
}

}  // namespace dondoc::parse
