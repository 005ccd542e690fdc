// Tested by recipients_test.cc.
//
// Reads the "Kính gửi:" addressees and the "Nơi nhận:" list (NĐ 30 Phụ lục I, II.9; HD 36 for
// Party documents). Like signers.cc, the text is first laid out as segments: one per line,
// except markdown tables, which are read column by column so a "Nơi nhận" cell that shares
// rows with the signature cell is read as one list. Markdown is dropped with every kept byte
// mapped back to the input, so each recipient's span covers exactly its own text.
//
// Edge cases handled:
// - Anchors matched on folded text: "Nơi nhận:", "**Nơi nhận:**", OCR "Noi nhan:"; "Nơi nhận
//   hồ sơ: …" in prose is no anchor (a colon or the end of the line must follow).
// - Items start with "-", "+", "•", "–", "—" or OCR "~"; items on one line are split at ";"
//   ("Nơi nhận: - Như trên; - Bộ Tài chính; - Lưu: VT."). A line without a marker continues
//   the previous item when that item did not end with ";" or "." (wrapped table cells),
//   else it is a new item.
// - Purpose from a trailing "(b/c)", "(để b/c)", "(để báo cáo)", "(t/h)", "(để thực hiện)",
//   "(p/h)", "(để phối hợp)", "(để chỉ đạo)" → "b/c", "t/h", "p/h", "c/đ"; "(để biết)" →
//   "biết"; any other "(để …)" keeps its words; other brackets ("(Bộ YT)") stay in the name.
// - "Như trên", "Như Điều 3" are recipients, kept as written.
// - "Lưu: VT, …", "Lưu VT", "Lưu Văn phòng" (Party) are not recipients and end the list.
// - The list also ends at a blank gap followed by a non-item line, two blank lines, a table
//   column boundary, a signature line (TM., KT., T/M … or an upper-case title) or another
//   anchor. A signature prefix read across by OCR on an item line ("- Như trên; KT. BỘ
//   TRƯỞNG") is dropped.
// - "Kính gửi: X" on one line, or a list below; only before the first "Nơi nhận" (portal
//   banners after the document say "Kính gửi: Quý Thành viên"), and a following prose line
//   ends it. Kính gửi addressees come first, then the Nơi nhận list.
#include "parse/recipients.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/layout.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace {

using Seg = LayoutSeg;

// ---------------------------------------------------------------------------------------------
// Items.

constexpr std::size_t kMaxItems = 120;
constexpr std::size_t kMaxBareItemBytes = 90;  // an unmarked line longer than this is prose

// Byte length of a list marker at the start of s, 0 when none.
std::size_t MarkerLen(std::string_view s) {
  static constexpr std::string_view kMarkers[] = {"•", "–", "—", "·", "-", "+", "~"};
  for (std::string_view m : kMarkers) {
    if (s.starts_with(m)) return m.size();
  }
  return 0;
}

bool IsUpperOnly(std::string_view s, std::size_t* words) {
  int letters = 0;
  *words = 1;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = text::DecodeAt(s, i, &len);
    i += len;
    if (cp == ' ') ++*words;
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    ++letters;
    if (!u_isupper(static_cast<UChar32>(cp))) return false;
  }
  return letters >= 4;
}

// A signature authority prefix: TM. KT. TL. TUQ. Q. T/M K/T T/L, followed by a space or an
// upper-case letter.
bool IsSignaturePrefix(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {"TM.", "KT.", "TL.", "TUQ.", "Q.",
                                                   "T/M", "K/T", "T/L", "T/UQ"};
  for (std::string_view p : kPrefixes) {
    if (!s.starts_with(p)) continue;
    std::size_t n = p.size();
    if (n < s.size() && s[n] == '.') ++n;
    if (n == s.size() || s[n] == ' ') return true;
    std::size_t len = 1;
    return u_isupper(static_cast<UChar32>(text::DecodeAt(s, n, &len)));
  }
  return false;
}

