#include "calendar/holidays.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "calendar/holidays_data.h"

namespace dondoc::calendar {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The special days of a year as "YYYY-MM-DD kind" lines, for readable comparisons.
std::string Render(const std::vector<SpecialDay>& days, int month_from = 1, int month_to = 12) {
  std::string out;
  for (const SpecialDay& d : days) {
    if (d.date.month < month_from || d.date.month > month_to) continue;
    const char* kind = d.kind == DayKind::kHoliday          ? "off"
                       : d.kind == DayKind::kCompensatory   ? "bu"
                       : d.kind == DayKind::kSwappedWorkday ? "work"
                                                            : "?";
    out += FormatIso(d.date) + " " + kind + "\n";
  }
  return out;
}

TEST(HolidayData, EmbeddedDataParsesAndMatchesTheFilesOnDisk) {
  const HolidayCalendar& cal = BuiltinHolidays();
  EXPECT_GE(cal.rules.size(), 13u);
  EXPECT_TRUE(HasOfficialSchedule(cal, 2025));
  EXPECT_TRUE(HasOfficialSchedule(cal, 2026));
  EXPECT_FALSE(HasOfficialSchedule(cal, 2030));
  for (const DataFile& f : internal::EmbeddedHolidayFiles()) {
    const std::string disk =
        ReadFile(std::string(DONDOC_SOURCE_DIR) + "/data/calendar/" + std::string(f.name));
    EXPECT_EQ(disk, f.text) << f.name << " changed on disk but was not re-embedded";
  }
}

TEST(HolidayData, SyntaxErrorsNameFileAndLine) {
  auto parse = [](std::string_view text) {
    const DataFile files[] = {{"t.txt", text}};
    return ParseHolidayData(files);
  };
  EXPECT_EQ(parse("format 2\n").error().code, "holiday_data_syntax");
  EXPECT_EQ(parse("# c\nbogus 1\n").error().message, "t.txt:2: unknown keyword \"bogus\"");
  EXPECT_EQ(parse("off tet 2025-01-25\n").error().code, "holiday_data_syntax");  // no year
  EXPECT_EQ(parse("rule x 2021- solar 02-30 0 1 X\n").error().code, "holiday_data_syntax");
  EXPECT_EQ(parse("rule x 2021- lunar 12-30 0 1 X\n").ok(), true);
  EXPECT_EQ(parse("rule x 2021- solar 01-01 adjacent 1 X\n").error().code, "holiday_data_syntax");
  EXPECT_EQ(parse("year 2025\noff nope 2025-01-01\n").error().code, "holiday_data_invalid");
  EXPECT_EQ(parse("year 2025\nwork 2025-04-28 Mon\n").error().code, "holiday_data_invalid");
  EXPECT_EQ(parse("year 2025\nextra 2025-05-02..2025-05-01 X\n").error().code,
            "holiday_data_invalid");
  EXPECT_EQ(parse("year 2025\nextra 2028-05-02 X\n").error().code, "holiday_data_invalid");
  auto ok = parse("format 1\nrule a 2021-2022 solar 04-30 0 1 Ngày Chiến thắng  # c\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().rules[0].name, "Ngày Chiến thắng");
  EXPECT_EQ(ok.value().rules[0].to_year, 2022);
}

TEST(HolidayPlan, Official2025) {
  const auto plan = PlanYear(BuiltinHolidays(), 2025);
  // Tết 25/1–2/2 (9 days).
  std::string tet;
  for (int d = 25; d <= 31; ++d) tet += FormatIso(Date{2025, 1, d}) + " off\n";
  tet += "2025-02-01 off\n2025-02-02 off\n";
  EXPECT_EQ(Render(plan, 1, 2), "2025-01-01 off\n" + tet);
  // Giỗ Tổ Mon 7/4; 30/4–4/5 with Sat 26/4 worked.
  EXPECT_EQ(Render(plan, 4, 5),
            "2025-04-07 off\n2025-04-26 work\n2025-04-30 off\n2025-05-01 off\n2025-05-02 off\n"
            "2025-05-03 off\n2025-05-04 off\n");
  EXPECT_EQ(Render(plan, 8, 12),
            "2025-08-30 off\n2025-08-31 off\n2025-09-01 off\n2025-09-02 off\n");  // no 24/11
}

TEST(HolidayPlan, Official2026) {
  const auto plan = PlanYear(BuiltinHolidays(), 2026);
  EXPECT_EQ(Render(plan, 1, 1), "2026-01-01 off\n");
  std::string tet;
  for (int d = 14; d <= 22; ++d) tet += FormatIso(Date{2026, 2, d}) + " off\n";
  EXPECT_EQ(Render(plan, 2, 2), tet);
  EXPECT_EQ(Render(plan, 4, 5), "2026-04-26 off\n2026-04-27 off\n2026-04-30 off\n2026-05-01 off\n");
  EXPECT_EQ(Render(plan, 9, 12), "2026-09-01 off\n2026-09-02 off\n2026-11-24 off\n");
  for (const SpecialDay& d : plan) {
    if (d.date == Date{2026, 11, 24}) {
      EXPECT_EQ(d.name, "Ngày Văn hóa Việt Nam");
      EXPECT_FALSE(d.official);
    }
  }
}

TEST(HolidayPlan, DefaultsWithNghiBu2023) {
  // 2023 has no schedule file: the rules' defaults. Tết 2023 (mùng 1 = Sun 22/1): 21/1 (Sat,
  // 30 Tết) … 25/1, with nghỉ bù for Sat 21/1 and Sun 22/1 on Thu 26/1 and Fri 27/1.
  // Giỗ Tổ Sat 29/4 → Tue 2/5 (Mon 1/5 is a holiday); 30/4 Sun → Wed 3/5 [S tienphong].
  // Quốc khánh Sat 2/9 + Fri 1/9 → nghỉ bù Mon 4/9.
  const auto plan = PlanYear(BuiltinHolidays(), 2023);
  EXPECT_EQ(Render(plan, 1, 1),
            "2023-01-01 off\n2023-01-02 bu\n2023-01-21 off\n2023-01-22 off\n2023-01-23 off\n"
            "2023-01-24 off\n2023-01-25 off\n2023-01-26 bu\n2023-01-27 bu\n");
  EXPECT_EQ(Render(plan, 4, 5),
            "2023-04-29 off\n2023-04-30 off\n2023-05-01 off\n2023-05-02 bu\n2023-05-03 bu\n");
  EXPECT_EQ(Render(plan, 9, 9), "2023-09-01 off\n2023-09-02 off\n2023-09-04 bu\n");
}

TEST(HolidayPlan, CultureDayOnlyFrom2026) {
  const auto has = [](int year) {
    for (const SpecialDay& d : PlanYear(BuiltinHolidays(), year)) {
      if (d.date == Date{year, 11, 24}) return true;
    }
    return false;
  };
  EXPECT_FALSE(has(2025));
  EXPECT_TRUE(has(2026));
  EXPECT_TRUE(has(2027));
}

TEST(HolidayPlan, DefaultTetIsLastDayPlusFourDays) {
  // 2030 (no schedule): mùng 1 = Sat 2/2/2030 → 1/2 (Fri) … 5/2 (Tue), nghỉ bù for Sat 2/2 and
  // Sun 3/2 on Wed 6/2 and Thu 7/2.
  EXPECT_EQ(Render(PlanYear(BuiltinHolidays(), 2030), 2, 2),
            "2030-02-01 off\n2030-02-02 off\n2030-02-03 off\n2030-02-04 off\n2030-02-05 off\n"
            "2030-02-06 bu\n2030-02-07 bu\n");
}

}  // namespace
}  // namespace dondoc::calendar
