// Status of a task as of a date, as the model trackers report it. Tested by status_test.cc.
//
// The rule (also in docs/tracking.md). Let R be the due date rolled forward to a working day
// (SPEC(BLDS 2015 Điều 148.2): a deadline on a weekly rest day or holiday ends at the end of the
// next working day), A the as-of date, and C the completion date: the Vietnam-time date
// (LocalDate) a report that the office has confirmed was (last) submitted —
//   one-off task:    the day every responsible unit (task.h ResponsibleUnits) has a confirmed
//                    report with percent 100 (the latest of their first such reports);
//   recurring duty:  per due instance, the day every responsible unit has a confirmed report for
//                    that instance (the duty is the report itself; any percent).
// A returned report does not count; its resubmission does, dated at the resubmission.
// Reports submitted after A are ignored, so a past A gives the board as it was that day (as
// far as the reports' current states allow).
//
//   kDoneOnTime     C ≤ A and C ≤ R (or done and the task has no deadline)
//   kDoneLate       C ≤ A and C > R
//   kInProgress     not done by A, A ≤ R: not yet due (due today is still in progress — a
//                   period in days ends at 24:00 of its last day, BLDS Điều 147.2)
//   kNotDoneInTime  not done by A, A > R, and a responsible unit has a confirmed report
//                   submitted on or after R: the unit has said where it stands past the deadline
//                   (the compiled report lists it with that report's text)
//   kOverdue        not done by A, A > R, and no such report: nobody has answered for it; this
//                   is what reminders chase
//   kNoDeadline     not done and no due date (and no recurrence)
// A recurring duty's status as a whole is that of its earliest instance not done by A whose due
// date has passed (overdue before not done in time); when there is none, kInProgress if an
// instance is still to come, else the status of its last instance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "calendar/date.h"
#include "calendar/holidays.h"
#include "calendar/periods.h"
#include "track/report.h"
#include "track/task.h"

namespace dondoc::track {

enum class Status { kDoneOnTime, kDoneLate, kNotDoneInTime, kOverdue, kInProgress, kNoDeadline };
inline constexpr int kStatusCount = 6;

const char* Name(Status status);  // "done_on_time", "done_late", …

bool IsDone(Status s);
bool IsPastDue(Status s);  // not done in time or overdue

struct Evaluation {
  Status status = Status::kNoDeadline;
  std::optional<calendar::Date> nominal;  // the due date (or instance) the status is about
  std::optional<calendar::Date> due;      // nominal rolled forward
  std::optional<calendar::Date> done_on;  // C, when done by A
};

// How far back a recurring duty's instances are looked at when the task has no start date.
inline constexpr int kRecurringLookbackDays = 366;

// The task's status as of `as_of` from its responsible units' reports (other tasks' reports and
// unconfirmed ones are ignored). `units` narrows the units considered (a unit's own status for
// its scorecard); empty means ResponsibleUnits(task). Error only for a bad RRULE.
Result<Evaluation> Evaluate(
    const TrackedTask& task, const std::vector<ProgressReport>& reports,
    const calendar::Date& as_of, const std::vector<std::string>& units = {},
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

// Each due instance of a recurring duty in `range`, evaluated as of `as_of`. For a one-off task,
// the one evaluation when its due date (rolled) is in the range.
Result<std::vector<Evaluation>> EvaluateInstances(
    const TrackedTask& task, const std::vector<ProgressReport>& reports,
    const calendar::DateRange& range, const calendar::Date& as_of,
    const std::vector<std::string>& units = {},
    const calendar::HolidayCalendar& holidays = calendar::BuiltinHolidays());

// The first day a recurring duty can fall on: due.start, else `as_of` − kRecurringLookbackDays.
calendar::Date RecurrenceAnchor(const TrackedTask& task, const calendar::Date& as_of);

}  // namespace dondoc::track
