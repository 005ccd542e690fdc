// The parsed document: plain structs handed from parse/ to every later layer. Field names
// mirror the `dondoc/document@1` JSON contract (shared/docs/document-schema.md); json.cc is
// the only place that knows the JSON spelling.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dondoc {

// [begin, end) in bytes of the normalized text. {0, 0} means "no span".
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= begin; }
};

struct Warning {
  std::string code;  // "stamp-ignored", "attachment", "ocr-suspected", "invalid-utf8", ...
  std::string message;
  Span span;
};

struct Source {
  std::string name;  // file name as given
  std::string sha256;
  std::string format = "text";  // text | docx | pdf | html | image
  std::string encoding = "utf-8";
  bool ocr = false;
};

struct Issuer {
  std::string name;    // "Sở Thông tin và Truyền thông"
  std::string parent;  // "UBND tỉnh Vĩnh Long"; empty when none is printed
  std::string unit_id;
  Span span;
};

struct Signer {
  std::string name;
  std::string authority;  // TM, KT, TL, TUQ, Q (Party T/M, K/T, T/L map to TM, KT, TL)
  std::string for_title;  // the title or body signed for ("Chủ tịch", "Ủy ban nhân dân")
  std::string position;   // the signer's own position ("Phó Chủ tịch")
  Span span;
};

struct Recipient {
  std::string name;
  std::string purpose;  // "b/c", "t/h", "p/h", "" when none
  Span span;
};

struct OutlineNode {
  std::string label;    // "II", "1", "a", "Điều 3"
  std::string heading;  // text of the heading line after the label
  std::string path;     // "III.1.a"
  Span span;            // the heading line
  std::vector<OutlineNode> children;
};

struct Reference {
  std::string type;    // abbreviation ("NQ"), empty when unknown
  std::string number;  // normalized số/ký hiệu, empty for name-only citations
  std::string date;    // ISO, empty when not given
  std::string issuer;
  std::string name;  // "Luật An ninh mạng" for name-only citations
  Span span;
};

struct TimeExpr {
  std::string text;
  std::string kind;  // date | period | recurring | event | continuous
  std::string start, date, rrule, event;
  Span span;
};

struct TaskUnit {
  std::string name;
  std::string unit_id;
  std::string role;  // lead | execute | coordinate | requested
  Span span;
};

struct Task {
  std::string action;
  std::vector<TaskUnit> units;
  std::optional<int> due;  // index into times
  std::string path;
  Span span;
};

struct Reporting {
  std::string to;
  std::vector<int> times;
  Span span;
};

// An attachment with its own header ("Kèm theo Quyết định số …"): recognised and reported,
// never mixed into the main document's fields.
struct Attachment {
  std::string type_name;
  std::string number;
  Span span;
};

struct Document {
  Source source;
  std::string kind = "unknown";  // official | article | unknown
  std::optional<Issuer> issuer;
  std::string number;  // số/ký hiệu as printed, spacing normalized
  Span number_span;
  std::string type;       // abbreviation (KH, QĐ, QyĐ, NQ, ...); may be empty for công văn
  std::string type_name;  // "Kế hoạch", "Công văn"
  Span type_span;
  std::string place;
  Span place_span;
  std::string date;  // ISO
  Span date_span;
  std::string title;
  Span title_span;
  std::vector<Signer> signers;
  std::vector<Recipient> recipients;
  std::vector<OutlineNode> outline;
  std::vector<Reference> references;
  std::vector<TimeExpr> times;
  std::vector<Task> tasks;
  std::vector<Reporting> reporting;
  std::vector<Attachment> attachments;
  std::vector<Warning> warnings;
};

}  // namespace dondoc
