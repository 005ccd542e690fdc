// Tested by edge_kind_test.cc.
//
// The words are matched in the folded clause (text::Fold: no accents, lower case), so OCR'd
// or unaccented text ("sua doi", "thay the") counts as well as printed text. Triggers, and why
// each is worded so:
// - amends: "sửa đổi", "đính chính", "bổ sung một số" — not "bổ sung" alone, which is
//   mostly money or staff ("bổ sung kinh phí theo Quyết định số …").
// - replaces: "thay thế", "bãi bỏ", "hủy bỏ" — of a part ("một số điều", "Điều 5",
//   "khoản 2") is amends. Not "hết hiệu lực", which mostly follows the reference.
// - after "được" (passive: "đã được sửa đổi, bổ sung theo Luật số …") the reference made a
//   change to another document: cites.
// - implements: "triển khai", "thực hiện", "cụ thể hóa", only in the title and opening, where
//   a plan or programme names what it carries out; in the body "thực hiện theo Quyết định
//   số …" is an instruction, not the document's purpose.
// When several trigger words are in one clause, the one nearest the reference wins
// ("Thực hiện … bãi bỏ Quyết định số …" replaces).
#include "store/edge_kind.h"

#include <algorithm>
#include <array>

#include "text/fold.h"

namespace dondoc::store {
namespace {

struct Trigger {
  std::string_view words;  // folded
  const char* kind;
  bool opening_only;
};

constexpr std::array<Trigger, 9> kTriggers = {{
    {"sua doi", kAmends, false},
    {"dinh chinh", kAmends, false},
    {"bo sung mot so", kAmends, false},
    {"thay the", kReplaces, false},
    {"bai bo", kReplaces, false},
    {"huy bo", kReplaces, false},
    {"trien khai", kImplements, true},
    {"thuc hien", kImplements, true},
    {"cu the hoa", kImplements, true},
}};

// Moves `pos` back to the first byte of a UTF-8 character.
std::size_t CharStart(std::string_view s, std::size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// Where the segment holding s[end] starts: after the last blank line, or '.' / ';' / ':'
// followed by a space or a line end, looking back at most `limit` bytes. A single line end
// is not a boundary: text from PDFs wraps sentences ("Căn cứ Luật …\nđã được sửa đổi …").
std::size_t SegmentStart(std::string_view s, std::size_t end, std::size_t limit) {
  const std::size_t floor = end > limit ? CharStart(s, end - limit) : 0;
  for (std::size_t i = end; i > floor; --i) {
    const char c = s[i - 1];
    if (c == '\n' && i >= 2 && s[i - 2] == '\n') return i;
    if ((c == '.' || c == ';' || c == ':') && i < end && (s[i] == ' ' || s[i] == '\n')) {
      return i + 1;
    }
  }
  return floor;
}

// "đã được sửa đổi, bổ sung … theo Luật số …", "hết hiệu lực bởi …": the reference is the
// agent of a change to another document, not what the citing document changes.
bool Passive(std::string_view clause, std::size_t trigger) {
  // Up to 20 bytes back: "được sửa đổi, bổ sung" ends in "bổ sung", the trigger nearest
  // the reference.
  const std::size_t from = trigger > 20 ? trigger - 20 : 0;
  return clause.substr(from, trigger - from).find("duoc ") != std::string_view::npos;
}

// "bãi bỏ một số điều của …", "thay thế Điều 5 của …": a part is repealed or replaced, which
// amends the document rather than replacing it.
bool Partial(std::string_view between) {
  return between.find("mot so") != std::string_view::npos ||
         between.find("dieu ") != std::string_view::npos ||
         between.find("khoan ") != std::string_view::npos;
}

bool InSpan(std::uint32_t pos, const Span& span) { return pos >= span.begin && pos < span.end; }

// The title and the opening paragraphs after it: where a plan says what it implements.
bool InOpening(const Document& doc, std::uint32_t pos) {
  if (InSpan(pos, doc.title_span)) return true;
  std::uint32_t begin = doc.title_span.end;
  std::uint32_t end = begin + kOpeningBytes;
  if (doc.title_span.end == 0) begin = 0;  // no title found: the opening is the top
  if (!doc.outline.empty() && doc.outline.front().span.begin > begin) {
    end = std::min(end, doc.outline.front().span.begin);
  }
  return pos >= begin && pos < end;
}

}  // namespace

std::string EdgeKind(std::string_view text, const Document& doc, const Reference& ref) {
  const std::size_t at = ref.span.begin;
  if (ref.span.end == 0 || at > text.size()) return kCites;
  // The legal-basis check looks at the whole sentence; the trigger words only at its end.
  const std::size_t seg = SegmentStart(text, at, 2000);
  const std::string folded_sentence = text::Fold(text.substr(seg, at - seg));
  if (folded_sentence.find("can cu") != std::string::npos) return kCites;
  const std::size_t clause_begin =
      std::max(seg, at > kClauseBytes ? CharStart(text, at - kClauseBytes) : std::size_t{0});
  const std::string clause = text::Fold(text.substr(clause_begin, at - clause_begin));
  const bool opening = InOpening(doc, static_cast<std::uint32_t>(at));
  std::size_t best_pos = 0;
  const char* best = kCites;
  for (const Trigger& t : kTriggers) {
    if (t.opening_only && !opening) continue;
    const std::size_t p = clause.rfind(t.words);
    if (p == std::string::npos) continue;
    if (best != kCites && p <= best_pos) continue;
    best_pos = p;
    best = t.kind;
    if (t.kind != kImplements && Passive(clause, p)) best = kCites;
    if (best == kReplaces && Partial(std::string_view(clause).substr(p))) best = kAmends;
  }
  return best;
}

}  // namespace dondoc::store
