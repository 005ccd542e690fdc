// Tested by tasks_test.cc.
//
// A head-word finder for unit names, used until the unit registry offers one. It works on the
// folded text (one fold per document) and reads capitalization from the original.
//
// A mention starts at a head:
// - generic heads ("Sở", "Ban", "Hội", "Trung tâm", "Cục", "Bộ", …) must be capitalized and
//   followed by a capitalized word: "Sở Y tế", "Ban Quản lý", not "Ban hành", "Báo cáo",
//   "Hội nghị", "bộ tiêu chí";
// - complete heads ("Công an", "UBND", "Ủy ban nhân dân", "Bảo hiểm xã hội", "Tỉnh đoàn",
//   "Kho bạc Nhà nước", "Bộ Chỉ huy Quân sự" …) must be capitalized and need nothing after;
// - groups ("các sở, ban, ngành", "các cơ quan, đơn vị liên quan", "các tổ chức chính trị - xã
//   hội", "các địa phương", "các cấp ủy Đảng") may be lower case; the weak ones ("các cơ quan",
//   "các đơn vị") need a tail ("liên quan", "trực thuộc", ", đơn vị") to count.
// The name then runs on over capitalized words and, Vietnamese names capitalizing only the first
// syllable of each component, over one lower-case syllable after each capitalized one ("Sở Giáo
// dục và Đào tạo", "Sở Y tế"), over geography words ("tỉnh", "huyện", "thành phố", "cấp xã") and
// a proper name after them ("UBND tỉnh Bình Sơn"). Edge cases handled:
// - a lower-case syllable that starts an action ("Sở TT&TT chủ trì", "Sở TT&TT xây dựng") ends
//   the name; so does a second lower-case syllable ("Sở Y tế triển khai"), except listed
//   component words ("Phát triển nông thôn", "Cựu chiến binh", "Khu kinh tế");
// - "và" joins components ("Sở Nông nghiệp và Môi trường") unless a new unit follows ("Sở Tài
//   chính và Sở Y tế") or a lower-case word ("và các cơ quan liên quan");
// - the comma inside "Văn hóa, Thể thao và Du lịch" and the dash in "Lao động - Thương binh và
//   Xã hội"; "Ban Tuyên giáo Tỉnh ủy", "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH" keep the
//   owner body inside the name;
// - "UBND các huyện, thị xã, thành phố", "UBND cấp xã" are group mentions;
// - "các Sở: Văn hóa, Thể thao và Du lịch, Tài chính" gives one mention per Sở, named
//   "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính";
// - a line break inside a name is a space; a blank line ends it;
// - "và các …" ends a registry match too ("Ủy ban MTTQ tỉnh | và các tổ chức …"); a list of
//   levels longer than the registry's single name wins ("UBND phường, xã, đặc khu"), as does a
//   group running on after the registry's over a comma or a level ("…, địa phương, doanh
//   nghiệp", "các sở, ban, ngành, đoàn thể cấp tỉnh"); "khu vực XI" after a registry name
//   belongs to it; the group
//   tail "quận" needs its accent ("các cơ quan quản lý" is no group);
// - "Bộ luật …" is a code of law; "Chỉ đạo" / "Tổ chức" after "Ban" are inside the name ("Văn
//   phòng Ban Chỉ đạo quốc gia"), "quốc gia" a geography word;
// - "Văn phòng" alone, capitalized, before "sẽ" or a lower-case role phrase ("lãnh đạo Văn
//   phòng sẽ chỉ đạo", "Văn phòng sẽ phối hợp", "Văn phòng chủ trì") is the document's own
//   office: an own_office mention the caller names; "Văn phòng phẩm", "văn phòng cấp ủy",
//   "Chánh Văn phòng, Phó Chánh Văn phòng" (titles) and "4.6. Văn phòng" at a line's end (a
//   heading cut short) are none.
#include "parse/tasks_units.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "parse/tasks_scan.h"
#include "text/utf8.h"
#include "units/registry.h"

