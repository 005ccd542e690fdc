// Tested by tasks_test.cc.
#include "parse/tasks.h"

namespace dondoc::parse {

std::vector<Task> ExtractTasks(std::string_view /*text*/, const Document& /*doc*/) { return {}; }

}  // namespace dondoc::parse
