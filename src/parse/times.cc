// Tested by times_test.cc.
//
// Design. The text is folded once (text::FoldMapped) and scanned forward word by word; at each
// word start a handful of first-word checks decide whether anything can begin here (event
// windows, "dịp", relative deadlines, "thường xuyên", recurrences, then optional deadline
// words followed by a calendar piece from times_lex). Whatever matches is consumed, so entries
// never overlap and come out in document order; a date that is matched but not wanted (the
// header date, "Nghị quyết số 35-NQ/TW ngày 22/10/2018") is consumed too, so its "tháng … năm"
// is not read again as a month. Cost: linear in the text, no backtracking beyond one phrase.
//
// Precision rules (measured on the dev corpus's Kế hoạch and chủ trì/phối hợp documents):
// - a full day date, a year-less day, a bare year or a year range is a time only after a
//   deadline word (hoàn thành, trước, chậm nhất, trong, đến, từ, giai đoạn, vào, cuối) or a
//   label (Thời gian thực hiện:, Thời hạn, Tiến độ), or when it fills a table cell (years only
//   once a "Thời gian" column header was seen); months with a year, quarters, half-years and
//   recurrences stand on their own;
// - lines opening with "Căn cứ" (the legal basis) give no times, and neither does a cited
//   document's title: after a symbol ("749/QĐ-TTg") up to the end of the clause, only a strong
//   deadline word (hoàn thành, trước, chậm nhất, a label) makes a time;
// - "thường xuyên" is a schedule when it closes a clause, fills a cell or follows a label or
//   "thực hiện"; "thường xuyên theo dõi" (an adverb) is not; "liên tục" only after a label;
// - "hàng" after ngân/mặt/khách/đơn/cửa … is goods, not "hằng".
// Resolution:
// - a missing year is the document's; if the period so named ended before the document's
//   date, the next year's (a plan dated 20/12/2025 saying "trước ngày 15/01" means 2026).
//   Without a document date such dates stay empty;
// - "trước tháng 9/2020" → the day before the period (2020-08-31); "trước ngày 15/12" → that
//   day; "cuối năm 2025" → kind date 2025-12-31 (a deadline, not Q4);
// - SPEC(BLDS 2015 Điều 147): "trong 30 ngày kể từ ngày ký" starts counting the day after the
//   document's date; Điều 148 moves a last day off work to the next working day
//   (calendar::DeadlineAfterDays); "ngày làm việc" counts working days (AddWorkingDays);
// - SPEC(NĐ 09/2019, domain.md §4): "hằng quý" is FREQ=MONTHLY;INTERVAL=3, "6 tháng"
//   FREQ=MONTHLY;INTERVAL=6; a bracketed day turns them into the yearly dates it names
//   ("định kỳ 6 tháng (trước 20/6)" → FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20); days differing
//   between months keep only the months sharing the first day;
// - Tết Nguyên đán's date is the lunar new year of the year written, else of the document's
//   year when the document is at most 45 days after it, else of the next year when that is
//   at most 200 days away.
#include "parse/times.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "calendar/date.h"
#include "calendar/lunar.h"
#include "calendar/working_days.h"
#include "parse/times_lex.h"
#include "parse/times_rules.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dondoc::parse {
namespace times_internal {
namespace {

using calendar::Date;

// Deadline words before a piece. Labels are not part of the phrase's text.
enum : unsigned {
  kBefore = 1u << 0,  // trước
  kUntil = 1u << 1,   // đến (hết)
  kFrom = 1u << 2,    // từ
  kLabel = 1u << 3,   // Thời gian thực hiện:
  kStrong = 1u << 4,  // hoàn thành, chậm nhất
  kWeak = 1u << 5,    // trong, vào, giai đoạn
  kEnd = 1u << 6,     // cuối (quý, tháng)
};

struct Trigger {
  std::string_view words;
  unsigned flags;
};

constexpr Trigger kTriggers[] = {
    {"thoi gian thuc hien", kLabel},
    {"thoi gian hoan thanh", kLabel},
    {"thoi gian trien khai", kLabel},
    {"thoi gian", kLabel},
    {"thoi han hoan thanh", kLabel},
    {"thoi han thuc hien", kLabel},
    {"thoi han", kLabel},
    {"tien do thuc hien", kLabel},
    {"tien do hoan thanh", kLabel},
    {"tien do", kLabel},
    {"hoan thanh", kStrong},
    {"cham nhat la", kStrong},
    {"cham nhat", kStrong},
    {"truoc", kBefore | kStrong},
    {"den het", kUntil | kWeak},
    {"den", kUntil | kWeak},
    {"tu", kFrom | kWeak},
    {"giai doan", kWeak},
    {"trong", kWeak},
    {"vao", kWeak},
    {"cuoi", kEnd | kWeak},
};

// Bytes that begin some trigger: most words after a piece begin none.
constexpr auto kTriggerFirst = [] {
  std::array<bool, 256> r{};
  for (const Trigger& t : kTriggers) r[static_cast<unsigned char>(t.words[0])] = true;
  return r;
}();

// A bucket for a word by its first two bytes: the first a-z, the second & 31 (a digit there
// shares a bucket with a letter and simply matches no entry). TryAt's first words and
// PieceFlow's triggers are looked up this way: most words share their bucket with none.
constexpr std::size_t FirstTwoBucket(char first, char second) {
  return static_cast<std::size_t>(first - 'a') * 32 + (static_cast<unsigned char>(second) & 31);
}

// The triggers by FirstTwoBucket, as a bit set over kTriggers' indices: PieceFlow tries only
// these, in kTriggers' order.
static_assert(std::size(kTriggers) <= 32);
constexpr auto kTriggersByFirstTwo = [] {
  std::array<std::uint32_t, 26 * 32> r{};
  for (std::size_t i = 0; i < std::size(kTriggers); ++i) {
    r[FirstTwoBucket(kTriggers[i].words[0], kTriggers[i].words[1])] |= std::uint32_t{1} << i;
  }
  return r;
}();

// pack() of the word at p: its first (up to 8) letters a-z, the first in the lowest byte. Eight
// bytes are tested at once (SWAR) where the text has them: this runs at every word start.
[[gnu::always_inline]] inline std::uint64_t PackLetters(std::string_view f, std::size_t p) {
  if (p + 8 > f.size()) {
    std::uint64_t word = 0;
    for (std::size_t e = p; e < f.size() && e - p < 8 && f[e] >= 'a' && f[e] <= 'z'; ++e) {
      word |= static_cast<std::uint64_t>(static_cast<unsigned char>(f[e])) << (8 * (e - p));
    }
    return word;
  }
  std::uint64_t x;
  std::memcpy(&x, f.data() + p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const std::uint64_t low7 = x & ~kHigh;
  // High bit of each byte: (b & 0x7F) >= 'a', and (b & 0x7F) > 'z' (no carry between bytes:
  // 0x7F + 0x1F < 0x100).
  const std::uint64_t ge_a = low7 + kOnes * (0x80 - 'a');
  const std::uint64_t gt_z = low7 + kOnes * (0x80 - 'z' - 1);
  const std::uint64_t letter = ge_a & ~gt_z & ~x & kHigh;  // and b < 0x80
  const std::uint64_t other = ~letter & kHigh;
  if (other == 0) return x;
  const int n = std::countr_zero(other) / 8;  // letters before the first non-letter
  return n == 0 ? 0 : x & (~0ull >> (64 - 8 * n));
}

class Scanner {
 public:
  Scanner(std::string_view text, const text::FoldedText& folded, std::optional<Date> doc,
          std::vector<Warning>* warnings)
      : text_(text), ft_(folded), f_(ft_.folded), doc_(doc), warnings_(warnings) {}

  std::vector<TimeExpr> Run();

 private:
  std::size_t TryAt(std::size_t p);
  std::size_t PieceFlow(std::size_t p);
  std::size_t RangeFlow(std::size_t begin, std::size_t q, unsigned flags, const Piece* a);
  std::size_t ContinuousAt(std::size_t p);
  std::size_t RecurringAt(std::size_t p);
  std::size_t DayRecurrence(std::size_t begin, const Piece& first);
  std::size_t MonthRecurrence(std::size_t begin, const Piece& months);
  std::size_t EventWindowAt(std::size_t p);
  std::size_t OccasionAt(std::size_t p);
  std::size_t RelativeAt(std::size_t p);
  std::size_t SoonAfterAt(std::size_t p);

  void Emit(std::size_t b, std::size_t e, std::string_view kind, std::string start,
            std::string date, std::string rrule = {}, std::string event = {});
  void Warn(std::size_t b, std::size_t e);
  std::optional<Range> ResolvePiece(const Piece& piece) const;
  std::string Original(std::size_t b, std::size_t e) const;
  bool IsCell(std::size_t b, std::size_t e) const;
  bool Parenthesized(std::size_t b, std::size_t e) const;
  bool LineStartBefore(std::size_t p) const;
  bool LabelBefore(std::size_t p) const;
  bool ClauseEndAfter(std::size_t e) const;
  bool UpperAt(std::size_t p) const;
  bool IsMoi(std::size_t p) const;
  std::size_t SymbolEnd(std::size_t p) const;
  std::size_t ClauseEnd(std::size_t p, std::size_t limit) const;
  std::size_t SuffixDays(std::size_t e, std::vector<Piece>* days) const;
  std::string EventDate(std::string_view folded_name) const;

  std::string_view text_;
  const text::FoldedText& ft_;
  std::string_view f_;
  std::optional<Date> doc_;
  std::vector<Warning>* warnings_;
  std::vector<TimeExpr> out_;
  bool time_header_ = false;
  std::size_t ref_end_ = 0;  // a cited document's title runs up to here
};

std::string Iso(const Date& d) { return calendar::FormatIso(d); }

std::vector<TimeExpr> Scanner::Run() {
  const std::size_t n = f_.size();
  // Only word starts and line starts matter; everything between them is skipped in blocks.
  WordEvents events(f_);
  std::size_t p = events.NextAt(0);
  while (p < n) {
    if (p == 0 || f_[p - 1] == '\n') {
      std::size_t ls = p;
      while (ls < n && (f_[ls] == ' ' || f_[ls] == '\t' || f_[ls] == '*')) ++ls;
      if (WordAt(f_, ls, "can cu") != kNo) {
        p = events.NextAt(ClauseEnd(ls, 600));
        continue;
      }
      if (ls < n && f_[ls] == 't' &&
          (WordAt(f_, ls, "thoi gian") != kNo || WordAt(f_, ls, "thoi han") != kNo ||
           WordAt(f_, ls, "tien do") != kNo)) {
        std::size_t le = ls;  // a short line: a column or field name, not a sentence
        while (le < n && f_[le] != '\n' && le - ls < 60) ++le;
        if (le - ls < 60) time_header_ = true;
      }
      if (!IsAlnum(f_[p])) {  // a line start that is no word start
        p = events.NextAt(p + 1);
        continue;
      }
    }
    // Here p starts a word. A matcher's end may fall inside a word: NextAt skips its rest.
    if (IsDigit(f_[p])) {
      if (std::size_t s = SymbolEnd(p); s != kNo) {
        if (s > ref_end_) ref_end_ = ClauseEnd(s, 400);
        p = events.NextAt(s);
        continue;
      }
    }
    if (std::size_t e = TryAt(p); e != kNo && e > p) {
      p = events.NextAt(e);
      continue;
    }
    p = events.NextAt(p + 1);
  }
  return std::move(out_);
}

// TryAt's table of first words: 64 slots, the top six bits of word * multiplier.
constexpr std::size_t kFirstWordSlotCount = 64;
constexpr std::size_t FirstWordSlot(std::uint64_t packed_word, std::uint64_t multiplier) {
  return static_cast<std::size_t>((packed_word * multiplier) >> 58);
}

std::size_t Scanner::TryAt(std::size_t p) {
  // Hot: runs at every word start of every document. Each matcher below can only succeed on
  // a few first words, so the word picks the matchers to try (in their fixed order); any other
  // word is skipped after one small comparison. Keep the table in step with the matchers'
  // first words (kTriggers, EventWindowAt, OccasionAt, SoonAfterAt, RelativeAt, ContinuousAt,
  // RecurringAt, PieceAt).
  enum : unsigned {
    kEvent = 1,
    kOccasion = 2,
    kSoon = 4,
    kRelative = 8,
    kContinuous = 16,
    kRecurring = 32,
    kPiece = 64,
  };
  // A word of up to 8 letters packed into an integer, so the table is searched with integer
  // comparisons instead of string ones.
  constexpr auto pack = [](std::string_view w) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < w.size() && i < 8; ++i) {
      key |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
    }
    return key;
  };
  struct FirstWord {
    std::uint64_t word;
    unsigned matchers;
  };
  static constexpr FirstWord kFirstWords[] = {
      {pack("cham"), kRelative | kPiece},
      {pack("chin"), kPiece},
      {pack("cuoi"), kPiece},
      {pack("den"), kPiece},
      {pack("dinh"), kRecurring},
      {pack("dip"), kOccasion},
      {pack("giai"), kPiece},
      {pack("hang"), kRecurring},
      {pack("hoan"), kPiece},
      {pack("khong"), kRelative},
      {pack("lien"), kContinuous},
      {pack("moi"), kRecurring},
      {pack("nam"), kPiece},
      {pack("ngay"), kSoon | kPiece},
      {pack("nhan"), kOccasion},
      {pack("sau"), kEvent | kRelative | kPiece},
      {pack("thang"), kPiece},
      {pack("thoi"), kRelative | kPiece},
      {pack("thuong"), kContinuous},
      {pack("tien"), kPiece},
      {pack("trong"), kEvent | kOccasion | kRelative | kPiece},
      {pack("truoc"), kEvent | kPiece},
      {pack("tu"), kPiece},
      {pack("vao"), kOccasion | kPiece},
  };
  // The perfect hash of kFirstWords: the first multiplier of a fixed sequence under which
  // their slots are distinct.
  static constexpr std::uint64_t kFirstWordMultiplier = [] {
    for (std::uint64_t k = 1;; ++k) {
      const std::uint64_t m = (0x9E3779B97F4A7C15ull * k) | 1;
      std::array<bool, kFirstWordSlotCount> used{};
      bool ok = true;
      for (const FirstWord& w : kFirstWords) {
        const std::size_t s = FirstWordSlot(w.word, m);
        ok = ok && !used[s];
        used[s] = true;
      }
      if (ok) return m;
    }
  }();
  static constexpr auto kFirstWordSlots = [] {
    std::array<FirstWord, kFirstWordSlotCount> t{};  // word 0 is no packed word of a letter
    for (const FirstWord& w : kFirstWords) t[FirstWordSlot(w.word, kFirstWordMultiplier)] = w;
    return t;
  }();
  unsigned use = 0;
  if (IsDigit(f_[p])) {
    use = kRelative | kContinuous | kRecurring | kPiece;
  } else if (f_[p] == 'q') {
    // A quarter: "quý"/"quí" (not "quy định", "quan", "quốc" …), or "QII/2025", "Q2/2025".
    const char second = p + 1 < f_.size() ? f_[p + 1] : ' ';
    const std::uint64_t word = PackLetters(f_, p);
    if (word != pack("quy") && word != pack("qui") && second != 'i' &&
        !(second >= '1' && second <= '4')) {
      return kNo;
    }
    use = kPiece;
  } else {
    // One probe of a perfect hash of the packed first words (a multiplier found at compile
    // time that gives each its own slot) and one comparison: most words are skipped with a
    // single, well-predicted branch.
    const std::uint64_t word = PackLetters(f_, p);
    const FirstWord& slot = kFirstWordSlots[FirstWordSlot(word, kFirstWordMultiplier)];
    if (slot.word != word) return kNo;
    use = slot.matchers;
  }
  // The matchers in their fixed order, called directly: a table of member pointers made an
  // indirect call per matcher, which the branch predictor missed at many words.
  std::size_t e = kNo;
  if ((use & kEvent) && (e = EventWindowAt(p)) != kNo) return e;
  if ((use & kOccasion) && (e = OccasionAt(p)) != kNo) return e;
  if ((use & kSoon) && (e = SoonAfterAt(p)) != kNo) return e;
  if ((use & kRelative) && (e = RelativeAt(p)) != kNo) return e;
  if ((use & kContinuous) && (e = ContinuousAt(p)) != kNo) return e;
  if ((use & kRecurring) && (e = RecurringAt(p)) != kNo) return e;
  if (use & kPiece) return PieceFlow(p);
  return kNo;
}

// ---- pieces: dates, months, quarters, halves, years, ranges ---------------------------------

std::size_t Scanner::PieceFlow(std::size_t p) {
  unsigned flags = 0;
  std::size_t q = p;
  std::size_t begin = kNo;
  for (int k = 0; k < 4; ++k) {
    bool matched = false;
    if (q >= f_.size() || !kTriggerFirst[static_cast<unsigned char>(f_[q])]) break;
    // f_[q] is a-z here (every trigger starts so).
    const char second = q + 1 < f_.size() ? f_[q + 1] : ' ';
    for (std::uint32_t cand = kTriggersByFirstTwo[FirstTwoBucket(f_[q], second)]; cand != 0;
         cand &= cand - 1) {
      const Trigger& t = kTriggers[std::countr_zero(cand)];
      const std::size_t e = WordAt(f_, q, t.words);
      if (e == kNo) continue;
      if ((t.flags & kEnd) && WordAt(f_, Skip(f_, e), "nam") != kNo) continue;  // "cuối năm"
      if (!(t.flags & kLabel) && begin == kNo) begin = q;
      flags |= t.flags;
      q = Skip(f_, e);
      if (t.flags & kLabel) {
        if (q < f_.size() && f_[q] == ':') q = Skip(f_, q + 1);
        if (std::size_t la = Eat(f_, q, "la"); la != kNo) q = la;
      }
      matched = true;
      break;
    }
    if (!matched) break;
  }
  if (begin == kNo) begin = q;
  if (flags & kFrom) {
    if (std::size_t now = Eat(f_, q, "nay"); now != kNo)
      return RangeFlow(begin, now, flags, nullptr);
  }
  const bool allow_bare = flags != 0 || LineStartBefore(p);
  const std::optional<Piece> pc = PieceAt(f_, q, allow_bare);
  if (!pc) return kNo;
  const bool has_ngay = WordAt(f_, q, "ngay") != kNo;
  if (pc->invalid) {
    if (flags != 0 || has_ngay) Warn(pc->begin, pc->end);
    return pc->end;
  }
  using U = Piece::Unit;
  if (pc->unit == U::kDay && pc->year == 0) {
    if (std::size_t e = DayRecurrence(begin, *pc); e != kNo) return e;
    if (pc->lo == 0) return pc->end;  // "ngày 20" alone
  }
  if (pc->unit == U::kMonth && pc->year == 0 && !pc->relative_year) {
    if (std::size_t e = MonthRecurrence(begin, *pc); e != kNo) return e;
  }
  if (flags & kFrom) return RangeFlow(begin, q, flags, &*pc);
  const bool cell = IsCell(p, pc->end);
  const bool in_ref = p < ref_end_;
  const bool strong = flags & (kStrong | kLabel | kBefore);
  const bool context = flags != 0 || cell;
  bool accept = false;
  switch (pc->unit) {
    case U::kDay:  // a bare date in a cell only under a "Thời gian" column
      accept = flags != 0 || (cell && time_header_);
      break;
    case U::kMonth:
      accept = pc->year != 0 || pc->relative_year || context;
      break;
    case U::kQuarter:
    case U::kHalf:
    case U::kNine:
      accept = true;
      break;
    case U::kYear:
      // "Báo cáo sơ kết (năm 2027)": a year that is all of a parenthesis, not before the
      // document's, dates what precedes it ("Luật BHXH (năm 2014)" names a past one); a bare
      // year elsewhere ("Tầm nhìn năm 2030") does not.
      accept = flags != 0 || (cell && time_header_) ||
               (doc_ && pc->year >= doc_->year && Parenthesized(begin, pc->end));
      break;
    case U::kYearEnd:
      accept = pc->year != 0 || pc->relative_year || context;
      break;
  }
  if (in_ref && !strong) accept = false;
  if (!accept) return pc->end;
  const std::optional<Range> r = ResolvePiece(*pc);
  std::string start, date;
  std::string_view kind = "period";
  if (pc->unit == U::kDay || pc->unit == U::kYearEnd || (flags & (kBefore | kEnd))) {
    kind = "date";
    if (r) {
      const bool day_before = (flags & kBefore) && pc->unit != U::kDay && pc->unit != U::kYearEnd;
      date = Iso(day_before ? calendar::AddDays(r->start, -1) : r->end);
    }
  } else if (r) {
    if (!(flags & kUntil)) start = Iso(r->start);
    date = Iso(r->end);
  }
  Emit(begin, pc->end, kind, std::move(start), std::move(date));
  return pc->end;
}

// "từ A đến (hết) B", "từ nay đến năm 2030"; a = nullptr for "nay" (the document's date).
std::size_t Scanner::RangeFlow(std::size_t begin, std::size_t q, unsigned flags, const Piece* a) {
  std::size_t r = a ? Skip(f_, a->end) : q;
  if (r < f_.size() && f_[r] == ',') r = Skip(f_, r + 1);
  std::size_t d = Eat(f_, r, "den het");
  if (d == kNo) d = Eat(f_, r, "den");
  if (d == kNo && a != nullptr && a->unit != Piece::Unit::kYear) {
    if (std::size_t dash = DashAt(f_, r); dash != kNo) d = Skip(f_, dash);
  }
  std::optional<Piece> b = d == kNo ? std::nullopt : PieceAt(f_, d, true);
  if (b && b->invalid) {
    Warn(b->begin, b->end);
    return b->end;
  }
  if (!b || (b->unit == Piece::Unit::kDay && b->lo == 0)) {
    if (a == nullptr) return kNo;
    if (a->year_last != 0) {  // "từ năm 2013 - 2020" was read whole
      const auto ra = ResolvePiece(*a);
      Emit(begin, a->end, "period", ra ? Iso(ra->start) : "", ra ? Iso(ra->end) : "");
      return a->end;
    }
    // "Từ tháng 11/2013 trở đi": a start alone, kept under a label or in a cell.
    if ((flags & kLabel) || IsCell(begin, a->end)) {
      const auto ra = ResolvePiece(*a);
      Emit(begin, a->end, "period", ra ? Iso(ra->start) : "", "");
    }
    return a->end;
  }
  const std::optional<Range> rb = ResolvePiece(*b);
  std::string start;
  if (a == nullptr) {
    if (doc_) start = Iso(*doc_);
  } else if (rb) {
    int year = rb->end.year;
    if (a->year == 0 && !a->relative_year) {
      auto ra = Resolve(*a, year);
      if (ra && ra->start > rb->end) ra = Resolve(*a, year - 1);
      if (ra) start = Iso(ra->start);
    } else if (auto ra = ResolvePiece(*a)) {
      start = Iso(ra->start);
    }
  }
  Emit(begin, b->end, "period", std::move(start), rb ? Iso(rb->end) : "");
  return b->end;
}

std::optional<Range> Scanner::ResolvePiece(const Piece& piece) const {
  if (piece.year != 0) return Resolve(piece, piece.year);
  if (!doc_) return std::nullopt;
  if (piece.relative_year) return Resolve(piece, doc_->year + piece.year_offset);
  auto r = Resolve(piece, doc_->year);
  if (r && r->end < *doc_) {
    if (auto next = Resolve(piece, doc_->year + 1)) return next;
  }
  if (!r) r = Resolve(piece, doc_->year + 1);  // 29/2 in a common year
  return r;
}

// ---- continuous ------------------------------------------------------------------------------

std::size_t Scanner::ContinuousAt(std::size_t p) {
  if (f_.substr(p, 4) == "24/7" &&
      (p + 4 >= f_.size() || (!IsAlnum(f_[p + 4]) && f_[p + 4] != '/'))) {
    Emit(p, p + 4, "continuous", "", "");
    return p + 4;
  }
  std::size_t e = WordAt(f_, p, "thuong xuyen");
  if (e != kNo) {
    // "không thường xuyên"; "chi thường xuyên" (recurrent spending) and "giáo dục thường
    // xuyên" (continuing education) are nouns.
    for (std::string_view w : {"khong ", "chi ", "giao duc "}) {
      if (p >= w.size() && f_.substr(p - w.size(), w.size()) == w &&
          (p == w.size() || !IsAlnum(f_[p - w.size() - 1]))) {
        return kNo;
      }
    }
    std::size_t k = Skip(f_, e);
    if (k < f_.size() && f_[k] == ',') k = Skip(f_, k + 1);
    if (std::size_t v = Eat(f_, k, "va"); v != kNo) k = v;
    if (std::size_t l = WordAt(f_, k, "lien tuc"); l != kNo) e = l;
    if (!(LabelBefore(p) || IsCell(p, e) || ClauseEndAfter(e))) return kNo;
  } else {
    e = WordAt(f_, p, "lien tuc");
    if (e == kNo || !(LabelBefore(p) || IsCell(p, e))) return kNo;
  }
  Emit(p, e, "continuous", "", "");
  return e;
}

// ---- recurring -------------------------------------------------------------------------------

std::size_t Scanner::RecurringAt(std::size_t p) {
  std::size_t q = p;
  const std::size_t dk = Eat(f_, p, "dinh ky");
  if (dk != kNo) {
    q = dk;
    if (q < f_.size() && f_[q] == ',') q = Skip(f_, q + 1);
  }
  Cycle cycle;
  std::size_t e = kNo;
  std::size_t h = Eat(f_, q, "hang");
  if (h == kNo && IsMoi(q)) h = Eat(f_, q, "moi");
  if (h != kNo) {
    e = CycleWordAt(f_, h, &cycle);
    // "hàng" (not "hằng") after ngân/mặt/khách … or before a year is goods: "bán hàng năm 2025".
    const std::uint32_t o = ft_.Orig(q);
    const bool grave = text_.substr(o + 1, 2) == "\xC3\xA0" || text_.substr(o + 1, 2) == "\xC3\x80";
    int year = 0;
    if (e != kNo && dk == kNo && grave &&
        (IsGoodsBefore(f_, p) || YearAt(f_, Skip(f_, e), &year) != kNo)) {
      return kNo;
    }
  } else if (dk != kNo) {
    e = CycleWordAt(f_, q, &cycle);
    if (e == kNo) e = CycleCountAt(f_, q, false, &cycle);
  } else if (IsDigit(f_[p])) {
    e = CycleCountAt(f_, p, true, &cycle);  // "6 tháng một lần"
  }
  if (e == kNo) return kNo;
  std::vector<Piece> days;
  const std::size_t end = SuffixDays(e, &days);
  if (end != kNo) e = end;
  const std::string rule = RRule(cycle, days);
  Emit(p, e, "recurring", "", doc_ ? NextOccurrence(rule, *doc_) : "", rule);
  return e;
}

// "(trước ngày 15/6 và 15/12)", ", trước ngày 20", " vào ngày 25": the days a recurrence
// names; the end of that suffix, or kNo (days untouched) when there is none.
std::size_t Scanner::SuffixDays(std::size_t e, std::vector<Piece>* days) const {
  std::size_t s = Skip(f_, e);
  const bool paren = s < f_.size() && f_[s] == '(';
  if (paren || (s < f_.size() && f_[s] == ',')) s = Skip(f_, s + 1);
  bool trigger = false;
  for (std::string_view w : {"truoc", "cham nhat la", "cham nhat", "vao", "han"}) {
    if (std::size_t t = Eat(f_, s, w); t != kNo) {
      s = t;
      trigger = true;
      break;
    }
  }
  if (!paren && !trigger) return kNo;
  std::vector<Piece> found;
  std::size_t k = s;
  while (true) {
    std::optional<Piece> d = DayAt(f_, k, true);
    if (!d || d->year != 0 || d->invalid) break;
    found.push_back(*d);
    const std::size_t n = ListNext(f_, d->end, {"ngay"});
    if (n == kNo) break;
    k = n;
  }
  if (found.empty()) return kNo;
  std::size_t end = found.back().end;
  if (paren) {
    const std::size_t c = Skip(f_, end);
    if (c >= f_.size() || f_[c] != ')') return kNo;
    end = c + 1;
  }
  *days = std::move(found);
  return end;
}

// "trước ngày 15/12 hằng năm", "ngày 20 hằng tháng", "trước ngày 15/6 và 15/12 hàng năm".
std::size_t Scanner::DayRecurrence(std::size_t begin, const Piece& first) {
  std::vector<Piece> days = {first};
  std::size_t e = first.end;
  while (true) {
    const std::size_t n = ListNext(f_, e, {"ngay"});
    std::optional<Piece> d = n == kNo ? std::nullopt : DayAt(f_, n, true);
    if (!d || d->year != 0 || d->invalid) break;
    days.push_back(*d);
    e = d->end;
  }
  std::size_t k = Skip(f_, e);
  if (k < f_.size() && f_[k] == ',') k = Skip(f_, k + 1);
  if (std::size_t c = Eat(f_, k, "cua"); c != kNo) k = c;
  std::size_t h = Eat(f_, k, "hang");
  if (h == kNo && IsMoi(k)) h = Eat(f_, k, "moi");
  Cycle cycle;
  const std::size_t end = h == kNo ? kNo : CycleWordAt(f_, h, &cycle);
  if (end == kNo) return kNo;
  const std::string rule = RRule(cycle, days);
  Emit(begin, end, "recurring", "", doc_ ? NextOccurrence(rule, *doc_) : "", rule);
  return end;
}

// "tháng 12 hằng năm" → FREQ=YEARLY;BYMONTH=12; date = the end of its next occurrence.
std::size_t Scanner::MonthRecurrence(std::size_t begin, const Piece& months) {
  std::size_t k = Skip(f_, months.end);
  if (k < f_.size() && f_[k] == ',') k = Skip(f_, k + 1);
  std::size_t h = Eat(f_, k, "hang");
  if (h == kNo && IsMoi(k)) h = Eat(f_, k, "moi");
  const std::size_t end = h == kNo ? kNo : WordAt(f_, h, "nam");
  if (end == kNo) return kNo;
  std::string rule = "FREQ=YEARLY;BYMONTH=";
  for (int m = months.lo; m <= months.hi; ++m) {
    rule += std::to_string(m);
    if (m < months.hi) rule += ',';
  }
  const std::optional<Range> r = ResolvePiece(months);
  Emit(begin, end, "recurring", "", r ? Iso(r->end) : "", std::move(rule));
  return end;
}

// ---- events ----------------------------------------------------------------------------------

// "trước, trong và sau Tết Nguyên đán", "trong và sau Đại hội", "trước và trong dịp lễ".
std::size_t Scanner::EventWindowAt(std::size_t p) {
  // Distinct words joined by "," or "và" ("trong trồng trọt" folds to "trong trong trot").
  int words = 0;
  unsigned seen = 0;
  std::size_t q = p;
  bool joined = true;
  while (joined) {
    std::size_t e = kNo;
    unsigned bit = 1;
    static constexpr std::string_view kWindow[] = {"truoc", "trong", "sau"};
    for (std::string_view w : kWindow) {
      if ((e = WordAt(f_, q, w)) != kNo) break;
      bit <<= 1;
    }
    if (e == kNo || (seen & bit)) break;
    seen |= bit;
    ++words;
    std::size_t s = Skip(f_, e);
    joined = false;
    if (s < f_.size() && f_[s] == ',') s = Skip(f_, s + 1), joined = true;
    if (std::size_t v = Eat(f_, s, "va"); v != kNo) s = v, joined = true;
    q = s;
  }
  if (words < 2 || joined) return kNo;
  if (std::size_t d = Eat(f_, q, "dip"); d != kNo) q = d;
  const std::optional<Name> name = NameAt(text_, ft_, q);
  if (!name || !(UpperAt(q) || KnownOccasion(name->folded))) return kNo;
  Emit(p, name->end, "event", "", EventDate(name->folded), "", EventName(*name));
  return name->end;
}

// "dịp Quốc khánh 2/9", "nhân dịp Tết Nguyên đán", "vào dịp lễ 30/4".
std::size_t Scanner::OccasionAt(std::size_t p) {
  std::size_t q = p;
  static constexpr std::string_view kLeads[] = {"nhan", "vao", "trong"};
  for (std::string_view w : kLeads) {
    if (std::size_t e = Eat(f_, p, w); e != kNo) {
      q = e;
      break;
    }
  }
  q = Eat(f_, q, "dip");
  if (q == kNo) return kNo;
  const std::optional<Name> name = NameAt(text_, ft_, q);
  if (!name || !(UpperAt(q) || KnownOccasion(name->folded))) return kNo;
  Emit(p, name->end, "event", "", EventDate(name->folded), "", EventName(*name));
  return name->end;
}

std::string Scanner::EventDate(std::string_view folded_name) const {
  int year = 0;
  for (std::size_t i = 0; i + 4 <= folded_name.size(); ++i) {
    if ((i == 0 || !IsAlnum(folded_name[i - 1])) && YearAt(folded_name, i, &year) != kNo) break;
    year = 0;
  }
  if (IsLunarNewYear(folded_name)) {
    if (year != 0) return Iso(calendar::LunarNewYear(year));
    if (!doc_) return "";
    const Date this_year = calendar::LunarNewYear(doc_->year);
    if (calendar::DaysBetween(this_year, *doc_) <= 45) return Iso(this_year);
    const Date next = calendar::LunarNewYear(doc_->year + 1);
    if (calendar::DaysBetween(*doc_, next) <= 200) return Iso(next);
    return "";
  }
  if (IsNationalDay(folded_name)) {
    if (year == 0 && doc_) year = doc_->year + (Date{doc_->year, 9, 2} < *doc_ ? 1 : 0);
    return year != 0 ? Iso(Date{year, 9, 2}) : "";
  }
  return "";
}

// ---- relative deadlines ----------------------------------------------------------------------

// "trong 30 ngày kể từ ngày ký", "trong thời hạn 10 ngày làm việc kể từ ngày nhận được …".
std::size_t Scanner::RelativeAt(std::size_t p) {
  std::size_t q = p;
  // Static arrays, not braced lists, in the matchers: a braced list is built on the stack at
  // every call, and these run at most words of a document.
  static constexpr std::string_view kLeads[] = {"trong thoi han", "trong vong",   "trong thoi gian",
                                                "trong",          "cham nhat la", "cham nhat",
                                                "khong qua",      "sau",          "thoi han"};
  for (std::string_view w : kLeads) {
    if (std::size_t e = Eat(f_, p, w); e != kNo) {
      q = e;
      break;
    }
  }
  Duration dur;
  std::size_t e = DurationAt(f_, q, &dur);
  if (e == kNo) return kNo;
  std::size_t a = Skip(f_, e);
  if (a < f_.size() && f_[a] == ',') a = Skip(f_, a + 1);
  std::size_t anchor = kNo;
  static constexpr std::string_view kAnchors[] = {"ke tu khi", "ke tu", "tinh tu", "sau khi",
                                                  "sau"};
  for (std::string_view w : kAnchors) {
    if ((anchor = Eat(f_, a, w)) != kNo) break;
  }
  if (anchor == kNo) return kNo;
  // The phrase keeps its deadline words unless they push the anchor past 80 bytes.
  std::optional<Name> what = AnchorAt(text_, ft_, anchor, p);
  std::size_t begin = p;
  if (q != p) {
    std::optional<Name> longer = AnchorAt(text_, ft_, anchor, q);
    if (longer && (!what || longer->end > what->end)) what = std::move(longer), begin = q;
  }
  if (!what) return kNo;
  if (IsSigningAnchor(what->folded)) {
    std::string date;
    if (doc_) date = Iso(ApplyDuration(*doc_, dur));
    Emit(begin, what->end, "date", "", std::move(date));
  } else {
    Emit(begin, what->end, "event", "", "", "", what->text);
  }
  return what->end;
}

// "ngay sau khi Kế hoạch được phê duyệt" (ngay, not ngày).
std::size_t Scanner::SoonAfterAt(std::size_t p) {
  const std::size_t e = Eat(f_, p, "ngay sau khi");
  if (e == kNo) return kNo;
  const std::uint32_t o = ft_.Orig(p);
  if (ft_.Orig(p + 4) - o != 4 || (text_[o + 1] != 'g' && text_[o + 1] != 'G')) return kNo;
  const std::optional<Name> what = AnchorAt(text_, ft_, e, p);
  if (!what) return kNo;
  Emit(p, what->end, "event", "", "", "", what->text);
  return what->end;
}

// ---- context ---------------------------------------------------------------------------------

bool Scanner::IsCell(std::size_t b, std::size_t e) const {
  std::size_t i = b;
  while (i > 0 && (f_[i - 1] == ' ' || f_[i - 1] == '\t' || f_[i - 1] == '*')) --i;
  if (i > 0 && f_[i - 1] != '\n' && f_[i - 1] != '|') return false;
  std::size_t j = e;
  while (j < f_.size() && (f_[j] == ' ' || f_[j] == '\t' || f_[j] == '*' || f_[j] == '.' ||
                           f_[j] == ';' || f_[j] == '\r')) {
    ++j;
  }
  return j >= f_.size() || f_[j] == '\n' || f_[j] == '|';
}

bool Scanner::Parenthesized(std::size_t b, std::size_t e) const {
  std::size_t i = b;
  while (i > 0 && (f_[i - 1] == ' ' || f_[i - 1] == '*' || f_[i - 1] == '_')) --i;
  if (i == 0 || f_[i - 1] != '(') return false;
  std::size_t j = e;
  while (j < f_.size() && (f_[j] == ' ' || f_[j] == '*' || f_[j] == '_')) ++j;
  return j < f_.size() && f_[j] == ')';
}

bool Scanner::LineStartBefore(std::size_t p) const {
  std::size_t i = p;
  while (i > 0 && (f_[i - 1] == ' ' || f_[i - 1] == '\t' || f_[i - 1] == '*' || f_[i - 1] == '-' ||
                   f_[i - 1] == '+')) {
    --i;
  }
  return i == 0 || f_[i - 1] == '\n' || f_[i - 1] == '|';
}

bool Scanner::LabelBefore(std::size_t p) const {
  std::size_t i = p;
  while (i > 0 && (IsBlank(f_[i - 1]) || f_[i - 1] == ':' || f_[i - 1] == '-')) --i;
  static constexpr std::string_view kLabels[] = {"thoi gian", "thoi han",   "tien do",
                                                 "thuc hien", "trien khai", "tien hanh"};
  for (std::string_view w : kLabels) {
    if (i >= w.size() && f_.substr(i - w.size(), w.size()) == w &&
        (i == w.size() || !IsAlnum(f_[i - w.size() - 1]))) {
      return true;
    }
  }
  return false;
}

bool Scanner::ClauseEndAfter(std::size_t e) const {
  std::size_t k = e;
  while (k < f_.size() && (f_[k] == ' ' || f_[k] == '\t' || f_[k] == '*')) ++k;
  if (k >= f_.size()) return true;
  const char c = f_[k];
  if (c == '.' || c == ';' || c == ')' || c == '|') return true;
  if (c != '\n') return false;
  k = Skip(f_, k);
  return k >= f_.size() || !IsAlnum(f_[k]) || IsDigit(f_[k]) || UpperAt(k);
}

bool Scanner::UpperAt(std::size_t p) const {
  std::size_t len = 0;
  const char32_t cp = text::DecodeAt(text_, ft_.Orig(p), &len);
  return u_isupper(static_cast<UChar32>(cp));
}

// "mỗi" (each), not "mới" (new) nor "mọi" (all): the o carries a tilde.
bool Scanner::IsMoi(std::size_t p) const {
  if (p + 3 > f_.size() || f_.substr(p, 3) != "moi") return false;
  std::size_t len = 0;
  const char32_t o = text::DecodeAt(text_, ft_.Orig(p + 1), &len);
  return o == U'\u1ED7' || o == U'\u1ED6';  // ỗ Ỗ
}

// A document symbol starting at p: "749/qd-ttg", "35-nq/tw", "01/2023/qd-ubnd" (a '/' or '-'
// followed somewhere by a letter). Its end, else kNo.
std::size_t Scanner::SymbolEnd(std::size_t p) const {
  std::size_t i = p;
  bool sep = false, letter = false;
  while (i < f_.size()) {
    const char c = f_[i];
    if (c == '/' || c == '-') {
      sep = true;
    } else if (c >= 'a' && c <= 'z') {
      if (sep) letter = true;
    } else if (!IsDigit(c) && !(c == '.' && i + 1 < f_.size() && IsAlnum(f_[i + 1]))) {
      break;
    }
    ++i;
  }
  return sep && letter ? i : kNo;
}

// The end of the clause from p: after the first ';', ':', '.' before a blank, or blank line;
// at most `limit` bytes on.
std::size_t Scanner::ClauseEnd(std::size_t p, std::size_t limit) const {
  const std::size_t stop = std::min(f_.size(), p + limit);
  for (std::size_t i = p; i < stop; ++i) {
    const char c = f_[i];
    if (c == ';' || c == '|') return i + 1;
    if ((c == '.' || c == ':') && (i + 1 >= f_.size() || IsBlank(f_[i + 1]))) return i + 1;
    if (c == '\n' && i + 1 < f_.size() && f_[i + 1] == '\n') return i + 1;
  }
  return stop;
}

// ---- output ----------------------------------------------------------------------------------

std::string Scanner::Original(std::size_t b, std::size_t e) const {
  const std::string_view raw = text_.substr(ft_.Orig(b), ft_.Orig(e) - ft_.Orig(b));
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (IsBlank(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void Scanner::Emit(std::size_t b, std::size_t e, std::string_view kind, std::string start,
                   std::string date, std::string rrule, std::string event) {
  // Keep the phrase short: cut a long tail (an anchor or a name) at a word boundary.
  while (ft_.Orig(e) - ft_.Orig(b) > 80) {
    std::size_t k = e - 1;
    while (k > b && !IsBlank(f_[k])) --k;
    while (k > b && IsBlank(f_[k - 1])) --k;
    if (k <= b) break;
    e = k;
  }
  TimeExpr t;
  t.text = Original(b, e);
  t.kind = std::string(kind);
  t.start = std::move(start);
  t.date = std::move(date);
  t.rrule = std::move(rrule);
  t.event = std::move(event);
  t.span = {ft_.Orig(b), ft_.Orig(e)};
  out_.push_back(std::move(t));
}

void Scanner::Warn(std::size_t b, std::size_t e) {
  if (warnings_ == nullptr) return;
  warnings_->push_back({"invalid-date",
                        "no such day: \"" + Original(b, e) + "\"; not read as a deadline",
                        {ft_.Orig(b), ft_.Orig(e)}});
}

}  // namespace
}  // namespace times_internal

std::vector<TimeExpr> ExtractTimes(std::string_view text, const text::FoldedText& folded,
                                   std::string_view doc_date, std::vector<Warning>* warnings) {
  std::optional<calendar::Date> doc;
  if (auto d = calendar::ParseIso(doc_date); d.ok()) doc = d.value();
  return times_internal::Scanner(text, folded, doc, warnings).Run();
}

std::vector<TimeExpr> ExtractTimes(std::string_view text, std::string_view doc_date,
                                   std::vector<Warning>* warnings) {
  const text::FoldedText folded = text::FoldMapped(text);
  return ExtractTimes(text, folded, doc_date, warnings);
}

std::vector<TimeExpr> ExtractTimes(std::string_view text, std::string_view doc_date) {
  return ExtractTimes(text, doc_date, nullptr);
}

}  // namespace dondoc::parse