// Where the list starts after an anchor ("noi nhan" or "kinh gui") at the start of s, npos
// when s does not open with it.
// False when the folded s (first 48 bytes, as AnchorEnd reads them) cannot open with
// `anchor` after its leading non-letters. Hot: AnchorEnd is asked about every line of the
// document, and nearly all fail at their first letter, so they are folded one code point at a
// time and given up at the first mismatch instead of folded whole.
bool MayOpenWith(std::string_view s, std::string_view anchor) {
  s = s.substr(0, std::min<std::size_t>(s.size(), 48));
  std::size_t matched = 0;
  bool started = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t f;
    if (c < 0x80) {
      f = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    } else {
      f = text::FoldChar(text::DecodeAt(s, i, &len));
    }
    i += len;
    if (f == 0) continue;
    std::string bytes;
    text::AppendUtf8(f, &bytes);
    for (const char b : bytes) {
      if (!started) {
        if (!(b >= 'a' && b <= 'z')) continue;
        started = true;
      }
      if (b != anchor[matched]) return false;
      if (++matched == anchor.size()) return true;
    }
  }
  return false;
}

std::size_t AnchorEnd(std::string_view s, std::string_view anchor) {
  if (!MayOpenWith(s, anchor)) return std::string_view::npos;
  const text::FoldedText f = text::FoldMapped(s.substr(0, std::min<std::size_t>(s.size(), 48)));
  std::size_t k = 0;
  while (k < f.folded.size() && !(f.folded[k] >= 'a' && f.folded[k] <= 'z')) ++k;
  if (f.folded.compare(k, anchor.size(), anchor) != 0) return std::string_view::npos;
  k += anchor.size();
  std::size_t after = k;
  while (after < f.folded.size() && f.folded[after] == ' ') ++after;
  if (after < f.folded.size() && f.folded[after] >= 'a' && f.folded[after] <= 'z') {
    return std::string_view::npos;  // "Nơi nhận hồ sơ" is prose
  }
  std::size_t pos = k < f.folded.size() ? f.Orig(k) : s.size();
  // Skip the colon and OCR debris up to the first item.
  while (pos < s.size()) {
    std::size_t len = 1;
    const char32_t cp = text::DecodeAt(s, pos, &len);
    if (u_isalnum(static_cast<UChar32>(cp)) || MarkerLen(s.substr(pos)) > 0 || cp == '(' ||
        cp == '"') {
      break;
    }
    pos += len;
  }
  return pos;
}

// A recipient being read: cleaned text with the input offset of every byte.
struct Item {
  std::string text;
  std::vector<std::uint32_t> off;
};

bool IsKeep(std::string_view folded) {
  return folded.starts_with("luu") && (folded.size() == 3 || folded[3] == ':' || folded[3] == ' ' ||
                                       folded[3] == '.' || folded[3] == ',');
}

// Normalized purpose of the words inside "(…)" or after a trailing "để", "" when none.
std::string PurposeOf(std::string_view original) {
  const std::string f = text::Fold(original);
  std::string compact;  // folded, without spaces and dots
  for (char c : f) {
    if (c != ' ' && c != '.') compact += c;
  }
  bool de = false;
  if (compact.starts_with("de")) {
    compact.erase(0, 2);
    de = true;
  }
  struct P {
    std::string_view folded, purpose;
  };
  static constexpr P kPurposes[] = {
      {"b/c", "b/c"},    {"bc", "b/c"},      {"b/cao", "b/c"},    {"baocao", "b/c"},
      {"t/h", "t/h"},    {"th", "t/h"},      {"thuchien", "t/h"}, {"t/hien", "t/h"},
      {"p/h", "p/h"},    {"ph", "p/h"},      {"phoihop", "p/h"},  {"p/hop", "p/h"},
      {"chidao", "c/đ"}, {"c/d", "c/đ"},     {"theodoi", "t/d"},  {"t/d", "t/d"},
      {"biet", "biết"},  {"b/biet", "biết"}, {"b/b", "biết"},
  };
  for (const P& p : kPurposes) {
    if (compact == p.folded) return std::string(p.purpose);
  }
  if (de) {
    // Another "(để …)": the words after "để", as written.
    std::string_view v = original;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    const std::size_t sp = v.find(' ');
    if (sp != std::string_view::npos) {
      v.remove_prefix(sp + 1);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
      return std::string(v);
    }
  }
  return "";
}

