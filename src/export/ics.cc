// Tested by ics_test.cc. The RFC clauses are listed in ics.h.
#include "export/ics.h"

#include <cstdio>

#include "track/compile.h"
#include "track/labels.h"

namespace dondoc::exports {
namespace {

constexpr std::size_t kMaxOctets = 75;  // SPEC(RFC 5545 §3.1)

std::string Compact(const calendar::Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void Add(std::string* out, std::string_view line) {
  *out += FoldLine(line);
  *out += "\r\n";
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  std::size_t limit = kMaxOctets;  // the first line; continuation lines spend one on the space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Back up to the start of the UTF-8 sequence the cut would split.
    while (cut > 0 && IsContinuation(static_cast<unsigned char>(line[cut]))) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all; cannot happen with valid text
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  return out;
}

std::string UtcStamp(std::int64_t t) {
  std::int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) secs += 86400, --days;
  const calendar::Date d = calendar::FromDayNumber(static_cast<int>(days));
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d%02d%02dZ", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return Compact(d) + buf;
}

std::string WriteIcs(const IcsCalendar& cal) {
  std::string out;
  Add(&out, "BEGIN:VCALENDAR");
  Add(&out, "VERSION:2.0");
  Add(&out, "PRODID:-//dondoc//tracking//VI");
  Add(&out, "CALSCALE:GREGORIAN");
  Add(&out, "METHOD:PUBLISH");
  if (!cal.name.empty()) Add(&out, "X-WR-CALNAME:" + EscapeText(cal.name));
  const std::string stamp = UtcStamp(cal.stamp);
  const char* kind = cal.todos ? "VTODO" : "VEVENT";
  for (const IcsItem& item : cal.items) {
    Add(&out, std::string("BEGIN:") + kind);
    Add(&out, "UID:" + EscapeText(item.uid));
    Add(&out, "DTSTAMP:" + stamp);
    if (cal.todos) {
      // SPEC(RFC 5545 §3.6.2): DUE must be later than DTSTART, so a one-day todo has DUE only.
      Add(&out, "DUE;VALUE=DATE:" + Compact(item.date));
      Add(&out, item.done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
    } else {
      Add(&out, "DTSTART;VALUE=DATE:" + Compact(item.date));
      // SPEC(RFC 5545 §3.6.1): an all-day event's DTEND is the next day (exclusive).
      Add(&out, "DTEND;VALUE=DATE:" + Compact(calendar::AddDays(item.date, 1)));
      Add(&out, "TRANSP:TRANSPARENT");
    }
    Add(&out, "SUMMARY:" + EscapeText(item.summary));
    if (!item.description.empty()) Add(&out, "DESCRIPTION:" + EscapeText(item.description));
    Add(&out, std::string("END:") + kind);
  }
  Add(&out, "END:VCALENDAR");
  return out;
}

Result<std::vector<IcsItem>> DueItems(const std::vector<track::TrackedTask>& tasks,
                                      const std::vector<track::ProgressReport>& reports,
                                      const calendar::DateRange& range, const calendar::Date& as_of,
                                      const std::string& unit_id, std::int64_t plan_id) {
  std::vector<IcsItem> out;
  for (const track::TrackedTask& t : tasks) {
    if (t.state != track::TaskState::kConfirmed) continue;
    if (plan_id != 0 && t.plan_id != plan_id) continue;
    if (!unit_id.empty() && !track::HasUnit(t, unit_id)) continue;
    auto ev = track::EvaluateInstances(t, reports, range, as_of);
    if (!ev.ok()) return ev.error();
    for (const track::Evaluation& e : ev.value()) {
      IcsItem item;
      item.uid = "task-" + std::to_string(t.id) + "-" + Compact(*e.nominal) + "@dondoc";
      item.date = *e.due;
      item.summary = t.action;
      std::string units;
      for (const track::TaskUnit& u : t.units) {
        units += "\n" + std::string(track::Label(u.role)) + ": " + u.name;
      }
      item.description =
          std::string(track::Label(e.status)) + units + "\nHạn: " + track::DueText(t.due);
      item.done = track::IsDone(e.status);
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace dondoc::exports
