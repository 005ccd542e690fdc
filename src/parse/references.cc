// Tested by references_test.cc.
//
// A citation starts at a type word (every name of types.h — "Nghị quyết", "Quyết định",
// "Thông tư liên tịch" … — plus the generic "văn bản"), matched on folded text at a word
// start, so capitals, missing accents (OCR, "Nghi dinh so") and old/new tone placement match
// alike. The text is first cleaned: markdown emphasis ("*", "_", "#") dropped and line breaks
// and runs of spaces collapsed, so "*Căn cứ Nghị quyết số* *203/2025/QH15;*" and citations
// wrapped across lines read as one phrase. Spans map back to the original bytes.
//
// After the type word:
// - Numbered: optional "số" (and ":"), then a số/ký hiệu read by ScanSymbol; up to
//   kMaxWordsBeforeNumber words may stand between ("Kế hoạch hành động số 459-KHHĐ/TU",
//   "Thông báo kết luận số 12-TB/TU"). Then an optional date ("ngày 18 tháng 10 năm 2022",
//   "ngày 22/10/2018", SPEC(HD 36-HD/VPTW) Party style with a comma: ", ngày 22/10/2018"), then
//   an optional issuer after "của", cut at punctuation, at a verb or preposition that starts
//   the trích yếu ("về", "ban hành", "quy định", "phê duyệt" …) or after kMaxIssuerWords.
//   Lists after one type word ("Nghị định số 15/2020/NĐ-CP và số 14/2022/NĐ-CP") give one
//   reference per number.
// - Named (Luật, Bộ luật, Pháp lệnh, Hiến pháp — SPEC(NĐ 30/2020, Phụ lục I, Phần I, III.4):
//   a Luật or Pháp lệnh is cited by type and name): the name runs from the type word to the
//   first punctuation, "số", a date, "năm <year>", or a lower-case connective ("đã", "được",
//   "của", "này" …); "," and "và" are kept inside the name when a lower-case word follows
//   ("Luật Phòng, chống tham nhũng", "Luật Đo đạc và bản đồ"), not when another name does
//   ("Luật Đất đai và Luật Nhà ở"). The type word must be capitalised (not "pháp luật") and
//   the name must start with a capital ("Luật An ninh mạng") unless a date or number follows
//   ("Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015"); "Hiến pháp nước …" needs neither.
//   "Luật sửa đổi, bổ sung …" is no name. A name followed by "số <symbol>" gives a numbered
//   reference that keeps the name.
//
// Fields: type is the abbreviation of the type word (types.h), else the type code in the
// number, else empty (Luật, Bộ luật, Hiến pháp, Công văn have no code); Quyết định vs Quy định
// is settled by the word. number is ScanSymbol's normalized text ("15/TTr- STTTT" →
// "15/TTr-STTTT"). date is ISO. name is set for named citations only.
//
// One entry per document in order of first appearance, keyed by SymbolKey(number) or, for
// names only, by the folded name (two dated names with different dates stay apart). A later
// citation fills in what the first lacked (date, issuer, name) and replaces an all-capitals
// number or issuer read from a title ("06/QĐ-TTG") by its mixed-case form. The document's own
// number is never a reference. Plain numbers, dates, phone numbers and "khoản 2 Điều 3" never
// start a citation: there is no type word before them.
#include "parse/references.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include "parse/dates.h"
#include "parse/symbol.h"
#include "parse/types.h"
#include "parse/word_events.h"
#include "text/fold.h"
#include "text/offsets16.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dondoc::parse {
namespace {

constexpr int kMaxWordsBeforeNumber = 4;
constexpr int kMaxIssuerWords = 12;
constexpr int kMaxNameWords = 14;

// The text with markdown emphasis removed and white space collapsed, with a map back to the
// original: clean[i] came from orig[map[i]].
struct Cleaned {
  std::string text;
  std::vector<std::uint32_t> map;
};

// Byte classes for CleanAndFold: markdown emphasis is dropped, white space collapses, other
// ASCII is kept, and a byte >= 0x80 starts a run of non-ASCII characters.
enum : unsigned char { kKeepByte, kDropByte, kSpaceByte, kHighByte };

constexpr std::array<unsigned char, 256> MakeCleanClasses() {
  std::array<unsigned char, 256> t{};
  for (const char c : {'*', '_', '#'}) t[static_cast<unsigned char>(c)] = kDropByte;
  for (const char c : {' ', '\n', '\t', '\r'}) t[static_cast<unsigned char>(c)] = kSpaceByte;
  for (int b = 0x80; b < 0x100; ++b) t[b] = kHighByte;
  return t;
}
constexpr std::array<unsigned char, 256> kCleanClass = MakeCleanClasses();

// The cleaned text and its fold (what text::FoldMapped(clean.text) gives), made in one pass
// from the text and the document's fold `doc` (text::FoldMapped(t)). Cleaning drops or
// replaces ASCII bytes only and copies every run of non-ASCII bytes whole, so such a run
// folds to the bytes `doc` has for its source offsets, and a kept ASCII byte folds by
// lower-casing. `doc` has exactly one entry per ASCII byte, so the walk through it moves in
// step with the text instead of searching for each run's first entry.
// Hot (every byte of the document): one table look-up per ASCII byte, and buffers sized to
// the input (the fold of a character is at most 4 bytes, so room is checked at each
// non-ASCII run only).
void CleanAndFold(std::string_view t, const text::FoldedText& doc, Cleaned* c,
                  text::FoldedText* fold) {
  const std::size_t size = t.size();
  c->text.resize(size);
  c->map.resize(size);
  fold->folded.resize(size + 4);
  fold->offsets.resize(size + 5);
  const char* in = t.data();
  char* out = c->text.data();
  std::uint32_t* map = c->map.data();
  char* fo = fold->folded.data();
  std::uint32_t* foff = fold->offsets.data();
  std::size_t cap = fold->folded.size();
  std::size_t n = 0;  // bytes of clean text
  std::size_t o = 0;  // bytes of fold
  std::size_t j = 0;  // entry of doc for byte i
  const std::size_t dn = doc.folded.size();
  const char* df = doc.folded.data();
  const std::uint32_t* doff = doc.offsets.data();
  for (std::size_t i = 0; i < size;) {
    const char ch = in[i];
    const unsigned char cls = kCleanClass[static_cast<unsigned char>(ch)];
#if defined(__SSE2__)
    // A run of kept ASCII (single spaces included), sixteen bytes at a time: all four arrays
    // stored whole, then advanced by the part before the first byte the byte path must see
    // (non-ASCII, markup, a line break or tab, a second space). The clean text is never
    // longer than the text read, nor the fold's ASCII than the document's.
    if (cls == kKeepByte && i + 16 <= size && o + 16 <= cap && j + 16 <= dn) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
      const __m128i special =
          _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('*')),
                                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))),
                                    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('#')),
                                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')))),
                       _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                                    _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));
      const auto spaces =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
      const auto stop = static_cast<unsigned>(_mm_movemask_epi8(special)) |
                        static_cast<unsigned>(_mm_movemask_epi8(x)) | (spaces & (spaces << 1));
      const std::size_t run = stop == 0 ? 16 : static_cast<std::size_t>(std::countr_zero(stop));
      if (run > 1) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + n), x);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(fo + o),
                         _mm_loadu_si128(reinterpret_cast<const __m128i*>(df + j)));
        text::StoreOffsets16(map + n, static_cast<std::uint32_t>(i));
        text::StoreOffsets16(foff + o, static_cast<std::uint32_t>(n));
        n += run;
        o += run;
        i += run;
        j += run;
        continue;
      }
    }
