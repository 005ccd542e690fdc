// Tested by header_test.cc, header_title_test.cc (and the golden samples).
//
// How the header is found (NĐ 30/2020 Phụ lục I lays it out as cells 1–5; HD 36-HD/VPTW for
// the Party): the header area is turned into clean lines (header_stream.h), then anchors are
// located in their folded form, so unaccented OCR ("CONG HOA XA HOI …") reads the same:
//   1. stamps ("CÔNG VĂN ĐẾN / Số: 310 / Ngày: …") are marked and ignored, with a warning;
//   2. the national motto (cell 1) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party);
//   3. the Số line (cell 3): "Số:", "Số" (Party, no colon), "Luật số:", at the start of a line
//      or right after the motto in a flattened header — never a "số" inside a sentence;
//   4. the date (cell 4) after it, and the place before its ", ngày";
//   5. the type name in capitals after the date (cell 5a), or "V/v" for a công văn (cell 5b),
//      and the trích yếu that follows (header_title.cc), up to a blank line, "Căn cứ", "Kính
//      gửi", a change from capitals to lower case or the authority's own line;
//   6. the issuer (cell 2): the capitalised lines right above the motto (or the Số line), its
//      parent body split off where a new body's head word starts a line ("SỞ …", "BAN …").
// Nothing is borrowed: a field whose cell is missing stays empty.
#include "parse/header.h"

#include <algorithm>

#include "base/limits.h"
#include "parse/dates.h"
#include "parse/header_lines.h"
#include "parse/header_stream.h"
#include "parse/header_title.h"
#include "parse/symbol.h"
#include "parse/types.h"
#include "text/fold.h"

