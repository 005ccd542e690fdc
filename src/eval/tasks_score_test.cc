#include "eval/tasks_score.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/score.h"
#include "read/file.h"

namespace dondoc::eval {
namespace {

// A synthetic plan: a preamble, section II (scored) and section III (out of scope).
constexpr std::string_view kText =
    "KẾ HOẠCH\nI. MỤC ĐÍCH\nGiao Sở Nội vụ rà soát hồ sơ.\n"
    "II. NHIỆM VỤ CỤ THỂ\n"
    "1. Xây dựng cơ sở dữ liệu dân cư: Sở Y tế chủ trì, phối hợp với Sở TT&TT; "
    "hoàn thành trong quý II/2026.\n"
    "2. Tuyên truyền Luật Tiêu chuẩn: UBND các xã, phường thực hiện; trước 30/6/2026.\n"
    "III. TỔ CHỨC THỰC HIỆN\nĐề nghị Ủy ban MTTQ tỉnh phối hợp giám sát.\n";

std::uint32_t At(std::string_view needle) { return static_cast<std::uint32_t>(kText.find(needle)); }

TasksGold SectionTwoGold() {
  std::string error;
  auto g = ParseTasksGold(R"({
    "file": "x.txt",
    "scope": {"from_heading": "II. NHIỆM VỤ  CỤ\nTHỂ", "to_heading": "III. TỔ CHỨC THỰC HIỆN"},
    "tasks": [
      {"action_hint": "Xây dựng cơ sở dữ liệu dân cư",
       "units": [{"name": "Sở Y tế", "role": "lead"},
                 {"name": "Sở Thông tin và Truyền thông", "role": "coordinate"}],
       "due_text": "quý II/2026", "due_date": "2026-06-30"},
      {"action_hint": "Tuyên truyền Luật Tiêu chuẩn",
       "units": [{"name": "Ủy ban nhân dân các xã, phường", "role": "execute"}],
       "due_text": "trước 30/6/2026", "due_date": "2026-06-30"}
    ]})",
                          &error);
  EXPECT_TRUE(g) << error;
  return g.value_or(TasksGold{});
}

Task MakeTask(std::string action, std::string_view at, std::vector<TaskUnit> units,
              std::optional<int> due) {
  Task t;
  t.action = std::move(action);
  t.units = std::move(units);
  t.due = due;
  t.span = {At(at), At(at) + 10};
  return t;
}

Document PerfectDoc() {
  Document d;
  d.times.push_back({"quý II/2026", "period", "2026-04-01", "2026-06-30", "", "", {}});
  d.times.push_back({"trước 30/6/2026", "date", "", "2026-06-30", "", "", {}});
  d.tasks.push_back(MakeTask("Giao Sở Nội vụ rà soát hồ sơ", "Giao Sở Nội vụ",
                             {{"Sở Nội vụ", "", "execute", {}}}, std::nullopt));
  d.tasks.push_back(
      MakeTask("Xây dựng cơ sở dữ liệu dân cư", "1. Xây dựng",
               {{"Sở Y tế tỉnh Bình Sơn", "", "lead", {}}, {"Sở TT&TT", "", "coordinate", {}}}, 0));
  d.tasks.push_back(MakeTask("Tuyên truyền Luật Tiêu chuẩn", "2. Tuyên truyền",
                             {{"UBND các xã, phường", "", "execute", {}}}, 1));
  d.tasks.push_back(MakeTask("giám sát", "Đề nghị Ủy ban MTTQ",
                             {{"Ủy ban MTTQ tỉnh", "", "requested", {}}}, std::nullopt));
  return d;
}

