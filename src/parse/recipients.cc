// Tested by recipients_test.cc.
#include "parse/recipients.h"

namespace dondoc::parse {

std::vector<Recipient> ExtractRecipients(std::string_view /*text*/) { return {}; }

}  // namespace dondoc::parse
