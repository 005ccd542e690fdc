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

// How long a trích yếu may run. One printed in capitals ends where the lower-case body starts,
// so it may be long: a decision repealing several others names each in full (15 lines, 1.5 KB
// on the dev corpus). One in lower case has no such mark, so it is held to a few lines.
inline constexpr std::size_t kTitleMaxLinesCaps = 24;
inline constexpr std::size_t kTitleMaxBytesCaps = 4 * 1024;
inline constexpr std::size_t kTitleMaxLines = 6;
inline constexpr std::size_t kTitleMaxBytes = 700;

}  // namespace dondoc::limits
