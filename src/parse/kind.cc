// Tested by kind_test.cc.
#include "parse/kind.h"

namespace dondoc::parse {

std::string ClassifyKind(std::string_view /*text*/, const Header& h, bool has_signers,
                         bool has_recipients) {
  int score = 0;
  score += (h.national_motto || h.party_header) ? 1 : 0;
  score += !h.number.empty() ? 1 : 0;
  score += !h.date.empty() ? 1 : 0;
  score += !h.type_name.empty() ? 1 : 0;
  score += has_signers ? 1 : 0;
  score += has_recipients ? 1 : 0;
  if (score >= 2) return "official";
  return "unknown";
}

}  // namespace dondoc::parse
