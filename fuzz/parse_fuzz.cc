// libFuzzer target for the whole pipeline: bytes → read::FromBytes → parse::Parse →
// parse::ToJsonString. Corpus: fuzz/corpus/parse/ (plus samples/*.txt at run time, see
// scripts/fuzz-short.sh).
//
// Besides "no crash, no sanitizer report", it checks what later layers rely on:
// - the normalized text is well-formed UTF-8;
// - every span lies inside the text, begin <= end, on code point boundaries;
// - the JSON is valid (nlohmann parses it back) and names the schema;
// - the streamed compact JSON is the DOM's dump (parse::ToJson), byte for byte.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parse/json.h"
#include "parse/parse.h"
#include "read/file.h"
#include "text/utf8.h"

namespace {

using dondoc::Document;
using dondoc::Span;

void Fail(const char* what, const Span& s, std::size_t size) {
  std::fprintf(stderr, "invariant broken: %s span [%u, %u) text size %zu\n", what, s.begin, s.end,
               size);
  std::abort();
}

bool IsBoundary(std::string_view text, std::uint32_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

void CheckSpan(const char* what, const Span& s, std::string_view text) {
  if (s.begin == 0 && s.end == 0) return;  // "no span"
  if (s.begin > s.end || s.end > text.size()) Fail(what, s, text.size());
  if (!IsBoundary(text, s.begin) || !IsBoundary(text, s.end)) Fail(what, s, text.size());
}

void CheckOutline(const std::vector<dondoc::OutlineNode>& nodes, std::string_view text) {
  for (const auto& n : nodes) {
    CheckSpan("outline", n.span, text);
    CheckOutline(n.children, text);
  }
}

void CheckSpans(const Document& d, std::string_view text) {
  if (d.issuer) CheckSpan("issuer", d.issuer->span, text);
  CheckSpan("number", d.number_span, text);
  CheckSpan("type", d.type_span, text);
  CheckSpan("place", d.place_span, text);
  CheckSpan("date", d.date_span, text);
  CheckSpan("title", d.title_span, text);
  for (const auto& x : d.signers) CheckSpan("signer", x.span, text);
  for (const auto& x : d.recipients) CheckSpan("recipient", x.span, text);
  CheckOutline(d.outline, text);
  for (const auto& x : d.references) CheckSpan("reference", x.span, text);
  for (const auto& x : d.times) CheckSpan("time", x.span, text);
  for (const auto& x : d.tasks) {
    CheckSpan("task", x.span, text);
    for (const auto& u : x.units) CheckSpan("task unit", u.span, text);
    if (x.due && (*x.due < 0 || static_cast<std::size_t>(*x.due) >= d.times.size())) {
      std::fprintf(stderr, "invariant broken: task due index %d of %zu times\n", *x.due,
                   d.times.size());
      std::abort();
    }
  }
  for (const auto& x : d.reporting) CheckSpan("reporting", x.span, text);
  for (const auto& x : d.attachments) CheckSpan("attachment", x.span, text);
  for (const auto& x : d.warnings) CheckSpan("warning", x.span, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto in = dondoc::read::FromBytes(bytes, "fuzz.txt");
  if (!in.ok()) return 0;
  const std::string& text = in.value().text;
  if (!dondoc::text::IsValidUtf8(text)) {
    std::fputs("invariant broken: normalized text is not valid UTF-8\n", stderr);
    std::abort();
  }
  const Document doc = dondoc::parse::Parse(text, in.value().source, in.value().warnings);
  CheckSpans(doc, text);
  const std::string json = dondoc::parse::ToJsonString(doc, false);
  const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    std::fputs("invariant broken: ToJsonString produced invalid JSON\n", stderr);
    std::abort();
  }
  if (json != dondoc::parse::ToJson(doc).dump(-1, ' ', false,
                                              nlohmann::ordered_json::error_handler_t::replace)) {
    std::fputs("invariant broken: ToJsonString differs from ToJson's dump\n", stderr);
    std::abort();
  }
  return 0;
}