namespace dondoc::parse {
namespace {

using header_lines::CountCase;
using header_lines::FindPhrase;
using header_lines::IsAlnum;
using header_lines::IsMottoLine;
using header_lines::IsSoVowel;
using header_lines::IsTitleStop;
using header_lines::Line;
using header_lines::MostlyUpper;
using header_lines::StartsWith;
using header_lines::Trim;

// Folded head words that start a body's name: where an issuer block splits parent / issuer.
// SPEC(NĐ 30/2020, Phụ lục I, II.3): the issuer sits under its parent body (cơ quan chủ quản).
constexpr std::string_view kBodyHeads[] = {
    "so ",          "ban ",           "van phong ",     "cuc ",
    "chi cuc ",     "tong cuc ",      "phong ",         "trung tam ",
    "bo ",          "uy ban ",        "hoi dong ",      "dang uy ",
    "dang bo ",     "huyen uy ",      "tinh uy ",       "thanh uy ",
    "thi uy ",      "quan uy ",       "benh vien ",     "truong ",
    "vien ",        "cong an ",       "kho bac ",       "bao hiem ",
    "thanh tra ",   "doan ",          "lien doan ",     "chi nhanh ",
    "bo chi huy ",  "thue ",          "ubnd ",          "hdnd ",
    "ban chi dao ", "hoi lien hiep ", "hoi nong dan ",  "hoi cuu chien binh ",
    "chi bo ",      "toa an ",        "vien kiem sat ",
};

bool StartsWithBodyHead(std::string_view folded) {
  for (std::string_view h : kBodyHeads) {
    if (StartsWith(folded, h)) return true;
  }
  return false;
}

// A draft is marked beside its type name: "DỰ THẢO", "DỰ THẢO LẦN 4", "DỰ THẢO 24.10.2016",
// "(DỰ THẢO 2)". The folded length of such a mark at the start of `f` with the spaces after
// it, or 0.
std::size_t DraftMarkLength(std::string_view f) {
  std::size_t i = f.starts_with('(') ? 1 : 0;
  if (!StartsWith(f.substr(i), "du thao")) return 0;
  i += 7;
  auto skip_spaces = [&] {
    while (i < f.size() && f[i] == ' ') ++i;
  };
  skip_spaces();
  if (StartsWith(f.substr(i), "lan ")) {
    i += 4;
    skip_spaces();
  }
  // A number or a date: "4", "24.10.2016", "02/2025".
  while (i < f.size() && ((f[i] >= '0' && f[i] <= '9') || f[i] == '.' || f[i] == '/')) ++i;
  if (i < f.size() && f[i] == ')') ++i;
  if (i < f.size() && f[i] != ' ') return 0;  // "DỰ THẢOX" or a word glued to the mark
  skip_spaces();
  return i;
}

// The type name at the start of folded `f` if it is printed in capitals in `orig_line`.
const DocType* TypeNameAt(const Line& line, std::size_t fpos, std::size_t* fend) {
  const std::string_view f = std::string_view(line.f.folded).substr(fpos);
  for (const DocType& t : AllTypes()) {
    if (!StartsWith(f, t.folded)) continue;
    const std::size_t end = t.folded.size();
    if (end < f.size() && IsAlnum(f[end])) continue;
    if (end < f.size() && f[end] == ':') continue;  // "QUYẾT ĐỊNH:" opens the body
    if (!MostlyUpper(line.TextOfFolded(fpos, fpos + end))) continue;
    *fend = fpos + end;
    return &t;
  }
  return nullptr;
}

struct SoAnchor {
  std::size_t line = 0;
  Symbol sym;
  Span span;
  std::size_t end_line = 0;  // line holding the symbol's end
  std::size_t end_fpos = 0;  // folded position in that line after the symbol
  bool law = false;          // "Luật số:"
  bool blank = false;        // "Số: …/KH-UBND" with the running number left blank
};

// Does folded line `f` have a Số anchor at fpos ("so" word)? Sets *after to the position after
// "so" and its colon.
bool SoWordAt(const Line& line, std::size_t fpos, std::size_t* after, bool* law) {
  const std::string_view f = line.f.folded;
  *law = false;
  if (fpos > 0 && IsAlnum(f[fpos - 1])) return false;
  if (!(StartsWith(f.substr(fpos), "so") || StartsWith(f.substr(fpos), "s6") ||
        StartsWith(f.substr(fpos), "s0"))) {
    return false;
  }
  if (!IsSoVowel(line, fpos)) return false;
  std::size_t i = fpos + 2;
  if (i < f.size() && IsAlnum(f[i])) return false;
  const bool ocr_noise = f[fpos + 1] != 'o';
  while (i < f.size() && f[i] == ' ') ++i;
  bool colon = false;
  if (i < f.size() && (f[i] == ':' || f[i] == '.')) colon = true, ++i;
  if (ocr_noise && !colon) return false;
  // A wrapped sentence line may start with "số 19-2017/NQ-CP ngày …": the header's Số is
  // capitalised, or at least followed by its colon.
  if (!colon && line.h->text[line.f.offsets[fpos]] == 's') return false;
  while (i < f.size() && f[i] == ' ') ++i;
  // What precedes "so" on the line: nothing, "luật"/"lệnh", the motto's "phúc", or a rule.
  std::string_view before = f.substr(0, fpos);
  while (!before.empty() && !IsAlnum(before.back())) before.remove_suffix(1);
  if (!before.empty()) {
    const auto sp = before.find_last_of(' ');
    const std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
    // "Nghị quyết số: 96/2023/QH15", "Pháp lệnh số: …": a type name right before "số:".
    bool type_before = false;
    if (colon) {
      for (const DocType& t : AllTypes()) {
        if (before.ends_with(t.folded) && (before.size() == t.folded.size() ||
                                           before[before.size() - t.folded.size() - 1] == ' ')) {
          type_before = true;
          break;
        }
      }
    }
    if (word == "luat" || word == "lenh") {
      *law = word == "luat";
    } else if (word != "phuc" && word != "nam" && !type_before && !(colon && before.size() > 40)) {
      return false;
    }
  }
  *after = i;
  return true;
}

std::optional<SoAnchor> FindSo(const std::vector<Line>& lines) {
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const Line& line = lines[li];
    if (line.stamp) continue;
    const std::string_view f = line.f.folded;
    for (std::size_t p = f.find('s'); p != std::string_view::npos; p = f.find('s', p + 1)) {
      std::size_t after;
      bool law;
      if (!SoWordAt(line, p, &after, &law)) continue;
      SoAnchor a;
      a.law = law;
      // The symbol follows on the same line or, when the line ends there, on the next.
      std::size_t sl = li;
      std::size_t tpos = after < f.size() ? line.f.offsets[after] : line.h->text.size();
      if (after >= f.size() && li + 1 < lines.size()) {
        sl = li + 1;
        tpos = 0;
      }
      const Line& sline = lines[sl];
      auto sym = ScanSymbol(sline.h->text, tpos);
      // A symbol broken at a separator: "Số: 3783/QĐ-" / "UBND".
      if (sym && sl + 1 < lines.size()) {
        const std::string& t = sline.h->text;
        std::size_t k = sym->end;
        while (k < t.size() && t[k] == ' ') ++k;
        if (k + 1 == t.size() && (t[k] == '-' || t[k] == '/')) {
          const std::string joined = t.substr(0, k + 1) + lines[sl + 1].h->text;
          if (auto longer = ScanSymbol(joined, tpos); longer && longer->end > t.size()) {
            a.line = li;
            a.sym = *longer;
            a.span = Span{sline.h->SpanOf(sym->begin, sym->end).begin,
                          lines[sl + 1].h->SpanOf(0, longer->end - t.size()).end};
            a.end_line = sl + 1;
            std::size_t fe = 0;
            const Line& nl = lines[sl + 1];
            while (fe < nl.f.folded.size() && nl.f.offsets[fe] < longer->end - t.size()) ++fe;
            a.end_fpos = fe;
            return a;
          }
        }
      }
      if (!sym) {
        // "Số:      /KH-UBND", "Số: …/2026/QĐ-UBND": a template with the number left blank.
        std::size_t q = tpos;
        const std::string& t = sline.h->text;
        while (q < t.size() && (t[q] == ' ' || t[q] == '.' || t[q] == '_' ||
                                static_cast<unsigned char>(t[q]) == 0xE2)) {
          q += static_cast<unsigned char>(t[q]) == 0xE2 ? 3 : 1;  // "…" is E2 80 A6
        }
        if (q < t.size() && t[q] == '/') {
          const std::string fake = "0" + t.substr(q);
          if (auto s2 = ScanSymbol(fake, 0)) {
            a.blank = true;
            a.sym = *s2;
            a.sym.text.clear();
            a.sym.number.clear();
            a.line = li;
            a.end_line = sl;
            // After the symbol, not the line's end: a flattened header goes on with the type.
            const std::size_t tend = q + s2->end - 1;
            std::size_t fe = 0;
            while (fe < sline.f.folded.size() && sline.f.offsets[fe] < tend) ++fe;
            a.end_fpos = fe;
            return a;
          }
        }
        continue;
      }
      a.line = li;
      a.sym = *sym;
      a.span = sline.h->SpanOf(sym->begin, sym->end);
      a.end_line = sl;
      // Folded position after the symbol's end.
      std::size_t fe = 0;
      while (fe < sline.f.folded.size() && sline.f.offsets[fe] < sym->end) ++fe;
      a.end_fpos = fe;
      return a;
    }
  }
  return std::nullopt;
}

// Marks incoming-document stamps: "CÔNG VĂN ĐẾN", "VĂN BẢN ĐẾN", "ĐẾN Số: …" and the
// Số / Ngày / Chuyển lines under them.
void MarkStamps(std::vector<Line>& lines, std::vector<Warning>* warnings) {
  // Stamps sit above the header: only the first lines, and only short stamp-like lines
  // ("CÔNG VĂN ĐẾN", "ĐẾN Số: 310 …"), never "văn bản đến" in a sentence.
  for (std::size_t i = 0; i < lines.size() && i < 40; ++i) {
    const std::string_view f = lines[i].f.folded;
    const bool head =
        (f.size() <= 48 &&
         (FindPhrase(f, "cong van den") == 0 || FindPhrase(f, "van ban den") == 0)) ||
        (StartsWith(f, "den") && f.size() < 40 && (f.size() == 3 || FindPhrase(f, "den so") == 0));
    if (!head) continue;
    lines[i].stamp = true;
    Span span = lines[i].h->span();
    std::size_t j = i + 1;
    for (; j < lines.size() && j <= i + 5; ++j) {
      const std::string_view g = lines[j].f.folded;
      if (StartsWith(g, "so") || StartsWith(g, "ngay") || StartsWith(g, "chuyen") ||
          StartsWith(g, "luu ho so") || StartsWith(g, "gio") || StartsWith(g, "den")) {
        // A real "Số:" line has a symbol; a stamp's has a bare number.
        if (StartsWith(g, "so") && ScanSymbol(lines[j].h->text, 3)) break;
        lines[j].stamp = true;
        span.end = lines[j].h->span().end;
      } else {
        break;
      }
    }
    warnings->push_back({"stamp-ignored",
                         "an incoming-document stamp was set aside (its number and date are "
                         "not the document's)",
                         span});
    i = j - 1;
  }
}

// The issuer block: capitalised lines walking up from line `anchor` (exclusive).
std::optional<Issuer> FindIssuer(const std::vector<Line>& lines, std::size_t anchor,
                                 std::vector<Warning>* warnings) {
  std::vector<std::size_t> picked;
  for (std::size_t j = anchor; j-- > 0;) {
    const Line& l = lines[j];
    if (l.stamp) break;
    const std::string_view f = l.f.folded;
    if (IsMottoLine(f)) {
      if (!picked.empty()) break;
      continue;
    }
    std::size_t dummy_after;
    bool dummy_law;
    if (SoWordAt(l, 0, &dummy_after, &dummy_law)) break;
    if (!MostlyUpper(l.h->text) || l.h->text.size() > 160) break;
    std::size_t tend;
    if (TypeNameAt(l, 0, &tend) != nullptr && tend == f.size()) break;
    picked.push_back(j);
    if (picked.size() >= 4) break;
    // A block starts after a boundary; the line above a bold issuer is its parent at most.
    if (l.h->boundary_before && picked.size() >= 2) break;
  }
  if (picked.empty()) return std::nullopt;
  std::reverse(picked.begin(), picked.end());
  // Split parent / issuer at the last line that starts a new body, or where bold starts.
  std::size_t split = 0;
  for (std::size_t k = 1; k < picked.size(); ++k) {
    const Line& l = lines[picked[k]];
    if (StartsWithBodyHead(l.f.folded + " ") || (l.h->bold && !lines[picked[k - 1]].h->bold)) {
      split = k;
    }
  }
  auto join = [&](std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t k = from; k < to; ++k) {
      if (!s.empty()) s.push_back(' ');
      s += lines[picked[k]].h->text;
    }
    return Trim(s, " ,;:.-*");
  };
  Issuer is;
  is.name = join(split, picked.size());
  is.parent = join(0, split);
  const Line& first = lines[picked[split]];
  // Columns are reordered (left column first), so the lines need not be in text order.
  is.span = first.h->span();
  for (std::size_t k = split; k < picked.size(); ++k) {
    const Span ls = lines[picked[k]].h->span();
    is.span.begin = std::min(is.span.begin, ls.begin);
    is.span.end = std::max(is.span.end, ls.end);
  }
  // A flattened block on one line: split inside it at the last body head word.
  if (split == 0 && picked.size() == 1) {
    const std::string& f = first.f.folded;
    std::size_t best = std::string::npos;
    for (std::size_t p = 1; p < f.size(); ++p) {
      if (f[p - 1] != ' ') continue;
      const std::string_view rest = std::string_view(f).substr(p);
      if (!StartsWithBodyHead(std::string(rest) + " ")) continue;
      // "ỦY BAN", "TỔNG CỤC", "CHI CỤC" are one head: don't split inside them.
      const std::string_view prev = std::string_view(f).substr(0, p - 1);
      if ((StartsWith(rest, "ban") && prev.ends_with("uy")) ||
          (StartsWith(rest, "cuc") && (prev.ends_with("tong") || prev.ends_with("chi"))) ||
          (StartsWith(rest, "bo ") && prev.ends_with("dang")) ||
          (StartsWith(rest, "doan") && prev.ends_with("lien")) ||
          // "MÔI TRƯỜNG" (environment) is one word, not a school ("TRƯỜNG …").
          (StartsWith(rest, "truong") && prev.ends_with(" moi"))) {
        continue;
      }
      best = p;
    }
    if (best != std::string::npos) {
      const std::size_t tb = first.f.offsets[best];
      is.parent = Trim(first.h->text.substr(0, tb), " ,;:.-*");
      is.name = Trim(first.h->text.substr(tb), " ,;:.-*");
      is.span = first.h->SpanOf(tb, first.h->text.size());
    }
  }
  // A receiving company's name above a state body's block is not its parent.
  const std::string fparent = text::Fold(is.parent);
  if (!is.parent.empty() &&
      (StartsWith(fparent, "cong ty") || StartsWith(fparent, "doanh nghiep")) &&
      !StartsWith(text::Fold(is.name), "cong ty")) {
    warnings->push_back({"receiver-ignored",
                         "a name above the issuer block (" + is.parent +
                             ") looks like the receiving company and was set aside",
                         lines[picked[0]].h->span()});
    is.parent.clear();
  }
  if (is.name.empty()) return std::nullopt;
  return is;
}

