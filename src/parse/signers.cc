// Tested by signers_test.cc.
//
// Finds signature blocks (NĐ 30 Phụ lục I, II.7b; HD 36 for Party documents) and reads each
// into a Signer. The text is first laid out as "segments": one per physical line, except that
// markdown tables (pipe rows and pandoc grid tables) are read column by column, so the
// signature column is read top to bottom even when it shares rows with the "Nơi nhận" column.
// Markdown (*, _, \, `) is dropped and spaces collapsed, with every kept byte mapped back to
// its offset in the input, so spans stay exact.
//
// A block is a run of upper-case title words, optionally carrying authority prefixes,
// followed by a 2–5 word name in Title Case. Edge cases handled:
// - State prefixes TM. KT. TL. TUQ. Q. and Party T/M K/T T/L (T/UQ): "T/M" → "TM"; a prefix
//   glued to its title ("KT.BỘ TRƯỞNG") or without its dot at the start of a line ("KT BỘ").
// - Nested prefixes ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"): the last prefix
//   gives authority and for_title, as the person actually signs "ký thay" the chairman.
// - for_title and position split: at the last "PHÓ" (PHÓ CHỦ TỊCH, PHÓ BÍ THƯ), else at the
//   first known title head (CHỦ TỊCH, THỨ TRƯỞNG, CHÁNH VĂN PHÒNG …) after the first word,
//   else at the last line; this also reads flattened one-line blocks
//   ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A") and titles wrapped over lines.
// - Placeholders between title and name: blank lines, "(Đã ký)", "[daky]", "(Ký tên, đóng
//   dấu)", "Đã ký", empty grid-table cells ("\").
// - Blocks with no prefix ("BỘ TRƯỞNG / Nguyễn Văn A") count only when a name follows, so the
//   heading "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH / Căn cứ …" of a Quyết định is not a signer.
// - A block never reads past a list item ("- …"), "Nơi nhận", "Kính gửi", "Lưu", a table
//   column boundary or a lone "|" cell separator: names never come from a recipient list.
// - A prefixed block without a readable name is still reported, with an empty name.
// - Several blocks (joint documents, an attachment signed again) are returned in reading
//   order, the main document's first; exact repeats are dropped.
#include "parse/signers.h"

#include <unicode/uchar.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parse/layout.h"
#include "text/fold.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::parse {
namespace {

using Seg = LayoutSeg;

// ---------------------------------------------------------------------------------------------
// Words.

struct Tok {
  std::string_view w;  // view into Seg::text
  std::uint32_t b = 0, e = 0;
};

enum class Case { kUpper, kTitle, kLower, kMixed, kNone };

Case CaseOf(std::string_view w) {
  int letters = 0, upper = 0;
  bool first_upper = false;
  for (std::size_t i = 0; i < w.size();) {
    const auto c = static_cast<unsigned char>(w[i]);
    bool up;
    if (c < 0x80) {  // Hot (every word of the document): ASCII classified without ICU.
      ++i;
      const bool lower = c >= 'a' && c <= 'z';
      up = c >= 'A' && c <= 'Z';
      if (!lower && !up) continue;
    } else {
      std::size_t len = 1;
      const char32_t cp = text::DecodeAt(w, i, &len);
      i += len;
      if (!u_isalpha(static_cast<UChar32>(cp))) continue;
      up = u_isupper(static_cast<UChar32>(cp));
    }
    if (letters == 0) first_upper = up;
    ++letters;
    if (up) ++upper;
  }
  if (letters == 0) return Case::kNone;
  if (upper == letters) return Case::kUpper;
  if (first_upper && upper == 1) return Case::kTitle;
  if (!first_upper) return Case::kLower;
  return Case::kMixed;
}

// A word of a person's name: Title Case letters only (a trailing "," or "." is tolerated).
bool IsNameWord(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
  if (w.empty() || CaseOf(w) != Case::kTitle) return false;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len = 1;
    const char32_t cp = text::DecodeAt(w, i, &len);
    i += len;
    if (!u_isalpha(static_cast<UChar32>(cp))) return false;
  }
  return true;
}

bool IsPlaceholder(std::string_view folded) {
  return folded.find("ky") != std::string_view::npos ||
         folded.find("dong dau") != std::string_view::npos ||
         folded.find("sign") != std::string_view::npos;
}