namespace dondoc::parse {
namespace {

enum class HeadKind { kGeneric, kComplete, kGroup, kWeakGroup, kSoList };

struct Head {
  std::string_view word;
  HeadKind kind;
  bool outside;
};

// Longest match wins; order does not matter.
constexpr std::array kHeads = {
    Head{"so", HeadKind::kGeneric, false},
    Head{"ban", HeadKind::kGeneric, false},
    Head{"van phong", HeadKind::kGeneric, false},
    Head{"hoi", HeadKind::kGeneric, true},
    Head{"doan", HeadKind::kGeneric, true},
    Head{"lien doan", HeadKind::kGeneric, true},
    Head{"trung tam", HeadKind::kGeneric, false},
    Head{"dai", HeadKind::kGeneric, false},
    Head{"bao", HeadKind::kGeneric, false},
    Head{"cuc", HeadKind::kGeneric, true},
    Head{"chi cuc", HeadKind::kGeneric, false},
    Head{"bo", HeadKind::kGeneric, true},
    Head{"vien", HeadKind::kGeneric, false},
    Head{"toa an", HeadKind::kGeneric, true},
    Head{"phong", HeadKind::kGeneric, false},
    Head{"cong ty", HeadKind::kGeneric, false},
    Head{"tong cong ty", HeadKind::kGeneric, false},
    Head{"chi nhanh", HeadKind::kGeneric, false},
    Head{"ngan hang", HeadKind::kGeneric, true},
    Head{"lien minh", HeadKind::kGeneric, true},
    Head{"hiep hoi", HeadKind::kGeneric, true},
    Head{"lien hiep", HeadKind::kGeneric, true},
    Head{"uy ban", HeadKind::kGeneric, false},
    Head{"thuong truc", HeadKind::kGeneric, true},
    Head{"benh vien", HeadKind::kGeneric, false},
    Head{"thanh tra", HeadKind::kGeneric, false},
    Head{"uy ban nhan dan", HeadKind::kComplete, false},
    Head{"ubnd", HeadKind::kComplete, false},
    Head{"hoi dong nhan dan", HeadKind::kComplete, true},
    Head{"hdnd", HeadKind::kComplete, true},
    Head{"cong an", HeadKind::kComplete, false},
    Head{"kho bac nha nuoc", HeadKind::kComplete, true},
    Head{"kho bac", HeadKind::kComplete, true},
    Head{"bao hiem xa hoi", HeadKind::kComplete, true},
    Head{"bhxh", HeadKind::kComplete, true},
    Head{"tinh doan", HeadKind::kComplete, true},
    Head{"thanh doan", HeadKind::kComplete, true},
    Head{"huyen doan", HeadKind::kComplete, true},
    Head{"tinh uy", HeadKind::kComplete, true},
    Head{"thanh uy", HeadKind::kComplete, true},
    Head{"huyen uy", HeadKind::kComplete, true},
    Head{"dang uy", HeadKind::kComplete, true},
    Head{"mttq", HeadKind::kComplete, true},
    Head{"ubmttq", HeadKind::kComplete, true},
    Head{"mat tran to quoc", HeadKind::kComplete, true},
    Head{"toa an nhan dan", HeadKind::kComplete, true},
    Head{"vien kiem sat nhan dan", HeadKind::kComplete, true},
    Head{"ban chi huy quan su", HeadKind::kComplete, false},
    Head{"bo chi huy quan su", HeadKind::kComplete, false},
    Head{"bo chi huy bo doi bien phong", HeadKind::kComplete, false},
    Head{"bo doi bien phong", HeadKind::kComplete, false},
    Head{"cuc thue", HeadKind::kComplete, true},
    Head{"chi cuc thue", HeadKind::kComplete, true},
    Head{"ngan hang nha nuoc", HeadKind::kComplete, true},
    Head{"doan thanh nien", HeadKind::kComplete, true},
    Head{"ban thuong vu", HeadKind::kComplete, true},
    Head{"cac so, ban, nganh", HeadKind::kGroup, false},
    Head{"so, ban, nganh", HeadKind::kGroup, false},
    Head{"so, nganh", HeadKind::kGroup, false},
    Head{"cac van phong", HeadKind::kWeakGroup, true},
    Head{"cac so, ban nganh", HeadKind::kGroup, false},
    Head{"cac so ban nganh", HeadKind::kGroup, false},
    Head{"cac so, nganh", HeadKind::kGroup, false},
    Head{"cac ban, nganh", HeadKind::kGroup, false},
    Head{"cac to chuc chinh tri - xa hoi", HeadKind::kGroup, true},
    Head{"cac to chuc chinh tri xa hoi", HeadKind::kGroup, true},
    Head{"cac doan the", HeadKind::kGroup, true},
    Head{"cac cap uy dang", HeadKind::kGroup, true},
    Head{"cac cap uy", HeadKind::kGroup, true},
    Head{"cac hoi, doan the", HeadKind::kGroup, true},
    Head{"cac dia phuong", HeadKind::kGroup, false},
    Head{"cac co quan", HeadKind::kWeakGroup, false},
    Head{"cac don vi", HeadKind::kWeakGroup, false},
    Head{"cac so", HeadKind::kSoList, false},
};

// Tails of a group: "các cơ quan, đơn vị liên quan", "các sở, ban, ngành tỉnh".
constexpr std::array<std::string_view, 30> kGroupTails = {
    "doanh nghiep", "co lien quan", "lien quan",  "truc thuoc", "chuyen mon", "doan the",
    "don vi",       "co quan",      "dia phuong", "ban",        "nganh",      "thuoc tinh",
    "cap tinh",     "cap huyen",    "cap xa",     "tinh",       "huyen",      "thi xa",
    "thanh pho",    "xa",           "phuong",     "thi tran",   "quan",       "tren dia ban",
    "hoi",          "dac khu",      "tinh uy",    "thanh uy",   "huyen uy",   "cap uy"};

// Geography words, compared with the original (accents matter: "tỉnh", not "tính").
constexpr std::array<std::string_view, 18> kGeo = {
    "quốc gia",  "thành phố", "thị xã",  "thị trấn", "trung ương", "cấp tỉnh",
    "cấp huyện", "cấp xã",    "khu vực", "Nhà nước", "nhà nước",   "nhân dân",
    "Việt Nam",  "tỉnh",      "huyện",   "xã",       "phường",     "quận"};

// Syllables that start an action: they end a name even as its first lower-case syllable.
constexpr std::array<std::string_view, 77> kStops = {
    "chu",  "phoi",  "thuc",  "tham", "chiu", "xay",  "to",     "trien", "huong", "chi",   "ra",
    "theo", "kiem",  "tuyen", "bao",  "de",   "bo",   "nghien", "pho",   "quan",  "don",   "tong",
    "ban",  "trinh", "phat",  "day",  "tang", "nang", "dam",    "giam",  "co",    "la",    "lam",
    "cung", "cong",  "gui",   "lap",  "hoan", "mo",   "duoc",   "tiep",  "khan",  "chuan", "ho",
    "dieu", "thanh", "nam",   "danh", "kip",  "giai", "sua",    "khao",  "phan",  "uu",    "can",
    "dua",  "thu",   "dang",  "da",   "se",   "va",   "voi",    "cua",   "tai",   "tren",  "trong",
    "ve",   "cho",   "nhu",   "khi",  "neu",  "cac",  "moi",    "nhung", "o",     "sau",   "truoc"};

// Lower-case pairs inside component names ("Phát triển nông thôn", "Cựu chiến binh").
constexpr std::array<std::string_view, 11> kPairs = {
    "hai quan",  "phat trien", "trien nong",  "nong thon", "chien binh", "kinh te",
    "thong van", "van tai",    "cong nghiep", "cong nghe", "bien phong"};

std::size_t WordEnd(std::string_view s, std::size_t p) {
  while (p < s.size() && IsWordByte(static_cast<unsigned char>(s[p]))) ++p;
  return p;
}

bool Capitalized(std::string_view text, const text::FoldedText& f, std::size_t pos) {
  const std::size_t o = f.Orig(pos);
  if (o >= text.size()) return false;
  const auto b = static_cast<unsigned char>(text[o]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';  // the common case, without decoding
  std::size_t len = 0;
  const char32_t cp = text::DecodeAt(text, o, &len);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view x : list) {
    // Length and first byte before memcmp: the lists run to 77 words, asked at many words.
    if (x.size() == w.size() && !w.empty() && x[0] == w[0] && x == w) return true;
  }
  return false;
}

// Length of the geography word at folded `pos`, 0 when none.
std::size_t GeoAt(std::string_view text, const text::FoldedText& f, std::size_t pos) {
  const std::string_view fs = f.folded;
  const std::size_t o = f.Orig(pos);
  if (o >= text.size()) return 0;
  for (std::string_view g : kGeo) {
    // The first byte first: most words start with none of the list's.
    if (text[o] != g[0] || text.substr(o, g.size()) != g) continue;
    // Find the folded end of the word(s): walk until the original offset passes o + size.
    std::size_t e = pos;
    while (e < fs.size() && f.Orig(e) < o + g.size()) ++e;
    if (e < fs.size() && IsWordByte(static_cast<unsigned char>(fs[e]))) continue;
    return e - pos;
  }
  return 0;
}

// Heads grouped by the first word of their name, for HeadAt. Built once, immutable after.
struct HeadIndex {
  struct Entry {
    std::string_view first;  // the first word of the head
    std::vector<const Head*> heads;
  };
  std::vector<Entry> entries;
  // The entries whose first word starts with each byte: a look-up compares a few, not all.
  std::array<std::vector<const Entry*>, 256> by_first_byte;
  HeadIndex() {
    for (const Head& h : kHeads) {
      std::size_t n = 0;
      while (n < h.word.size() && IsWordByte(static_cast<unsigned char>(h.word[n]))) ++n;
      const std::string_view first = h.word.substr(0, n);
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const Entry& e) { return e.first == first; });
      if (it == entries.end()) it = entries.insert(entries.end(), Entry{first, {}});
      it->heads.push_back(&h);
    }
    for (const Entry& e : entries) {
      if (!e.first.empty()) by_first_byte[static_cast<unsigned char>(e.first[0])].push_back(&e);
    }
  }
};

