// Tested by tasks_test.cc and reporting_test.cc.
//
// One forward pass over the folded lines. Edge cases handled:
// - Wrapped lines (converted documents break lines anywhere) are joined into one paragraph; a
//   new paragraph starts after a blank line, at a bullet ("-", "+", "•", "–", "* ") or a label
//   ("1.", "1.2.", "a)", "II.", "Điều 3."), at an outline heading, or after a line ending in
//   ".", ":", ";" when the next line starts with a capital letter or a digit.
// - The header (up to the title, number, date, whichever ends last) is not operative; nor are
//   "Căn cứ …" (unless a numbered item: "2. Căn cứ Kế hoạch …, các sở …"), "Theo đề nghị …",
//   "Xét đề nghị …", "Kính gửi …" paragraphs, nor sections whose heading says "mục đích" or
//   "yêu cầu" (and what is under them).
// - "Nơi nhận:" starts the recipients and signature block, skipped up to the next outline
//   heading (a plan attached after its decision, an appendix).
// - Markdown table rows ("| a | b |", separator rows dropped) and flattened tables (each cell
//   on its own lines between lone "|" lines; two "|" lines in a row end a row when the row is
//   full or the next cell looks like a row number — "1", "1.1", "I.1", "IV" — else they are an
//   empty cell) become tables. A "Phụ lục" heading ends a flattened table the copy ran into it;
//   a cell of bold marks only ("** **") between lone "|" lines is an empty cell, not a blank.
// - A flattened-table cell of only dots or ellipses ("…......") marks rows a portal copy left
//   out: it is no cell, it ends the row before it, and the next cell starts a new row (else that
//   row would swallow the next one and lose its task). Counted in Table::elided.
#include "parse/tasks_scan.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>

#include "parse/tasks_units.h"
#include "text/find.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsMarkup(char c) { return c == '*' || c == '_' || c == '#' || c == '>'; }

std::size_t SkipMarkup(std::string_view fs, std::size_t p, std::size_t e) {
  while (p < e && (IsSpace(fs[p]) || IsMarkup(fs[p]))) ++p;
  return p;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsRoman(char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; }

// After a label or bullet at p (markup already skipped): the position after it, or p.
std::size_t LabelEnd(std::string_view fs, std::size_t p, std::size_t e) {
  if (p >= e) return p;
  const unsigned char c = static_cast<unsigned char>(fs[p]);
  // Bullets: - + • – — ▪ ◦ and "* ".
  if (c == '-' || c == '+') return p + 1;
  if (fs.substr(p, 3) == "\xE2\x80\xA2" || fs.substr(p, 3) == "\xE2\x80\x93" ||
      fs.substr(p, 3) == "\xE2\x80\x94" || fs.substr(p, 3) == "\xE2\x96\xAA" ||
      fs.substr(p, 3) == "\xE2\x97\xA6") {
    return p + 3;
  }
  if (WordAt(fs, p, "dieu")) {
    std::size_t q = p + 5;
    if (q < e && IsDigit(fs[q])) {
      while (q < e && (IsDigit(fs[q]) || (fs[q] >= 'a' && fs[q] <= 'z'))) ++q;
      if (q < e && (fs[q] == '.' || fs[q] == ':')) ++q;
      return q;
    }
    return p;
  }
  std::size_t q = p;
  if (IsDigit(fs[q])) {
    while (q < e && (IsDigit(fs[q]) || fs[q] == '.')) ++q;
    if (q - p > 8) return p;
    if (q < e && fs[q] == ')') ++q;
    if (fs[q - 1] != '.' && fs[q - 1] != ')') return p;
    return q;
  }
  while (q < e && IsRoman(fs[q])) ++q;
  if (q > p && q < e && (fs[q] == '.' || fs[q] == '-') && q - p <= 5) return q + 1;
  q = p;
  if (fs[q] >= 'a' && fs[q] <= 'z' && q + 1 < e) {
    std::size_t r = q + 1;
    while (r < e && IsDigit(fs[r])) ++r;
    if (r < e && fs[r] == ')') return r + 1;
  }
  return p;
}

bool Capital(std::string_view text, const text::FoldedText& f, std::size_t pos) {
  std::size_t len = 0;
  const auto cp = static_cast<UChar32>(text::DecodeAt(text, f.Orig(pos), &len));
  return u_isupper(cp) || u_istitle(cp) || (cp >= '0' && cp <= '9');
}

}  // namespace