// Turns an item into a Recipient: marker and trailing ";" "." "," ":" dropped, purpose split
// off. nullopt when nothing is left.
std::optional<Recipient> Finish(const Item& item) {
  const std::string_view raw = item.text;
  std::size_t b = 0, e = raw.size();
  auto trim_front = [&] {
    for (bool more = true; more;) {
      more = false;
      while (b < e && raw[b] == ' ') ++b;
      if (const std::size_t m = MarkerLen(raw.substr(b, e - b)); m > 0) {
        b += m;
        more = true;
      }
    }
  };
  auto trim_back = [&] {
    while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == ';' || raw[e - 1] == '.' ||
                     raw[e - 1] == ',' || raw[e - 1] == ':')) {
      --e;
    }
  };
  trim_front();
  trim_back();
  Recipient r;
  if (e > b && raw[e - 1] == ')') {
    const std::size_t open = raw.rfind('(', e - 1);
    if (open != std::string_view::npos && open > b) {
      std::string p = PurposeOf(raw.substr(open + 1, e - 1 - (open + 1)));
      if (!p.empty()) {
        r.purpose = std::move(p);
        e = open;
        trim_back();
      }
    }
  } else if (const std::size_t de = raw.rfind(" để ", e);
             de != std::string_view::npos && de > b && e - de < 20) {
    std::string p = PurposeOf(raw.substr(de + 1, e - (de + 1)));
    if (p.find('/') != std::string::npos) {  // only the short forms: "… để b/c"
      r.purpose = std::move(p);
      e = de;
      trim_back();
    }
  }
  if (e <= b) return std::nullopt;
  r.name = std::string(raw.substr(b, e - b));
  r.span = {item.off[b], item.off[e - 1] + 1};
  return r;
}

// An addressee's address or tax code line ("Địa chỉ: …", "Đ/c: …", "MST: …"): not part of
// the name.
bool IsAddress(std::string_view line) {
  std::string f = text::Fold(line.substr(0, std::min<std::size_t>(line.size(), 16)));
  while (!f.empty() && (f.front() == '(' || f.front() == ' ')) f.erase(0, 1);
  return f.starts_with("dia chi") || f.starts_with("d/c") || f.starts_with("mst");
}

enum class Kind { kNoiNhan, kKinhGui };

