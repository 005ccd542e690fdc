#include "parse/header.h"

namespace dondoc::parse {

Header ExtractHeader(std::string_view /*text*/) { return {}; }

}  // namespace dondoc::parse
