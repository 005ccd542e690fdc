// The operative part of a plan, cut into paragraphs (numbered items, bullets, wrapped lines
// joined) and tables, for the task and reporting extractors. Tested by tasks_test.cc and
// reporting_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/document.h"
#include "text/fold.h"

namespace dondoc::parse {

// The folded position of original byte `orig` (the first folded byte that came from it or
// after it).
std::size_t FoldedPos(const text::FoldedText& f, std::uint32_t orig);

// FoldedPos for a run of positions in about document order (outline headings, time
// expressions): each answer is searched by galloping from the one before, which reads the
// offsets near it. Any order gives the same answers, only slower. FoldedPos is one look-up
// from where proportion puts `near`.
class FoldedCursor {
 public:
  explicit FoldedCursor(const text::FoldedText& f) : o_(f.offsets) {}
  FoldedCursor(const text::FoldedText& f, std::uint32_t near);
  std::size_t Pos(std::uint32_t orig);

 private:
  const std::vector<std::uint32_t>& o_;
  std::size_t at_ = 0;  // the last answer, below o_.size() when o_ is not empty
};

// The folded spans of `times` (TimeExpr spans are original bytes), in their order.
std::vector<std::pair<std::size_t, std::size_t>> FoldedSpans(const text::FoldedText& f,
                                                             const std::vector<TimeExpr>& times);

// The outline flattened in document order, for "which section is this in".
class OutlineIndex {
 public:
  OutlineIndex(const std::vector<OutlineNode>& outline, const text::FoldedText& f);
  // The deepest node whose heading starts at or before folded `pos`; -1 when none.
  int NodeAt(std::size_t pos) const;
  const std::string& Path(int node) const;
  // The node's heading line, folded [begin, end).
  std::size_t HeadingBegin(int node) const { return nodes_[node].begin; }
  std::size_t HeadingEnd(int node) const { return nodes_[node].end; }
  // True inside "Mục đích, yêu cầu" (or a section under it): no tasks there.
  bool Skipped(int node) const { return node >= 0 && nodes_[node].skip; }
  std::size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    std::size_t begin, end;
    std::string path;
    bool skip;
  };
  void Add(const std::vector<OutlineNode>& nodes, const text::FoldedText& f, FoldedCursor* cursor,
           bool skip);
  std::vector<Node> nodes_;
};

struct Paragraph {
  std::size_t begin = 0;    // folded, at the label or bullet
  std::size_t content = 0;  // after the label, bullet and markup
  std::size_t end = 0;      // folded, exclusive, trailing space trimmed
  int node = -1;            // OutlineIndex node
  bool heading = false;     // the paragraph is an outline node's heading line
};

struct Cell {
  std::size_t begin = 0, end = 0;  // folded, trimmed
};
struct TableRow {
  std::vector<Cell> cells;
  std::size_t begin = 0, end = 0;
};
struct Table {
  std::vector<TableRow> rows;
  std::size_t begin = 0, end = 0;
  bool flattened = false;  // one cell per line between lone "|" lines (converted documents)
  int elided = 0;          // "…......" cells: rows the copy left out (flattened tables)
};

struct Scan {
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
};

// Paragraphs and tables of the operative part: after the header, outside "Căn cứ …" /
// "Theo đề nghị …" lines, outside "Mục đích, yêu cầu", and outside the "Nơi nhận" block and
// signature (reading resumes at the next outline heading: a plan attached after its decision).
Scan ScanOperative(std::string_view text, const text::FoldedText& f, const Document& doc,
                   const OutlineIndex& outline);

// The outline index and the scan of a document's operative part, read once for the task and
// the reporting extractors (both take it; each reads it anew when not given one). Depends on
// the header spans and the outline of `doc` only, so it stays valid while tasks are added.
struct Operative {
  Operative(std::string_view text, const text::FoldedText& f, const Document& doc)
      : outline(doc.outline, f),
        scan(ScanOperative(text, f, doc, outline)),
        times(FoldedSpans(f, doc.times)) {}
  OutlineIndex outline;
  Scan scan;
  std::vector<std::pair<std::size_t, std::size_t>> times;  // folded spans of doc.times
};

// Sentences of a paragraph, folded [begin, end): split at ". " before a capital letter.
std::vector<std::pair<std::size_t, std::size_t>> Sentences(std::string_view text,
                                                           const text::FoldedText& f,
                                                           std::size_t begin, std::size_t end);

// "1", "12", "1.1", "I", "IV", "a": folded [b, e) (markup and a final dot aside) reads as the
// number of a table row.
bool LooksLikeRowNumber(std::string_view fs, std::size_t b, std::size_t e);

// Original text of folded [b, e), cleaned (CleanText).
std::string OrigClean(std::string_view text, const text::FoldedText& f, std::size_t b,
                      std::size_t e);

// The span in the original of folded [b, e).
Span OrigSpan(const text::FoldedText& f, std::size_t b, std::size_t e);

}  // namespace dondoc::parse
