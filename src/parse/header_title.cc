// Tested by header_title_test.cc and header_test.cc. See header_title.h.
#include "parse/header_title.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/limits.h"
#include "parse/dates.h"
#include "parse/symbol.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

using header_lines::CountCase;
using header_lines::IsAlnum;
using header_lines::IsAuthorityLine;
using header_lines::IsMottoLine;
using header_lines::IsSoVowel;
using header_lines::IsTitleStop;
using header_lines::Line;
using header_lines::MostlyUpper;
using header_lines::PhraseAt;
using header_lines::StartsWith;
using header_lines::Trim;

// The folded length of a signing authority's title at the start of `f` ("bo truong " in
// "bo truong bo tai chinh"), or 0.
std::size_t AuthorityTitleLength(std::string_view f) {
  static constexpr std::string_view kTitles[] = {
      "bo truong ",       "thu tuong ",       "chu tich ",      "cuc truong ",
      "tong cuc truong ", "chanh van phong ", "tong giam doc ", "giam doc ",
  };
  for (std::string_view t : kTitles) {
    if (StartsWith(f, t)) return t.size();
  }
  return 0;
}

// A flattened header runs the authority's line into the trích yếu's ("… HUYỆN CHÂU THÀNH ỦY
// BAN NHÂN DÂN TỈNH TÂY NINH" then "Căn cứ …"). The issuer's name met inside a title line at
// folded position `end` (just after the name) is that authority line only when nothing in
// capitals follows it on the line — a title names bodies too ("BẦU CỬ ĐẠI BIỂU QUỐC HỘI VÀ …",
// "CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG QUY ĐỊNH …") — and when the authority is not printed on a line
// of its own right after ("… THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ X" / "ỦY BAN NHÂN DÂN
// THÀNH PHỐ X").
bool IssuerEndsTheTitleLine(const std::vector<Line>& lines, std::size_t li, std::size_t end,
                            std::string_view issuer_folded) {
  const Line& l = lines[li];
  const std::string_view f = l.f.folded;
  if (end < f.size() && IsAlnum(f[end])) return false;  // "… TỈNH AN" inside "TỈNH AN GIANG"
  while (end < f.size() && !IsAlnum(f[end])) ++end;
  // The authority's line may go on with the State's name: "QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI …".
  if (const std::size_t e = PhraseAt(f, end, "nuoc cong hoa xa hoi chu nghia viet nam");
      e != std::string_view::npos) {
    end = e;
    while (end < f.size() && !IsAlnum(f[end])) ++end;
  }
  if (end < f.size() && !IsTitleStop(f.substr(end))) {
    std::size_t we = f.find(' ', end);
    if (we == std::string_view::npos) we = f.size();
    int up, low;
    CountCase(l.TextOfFolded(end, we), &up, &low);
    if (low == 0) return false;  // the title goes on in capitals
  }
  if (li + 1 < lines.size()) {
    const std::string_view next = lines[li + 1].f.folded;
    if (IsAuthorityLine(next) || StartsWith(next, issuer_folded)) return false;
  }
  return true;
}

// "Kính gửi:" as OCR reads it, run into the line before: "Kirlh gui:", "Kinh giri:",
// "Kỉnhgửì:", "inh gửi:" — a word of two to four letters then h, an optional space, g, two to
// four letters ending in i, and the colon (without it, "kinh gi…" may be words of the title).
// Its folded position or npos.
std::size_t KinhGuiRead(std::string_view f, std::size_t from) {
  auto letter = [&](std::size_t i) { return i < f.size() && f[i] >= 'a' && f[i] <= 'z'; };
  for (std::size_t k = from; k < f.size(); ++k) {
    if (!letter(k) || (k > 0 && IsAlnum(f[k - 1]))) continue;
    std::size_t i = k, n = 0;
    while (letter(i) && f[i] != 'h' && n < 5) ++i, ++n;
    if (n < 2 || n > 4 || i >= f.size() || f[i] != 'h') continue;
    ++i;
    if (i < f.size() && f[i] == ' ') ++i;
    if (i >= f.size() || f[i] != 'g') continue;
    std::size_t j = i + 1, m = 0;
    while (letter(j)) ++j, ++m;
    if (m < 2 || m > 4 || f[j - 1] != 'i' || j >= f.size() || f[j] != ':') continue;
    return k;
  }
  return std::string_view::npos;
}

