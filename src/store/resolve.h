// Which stored document a reference points to: the pure decision, with no SQL, so the rules
// can be tested case by case. Tested by resolve_test.cc; used by sqlite_graph.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::store {

// Resolution states, as stored in refs.status.
inline constexpr const char* kResolved = "resolved";
inline constexpr const char* kPending = "pending";      // nothing stored fits (yet)
inline constexpr const char* kAmbiguous = "ambiguous";  // several stored documents fit

// A stored document with the reference's number key, as one graph node (copies merged).
struct Candidate {
  std::int64_t node = 0;
  std::string date;    // ISO or ""
  std::string issuer;  // issuer, parent and place as stored, joined by spaces
};

// What the citing text says about the cited document.
struct RefFacts {
  std::string date;         // ISO, or a year "2018", or ""
  std::string issuer;       // "UBND tỉnh Đồng Nai", "Bộ Chính trị", or ""
  std::string citing_date;  // the citing document's date: what it cites is not newer
  std::int64_t citing_node = 0;
};

struct Resolution {
  const char* status = kPending;
  std::optional<std::int64_t> target;
  int candidates = 0;  // how many nodes still fit (≥ 2 when ambiguous)
  // No document arriving later can change status or target: ambiguous, and either the
  // reference names no issuer or at least two candidates match its issuer fully (rule 3's
  // preferred ones). More candidates only add to the ambiguity.
  bool settled = false;
};

// Rules, in order (candidates are already those with the same parse::SymbolKey):
// 1. The citing document itself is never a candidate (a document repeats its own number).
// 2. A date in the reference must equal the candidate's (a year: its year) — this separates
//    Party numbers repeated across terms. Without one, a candidate dated after the citing
//    document is dropped.
// 3. An issuer in the reference drops candidates it conflicts with: when it names a place
//    ("UBND tỉnh Đồng Nai") the candidate's issuer/place must name it too — this separates
//    98/2025/QĐ-UBND of different provinces. When several candidates remain, those whose
//    issuer contains every word of the reference's are preferred.
// 4. One left: resolved; none: pending; more: ambiguous, never a guess.
Resolution Resolve(const RefFacts& ref, const std::vector<Candidate>& candidates);

// What Link knows of a document arriving as a new node (not a copy): its node id, date and
// IssuerWords of its issuer, parent and place (as Candidate::issuer holds them).
struct Arrival {
  std::int64_t node = 0;
  std::string date;
  std::vector<std::string> issuer_words;
};

// Whether `a`, added to the candidates of a reference that is not settled, can change the
// reference's status or target. False when `a` fails rule 1, 2 or the place of rule 3 (it
// would not be among the candidates that fit), or when the reference is ambiguous and `a`
// does not match its issuer fully (ambiguous and not settled means no candidate does: `a`
// only adds to the ambiguity). Exactly: when this is false, Resolve with `a` added gives the
// status, target and settled it gave without it (resolve_test checks it over generated
// cases), so Link re-resolves only the references for which it is true.
bool MayChange(const RefFacts& ref, bool ambiguous, const Arrival& a);

// A key under which two stored copies of one document (the same law from two sources) meet:
// number key and date; "" when either is missing (then a document is only ever its own
// node). Documents with the same key are copies unless SameIssuer says they cannot be.
std::string CopyKey(std::string_view number_key, std::string_view date);

// Whether two issuers (issuer and parent as stored) may be the same body: false only when
// both name a place and the places differ ("UBND tỉnh Bình Sơn" / "UBND tỉnh Đồng Nai").
// A garbled issuer from a scan ("PAGE 1", "CHINH PHU CONG HOA …") never rules a copy out.
bool SameIssuer(std::string_view a, std::string_view b);

// The issuer as folded words with the usual abbreviations written out (UBND → uy ban nhan
// dan, HĐND, TW, TP., …), for comparing issuers written differently.
std::vector<std::string> IssuerWords(std::string_view issuer);

}  // namespace dondoc::store