// Splits a segment into words, dropping signature placeholders: bracketed groups mentioning
// "ký" ("(Đã ký)", "[daky]", "(Ký tên, đóng dấu)") and a bare "Đã ký".
// Appends the words to *out; *raw is scratch space reused across segments (Hot: one call per
// line of the document, so no allocation per line).
void Tokenize(const Seg& s, std::vector<Tok>* raw_words, std::vector<Tok>* out) {
  std::vector<Tok>& raw = *raw_words;
  raw.clear();
  for (std::size_t i = 0; i < s.text.size();) {
    const std::size_t j = std::min(s.text.find(' ', i), s.text.size());
    if (j > i) {
      raw.push_back({s.text.substr(i, j - i), s.off[i], s.off[j - 1] + 1});
    }
    i = j + 1;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char open = raw[i].w.front();
    if (open == '(' || open == '[') {
      const char close = open == '(' ? ')' : ']';
      std::size_t k = i;
      while (k < raw.size() && raw[k].w.find(close) == std::string_view::npos) ++k;
      if (k < raw.size()) {
        std::string group;
        for (std::size_t m = i; m <= k; ++m) group += std::string(raw[m].w) + " ";
        if (IsPlaceholder(text::Fold(group))) {
          i = k;
          continue;
        }
      }
    }
    // Hot: every word of the document passes here. The placeholders below all fold to a word
    // starting with "d" or "(", so a word whose first (ASCII) byte cannot fold to either is
    // kept without folding it.
    const auto c0 = static_cast<unsigned char>(raw[i].w.front());
    if (c0 < 0x80 && c0 != 'd' && c0 != 'D' && c0 != '(') {
      out->push_back(raw[i]);
      continue;
    }
    const std::string f = text::Fold(raw[i].w);
    if (f == "daky" || f == "daky." || f == "(daky)") continue;
    if (f == "da" && i + 1 < raw.size() && text::Fold(raw[i + 1].w).starts_with("ky")) {
      ++i;
      continue;
    }
    out->push_back(raw[i]);
  }
}

// Authority prefix at the start of a word: returns the normalized authority and sets *rest to
// the byte length of the prefix (the word may continue with its title, "KT.BỘ").
std::string PrefixOf(std::string_view w, bool line_start, std::size_t* rest) {
  // Hot (every word of the document): every prefix starts with T, K or Q, so a word whose
  // first letter (after the debris) is another one has none. ASCII is classified inline.
  std::size_t lead = 0;  // OCR debris before the prefix ("„KT.")
  while (lead < w.size()) {
    const auto c = static_cast<unsigned char>(w[lead]);
    if (c < 0x80) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) break;
      ++lead;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = text::DecodeAt(w, lead, &len);
    if (u_isalpha(static_cast<UChar32>(cp))) break;
    lead += len;
  }
  if (lead >= w.size() || (w[lead] != 'T' && w[lead] != 'K' && w[lead] != 'Q')) return "";
  std::string_view v = w.substr(lead);
  struct P {
    std::string_view text, auth;
  };
  static constexpr std::array<P, 12> kPrefixes = {{{"TUQ.", "TUQ"},
                                                   {"T/UQ", "TUQ"},
                                                   {"TM.", "TM"},
                                                   {"KT.", "KT"},
                                                   {"TL.", "TL"},
                                                   {"T/M", "TM"},
                                                   {"K/T", "KT"},
                                                   {"T/L", "TL"},
                                                   {"Q.", "Q"},
                                                   {"TUQ", "TUQ"},
                                                   {"TM", "TM"},
                                                   {"KT", "KT"}}};
  for (const P& p : kPrefixes) {
    if (!v.starts_with(p.text)) continue;
    const bool dotless = p.text.back() != '.' && p.text.find('/') == std::string_view::npos;
    if (dotless && !line_start) continue;
    std::size_t n = lead + p.text.size();
    if (n < w.size() && w[n] == '.') ++n;
    if (n < w.size()) {
      // Glued title: the rest must start with an upper-case letter.
      std::size_t len = 1;
      const char32_t cp = text::DecodeAt(w, n, &len);
      if (!u_isupper(static_cast<UChar32>(cp)) || dotless) continue;
    }
    *rest = n;
    return std::string(p.auth);
  }
  return "";
}

// Folded title heads that begin a signer's own position.
constexpr std::string_view kTitleHeads[] = {
    "chu tich",        "thu tuong",   "bo truong",        "thu truong",      "bi thu",
    "tong bi thu",     "giam doc",    "tong giam doc",    "chanh van phong", "chanh thanh tra",
    "chanh an",        "truong ban",  "truong phong",     "truong doan",     "cuc truong",
    "tong cuc truong", "vu truong",   "vien truong",      "hieu truong",     "chu nhiem",
    "tong kiem toan",  "tong thu ky", "kiem toan truong", "tu lenh",         "chinh uy",
    "truong khoa"};