// The spellings of a head's first syllable (lower case; both tone placements where they
// differ). A head written with other diacritics is another word: "Bản thuyết minh", "Bó cục"
// (OCR of "Bố cục"), "Số CMND", "Sơ lược", "Đại diện" are no "Ban", "Bộ", "Sở", "Đài". Checked
// for the words that have such namesakes and for titles in capitals; elsewhere an OCR slip
// ("Cực Thuế", "Chỉ cục") still names the body.
struct Spelling {
  std::string_view folded;
  std::array<std::string_view, 2> written;
};
constexpr Spelling kSpellings[] = {
    {"so", {"sở", ""}},         {"ban", {"ban", ""}},     {"van", {"văn", ""}},
    {"hoi", {"hội", ""}},       {"doan", {"đoàn", ""}},   {"lien", {"liên", ""}},
    {"dai", {"đài", ""}},       {"bao", {"báo", "bảo"}},  {"cuc", {"cục", ""}},
    {"bo", {"bộ", ""}},         {"vien", {"viện", ""}},   {"toa", {"tòa", "toà"}},
    {"phong", {"phòng", ""}},   {"cong", {"công", ""}},   {"tong", {"tổng", ""}},
    {"ngan", {"ngân", ""}},     {"hiep", {"hiệp", ""}},   {"uy", {"ủy", "uỷ"}},
    {"thuong", {"thường", ""}}, {"benh", {"bệnh", ""}},   {"thanh", {"thanh", "thành"}},
    {"tinh", {"tỉnh", ""}},     {"huyen", {"huyện", ""}}, {"dang", {"đảng", ""}},
    {"mat", {"mặt", ""}},       {"trung", {"trung", ""}}, {"chi", {"chi", ""}},
    {"kho", {"kho", ""}},
};

