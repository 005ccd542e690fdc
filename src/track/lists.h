// The board's lists as of a date: upcoming and overdue due items, reminders (who must report
// what by when) and the per-unit scorecard. Pure functions over confirmed tasks and reports;
// tasks in other states are skipped. Tested by lists_test.cc.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "track/status.h"

namespace dondoc::track {

// One due task or due instance of a recurring duty.
struct DueItem {
  std::int64_t task_id = 0;
  std::string action;
  std::vector<std::string> units;  // the responsible units
  calendar::Date nominal;
  calendar::Date due;
  Status status = Status::kInProgress;
  friend bool operator==(const DueItem&, const DueItem&) = default;
};

// Not-done items due from `as_of` through the `working_days`-th working day after it
// (AddWorkingDays), sorted by due date then task id. Errors: a task's bad RRULE (with its id).
Result<std::vector<DueItem>> Upcoming(
    const std::vector<TrackedTask>& tasks, const std::vector<ProgressReport>& reports,
    const calendar::Date& as_of, int working_days,
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

// Items past due and not done as of `as_of` (overdue or not done in time), oldest first. For a
// recurring duty every missed instance since RecurrenceAnchor is listed.
Result<std::vector<DueItem>> Overdue(
    const std::vector<TrackedTask>& tasks, const std::vector<ProgressReport>& reports,
    const calendar::Date& as_of,
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

// One reminder: `unit` must report on `task` (instance `nominal`) by `due`.
struct Reminder {
  std::string unit_id;
  std::int64_t task_id = 0;
  std::string action;
  calendar::Date nominal;
  calendar::Date due;
  int working_days_left = 0;  // WorkingDaysBetween(as_of, due); negative when late
  bool overdue = false;
  std::string returned_reason;  // when the unit's latest report was returned: why
  friend bool operator==(const Reminder&, const Reminder&) = default;
};

// For each upcoming or overdue item (as above) and each responsible unit that has not done its
// part (no confirmed completing report) and has no report waiting for the office (submitted): a
// reminder, sorted by unit, then due, then task. Returned reports carry their reason.
Result<std::vector<Reminder>> Reminders(
    const std::vector<TrackedTask>& tasks, const std::vector<ProgressReport>& reports,
    const calendar::Date& as_of, int working_days,
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

struct Scorecard {
  std::array<int, kStatusCount> counts{};  // indexed by static_cast<int>(Status)
  // done on time / (done on time + done late + not done in time + overdue): the share of
  // deadlines reached that were met. Empty when no deadline has been reached.
  std::optional<double> on_time_rate;
  int Count(Status s) const { return counts[static_cast<int>(s)]; }
};

// Per responsible unit (coordinating units are not scored: they do not answer for the task).
// One-off tasks count once with the unit's own status as of `as_of`; a recurring duty counts
// each instance due in `range` up to `as_of` plus the next one still to come within the range.
Result<std::map<std::string, Scorecard>> Scorecards(
    const std::vector<TrackedTask>& tasks, const std::vector<ProgressReport>& reports,
    const calendar::DateRange& range, const calendar::Date& as_of,
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

}  // namespace dondoc::track