// Length in words of the title head starting at words[i], 0 when none.
std::size_t TitleHeadAt(const std::vector<std::string>& folded, std::size_t i) {
  std::size_t best = 0;
  for (std::string_view head : kTitleHeads) {
    std::size_t n = 0, pos = 0;
    bool ok = true;
    while (pos < head.size()) {
      const std::size_t sp = std::min(head.find(' ', pos), head.size());
      const std::string_view part = head.substr(pos, sp - pos);
      std::string_view w = i + n < folded.size() ? std::string_view(folded[i + n]) : "";
      while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':')) {
        w.remove_suffix(1);
      }
      if (w != part) {
        ok = false;
        break;
      }
      ++n;
      pos = sp + 1;
    }
    if (ok) best = std::max(best, n);
  }
  return best;
}

struct TitleWord {
  Tok tok;
  std::size_t seg;
  std::string auth;  // non-empty for a prefix
};

std::string Join(const std::vector<TitleWord>& words, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].tok.w;
  }
  while (!out.empty() && (out.back() == ',' || out.back() == ':' || out.back() == ';' ||
                          out.back() == '-' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

// Where the signer's own position starts among the words after the last prefix (folded[i] is
// title[first + i]); npos when the words only name what is signed for ("T/M BAN BÍ THƯ").
std::size_t SplitTitle(const std::vector<TitleWord>& title, std::size_t first,
                       const std::vector<std::string>& folded) {
  std::size_t split = std::string::npos;
  // "PHÓ …" is always the signer's own title: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
  for (std::size_t i = 1; i + 1 < folded.size(); ++i) {
    if (folded[i] == "pho") split = i;
  }
  if (split != std::string::npos) return split;
  const bool lines = title.back().seg != title[first].seg;
  if (lines) {
    // Wrapped titles: the first later line that starts with a title head, else the last line.
    std::size_t last_line = std::string::npos;
    for (std::size_t i = 1; i < folded.size(); ++i) {
      if (title[first + i].seg == title[first + i - 1].seg) continue;
      if (TitleHeadAt(folded, i) > 0) return i;
      last_line = i;
    }
    return last_line;
  }
  // One flattened line: the first title head after the first word, unless it belongs to a
  // body's name (BAN BÍ THƯ).
  for (std::size_t i = 1; i < folded.size(); ++i) {
    if (TitleHeadAt(folded, i) > 0 && folded[i - 1] != "ban") return i;
  }
  return split;
}

bool IsNameLine(std::span<const Tok> toks) {
  if (toks.size() < 2 || toks.size() > 5) return false;
  for (const Tok& t : toks) {
    if (!IsNameWord(t.w)) return false;
  }
  return true;
}

bool StopsBlock(const Seg& s, std::span<const Tok> toks) {
  const std::string_view t = s.text;
  if (t.starts_with("- ") || t.starts_with("+ ") || t.starts_with("•") || t.starts_with("–") ||
      t == "-") {
    return true;
  }
  const std::string f = text::Fold(t.substr(0, 24));
  if (f.starts_with("noi nhan") || f.starts_with("kinh gui")) return true;
  // "Lưu: VT", "Lưu Văn phòng" end a recipient list; "Lưu Đức Hải" is a signer's name.
  return (f.starts_with("luu:") || f.starts_with("luu ")) && !IsNameLine(toks);
}

constexpr std::size_t kMaxGapSegments = 8;  // blank or placeholder lines before the name
constexpr std::size_t kMaxTitleWords = 30;
constexpr std::size_t kMaxUnprefixedTitleWords = 10;

// False when no signer block can start in the segment `t`, without splitting it into words:
// a block starts at an authority prefix (every one of PrefixOf's holds "TM", "TL", "TU", "T/",
// "KT", "K/" or "Q.") or at a line whose first word is all capitals (a title head, "GIÁM ĐỐC").
// A first word that is a signature placeholder ("(Đã ký)", "Đã ký") is dropped by Tokenize,
// so a line starting with one is kept for the full check. Hot: every line of the document.
// The first position >= i of 'T', 'K' or 'Q' in t, else t.size(). Sixteen bytes are compared at
// once: capitals are rare in prose, so most lines are passed over a block at a time.
std::size_t NextTkq(std::string_view t, std::size_t i) {
#if defined(__SSE2__)
  const __m128i tt = _mm_set1_epi8('T');
  const __m128i kk = _mm_set1_epi8('K');
  const __m128i qq = _mm_set1_epi8('Q');
  for (; i + 16 <= t.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tt), _mm_cmpeq_epi8(x, kk)),
                                     _mm_cmpeq_epi8(x, qq));
    const auto m = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
#endif
  while (i < t.size() && t[i] != 'T' && t[i] != 'K' && t[i] != 'Q') ++i;
  return i;
}

