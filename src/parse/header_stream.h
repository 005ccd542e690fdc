// The header area as cleaned lines: what the header extractor reads. Tested through
// header_test.cc.
//
// Real headers arrive as markdown table cells ("| Số: 12/KH-UBND | *Hà Nội, ngày …* |"),
// pandoc grid tables whose two columns share physical lines, soft-wrapped paragraphs with **bold**
// markers split across lines, flattened onto 2–4 long lines with "-------" rules between the
// parts, or plain lines. This file turns all of them into one sequence of logical lines:
// - '|' cells, rules of 3+ '-', '_', '=' (also pandoc's "\-\-\-"), a lone '*' (the Party
//   header's asterisk) and blank lines are boundaries: they end a line and set
//   `boundary_before` on the next one;
// - in runs of lines with a wide gap (5+ spaces) between two columns, the left column's lines
//   come first, then the right column's;
// - markdown markers (*, \, #, `) are removed and white space collapsed, keeping for every
//   byte the offset it came from in the original text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

struct HeaderLine {
  std::string text;                    // cleaned, single-spaced, trimmed; never empty
  std::vector<std::uint32_t> offsets;  // text[i] came from original byte offsets[i]; +1 end
  bool bold = false;                   // starts inside **…**
  bool boundary_before = false;        // a blank line, cell edge or rule precedes it
  // The original span of text[b, e); an empty range gives an empty span at b (never an
  // inverted one where markup was dropped between the bytes).
  Span SpanOf(std::size_t b, std::size_t e) const {
    if (e <= b) return Span{offsets[b], offsets[b]};
    return Span{offsets[b], offsets[e - 1] + 1};
  }
  Span span() const { return SpanOf(0, text.size()); }
};

// Lines of text[0, limit).
std::vector<HeaderLine> BuildHeaderLines(std::string_view text, std::size_t limit);

}  // namespace dondoc::parse
