#include "text/find.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::text {

std::size_t Find(std::string_view hay, std::string_view needle, std::size_t from) {
  constexpr std::size_t npos = std::string_view::npos;
  const std::size_t m = needle.size();
  if (from > hay.size()) return npos;
  if (m == 0) return from;
  if (hay.size() - from < m) return npos;
  if (m == 1) return hay.find(needle[0], from);
  const char* const h = hay.data();
  const char* const nd = needle.data();
  // Candidate starts are [from, last].
  const std::size_t last = hay.size() - m;
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i first = _mm_set1_epi8(nd[0]);
  const __m128i final = _mm_set1_epi8(nd[m - 1]);
  // The first match among the 16 candidate starts j..j+15 (bytes up to j + 15 + m - 1 are
  // read), else npos.
  const auto block = [&](std::size_t j) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + j));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + j + m - 1));
    auto mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, final))));
    while (mask != 0) {
      const auto k = static_cast<std::size_t>(__builtin_ctz(mask));
      if (std::memcmp(h + j + k + 1, nd + 1, m - 2) == 0) return j + k;
      mask &= mask - 1;
    }
    return npos;
  };
  for (; i + 15 <= last; i += 16) {
    if (const std::size_t at = block(i); at != npos) return at;
  }
  // The last few candidates: one more block ending at `last`, overlapping starts already
  // tested (none of them matched, so its first match is the first at or after i), instead of
  // a byte loop over up to 15 of them. Short paragraphs and headings end here every time.
  if (i <= last && last >= from + 15) return block(last - 15);
#endif
  for (; i <= last; ++i) {
    if (h[i] == nd[0] && h[i + m - 1] == nd[m - 1] && std::memcmp(h + i + 1, nd + 1, m - 2) == 0) {
      return i;
    }
  }
  return npos;
}

}  // namespace dondoc::text