bool LooksLikeRowNumber(std::string_view fs, std::size_t b, std::size_t e) {
  b = SkipMarkup(fs, b, e);
  while (e > b && (IsSpace(fs[e - 1]) || IsMarkup(fs[e - 1]) || fs[e - 1] == '.')) --e;
  if (e <= b || e - b > 8) return false;
  // Dotted numbers ("1.1", "2.3.1") number the rows under a group row ("I | Hoàn thiện thể
  // chế", which has fewer cells than the header). Each part at most two digits, so an amount
  // ("100.000") is no row number.
  // "I.1", "II.2": a roman group number, then a dotted part.
  std::size_t r = b;
  while (r < e && IsRoman(fs[r])) ++r;
  if (r > b && r + 1 < e && fs[r] == '.' && IsDigit(fs[r + 1])) b = r + 1;
  bool digits = true, dotted = false, roman = true;
  std::size_t part = 0;
  for (std::size_t i = b; i < e; ++i) {
    if (IsDigit(fs[i])) {
      ++part;
    } else if (fs[i] == '.' && part > 0 && part <= 2) {
      dotted = true;
      part = 0;
    } else {
      digits = false;
    }
    roman = roman && IsRoman(fs[i]);
  }
  digits = digits && part > 0 && (dotted ? part <= 2 : e - b <= 4);
  return digits || (roman && e - b <= 4) || e - b == 1;
}