// Does `text` open with a word of two or more letters in lower case?
bool StartsWithLowerWord(std::string_view text) {
  int letters = 0;
  for (std::size_t i = 0; i < text.size() && text[i] != ' ';) {
    std::size_t len;
    const auto cp = static_cast<UChar32>(text::DecodeAt(text, i, &len));
    if (!u_islower(cp)) {
      if (u_isalpha(cp)) return false;
      break;  // "hàng," — the word ends at its punctuation
    }
    ++letters;
    i += len;
  }
  return letters >= 2;
}

// Does the folded title end in a word that needs more ("… CỦA", "… VỀ", "… CHO", a comma)?
// Then the next line goes on with it whatever it looks like.
bool EndsOpen(std::string_view ft) {
  for (std::string_view w : {" cua", " ve", " cho", " voi", " va", ",", " thuoc", " tai"}) {
    if (ft.ends_with(w)) return true;
  }
  return false;
}

// Where "<Place>, ngày …" starts in line `l` at or after folded position `from`: the place is
// up to four capitalised words before the comma. npos when there is none.
std::size_t PlaceDateStart(const Line& l, std::size_t from) {
  const std::string_view f = l.f.folded;
  for (std::size_t at = f.find(", ngay", from); at != std::string_view::npos;
       at = f.find(", ngay", at + 1)) {
    std::size_t b = at;
    for (int words = 0; words < 4 && b > from; ++words) {
      std::size_t ws = f.rfind(' ', b - 1);
      ws = ws == std::string_view::npos || ws < from ? from : ws + 1;
      int up, low;
      CountCase(l.TextOfFolded(ws, ws + 1), &up, &low);
      if (up == 0) break;
      b = ws;
      if (b == from || f[b - 1] != ' ') break;
      --b;  // the space before the word
    }
    if (b < at && b > from) return b;
  }
  return std::string_view::npos;
}

}  // namespace

