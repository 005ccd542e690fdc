// Tested by dates_test.cc.
#include "parse/dates.h"

#include <cstdio>

namespace dondoc::parse {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

std::size_t Skip(std::string_view s, std::size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// Reads 1..max digits at i; returns the count read (0 when none) and the value.
std::size_t Digits(std::string_view s, std::size_t i, std::size_t max, int* value) {
  std::size_t n = 0;
  *value = 0;
  while (i + n < s.size() && IsDigit(s[i + n]) && n < max) {
    *value = *value * 10 + (s[i + n] - '0');
    ++n;
  }
  if (i + n < s.size() && IsDigit(s[i + n])) return 0;  // too many digits
  return n;
}

bool Word(std::string_view s, std::size_t i, std::string_view w) {
  return s.substr(i, w.size()) == w;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1945 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) max = 29;
  return day <= max;
}

std::string IsoDate(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<DateMatch> DateAt(std::string_view s, std::size_t pos) {
  DateMatch m;
  m.begin = pos;
  std::size_t i = pos;
  bool ngay = false;
  if (Word(s, i, "ngay")) {
    ngay = true;
    i = Skip(s, i + 4);
  }
  int d = 0, mo = 0, y = 0;
  std::size_t n = Digits(s, i, 2, &d);
  if (n == 0) return std::nullopt;
  i += n;
  const std::size_t after_day = i;
  std::size_t k = Skip(s, i);
  if (Word(s, k, "thang")) {  // ngày 05 tháng 3 năm 2020
    k = Skip(s, k + 5);
    n = Digits(s, k, 2, &mo);
    if (n == 0) return std::nullopt;
    // OCR splits a zero-padded month: "tháng 0 7 năm".
    if (n == 1 && mo == 0 && k + 2 < s.size() && s[k + 1] == ' ' && IsDigit(s[k + 2]) &&
        (k + 3 >= s.size() || !IsDigit(s[k + 3]))) {
      mo = s[k + 2] - '0';
      n = 3;
    }
    k = Skip(s, k + n);
    if (!Word(s, k, "nam")) return std::nullopt;
    k = Skip(s, k + 3);
    n = Digits(s, k, 4, &y);
    if (n != 4) return std::nullopt;
    m.end = k + 4;
    m.spelled = true;
  } else {
    i = after_day;
    if (i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.')) return std::nullopt;
    const char sep = s[i];
    n = Digits(s, i + 1, 2, &mo);
    if (n == 0) return std::nullopt;
    i += 1 + n;
    if (i >= s.size() || s[i] != sep) return std::nullopt;
    n = Digits(s, i + 1, 4, &y);
    if (n != 4) return std::nullopt;
    m.end = i + 1 + n;
    // "1/2020/QĐ-UBND" is a number, not a date: refuse a date glued to a symbol.
    if (m.end < s.size() && (s[m.end] == '/' || s[m.end] == '-')) return std::nullopt;
    if (!ngay && sep == '.' && d > 12 && mo > 12) return std::nullopt;
  }
  if (!IsValidDate(y, mo, d)) return std::nullopt;
  m.year = y, m.month = mo, m.day = d;
  return m;
}

std::optional<DateMatch> FindDate(std::string_view s, std::size_t from, std::size_t to) {
  if (to > s.size()) to = s.size();
  for (std::size_t i = from; i < to; ++i) {
    const bool word_start = i == 0 || !(IsDigit(s[i - 1]) || (s[i - 1] >= 'a' && s[i - 1] <= 'z'));
    if (!word_start) continue;
    if (s[i] != 'n' && !IsDigit(s[i])) continue;
    if (auto m = DateAt(s, i); m && m->end <= to) return m;
  }
  return std::nullopt;
}

}  // namespace dondoc::parse
