// dondoc demo [--dir DIR] [--samples DIR] [--web DIR] [--bind ADDR] [--port N]
//
// The README's main job: a fresh SQLite database from the project's own sample documents, one
// demo user per role with a new random password each run (printed once, stored only as
// Argon2id hashes in the database), the samples' tasks proposed and confirmed, a few progress
// reports filed and decided, then `dondoc serve` on that database with the web page. Built
// from the commands it stands for (ingest, serve), so the demo shows exactly what a user of
// those commands gets.
//
// Demo data (SeedDemo): the samples' deadlines are fixed dates, mostly long past, so a few of
// the officer's unit's tasks (and of other units) have their due date moved around today — by
// an ordinary recorded edit (task history and audit say so) — so the board has an overdue
// task, tasks due this month, a report waiting, one confirmed and one returned.
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "access/crypto.h"
#include "cli/commands.h"
#include "store/sqlite_tracking.h"
#include "track/reports.h"
#include "track/review.h"

namespace dondoc::cli {
namespace {

constexpr const char* kUsageDemo =
    "usage: dondoc demo [--dir DIR] [--samples DIR] [--web DIR] [--bind ADDR] [--port N]\n"
    "                  [--cache-ms N]\n"
    "  --dir DIR      where the demo database goes (default build/demo;\n"
    "                 the database there is made anew on every run)\n"
    "  --samples DIR  documents to load (default samples)\n"
    "  --web DIR      the web page's files (default web/public)\n"
    "  --bind, --port, --cache-ms   as for dondoc serve (default 127.0.0.1:8080)\n";

struct DemoUser {
  const char* name;
  const char* role;
  const char* unit;  // "-" unless unit_officer
  const char* who;
};

// One user per role; the officer belongs to a unit the samples give tasks to.
constexpr const char* kOfficerUnit = "so-tttt";
constexpr DemoUser kUsers[] = {
    {"quantri", "admin", "-", "quản trị"},
    {"vanphong", "office", "-", "văn phòng theo dõi"},
    {"sotttt", "unit_officer", "so-tttt", "cán bộ Sở Thông tin và Truyền thông"},
    {"xem", "reader", "-", "chỉ xem (nhà nghiên cứu)"},
};

// A recorded edit moving a task's due date to `date`.
Result<bool> MoveDue(store::TrackingRepo& repo, std::int64_t id, const calendar::Date& date,
                     const track::Actor& actor, const store::AuditActor& who) {
  auto r = repo.UpdateTasks(
      {id},
      [&](const std::vector<track::TrackedTask>& ts)
          -> Result<track::Change<std::vector<track::TrackedTask>>> {
        track::TaskPatch p;
        p.due = track::Due{date, "", std::nullopt};
        p.note = "demo: hạn dời về quanh ngày chạy demo để bảng theo dõi có số liệu";
        auto c = track::Edit(ts.front(), p, actor);
        if (!c.ok()) return c.error();
        return track::Change<std::vector<track::TrackedTask>>{{c.value().value}, c.value().audit};
      },
      who);
  if (!r.ok()) return r.error();
  return true;
}

Result<track::ProgressReport> File(store::TrackingRepo& repo, std::int64_t task_id,
                                   const std::string& unit, const std::string& text, int percent,
                                   const calendar::Date& today, const track::Actor& actor,
                                   const store::AuditActor& who) {
  return repo.CreateReport(
      task_id,
      [&](const track::TrackedTask& task, std::int64_t id) {
        track::ProgressReport d;
        d.id = id;
        d.task_id = task_id;
        d.unit_id = unit;
        d.period = {{today.year, 1, 1}, today, "Năm " + std::to_string(today.year)};
        d.text = text;
        d.percent = percent;
        return track::Submit(task, d, actor);
      },
      who);
}

Result<std::string> SeedDemo(store::TrackingRepo& repo,
                             const std::map<std::string, std::int64_t>& ids, std::int64_t now) {
  const calendar::Date today = track::LocalDate(now);
  const track::Actor office{"vanphong", now}, officer{"sotttt", now};
  const store::AuditActor office_who{ids.at("vanphong"), "vanphong", "127.0.0.1", now};
  const store::AuditActor officer_who{ids.at("sotttt"), "sotttt", "127.0.0.1", now};
  auto proposed = repo.Propose(std::nullopt, office_who);
  if (!proposed.ok()) return proposed.error();
  store::TaskFilter filter;
  filter.state = "proposed";
  auto tasks = repo.Tasks(filter);
  if (!tasks.ok()) return tasks.error();
  int confirmed = 0;
  for (const auto& t : tasks.value()) {
    auto c = repo.UpdateTasks(
        {t.id},
        [&](const std::vector<track::TrackedTask>& ts)
            -> Result<track::Change<std::vector<track::TrackedTask>>> {
          auto r = track::Confirm(ts.front(), office);
          if (!r.ok()) return r.error();
          return track::Change<std::vector<track::TrackedTask>>{{r.value().value}, r.value().audit};
        },
        office_who);
    if (c.ok()) ++confirmed;  // a task without registry units stays proposed, for review
  }
  // One-off confirmed tasks of the officer's unit, and of other units, to date around today.
  std::vector<std::int64_t> mine, others;
  filter.state = "confirmed";
  auto on_board = repo.Tasks(filter);
  if (!on_board.ok()) return on_board.error();
  for (const auto& t : on_board.value()) {
    if (!t.due.rrule.empty()) continue;
    // Tasks the officer's unit answers for alone, so its reports decide the status.
    const auto responsible = track::ResponsibleUnits(t);
    if (responsible == std::vector<std::string>{kOfficerUnit}) {
      mine.push_back(t.id);
    } else if (!track::HasUnit(t, kOfficerUnit)) {
      others.push_back(t.id);
    }
  }
  const calendar::Date end_of_month = calendar::EndOfMonth(today);
  auto in_month = [&](int days) {
    const calendar::Date d = calendar::AddDays(today, days);
    return d <= end_of_month ? d : end_of_month;
  };
  int reports = 0;
  auto step = [&](Result<bool> r) -> std::optional<Error> {
    if (!r.ok()) return r.error();
    return std::nullopt;
  };
  if (mine.size() >= 4) {
    // Overdue: past its date with no report.
    if (auto e = step(MoveDue(repo, mine[0], calendar::AddDays(today, -12), office, office_who)))
      return *e;
    // Due this month, a report waiting for the office.
    if (auto e = step(MoveDue(repo, mine[1], in_month(3), office, office_who))) return *e;
    auto r1 =
        File(repo, mine[1], kOfficerUnit, "Đã triển khai 60% khối lượng; dự kiến xong đúng hạn.",
             60, today, officer, officer_who);
    if (!r1.ok()) return r1.error();
    // Done on time: the office confirmed a 100% report.
    if (auto e = step(MoveDue(repo, mine[2], in_month(5), office, office_who))) return *e;
    auto r2 = File(repo, mine[2], kOfficerUnit, "Đã hoàn thành; văn bản kèm theo gửi qua hệ thống.",
                   100, today, officer, officer_who);
    if (!r2.ok()) return r2.error();
    auto c2 = repo.UpdateReport(
        r2.value().id,
        [&](const track::TrackedTask&, const track::ProgressReport& r) {
          return track::ConfirmReport(r, office);
        },
        office_who);
    if (!c2.ok()) return c2.error();
    // Returned: the office asks for figures.
    if (auto e = step(MoveDue(repo, mine[3], end_of_month, office, office_who))) return *e;
    auto r3 = File(repo, mine[3], kOfficerUnit, "Đang thực hiện.", 30, today, officer, officer_who);
    if (!r3.ok()) return r3.error();
    auto c3 = repo.UpdateReport(
        r3.value().id,
        [&](const track::TrackedTask&, const track::ProgressReport& r) {
          return track::ReturnReport(r, "Báo cáo chưa có số liệu cụ thể; đề nghị bổ sung.", office);
        },
        office_who);
    if (!c3.ok()) return c3.error();
    reports += 3;
  }
  if (others.size() >= 2) {
    if (auto e = step(MoveDue(repo, others[0], calendar::AddDays(today, -5), office, office_who)))
      return *e;
    if (auto e = step(MoveDue(repo, others[1], in_month(7), office, office_who))) return *e;
  }
  return "dondoc demo: " + std::to_string(proposed.value()) + " tasks proposed, " +
         std::to_string(confirmed) + " confirmed, " + std::to_string(reports) +
         " reports filed (dates of a few tasks moved around " + calendar::FormatIso(today) + ")";
}

}  // namespace

int CmdDemo(const Args& args) {
  std::filesystem::path dir = "build/demo";
  std::string samples = "samples";
  std::string web = "web/public";
  Args serve_args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsageDemo, stdout);
      return 0;
    }
    if ((a == "--dir" || a == "--samples" || a == "--web" || a == "--bind" || a == "--port" ||
         a == "--cache-ms") &&
        i + 1 < args.size()) {
      const std::string& v = args[++i];
      if (a == "--dir") dir = v;
      if (a == "--samples") samples = v;
      if (a == "--web") web = v;
      if (a == "--bind" || a == "--port" || a == "--cache-ms") {
        serve_args.push_back(a);
        serve_args.push_back(v);
      }
      continue;
    }
    std::fprintf(stderr, "dondoc demo: bad argument '%s'\n%s", a.c_str(), kUsageDemo);
    return 2;
  }
  if (!std::filesystem::is_directory(samples)) {
    std::fprintf(stderr, "dondoc demo: %s: not a directory (run from the repository root)\n",
                 samples.c_str());
    return 2;
  }
  if (!std::filesystem::is_directory(web)) {
    std::fprintf(stderr, "dondoc demo: %s: not a directory (run from the repository root)\n",
                 web.c_str());
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "dondoc demo: %s: %s\n", dir.string().c_str(), ec.message().c_str());
    return 1;
  }
  const std::string db = (dir / "dondoc.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);

  std::printf("dondoc demo: loading %s into %s\n", samples.c_str(), db.c_str());
  std::fflush(stdout);
  if (const int rc = CmdIngest({"--db", db, samples}); rc != 0) {
    std::fprintf(stderr, "dondoc demo: loading the samples failed (exit %d)\n", rc);
    return 1;
  }

  if (!access::InitCrypto()) {
    std::fputs("dondoc demo: libsodium failed to initialise\n", stderr);
    return 1;
  }
  auto repos = store::SqliteAccessRepos::Open(db);
  if (!repos.ok()) {
    std::fprintf(stderr, "dondoc demo: %s: %s\n", db.c_str(), repos.error().message.c_str());
    return 1;
  }
  std::vector<std::string> lines;
  std::map<std::string, std::int64_t> ids;
  for (const DemoUser& u : kUsers) {
    const std::string password = access::NewToken().substr(0, 16);
    auto hash = access::HashPassword(password);
    if (!hash.ok()) {
      std::fprintf(stderr, "dondoc demo: %s\n", hash.error().message.c_str());
      return 1;
    }
    access::User user;
    user.username = u.name;
    user.role = *access::ParseRole(u.role);
    user.unit_id = std::string(u.unit) == "-" ? "" : u.unit;
    user.password_hash = hash.value();
    auto id = repos.value()->Add(user);
    if (!id.ok()) {
      std::fprintf(stderr, "dondoc demo: %s\n", id.error().message.c_str());
      return 1;
    }
    ids[u.name] = id.value();
    lines.push_back("  " + std::string(u.name) + std::string(10 - std::string(u.name).size(), ' ') +
                    password + "   " + u.role +
                    (std::string(u.unit) == "-" ? "" : " " + std::string(u.unit)) + " — " + u.who);
  }
  repos.value().reset();

  auto tracking = store::OpenSqliteTracking(db);
  if (!tracking.ok()) {
    std::fprintf(stderr, "dondoc demo: %s: %s\n", db.c_str(), tracking.error().message.c_str());
    return 1;
  }
  auto seeded = SeedDemo(*tracking.value(), ids, static_cast<std::int64_t>(std::time(nullptr)));
  if (!seeded.ok()) {
    std::fprintf(stderr, "dondoc demo: demo data: %s\n", seeded.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", seeded.value().c_str());
  std::printf("\ndemo users (name, password, role):\n");
  for (const std::string& l : lines) std::printf("%s\n", l.c_str());
  std::printf("\n");
  std::fflush(stdout);

  serve_args.insert(serve_args.end(), {"--db", db, "--static", web});
  return CmdServe(serve_args);
}

}  // namespace dondoc::cli
