// Tested through signers_test.cc and recipients_test.cc (the layout was first written, and
// tested, inside those two extractors).
#include "parse/layout.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstddef>

#include "text/offsets16.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::parse {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

constexpr std::size_t kMaxTagBytes = 400;  // <img … alt="Đã ký" …/> included

// Byte classes for AppendClean. Hot: every byte of the document is classified once (and once
// more by each extractor that builds a layout).
enum : unsigned char { kKeep, kDrop, kTag, kSpace };

constexpr std::array<unsigned char, 256> MakeClasses() {
  std::array<unsigned char, 256> t{};
  for (const char c : {'*', '\\', '_', '`'}) t[static_cast<unsigned char>(c)] = kDrop;
  for (const char c : {' ', '\t', '\r', '\v', '\f', '\n'})
    t[static_cast<unsigned char>(c)] = kSpace;
  t['<'] = kTag;
  return t;
}
constexpr std::array<unsigned char, 256> kClass = MakeClasses();

// Writes the cleaned bytes of text[b, e) at out[*k] / off[*k] and advances *k. Never writes
// more bytes than it reads (a collapsed space stands for at least one dropped byte), so
// buffers sized to the input hold every segment.
void AppendClean(std::string_view text, std::size_t b, std::size_t e, char* out, std::uint32_t* off,
                 std::size_t cap, std::size_t* k) {
  const std::size_t start = *k;
  std::size_t n = start;
  bool space = false;
  for (std::size_t i = b; i < e; ++i) {
    const char c = text[i];
    const unsigned char cls = kClass[static_cast<unsigned char>(c)];
    if (cls == kDrop) continue;
    if (cls == kTag) {  // HTML debris: <br>, <p>, </i>, <br/>
      std::size_t j = i + 1;
      if (j < e && text[j] == '/') ++j;
      const std::size_t name = j;
      while (j < e && j - i < kMaxTagBytes && text[j] != '>' && text[j] != '\n') ++j;
      if (j < e && text[j] == '>' && j > name &&
          std::isalpha(static_cast<unsigned char>(text[name]))) {
        space = true;
        i = j;
        continue;
      }
    }
    if (cls == kSpace) {
      space = true;
      continue;
    }
    const bool empty = n == start;
    if (empty && (c == '#' || c == '>')) continue;
    if (space && !empty) {
      out[n] = ' ';
      off[n] = static_cast<std::uint32_t>(i);
      ++n;
    }
    space = false;
    out[n] = c;
    off[n] = static_cast<std::uint32_t>(i);
    ++n;
    // The rest of the word: kept bytes need none of the tests above ('#' and '>' only
    // matter first in a segment). Sixteen bytes at a time where there is room (SSE2): stored
    // whole with their offsets, then n and i advance by the part before the first byte that
    // may not be kept (a blank, markup, '<'; also a C0 control, which the loop below keeps).
#if defined(__SSE2__)
    while (i + 17 <= e && n + 16 <= cap) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
      const __m128i blank = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x20)), x);
      const __m128i markup =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('*')),
                                    _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))),
                       _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')),
                                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('`'))),
                                    _mm_cmpeq_epi8(x, _mm_set1_epi8('<'))));
      const auto stop = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(blank, markup)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + n), x);
      text::StoreOffsets16(off + n, static_cast<std::uint32_t>(i + 1));
      const std::size_t run = stop == 0 ? 16 : static_cast<std::size_t>(std::countr_zero(stop));
      n += run;
      i += run;
      if (stop != 0) break;
    }
#endif
    while (i + 1 < e && kClass[static_cast<unsigned char>(text[i + 1])] == kKeep) {
      ++i;
      out[n] = text[i];
      off[n] = static_cast<std::uint32_t>(i);
      ++n;
    }
  }
  *k = n;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsBorder(std::string_view t) {
  bool dash = false;
  for (char c : t) {
    if (c == '-' || c == '=') {
      dash = true;
    } else if (c != '+' && c != ':' && c != '|' && !IsSpace(c)) {
      return false;
    }
  }
  return dash;
}

bool IsTableLine(std::string_view t) {
  return t.size() >= 2 && (t[0] == '|' || (t[0] == '+' && IsBorder(t)));
}

}  // namespace

Layout::Layout(std::string_view text) {
  struct Range {
    std::size_t b, e;
  };
  // Segments are first recorded as [begin, end) in text_; views are taken at the end.
  struct Pending {
    std::size_t b, e;
    bool brk;
  };
  std::vector<Pending> pending;
  text_.resize(text.size());
  // Sized to the input, which the cleaned text never exceeds; left uninitialized because
  // every element read is written first (zeroing it cost as much as filling it).
  off_.reset(new std::uint32_t[text.size() + 1]);
  std::size_t used = 0;  // bytes of text_ / off_ written
  auto add = [&](std::size_t b, std::size_t e, bool brk) {
    const std::size_t start = used;
    AppendClean(text, b, e, text_.data(), off_.get(), text.size(), &used);
    pending.push_back({start, used, brk});
  };
  std::vector<Range> lines;
  for (std::size_t b = 0; b <= text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back({b, e});
    b = e + 1;
  }
  pending.reserve(lines.size());
  bool brk = false;
  for (std::size_t li = 0; li < lines.size();) {
    std::string_view t = Trim(text.substr(lines[li].b, lines[li].e - lines[li].b));
    if (t == "|" || t.find("PAGE BREAK") != std::string_view::npos) {
      brk = true;
      ++li;
      continue;
    }
    if (!IsTableLine(t)) {
      add(lines[li].b, lines[li].e, brk);
      brk = false;
      ++li;
      continue;
    }
    // A table block: cells of each row, then emitted column by column.
    std::vector<std::vector<Range>> rows;  // an empty row stands for a border line
    for (; li < lines.size(); ++li) {
      const Range l = lines[li];
      std::string_view row = Trim(text.substr(l.b, l.e - l.b));
      if (!IsTableLine(row)) break;
      std::vector<Range> cells;
      if (!IsBorder(row)) {
        const std::size_t rb = static_cast<std::size_t>(row.data() - text.data());
        std::size_t start = rb + 1;  // after the leading '|'
        const std::size_t re = rb + row.size();
        for (std::size_t i = start; i < re; ++i) {
          if (text[i] == '|') {
            cells.push_back({start, i});
            start = i + 1;
          }
        }
        if (start < re) cells.push_back({start, re});
      }
      rows.push_back(std::move(cells));
    }
    std::size_t ncols = 0;
    for (const auto& r : rows) ncols = std::max(ncols, r.size());
    for (std::size_t c = 0; c < ncols; ++c) {
      bool first = true;
      for (const auto& r : rows) {
        if (r.empty()) {
          if (!first) pending.push_back({used, used, false});
          continue;
        }
        if (c >= r.size()) continue;
        add(r[c].b, r[c].e, first);
        first = false;
      }
    }
    brk = true;
  }
  text_.resize(used);
  segs_.reserve(pending.size());
  const std::string_view all = text_;
  const std::span<const std::uint32_t> all_off(off_.get(), used);
  for (const Pending& p : pending) {
    segs_.push_back({all.substr(p.b, p.e - p.b), all_off.subspan(p.b, p.e - p.b), p.brk});
  }
}

}  // namespace dondoc::parse
