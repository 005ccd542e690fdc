// iCalendar (RFC 5545) by hand: a VCALENDAR of all-day VEVENTs or VTODOs, one per due date.
// Tested by ics_test.cc.
//
// What RFC 5545 asks and where it is done:
//   §3.1    lines end in CRLF and are folded at 75 octets (CRLF + one space); FoldLine never
//           splits a UTF-8 sequence, so Vietnamese text stays valid in every line (the classic
//           bug: a fold between the bytes of "ệ").
//   §3.3.11 TEXT escapes backslash, ';', ',' and newline (EscapeText).
//   §3.8.4.7 UID is stable across exports (task id + nominal date), so clients update events
//           instead of duplicating them.
//   §3.8.7.2 DTSTAMP is UTC ("…Z"); all-day dates are DTSTART;VALUE=DATE (with DTEND the next
//           day for events, §3.6.1; todos carry DUE;VALUE=DATE), so no time zone is involved.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.h"
#include "track/lists.h"

namespace dondoc::exports {

struct IcsItem {
  std::string uid;
  calendar::Date date;  // all-day
  std::string summary;
  std::string description;
  bool done = false;  // VTODO: STATUS:COMPLETED, else NEEDS-ACTION
};

struct IcsCalendar {
  std::string name;        // X-WR-CALNAME, shown by clients: "Nhiệm vụ — Sở TT&TT"
  std::int64_t stamp = 0;  // DTSTAMP, Unix seconds (UTC)
  bool todos = false;      // VTODO instead of VEVENT
  std::vector<IcsItem> items;
};

// The whole calendar text, CRLF line ends, every line folded.
std::string WriteIcs(const IcsCalendar& calendar);

// RFC 5545 §3.3.11 TEXT escaping. CR is dropped; LF becomes "\n".
std::string EscapeText(std::string_view text);

// One content line (without CRLF) → folded lines joined by CRLF + space, each at most 75 octets,
// never splitting a UTF-8 sequence (a lead byte and its continuation bytes stay together).
std::string FoldLine(std::string_view line);

// "20260330T021500Z".
std::string UtcStamp(std::int64_t unix_seconds);

// One item per due date of the confirmed tasks in `range` (as of `as_of`), restricted to tasks
// whose units include `unit_id` when it is not empty, and to plan `plan_id` when not 0.
// UID "task-<id>-<nominal yyyymmdd>@dondoc"; date = the rolled due date. Errors: a bad RRULE.
Result<std::vector<IcsItem>> DueItems(const std::vector<track::TrackedTask>& tasks,
                                      const std::vector<track::ProgressReport>& reports,
                                      const calendar::DateRange& range, const calendar::Date& as_of,
                                      const std::string& unit_id = {}, std::int64_t plan_id = 0);

}  // namespace dondoc::exports
