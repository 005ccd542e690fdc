// dondoc summary FILE...: a readable summary of each document — what a clerk would re-type:
// who issued what, when, about what, who signed, who receives it, its sections, what it cites,
// and the tasks with their units and deadlines. Bad files are reported and skipped (exit 1).
#include <cstdio>
#include <string>

#include "cli/batch.h"
#include "cli/commands.h"

namespace dondoc::cli {
namespace {

std::string Or(const std::string& s, const char* fallback = "—") {
  return s.empty() ? fallback : s;
}

std::string Cut(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t e = n;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;  // UTF-8 boundary
  return s.substr(0, e) + "…";
}

void PrintOne(const Document& d) {
  std::printf("━━ %s\n", d.source.name.c_str());
  std::printf("  kind       %s\n", d.kind.c_str());
  std::printf("  document   %s %s\n", Or(d.type_name, "(type not stated)").c_str(),
              Or(d.number, "(no number)").c_str());
  std::printf("  issued     %s, %s\n", Or(d.place).c_str(), Or(d.date, "(no date)").c_str());
  if (d.issuer) {
    std::printf("  issuer     %s%s%s\n", d.issuer->name.c_str(),
                d.issuer->parent.empty() ? "" : "  ← ", d.issuer->parent.c_str());
  }
  std::printf("  title      %s\n", Cut(Or(d.title), 160).c_str());
  for (const Signer& s : d.signers) {
    std::string who = s.authority.empty() ? "" : s.authority + ". ";
    who += s.for_title;
    if (!s.position.empty()) who += (s.for_title.empty() ? "" : " / ") + s.position;
    std::printf("  signed     %s — %s\n", Or(who).c_str(),
                Or(s.name, "(name not printed)").c_str());
  }
  if (!d.recipients.empty()) {
    std::string r;
    for (std::size_t i = 0; i < d.recipients.size() && i < 6; ++i) {
      r += (i ? "; " : "") + d.recipients[i].name +
           (d.recipients[i].purpose.empty() ? "" : " (" + d.recipients[i].purpose + ")");
    }
    if (d.recipients.size() > 6) r += "; … " + std::to_string(d.recipients.size()) + " in all";
    std::printf("  to         %s\n", Cut(r, 200).c_str());
  }
  for (const OutlineNode& n : d.outline) {
    std::printf("  section    %s %s\n", n.label.c_str(), Cut(n.heading, 90).c_str());
  }
  if (!d.references.empty()) {
    std::string r;
    for (std::size_t i = 0; i < d.references.size() && i < 5; ++i) {
      const Reference& ref = d.references[i];
      r += (i ? "; " : "") + (ref.number.empty() ? ref.name : ref.number);
    }
    std::printf("  cites      %s%s\n", r.c_str(),
                d.references.size() > 5
                    ? (" … (" + std::to_string(d.references.size()) + " in all)").c_str()
                    : "");
  }
  for (std::size_t i = 0; i < d.tasks.size() && i < 12; ++i) {
    const Task& t = d.tasks[i];
    std::string units;
    for (const TaskUnit& u : t.units)
      units += (units.empty() ? "" : ", ") + u.name + " [" + u.role + "]";
    std::string due = "no deadline";
    if (t.due && *t.due >= 0 && static_cast<std::size_t>(*t.due) < d.times.size()) {
      const TimeExpr& te = d.times[static_cast<std::size_t>(*t.due)];
      due = te.date.empty() ? te.text : te.date;
    }
    std::printf("  task %-5s %s — %s (%s)\n", t.path.c_str(), Cut(units, 70).c_str(),
                Cut(t.action, 90).c_str(), due.c_str());
  }
  if (d.tasks.size() > 12) std::printf("  …          %zu tasks in all\n", d.tasks.size());
  for (const Reporting& r : d.reporting) {
    std::string when;
    for (int ti : r.times) {
      if (ti >= 0 && static_cast<std::size_t>(ti) < d.times.size()) {
        const TimeExpr& te = d.times[static_cast<std::size_t>(ti)];
        when += (when.empty() ? "" : ", ") +
                (te.rrule.empty() ? Or(te.date, te.text.c_str()) : te.rrule);
      }
    }
    std::printf("  reports to %s %s\n", Or(r.to).c_str(), when.c_str());
  }
  for (const Warning& w : d.warnings) {
    std::printf("  warning    %s: %s\n", w.code.c_str(), w.message.c_str());
  }
  std::printf("\n");
}

}  // namespace

int CmdSummary(const Args& args) {
  if (args.empty()) {
    std::fputs("usage: dondoc summary FILE...\n", stderr);
    return 2;
  }
  return ForEachDocument(args, [](const std::string&, const read::Input&, const Document& doc) {
    PrintOne(doc);
    return true;
  });
}

}  // namespace dondoc::cli
