// Tested by reporting_test.cc.
#include "parse/reporting.h"

namespace dondoc::parse {

std::vector<Reporting> ExtractReporting(std::string_view /*text*/, const Document& /*doc*/) {
  return {};
}

}  // namespace dondoc::parse
