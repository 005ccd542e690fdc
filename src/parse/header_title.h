// The trích yếu (title) of a document's header: where it starts is found by the header
// extractor (header.cc: after the type name, or the công văn's "V/v"); where it ends is decided
// here. Internal to parse/; tested by header_title_test.cc (one test per cause of a title cut
// short or run on) and header_test.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parse/document.h"
#include "parse/header_lines.h"

namespace dondoc::parse {

struct TitleStart {
  std::size_t line = 0;  // the line it starts on, and the folded position in it
  std::size_t fpos = 0;
  bool cong_van = false;                 // after a "V/v": one phrase, often before the date
  std::optional<std::size_t> date_line;  // the line holding the date, when found
  std::string issuer_name;               // as printed; empty when no issuer was found
};

struct Title {
  std::string text;  // empty when nothing was read
  Span span;         // empty with an empty text
};

// Reads the trích yếu from `from`: across lines, up to a blank line, the body ("Căn cứ",
// "Kính gửi" …), a change from capitals to lower case, or the authority's own line.
Title ReadTitle(const std::vector<header_lines::Line>& lines, const TitleStart& from);

}  // namespace dondoc::parse
