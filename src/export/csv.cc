// Tested by csv_test.cc.
#include "export/csv.h"

namespace dondoc::exports {
namespace {

void Row(std::string* out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) *out += ',';
    *out += CsvField(fields[i]);
  }
  *out += "\r\n";
}

std::string DateText(const std::optional<calendar::Date>& d) {
  return d ? calendar::FormatVn(*d) : std::string();
}

}  // namespace

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string WriteTaskCsv(const std::vector<TaskRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  Row(&out, TaskColumns());
  for (const TaskRow& r : rows) {
    Row(&out,
        {std::to_string(r.number), std::to_string(r.task_id), std::to_string(r.plan_id), r.action,
         r.lead, r.coordinate, r.due_text, DateText(r.due), r.status, DateText(r.done_on)});
  }
  return out;
}

}  // namespace dondoc::exports
