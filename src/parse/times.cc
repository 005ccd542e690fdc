// Tested by times_test.cc.
#include "parse/times.h"

namespace dondoc::parse {

std::vector<TimeExpr> ExtractTimes(std::string_view /*text*/, std::string_view /*doc_date*/) {
  return {};
}

}  // namespace dondoc::parse