TEST(TasksScoreGold, ParsesWholeScopeAndRejectsBadRoles) {
  std::string error;
  auto g = ParseTasksGold(
      R"({"file": "a.txt", "scope": "whole", "tasks": [{"action_hint": "Làm",
          "units": [{"name": "Sở Y tế", "role": "execute"}], "due_text": null,
          "due_date": null}]})",
      &error);
  ASSERT_TRUE(g) << error;
  EXPECT_TRUE(g->whole);
  ASSERT_EQ(g->tasks.size(), 1u);
  EXPECT_EQ(g->tasks[0].due_date, "");
  EXPECT_FALSE(ParseTasksGold(
      R"({"file": "a.txt", "tasks": [{"action_hint": "x", "units": [{"name": "A", "role": "boss"}]}]})",
      &error));
  EXPECT_NE(error.find("bad role"), std::string::npos);
  EXPECT_FALSE(ParseTasksGold(
      R"({"file": "a.txt", "tasks": [{"action_hint": "x", "units": [], "due_date": "30/6/2026"}]})",
      &error));
  EXPECT_FALSE(ParseTasksGold("[1, 2]", &error));
}

TEST(TasksScoreUnits, KeysExpandAbbreviationsAndAmpersands) {
  EXPECT_EQ(UnitKey("Sở TT&TT"), "so thong tin va truyen thong");
  EXPECT_EQ(UnitKey("Sở Thông tin và Truyền thông"), "so thong tin va truyen thong");
  EXPECT_EQ(UnitKey("UBND các xã, phường"), UnitKey("Ủy ban nhân dân các xã, phường"));
  EXPECT_EQ(UnitKey("Sở Văn hóa, Thể thao & Du lịch"), "so van hoa the thao va du lich");
  EXPECT_EQ(UnitKey("Sở KH&CN"), UnitKey("Sở Khoa học và Công nghệ"));
}

TEST(TasksScoreUnits, ContainmentNeedsTwoWholeWords) {
  EXPECT_TRUE(UnitKeysMatch(UnitKey("Sở Y tế"), UnitKey("Sở Y tế tỉnh Bình Sơn")));
  EXPECT_TRUE(UnitKeysMatch(UnitKey("Công an tỉnh"), UnitKey("Công an tỉnh")));
  EXPECT_FALSE(UnitKeysMatch(UnitKey("Sở"), UnitKey("Sở Y tế")));
  EXPECT_FALSE(UnitKeysMatch(UnitKey("Sở Y tế"), UnitKey("Sở Tài chính")));
  // Whole words only: "so y" is not inside "so yte".
  EXPECT_FALSE(UnitKeysMatch("so y", "so yte"));
}

TEST(TasksScoreScope, FindsHeadingsAcrossSpacingAndAccents) {
  const TasksGold g = SectionTwoGold();
  const auto r = FindScope(g, kText);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->begin, kText.find("II. NHIỆM VỤ"));
  EXPECT_EQ(r->end, kText.find("III. TỔ CHỨC"));
  TasksGold missing = g;
  missing.to_heading = "IV. KHÔNG CÓ";
  EXPECT_FALSE(FindScope(missing, kText));
}

TEST(TasksScore, PerfectPredictionInScope) {
  const TasksScore s = ScoreTasks(SectionTwoGold(), PerfectDoc(), kText);
  EXPECT_TRUE(s.scope_found);
  EXPECT_EQ(s.gold_tasks, 2);
  EXPECT_EQ(s.pred_tasks, 2);  // the Sở Nội vụ and MTTQ tasks lie outside section II
  EXPECT_EQ(s.aligned_tasks, 2);
  EXPECT_EQ(s.gold_units, 3);
  EXPECT_EQ(s.pred_units, 3);
  EXPECT_EQ(s.matched_units, 3);
  EXPECT_DOUBLE_EQ(s.UnitF1(), 1.0);
  EXPECT_DOUBLE_EQ(s.RoleAccuracy(), 1.0);
  EXPECT_EQ(s.gold_dated, 2);
  EXPECT_DOUBLE_EQ(s.TimeAccuracy(), 1.0);
}

TEST(TasksScore, EmptyPredictionScoresZero) {
  Document d;
  const TasksScore s = ScoreTasks(SectionTwoGold(), d, kText);
  EXPECT_EQ(s.gold_units, 3);
  EXPECT_EQ(s.pred_units, 0);
  EXPECT_DOUBLE_EQ(s.UnitF1(), 0.0);
  EXPECT_DOUBLE_EQ(s.RoleAccuracy(), 0.0);
  EXPECT_DOUBLE_EQ(s.TimeAccuracy(), 0.0);
}