bool MayStartBlock(std::string_view t) {
  for (std::size_t i = NextTkq(t, 0); i + 1 < t.size(); i = NextTkq(t, i + 1)) {
    const char c = t[i], d = t[i + 1];
    if ((c == 'T' && (d == 'M' || d == 'L' || d == 'U' || d == '/')) ||
        (c == 'K' && (d == 'T' || d == '/')) || (c == 'Q' && d == '.')) {
      return true;
    }
  }
  const std::string_view first = t.substr(0, t.find(' '));
  if (first.empty()) return false;
  const char c0 = first.front();
  if (c0 == '(' || c0 == '[' || c0 == 'd' || c0 == 'D' || (c0 & 0x80) != 0) return true;
  return CaseOf(first) == Case::kUpper;
}

class Scanner {
 public:
  // Segments are split into words only when a block could start there or a block reads them:
  // most lines of a document are prose that no signature starts in (MayStartBlock).
  explicit Scanner(const Layout& layout)
      : segs_(layout.segs()), toks_(segs_.size()), tokenized_(segs_.size(), false) {}

  std::vector<Signer> Run() {
    std::vector<Signer> out;
    for (std::size_t s = 0; s < segs_.size(); ++s) {
      if (!MayStartBlock(segs_[s].text)) continue;
      for (std::size_t t = 0; t < Toks(s).size(); ++t) {
        const bool prefixed = StartsPrefixed(s, t);
        if (!prefixed && !StartsUnprefixed(s, t)) continue;
        std::size_t end_s = s, end_t = t;
        std::optional<Signer> signer = Parse(s, t, prefixed, &end_s, &end_t);
        if (!signer) continue;
        bool seen = false;
        for (const Signer& o : out) {
          seen = seen || (o.name == signer->name && o.authority == signer->authority &&
                          o.for_title == signer->for_title && o.position == signer->position);
        }
        if (!seen) out.push_back(std::move(*signer));
        s = end_s;
        t = end_t;  // the loop's ++t moves past the block's last word
      }
    }
    return out;
  }

 private:
  bool StartsPrefixed(std::size_t s, std::size_t t) const {
    const auto& ts = Toks(s);
    std::size_t rest = 0;
    if (PrefixOf(ts[t].w, t == 0, &rest).empty()) return false;
    if (t > 0) {
      // Inside prose the word before is lower case; "Nơi nhận: TM. …" (two columns read
      // across by OCR) still starts a block.
      const Case prev = CaseOf(ts[t - 1].w);
      if ((prev == Case::kLower || prev == Case::kMixed) && !ts[t - 1].w.ends_with(':')) {
        return false;
      }
    }
    return TitleFollows(s, t, rest);
  }

  // True when the prefix Toks(s)[t] (prefix length rest) is followed by an upper-case title:
  // glued ("KT.BỘ"), next on the line, or first on the next non-blank line ("KT.\nBỘ TRƯỞNG").
  bool TitleFollows(std::size_t s, std::size_t t, std::size_t rest) const {
    if (rest < Toks(s)[t].w.size()) return true;
    if (t + 1 < Toks(s).size()) return CaseOf(Toks(s)[t + 1].w) == Case::kUpper;
    for (std::size_t n = s + 1; n < segs_.size() && n <= s + 2; ++n) {
      if (segs_[n].brk) return false;
      if (!Toks(n).empty()) return CaseOf(Toks(n)[0].w) == Case::kUpper;
    }
    return false;
  }

  bool StartsUnprefixed(std::size_t s, std::size_t t) const {
    if (t != 0) return false;
    std::vector<std::string> folded;
    for (std::size_t i = 0; i < Toks(s).size() && i < 4; ++i) {
      if (CaseOf(Toks(s)[i].w) != Case::kUpper) break;
      folded.push_back(text::Fold(Toks(s)[i].w));
    }
    if (folded.empty()) return false;
    const std::size_t skip = folded[0] == "pho" ? 1 : 0;
    return TitleHeadAt(folded, skip) > 0;
  }