Title ReadTitle(const std::vector<Line>& lines, const TitleStart& from) {
  Title out;
  std::string title;
  Span tspan{};
  bool caps = true;
  std::size_t lines_taken = 0;
  const std::string issuer_folded = text::Fold(from.issuer_name);
  for (std::size_t li = from.line;
       li < lines.size() &&
       lines_taken < (caps ? limits::kTitleMaxLinesCaps : limits::kTitleMaxLines);
       ++li) {
    const Line& l = lines[li];
    std::size_t fpos = li == from.line ? from.fpos : 0;
    const std::string_view f = l.f.folded;
    while (fpos < f.size() && (f[fpos] == ' ' || f[fpos] == ':' || f[fpos] == '-')) ++fpos;
    if (fpos >= f.size()) continue;
    // "NGHỊ QUYẾT / CỦA BAN THƯỜNG VỤ TỈNH ỦY / về …", old laws' "CỦA QUỐC HỘI … SỐ … VỀ …":
    // the author's line is not the trích yếu; it may run into "VỀ …", which is.
    // Repeatedly: "SỐ 18-L/CTN NGÀY … CỦA QUỐC HỘI VỀ DẦU KHÍ" → "VỀ DẦU KHÍ".
    for (int round = 0; round < 2 && title.empty(); ++round) {
      const std::string_view head = f.substr(fpos);
      const bool so_head = IsSoVowel(l, fpos) &&
                           (StartsWith(head, "so ") || (StartsWith(head, "so") && head.size() > 2 &&
                                                        head[2] >= '0' && head[2] <= '9'));
      if (!(StartsWith(head, "cua ") || so_head)) break;
      {
        // Skip "[CỦA <author>] SỐ <number> [NGÀY <date>]" structurally; else up to "VỀ".
        std::size_t start = std::string_view::npos;
        const std::size_t so_at = so_head ? fpos : f.find(" so", fpos);
        if (so_at != std::string_view::npos) {
          std::size_t q = so_at + (f[so_at] == ' ' ? 3 : 2);
          const std::size_t tq = q < f.size() ? l.f.offsets[q] : l.h->text.size();
          if (auto sym = ScanSymbol(l.h->text, tq)) {
            q = so_at;
            while (q < f.size() && l.f.offsets[q] < sym->end) ++q;
            while (q < f.size() && f[q] == ' ') ++q;
            if (auto d = DateAt(f, q)) q = d->end;
            start = q;
          }
        }
        if (start == std::string_view::npos) {
          const std::size_t ve = f.find(" ve ", fpos);
          if (ve != std::string_view::npos) start = ve + 1;
        }
        if (start == std::string_view::npos || start >= f.size()) {
          fpos = f.size();
          break;
        }
        fpos = start;
        while (fpos < f.size() && f[fpos] == ' ') ++fpos;
      }
    }
    if (fpos >= f.size()) continue;
    if (li != from.line) {
      if (l.stamp || IsTitleStop(f) || IsMottoLine(f)) break;
      // A công văn's V/v comes before its date line: the date line ends it.
      if (from.date_line && li >= *from.date_line && from.line < *from.date_line) break;
      int line_up, line_low;
      CountCase(l.h->text, &line_up, &line_low);
      // A line without letters ("2025" of a wrapped "… NĂM" / "2025") keeps the title's case.
      const bool upper = line_up + line_low == 0 ? caps : MostlyUpper(l.h->text);
      if (!title.empty()) {
        // capitals → lower case ends the title; lower case → a capitalised line of two or
        // more words is the authority's line ("GTGT" alone continues a công văn's V/v).
        if (caps && !upper) break;
        if (!caps && upper && l.h->text.find(' ') != std::string::npos) break;
        // A title that ends in "… CỦA" / "… VỀ" goes on into the body's name.
        const std::string ft = text::Fold(title);
        const bool open_end = EndsOpen(ft);
        // "… THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM 2015" / "CỦA BỘ TRƯỞNG BỘ Y TẾ
        // QUY ĐỊNH …": after a cited document's number or date, "CỦA …" names its author.
        const bool after_citation = !ft.empty() && IsAlnum(ft.back()) && ft.back() <= '9';
        if (upper && !open_end &&
            (IsAuthorityLine(f) ||
             (StartsWith(f, "cua ") && !after_citation && IsAuthorityLine(f.substr(4))) ||
             (!issuer_folded.empty() && StartsWith(f, issuer_folded)))) {
          break;
        }
        // A blank line ends the trích yếu, unless it goes on in capitals (Party titles
        // are often printed in two blocks) or, on a scan with blank lines between all its
        // lines, a công văn's V/v goes on with a lower-case word ("V/v hướng dẫn chính sách"
        // / "" / "thuế TNDN"): no sentence of the body starts in lower case.
        if (l.h->boundary_before && !(caps && upper && !l.h->bold && title.size() < 200) &&
            !(from.cong_van && !caps && StartsWithLowerWord(l.h->text))) {
          break;
        }
      }
      if (title.empty()) caps = upper;
    } else {
      // Judge the case by the first words: a flattened line runs on into the body. A portal's
      // "[Việc thi hành … được hướng dẫn bởi …]" in front is not the title's.
      std::size_t w0 = fpos;
      while (w0 < f.size() && f[w0] == '[') {
        const std::size_t cb = f.find(']', w0);
        if (cb == std::string_view::npos) break;
        w0 = cb + 1;
        while (w0 < f.size() && f[w0] == ' ') ++w0;
      }
      if (w0 >= f.size()) w0 = fpos;
      std::size_t w3 = w0;
      for (int k = 0; k < 4 && w3 < f.size(); ++k) {
        w3 = f.find(' ', w3 + 1);
        if (w3 == std::string_view::npos) w3 = f.size();
      }
      caps = MostlyUpper(l.TextOfFolded(w0, w3));
    }
    std::size_t fend = f.size();
    // Within one line: a capitalised title ends where lower-case text starts (a flattened
    // header runs on into the body), or where the issuer's own name starts again.
    if (caps) {
      std::size_t words = 0;
      for (std::size_t w = fpos; w < fend; ++w) {
        if (!(w == fpos || f[w - 1] == ' ')) continue;
        if (f[w] == '[') {  // a portal's annotation, whatever its case
          const std::size_t cb = f.find(']', w);
          if (cb == std::string_view::npos || cb + 1 >= fend) break;
          w = cb;
          continue;
        }
        std::size_t we = f.find(' ', w);
        if (we == std::string_view::npos) we = f.size();
        const std::string word = l.TextOfFolded(w, we);
        if (word[0] == '[') continue;
        int up, low;
        CountCase(word, &up, &low);
        if (low > 0 && up + low > 1 && words > 0) {
          fend = w;
          break;
        }
        const std::string_view prev_word = [&] {
          std::string_view b = f.substr(fpos, w > fpos ? w - fpos - 1 : 0);
          const auto sp = b.find_last_of(' ');
          return sp == std::string_view::npos ? b : b.substr(sp + 1);
        }();
        // The authority's line may carry its title first: "… NĂM 2024 BỘ TRƯỞNG BỘ X".
        const std::size_t name_at = w + AuthorityTitleLength(f.substr(w));
        if (words >= 3 && !issuer_folded.empty() && StartsWith(f.substr(name_at), issuer_folded) &&
            prev_word != "cua" && prev_word != "thuoc" && prev_word != "cho" &&
            prev_word != "voi" && prev_word != "va" && prev_word != "tai" &&
            IssuerEndsTheTitleLine(lines, li, name_at + issuer_folded.size(), issuer_folded)) {
          fend = w;
          break;
        }
        ++words;
      }
    }
    // A flattened header runs on into the body: "… năm 2026 Căn cứ Luật …".
    // A constitution's or old law's preamble heading: "… LỜI NÓI ĐẦU Trải qua …".
    for (std::string_view stop :
         {" can cu ", " kinh gui", " xet de nghi", " theo de nghi", " loi noi dau"}) {
      const std::size_t at = f.find(stop, fpos);
      if (at != std::string_view::npos && at < fend) fend = at;
    }
    // OCR merges two columns onto one line: "V/v giải đáp … Hà Nội, ngày 30 tháng 9 …". The
    // place and date of the right column end a công văn's trích yếu.
    bool ends_here = false;
    if (from.cong_van) {
      fend = std::min(fend, PlaceDateStart(l, fpos));
      if (const std::size_t kg = KinhGuiRead(f, fpos); kg < fend) fend = kg, ends_here = true;
    }
    std::string piece = l.TextOfFolded(fpos, fend);
    // A portal's annotations: "[Xử phạt … được hướng dẫn bởi …]".
    for (std::size_t ob = piece.find('['); ob != std::string::npos; ob = piece.find('[')) {
      const std::size_t cb = piece.find(']', ob);
      piece.erase(ob, cb == std::string::npos ? std::string::npos : cb - ob + 1);
    }
    piece = Trim(piece, " ");
    if (piece.empty()) {
      if (ends_here) break;
      continue;
    }
    const Span ps = l.SpanOfFolded(fpos, fend);
    if (title.empty()) {
      tspan = ps;
    } else {
      title.push_back(' ');
      tspan.end = ps.end;
    }
    title += piece;
    ++lines_taken;
    if (ends_here) break;
    // A công văn's trích yếu is one phrase: a line ending in a full stop closes it (on a scan,
    // what follows is often the garbled "Kính gửi").
    // A stray stop after a word that needs more ("… CĂN HỘ CHO." / "NGƯỜI LAO ĐỘNG") is noise.
    if (from.cong_van && piece.ends_with('.') &&
        !EndsOpen(text::Fold(std::string_view(piece).substr(0, piece.size() - 1)))) {
      break;
    }
    if (title.size() > (caps ? limits::kTitleMaxBytesCaps : limits::kTitleMaxBytes)) break;
  }
  out.text = Trim(title, " ,;:.-*/");
  // "V/V …" printed under a type name (Công điện, Thông báo): the trích yếu is what follows.
  if (const std::string ft = text::Fold(out.text.substr(0, 4)); StartsWith(ft, "v/v ")) {
    out.text = Trim(out.text.substr(4), " ");
  }
  if (!out.text.empty()) out.span = tspan;
  if (out.text.empty()) out.span = {};
  return out;
}

}  // namespace dondoc::parse
