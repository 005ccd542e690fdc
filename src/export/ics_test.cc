// Tests ics.h: folding at every boundary with Vietnamese text, escaping, and a round trip over a
// whole calendar (every line ≤ 75 octets, valid UTF-8, CRLF, unfolds to the original).
#include "export/ics.h"

#include <gtest/gtest.h>

#include "track/test_util.h"

namespace dondoc::exports {
namespace {

using track::fixtures::D;

// True when `s` is complete, well-formed UTF-8 (no sequence cut at either end).
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t p = 0;
  while (p < text.size()) {
    const std::size_t e = text.find("\r\n", p);
    if (e == std::string::npos) {
      lines.push_back(text.substr(p));  // unterminated: the caller checks for this
      break;
    }
    lines.push_back(text.substr(p, e - p));
    p = e + 2;
  }
  return lines;
}

// Checks every physical line and returns the logical lines.
std::vector<std::string> Unfold(const std::string& text) {
  EXPECT_TRUE(text.size() >= 2 && text.substr(text.size() - 2) == "\r\n");
  std::vector<std::string> logical;
  for (const std::string& line : Split(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    if (!line.empty() && line[0] == ' ') {
      EXPECT_FALSE(logical.empty());
      EXPECT_TRUE(ValidUtf8(line.substr(1))) << line;
      logical.back() += line.substr(1);
    } else {
      EXPECT_TRUE(ValidUtf8(line)) << line;
      logical.push_back(line);
    }
  }
  return logical;
}

TEST(Ics, FoldingNeverSplitsAUtf8SequenceAtAnyBoundary) {
  // "ệ" is 3 bytes, "đ" 2, "ồ" 3; shift the text by 0..80 ASCII bytes so every byte of every
  // sequence lands on the 75th octet (and the 74th of continuation lines) at some shift.
  const std::string vi =
      "Tổ chức triển khai thực hiện đồng bộ các nhiệm vụ chuyển đổi số, bảo đảm an toàn thông tin "
      "mạng; đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước — ệệệệệ "
      "đđđđđ ồồồồồ 𝔸𝔸𝔸";
  for (std::size_t shift = 0; shift <= 80; ++shift) {
    const std::string line = "SUMMARY:" + std::string(shift, 'x') + vi;
    const std::string folded = FoldLine(line);
    const std::vector<std::string> logical = Unfold(folded + "\r\n");
    ASSERT_EQ(logical.size(), 1u) << shift;
    EXPECT_EQ(logical[0], line) << shift;
  }
}

TEST(Ics, FoldingBoundaries) {
  EXPECT_EQ(FoldLine(std::string(75, 'a')), std::string(75, 'a'));
  EXPECT_EQ(FoldLine(std::string(76, 'a')), std::string(75, 'a') + "\r\n a");
  // A 3-byte letter straddling octet 75 moves whole to the next line.
  const std::string line = std::string(73, 'a') + "ệ";  // 76 octets
  EXPECT_EQ(FoldLine(line), std::string(73, 'a') + "\r\n ệ");
  // Continuation lines carry 74 octets after the space.
  const std::string two = FoldLine(std::string(75 + 74 + 1, 'b'));
  EXPECT_EQ(two, std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n b");
}

TEST(Ics, Escaping) {
  EXPECT_EQ(EscapeText("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(EscapeText("Sở TT&TT: \"báo cáo\""), "Sở TT&TT: \"báo cáo\"");
}

TEST(Ics, UtcStamp) {
  EXPECT_EQ(UtcStamp(0), "19700101T000000Z");
  EXPECT_EQ(UtcStamp(1774836900), "20260330T021500Z");
}

TEST(Ics, WholeCalendarRoundTrips) {
  track::TrackedTask t =
      track::fixtures::Recurring(7, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20", D(2026, 1, 1));
  t.action =
      "Báo cáo định kỳ hằng quý về tình hình thực hiện chuyển đổi số, an toàn thông tin; "
      "gửi Sở Thông tin và Truyền thông tổng hợp";
  track::TrackedTask once = track::fixtures::OneOff(8, D(2026, 4, 30));
  auto items = DueItems({t, once}, {}, {D(2026, 1, 1), D(2026, 12, 31)}, D(2026, 1, 2), "so-tttt");
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items.value().size(), 5u);
  IcsCalendar cal{"Nhiệm vụ — Sở Thông tin và Truyền thông", 1774836900, false, items.value()};
  const std::string text = WriteIcs(cal);
  const std::vector<std::string> lines = Unfold(text);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  int events = 0;
  std::vector<std::string> uids;
  for (const std::string& l : lines) {
    if (l == "BEGIN:VEVENT") ++events;
    if (l.starts_with("UID:")) uids.push_back(l);
  }
  EXPECT_EQ(events, 5);
  EXPECT_EQ(uids[0], "UID:task-7-20260320@dondoc");
  // 30/4/2026 is a holiday: the all-day event sits on the rolled due date, 4/5.
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTSTART;VALUE=DATE:20260504"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTEND;VALUE=DATE:20260505"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTSTAMP:20260330T021500Z"), lines.end());
  const std::string summary = "SUMMARY:" + EscapeText(t.action);
  EXPECT_NE(std::find(lines.begin(), lines.end(), summary), lines.end());
  // Stable: the same input gives the same bytes.
  EXPECT_EQ(WriteIcs(cal), text);
  // Todos.
  cal.todos = true;
  const std::vector<std::string> todo = Unfold(WriteIcs(cal));
  EXPECT_NE(std::find(todo.begin(), todo.end(), "BEGIN:VTODO"), todo.end());
  EXPECT_NE(std::find(todo.begin(), todo.end(), "STATUS:NEEDS-ACTION"), todo.end());
}

TEST(Ics, OtherUnitsTasksAreLeftOut) {
  auto items = DueItems({track::fixtures::OneOff(1, D(2026, 3, 31), "so-yte")}, {},
                        {D(2026, 1, 1), D(2026, 12, 31)}, D(2026, 1, 2), "so-tttt");
  ASSERT_TRUE(items.ok());
  EXPECT_TRUE(items.value().empty());
}

}  // namespace
}  // namespace dondoc::exports