// Attachments with their own header: a line that opens with "(Kèm theo …" or "(Ban hành kèm
// theo …" and names the document it is attached to. Hot path: only lines starting with '('
// are folded, so the whole text is never copied.
void FindAttachments(std::string_view text, std::size_t from, Header* h) {
  for (std::size_t ls = from; ls < text.size();) {
    std::size_t le = text.find('\n', ls);
    if (le == std::string_view::npos) le = text.size();
    std::size_t i = ls;
    while (i < le && (text[i] == ' ' || text[i] == '*' || text[i] == '_' || text[i] == '|')) ++i;
    if (i < le && text[i] == '(') {
      // At most 400 bytes of the line, cut on a character boundary.
      std::size_t len = std::min<std::size_t>(le - i, 400);
      while (len < le - i && len > 0 &&
             (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) {
        --len;
      }
      const std::string_view line = text.substr(i, len);
      const text::FoldedText ft = text::FoldMapped(line);
      std::string_view f = ft.folded;
      std::size_t k = 1;
      while (k < f.size() && (f[k] == ' ' || f[k] == '*')) ++k;
      if (StartsWith(f.substr(k), "ban hanh ")) k += 9;
      if (StartsWith(f.substr(k), "kem theo ")) {
        Attachment a;
        a.span = Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + line.size())};
        const std::size_t so_pos = f.find(" so ", k);
        if (so_pos != std::string_view::npos) {
          if (auto sym = ScanSymbol(text, i + ft.Orig(so_pos + 4))) a.number = sym->text;
        }
        // Its type: the capitalised type line just above.
        const std::size_t wb = i > 600 ? i - 600 : 0;
        const text::FoldedText above = text::FoldMapped(text.substr(wb, i - wb));
        for (const DocType& t : AllTypes()) {
          const std::size_t at = above.folded.rfind(t.folded);
          if (at == std::string::npos) continue;
          const std::size_t ob = wb + above.Orig(at), oe = wb + above.Orig(at + t.folded.size());
          if (MostlyUpper(text.substr(ob, oe - ob))) {
            a.type_name = std::string(t.name);
            break;
          }
        }
        if (!a.number.empty()) {
          h->warnings.push_back({"attachment",
                                 "an attached " +
                                     (a.type_name.empty() ? std::string("document") : a.type_name) +
                                     " with its own header was recognised and kept apart",
                                 a.span});
          h->attachments.push_back(std::move(a));
        }
      }
    }
    ls = le + 1;
  }
}