#endif
    if (cls == kKeepByte) {  // most bytes: tested first, without a jump table
      out[n] = ch;
      map[n] = static_cast<std::uint32_t>(i);
      fo[o] = df[j];  // the byte lower-cased
      foff[o] = static_cast<std::uint32_t>(n);
      ++o;
      ++n;
      ++i;
      ++j;
      continue;
    }
    if (cls == kHighByte) {
      std::size_t e = i + 1;
      while (e < size && (in[e] & 0x80) != 0) ++e;
      // Room for this run's fold (at most 4 bytes a byte) and a byte for each byte after it:
      // a fold can be longer than its text (Ⱥ, 2 bytes, folds to ⱥ, 3), and the ASCII paths
      // write without a check of their own.
      if (const std::size_t need = o + 4 * (e - i) + (size - e) + 4; need > cap) {
        fold->folded.resize(2 * need);
        fold->offsets.resize(fold->folded.size() + 1);
        fo = fold->folded.data();
        foff = fold->offsets.data();
        cap = fold->folded.size();
      }
      for (; j < dn && doff[j] < e; ++j) {
        fo[o] = df[j];
        foff[o] = static_cast<std::uint32_t>(n + (doff[j] - i));
        ++o;
      }
      for (std::size_t k = i; k < e; ++k) {
        out[n] = in[k];
        map[n] = static_cast<std::uint32_t>(k);
        ++n;
      }
      i = e;
      continue;
    }
    // Dropped markup, or a blank that a space already stands for.
    if (cls == kDropByte || n == 0 || out[n - 1] == ' ') {
      ++i;
      ++j;
      continue;
    }
    out[n] = ' ';
    map[n] = static_cast<std::uint32_t>(i);
    fo[o] = ' ';
    foff[o] = static_cast<std::uint32_t>(n);
    ++o;
    ++n;
    ++i;
    ++j;
  }
  c->text.resize(n);
  c->map.resize(n);
  fold->folded.resize(o);
  fold->offsets.resize(o + 1);
  fold->offsets[o] = static_cast<std::uint32_t>(n);
}

