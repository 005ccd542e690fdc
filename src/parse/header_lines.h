// The header area's lines with their folded forms, and the tests on them that both the header
// extractor (header.cc) and the trích yếu reader (header_title.cc) use. Internal to parse/;
// tested through header_test.cc and header_title_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "parse/document.h"
#include "parse/header_stream.h"
#include "text/fold.h"

namespace dondoc::parse::header_lines {

inline bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Letters in `s`: how many are upper and lower case.
void CountCase(std::string_view s, int* upper, int* lower);

// At least two capitals and at most one lower-case letter in ten.
bool MostlyUpper(std::string_view s);

// Words of `phrase` (folded, single spaces) at folded[pos], any run of non-alphanumeric
// characters between words. Returns the end position or npos.
std::size_t PhraseAt(std::string_view f, std::size_t pos, std::string_view phrase);

// Where `phrase` starts in f[from, to), or npos.
std::size_t FindPhrase(std::string_view f, std::string_view phrase, std::size_t from = 0,
                       std::size_t to = std::string_view::npos);

// `s` without the leading and trailing characters in `chars`.
std::string Trim(std::string s, std::string_view chars = " ,;:.");

// A header line with its folded form.
struct Line {
  const HeaderLine* h;
  text::FoldedText f;  // f.offsets index h->text
  bool stamp = false;
  Span SpanOfFolded(std::size_t fb, std::size_t fe) const {
    const std::size_t b = f.offsets[fb];
    const std::size_t e = fe >= f.folded.size() ? h->text.size() : f.offsets[fe];
    return h->SpanOf(b, e);
  }
  std::string TextOfFolded(std::size_t fb, std::size_t fe = std::string::npos) const {
    const std::size_t b = f.offsets[fb];
    const std::size_t e = fe >= f.folded.size() ? h->text.size() : f.offsets[fe];
    return h->text.substr(b, e - b);
  }
};

// A line that starts with (a half of) the national motto or the Party's "ĐẢNG CỘNG SẢN …".
bool IsMottoLine(std::string_view f);

// Lines that end a trích yếu: the body starts ("Căn cứ", "Kính gửi", "Điều 1" …).
bool IsTitleStop(std::string_view f);

// The signing authority's line printed between the trích yếu and the body of a decision
// ("ỦY BAN NHÂN DÂN TỈNH …", "CHỦ TỊCH …", "BỘ TRƯỞNG BỘ …").
bool IsAuthorityLine(std::string_view f);

// "SỞ" (a department) and "sở hữu" fold like "SỐ": is the vowel after folded `fpos` the ố of
// "số" as printed?
bool IsSoVowel(const Line& line, std::size_t fpos);

}  // namespace dondoc::parse::header_lines