namespace {

Cell Trimmed(std::string_view fs, std::size_t b, std::size_t e) {
  while (b < e && (IsSpace(fs[b]) || fs[b] == '\n' || IsMarkup(fs[b]))) ++b;
  while (e > b && (IsSpace(fs[e - 1]) || fs[e - 1] == '\n' || IsMarkup(fs[e - 1]))) --e;
  return {b, e};
}

// Only dots and ellipses (U+2026), at least three dots' worth: "…....", "......".
bool IsElision(std::string_view fs, const Cell& c) {
  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  int dots = 0;
  for (std::size_t i = c.begin; i < c.end;) {
    if (fs[i] == '.') {
      ++dots;
      ++i;
    } else if (fs.substr(i, 3) == kEllipsis) {
      dots += 3;
      i += 3;
    } else if (IsSpace(fs[i]) || fs[i] == '\n') {
      ++i;
    } else {
      return false;
    }
  }
  return dots >= 3;
}

// Code points of UTF-8 `s` (bytes that are no continuation byte), counted only while the
// count stays below `enough`: outline headings can run to whole paragraphs, nested ones over
// the same text. Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
std::size_t Letters(std::string_view s, std::size_t enough) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t letters = 0, i = 0;
  for (; i + 8 <= s.size() && letters + 8 < enough; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // One bit per continuation byte, summed by a multiply: std::popcount is a libgcc call on
    // x86-64 without -mpopcnt.
    const std::uint64_t cont = (x & ~(x << 1) & kHigh) >> 7;
    letters += 8 - static_cast<std::size_t>((cont * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size() && letters < enough; ++i) {
    letters += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return letters;
}

}  // namespace

std::size_t FoldedPos(const text::FoldedText& f, std::uint32_t orig) {
  return FoldedCursor(f, orig).Pos(orig);
}

FoldedCursor::FoldedCursor(const text::FoldedText& f, std::uint32_t near) : o_(f.offsets) {
  // offsets has one more element than folded; it is non-decreasing and nearly proportional to
  // the index (folding drops a byte or two per accented letter): proportion puts the start
  // close to the answer for `near`.
  const std::size_t n = o_.size();
  const std::uint64_t total = n == 0 ? 0 : o_.back();
  if (total > 0) {
    at_ = std::min(static_cast<std::size_t>(std::uint64_t{near} * (n - 1) / total), n - 1);
  }
}

std::vector<std::pair<std::size_t, std::size_t>> FoldedSpans(const text::FoldedText& f,
                                                             const std::vector<TimeExpr>& times) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(times.size());
  FoldedCursor cursor(f);
  for (const TimeExpr& t : times) {
    const std::size_t b = cursor.Pos(t.span.begin);
    out.emplace_back(b, cursor.Pos(t.span.end));
  }
  return out;
}

std::size_t FoldedCursor::Pos(std::uint32_t orig) {
  const std::size_t n = o_.size();
  if (n == 0) return 0;
  // The answer (the first index holding orig or more, n if none) lies in [lo, hi].
  std::size_t lo = 0, hi = n;
  if (o_[at_] < orig) {
    lo = at_ + 1;
    for (std::size_t step = 1, probe = at_ + 1; probe < n; step *= 2, probe = at_ + step) {
      if (o_[probe] >= orig) {
        hi = probe;
        break;
      }
      lo = probe + 1;
    }
  } else {
    hi = at_;
    for (std::size_t step = 1; step <= at_; step *= 2) {
      const std::size_t probe = at_ - step;
      if (o_[probe] < orig) {
        lo = probe + 1;
        break;
      }
      hi = probe;
    }
  }
  auto it = std::lower_bound(o_.begin() + static_cast<std::ptrdiff_t>(lo),
                             o_.begin() + static_cast<std::ptrdiff_t>(hi), orig);
  const auto pos = static_cast<std::size_t>(it - o_.begin());
  at_ = std::min(pos, n - 1);
  return pos;
}

Span OrigSpan(const text::FoldedText& f, std::size_t b, std::size_t e) {
  return {f.Orig(b), f.Orig(e)};
}

std::string OrigClean(std::string_view text, const text::FoldedText& f, std::size_t b,
                      std::size_t e) {
  if (e <= b) return {};
  return CleanText(text.substr(f.Orig(b), f.Orig(e) - f.Orig(b)));
}

OutlineIndex::OutlineIndex(const std::vector<OutlineNode>& outline, const text::FoldedText& f) {
  FoldedCursor cursor(f);
  Add(outline, f, &cursor, false);
  // Pre-order is document order, so the nodes nearly always come sorted already; sorting
  // them anyway cost a merge sort per document.
  const auto by_begin = [](const Node& a, const Node& b) { return a.begin < b.begin; };
  if (!std::is_sorted(nodes_.begin(), nodes_.end(), by_begin)) {
    std::stable_sort(nodes_.begin(), nodes_.end(), by_begin);
  }
}

void OutlineIndex::Add(const std::vector<OutlineNode>& nodes, const text::FoldedText& f,
                       FoldedCursor* cursor, bool skip) {
  for (const OutlineNode& n : nodes) {
    // The label and heading as the outline gives them (a long heading is cut short, "…"),
    // read in the folded text, which has about one byte per letter: label + heading letters
    // from the line start.
    const std::size_t b = cursor->Pos(n.span.begin), e = cursor->Pos(n.span.end);
    const std::size_t he =
        std::min(e, b + n.label.size() + Letters(n.heading, e > b ? e - b : 0) + 2);
    const std::string_view h = std::string_view(f.folded).substr(b, he > b ? he - b : 0);
    const bool s = skip || text::Contains(h, "muc dich") || text::Contains(h, "yeu cau");
    nodes_.push_back({b, e, n.path, s});
    Add(n.children, f, cursor, s);
  }
}

int OutlineIndex::NodeAt(std::size_t pos) const {
  auto it = std::upper_bound(nodes_.begin(), nodes_.end(), pos,
                             [](std::size_t p, const Node& n) { return p < n.begin; });
  return static_cast<int>(it - nodes_.begin()) - 1;
}

const std::string& OutlineIndex::Path(int node) const {
  static const std::string kEmpty;
  return node < 0 ? kEmpty : nodes_[node].path;
}

Scan ScanOperative(std::string_view text, const text::FoldedText& f, const Document& doc,
                   const OutlineIndex& outline) {
  Scan scan;
  const std::string_view fs = f.folded;
  std::uint32_t header_end = 0;
  for (const Span& s : {doc.title_span, doc.date_span, doc.number_span, doc.type_span}) {
    header_end = std::max(header_end, s.end);
  }
  std::size_t start = FoldedPos(f, header_end);
  if (outline.size() > 0) start = std::min(start, outline.HeadingBegin(0));

  Paragraph cur;
  bool open = false;
  bool prev_ends = false;  // the previous line ended a sentence
  bool recipients = false;
  std::size_t resume = 0;  // recipients block: resume at this heading begin
  Table table;
  bool in_table = false;
  // Flattened-table state.
  bool flat_cell_open = false;
  std::size_t flat_cell_begin = 0, flat_cell_end = 0;
  bool flat_empty_pending = false;
  bool flat_row_gap = false;  // an elision cell closed: the next cell starts a row
  std::size_t header_cells = 0;

  auto close_para = [&]() {
    if (!open) return;
    open = false;
    while (cur.end > cur.content &&
           (IsSpace(fs[cur.end - 1]) || fs[cur.end - 1] == '\n' || IsMarkup(fs[cur.end - 1]))) {
      --cur.end;
    }
    if (cur.end <= cur.content) return;
    const std::size_t c = cur.content;
    // A numbered item "2. Căn cứ nội dung Kế hoạch …, các sở …" is operative; the legal bases
    // ("Căn cứ Luật …;", "- Căn cứ …") are not.
    const bool numbered = c != cur.begin && IsDigit(fs[cur.begin]);
    if ((WordAt(fs, c, "can cu") && !numbered) || WordAt(fs, c, "theo de nghi") ||
        WordAt(fs, c, "xet de nghi") || WordAt(fs, c, "kinh gui")) {
      return;
    }
    if (outline.Skipped(cur.node)) return;
    scan.paragraphs.push_back(cur);
  };
  auto close_table = [&]() {
    if (!in_table) return;
    in_table = false;
    if (table.flattened && flat_cell_open && flat_cell_end > flat_cell_begin &&
        !table.rows.empty()) {
      const Cell c = Trimmed(fs, flat_cell_begin, flat_cell_end);
      if (IsElision(fs, c)) {
        ++table.elided;
      } else {
        table.rows.back().cells.push_back(c);
        table.rows.back().end = flat_cell_end;
      }
    }
    flat_cell_open = false;
    flat_row_gap = false;
    if (!table.rows.empty() && !outline.Skipped(outline.NodeAt(table.begin))) {
      table.end = table.rows.back().end;
      scan.tables.push_back(std::move(table));
    }
    table = Table();
  };

  std::size_t lb = 0;
  // The outline node at each line's end (OutlineIndex::NodeAt): lines come in order, so a cursor
  // moves forward over the nodes instead of a binary search per line.
  int node = -1;
  while (lb <= fs.size()) {
    std::size_t le = fs.find('\n', lb);
    if (le == std::string_view::npos) le = fs.size();
    const std::size_t t = SkipMarkup(fs, lb, le);
    std::size_t te = le;
    while (te > t && (IsSpace(fs[te - 1]) || IsMarkup(fs[te - 1]))) --te;
    const bool blank = t >= te;
    while (static_cast<std::size_t>(node + 1) < outline.size() &&
           outline.HeadingBegin(node + 1) <= le) {
      ++node;
    }
    const bool node_here =
        node >= 0 && outline.HeadingBegin(node) >= lb && outline.HeadingBegin(node) <= le;
    const std::size_t next = le + 1;

    if (lb < start) {
      lb = next;
      continue;
    }
    if (recipients) {
      if (node_here && outline.HeadingBegin(node) >= resume) {
        recipients = false;
      } else {
        lb = next;
        continue;
      }
    }
    // An appendix heading ends a flattened table that a copy ran straight into it ("Bộ Công an
    // |" then "PHỤ LỤC II" with no blank line between): the next table has its own header.
    if (in_table && table.flattened && node_here && WordAt(fs, t, "phu luc")) close_table();
    // Tables.
    const bool lone_pipe = !blank && te - t == 1 && fs[t] == '|';
    // A row starts with '|' and has a second one; most lines start otherwise and are not read.
    const bool md_row = !lone_pipe && t < te && fs[t] == '|' &&
                        fs.substr(t + 1, le - t - 1).find('|') != std::string_view::npos;
    // A cell of only bold marks between lone "|" lines ("|", "** **", "|": an empty bold cell
    // of a group row) is an empty cell of a flattened table, not the blank line that ends it.
    // Other markup-only lines ("* *" before "Nơi nhận") still end the table.
    bool markup_only = false;
    if (blank && in_table && table.flattened && flat_cell_open &&
        flat_cell_end == flat_cell_begin && le < fs.size()) {
      for (std::size_t i = lb; i < le && !markup_only; ++i) markup_only = IsMarkup(fs[i]);
      std::size_t ne = fs.find('\n', le + 1);
      if (ne == std::string_view::npos) ne = fs.size();
      const std::size_t nt = SkipMarkup(fs, le + 1, ne);
      markup_only =
          markup_only && ne - nt >= 1 && fs[nt] == '|' && SkipMarkup(fs, nt + 1, ne) == ne;
    }
    if (lone_pipe || md_row || (in_table && table.flattened && (!blank || markup_only))) {
      close_para();
      if (in_table && table.flattened != lone_pipe && md_row) close_table();
      if (!in_table) {
        in_table = true;
        table.flattened = lone_pipe;
        table.begin = lb;
        header_cells = 0;
      }
      if (md_row) {
        // Separator rows hold only - : | and spaces.
        bool sep = true;
        for (std::size_t i = t; i < te; ++i) {
          if (fs[i] != '-' && fs[i] != ':' && fs[i] != '|' && !IsSpace(fs[i])) sep = false;
        }
        if (!sep) {
          TableRow row;
          row.begin = lb;
          row.end = te;
          std::size_t cb = t + 1;
          for (std::size_t i = t + 1; i <= te; ++i) {
            if (i == te || fs[i] == '|') {
              if (i == te && i > cb && fs[te - 1] != '|') {
                row.cells.push_back(Trimmed(fs, cb, i));
              } else if (i < te) {
                row.cells.push_back(Trimmed(fs, cb, i));
              }
              cb = i + 1;
            }
          }
          table.rows.push_back(std::move(row));
        }
      } else if (lone_pipe) {
        if (flat_cell_open && flat_cell_end > flat_cell_begin) {
          const Cell c = Trimmed(fs, flat_cell_begin, flat_cell_end);
          if (IsElision(fs, c)) {
            ++table.elided;
            flat_row_gap = true;
          } else {
            if (table.rows.empty()) table.rows.push_back({{}, flat_cell_begin, flat_cell_begin});
            table.rows.back().cells.push_back(c);
            table.rows.back().end = flat_cell_end;
          }
          flat_empty_pending = false;
        } else if (flat_cell_open) {
          flat_empty_pending = true;  // "|" right after "|": an empty cell or a row break
        }
        flat_cell_open = true;
        flat_cell_begin = next;
        flat_cell_end = next;
      } else {
        // A content line of a flattened cell.
        if (flat_row_gap) {
          flat_row_gap = false;
          flat_empty_pending = false;
          if (!table.rows.empty() && !table.rows.back().cells.empty()) {
            table.rows.push_back({{}, lb, lb});
          }
        }
        if (flat_empty_pending) {
          flat_empty_pending = false;
          const std::size_t have = table.rows.empty() ? 0 : table.rows.back().cells.size();
          if (header_cells == 0 && have > 0) header_cells = have;
          const bool row_break =
              table.rows.empty() || have >= header_cells || LooksLikeRowNumber(fs, t, te);
          if (row_break) {
            table.rows.push_back({{}, lb, lb});
          } else {
            table.rows.back().cells.push_back({lb, lb});
          }
        }
        if (table.rows.empty()) table.rows.push_back({{}, lb, lb});
        flat_cell_end = le;
      }
      lb = next;
      continue;
    }
    if (in_table && (blank || !table.flattened)) close_table();

    if (blank) {
      close_para();
      prev_ends = false;
      lb = next;
      continue;
    }
    if (WordAt(fs, t, "noi nhan")) {
      close_para();
      recipients = true;
      resume = le;
      lb = next;
      continue;
    }
    const std::size_t label_end = LabelEnd(fs, t, te);
    const bool labelled = label_end != t;
    const bool starts_new =
        !open || labelled || node_here || (prev_ends && (Capital(text, f, t) || IsDigit(fs[t])));
    if (starts_new) {
      close_para();
      cur = Paragraph();
      cur.begin = t;
      cur.content = SkipMarkup(fs, label_end, te);
      cur.node = node;
      cur.heading = node_here;
      open = true;
    }
    cur.end = te;
    const char last = te > t ? fs[te - 1] : ' ';
    // An outline heading line ends its paragraph ("4. Sở Tài chính" / "Chủ trì, …").
    prev_ends = last == '.' || last == ':' || last == ';' || last == '!' || last == '?';
    if (node_here && outline.HeadingEnd(node) <= le + 1) {
      close_para();
      prev_ends = false;
    }
    lb = next;
  }
  close_para();
  close_table();
  return scan;
}

std::vector<std::pair<std::size_t, std::size_t>> Sentences(std::string_view text,
                                                           const text::FoldedText& f,
                                                           std::size_t begin, std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::string_view fs = f.folded;
  std::size_t b = begin;
  // memchr to each '.': a byte-by-byte loop cost more than the rest of the function.
  for (std::size_t i = begin; i + 2 < end; ++i) {
    const void* dot = std::memchr(fs.data() + i, '.', end - 2 - i);
    if (dot == nullptr) break;
    i = static_cast<std::size_t>(static_cast<const char*>(dot) - fs.data());
    if (fs[i + 1] != ' ' && fs[i + 1] != '\n') continue;
    std::size_t n = i + 1;
    while (n < end && (IsSpace(fs[n]) || fs[n] == '\n' || IsMarkup(fs[n]))) ++n;
    if (n >= end || !Capital(text, f, n) || IsDigit(fs[n])) continue;
    // "TP. Hồ Chí Minh", "v.v. Các": a short upper-case word before the dot is no sentence end.
    std::size_t w = i;
    while (w > b && fs[w - 1] != ' ' && fs[w - 1] != '\n') --w;
    if (i - w <= 2 && w < i && Capital(text, f, w)) continue;
    out.emplace_back(b, i + 1);
    b = n;
  }
  if (b < end) out.emplace_back(b, end);
  return out;
}

}  // namespace dondoc::parse
