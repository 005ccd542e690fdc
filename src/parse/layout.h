// Line layout shared by the signature and recipient extractors: the text as "segments" in
// reading order. Tested through signers_test.cc and recipients_test.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::parse {

// One line, or one table cell. Views into the Layout that made it: valid while it lives.
struct LayoutSeg {
  std::string_view text;               // markdown dropped, spaces collapsed, trimmed
  std::span<const std::uint32_t> off;  // off[i] = input offset of text[i]
  bool brk = false;                    // a layout boundary precedes this segment
};

// Segments of a document: one per physical line, except markdown tables (pipe rows and
// pandoc grid tables), which are read column by column, so a column (the signature, the
// "Nơi nhận" list) is read top to bottom even when it shares rows with another. A line that
// is a lone "|" or carries "PAGE BREAK" gives no segment but marks a boundary; a table ends
// with one, and a grid border inside a column gives an empty segment. Markdown ("*", "\",
// "_", "`", a leading "#" or ">") and HTML tags ("<br>", "</i>") are dropped and runs of
// white space collapsed to one space, every kept byte mapped back to its input offset.
//
// Cost: one pass over the text; the cleaned bytes of all segments share one buffer, so a
// document costs a few allocations, not two per line. Not copyable (segments point into it).
class Layout {
 public:
  explicit Layout(std::string_view text);
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  const std::vector<LayoutSeg>& segs() const { return segs_; }

 private:
  std::string text_;                      // cleaned bytes of every segment, back to back
  std::unique_ptr<std::uint32_t[]> off_;  // input offset of every byte of text_ (not zeroed)
  std::vector<LayoutSeg> segs_;
};

}  // namespace dondoc::parse