Header ExtractHeaderIn(std::string_view text, std::size_t window) {
  Header h;
  const std::vector<HeaderLine> hl = BuildHeaderLines(text, window);
  if (hl.empty()) return h;
  std::vector<Line> lines;
  lines.reserve(hl.size());
  for (const HeaderLine& l : hl) lines.push_back(Line{&l, text::FoldMapped(l.text)});
  MarkStamps(lines, &h.warnings);

  // Motto / Party header.
  std::optional<std::size_t> motto_line;
  for (std::size_t i = 0; i < lines.size() && i < 80; ++i) {
    // The motto may wrap onto the next line; look at both, keep matches starting on this one.
    std::string joined = lines[i].f.folded;
    if (i + 1 < lines.size()) joined += " " + lines[i + 1].f.folded;
    const std::string_view f = joined;
    const std::size_t own = lines[i].f.folded.size();
    auto here = [own](std::size_t pos) { return pos < own ? pos : std::string_view::npos; };
    const std::size_t q = here(FindPhrase(f, "cong hoa xa hoi"));
    const std::size_t m = here(FindPhrase(f, "doc lap tu do"));
    const std::size_t p = here(FindPhrase(f, "dang cong san"));
    if (q != std::string_view::npos &&
        MostlyUpper(lines[i].TextOfFolded(q, std::min(q + 8, own)))) {
      h.national_motto = true;
    } else if (m != std::string_view::npos) {
      h.national_motto = true;
    } else if (p != std::string_view::npos &&
               MostlyUpper(lines[i].TextOfFolded(p, std::min(p + 13, own)))) {
      h.party_header = true;
    } else {
      continue;
    }
    if (!motto_line) motto_line = i;
    if (q != std::string_view::npos &&
        lines[i].h->text.find_first_of("ÀÁẢÃẠÒÓỎÕỌ") == std::string::npos &&
        StartsWith(lines[i].h->text.substr(lines[i].f.offsets[q]), "CONG HOA")) {
      h.warnings.push_back({"unaccented-header",
                            "the header is written without diacritics (OCR or a legacy "
                            "conversion): check the fields",
                            lines[i].h->span()});
    }
    break;
  }

  // Số / ký hiệu.
  const auto so = FindSo(lines);
  if (so && !so->blank) {
    h.number = so->sym.text;
    h.number_span = so->span;
  }

  // Date: after the Số (same cell row), else a "<Place>, ngày …" line anywhere in the header.
  std::optional<std::size_t> date_line;
  std::size_t date_fend = 0;
  auto try_date = [&](std::size_t li, std::size_t from, bool need_place) -> bool {
    const Line& l = lines[li];
    if (l.stamp) return false;
    // Join this line and the next (dates wrap: "ngày 19\ntháng 11 năm 2025").
    std::string f = l.f.folded;
    const std::size_t first_len = f.size();
    if (li + 1 < lines.size()) f += " " + lines[li + 1].f.folded;
    const std::size_t second_end = f.size();
    if (li + 2 < lines.size()) f += " " + lines[li + 2].f.folded;
    for (std::size_t p = from; p < first_len; ++p) {
      if (p > 0 && IsAlnum(f[p - 1])) continue;
      if (f[p] != 'n' && !(f[p] >= '0' && f[p] <= '9')) continue;
      auto d = DateAt(f, p);
      if (!d) continue;
      // Before it: ", " after a place name (the date line), or nothing on the line.
      std::string_view before = std::string_view(f).substr(0, p);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const bool after_comma = !before.empty() && before.back() == ',';
      if (need_place && !after_comma) continue;
      // Not a date inside a sentence ("Căn cứ Luật … ngày 19 tháng 6 năm 2015"): the date
      // line's date follows the place's comma, opens its line, or follows the Số.
      const bool opens = before.empty() || (so && so->end_line == li && p <= from + 1);
      if (!after_comma && !opens) continue;
      if (!d->spelled && !after_comma && !StartsWith(std::string_view(f).substr(p), "ngay")) {
        continue;
      }
      h.date = IsoDate(d->year, d->month, d->day);
      const std::size_t e1 = std::min(d->end, first_len);
      h.date_span = l.SpanOfFolded(p, e1);
      if (d->end > second_end + 1) {
        const Line& n = lines[li + 2];
        h.date_span.end = n.SpanOfFolded(0, d->end - second_end - 1).end;
        date_line = li + 2;
        date_fend = d->end - second_end - 1;
      } else if (d->end > first_len + 1) {
        const Line& n = lines[li + 1];
        h.date_span.end = n.SpanOfFolded(0, d->end - first_len - 1).end;
        date_line = li + 1;
        date_fend = d->end - first_len - 1;
      } else {
        date_line = li;
        date_fend = e1;
      }
      // Place: the words before ", ngày" on the same line, or on the line above when the
      // date wrapped ("Đồng Tháp," / "ngày 19 tháng 11 năm 2025").
      if (!after_comma && p == 0 && li > 0 && !lines[li - 1].stamp) {
        const Line& pl = lines[li - 1];
        const std::string& pt = pl.h->text;
        if (!pt.empty() && pt.back() == ',') {
          std::size_t start = 0;
          if (so && so->end_line == li - 1)
            start = pl.f.offsets[std::min(so->end_fpos, pl.f.folded.size() - 1)];
          std::string place = Trim(pt.substr(start), " ,;:.-*");
          const auto words = std::count(place.begin(), place.end(), ' ') + 1;
          if (!place.empty() && words <= 6 &&
              place.find_first_of("0123456789:") == std::string::npos &&
              !StartsWith(text::Fold(place), "so ")) {
            h.place = place;
            const std::size_t off = pt.find(place);
            h.place_span = pl.h->SpanOf(off, off + place.size());
          }
        }
      }
      if (after_comma) {
        std::size_t pb = before.size() - 1;  // the comma
        std::size_t start = 0;
        if (so && so->end_line == li) start = so->end_fpos;
        if (start < pb) {
          std::string place = Trim(l.TextOfFolded(start, pb), " ,;:.-*");
          const std::string fp = text::Fold(place);
          const auto words = std::count(place.begin(), place.end(), ' ') + 1;
          int up, low;
          CountCase(place.substr(0, 4), &up, &low);
          if (!place.empty() && words <= 6 && up > 0 &&
              place.find_first_of("0123456789:") == std::string::npos && !StartsWith(fp, "so ")) {
            h.place = place;
            const std::size_t off = l.h->text.find(place);
            h.place_span = l.h->SpanOf(off, off + place.size());
          }
        }
      }
      return true;
    }
    return false;
  };
  if (so) {
    const std::size_t from_line = so->end_line;
    for (std::size_t li = from_line; li < lines.size() && li <= from_line + 6 && !date_line; ++li) {
      if (li > from_line && IsTitleStop(lines[li].f.folded)) break;
      try_date(li, li == from_line ? so->end_fpos : 0, false);
    }
    // Right column before the left: "| *Hà Nội, ngày …* | Số: … |".
    for (std::size_t li = so->line; li-- > 0 && li + 6 >= so->line && !date_line;) {
      try_date(li, 0, true);
    }
  }
  if (!date_line) {
    for (std::size_t li = 0; li < lines.size() && li < 60 && !date_line; ++li) {
      try_date(li, 0, true);
    }
  }

  // Type name and trích yếu: after the date (or the Số), in capitals.
  std::size_t scan_line = 0, scan_fpos = 0;
  if (date_line) {
    scan_line = *date_line, scan_fpos = date_fend;
  } else if (so) {
    scan_line = so->end_line, scan_fpos = so->end_fpos;
  } else if (motto_line) {
    scan_line = *motto_line + 1;
  }
  const DocType* printed = nullptr;
  std::size_t title_line = 0, title_fpos = 0;
  bool cong_van = false;
  // SPEC(NĐ 30/2020, Phụ lục I, cell 5b): a công văn's trích yếu "V/v …" sits under its Số,
  // often before the date in the text's order.
  auto vv_at = [](std::string_view rest) -> std::size_t {
    if (StartsWith(rest, "v/v ")) return 4;
    if (StartsWith(rest, "v/v")) return 3;
    if (StartsWith(rest, "v/ v ")) return 5;
    if (StartsWith(rest, "v /v ")) return 5;  // OCR
    // OCR reads the slash as a letter or drops it: "Viv", "VW", "Vv", "VAv", "V#v", "V/w". No
    // Vietnamese word ends in v or w, so a 2–3 character "v…v"/"v…w" token is the mark.
    if (const std::size_t sp = rest.find(' '); sp != std::string_view::npos && sp >= 2 && sp <= 3 &&
                                               rest[0] == 'v' &&
                                               (rest[sp - 1] == 'v' || rest[sp - 1] == 'w')) {
      return sp + 1;
    }
    return 0;
  };
  if (so) {
    const std::size_t last = date_line ? *date_line : so->end_line + 3;
    for (std::size_t li = so->end_line; li < lines.size() && li <= last && !cong_van; ++li) {
      std::size_t fpos = li == so->end_line ? so->end_fpos : 0;
      const std::string_view f = lines[li].f.folded;
      while (fpos < f.size() && f[fpos] == ' ') ++fpos;
      if (const std::size_t skip = vv_at(f.substr(fpos))) {
        cong_van = true;
        title_line = li, title_fpos = fpos + skip;
      }
    }
  }
  if (!so && !date_line && !motto_line) {
    // No header cells at all: a text that opens with its type name alone ("CHỈ THỊ").
    for (std::size_t li = 0; li < lines.size() && li < 3; ++li) {
      std::size_t tend;
      if (const DocType* t = TypeNameAt(lines[li], 0, &tend);
          t && tend == lines[li].f.folded.size()) {
        printed = t;
        h.type_span = lines[li].SpanOfFolded(0, tend);
        title_line = li, title_fpos = tend;
        break;
      }
    }
  }
  if (!cong_van && !printed && (so || date_line || motto_line)) {
    for (std::size_t li = scan_line; li < lines.size() && li <= scan_line + 12; ++li) {
      const Line& l = lines[li];
      if (l.stamp) continue;
      std::size_t fpos = li == scan_line ? scan_fpos : 0;
      const std::string_view f = l.f.folded;
      while (fpos < f.size() && !IsAlnum(f[fpos]) && f[fpos] != '/') ++fpos;
      if (fpos >= f.size()) continue;
      const std::string_view rest = f.substr(fpos);
      if (const std::size_t skip = vv_at(rest)) {
        cong_van = true;
        title_line = li, title_fpos = fpos + skip;
        break;
      }
      if (IsTitleStop(rest) && li != scan_line) break;
      std::size_t tend;
      if (const std::size_t d = DraftMarkLength(rest); d > 0 && d < rest.size()) {
        if (const DocType* t = TypeNameAt(l, fpos + d, &tend)) {
          printed = t;
          h.type_span = l.SpanOfFolded(fpos + d, tend);
          title_line = li, title_fpos = tend;
          break;
        }
      }
      if (const DocType* t = TypeNameAt(l, fpos, &tend)) {
        printed = t;
        h.type_span = l.SpanOfFolded(fpos, tend);
        title_line = li, title_fpos = tend;
        break;
      }
      // A type name wrapped inside its bold run: "**THÔNG" / "TƯ**".
      if (li + 1 < lines.size() && f.size() - fpos <= 12 && MostlyUpper(l.h->text)) {
        const Line& n = lines[li + 1];
        const std::string joined = std::string(rest) + " " + n.f.folded;
        const DocType* t = nullptr;
        for (const DocType& cand : AllTypes()) {
          if (StartsWith(joined, cand.folded) && cand.folded.size() > rest.size() &&
              (joined.size() == cand.folded.size() || !IsAlnum(joined[cand.folded.size()]))) {
            t = &cand;
            break;
          }
        }
        if (t && MostlyUpper(n.h->text.substr(0, std::min<std::size_t>(n.h->text.size(), 8)))) {
          printed = t;
          const std::size_t in_next = t->folded.size() - rest.size() - 1;
          h.type_span = Span{l.SpanOfFolded(fpos, f.size()).begin, n.SpanOfFolded(0, in_next).end};
          title_line = li + 1, title_fpos = in_next;
          break;
        }
      }
      if (li <= scan_line + 1 && l.h->text.size() > 60) {
        // A flattened header: the type may stand further along the line, after the
        // authority's own line ("… năm 2006 QUỐC HỘI NƯỚC … Khoá XI … LUẬT QUẢN LÝ THUẾ").
        const DocType* found = nullptr;
        for (std::size_t w = fpos + 1; w < f.size() && !found; ++w) {
          if (f[w - 1] != ' ' || !IsAlnum(f[w])) continue;
          if (StartsWith(f.substr(w), "can cu")) break;
          if ((found = TypeNameAt(l, w, &tend))) {
            printed = found;
            h.type_span = l.SpanOfFolded(w, tend);
            title_line = li, title_fpos = tend;
          }
        }
        if (found) break;
      }
      if (li == scan_line) continue;  // the rest of the date line is not the type line
      // Only the first capitalised line after the date can be the type line.
      if (MostlyUpper(l.h->text) && l.h->text.size() > 3 && !IsMottoLine(f) && li > scan_line + 3) {
        break;
      }
    }
  }
  if (!cong_van && !printed) {
    // OCR of a scan garbles the Số, the date and the motto more often than the short "V/v"
    // printed under them: a line opening with "V/v" before the body starts is the trích yếu.
    for (std::size_t li = 0; li < lines.size() && li < 40; ++li) {
      const Line& l = lines[li];
      if (l.stamp) continue;
      const std::string_view f = l.f.folded;
      std::size_t fpos = 0;
      while (fpos < f.size() && !IsAlnum(f[fpos]) && f[fpos] != '/') ++fpos;
      const std::string_view rest = f.substr(fpos);
      if (IsTitleStop(rest)) break;
      if (const std::size_t skip = vv_at(rest)) {
        cong_van = true;
        title_line = li, title_fpos = fpos + skip;
        break;
      }
    }
  }
  // Issuer: above the motto when the motto comes before the Số line, else above the Số.
  std::vector<std::size_t> anchors;
  if (motto_line && (!so || *motto_line <= so->line)) anchors.push_back(*motto_line);
  if (so) anchors.push_back(so->line);
  for (std::size_t a : anchors) {
    if (auto is = FindIssuer(lines, a, &h.warnings)) {
      h.issuer = std::move(is);
      break;
    }
  }

  // Title: the rest of the type line, then following lines (header_title.h).
  if (printed || cong_van) {
    TitleStart start;
    start.line = title_line;
    start.fpos = title_fpos;
    start.cong_van = cong_van;
    start.date_line = date_line;
    if (h.issuer) start.issuer_name = h.issuer->name;
    const Title t = ReadTitle(lines, start);
    h.title = t.text;
    h.title_span = t.span;
  }

  // Type: the printed name decides; the code comes from the number when it agrees.
  const DocType* coded = so ? TypeByAbbr(so->sym.type_abbr) : nullptr;
  if (coded && coded->folded == "van ban hop nhat") {
    // A consolidated text prints the consolidated document's type; its ký hiệu says VBHN.
    h.type_name = std::string(coded->name);
    h.type = so->sym.type_abbr;
  } else if (printed) {
    h.type_name = std::string(printed->name);
    if (coded &&
        (coded == printed || (printed->folded == "quy dinh" && so->sym.type_abbr == "QĐ"))) {
      h.type = so->sym.type_abbr;
    } else {
      h.type = std::string(printed->abbr);
    }
  } else if (cong_van || (so && so->sym.party && so->sym.type_abbr == "CV")) {
    h.type_name = "Công văn";
    if (so && so->sym.party) h.type = so->sym.type_abbr;
  } else if (coded) {
    h.type_name = std::string(coded->name);
    h.type = so->sym.type_abbr;
  } else if (so && so->law) {
    h.type_name = "Luật";
  } else if (so && !so->sym.party && so->sym.year.empty() && so->sym.type_abbr.empty() &&
             so->sym.issuer_abbr.find('-') != std::string::npos) {
    // SPEC(NĐ 30/2020, Phụ lục I, II.3c): a công văn's ký hiệu is issuer-unit, no type code.
    h.type_name = "Công văn";
  }

  // Where the content starts, and a header with nothing under it.
  std::size_t body = 0;
  for (const Span& s : {h.number_span, h.date_span, h.title_span, h.type_span}) {
    body = std::max<std::size_t>(body, s.end);
  }
  h.body_begin = body;
  if (body > 0) {
    std::size_t content = 0;
    for (std::size_t i = body; i < text.size() && content < 40; ++i) {
      content += !(text[i] == ' ' || text[i] == '\n' || text[i] == '|' || text[i] == '*');
    }
    if (content < 40) {
      h.warnings.push_back({"header-only", "the document has a header but no content under it",
                            Span{0, static_cast<std::uint32_t>(body)}});
    }
  }

  return h;
}

}  // namespace

Header ExtractHeader(std::string_view text) {
  // Almost every header ends within its first 2 KB; a portal banner can push one further, so
  // a text whose first window shows no header cell at all is read again with the long one.
  Header h = ExtractHeaderIn(text, limits::kHeaderFirstWindowBytes);
  if (h.number.empty() && h.date.empty() && !h.national_motto && !h.party_header &&
      text.size() > limits::kHeaderFirstWindowBytes) {
    h = ExtractHeaderIn(text, limits::kHeaderWindowBytes);
  }
  FindAttachments(text, h.body_begin, &h);
  return h;
}

}  // namespace dondoc::parse
