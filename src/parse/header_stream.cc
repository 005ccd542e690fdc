// Tested through header_test.cc. See header_stream.h for the layouts handled.
#include "parse/header_stream.h"

#include <algorithm>
#include <array>

namespace dondoc::parse {
namespace {

struct Segment {
  std::size_t begin, end;  // in the original text
  bool boundary_before;
};

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool EndsWithWord(std::string_view s, std::string_view w) {
  return s.ends_with(w) && (s.size() == w.size() || s[s.size() - w.size() - 1] == ' ');
}

// SPEC(NĐ 30/2020, Phụ lục I, cell 4): the day and month are written by hand at signing, so
// an unsigned copy or a draft prints "ngày      tháng      năm 2025": the blanks are not a
// gap between two columns.
bool IsBlankDateGap(std::string_view before, std::string_view after) {
  const bool day = EndsWithWord(before, "ngày") || EndsWithWord(before, "ngay");
  const bool month = EndsWithWord(before, "tháng") || EndsWithWord(before, "thang");
  if (day) return after.starts_with("tháng") || after.starts_with("thang");
  if (month) return after.starts_with("năm") || after.starts_with("nam");
  return false;
}

// Splits a raw line at gaps of 5+ spaces between text (pandoc grid/simple tables).
std::vector<std::pair<std::size_t, std::size_t>> GapCells(std::string_view text, std::size_t b,
                                                          std::size_t e) {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  std::size_t i = b;
  while (i < e && text[i] == ' ') ++i;
  std::size_t start = i;
  while (i < e) {
    if (text[i] == ' ') {
      std::size_t j = i;
      while (j < e && text[j] == ' ') ++j;
      if (j - i >= 5 && j < e && !IsBlankDateGap(text.substr(b, i - b), text.substr(j, e - j))) {
        cells.emplace_back(start, i);
        start = j;
      }
      i = j;
    } else {
      ++i;
    }
  }
  if (start < e) cells.emplace_back(start, e);
  return cells;
}

// Bytes that LineBuilder::Segment copies as they are, whatever precedes them: not markup
// ('*', '\\', '`', '#', '>'), not a tag start, not a rule character, not a blank.
constexpr auto kPlain = [] {
  std::array<bool, 256> t{};
  t.fill(true);
  for (const char c : {'*', '<', '\\', '`', '#', '>', '-', '_', '=', ' ', '\t'}) {
    t[static_cast<unsigned char>(c)] = false;
  }
  return t;
}();

class LineBuilder {
 public:
  explicit LineBuilder(std::string_view text) : text_(text) {}

  void Segment(const parse::Segment& s) {
    if (s.boundary_before) Boundary();
    const std::size_t b = s.begin, e = s.end;
    // A segment that is only a lone '*' is the Party header's separator.
    std::string_view raw = text_.substr(b, e - b);
    const auto first = raw.find_first_not_of(" \t");
    const auto last = raw.find_last_not_of(" \t");
    if (first != std::string_view::npos && first == last && raw[first] == '*') {
      Boundary();
      return;
    }
    bool at_start = true;
    for (std::size_t i = b; i < e;) {
      const char c = text_[i];
      if (kPlain[static_cast<unsigned char>(c)]) {
        // A run of bytes none of the tests below is about (most of a line): copied at once.
        std::size_t j = i + 1;
        while (j < e && kPlain[static_cast<unsigned char>(text_[j])]) ++j;
        at_start = false;
        if (cur_.text.empty()) cur_.bold = in_bold_;
        cur_.text.append(text_.data() + i, j - i);
        for (std::size_t k = i; k < j; ++k) cur_.offsets.push_back(static_cast<std::uint32_t>(k));
        i = j;
        continue;
      }
      if (c == '*') {
        if (i + 1 < e && text_[i + 1] == '*') {
          in_bold_ = !in_bold_;
          i += 2;
        } else {
          ++i;
        }
        continue;
      }
      if (c == '<') {
        // HTML residue of portal pages: <br> breaks the line, block tags end the cell, any
        // other tag is dropped.
        std::size_t j = i + 1;
        const bool tag_start = j < e && (text_[j] == '/' || (text_[j] >= 'a' && text_[j] <= 'z') ||
                                         (text_[j] >= 'A' && text_[j] <= 'Z'));
        while (tag_start && j < e && j - i < 120 && text_[j] != '>' && text_[j] != '<') ++j;
        if (tag_start && j < e && text_[j] == '>') {
          std::string name;
          for (std::size_t k = i + 1; k < j && name.size() < 10; ++k) {
            const char t = text_[k];
            if (t == '/' && name.empty()) continue;
            if (!((t >= 'a' && t <= 'z') || (t >= 'A' && t <= 'Z'))) break;
            name.push_back(static_cast<char>(t | 0x20));
          }
          if (name == "br") {
            EndLine();
          } else if (name == "div" || name == "p" || name == "table" || name == "tr" ||
                     name == "td" || name == "jsontable") {
            Boundary();
          }
          i = j + 1;
          continue;
        }
      }
      if (c == '\\' || c == '`' || ((c == '#' || c == '>') && at_start)) {
        ++i;
        continue;
      }
      if (c == '-' || c == '_' || c == '=') {
        // A rule: 3+ of the same character, pandoc may escape each dash ("\-\-\-").
        std::size_t j = i, n = 0;
        while (j < e && (text_[j] == c || (c == '-' && text_[j] == '\\'))) {
          n += text_[j] == c;
          ++j;
        }
        if (n >= 3) {
          Boundary();
          i = j;
          continue;
        }
      }
      if (c == ' ' || c == '\t') {
        if (!cur_.text.empty() && cur_.text.back() != ' ') Push(' ', i);
        ++i;
        continue;
      }
      at_start = false;
      if (cur_.text.empty()) cur_.bold = in_bold_;
      Push(c, i);
      ++i;
    }
    EndLine();
  }