// True when the word at folded [p, we) is written as a head's first syllable may be: with
// that syllable's diacritics, or with none at all (accents lost in a copy: "So Y te").
bool SpelledAsHead(std::string_view text, const text::FoldedText& f, std::size_t p,
                   std::size_t we) {
  const std::string_view folded = std::string_view(f.folded).substr(p, we - p);
  const Spelling* sp = nullptr;
  for (const Spelling& s : kSpellings) {
    if (s.folded[0] == folded[0] && s.folded == folded) sp = &s;
  }
  if (sp == nullptr) return true;  // codes (UBND, HĐND …) and words not listed
  const std::string_view word = text.substr(f.Orig(p), f.Orig(we) - f.Orig(p));
  const bool namesakes = folded == "so" || folded == "ban" || folded == "bo" || folded == "dai";
  // Titles in capitals: the second letter tells ("BẢN", "Bản"); one-letter words are none.
  if (!namesakes && !(folded.size() > 1 && Capitalized(text, f, p + 1))) return true;
  std::string lower;
  bool plain = true;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 1;
    const auto cp = static_cast<UChar32>(text::DecodeAt(word, i, &len));
    i += len;
    const auto lc = static_cast<char32_t>(u_tolower(cp));
    plain = plain && lc < 0x80;
    text::AppendUtf8(lc, &lower);
  }
  return plain || lower == sp->written[0] || (!sp->written[1].empty() && lower == sp->written[1]);
}

const Head* HeadAt(std::string_view fs, std::size_t pos) {
  static const HeadIndex kIndex;
  if (pos >= fs.size()) return nullptr;
  const std::string_view w = fs.substr(pos, WordEnd(fs, pos) - pos);
  const Head* best = nullptr;
  if (w.empty()) return nullptr;
  for (const HeadIndex::Entry* ep : kIndex.by_first_byte[static_cast<unsigned char>(w[0])]) {
    const HeadIndex::Entry& e = *ep;
    if (e.first != w) continue;
    for (const Head* h : e.heads) {
      if ((best == nullptr || h->word.size() > best->word.size()) && WordAt(fs, pos, h->word)) {
        best = h;
      }
    }
    break;
  }
  return best;
}

std::size_t SkipSpace(std::string_view fs, std::size_t p, std::size_t end) {
  int newlines = 0;
  while (p < end && (fs[p] == ' ' || fs[p] == '\n' || fs[p] == '\t')) {
    if (fs[p] == '\n' && ++newlines > 1) return end;
    ++p;
  }
  return p;
}

bool IsParty(std::string_view fs, std::size_t pos) {
  return WordAt(fs, pos, "tinh uy") || WordAt(fs, pos, "thanh uy") || WordAt(fs, pos, "huyen uy") ||
         WordAt(fs, pos, "dang uy");
}

bool IsRolePhrase(std::string_view fs, std::size_t pos) {
  static constexpr std::string_view kRolePhrases[] = {
      "chu tri",  "phoi hop", "thuc hien",  "tham muu",      "chiu trach nhiem",
      "xay dung", "to chuc",  "trien khai", "huong dan",     "chi dao",
      "theo doi", "de nghi",  "bao cao",    "co trach nhiem"};
  for (std::string_view w : kRolePhrases) {
    if (WordAt(fs, pos, w)) return true;
  }
  return false;
}

