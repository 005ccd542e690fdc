// Tested through header_test.cc and header_title_test.cc. See header_lines.h.
#include "parse/header_lines.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.h"

namespace dondoc::parse::header_lines {

void CountCase(std::string_view s, int* upper, int* lower) {
  *upper = *lower = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t cp = text::DecodeAt(s, i, &len);
    if (u_isupper(static_cast<UChar32>(cp))) ++*upper;
    if (u_islower(static_cast<UChar32>(cp))) ++*lower;
    i += len;
  }
}

bool MostlyUpper(std::string_view s) {
  int up, low;
  CountCase(s, &up, &low);
  return up >= 2 && low * 10 <= up;
}

std::size_t PhraseAt(std::string_view f, std::size_t pos, std::string_view phrase) {
  if (pos > 0 && IsAlnum(f[pos - 1])) return std::string_view::npos;
  std::size_t i = pos, k = 0;
  while (k < phrase.size()) {
    if (phrase[k] == ' ') {
      const std::size_t start = i;
      while (i < f.size() && !IsAlnum(f[i]) && i - start < 8) ++i;
      if (i == start) return std::string_view::npos;
      ++k;
      continue;
    }
    if (i >= f.size() || f[i] != phrase[k]) return std::string_view::npos;
    ++i, ++k;
  }
  if (i < f.size() && IsAlnum(f[i])) return std::string_view::npos;
  return i;
}

std::size_t FindPhrase(std::string_view f, std::string_view phrase, std::size_t from,
                       std::size_t to) {
  to = std::min(to, f.size());
  for (std::size_t i = f.find(phrase[0], from); i < to; i = f.find(phrase[0], i + 1)) {
    if (PhraseAt(f, i, phrase) != std::string_view::npos) return i;
  }
  return std::string_view::npos;
}

std::string Trim(std::string s, std::string_view chars) {
  const auto b = s.find_first_not_of(chars);
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

bool IsMottoLine(std::string_view f) {
  // A motto split across lines ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM") shows its halves;
  // only a line that starts with it counts ("… ĐẢNG CỘNG SẢN VIỆT NAM" ends many titles).
  return StartsWith(f, "cong hoa") || StartsWith(f, "hoi chu nghia") ||
         StartsWith(f, "dang cong san") || f == "viet nam" ||
         FindPhrase(f, "doc lap tu do") != std::string_view::npos ||
         FindPhrase(f, "tu do hanh phuc") != std::string_view::npos;
}

bool IsTitleStop(std::string_view f) {
  static constexpr std::string_view kStops[] = {
      "can cu",      "kinh gui",  "xet de nghi", "xet to trinh", "theo de nghi",
      "dieu 1",      "chuong i",  "phan i",      "quyet dinh:",  "quyet nghi",
      "noi nhan",    "trich yeu", "i.",          "i -",          "i-",
      "loi noi dau",  // a constitution's preamble heading
  };
  for (std::string_view s : kStops) {
    if (StartsWith(f, s)) return true;
  }
  return false;
}

bool IsAuthorityLine(std::string_view f) {
  static constexpr std::string_view kHeads[] = {
      "uy ban nhan dan", "hoi dong nhan dan", "chu tich ",     "bo truong ",
      "thu tuong ",      "cuc truong ",       "giam doc ",     "ban chap hanh",
      "ban thuong vu",   "bo chinh tri",      "ban bi thu",    "tong cuc truong",
      "chanh van phong", "uy ban thuong vu",  "tong giam doc",
  };
  for (std::string_view s : kHeads) {
    if (StartsWith(f, s)) return true;
  }
  // "QUỐC HỘI" / "CHÍNH PHỦ" alone, or "QUỐC HỘI NƯỚC …", "QUỐC HỘI KHÓA …": not "QUỐC HỘI VÀ …"
  // inside a law's title.
  return f == "quoc hoi" || f == "chinh phu" || StartsWith(f, "quoc hoi nuoc") ||
         StartsWith(f, "quoc hoi khoa");
}

bool IsSoVowel(const Line& line, std::size_t fpos) {
  if (fpos + 1 >= line.f.folded.size()) return true;
  std::size_t len;
  const char32_t v = text::DecodeAt(line.h->text, line.f.offsets[fpos + 1], &len);
  return !(v == U'ở' || v == U'Ở' || v == U'ơ' || v == U'Ơ' || v == U'ờ' || v == U'Ờ' ||
           v == U'ớ' || v == U'Ớ' || v == U'ợ' || v == U'Ợ' || v == U'ỡ' || v == U'Ỡ');
}

}  // namespace dondoc::parse::header_lines
