// Tunables in one place with safe defaults (style.md habit 10).
#pragma once

#include <cstddef>

namespace dondoc::limits {

// The largest input file `dondoc parse` accepts. Real official documents are well below 2 MB
// of text; a bigger file is almost always a mistake (a log, a dump, an archive).
inline constexpr std::size_t kMaxDocumentBytes = 32u * 1024 * 1024;

// How far into a document the header (issuer, Số, date, type, title) is searched for: first
// the short window (on the dev corpus every header ends by 2 KB but a few behind banners),
// then, when it shows no header cell at all, the long one. Portal banners push a header
// down, never this far.
inline constexpr std::size_t kHeaderFirstWindowBytes = 4 * 1024;
inline constexpr std::size_t kHeaderWindowBytes = 12 * 1024;

}  // namespace dondoc::limits
