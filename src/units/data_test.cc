#include "units/data.h"

#include <gtest/gtest.h>

namespace dondoc::units {
namespace {

Result<UnitData> Parse(std::string_view text) {
  DataFile file{"t.txt", text};
  return ParseUnitData(std::span<const DataFile>(&file, 1));
}

TEST(UnitData, ParsesUnitsAbbreviationsPlaces) {
  Result<UnitData> d = Parse(
      "# comment\nformat 1\n"
      "unit so-a | so | province | Sở A | SA; Sở A cũ;  | | |\n"
      "unit so-b | so | province | Sở B#1 | | 2020-01-01 | 2025-03-01 | merge so-a; NĐ 1/2025  # "
      "x\n"
      "abbr SA = Sở A\n"
      "place Lạc Thủy | Lac Thuy | province | 2025-07-01 | Bình Sơn\n");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d.value().units.size(), 2u);
  const UnitEntry& b = d.value().units[1];
  EXPECT_EQ(d.value().units[0].aliases, (std::vector<std::string>{"SA", "Sở A cũ"}));
  EXPECT_EQ(b.canonical, "Sở B#1");  // '#' only starts a comment after a space
  EXPECT_EQ(b.change, Change::kMerge);
  EXPECT_EQ(b.successors, (std::vector<std::string>{"so-a"}));
  EXPECT_EQ(b.basis, "NĐ 1/2025");
  EXPECT_EQ(d.value().abbreviations[0].expansion, "Sở A");
  EXPECT_EQ(d.value().places[0].merged_into, "Bình Sơn");
  EXPECT_FALSE(d.value().places[0].city);
}

TEST(UnitData, Errors) {
  EXPECT_FALSE(Parse("unit a | so | province | A | | | |\n").ok());  // no format line
  EXPECT_FALSE(Parse("format 2\n").ok());
  EXPECT_FALSE(Parse("format 1\nunit A | so | province | A | | | |\n").ok());  // bad id
  EXPECT_FALSE(Parse("format 1\nunit a | so | province | A | | |\n").ok());    // 7 fields
  EXPECT_FALSE(Parse("format 1\nunit a | so | nowhere | A | | | |\n").ok());
  EXPECT_FALSE(Parse("format 1\nunit a | so | province | A | | 2025-3-1 | |\n").ok());
  EXPECT_FALSE(Parse("format 1\nunit a | so | province | A | | | 2025-03-01 |\n").ok());
  EXPECT_FALSE(Parse("format 1\nunit a | so | province | A | | | 2025-03-01 | merge zz\n").ok());
  EXPECT_FALSE(Parse("format 1\nunit a | so | province | A | | | |\n"
                     "unit a | so | province | B | | | |\n")
                   .ok());
  Result<UnitData> e = Parse("format 1\n\nbogus line\n");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "t.txt:3: unknown record 'bogus'");
}

}  // namespace
}  // namespace dondoc::units
