// dondoc tasks FILE... [--width N]
//
// The tasks of each file as a readable table: unit | role | action (truncated) | due | path,
// one line per unit of a task, then the reporting duties. A batch goes on past a bad file and
// exits 1 at the end, naming each failure on stderr as "dondoc: FILE: reason".
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/batch.h"
#include "cli/commands.h"
#include "text/utf8.h"

namespace dondoc::cli {
namespace {

// The first `width` code points of s, "…" appended when cut; padded with spaces to `width`.
std::string Fit(std::string_view s, std::size_t width) {
  std::string out;
  std::size_t n = 0, i = 0;
  while (i < s.size() && n < width) {
    const std::size_t len = text::SeqLen(static_cast<unsigned char>(s[i]));
    if (n + 1 == width && i + len < s.size()) {
      out += "…";
      ++n;
      i = s.size();
      break;
    }
    out.append(s.substr(i, len));
    i += len;
    ++n;
  }
  out.append(width > n ? width - n : 0, ' ');
  return out;
}

std::string Due(const Document& doc, const std::optional<int>& due) {
  if (!due || *due < 0 || static_cast<std::size_t>(*due) >= doc.times.size()) return "-";
  const TimeExpr& t = doc.times[static_cast<std::size_t>(*due)];
  return t.date.empty() ? t.text : t.date;
}

void Print(const std::string& path, const Document& doc, std::size_t width) {
  std::printf("== %s  %s %s  (%zu task%s, %zu reporting)\n", path.c_str(), doc.type_name.c_str(),
              doc.number.c_str(), doc.tasks.size(), doc.tasks.size() == 1 ? "" : "s",
              doc.reporting.size());
  if (doc.tasks.empty()) {
    std::puts("   (no tasks)");
  } else {
    std::printf("%s | %s | %s | %s | %s\n", Fit("unit", 36).c_str(), Fit("role", 10).c_str(),
                Fit("action", width).c_str(), Fit("due", 12).c_str(), "path");
  }
  for (const Task& t : doc.tasks) {
    const std::string due = Due(doc, t.due);
    for (std::size_t i = 0; i < t.units.size(); ++i) {
      const TaskUnit& u = t.units[i];
      std::printf("%s | %s | %s | %s | %s\n", Fit(u.name, 36).c_str(), Fit(u.role, 10).c_str(),
                  Fit(i == 0 ? t.action : "〃", width).c_str(), Fit(due, 12).c_str(),
                  t.path.c_str());
    }
  }
  for (const Reporting& r : doc.reporting) {
    std::string when;
    for (int i : r.times) {
      if (i < 0 || static_cast<std::size_t>(i) >= doc.times.size()) continue;
      const TimeExpr& t = doc.times[static_cast<std::size_t>(i)];
      if (!when.empty()) when += ", ";
      when += t.rrule.empty() ? (t.date.empty() ? t.text : t.date) : t.rrule;
    }
    std::printf("   report to %s%s%s\n", r.to.empty() ? "(unnamed)" : r.to.c_str(),
                when.empty() ? "" : " — ", when.c_str());
  }
}

}  // namespace

int CmdTasks(const Args& args) {
  std::size_t width = 60;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--width") {
      if (i + 1 >= args.size() || std::atoi(args[i + 1].c_str()) < 10) {
        std::fputs("dondoc tasks: --width needs a number >= 10\n", stderr);
        return 2;
      }
      width = static_cast<std::size_t>(std::atoi(args[++i].c_str()));
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "dondoc tasks: unknown option '%s'\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fputs("usage: dondoc tasks FILE... [--width N]\n", stderr);
    return 2;
  }
  return ForEachDocument(
      files, [&](const std::string& path, const read::Input&, const Document& doc) {
        Print(path, doc, width);
        for (const Warning& w : doc.warnings) {
          if (w.code == "ragged-table") {
            std::fprintf(stderr, "dondoc: %s: warning: %s\n", path.c_str(), w.message.c_str());
          }
        }
        return true;
      });
}

}  // namespace dondoc::cli
