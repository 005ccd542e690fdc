// Progress reports: what a unit files for a task (and, for a recurring duty, for one due
// instance), and the office's decision on it. Plain values; reports.h applies the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.h"

namespace dondoc::track {

// The span a report covers ("6 tháng đầu năm 2026"): inclusive dates and the label to print.
struct ReportingPeriod {
  calendar::Date from;
  calendar::Date to;
  std::string label;  // "6 tháng đầu năm 2026"
  friend bool operator==(const ReportingPeriod&, const ReportingPeriod&) = default;
};

enum class ReportState {
  kSubmitted,  // filed by the unit, waiting for the office
  kConfirmed,  // accepted by the office: only confirmed reports count for status
  kReturned,   // sent back with a reason; the unit may resubmit (state → kSubmitted)
};

struct ProgressReport {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::string unit_id;
  ReportingPeriod period;
  // For a recurring duty: the nominal date of the due instance this report answers. Empty for
  // a one-off task.
  std::optional<calendar::Date> instance;
  std::string text;
  int percent = 0;                       // 0..100; 100 means the unit declares the task done
  std::vector<std::string> attachments;  // names or store ids; the files live in the store
  ReportState state = ReportState::kSubmitted;
  std::string return_reason;      // the last reason given when returned (kept after resubmission)
  int returns = 0;                // how many times it was returned
  std::int64_t submitted_at = 0;  // Unix seconds of the latest (re)submission
  std::int64_t decided_at = 0;    // Unix seconds of the latest confirm/return; 0 when none
  std::string decided_by;

  friend bool operator==(const ProgressReport&, const ProgressReport&) = default;
};

// The civil date in Việt Nam (UTC+7, no daylight saving) of a Unix time: the day a report was
// filed, for comparing with deadlines.
calendar::Date LocalDate(std::int64_t unix_seconds);

}  // namespace dondoc::track
