// Tested by resolve_test.cc.
//
// Issuer comparison (rule 3) works on folded words with abbreviations written out, because
// the same body is written "UBND tỉnh Bình Sơn", "Ủy ban nhân dân tỉnh Bình Sơn" and
// "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN". A place is what follows an administrative word (tỉnh,
// thành phố, huyện, quận, thị xã, xã, phường, or the Party's tỉnh ủy / thành ủy / huyện ủy).
// An issuer without a place ("Bộ Chính trị", "Thủ tướng Chính phủ") never conflicts: the
// stored document may be headed by another body of the same institution (a Bộ Chính trị
// resolution is headed "BAN CHẤP HÀNH TRUNG ƯƠNG").
#include "store/resolve.h"

#include <algorithm>
#include <map>
#include <set>

#include "text/fold.h"

namespace dondoc::store {
namespace {

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  std::string w;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// Abbreviations written out, folded.
const std::map<std::string, std::vector<std::string>>& Expansions() {
  static const std::map<std::string, std::vector<std::string>> kMap = {
      {"ubnd", {"uy", "ban", "nhan", "dan"}},
      {"hdnd", {"hoi", "dong", "nhan", "dan"}},
      {"tw", {"trung", "uong"}},
      {"tu", {"tinh", "uy"}},
      {"tp", {"thanh", "pho"}},
      {"ttg", {"thu", "tuong"}},
      {"cp", {"chinh", "phu"}},
      {"mttq", {"mat", "tran", "to", "quoc"}},
  };
  return kMap;
}

// The words after the first administrative word: the place an issuer belongs to.
std::vector<std::string> PlaceWords(const std::vector<std::string>& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::size_t skip = 0;
    // quận / xã / phường only right after the body's name ("ủy ban nhân dân xã …", "đảng ủy
    // phường …"): elsewhere they are ordinary words ("xã hội", "quân sự", "cơ quan").
    const bool after_body = i == 0 || w[i - 1] == "dan" || w[i - 1] == "uy";
    if (w[i] == "tinh" || w[i] == "huyen" ||
        (after_body && (w[i] == "quan" || w[i] == "xa" || w[i] == "phuong"))) {
      skip = 1;
    }
    if (i + 1 < w.size() &&
        ((w[i] == "thanh" && w[i + 1] == "pho") || (w[i] == "thi" && w[i + 1] == "xa"))) {
      skip = 2;
    }
    if (skip == 0) continue;
    std::size_t j = i + skip;
    if (j < w.size() && w[j] == "uy") ++j;  // tỉnh ủy Bình Sơn
    return {w.begin() + static_cast<std::ptrdiff_t>(j), w.end()};
  }
  return {};
}

bool ContainsAll(const std::vector<std::string>& have, const std::vector<std::string>& need) {
  const std::set<std::string> h(have.begin(), have.end());
  return std::all_of(need.begin(), need.end(), [&](const std::string& x) { return h.count(x); });
}

bool DateFits(const std::string& ref_date, const std::string& date) {
  if (ref_date.size() == 4) return date.compare(0, 4, ref_date) == 0;
  return date == ref_date;
}

}  // namespace

std::vector<std::string> IssuerWords(std::string_view issuer) {
  std::vector<std::string> out;
  for (std::string& w : Words(text::Fold(issuer))) {
    auto e = Expansions().find(w);
    if (e == Expansions().end()) {
      out.push_back(std::move(w));
    } else {
      out.insert(out.end(), e->second.begin(), e->second.end());
    }
  }
  return out;
}

std::string CopyKey(std::string_view number_key, std::string_view date) {
  if (number_key.empty() || date.empty()) return "";
  return std::string(number_key) + "|" + std::string(date);
}

bool SameIssuer(std::string_view a, std::string_view b) {
  const std::vector<std::string> pa = PlaceWords(IssuerWords(a));
  const std::vector<std::string> pb = PlaceWords(IssuerWords(b));
  return pa.empty() || pb.empty() || pa == pb;
}

Resolution Resolve(const RefFacts& ref, const std::vector<Candidate>& candidates) {
  // Rules 1 and 2; copies of one node arrive as separate candidates and are merged here.
  std::map<std::int64_t, const Candidate*> fit;
  for (const Candidate& c : candidates) {
    if (c.node == ref.citing_node) continue;
    if (!ref.date.empty()) {
      if (!DateFits(ref.date, c.date)) continue;
    } else if (!ref.citing_date.empty() && !c.date.empty() && c.date > ref.citing_date) {
      continue;
    }
    fit.emplace(c.node, &c);
  }
  // Rule 3.
  bool by_preference = false;
  if (!ref.issuer.empty() && !fit.empty()) {
    const std::vector<std::string> want = IssuerWords(ref.issuer);
    const std::vector<std::string> place = PlaceWords(want);
    std::map<std::int64_t, const Candidate*> kept, preferred;
    for (const auto& [node, c] : fit) {
      const std::vector<std::string> have = IssuerWords(c->issuer);
      if (!place.empty() && !ContainsAll(have, place)) continue;
      kept.emplace(node, c);
      if (ContainsAll(have, want)) preferred.emplace(node, c);
    }
    by_preference = kept.size() > 1 && !preferred.empty();
    fit = by_preference ? preferred : kept;
  }
  Resolution r;
  r.candidates = static_cast<int>(fit.size());
  if (fit.size() == 1) {
    r.status = kResolved;
    r.target = fit.begin()->first;
  } else if (fit.size() > 1) {
    r.status = kAmbiguous;
    // Later candidates grow `kept`, and `preferred` once it has two stays ambiguous.
    r.settled = ref.issuer.empty() || by_preference;
  }
  return r;
}

bool MayChange(const RefFacts& ref, bool ambiguous, const Arrival& a) {
  if (a.node == ref.citing_node) return false;
  if (!ref.date.empty()) {
    if (!DateFits(ref.date, a.date)) return false;
  } else if (!ref.citing_date.empty() && !a.date.empty() && a.date > ref.citing_date) {
    return false;
  }
  if (ref.issuer.empty()) return !ambiguous;
  const std::vector<std::string> want = IssuerWords(ref.issuer);
  const std::vector<std::string> place = PlaceWords(want);
  if (!place.empty() && !ContainsAll(a.issuer_words, place)) return false;
  return !ambiguous || ContainsAll(a.issuer_words, want);
}

}  // namespace dondoc::store