// Runs a name on from `pos` (just after its head). Returns the end of the name.
std::size_t NameRun(std::string_view text, const text::FoldedText& f, std::size_t head_begin,
                    std::size_t pos, std::size_t end, int lc) {
  const std::string_view fs = f.folded;
  bool after_geo = false;
  std::string_view prev;  // previous lower-case syllable
  const bool owned = WordAt(fs, head_begin, "van phong") || WordAt(fs, head_begin, "ban") ||
                     WordAt(fs, head_begin, "uy ban");
  std::size_t name_end = pos;
  while (true) {
    std::size_t q = SkipSpace(fs, name_end, end);
    if (q >= end) break;
    if (fs[q] == ',') {
      // "Văn hóa, Thể thao và Du lịch".
      if (name_end >= 7 && fs.substr(name_end - 7, 7) == "van hoa") {
        const std::size_t r = SkipSpace(fs, q + 1, end);
        if (WordAt(fs, r, "the thao")) {
          name_end = r + 8;
          lc = 1;
          continue;
        }
      }
      break;
    }
    if (fs[q] == '-' && q + 1 < end && fs[q + 1] == ' ') {
      const std::size_t r = SkipSpace(fs, q + 1, end);
      if (r < end && Capitalized(text, f, r) && HeadAt(fs, r) == nullptr) {
        name_end = WordEnd(fs, r);
        lc = 0;
        continue;
      }
      break;
    }
    if (!IsWordByte(static_cast<unsigned char>(fs[q]))) break;
    const std::size_t we = WordEnd(fs, q);
    const std::string_view w = fs.substr(q, we - q);
    const bool cap = Capitalized(text, f, q);
    // A new head ends the name, except as its first word ("Hội Liên hiệp Phụ nữ", "Ủy ban
    // MTTQ", "Văn phòng UBND tỉnh") or a Party owner ("Ban Tuyên giáo Tỉnh ủy").
    if (cap && HeadAt(fs, q) != nullptr && name_end != pos && !(owned && IsParty(fs, q))) {
      break;
    }
    // A capitalized role phrase starts the action ("Công an tỉnh\nChủ trì, …"), but "Ban Chỉ
    // đạo", "Ban Tổ chức" name a body ("Văn phòng Ban Chỉ đạo quốc gia").
    if (cap && name_end != pos && IsRolePhrase(fs, q) &&
        !(name_end >= 3 && fs.substr(name_end - 3, 3) == "ban" && WordStart(fs, name_end - 3) &&
          (WordAt(fs, q, "chi dao") || WordAt(fs, q, "to chuc")))) {
      break;
    }
    if (const std::size_t g = GeoAt(text, f, q); g > 0) {
      name_end = q + g;
      after_geo = true;
      lc = 1;
      continue;
    }
    if (w == "va" || w == "&") {
      const std::size_t r = SkipSpace(fs, we, end);
      if (r < end && Capitalized(text, f, r) && HeadAt(fs, r) == nullptr &&
          GeoAt(text, f, r) == 0 && IsWordByte(static_cast<unsigned char>(fs[r]))) {
        name_end = WordEnd(fs, r);
        prev = fs.substr(r, name_end - r);
        lc = 0;
        after_geo = false;
        continue;
      }
      break;
    }
    if (cap) {
      name_end = we;
      lc = 0;
      prev = w;
      continue;
    }
    if (after_geo) break;
    if (!prev.empty()) {
      std::string pair(prev);
      pair += ' ';
      pair += w;
      if (InList(kPairs, std::string_view(pair))) {
        name_end = we;
        prev = w;
        lc = 1;
        continue;
      }
    }
    if (lc == 0 && !InList(kStops, w)) {
      name_end = we;
      lc = 1;
      prev = w;
      continue;
    }
    break;
  }
  return name_end;
}

// Group tail: ", đơn vị liên quan", " tỉnh". Returns the end, and whether anything was taken.
std::size_t GroupTail(std::string_view text, const text::FoldedText& f, std::size_t pos,
                      std::size_t end, bool* took) {
  const std::string_view fs = f.folded;
  std::size_t cur = pos;
  *took = false;
  while (true) {
    std::size_t q = SkipSpace(fs, cur, end);
    const bool comma = q < end && fs[q] == ',';
    if (comma) q = SkipSpace(fs, q + 1, end);
    if (WordAt(fs, q, "va")) q = SkipSpace(fs, q + 2, end);
    if (q >= end) break;
    // A capitalized word starts a new unit, not a tail ("các sở, Ban Quản lý").
    if (HeadAt(fs, q) != nullptr && Capitalized(text, f, q)) break;
    std::size_t len = 0;
    for (std::string_view t : kGroupTails) {
      if (t.size() > len && WordAt(fs, q, t)) len = t.size();
    }
    // "các cơ quan, tổ chức, cá nhân có liên quan": only after a comma ("các cơ quan tổ chức
    // thực hiện" is a verb).
    if (comma && len == 0) {
      // Taken whole ("tổ chức đảng") and only before the list goes on or ends: "…, tổ chức
      // chính trị - xã hội" is a unit of its own, "…, tổ chức triển khai" a verb.
      static constexpr std::string_view kListNouns[] = {"to chuc dang", "to chuc", "ca nhan"};
      for (std::string_view t : kListNouns) {
        if (!WordAt(fs, q, t)) continue;
        const std::size_t r = SkipSpace(fs, q + t.size(), end);
        bool tail = false;
        for (std::string_view g : kGroupTails) tail = tail || WordAt(fs, r, g);
        if (r >= end || fs[r] == ',' || fs[r] == ';' || fs[r] == '.' || fs[r] == ')' ||
            WordAt(fs, r, "va") || tail) {
          len = t.size();
        }
        break;
      }
    }
    if (len == 0) break;
    // "quận", not "quản" ("các cơ quan quản lý").
    if (len == 4 && WordAt(fs, q, "quan") && !text.substr(f.Orig(q)).starts_with("quận") &&
        !text.substr(f.Orig(q)).starts_with("Quận")) {
      break;
    }
    cur = q + len;
    *took = true;
  }
  return cur;
}

}  // namespace

