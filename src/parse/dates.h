// Calendar-date scanner over folded text ("ngay 05 thang 3 nam 2020", "19/3/2019",
// "10-7-2019"). Tested by dates_test.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::parse {

struct DateMatch {
  int year = 0, month = 0, day = 0;
  std::size_t begin = 0, end = 0;  // offsets in the scanned (folded) string
  bool spelled = false;            // the "ngày … tháng … năm …" form
};

bool IsValidDate(int year, int month, int day);
std::string IsoDate(int year, int month, int day);

// Parses a date starting exactly at folded[pos]: "ngay 05 thang 3 nam 2020" (any white space,
// including line breaks, between the parts; "ngay" optional), "ngay 19/3/2019", "19/3/2019",
// "10-7-2019", "10.7.2019". Returns nullopt for anything else, including impossible dates
// (32/13/2025). Years must be 1945–2099.
std::optional<DateMatch> DateAt(std::string_view folded, std::size_t pos);

// The first date in folded[from, to) that DateAt accepts at a word start.
std::optional<DateMatch> FindDate(std::string_view folded, std::size_t from, std::size_t to);

}  // namespace dondoc::parse
