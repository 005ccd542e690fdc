// Tested by lists_test.cc.
#include "track/lists.h"

#include <algorithm>
#include <tuple>

#include "calendar/working_days.h"

namespace dondoc::track {
namespace {

using calendar::Date;

Error WithTask(const TrackedTask& t, Error e) {
  e.message = "task " + std::to_string(t.id) + ": " + e.message;
  return e;
}

// Items of confirmed tasks due in `range`, evaluated as of `as_of`, kept when `keep` says so.
template <typename Keep>
Result<std::vector<DueItem>> Collect(const std::vector<TrackedTask>& tasks,
                                     const std::vector<ProgressReport>& reports, const Date& as_of,
                                     const calendar::DateRange& range, bool from_anchor,
                                     const calendar::HolidayCalendar& holidays, Keep keep) {
  std::vector<DueItem> out;
  for (const TrackedTask& t : tasks) {
    if (t.state != TaskState::kConfirmed) continue;
    calendar::DateRange r = range;
    if (from_anchor && !t.due.rrule.empty()) r.from = std::min(r.from, RecurrenceAnchor(t, as_of));
    auto ev = EvaluateInstances(t, reports, r, as_of, {}, holidays);
    if (!ev.ok()) return WithTask(t, ev.error());
    for (const Evaluation& e : ev.value()) {
      if (!keep(e)) continue;
      out.push_back({t.id, t.action, ResponsibleUnits(t), *e.nominal, *e.due, e.status});
    }
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    return std::tie(a.due, a.task_id, a.nominal) < std::tie(b.due, b.task_id, b.nominal);
  });
  return out;
}

}  // namespace

Result<std::vector<DueItem>> Upcoming(const std::vector<TrackedTask>& tasks,
                                      const std::vector<ProgressReport>& reports, const Date& as_of,
                                      int working_days, const calendar::HolidayCalendar& holidays) {
  const calendar::DateRange range{as_of, calendar::AddWorkingDays(as_of, working_days, holidays)};
  return Collect(tasks, reports, as_of, range, false, holidays,
                 [](const Evaluation& e) { return e.status == Status::kInProgress; });
}

Result<std::vector<DueItem>> Overdue(const std::vector<TrackedTask>& tasks,
                                     const std::vector<ProgressReport>& reports, const Date& as_of,
                                     const calendar::HolidayCalendar& holidays) {
  // One-off deadlines may lie far back; recurring ones are bounded by their anchor.
  const calendar::DateRange range{{1900, 1, 1}, calendar::AddDays(as_of, -1)};
  return Collect(tasks, reports, as_of, range, true, holidays,
                 [](const Evaluation& e) { return IsPastDue(e.status); });
}

Result<std::vector<Reminder>> Reminders(const std::vector<TrackedTask>& tasks,
                                        const std::vector<ProgressReport>& reports,
                                        const Date& as_of, int working_days,
                                        const calendar::HolidayCalendar& holidays) {
  auto late = Overdue(tasks, reports, as_of, holidays);
  if (!late.ok()) return late.error();
  auto soon = Upcoming(tasks, reports, as_of, working_days, holidays);
  if (!soon.ok()) return soon.error();
  std::vector<DueItem> items = late.value();
  items.insert(items.end(), soon.value().begin(), soon.value().end());

  std::vector<Reminder> out;
  for (const DueItem& item : items) {
    const auto task = std::find_if(tasks.begin(), tasks.end(),
                                   [&](const TrackedTask& t) { return t.id == item.task_id; });
    const bool recurring = !task->due.rrule.empty();
    for (const std::string& unit : item.units) {
      // This unit's own part: its status on this due, and its latest report's state.
      const ProgressReport* latest = nullptr;
      for (const ProgressReport& r : reports) {
        if (r.task_id != item.task_id || r.unit_id != unit) continue;
        if (recurring && r.instance != item.nominal) continue;
        if (!latest || latest->submitted_at < r.submitted_at) latest = &r;
      }
      auto own = EvaluateInstances(*task, reports, {item.due, item.due}, as_of, {unit}, holidays);
      if (!own.ok()) return own.error();
      const bool done = std::any_of(
          own.value().begin(), own.value().end(),
          [&](const Evaluation& e) { return e.nominal == item.nominal && IsDone(e.status); });
      if (done) continue;
      if (latest && latest->state == ReportState::kSubmitted) continue;  // the office's turn
      Reminder m{unit,
                 item.task_id,
                 item.action,
                 item.nominal,
                 item.due,
                 calendar::WorkingDaysBetween(as_of, item.due, holidays),
                 IsPastDue(item.status),
                 ""};
      if (latest && latest->state == ReportState::kReturned)
        m.returned_reason = latest->return_reason;
      out.push_back(std::move(m));
    }
  }
  std::sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) {
    return std::tie(a.unit_id, a.due, a.task_id, a.nominal) <
           std::tie(b.unit_id, b.due, b.task_id, b.nominal);
  });
  return out;
}

Result<std::map<std::string, Scorecard>> Scorecards(const std::vector<TrackedTask>& tasks,
                                                    const std::vector<ProgressReport>& reports,
                                                    const calendar::DateRange& range,
                                                    const Date& as_of,
                                                    const calendar::HolidayCalendar& holidays) {
  std::map<std::string, Scorecard> out;
  for (const TrackedTask& t : tasks) {
    if (t.state != TaskState::kConfirmed) continue;
    for (const std::string& unit : ResponsibleUnits(t)) {
      Scorecard& card = out[unit];
      if (t.due.rrule.empty()) {
        auto e = Evaluate(t, reports, as_of, {unit}, holidays);
        if (!e.ok()) return WithTask(t, e.error());
        ++card.counts[static_cast<int>(e.value().status)];
        continue;
      }
      auto ev = EvaluateInstances(t, reports, range, as_of, {unit}, holidays);
      if (!ev.ok()) return WithTask(t, ev.error());
      bool next_counted = false;
      for (const Evaluation& e : ev.value()) {
        if (as_of < *e.due) {
          if (next_counted) continue;
          next_counted = true;
        }
        ++card.counts[static_cast<int>(e.status)];
      }
    }
  }
  for (auto& [unit, card] : out) {
    const int reached = card.Count(Status::kDoneOnTime) + card.Count(Status::kDoneLate) +
                        card.Count(Status::kNotDoneInTime) + card.Count(Status::kOverdue);
    if (reached > 0)
      card.on_time_rate = static_cast<double>(card.Count(Status::kDoneOnTime)) / reached;
  }
  return out;
}

}  // namespace dondoc::track