namespace {

// Party committees (also "các cấp ủy"), the Front, companies and the central branches (Thuế, Kho
// bạc, Kiểm toán, Hải quan, Ngân hàng Nhà nước) inside a name ("Ban Tuyên giáo Tỉnh ủy", "Ủy ban
// MTTQ", "Công ty Điện lực", "Thuế tỉnh"): outside a UBND's command.
bool OutsideName(std::string_view folded_name) {
  static constexpr std::string_view kOutsideWords[] = {"tinh uy",
                                                       "thanh uy",
                                                       "huyen uy",
                                                       "dang uy",
                                                       "cap uy",
                                                       "mttq",
                                                       "mat tran",
                                                       "doan thanh nien",
                                                       "hoi dong nhan dan",
                                                       "hdnd",
                                                       "cong ty",
                                                       "xay dung dang",
                                                       "thue",
                                                       "kiem toan",
                                                       "kho bac",
                                                       "hai quan",
                                                       "ngan hang nha nuoc"};
  for (std::string_view o : kOutsideWords) {
    if (folded_name.find(o) != std::string_view::npos) return true;
  }
  return false;
}

// True when folded p follows a list separator: "," or the word "và".
bool AfterListSeparator(std::string_view fs, std::size_t p) {
  std::size_t q = p;
  while (q > 0 && (fs[q - 1] == ' ' || fs[q - 1] == '\n')) --q;
  if (q > 0 && fs[q - 1] == ',') return true;
  return q >= 2 && fs.compare(q - 2, 2, "va") == 0 && WordStart(fs, q - 2);
}

// The mention(s) starting at word start p (several for "các Sở: A, B"), appended to *out.
// Returns where scanning goes on: after the mention, or after the word at p when none.
std::size_t MatchAt(std::string_view text, const text::FoldedText& f, std::size_t p,
                    std::size_t end, std::vector<UnitMention>* out) {
  const std::string_view fs = f.folded;
  const std::size_t we = WordEnd(fs, p);
  // Every head but the groups ("các …") is capitalized: most words are rejected here.
  // Groups may be lower case: "các sở, ban, ngành", "sở, ban, ngành liên quan".
  const bool cac = (we - p == 3 && fs.compare(p, 3, "cac") == 0) ||
                   (we - p == 2 && fs.compare(p, 2, "so") == 0 && we < end && fs[we] == ',');
  if (!cac && !Capitalized(text, f, p)) {
    // Inside a list ("Sở Tài chính và cơ quan, địa phương liên quan", "Các sở, ban, ngành, tổ
    // chức chính trị - xã hội, UBND …"), a group without "các": the political-social
    // organisations, or "cơ quan" / "đơn vị" with a group tail.
    // Cheap rejection first: this runs at nearly every lower-case word.
    if ((fs[p] != 't' && fs[p] != 'c' && fs[p] != 'd') || !AfterListSeparator(fs, p)) return we;
    static constexpr std::string_view kPoliticalSocial[] = {"to chuc chinh tri - xa hoi",
                                                            "to chuc chinh tri xa hoi"};
    for (std::string_view w : kPoliticalSocial) {
      if (WordAt(fs, p, w) && p + w.size() <= end) {
        out->push_back({p, p + w.size(), "", true, true, false});
        return p + w.size();
      }
    }
    static constexpr std::string_view kGroupNouns[] = {"co quan", "don vi"};
    for (std::string_view w : kGroupNouns) {
      if (!WordAt(fs, p, w)) continue;
      bool took = false;
      const std::size_t t = GroupTail(text, f, p + w.size(), end, &took);
      if (!took) break;
      out->push_back({p, t, "", true, false, false});
      return t;
    }
    return we;
  }
  const Head* h = HeadAt(fs, p);
  if (h == nullptr || p + h->word.size() > end) return we;
  // A namesake and the word after it ("BÓ CỤC", the OCR of "BỐ CỤC": "CỤC" is no head).
  if (!SpelledAsHead(text, f, p, we)) {
    const std::size_t n = SkipSpace(fs, we, end);
    return h->kind == HeadKind::kGeneric && n < end && IsWordByte(static_cast<unsigned char>(fs[n]))
               ? WordEnd(fs, n)
               : we;
  }
  // Job titles and documents, not bodies: "Bộ trưởng", "Báo cáo".
  if (WordAt(fs, p, "bo truong") || WordAt(fs, p, "bao cao")) return we;
  {
    const bool cap = Capitalized(text, f, p);
    const std::size_t he = p + h->word.size();
    UnitMention m;
    m.begin = p;
    m.outside = h->outside;
    bool ok = false;
    switch (h->kind) {
      case HeadKind::kGeneric: {
        const std::size_t q = SkipSpace(fs, he, end);
        if (WordAt(fs, p, "bo") && WordAt(fs, q, "luat")) break;  // "Bộ luật Hình sự": a code
        if (cap && h->word == "van phong" &&
            (WordAt(fs, q, "se") || (!Capitalized(text, f, q) && IsRolePhrase(fs, q)))) {
          m.end = he;
          m.own_office = true;
          ok = true;
          break;
        }
        if (cap && q < end && IsWordByte(static_cast<unsigned char>(fs[q])) &&
            (Capitalized(text, f, q) || GeoAt(text, f, q) > 0)) {
          m.end = NameRun(text, f, p, he, end, 0);
          ok = true;
        }
        break;
      }
      case HeadKind::kComplete: {
        if (!cap) break;
        ok = true;
        const bool ubnd = WordAt(fs, p, "ubnd") || WordAt(fs, p, "uy ban nhan dan");
        const std::size_t q = SkipSpace(fs, he, end);
        // "UBND các huyện, thị xã", and without "các" a list of levels: "UBND xã, phường".
        bool levels = false;
        static constexpr std::string_view kLevels[] = {
            "xa", "phuong", "thi tran", "huyen", "thi xa", "thanh pho", "quan", "dac khu"};
        for (std::string_view l : kLevels) {
          if (!WordAt(fs, q, l)) continue;
          std::size_t r = SkipSpace(fs, q + l.size(), end);
          levels = r < end && (fs[r] == ',' || WordAt(fs, r, "va"));
          break;
        }
        if (ubnd && (WordAt(fs, q, "cac") || levels)) {
          bool took = false;
          const std::size_t t = GroupTail(text, f, WordAt(fs, q, "cac") ? q + 3 : q, end, &took);
          if (took) {
            m.end = t;
            m.group = true;
            break;
          }
        }
        const bool acronym = h->word.find(' ') == std::string_view::npos && h->word.size() >= 4 &&
                             Capitalized(text, f, p + 1);
        m.end = NameRun(text, f, p, he, end, acronym ? 0 : 1);
        break;
      }
      case HeadKind::kGroup:
      case HeadKind::kWeakGroup: {
        bool took = false;
        m.end = GroupTail(text, f, he, end, &took);
        m.group = true;
        ok = h->kind == HeadKind::kGroup || took;
        break;
      }
      case HeadKind::kSoList: {
        // "các Sở: Tài chính, Y tế" → one mention per Sở; "các Sở" alone → a group.
        std::size_t q = he;
        if (q < end && fs[q] == ':') ++q;
        q = SkipSpace(fs, q, end);
        std::size_t last = he;
        while (q < end && IsWordByte(static_cast<unsigned char>(fs[q])) &&
               Capitalized(text, f, q) && HeadAt(fs, q) == nullptr) {
          UnitMention s;
          s.begin = q;
          s.end = NameRun(text, f, q, WordEnd(fs, q), end, 0);
          s.name = "Sở " + CleanText(text.substr(f.Orig(q), f.Orig(s.end) - f.Orig(q)));
          last = s.end;
          out->push_back(std::move(s));
          std::size_t r = SkipSpace(fs, last, end);
          if (r < end && fs[r] == ',') {
            r = SkipSpace(fs, r + 1, end);
          } else if (WordAt(fs, r, "va")) {
            r = SkipSpace(fs, r + 2, end);
          } else {
            break;
          }
          q = r;
        }
        if (last != he) return last;
        bool took = false;
        m.end = GroupTail(text, f, he, end, &took);
        m.group = true;
        ok = true;
        break;
      }
    }
    if (!ok) return we;
    const std::string_view name = fs.substr(m.begin, m.end - m.begin);
    if (OutsideName(name)) m.outside = true;
    if (name.starts_with("bo chi huy") || name.starts_with("van phong ubnd") ||
        name.starts_with("van phong uy ban nhan dan")) {
      m.outside = false;
    }
    const std::size_t next = m.end > p ? m.end : we;
    out->push_back(std::move(m));
    return next;
  }
}

}  // namespace

