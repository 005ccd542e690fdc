// Tested by kind_test.cc.
//
// SPEC(NĐ 30/2020, Điều 8.2): an official document carries the motto, the issuer, Số, place
// and date, type name, signature and Nơi nhận. Two of these (a strong subset) make it
// official: a portal copy loses some, OCR garbles others. A text without them that cites a
// document by number ("Kế hoạch số 88/KH-UBND") is an article about it.
#include "parse/kind.h"

#include "parse/symbol.h"
#include "text/fold.h"

namespace dondoc::parse {

std::string ClassifyKind(std::string_view text, const Header& h, bool has_signers,
                         bool has_recipients) {
  int score = 0;
  score += (h.national_motto || h.party_header) ? 1 : 0;
  score += !h.number.empty() ? 1 : 0;
  score += !h.date.empty() ? 1 : 0;
  score += !h.type_name.empty() ? 1 : 0;
  score += has_signers ? 1 : 0;
  score += has_recipients ? 1 : 0;
  // The body's own structure counts when the header was lost (a placeholder, a portal that
  // dropped it): "Căn cứ" lines, "QUYẾT NGHỊ:" / "QUYẾT ĐỊNH:", "Điều 1.".
  if (score < 2) {
    const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 20000));
    const std::string f = text::Fold(head);
    int body = 0;
    body += (f.find("\ncan cu ") != std::string::npos || f.rfind("can cu ", 0) == 0) ? 1 : 0;
    body +=
        (f.find("quyet nghi:") != std::string::npos || f.find("\nquyet dinh:") != std::string::npos)
            ? 1
            : 0;
    body += f.find("\ndieu 1.") != std::string::npos ? 1 : 0;
    score += body;
  }
  if (score >= 2) return "official";
  // An article: "… ban hành Kế hoạch số 88/KH-UBND …" early in the text.
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 4000));
  const text::FoldedText f = text::FoldMapped(head);
  for (std::size_t p = f.folded.find(" so "); p != std::string::npos;
       p = f.folded.find(" so ", p + 4)) {
    if (auto sym = ScanSymbol(head, f.Orig(p + 4)); sym && !sym->issuer_abbr.empty()) {
      return "article";
    }
  }
  return "unknown";
}

}  // namespace dondoc::parse
