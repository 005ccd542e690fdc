// Sixteen consecutive offsets stored at once: the SSE2 run copies (text/fold.cc,
// parse/layout.cc, parse/references.cc) store a block of bytes and, beside it, the source offset
// of each, then advance by the part of the run that was real.
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>

namespace dondoc::text {

// out[0..16) = first, first + 1, …, first + 15. out needs room for sixteen.
inline void StoreOffsets16(std::uint32_t* out, std::uint32_t first) {
  const __m128i base = _mm_set1_epi32(static_cast<int>(first));
  auto* p = reinterpret_cast<__m128i*>(out);
  _mm_storeu_si128(p, _mm_add_epi32(base, _mm_setr_epi32(0, 1, 2, 3)));
  _mm_storeu_si128(p + 1, _mm_add_epi32(base, _mm_setr_epi32(4, 5, 6, 7)));
  _mm_storeu_si128(p + 2, _mm_add_epi32(base, _mm_setr_epi32(8, 9, 10, 11)));
  _mm_storeu_si128(p + 3, _mm_add_epi32(base, _mm_setr_epi32(12, 13, 14, 15)));
}

}  // namespace dondoc::text

#endif
