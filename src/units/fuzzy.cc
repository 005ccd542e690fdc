// Tested by fuzzy_test.cc.
//
// Edge cases: empty strings (distance = the other's length, bounded); a length difference
// beyond the bound returns bound + 1 at once; the band is [i - bound, i + bound], cells outside
// it count as bound + 1, so the result is exact whenever it is <= bound.
#include "units/fuzzy.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace dondoc::units {

int BoundedEditDistance(std::string_view a, std::string_view b, int bound) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int over = bound + 1;
  if (bound < 0) return over;
  if (std::abs(n - m) > bound) return over;
  std::vector<int> prev(m + 1, over), cur(m + 1, over);
  for (int j = 0; j <= std::min(m, bound); ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    std::fill(cur.begin(), cur.end(), over);
    const int lo = std::max(1, i - bound);
    const int hi = std::min(m, i + bound);
    if (i <= bound) cur[0] = i;
    int row_min = cur[0];
    for (int j = lo; j <= hi; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1});
      cur[j] = std::min(v, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return over;
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

int FuzzyBound(std::size_t length) {
  if (length < 10) return 0;
  if (length < 18) return 1;
  if (length < 28) return 2;
  return 3;
}

}  // namespace dondoc::units