TEST(TasksScore, WrongRoleSpuriousUnitAndWrongDate) {
  Document d = PerfectDoc();
  d.tasks[1].units[1].role = "lead";                                // Sở TT&TT should coordinate
  d.tasks[2].units.push_back({"Công an tỉnh", "", "execute", {}});  // not in the gold
  d.times[1].date = "2026-06-29";
  const TasksScore s = ScoreTasks(SectionTwoGold(), d, kText);
  EXPECT_EQ(s.pred_units, 4);
  EXPECT_EQ(s.matched_units, 3);
  EXPECT_DOUBLE_EQ(s.UnitPrecision(), 0.75);
  EXPECT_DOUBLE_EQ(s.UnitRecall(), 1.0);
  EXPECT_NEAR(s.UnitF1(), 6.0 / 7.0, 1e-9);
  EXPECT_EQ(s.same_role, 2);
  EXPECT_EQ(s.time_ok, 1);
}

TEST(TasksScore, MissesNameEachWrongUnitRoleAndDate) {
  Document d = PerfectDoc();
  d.tasks[1].units[1].role = "lead";
  d.tasks[2].units.push_back({"Công an tỉnh", "", "execute", {}});
  d.times[1].date = "2026-06-29";
  std::vector<std::string> misses;
  ScoreTasks(SectionTwoGold(), d, kText, &misses);
  ASSERT_EQ(misses.size(), 3u);
  EXPECT_EQ(misses[0].rfind("time: \"Tuyên truyền Luật Tiêu chuẩn\" due 2026-06-30", 0), 0u)
      << misses[0];
  EXPECT_EQ(misses[1].rfind("role: Sở Thông tin và Truyền thông gold coordinate, got lead", 0), 0u)
      << misses[1];
  EXPECT_EQ(misses[2].rfind("extra unit: Công an tỉnh [execute]", 0), 0u) << misses[2];
}

TEST(TasksScore, RolesComparedInsideTheAlignedTask) {
  // Sở Y tế leads task 1 and coordinates task 2; a prediction with the roles swapped
  // between tasks must lose both roles, not have them paired across tasks.
  std::string error;
  auto g = ParseTasksGold(R"({"file": "x.txt", "scope": "whole", "tasks": [
      {"action_hint": "Xây dựng cơ sở dữ liệu dân cư", "units": [{"name": "Sở Y tế", "role": "lead"}]},
      {"action_hint": "Tuyên truyền Luật Tiêu chuẩn", "units": [{"name": "Sở Y tế", "role": "coordinate"}]}
    ]})",
                          &error);
  ASSERT_TRUE(g) << error;
  Document d;
  d.tasks.push_back(MakeTask("Xây dựng cơ sở dữ liệu dân cư", "1. Xây dựng",
                             {{"Sở Y tế", "", "coordinate", {}}}, std::nullopt));
  d.tasks.push_back(MakeTask("Tuyên truyền Luật Tiêu chuẩn", "2. Tuyên truyền",
                             {{"Sở Y tế", "", "lead", {}}}, std::nullopt));
  const TasksScore s = ScoreTasks(*g, d, kText);
  EXPECT_EQ(s.aligned_tasks, 2);
  EXPECT_EQ(s.matched_units, 2);
  EXPECT_EQ(s.same_role, 0);
}

TEST(TasksScore, UnalignedTaskStillEarnsUnitsAndTimeThroughSharedUnit) {
  Document d = PerfectDoc();
  d.tasks[1].action = "Nội dung khác hẳn";  // no longer aligns with gold task 1
  const TasksScore s = ScoreTasks(SectionTwoGold(), d, kText);
  EXPECT_EQ(s.aligned_tasks, 1);
  EXPECT_EQ(s.matched_units, 3);
  EXPECT_EQ(s.same_role, 3);
  EXPECT_EQ(s.time_ok, 2);  // the unaligned task shares Sở Y tế and has the right date
}

