// Tested by compile_test.cc.
#include "track/compile.h"

#include <cstdio>

#include "track/labels.h"
#include "track/rrule.h"

namespace dondoc::track {
namespace {

std::string Two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace

std::string VietnameseDate(const calendar::Date& d) {
  // SPEC(NĐ 30/2020, Phụ lục I, II.4): "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019".
  const std::string month = d.month <= 2 ? Two(d.month) : std::to_string(d.month);
  return "ngày " + Two(d.day) + " tháng " + month + " năm " + std::to_string(d.year);
}

std::string DueText(const Due& due) {
  if (due.rrule.empty()) {
    return due.date ? calendar::FormatVn(*due.date) : text::kNoDeadline;
  }
  auto r = ParseRRule(due.rrule);
  if (!r.ok()) return due.rrule;
  const RRule& rule = r.value();
  std::string day;
  if (!rule.by_month_day.empty()) day = ", ngày " + std::to_string(rule.by_month_day.front());
  switch (rule.freq) {
    case RRule::Freq::kDaily:
      return "Hằng ngày";
    case RRule::Freq::kWeekly:
      return "Hằng tuần";
    case RRule::Freq::kMonthly:
      if (rule.interval == 3) return "Hằng quý" + day;
      if (rule.interval == 6) return "6 tháng một lần" + day;
      if (rule.interval == 1) return "Hằng tháng" + day;
      return std::to_string(rule.interval) + " tháng một lần" + day;
    case RRule::Freq::kYearly: {
      std::string s = "Hằng năm";
      if (!rule.by_month_day.empty() && !rule.by_month.empty()) {
        s += " (";
        for (std::size_t i = 0; i < rule.by_month.size(); ++i) {
          if (i) s += ", ";
          s += Two(rule.by_month_day.front()) + "/" + Two(rule.by_month[i]);
        }
        s += ")";
      }
      return s;
    }
  }
  return due.rrule;
}

Result<CompiledReport> Compile(const PlanInfo& plan, const std::vector<TrackedTask>& tasks,
                               const std::vector<ProgressReport>& reports,
                               const ReportingPeriod& period, const calendar::Date& as_of,
                               const std::vector<std::string>& proposals,
                               const calendar::HolidayCalendar& holidays) {
  CompiledReport c;
  c.parent = plan.parent;
  c.issuer = plan.issuer;
  c.number = std::string(text::kNumberPlaceholder) + plan.issuer_abbr;
  c.place_date = plan.place + ", " + VietnameseDate(as_of);
  c.title = "BÁO CÁO";
  c.subtitle = std::string(text::kReportTitlePrefix) + plan.number + " ngày " +
               calendar::FormatVn(plan.date);
  if (!plan.title.empty()) c.subtitle += " " + plan.title;
  if (!period.label.empty()) c.subtitle += " (" + period.label + ")";
  c.period = period;
  c.as_of = as_of;
  c.proposals = proposals;
  c.recipients = plan.recipients;
  c.signer_authority = plan.signer_authority;
  c.signer_title = plan.signer_title;
  c.signer_name = plan.signer_name;

  for (const TrackedTask& t : tasks) {
    if (t.state != TaskState::kConfirmed || t.plan_id != plan.plan_id) continue;
    Evaluation e;
    if (t.due.rrule.empty()) {
      auto ev = Evaluate(t, reports, as_of, {}, holidays);
      if (!ev.ok()) return ev.error();
      e = ev.value();
    } else {
      // A recurring duty in a period report: its worst instance due in the period.
      auto ev = EvaluateInstances(t, reports, {period.from, period.to}, as_of, {}, holidays);
      if (!ev.ok())
        return Error{ev.error().code, "task " + std::to_string(t.id) + ": " + ev.error().message};
      e.status = Status::kInProgress;
      for (Status wanted : {Status::kOverdue, Status::kNotDoneInTime, Status::kDoneLate,
                            Status::kInProgress, Status::kDoneOnTime}) {
        bool found = false;
        for (const Evaluation& x : ev.value()) found = found || x.status == wanted;
        if (found) {
          e.status = wanted;
          break;
        }
      }
    }
    TaskResult r;
    r.number = static_cast<int>(c.tasks.size()) + 1;
    r.task_id = t.id;
    r.action = t.action;
    r.due = DueText(t.due);
    r.status = e.status;
    r.status_label = Label(e.status);
    for (const TaskUnit& u : t.units) {
      UnitResult ur{u.unit_id, Label(u.role), text::kNoReport, 0};
      const ProgressReport* latest = nullptr;
      for (const ProgressReport& p : reports) {
        if (p.task_id != t.id || p.unit_id != u.unit_id || p.state != ReportState::kConfirmed)
          continue;
        const calendar::Date on = LocalDate(p.submitted_at);
        if (on < period.from || as_of < on) continue;
        if (!latest || latest->submitted_at < p.submitted_at) latest = &p;
      }
      if (latest) {
        ur.text = latest->text;
        ur.percent = latest->percent;
      }
      r.units.push_back(std::move(ur));
    }
    ++c.counts[static_cast<int>(r.status)];
    if (IsPastDue(r.status) || r.status == Status::kDoneLate) c.late.push_back(r);
    c.tasks.push_back(std::move(r));
  }
  c.total = static_cast<int>(c.tasks.size());
  c.overview.push_back("Kế hoạch có " + std::to_string(c.total) + " nhiệm vụ được theo dõi.");
  for (Status s : {Status::kDoneOnTime, Status::kDoneLate, Status::kNotDoneInTime, Status::kOverdue,
                   Status::kInProgress, Status::kNoDeadline}) {
    const int n = c.counts[static_cast<int>(s)];
    if (n > 0)
      c.overview.push_back(std::string(Label(s)) + ": " + std::to_string(n) + " nhiệm vụ.");
  }
  return c;
}

}  // namespace dondoc::track
