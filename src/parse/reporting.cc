// Tested by reporting_test.cc.
//
// A reporting duty is a sentence of the operative part (tasks_scan.h) in which "báo cáo" is a
// verb: "… định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo kết quả về
// Sở TT&TT để tổng hợp, báo cáo UBND tỉnh", "báo cáo UBND tỉnh trước ngày 20/12/2026",
// "Sở … theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh". SPEC(domain.md §4, NĐ 09/2019):
// periodic reports (định kỳ hằng tháng / quý / 6 tháng / năm) with their dates.
//   to    = the first unit after "báo cáo … về|cho|lên|gửi" (within the clause, before "để"), or
//           the unit right after "báo cáo" ("báo cáo UBND tỉnh");
//   times = every time expression inside the sentence.
// Edge cases handled: "Báo cáo số 12/BC-…" and "tại Báo cáo …" are references, not duties; "chế
// độ báo cáo" alone is a heading; a sentence with neither a body reported to nor a time is no
// duty ("nâng cao chất lượng báo cáo"); one duty per sentence. Who reports is not recorded: the
// contract has no `from` field.
#include "parse/reporting.h"

#include <optional>

#include "parse/tasks_scan.h"
#include "parse/tasks_units.h"
#include "text/find.h"
#include "text/fold.h"

namespace dondoc::parse {
namespace {

bool Space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '*'; }

std::size_t Skip(std::string_view fs, std::size_t p, std::size_t e) {
  while (p < e && Space(fs[p])) ++p;
  return p;
}

// The unit starting at folded p, if any.
std::optional<UnitMention> UnitAt(std::string_view text, const text::FoldedText& f, std::size_t p,
                                  std::size_t e) {
  std::vector<UnitMention> ms = MentionsAt(text, f, p, e);
  if (ms.empty()) return std::nullopt;
  return std::move(ms.front());
}

// The unit reported to, for "báo cáo" at folded `at`; nullopt when none. Units are looked for
// only where a target can start, never over the whole paragraph.
std::optional<UnitMention> Target(std::string_view text, const text::FoldedText& f, std::size_t at,
                                  std::size_t e) {
  const std::string_view fs = f.folded;
  std::size_t p = Skip(fs, at + 7, e);
  // Right after: "báo cáo UBND tỉnh", "báo cáo về Sở …".
  static constexpr std::string_view kRecipientLeads[] = {"ve",  "cho",      "len",
                                                         "gui", "chu tich", "giam doc"};
  for (std::string_view w : kRecipientLeads) {
    if (WordAt(fs, p, w)) p = Skip(fs, p + w.size(), e);
  }
  if (auto m = UnitAt(text, f, p, e)) return m;
  // Further on, within about 120 bytes, before "để", ";" or ".": "… về|cho|lên|gửi <unit>".
  const std::size_t limit = std::min(e, at + 120);
  for (std::size_t q = p; q < limit; ++q) {
    if (fs[q] == ';' || fs[q] == '.' || WordAt(fs, q, "de")) break;
    static constexpr std::string_view kSendWords[] = {"ve ", "cho ", "len ", "gui "};
    for (std::string_view w : kSendWords) {
      if (WordAt(fs, q, w.substr(0, w.size() - 1))) {
        const std::size_t r = Skip(fs, q + w.size(), e);
        if (auto m = UnitAt(text, f, r, e)) return m;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<Reporting> ExtractReporting(std::string_view text, const Document& doc) {
  const text::FoldedText f = text::FoldMapped(text);
  return ExtractReporting(text, f, doc);
}

std::vector<Reporting> ExtractReporting(std::string_view text, const text::FoldedText& f,
                                        const Document& doc) {
  return ExtractReporting(text, f, Operative(text, f, doc));
}

std::vector<Reporting> ExtractReporting(std::string_view text, const text::FoldedText& f,
                                        const Operative& operative) {
  std::vector<Reporting> out;
  const std::string_view fs = f.folded;
  const Scan& scan = operative.scan;
  const std::vector<std::pair<std::size_t, std::size_t>>& times = operative.times;
  for (const Paragraph& para : scan.paragraphs) {
    // Cheap test first: most paragraphs never say "báo cáo".
    if (!text::Contains(fs.substr(para.content, para.end - para.content), "bao cao")) continue;
    for (auto [sb, se] : Sentences(text, f, para.content, para.end)) {
      std::size_t at = std::string_view::npos;
      std::optional<UnitMention> target;
      const std::string_view sentence = fs.substr(0, se);
      for (std::size_t q = text::Find(sentence, "bao cao", sb); q != std::string_view::npos;
           q = text::Find(sentence, "bao cao", q + 7)) {
        if (!WordAt(fs, q, "bao cao")) continue;
        const std::size_t n = Skip(fs, q + 7, se);
        if (WordAt(fs, n, "so")) continue;                       // Báo cáo số …
        if (q >= 4 && fs.substr(q - 4, 4) == "tai ") continue;   // tại Báo cáo …
        if (q >= 5 && fs.substr(q - 5, 5) == "theo ") continue;  // theo Báo cáo …
        at = q;
        target = Target(text, f, q, se);
        if (target) break;  // prefer the first "báo cáo" with a target
      }
      if (at == std::string_view::npos) continue;
      Reporting r;
      if (target) r.to = MentionName(text, f, *target);
      for (std::size_t i = 0; i < times.size(); ++i) {
        if (times[i].first >= sb && times[i].second <= se && times[i].first < times[i].second) {
          r.times.push_back(static_cast<int>(i));
        }
      }
      if (r.to.empty() && r.times.empty()) continue;
      r.span = OrigSpan(f, sb, se);
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace dondoc::parse
