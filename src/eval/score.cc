// Tested by score_test.cc. See score.h for what each comparison forgives.
#include "eval/score.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "parse/symbol.h"
#include "text/fold.h"

namespace dondoc::eval {
namespace {

std::string Get(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

bool HasDigit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string DigitsPrefix(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  std::string d = s.substr(0, i);
  while (d.size() > 1 && d[0] == '0') d.erase(0, 1);
  return d;
}

// Drops a leading type name ("quyet dinh …") from words.
void DropType(std::vector<std::string>* w, const std::string& type_name) {
  const auto t = Words(type_name);
  if (t.empty() || w->size() < t.size()) return;
  if (std::equal(t.begin(), t.end(), w->begin())) w->erase(w->begin(), w->begin() + t.size());
}

}  // namespace

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text::Fold(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::optional<Gold> ParseGoldLine(const std::string& line) {
  const auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("file")) return std::nullopt;
  Gold g;
  g.file = Get(j, "file");
  g.source = Get(j, "source");
  g.code = Get(j, "code");
  g.number = Get(j, "number");
  g.type = Get(j, "type");
  g.date = Get(j, "date");
  g.issuer = Get(j, "issuer");
  g.title = Get(j, "title");
  if (j.contains("year") && j["year"].is_number_integer()) g.year = j["year"].get<int>();
  return g;
}

std::optional<bool> MatchNumber(const Document& d, const Gold& g) {
  if (!g.code.empty()) return parse::SymbolKey(d.number) == parse::SymbolKey(g.code);
  if (!g.number.empty()) {
    const std::string gd = DigitsPrefix(g.number);
    if (gd.empty()) return std::nullopt;
    return DigitsPrefix(d.number) == gd;
  }
  return std::nullopt;
}

std::optional<bool> MatchType(const Document& d, const Gold& g) {
  if (g.type.empty()) return std::nullopt;
  return Words(d.type_name) == Words(g.type);
}

std::optional<bool> MatchDate(const Document& d, const Gold& g) {
  if (g.date.empty()) return std::nullopt;
  return d.date == g.date;
}

std::optional<bool> MatchYear(const Document& d, const Gold& g) {
  if (g.year == 0) return std::nullopt;
  int year = 0;
  if (d.date.size() >= 4) {
    year = std::stoi(d.date.substr(0, 4));
  } else {
    // The number's year segment: "09/2017/NĐ-CP".
    const auto w = Words(d.number);
    if (w.size() >= 2 && w[1].size() == 4) {
      const int y = std::atoi(w[1].c_str());
      if (y >= 1945 && y <= 2099) year = y;
    }
  }
  return year == g.year;
}

std::optional<bool> MatchIssuer(const Document& d, const Gold& g) {
  if (g.issuer.empty()) return std::nullopt;
  if (!d.issuer) return false;
  static const std::map<std::string, std::string> kExpand = {
      {"ubnd", "uy ban nhan dan"}, {"hdnd", "hoi dong nhan dan"}, {"tp", "thanh pho"}};
  auto expand = [](const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) {
      const auto it = kExpand.find(x);
      s += " " + (it == kExpand.end() ? x : it->second);
    }
    return s + " ";
  };
  std::vector<std::string> gw = Words(g.issuer);
  static const std::vector<std::vector<std::string>> kTitles = {
      {"bo", "truong"}, {"cuc", "truong"}, {"chu", "tich"}, {"thu", "truong"}, {"giam", "doc"}};
  for (const auto& t : kTitles) {
    if (gw.size() > t.size() && std::equal(t.begin(), t.end(), gw.begin())) {
      gw.erase(gw.begin(), gw.begin() + t.size());
    }
  }
  const std::string gs = expand(gw);
  if (gs.size() <= 2) return false;
  // A sub-body's full name is its own name then its parent's ("Văn phòng" + "Ban Chấp hành
  // Trung ương"), often without the parent's kind ("Trung tâm …" + "thành phố Hà Nội").
  const std::string name = expand(Words(d.issuer->name));
  std::string parent = expand(Words(d.issuer->parent));
  std::string parent_place = parent;
  for (const char* kind : {" uy ban nhan dan ", " hoi dong nhan dan ", " ban chap hanh "}) {
    if (parent_place.rfind(kind, 0) == 0) parent_place = parent_place.substr(std::strlen(kind) - 1);
  }
  for (const std::string& c : {parent + name, name + parent, name + parent_place}) {
    std::string cs;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (!(c[i] == ' ' && !cs.empty() && cs.back() == ' ')) cs.push_back(c[i]);
    }
    if (cs.find(gs) != std::string::npos) return true;
  }
  return false;
}

// Abbreviations official titles use, written out, so "thuế GTGT" and the portal's "thuế giá
// trị gia tăng" compare as the same words (both sides are expanded).
void ExpandAbbreviations(std::vector<std::string>* words) {
  static const std::map<std::string, std::vector<std::string>> kExpansions = {
      {"gtgt", {"gia", "tri", "gia", "tang"}},      {"tncn", {"thu", "nhap", "ca", "nhan"}},
      {"tndn", {"thu", "nhap", "doanh", "nghiep"}}, {"ttdb", {"tieu", "thu", "dac", "biet"}},
      {"ubnd", {"uy", "ban", "nhan", "dan"}},       {"hdnd", {"hoi", "dong", "nhan", "dan"}},
      {"bhxh", {"bao", "hiem", "xa", "hoi"}},       {"bhyt", {"bao", "hiem", "y", "te"}},
  };
  std::vector<std::string> out;
  for (std::string& w : *words) {
    if (auto it = kExpansions.find(w); it != kExpansions.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    } else {
      out.push_back(std::move(w));
    }
  }
  *words = std::move(out);
}