  // Reads one block starting at Toks(s0)[t0]; sets *end_s/*end_t to its last word.
  std::optional<Signer> Parse(std::size_t s0, std::size_t t0, bool prefixed, std::size_t* end_s,
                              std::size_t* end_t) const {
    std::vector<TitleWord> title;
    std::optional<std::pair<std::size_t, std::size_t>> name;  // (seg, first tok)
    std::size_t name_len = 0;
    std::size_t gap = 0;
    bool done = false;
    for (std::size_t s = s0; s < segs_.size() && !done; ++s) {
      if (s != s0) {
        if (segs_[s].brk) break;
        if (Toks(s).empty()) {
          if (++gap > kMaxGapSegments) break;
          continue;
        }
        if (StopsBlock(segs_[s], Toks(s))) break;
      }
      gap = 0;
      const auto& ts = Toks(s);
      for (std::size_t t = s == s0 ? t0 : 0; t < ts.size(); ++t) {
        std::size_t rest = 0;
        std::string auth = PrefixOf(ts[t].w, t == 0, &rest);
        if (!auth.empty() && TitleFollows(s, t, rest)) {
          Tok p = ts[t];
          p.w = p.w.substr(0, rest);
          title.push_back({p, s, auth});
          if (rest < ts[t].w.size()) {
            Tok r = ts[t];
            r.w = r.w.substr(rest);
            title.push_back({r, s, ""});
          }
          *end_s = s;
          *end_t = t;
          continue;
        }
        const Case c = CaseOf(ts[t].w);
        if (c == Case::kNone) continue;  // "-", "–", ","
        if (c == Case::kUpper) {
          if (title.size() >= kMaxTitleWords) {
            done = true;
            break;
          }
          title.push_back({ts[t], s, ""});
          *end_s = s;
          *end_t = t;
          continue;
        }
        // First non-title word: a name or the end of the block.
        std::size_t n = 0;
        while (t + n < ts.size() && n < 6 && IsNameWord(ts[t + n].w)) ++n;
        bool ends_ok = t + n == ts.size() || CaseOf(ts[t + n].w) != Case::kLower;
        if (!ends_ok && n >= 3) {
          --n;  // "Lê Văn Hùng Phụ lục …": the last capitalised word opens the next heading
          ends_ok = true;
        }
        if (n >= 2 && n <= 5 && ends_ok) {
          name = {{s, t}};
          name_len = n;
          *end_s = s;
          *end_t = t + n - 1;
        }
        done = true;
        break;
      }
    }
    if (title.empty()) return std::nullopt;

    Signer out;
    std::size_t first = 0;  // first word after the last prefix
    for (std::size_t i = 0; i < title.size(); ++i) {
      if (!title[i].auth.empty()) {
        out.authority = title[i].auth;
        first = i + 1;
      }
    }
    if (prefixed && out.authority.empty()) return std::nullopt;
    if (first >= title.size()) return std::nullopt;
    if (!prefixed && (!name || title.size() > kMaxUnprefixedTitleWords)) return std::nullopt;

    std::vector<std::string> folded;
    for (std::size_t i = first; i < title.size(); ++i) folded.push_back(text::Fold(title[i].tok.w));
    std::size_t split = std::string::npos;  // index into folded
    if (prefixed) {
      split = SplitTitle(title, first, folded);
    } else {
      split = 0;
    }
    if (split == std::string::npos) {
      out.for_title = Join(title, first, title.size());
    } else {
      out.for_title = Join(title, first, first + split);
      out.position = Join(title, first + split, title.size());
    }
    std::uint32_t end = title.back().tok.e;
    if (name) {
      const auto& ts = Toks(name->first);
      for (std::size_t i = 0; i < name_len; ++i) {
        std::string_view w = ts[name->second + i].w;
        while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
        if (!out.name.empty()) out.name += ' ';
        out.name += w;
      }
      end = ts[name->second + name_len - 1].e;
    }
    out.span = {title.front().tok.b, end};
    return out;
  }

  // The words of segment s (Tokenize), made on first use. References stay valid: toks_ is
  // never resized.
  const std::vector<Tok>& Toks(std::size_t s) const {
    if (!tokenized_[s]) {
      Tokenize(segs_[s], &raw_, &toks_[s]);
      tokenized_[s] = true;
    }
    return toks_[s];
  }

  const std::vector<Seg>& segs_;
  mutable std::vector<std::vector<Tok>> toks_;
  mutable std::vector<bool> tokenized_;
  mutable std::vector<Tok> raw_;  // Tokenize's scratch space
};

}  // namespace

std::vector<Signer> ExtractSigners(const Layout& layout) { return Scanner(layout).Run(); }

std::vector<Signer> ExtractSigners(std::string_view text) {
  const Layout layout(text);
  return ExtractSigners(layout);
}

}  // namespace dondoc::parse