  void Boundary() {
    EndLine();
    boundary_ = true;
    in_bold_ = false;
  }

  std::vector<HeaderLine> Take() {
    EndLine();
    return std::move(lines_);
  }

 private:
  void Push(char c, std::size_t offset) {
    cur_.text.push_back(c);
    cur_.offsets.push_back(static_cast<std::uint32_t>(offset));
  }
  void EndLine() {
    while (!cur_.text.empty() && cur_.text.back() == ' ') {
      cur_.text.pop_back();
      cur_.offsets.pop_back();
    }
    if (!cur_.text.empty()) {
      cur_.offsets.push_back(cur_.offsets.back() + 1);
      cur_.boundary_before = boundary_ || lines_.empty();
      lines_.push_back(std::move(cur_));
      boundary_ = false;
    }
    cur_ = HeaderLine{};
  }

  std::string_view text_;
  std::vector<HeaderLine> lines_;
  HeaderLine cur_;
  bool in_bold_ = false;
  bool boundary_ = true;
};

}  // namespace

std::vector<HeaderLine> BuildHeaderLines(std::string_view text, std::size_t limit) {
  limit = std::min(limit, text.size());
  if (const auto nl = text.find('\n', limit); nl != std::string_view::npos) {
    limit = nl;
  } else {
    limit = text.size();
  }
  // Raw lines.
  std::vector<std::pair<std::size_t, std::size_t>> raw;
  for (std::size_t b = 0; b < limit;) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos || e > limit) e = limit;
    raw.emplace_back(b, e);
    b = e + 1;
  }
  LineBuilder builder(text);
  bool blank_pending = false;
  for (std::size_t k = 0; k < raw.size();) {
    const auto [b, e] = raw[k];
    const std::string_view line = text.substr(b, e - b);
    if (IsBlank(line)) {
      blank_pending = true;
      ++k;
      continue;
    }
    if (line.find('|') != std::string_view::npos) {
      // Markdown pipe table row: every cell stands alone.
      std::size_t s = b;
      for (std::size_t i = b; i <= e; ++i) {
        if (i == e || text[i] == '|') {
          if (i > s) builder.Segment({s, i, true});
          s = i + 1;
        }
      }
      builder.Boundary();
      blank_pending = false;
      ++k;
      continue;
    }
    auto cells = GapCells(text, b, e);
    if (cells.size() < 2) {
      builder.Segment({b, e, blank_pending});
      blank_pending = false;
      ++k;
      continue;
    }
    // A run of column-split lines: emit the left column, then the others.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> run;
    std::size_t j = k;
    while (j < raw.size()) {
      const auto [rb, re] = raw[j];
      if (IsBlank(text.substr(rb, re - rb)) ||
          text.substr(rb, re - rb).find('|') != std::string_view::npos) {
        break;
      }
      auto c = GapCells(text, rb, re);
      if (c.size() < 2 && j > k) {
        // A one-column line inside the run belongs to the right column when deeply indented.
        const std::size_t indent = text.substr(rb, re - rb).find_first_not_of(' ');
        if (indent > 20) c.insert(c.begin(), {rb, rb});
      }
      run.push_back(std::move(c));
      ++j;
    }
    std::size_t columns = 0;
    for (const auto& c : run) columns = std::max(columns, c.size());
    for (std::size_t col = 0; col < columns; ++col) {
      bool first = true;
      for (const auto& c : run) {
        if (col < c.size() && c[col].second > c[col].first) {
          builder.Segment({c[col].first, c[col].second, first || (col == 0 && blank_pending)});
          first = false;
        }
      }
      builder.Boundary();
    }
    blank_pending = false;
    k = j;
  }
  return builder.Take();
}

}  // namespace dondoc::parse
