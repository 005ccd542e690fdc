// Small builders shared by track/ tests.
#pragma once

#include <cstdint>

#include "track/report.h"
#include "track/task.h"

namespace dondoc::track::fixtures {

inline calendar::Date D(int y, int m, int d) { return {y, m, d}; }

// Unix seconds of `hour`:00 Vietnam time on `date`.
inline std::int64_t At(const calendar::Date& date, int hour = 10) {
  return static_cast<std::int64_t>(calendar::DayNumber(date)) * 86400 + (hour - 7) * 3600;
}

inline TrackedTask OneOff(std::int64_t id, calendar::Date due, std::string unit = "so-tttt") {
  TrackedTask t;
  t.id = id;
  t.plan_id = 1;
  t.action = "Tổ chức tập huấn chuyển đổi số";
  t.units = {{unit, "Sở Thông tin và Truyền thông", UnitRole::kLead},
             {"so-tc", "Sở Tài chính", UnitRole::kCoordinate}};
  t.due.date = due;
  t.state = TaskState::kConfirmed;
  return t;
}

inline TrackedTask Recurring(std::int64_t id, std::string rrule, calendar::Date start,
                             std::string unit = "so-tttt") {
  TrackedTask t = OneOff(id, start, std::move(unit));
  t.due = {};
  t.due.rrule = std::move(rrule);
  t.due.start = start;
  return t;
}

inline ProgressReport Confirmed(const TrackedTask& t, calendar::Date on, int percent,
                                std::string unit = "so-tttt",
                                std::optional<calendar::Date> instance = std::nullopt) {
  ProgressReport r;
  r.id = t.id * 100 + on.day;
  r.task_id = t.id;
  r.unit_id = std::move(unit);
  r.text = "Đã tổ chức 03 lớp tập huấn.";
  r.percent = percent;
  r.instance = instance;
  r.state = ReportState::kConfirmed;
  r.submitted_at = At(on);
  r.decided_at = At(on, 16);
  return r;
}

}  // namespace dondoc::track::fixtures