// Bodies outside a provincial UBND's command, by the registry's kind and level.
bool OutsideKind(const units::UnitMatch& m) {
  if (m.level == "central") return true;
  static constexpr std::string_view kOutsideKinds[] = {
      "hoi",  "doan-the",  "dang",     "dang-tw",   "ban-tinh-uy",
      "hdnd", "ban-hdnd",  "quoc-hoi", "toa-an",    "kiem-sat",
      "mttq", "doan-dbqh", "hiep-hoi", "chinh-phu", "chu-tich-nuoc"};
  for (std::string_view k : kOutsideKinds) {
    if (m.kind == k) return true;
  }
  return false;
}

// The registry's mentions in folded[begin, end), in folded positions.
std::vector<UnitMention> RegistryMentions(std::string_view text, const text::FoldedText& f,
                                          std::size_t begin, std::size_t end) {
  std::vector<UnitMention> out;
  for (const units::Mention& m : units::FindUnits(text, f, begin, end, units::Context{})) {
    UnitMention u;
    u.begin = FoldedPos(f, m.begin);
    u.end = FoldedPos(f, m.end);
    u.group = m.match.group;
    u.outside = OutsideKind(m.match) || OutsideName(f.folded.substr(u.begin, u.end - u.begin));
    out.push_back(std::move(u));
  }
  return out;
}

// The head-word finder's mentions in folded[begin, end).
std::vector<UnitMention> HeadWordMentions(std::string_view text, const text::FoldedText& f,
                                          std::size_t begin, std::size_t end) {
  std::vector<UnitMention> out;
  const std::string_view fs = f.folded;
  end = std::min(end, fs.size());
  std::size_t p = begin;
  while (p < end) {
    if (!IsWordByte(static_cast<unsigned char>(fs[p])) || !WordStart(fs, p)) {
      ++p;
      continue;
    }
    p = MatchAt(text, f, p, end, &out);
  }
  return out;
}