// Has letters, none lower case.
bool AllCapsText(std::string_view s) {
  bool any = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t cp = text::DecodeAt(s, i, &len);
    if (u_islower(static_cast<UChar32>(cp))) return false;
    if (u_isalpha(static_cast<UChar32>(cp))) any = true;
    i += len;
  }
  return any;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

enum class Family { kOther, kNamed, kConstitution };

struct Matcher {
  std::string_view orig;
  Cleaned clean;
  text::FoldedText fold;  // of clean.text
  std::string_view f;     // fold.folded

  std::size_t CleanPos(std::size_t fpos) const { return fold.Orig(fpos); }
  // Folded index of the first folded char whose source is at or after clean position cpos.
  std::size_t FoldPos(std::size_t cpos) const {
    return static_cast<std::size_t>(
        std::lower_bound(fold.offsets.begin(), fold.offsets.end() - 1, cpos) -
        fold.offsets.begin());
  }
  Span SpanOf(std::size_t fb, std::size_t fe) const {
    const std::size_t cb = CleanPos(fb);
    std::size_t ce = CleanPos(fe);
    while (ce > cb && clean.text[ce - 1] == ' ') --ce;
    if (ce <= cb) return {};
    return {clean.map[cb], clean.map[ce - 1] + 1};
  }
  // Original-case text of folded [fb, fe), spaces collapsed, trimmed.
  std::string TextOf(std::size_t fb, std::size_t fe) const {
    std::size_t cb = CleanPos(fb), ce = CleanPos(fe);
    while (cb < ce && clean.text[cb] == ' ') ++cb;
    while (ce > cb && clean.text[ce - 1] == ' ') --ce;
    return clean.text.substr(cb, ce - cb);
  }
  bool UpperAt(std::size_t fpos) const {
    std::size_t len;
    const std::size_t c = CleanPos(fpos);
    if (c >= clean.text.size()) return false;
    return u_isupper(static_cast<UChar32>(text::DecodeAt(clean.text, c, &len))) != 0;
  }
  bool LowerAt(std::size_t fpos) const {
    std::size_t len;
    const std::size_t c = CleanPos(fpos);
    if (c >= clean.text.size()) return false;
    return u_islower(static_cast<UChar32>(text::DecodeAt(clean.text, c, &len))) != 0;
  }
  std::size_t SkipSpaces(std::size_t i) const {
    while (i < f.size() && f[i] == ' ') ++i;
    return i;
  }
  std::size_t WordEnd(std::size_t i) const {
    while (i < f.size() && IsWordByte(f[i])) ++i;
    return i;
  }
  // f has `w` (one or more words) at i, ending at a word boundary.
  bool Has(std::size_t i, std::string_view w) const {
    return f.substr(i, w.size()) == w && (i + w.size() >= f.size() || !IsWordByte(f[i + w.size()]));
  }
};

// "số" (optionally "số:") at i followed by something; returns the position after it or i.
std::size_t SkipSo(const Matcher& m, std::size_t i) {
  if (!m.Has(i, "so")) return i;
  std::size_t j = m.SkipSpaces(i + 2);
  if (j < m.f.size() && m.f[j] == ':') j = m.SkipSpaces(j + 1);
  return j;
}

struct Found {
  std::string number;  // symbol text
  std::string type_abbr;
  std::size_t end = 0;  // folded
};

