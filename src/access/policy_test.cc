// The whole matrix: every role × every action × {own unit, other unit, no unit (global)}, the
// expected answers written out as a table a reviewer can check against policy.h.
#include "access/policy.h"

#include <gtest/gtest.h>

#include <map>

namespace dondoc::access {
namespace {

// One row per action: {own, other, global} per role, 'Y' allow, '.' deny.
// Columns: admin | office | unit_officer | reader.
struct Row {
  Action action;
  const char* admin;
  const char* office;
  const char* officer;
  const char* reader;
};
constexpr Row kMatrix[] = {
    //                             own/other/global for each role
    {Action::kReadDocument, /**/ "YYY", "YYY", "YYY", "YYY"},
    {Action::kUploadDocument, /**/ "...", "YYY", "...", "..."},
    {Action::kReadTask, /**/ "YYY", "YYY", "Y..", "YYY"},
    {Action::kEditTask, /**/ "...", "YYY", "...", "..."},
    {Action::kReadReport, /**/ "YYY", "YYY", "Y..", "YYY"},
    {Action::kFileReport, /**/ "...", "YYY", "Y..", "..."},
    {Action::kReviewReport, /**/ "...", "YYY", "...", "..."},
    {Action::kExport, /**/ "YYY", "YYY", "Y..", "YYY"},
    {Action::kReadAudit, /**/ "YYY", "YYY", "...", "..."},
    {Action::kManageUsers, /**/ "YYY", "...", "...", "..."},
};

Principal Who(Role role) {
  Principal p;
  p.user_id = 1;
  p.username = "u";
  p.role = role;
  // Every role carries a unit here, so a rule that forgot to check the role would show up.
  p.unit_id = "so-tai-chinh";
  return p;
}

TEST(Decide, MatrixOverEveryRoleActionAndUnit) {
  const Resource own = Resource::OfUnit("so-tai-chinh");
  const Resource other = Resource::OfUnit("so-y-te");
  const Resource global = Resource::Global();
  ASSERT_EQ(std::size(kMatrix), std::size(kAllActions)) << "a new action needs a matrix row";
  int checked = 0;
  for (const Row& row : kMatrix) {
    const std::map<Role, const char*> expected = {{Role::kAdmin, row.admin},
                                                  {Role::kOffice, row.office},
                                                  {Role::kUnitOfficer, row.officer},
                                                  {Role::kReader, row.reader}};
    for (const auto& [role, cells] : expected) {
      const Resource* resources[] = {&own, &other, &global};
      for (int i = 0; i < 3; ++i) {
        const Decision d = Decide(Who(role), row.action, *resources[i]);
        EXPECT_EQ(d.allow, cells[i] == 'Y')
            << RoleName(role) << " " << ActionName(row.action) << " "
            << (i == 0   ? "own"
                : i == 1 ? "other"
                         : "global")
            << ": " << d.reason;
        EXPECT_FALSE(d.reason.empty());
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 10 * 4 * 3);
}

TEST(Decide, OfficerWithoutAUnitGetsNothingUnitScoped) {
  Principal p = Who(Role::kUnitOfficer);
  p.unit_id.clear();
  for (Action a : {Action::kReadTask, Action::kReadReport, Action::kFileReport, Action::kExport}) {
    EXPECT_FALSE(Decide(p, a, Resource::OfUnit("")).allow) << ActionName(a);
    EXPECT_FALSE(Decide(p, a, Resource::OfUnit("so-y-te")).allow) << ActionName(a);
  }
  EXPECT_TRUE(Decide(p, Action::kReadDocument, Resource::Global()).allow);
}

TEST(Decide, TaskOfSeveralUnitsIsVisibleToEachOfThem) {
  const Resource task{{"so-y-te", "so-tai-chinh", "ubnd-huyen-a"}};
  EXPECT_TRUE(Decide(Who(Role::kUnitOfficer), Action::kReadTask, task).allow);
  Principal other = Who(Role::kUnitOfficer);
  other.unit_id = "so-xay-dung";
  EXPECT_FALSE(Decide(other, Action::kReadTask, task).allow);
  // A forged unit id that merely shares a prefix is another unit.
  other.unit_id = "so-y";
  EXPECT_FALSE(Decide(other, Action::kReadTask, task).allow);
}

TEST(Roles, NamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kOffice, Role::kUnitOfficer, Role::kReader}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_FALSE(ParseRole("Admin"));
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParseRole(""));
}

}  // namespace
}  // namespace dondoc::access