// The registry's mentions first; a head-word mention only where the registry found nothing, or
// where it starts before the registry's (an unlisted body whose name ends in a known one: "Ban
// Kinh tế - Ngân sách HĐND tỉnh"), or when it is built from a list ("các Sở: A, B").
std::vector<UnitMention> FindUnitMentions(std::string_view text, const text::FoldedText& f,
                                          std::size_t begin, std::size_t end) {
  end = std::min(end, f.folded.size());
  if (begin >= end) return {};
  std::vector<UnitMention> reg = RegistryMentions(text, f, begin, end);
  // "và các …" is never inside a name: a registry match running over it ends before it ("Ủy ban
  // MTTQ tỉnh | và các tổ chức chính trị - xã hội").
  for (UnitMention& r : reg) {
    const std::size_t v = f.folded.substr(r.begin, r.end - r.begin).find(" va cac ");
    if (v != std::string_view::npos && v > 0) r.end = r.begin + v;
  }
  std::vector<UnitMention> head = HeadWordMentions(text, f, begin, end);
  std::vector<bool> dropped(reg.size(), false);
  std::vector<UnitMention> out;
  for (UnitMention& h : head) {
    bool keep = true;
    std::vector<std::size_t> over;
    for (std::size_t k = 0; k < reg.size(); ++k) {
      if (reg[k].begin < h.end && h.begin < reg[k].end) over.push_back(k);
    }
    if (!over.empty() && h.name.empty()) {
      for (std::size_t k : over) {
        // A list of levels longer than the registry's name ("UBND phường, xã, đặc khu" where
        // the registry knows "UBND phường") is kept whole.
        const bool longer_group =
            h.group && reg[k].begin == h.begin && h.end > reg[k].end &&
            (!reg[k].group || f.folded.substr(reg[k].end, h.end - reg[k].end).starts_with(",") ||
             WordAt(f.folded, SkipSpace(f.folded, reg[k].end, h.end), "cap"));
        keep = keep && (reg[k].begin > h.begin || longer_group);
      }
    }
    if (!keep) continue;
    for (std::size_t k : over) dropped[k] = true;
    out.push_back(std::move(h));
  }
  for (std::size_t k = 0; k < reg.size(); ++k) {
    if (!dropped[k]) out.push_back(std::move(reg[k]));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const UnitMention& a, const UnitMention& b) { return a.begin < b.begin; });
  // "… khu vực II", "… khu vực 8" ends a name ("Kho bạc Nhà nước khu vực XI").
  for (std::size_t k = 0; k < out.size(); ++k) {
    UnitMention& r = out[k];
    std::size_t q = r.end;
    if (!(r.end >= 7 && f.folded.substr(r.end - 7, 7) == "khu vuc")) {
      q = SkipSpace(f.folded, r.end, end);
      if (!WordAt(f.folded, q, "khu vuc")) continue;
      q += 7;
    }
    const std::size_t n = SkipSpace(f.folded, q, end);
    std::size_t ne = n;
    while (ne < end &&
           (std::isdigit(static_cast<unsigned char>(text[f.Orig(ne)])) ||
            std::string_view("IVXLC").find(text[f.Orig(ne)]) != std::string_view::npos)) {
      ++ne;
    }
    const bool next_free = k + 1 >= out.size() || out[k + 1].begin >= ne;
    if (ne > n && next_free &&
        (ne >= end || !IsWordByte(static_cast<unsigned char>(f.folded[ne])))) {
      r.end = ne;
    }
  }
  return out;
}

std::vector<UnitMention> MentionsAt(std::string_view text, const text::FoldedText& f,
                                    std::size_t pos, std::size_t end) {
  std::vector<UnitMention> out;
  end = std::min(end, f.folded.size());
  if (pos < end && IsWordByte(static_cast<unsigned char>(f.folded[pos])) &&
      WordStart(f.folded, pos)) {
    MatchAt(text, f, pos, end, &out);
  }
  return out;
}

bool MayStartMention(std::string_view text, const text::FoldedText& f, std::size_t pos) {
  const std::string_view fs = f.folded;
  if (pos >= fs.size() || !IsWordByte(static_cast<unsigned char>(fs[pos])) || !WordStart(fs, pos)) {
    return false;
  }
  const std::size_t we = WordEnd(fs, pos);
  if (we - pos == 3 && fs.compare(pos, 3, "cac") == 0) return true;
  if (we - pos == 2 && fs.compare(pos, 2, "so") == 0 && we < fs.size() && fs[we] == ',') {
    return true;
  }
  // A capital letter is asked last: it reads the original text through the offsets, two
  // places far from the folded text the head look-up reads.
  if (HeadAt(fs, pos) != nullptr) return Capitalized(text, f, pos);
  // A head the source wrapped onto the next line ("Đề nghị Ủy\nban Mặt trận …"): the gate reads
  // the line break as a space (the finders behind it match across line breaks themselves).
  bool wrapped = false;
  for (std::size_t k = we; k < fs.size() && (fs[k] == ' ' || fs[k] == '\t' || fs[k] == '\n'); ++k) {
    wrapped = wrapped || fs[k] == '\n';
  }
  if (!wrapped || !Capitalized(text, f, pos)) return false;
  std::string joined;
  for (std::size_t i = pos; i < fs.size() && joined.size() < 48; ++i) {
    const bool blank = fs[i] == ' ' || fs[i] == '\n' || fs[i] == '\t';
    if (blank && !joined.empty() && joined.back() == ' ') continue;
    joined += blank ? ' ' : fs[i];
  }
  return HeadAt(joined, 0) != nullptr;
}

std::string MentionName(std::string_view text, const text::FoldedText& f, const UnitMention& m) {
  if (!m.name.empty()) return m.name;
  return CleanText(text.substr(f.Orig(m.begin), f.Orig(m.end) - f.Orig(m.begin)));
}

std::string CleanText(std::string_view s) {
  // Written through a pointer into a buffer of the input's size (the output is never longer),
  // then cut: push_back's capacity check per byte cost more than the loop's own tests.
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool space = false;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '#') continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = o != begin;
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = c;
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

}  // namespace dondoc::parse