// The title words compared, for either side: no words with digits, none of `code_words` among
// the first six (the gold's "Công văn 56/CT-CS …" spells its code), no "năm"/"số" before a
// number (a citation's "số 12/KH-UBND năm 2025"), no leading "về" (the portal's link between
// number and subject: "Công văn 56/CT-CS năm 2026 về chính sách …"), abbreviations written
// out.
std::vector<std::string> CleanTitleWords(const std::vector<std::string>& w,
                                         const std::vector<std::string>& code_words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (HasDigit(w[i])) continue;
    if (i < 6 && w[i].size() >= 2 &&
        std::find(code_words.begin(), code_words.end(), w[i]) != code_words.end()) {
      continue;
    }
    if ((w[i] == "nam" || w[i] == "so") && i + 1 < w.size() && HasDigit(w[i + 1])) continue;
    out.push_back(w[i]);
  }
  if (out.size() > 1 && out[0] == "ve") out.erase(out.begin());
  ExpandAbbreviations(&out);
  return out;
}

std::optional<bool> MatchTitle(const Document& d, const Gold& g) {
  if (g.title.empty()) return std::nullopt;
  std::vector<std::string> gw = Words(g.title);
  // Portal prefixes: "TOÀN VĂN: Nghị định …".
  if (gw.size() > 2 && gw[0] == "toan" && gw[1] == "van") gw.erase(gw.begin(), gw.begin() + 2);
  const bool telegram = (gw.size() > 2 && gw[0] == "cong" && gw[1] == "dien") ||
                        Words(g.type) == Words("Công điện") ||
                        Words(d.type_name) == Words("Công điện");
  DropType(&gw, g.type);
  DropType(&gw, d.type_name);
  // Drop the code's words, numbers, "năm <year>" and a trailing "do … ban hành".
  const auto code_words = Words(g.code.empty() ? d.number : g.code);
  // The portal's closing "do <issuer> ban hành", for a telegram (Công điện) "do <issuer> điện";
  // without "do", "<issuer> ban hành": the issuer's words (the gold's or ours) before it.
  const bool closing_ban_hanh = gw.size() >= 2 && gw[gw.size() - 2] == "ban" && gw.back() == "hanh";
  if (closing_ban_hanh || (!gw.empty() && gw.back() == "dien" && telegram)) {
    const auto it = std::find(gw.rbegin(), gw.rend(), "do");
    if (it != gw.rend()) {
      gw.erase(std::prev(it.base()), gw.end());
    } else if (closing_ban_hanh) {
      std::vector<std::string> issuer = Words(g.issuer);
      if (d.issuer) {
        for (std::string& w : Words(d.issuer->name)) issuer.push_back(std::move(w));
      }
      std::size_t end = gw.size() - 2;
      std::size_t begin = end;
      while (begin > 0 && std::find(issuer.begin(), issuer.end(), gw[begin - 1]) != issuer.end()) {
        --begin;
      }
      if (begin < end) gw.erase(gw.begin() + static_cast<std::ptrdiff_t>(begin), gw.end());
    }
  }
  const std::vector<std::string> gclean = CleanTitleWords(gw, code_words);
  if (gclean.empty()) return std::nullopt;
  std::vector<std::string> ow = Words(d.title);
  DropType(&ow, d.type_name);
  // Our words get the same cleaning (only the gold's carry the number's code words).
  const std::vector<std::string> oclean = CleanTitleWords(ow, {});
  if (oclean.empty()) return false;
  std::map<std::string, int> bag;
  for (const auto& w : oclean) ++bag[w];
  int common = 0;
  for (const auto& w : gclean) {
    if (bag[w] > 0) --bag[w], ++common;
  }
  const double recall = static_cast<double>(common) / static_cast<double>(gclean.size());
  const double precision = static_cast<double>(common) / static_cast<double>(oclean.size());
  // Published titles are often the portal's shorter paraphrase: all of its words in ours
  // allows a longer title of ours.
  return (recall >= 0.75 && precision >= 0.5) || (recall >= 0.99 && precision >= 0.4);
}

std::optional<bool> MatchTitleContained(const Document& d, const Gold& g) {
  const auto strict = MatchTitle(d, g);
  if (!strict || *strict) return strict;
  std::vector<std::string> ow = Words(d.title);
  DropType(&ow, d.type_name);
  if (!ow.empty() && ow[0] == "v" && ow.size() > 1 && ow[1] == "v")
    ow.erase(ow.begin(), ow.begin() + 2);
  if (ow.size() < 3) return false;
  static const std::vector<std::string> kDangling = {"cua",   "ve",  "cho", "voi", "va",
                                                     "thuoc", "tai", "mot", "cac"};
  if (std::find(kDangling.begin(), kDangling.end(), ow.back()) != kDangling.end()) return false;
  // Portals drop a citation's "số", "ngày …" and numbers: compare words without digits, and
  // allow a fifth of ours to be missing as long as the rest stands in order.
  std::vector<std::string> oc;
  for (const auto& w : ow) {
    if (!HasDigit(w)) oc.push_back(w);
  }
  const std::vector<std::string> gw = Words(g.title);
  std::size_t k = 0, matched = 0;
  for (const auto& w : gw) {
    for (std::size_t look = k; look < oc.size() && look < k + 6; ++look) {
      if (oc[look] == w) {
        matched += 1;
        k = look + 1;
        break;
      }
    }
  }
  return oc.size() >= 3 && matched * 5 >= oc.size() * 4;
}

}  // namespace dondoc::eval