std::optional<Found> SymbolAt(const Matcher& m, std::size_t fpos) {
  if (fpos >= m.f.size() || !IsDigit(m.f[fpos])) return std::nullopt;
  const auto sym = ScanSymbol(m.clean.text, m.CleanPos(fpos));
  if (!sym) return std::nullopt;
  Found fd;
  fd.number = sym->text;
  fd.type_abbr = sym->type_abbr;
  fd.end = m.FoldPos(sym->end);
  return fd;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// A list of stop words with their folded forms, folded once: the stop checks run at almost
// every word of a citation's tail, so folding the list on every call dominated the extractor.
struct StopList {
  struct Form {
    std::string_view form;
    std::string folded;
  };
  std::vector<Form> forms;
  template <std::size_t N>
  explicit StopList(const std::string_view (&list)[N]) {
    forms.reserve(N);
    for (std::string_view f : list) forms.push_back({f, text::Fold(f)});
  }
};

// One of `stops` (lower-case, accented) stands at folded i: the original has it with its
// accents, or without any accents at all (unaccented OCR text), so "nhũng" is not "những".
bool StopAt(const Matcher& m, std::size_t i, const StopList& stops, bool any_case = false) {
  if (!any_case && !m.LowerAt(i)) return false;
  if (i >= m.f.size()) return false;  // every folded form is non-empty
  const char first = m.f[i];
  for (const StopList::Form& sf : stops.forms) {
    const std::string_view form = sf.form;
    const std::string& fw = sf.folded;
    if (fw[0] != first || !m.Has(i, fw)) continue;
    const std::size_t cb = m.CleanPos(i), ce = m.CleanPos(i + fw.size());
    const std::string_view orig = std::string_view(m.clean.text).substr(cb, ce - cb);
    if (orig == form || IsAscii(orig)) return true;
    if (any_case && text::Fold(orig) == fw && !IsAscii(form)) {
      // Capitalised: compare the accents of the lower-cased original.
      std::string lower;
      for (std::size_t k = 0; k < orig.size();) {
        std::size_t len;
        text::AppendUtf8(
            static_cast<char32_t>(u_tolower(static_cast<UChar32>(text::DecodeAt(orig, k, &len)))),
            &lower);
        k += len;
      }
      if (lower == form) return true;
    }
  }
  return false;
}

// The type names of AllTypes(), plus the generic "văn bản", grouped by their first word.
// Hot: the scan tries a type at every word start of the document. Half the words of a
// document start with two letters some name starts with ("th", "qu", "ch"), so the test is
// the whole first word: one probe of a small hash table of the first words packed into an
// integer, then only the names with that first word are compared, in AllTypes() order
// (longest first), the generic name last.
struct TypeIndex {
  DocType generic{"", "Văn bản", "van ban"};
  static constexpr std::size_t kMaxFirstWord = 8;  // bytes: one integer
  static constexpr std::size_t kSlots = 256;       // a power of two, > 4 × the first words
  struct Slot {
    std::uint64_t word = 0;  // 0: empty (no word packs to 0)
    std::vector<const DocType*> names;
  };
  std::array<Slot, kSlots> slots;
  // The letters first words start with, and their longest length: most words of a text fail
  // one of these two tests before the table is probed.
  std::uint32_t first_letters = 0;
  std::size_t longest_first = 0;
  TypeIndex() {
    for (const DocType& t : AllTypes()) Add(&t);
    Add(&generic);
  }
  // The word's bytes in an integer (little-endian), the rest zero. `avail`: bytes readable at
  // w, so that eight can be loaded at once away from the end of the text.
  static std::uint64_t Pack(const char* w, std::size_t len, std::size_t avail) {
    std::uint64_t v = 0;
    if (avail >= 8) {
      std::memcpy(&v, w, 8);
      if (len < 8) v &= (std::uint64_t{1} << (8 * len)) - 1;
    } else {
      for (std::size_t k = 0; k < len; ++k)
        v |= std::uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
    }
    return v;
  }
  static std::size_t Probe(std::uint64_t word) {
    return static_cast<std::size_t>((word * 0x9E3779B97F4A7C15ull) >> 56) & (kSlots - 1);
  }
  void Add(const DocType* t) {
    const std::string_view name = t->folded;
    std::size_t len = 0;
    while (len < name.size() && IsWordByte(name[len])) ++len;
    if (len == 0 || len > kMaxFirstWord) std::abort();  // a name the index cannot hold: fix it
    const std::uint64_t word = Pack(name.data(), len, len);
    const auto letter = static_cast<unsigned>(static_cast<unsigned char>(name[0]) - 'a');
    if (letter >= 26) std::abort();  // every name starts with a letter
    first_letters |= 1u << letter;
    longest_first = std::max(longest_first, len);
    std::size_t k = Probe(word);
    while (slots[k].word != 0 && slots[k].word != word) k = (k + 1) & (kSlots - 1);
    slots[k].word = word;
    slots[k].names.push_back(t);
  }
  // The names whose first word is w[0, len) (a whole word), or nullptr.
  const std::vector<const DocType*>* Names(const char* w, std::size_t len,
                                           std::size_t avail) const {
    const auto letter = static_cast<unsigned>(static_cast<unsigned char>(w[0]) - 'a');
    if (len > longest_first || letter >= 26 || ((first_letters >> letter) & 1u) == 0) {
      return nullptr;
    }
    const std::uint64_t word = Pack(w, len, avail);
    for (std::size_t k = Probe(word);; k = (k + 1) & (kSlots - 1)) {
      if (slots[k].word == word) return &slots[k].names;
      if (slots[k].word == 0) return nullptr;
    }
  }
};

const TypeIndex& Types() {
  static const TypeIndex index;
  return index;
}

// The first type of AllTypes() (then the generic name) whose folded name stands at folded i
// ending at a word boundary, or nullptr. `word_end`: the end of the word at i.
// Inline: the scan calls it at every word of the document.
[[gnu::always_inline]] inline const DocType* TypeAt(const Matcher& m, std::size_t i,
                                                    std::size_t word_end, const TypeIndex& index) {
  const std::string_view f = m.f;
  const auto* names = index.Names(f.data() + i, word_end - i, f.size() - i);
  if (names == nullptr) return nullptr;
  for (const DocType* t : *names) {
    // Has(), inlined: the names are short, so a byte loop beats a memcmp call.
    const std::string_view w = t->folded;
    if (w.size() > f.size() - i) continue;
    std::size_t k = word_end - i;  // the first word is equal
    while (k < w.size() && f[i + k] == w[k]) ++k;
    if (k < w.size()) continue;
    if (i + w.size() >= f.size() || !IsWordByte(f[i + w.size()])) return t;
  }
  return nullptr;
}

// Without the generic name.
const DocType* TypeAt(const Matcher& m, std::size_t i, const TypeIndex& index) {
  if (i >= m.f.size() || !IsWordByte(m.f[i])) return nullptr;
  const DocType* t = TypeAt(m, i, m.WordEnd(i), index);
  return t == &index.generic ? nullptr : t;
}

const DocType* TypeAt(const Matcher& m, std::size_t i) { return TypeAt(m, i, Types()); }

bool TypeWordAt(const Matcher& m, std::size_t i) { return TypeAt(m, i) != nullptr; }

// Words that end an issuer: the trích yếu's first verb or preposition, or another clause.
bool IssuerStop(const Matcher& m, std::size_t i) {
  static constexpr std::string_view kStops[] = {
      "về",        "ban hành",   "quy định",   "phê duyệt",  "hướng dẫn", "thực hiện",  "sửa đổi",
      "bổ sung",   "triển khai", "điều chỉnh", "giao",       "ngày",      "số",         "đã",
      "được",      "tại",        "theo",       "cho",        "đối với",   "nhằm",       "trên",
      "đến",       "thông qua",  "chỉ đạo",    "kết luận",   "đồng ý",    "công bố",    "phân bổ",
      "thành lập", "tiếp tục",   "đẩy mạnh",   "tăng cường", "xây dựng",  "quyết định", "này",
      "trong",     "với",        "khi",        "để",         "là",        "có",         "gửi",
      "kèm theo",  "năm",        "tháng",      "và",         "thì",       "mà",         "chưa",
      "nhưng",     "nên",        "hoặc"};
  static const StopList kList(kStops);
  if (StopAt(m, i, kList, /*any_case=*/true)) return true;
  return m.Has(i, "can cu") || TypeWordAt(m, i);
}

// Issuer after "của" at i; returns its folded [b, e) or b == e when none. "và" and " - " stay
// inside when a capitalised word other than a type word follows ("Sở Lao động - Thương binh
// và Xã hội"); an all-capitals issuer (from a title) ends where mixed case begins.
std::pair<std::size_t, std::size_t> ReadIssuer(const Matcher& m, std::size_t i) {
  if (!m.Has(i, "cua")) return {i, i};
  const std::size_t b = m.SkipSpaces(i + 3);
  std::size_t j = b, e = b;
  bool caps = true;
  auto joins = [&](std::size_t n) {
    return n < m.f.size() && IsWordByte(m.f[n]) && m.UpperAt(n) && !TypeWordAt(m, n);
  };
  for (int words = 0; words < kMaxIssuerWords; ++words) {
    j = m.SkipSpaces(j);
    if (words > 0 && j < m.f.size() && m.f[j] == '-' && joins(m.SkipSpaces(j + 1))) {
      j = m.SkipSpaces(j + 1);
    } else if (words > 0 && m.Has(j, "va") && joins(m.SkipSpaces(j + 2))) {
      j = m.SkipSpaces(j + 2);
    }
    if (j >= m.f.size() || !IsWordByte(m.f[j]) || IssuerStop(m, j)) break;
    const std::size_t we = m.WordEnd(j);
    const bool word_caps = AllCapsText(m.TextOf(j, we));
    if (words > 1 && caps && !word_caps) break;
    caps = caps && word_caps;
    j = we;
    e = j;
  }
  return {b, e};
}

// Words that end a name when written in lower case.
bool NameStop(const Matcher& m, std::size_t i) {
  static constexpr std::string_view kStops[] = {
      "đã",        "được",    "của", "này",  "quy định", "tại",       "theo", "thì",
      "hiện hành", "hoặc",    "với", "để",   "trong",    "mà",        "còn",  "cũng",
      "khi",       "không",   "là",  "các",  "những",    "về",        "năm",  "ngày",
      "số",        "sửa đổi", "và",  "do",   "ban hành", "hướng dẫn", "như",  "từ",
      "trên",      "gồm",     "có",  "nhằm", "thi hành", "sau",       "trước"};
  static const StopList kList(kStops);
  return StopAt(m, i, kList);
}

struct Citation {
  Reference ref;
  std::size_t end = 0;  // folded position after the citation
};

// Date ("ngày …", maybe after a comma) and issuer after a number ending at i.
void ReadTail(const Matcher& m, std::size_t i, Citation* c) {
  std::size_t j = m.SkipSpaces(i);
  std::size_t k = j;
  if (k < m.f.size() && m.f[k] == ',') k = m.SkipSpaces(k + 1);
  if (m.Has(k, "ngay")) {
    if (auto d = DateAt(m.f, k)) {
      c->ref.date = IsoDate(d->year, d->month, d->day);
      c->end = d->end;
      j = m.SkipSpaces(d->end);
      if (j < m.f.size() && m.f[j] == ',') j = m.SkipSpaces(j + 1);
    }
  }
  const auto [ib, ie] = ReadIssuer(m, j);
  if (ie > ib) {
    c->ref.issuer = m.TextOf(ib, ie);
    c->end = ie;
  }
}

// A name after a Luật-family type word [p, q). Returns the folded end of the name (== q when
// there is none) and sets *stop_at to where the text after it starts.
std::size_t ReadName(const Matcher& m, std::size_t q, Family fam, bool* lower_first) {
  std::size_t j = m.SkipSpaces(q);
  std::size_t e = q;
  *lower_first = false;
  for (int words = 0; words < kMaxNameWords; ++words) {
    if (j >= m.f.size()) break;
    if (m.f[j] == ',' && words > 0) {
      const std::size_t n = m.SkipSpaces(j + 1);
      if (n < m.f.size() && IsWordByte(m.f[n]) && m.LowerAt(n) && !NameStop(m, n) &&
          !TypeWordAt(m, n)) {
        j = n;
      } else {
        break;
      }
    }
    if (!IsWordByte(m.f[j])) break;
    if (words > 0 && m.Has(j, "va") && m.LowerAt(j)) {
      const std::size_t n = m.SkipSpaces(j + 2);
      if (n < m.f.size() && IsWordByte(m.f[n]) && !NameStop(m, n) && !TypeWordAt(m, n)) {
        j = n;
      } else {
        break;
      }
    } else if (NameStop(m, j)) {
      if (words == 0 && fam != Family::kConstitution) return q;
      break;
    }
    if (words == 0) *lower_first = m.LowerAt(j);
    if (IsDigit(m.f[j])) {  // "Luật Hải quan 2014", "Luật số"-less numbers
      if (words == 0) return q;
      break;
    }
    j = m.WordEnd(j);
    e = j;
    j = m.SkipSpaces(j);
  }
  return e;
}

Family FamilyOf(const DocType& t) {
  if (t.folded == "hien phap") return Family::kConstitution;
  if (t.folded == "luat" || t.folded == "bo luat" || t.folded == "phap lenh") {
    return Family::kNamed;
  }
  return Family::kOther;
}

std::string TypeFor(const DocType* t, const std::string& code) {
  if (t != nullptr && !t->abbr.empty()) return std::string(t->abbr);
  if (const DocType* byc = TypeByAbbr(code); byc != nullptr) return std::string(byc->abbr);
  return "";
}

// Citations starting with the type word at folded [p, q); appends them to *out and returns the
// folded position to continue scanning from.
std::size_t ReadCitations(const Matcher& m, std::size_t p, std::size_t q, const DocType* type,
                          std::vector<Citation>* out) {
  const Family fam = type == nullptr ? Family::kOther : FamilyOf(*type);
  std::string name;
  std::size_t after = m.SkipSpaces(q);
  if (fam != Family::kOther) {
    if (!m.UpperAt(p)) return q;  // "pháp luật", "luật này"
    // Part of a capitalised proper name ("cộng đồng Dân Luật Việt Nam").
    std::size_t w = p;
    while (w > 0 && m.f[w - 1] == ' ') --w;
    const std::size_t prev_end = w;
    while (w > 0 && IsWordByte(m.f[w - 1])) --w;
    if (w < prev_end && m.UpperAt(w) && !AllCapsText(m.TextOf(w, prev_end)) &&
        !AllCapsText(m.TextOf(p, q))) {
      return q;
    }
    if (m.Has(m.SkipSpaces(q), "sua doi")) return q;  // "Luật sửa đổi, bổ sung …"
    bool lower_first = false;
    const std::size_t ne = ReadName(m, q, fam, &lower_first);
    if (ne > q) {
      name = m.TextOf(p, ne);
      after = m.SkipSpaces(ne);
      Citation c;
      c.end = ne;
      if (m.f.substr(after, 1) == ",") after = m.SkipSpaces(after + 1);
      const std::size_t s = SkipSo(m, after);
      if (auto fd = SymbolAt(m, s)) {
        c.ref.number = fd->number;
        c.end = fd->end;
        ReadTail(m, fd->end, &c);
      } else if (m.Has(after, "ngay")) {
        ReadTail(m, after, &c);
      } else if (lower_first && fam != Family::kConstitution) {
        return q;
      } else if (AllCapsText(name)) {
        return ne;  // an upper-case title line: the document's own name
      }
      c.ref.type = TypeFor(type, "");
      c.ref.name = name;
      c.ref.span = m.SpanOf(p, c.end);
      out->push_back(c);
      return c.end;
    }
  }
  // Numbered: "số" right away or after a few words.
  std::size_t s = SkipSo(m, after);
  std::optional<Found> fd = SymbolAt(m, s);
  for (int words = 0; !fd && words < kMaxWordsBeforeNumber; ++words) {
    if (s >= m.f.size() || !IsWordByte(m.f[s]) || m.Has(s, "so")) break;
    if (m.UpperAt(s) && TypeWordAt(m, s)) break;  // "Kế hoạch triển khai Quyết định số …"
    s = m.SkipSpaces(m.WordEnd(s));
    if (!m.Has(s, "so")) continue;
    fd = SymbolAt(m, SkipSo(m, s));
    break;
  }
  if (!fd) return q;
  std::size_t end = q;
  while (fd) {
    Citation c;
    c.ref.number = fd->number;
    c.ref.type = TypeFor(type, fd->type_abbr);
    c.end = fd->end;
    ReadTail(m, fd->end, &c);
    c.ref.span = m.SpanOf(out->empty() || end == q ? p : m.SkipSpaces(end), c.end);
    end = c.end;
    out->push_back(std::move(c));
    // A list: ", số 14/2022/NĐ-CP", " và 14/2022/NĐ-CP".
    std::size_t n = m.SkipSpaces(end);
    if (n < m.f.size() && m.f[n] == ',') {
      n = m.SkipSpaces(n + 1);
    } else if (m.Has(n, "va")) {
      n = m.SkipSpaces(n + 2);
    } else {
      break;
    }
    fd = SymbolAt(m, SkipSo(m, n));
    if (fd) end = n;
  }
  return end;
}

bool HasLower(std::string_view s) { return !AllCapsText(s); }

// The references found so far with their dedupe keys, computed once per entry: a document
// citing hundreds of documents compared each new one with every earlier one's key, remade
// (and allocated) on every comparison.
struct RefList {
  std::vector<Reference> refs;
  std::vector<std::string> keys;    // SymbolKey(number), "" without a number
  std::vector<std::string> fnames;  // Fold(name)
};

// Merges `r` into *out (dedupe by number, or by folded name for name-only citations).
void Add(Reference r, const std::string& own_key, RefList* out) {
  const std::string key = r.number.empty() ? "" : SymbolKey(r.number);
  if (!key.empty() && key == own_key) return;
  const std::string fname = text::Fold(r.name);
  for (std::size_t i = 0; i < out->refs.size(); ++i) {
    Reference& e = out->refs[i];
    bool same = false;
    if (!key.empty() && !e.number.empty()) {
      same = out->keys[i] == key;
    } else if (!fname.empty() && out->fnames[i] == fname) {
      same = e.date.empty() || r.date.empty() || e.date == r.date;
    }
    if (!same) continue;
    if (e.number.empty() && !r.number.empty()) {
      e.number = r.number;
      out->keys[i] = key;
    }
    if (AllCapsText(e.number) && HasLower(r.number) && key == out->keys[i]) e.number = r.number;
    if (e.date.empty()) e.date = r.date;
    if (e.issuer.empty() || (AllCapsText(e.issuer) && !r.issuer.empty() && HasLower(r.issuer))) {
      if (!r.issuer.empty()) e.issuer = r.issuer;
    }
    if (e.name.empty()) {
      e.name = r.name;
      out->fnames[i] = fname;
    }
    if (e.type.empty()) e.type = r.type;
    return;
  }
  out->refs.push_back(std::move(r));
  out->keys.push_back(key);
  out->fnames.push_back(fname);
}

}  // namespace

