// Tested by csv_test.cc and xlsx_test.cc.
#include "export/rows.h"

#include "track/compile.h"
#include "track/labels.h"

namespace dondoc::exports {

const std::vector<std::string>& TaskColumns() {
  static const std::vector<std::string> kColumns{"STT",
                                                 "Mã",
                                                 "Kế hoạch",
                                                 "Nội dung nhiệm vụ",
                                                 "Đơn vị chủ trì",
                                                 "Đơn vị phối hợp",
                                                 "Thời hạn",
                                                 "Hạn (ngày)",
                                                 "Tình trạng",
                                                 "Ngày hoàn thành"};
  return kColumns;
}

Result<std::vector<TaskRow>> TaskRows(const std::vector<track::TrackedTask>& tasks,
                                      const std::vector<track::ProgressReport>& reports,
                                      const calendar::Date& as_of, const std::string& unit_id) {
  std::vector<TaskRow> rows;
  for (const track::TrackedTask& t : tasks) {
    if (t.state != track::TaskState::kConfirmed) continue;
    if (!unit_id.empty() && !track::HasUnit(t, unit_id)) continue;
    auto e = track::Evaluate(t, reports, as_of);
    if (!e.ok()) {
      return Error{e.error().code, "task " + std::to_string(t.id) + ": " + e.error().message};
    }
    TaskRow r;
    r.number = static_cast<int>(rows.size()) + 1;
    r.task_id = t.id;
    r.plan_id = t.plan_id;
    r.action = t.action;
    for (const track::TaskUnit& u : t.units) {
      const bool leads = u.role == track::UnitRole::kLead || u.role == track::UnitRole::kExecute;
      std::string& into = leads ? r.lead : r.coordinate;
      if (!into.empty()) into += "; ";
      into += u.name;
    }
    r.due = e.value().due;
    r.due_text = track::DueText(t.due);
    r.status = track::Label(e.value().status);
    r.done_on = e.value().done_on;
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace dondoc::exports