TEST(TasksScore, MissingHeadingFallsBackToWholeDocument) {
  TasksGold g = SectionTwoGold();
  g.from_heading = "V. KHÔNG CÓ";
  const TasksScore s = ScoreTasks(g, PerfectDoc(), kText);
  EXPECT_FALSE(s.scope_found);
  EXPECT_EQ(s.pred_tasks, 4);
}

TEST(TasksScore, AddSumsCounts) {
  TasksScore a = ScoreTasks(SectionTwoGold(), PerfectDoc(), kText);
  a.Add(ScoreTasks(SectionTwoGold(), Document{}, kText));
  EXPECT_EQ(a.gold_units, 6);
  EXPECT_EQ(a.matched_units, 3);
  EXPECT_DOUBLE_EQ(a.UnitRecall(), 0.5);
  EXPECT_DOUBLE_EQ(a.UnitPrecision(), 1.0);
}

// The gold set itself (tests/data/tasks-gold): every file parses, names its own corpus file,
// keeps each action_hint ≤ 80 characters and quoted from the document (after folding and
// collapsing spaces), and its scope headings are found. The corpus checks are skipped when
// ../shared/corpus/dev is not present.
std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string FoldedWords(const std::string& s) {
  std::string out;
  for (const auto& w : Words(s)) out += w + " ";
  return out;
}

TEST(TasksScoreGoldSet, FilesParseAndQuoteTheirDocuments) {
  namespace fs = std::filesystem;
  const char* src = std::getenv("DONDOC_SOURCE_DIR");
  const fs::path root = src ? src : DONDOC_SOURCE_DIR;
  const fs::path dir = root / "tests/data/tasks-gold";
  const fs::path corpus = root.parent_path() / "shared/corpus/dev";
  ASSERT_TRUE(fs::is_directory(dir));
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    ++files;
    SCOPED_TRACE(e.path().filename().string());
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string error;
    const auto g = ParseTasksGold(ss.str(), &error);
    ASSERT_TRUE(g) << error;
    EXPECT_EQ(g->file, e.path().stem().string() + ".txt");
    EXPECT_FALSE(g->tasks.empty());
    for (const auto& t : g->tasks) {
      EXPECT_LE(CodePoints(t.action_hint), 80u) << t.action_hint;
      EXPECT_FALSE(t.units.empty()) << t.action_hint;
    }
    if (!fs::is_directory(corpus)) continue;
    const auto doc = read::ReadDocument((corpus / g->file).string());
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const auto scope = FindScope(*g, doc.value().text);
    ASSERT_TRUE(scope) << "scope headings not found";
    const std::string scoped =
        " " + FoldedWords(doc.value().text.substr(scope->begin, scope->end - scope->begin));
    for (const auto& t : g->tasks) {
      EXPECT_NE(scoped.find(" " + FoldedWords(t.action_hint)), std::string::npos)
          << "action_hint not quoted from the scoped text: " << t.action_hint;
    }
    // The gold, replayed as a prediction inside its scope, scores perfectly.
    Document echo;
    for (const auto& t : g->tasks) {
      Task task;
      task.action = t.action_hint;
      task.span = {static_cast<std::uint32_t>(scope->begin),
                   static_cast<std::uint32_t>(scope->begin) + 1};
      for (const auto& u : t.units) task.units.push_back({u.name, "", u.role, {}});
      if (!t.due_date.empty()) {
        task.due = static_cast<int>(echo.times.size());
        echo.times.push_back({t.due_text, "date", "", t.due_date, "", "", {}});
      }
      echo.tasks.push_back(std::move(task));
    }
    const TasksScore s = ScoreTasks(*g, echo, doc.value().text);
    EXPECT_EQ(s.aligned_tasks, s.gold_tasks);
    EXPECT_DOUBLE_EQ(s.UnitF1(), 1.0);
    EXPECT_DOUBLE_EQ(s.RoleAccuracy(), 1.0);
    EXPECT_EQ(s.time_ok, s.gold_dated);
  }
  EXPECT_GE(files, 1);
}

}  // namespace
}  // namespace dondoc::eval