std::vector<Reference> ExtractReferences(std::string_view text, std::string_view own_number) {
  return ExtractReferences(text, text::FoldMapped(text), own_number);
}

std::vector<Reference> ExtractReferences(std::string_view text, const text::FoldedText& folded,
                                         std::string_view own_number) {
  // Scratch kept per thread: the cleaned text and its fold take ten bytes per byte of the
  // document, and fresh buffers for every document cost a batch page faults (most of the
  // parse's) and cold memory; reused ones are warm. A large document's are given back after it.
  constexpr std::size_t kKeepScratchBytes = std::size_t{4} << 20;
  thread_local Matcher m;
  m.orig = text;
  CleanAndFold(text, folded, &m.clean, &m.fold);
  m.f = m.fold.folded;
  const std::string own_key = own_number.empty() ? "" : SymbolKey(own_number);
  const TypeIndex& types = Types();
  RefList out;
  const std::size_t n = m.f.size();
  const char* f = m.f.data();
  // Word starts, found 64 bytes at a time; a position inside a word (after a citation) is no
  // start, so the scan goes on at the next one. The clean fold has no line breaks: the only
  // other event is 0.
  WordEvents events(m.f);
  std::size_t i = 0;
  while (true) {
    i = events.NextAt(i);
    if (i >= n) break;
    if (!IsWordByte(f[i])) {
      ++i;
      continue;
    }
    const std::size_t e = m.WordEnd(i);
    const DocType* type = TypeAt(m, i, e, types);
    if (type == nullptr) {
      i = e;
      continue;
    }
    const std::size_t q = i + type->folded.size();
    std::vector<Citation> found;
    const std::size_t next =
        ReadCitations(m, i, q, type == &types.generic ? nullptr : type, &found);
    for (Citation& c : found) Add(std::move(c.ref), own_key, &out);
    i = std::max(next, q);
  }
  if (m.clean.text.capacity() > kKeepScratchBytes) m = Matcher();
  return std::move(out.refs);
}

}  // namespace dondoc::parse