// Reads the list whose anchor is in segs[s0], the list starting at byte pos of its text.
std::vector<Recipient> ReadList(const std::vector<Seg>& segs, std::size_t s0, std::size_t pos,
                                Kind kind) {
  std::vector<Item> items;
  bool open = false;         // the last item may continue on the next line
  bool from_marker = false;  // the last item started with a list marker
  bool stop = false;

  // Adds the pieces of segs[s].text[b, end), split at ";".
  auto add = [&](std::size_t s, std::size_t b, bool line_start) {
    const Seg& seg = segs[s];
    const std::string_view t = seg.text;
    while (b < t.size() && !stop && items.size() < kMaxItems) {
      std::size_t e = t.find(';', b);
      e = e == std::string_view::npos ? t.size() : e + 1;
      std::size_t pb = b;
      while (pb < e && t[pb] == ' ') ++pb;
      const std::string_view piece = t.substr(pb, e - pb);
      b = e;
      if (piece.empty() || piece == ";") continue;
      const std::size_t m = MarkerLen(piece);
      std::string_view body = piece.substr(m);
      while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
      if (IsKeep(text::Fold(body.substr(0, std::min<std::size_t>(body.size(), 8))))) {
        stop = true;
        break;
      }
      std::size_t words = 0;
      if (m == 0 && (IsSignaturePrefix(body) ||
                     (kind == Kind::kNoiNhan && IsUpperOnly(body, &words) && words >= 2))) {
        // A signature line: ends the list when it stands on its own line, else it is OCR
        // reading the signature column across the list.
        if (line_start && pb == 0 && !items.empty()) stop = true;
        continue;
      }
      const bool continues = m == 0 && line_start && pb == 0 && open && !items.empty();
      line_start = false;
      if (continues) {
        Item& last = items.back();
        last.text.push_back(' ');
        last.off.push_back(seg.off[pb]);
      } else {
        if (m == 0 && pb == 0 && !items.empty() && piece.size() > kMaxBareItemBytes) {
          stop = true;  // prose after the list
          break;
        }
        items.emplace_back();
        from_marker = m > 0;
      }
      Item& last = items.back();
      last.text.append(piece);
      last.off.insert(last.off.end(), seg.off.begin() + static_cast<std::ptrdiff_t>(pb),
                      seg.off.begin() + static_cast<std::ptrdiff_t>(e));
      const char end = piece.back();
      open = end != ';' && end != '.';
    }
  };

  add(s0, pos, false);
  std::size_t blanks = 0;
  bool crossed = false;
  for (std::size_t s = s0 + 1; s < segs.size() && !stop && items.size() < kMaxItems; ++s) {
    const Seg& seg = segs[s];
    if (seg.brk) {
      // "| Kính gửi: | - Sở A; - Sở B |": the list sits in the next cell.
      if (!items.empty() || crossed) break;
      crossed = true;
    }
    if (seg.text.empty()) {
      if (++blanks > 2) break;
      continue;
    }
    const bool marker = MarkerLen(seg.text) > 0;
    if (blanks > 0 && !marker && !items.empty()) break;
    blanks = 0;
    if (AnchorEnd(seg.text, "noi nhan") != std::string_view::npos ||
        AnchorEnd(seg.text, "kinh gui") != std::string_view::npos) {
      break;
    }
    if (kind == Kind::kKinhGui && !marker && !items.empty() &&
        !(open && seg.text.size() < kMaxBareItemBytes &&
          (from_marker || seg.text.back() == '.' || seg.text.back() == ';') &&
          !IsAddress(seg.text))) {
      break;  // the letter's body
    }
    add(s, 0, true);
  }

  std::vector<Recipient> out;
  for (const Item& item : items) {
    if (std::optional<Recipient> r = Finish(item)) out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace

std::vector<Recipient> ExtractRecipients(std::string_view text) {
  const Layout layout(text);
  return ExtractRecipients(text, layout);
}

std::vector<Recipient> ExtractRecipients(std::string_view text, const Layout& layout) {
  const std::vector<Seg>& segs = layout.segs();
  std::size_t first_noi = segs.size();
  for (std::size_t s = 0; s < segs.size(); ++s) {
    if (AnchorEnd(segs[s].text, "noi nhan") != std::string_view::npos) {
      first_noi = s;
      break;
    }
  }
  // Kính gửi belongs before the list and the signature; with neither, in the first half
  // (portal banners at the end of a page say "Kính gửi: Quý Thành viên").
  std::uint32_t limit = static_cast<std::uint32_t>(text.size() / 2);
  if (first_noi < segs.size()) {
    limit = segs[first_noi].off.front();
  } else {
    for (const Seg& seg : segs) {
      if (IsSignaturePrefix(seg.text)) {
        limit = seg.off.front();
        break;
      }
    }
  }
  std::vector<Recipient> out;
  for (std::size_t s = 0; s < segs.size(); ++s) {
    if (segs[s].text.empty()) continue;
    if (segs[s].off.front() >= limit) break;
    const std::size_t pos = AnchorEnd(segs[s].text, "kinh gui");
    if (pos == std::string_view::npos) continue;
    out = ReadList(segs, s, pos, Kind::kKinhGui);
    if (!out.empty()) break;
  }
  for (std::size_t s = first_noi; s < segs.size(); ++s) {
    const std::size_t pos = AnchorEnd(segs[s].text, "noi nhan");
    if (pos == std::string_view::npos) continue;
    std::vector<Recipient> list = ReadList(segs, s, pos, Kind::kNoiNhan);
    if (list.empty()) continue;
    out.insert(out.end(), list.begin(), list.end());
    break;
  }
  return out;
}

}  // namespace dondoc::parse
