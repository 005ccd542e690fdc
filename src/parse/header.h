// Extractor: the header of an official document — issuer (and parent body), số/ký hiệu, type,
// place, date, title (trích yếu) — as it really arrives: markdown table cells, flattened onto
// a few lines, after a portal banner, with bold/italic markers, unaccented OCR text, with an
// incoming-document stamp or a receiving company's name above it. Tested by header_test.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/document.h"

namespace dondoc::parse {

struct Header {
  std::optional<Issuer> issuer;
  std::string number;
  Span number_span;
  std::string type, type_name;
  Span type_span;
  std::string place;
  Span place_span;
  std::string date;
  Span date_span;
  std::string title;
  Span title_span;
  bool national_motto = false;  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" seen
  bool party_header = false;    // "ĐẢNG CỘNG SẢN VIỆT NAM" seen
  std::size_t body_begin = 0;   // where the content after the header starts (byte offset)
  std::vector<Attachment> attachments;
  std::vector<Warning> warnings;
};

// Reads the header from the normalized text. A field the text does not state stays empty;
// nothing is taken from a stamp, a portal banner, a reference or an attachment.
Header ExtractHeader(std::string_view text);

}  // namespace dondoc::parse
