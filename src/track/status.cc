// Tested by status_test.cc. The rule is written out in status.h.
#include "track/status.h"

#include <algorithm>

#include "calendar/working_days.h"
#include "track/rrule.h"

namespace dondoc::track {
namespace {

using calendar::Date;

struct Progress {
  std::optional<Date> done_on;   // C
  std::optional<Date> reported;  // latest confirmed report date on/after the due, any percent
};

// What the confirmed reports of `units` say, up to `as_of`, about one due (instance or one-off).
Progress Read(const TrackedTask& task, const std::vector<ProgressReport>& reports,
              const std::vector<std::string>& units, const Date& as_of,
              const std::optional<Date>& instance, const std::optional<Date>& due) {
  Progress p;
  std::optional<Date> latest_first;  // the latest over units of each unit's first completion
  bool all_done = !units.empty();
  for (const std::string& unit : units) {
    std::optional<Date> first;
    for (const ProgressReport& r : reports) {
      if (r.task_id != task.id || r.unit_id != unit || r.state != ReportState::kConfirmed) continue;
      if (r.instance != instance) continue;
      const Date on = LocalDate(r.submitted_at);
      if (as_of < on) continue;
      if (due && *due <= on && (!p.reported || *p.reported < on)) p.reported = on;
      const bool completes = instance ? true : r.percent == 100;
      if (completes && (!first || on < *first)) first = on;
    }
    if (!first) {
      all_done = false;
    } else if (!latest_first || *latest_first < *first) {
      latest_first = first;
    }
  }
  if (all_done) p.done_on = latest_first;
  return p;
}

Evaluation Judge(const Progress& p, const std::optional<Date>& nominal,
                 const std::optional<Date>& due, const Date& as_of) {
  Evaluation e;
  e.nominal = nominal;
  e.due = due;
  e.done_on = p.done_on;
  if (p.done_on) {
    e.status = !due || *p.done_on <= *due ? Status::kDoneOnTime : Status::kDoneLate;
  } else if (!due) {
    e.status = Status::kNoDeadline;
  } else if (as_of <= *due) {
    e.status = Status::kInProgress;
  } else {
    e.status = p.reported ? Status::kNotDoneInTime : Status::kOverdue;
  }
  return e;
}

std::vector<std::string> UnitsOf(const TrackedTask& task, const std::vector<std::string>& units) {
  return units.empty() ? ResponsibleUnits(task) : units;
}

}  // namespace

const char* Name(Status s) {
  switch (s) {
    case Status::kDoneOnTime:
      return "done_on_time";
    case Status::kDoneLate:
      return "done_late";
    case Status::kNotDoneInTime:
      return "not_done_in_time";
    case Status::kOverdue:
      return "overdue";
    case Status::kInProgress:
      return "in_progress";
    case Status::kNoDeadline:
      return "no_deadline";
  }
  return "no_deadline";
}

bool IsDone(Status s) { return s == Status::kDoneOnTime || s == Status::kDoneLate; }
bool IsPastDue(Status s) { return s == Status::kNotDoneInTime || s == Status::kOverdue; }

Date RecurrenceAnchor(const TrackedTask& task, const Date& as_of) {
  return task.due.start ? *task.due.start : calendar::AddDays(as_of, -kRecurringLookbackDays);
}

Result<std::vector<Evaluation>> EvaluateInstances(const TrackedTask& task,
                                                  const std::vector<ProgressReport>& reports,
                                                  const calendar::DateRange& range,
                                                  const Date& as_of,
                                                  const std::vector<std::string>& units,
                                                  const calendar::HolidayCalendar& holidays) {
  const std::vector<std::string> who = UnitsOf(task, units);
  std::vector<Evaluation> out;
  if (task.due.rrule.empty()) {
    if (!task.due.date) return out;
    const Date due = calendar::RollForward(*task.due.date, holidays);
    if (due < range.from || range.to < due) return out;
    out.push_back(
        Judge(Read(task, reports, who, as_of, std::nullopt, due), task.due.date, due, as_of));
    return out;
  }
  auto instances = Instances(task.due.rrule, RecurrenceAnchor(task, as_of), range, holidays);
  if (!instances.ok()) return instances.error();
  for (const Instance& i : instances.value()) {
    out.push_back(
        Judge(Read(task, reports, who, as_of, i.nominal, i.due), i.nominal, i.due, as_of));
  }
  return out;
}

Result<Evaluation> Evaluate(const TrackedTask& task, const std::vector<ProgressReport>& reports,
                            const Date& as_of, const std::vector<std::string>& units,
                            const calendar::HolidayCalendar& holidays) {
  const std::vector<std::string> who = UnitsOf(task, units);
  if (task.due.rrule.empty()) {
    std::optional<Date> due;
    if (task.due.date) due = calendar::RollForward(*task.due.date, holidays);
    return Judge(Read(task, reports, who, as_of, std::nullopt, due), task.due.date, due, as_of);
  }
  // Past instances from the anchor, and the next year's for "is one still to come".
  const Date anchor = RecurrenceAnchor(task, as_of);
  const calendar::DateRange range{std::min(anchor, as_of), calendar::AddDays(as_of, 400)};
  auto all = EvaluateInstances(task, reports, range, as_of, who, holidays);
  if (!all.ok()) return all.error();
  const std::vector<Evaluation>& ev = all.value();
  for (Status wanted : {Status::kOverdue, Status::kNotDoneInTime}) {
    for (const Evaluation& e : ev) {
      if (e.status == wanted) return e;
    }
  }
  for (const Evaluation& e : ev) {
    if (e.status == Status::kInProgress) return e;
  }
  if (!ev.empty()) return ev.back();
  // A rule with no instance in reach (INTERVAL=1000): nothing is due.
  Evaluation none;
  none.status = Status::kNoDeadline;
  return none;
}

}  // namespace dondoc::track
