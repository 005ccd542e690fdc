#include "parse/json.h"

#include <gtest/gtest.h>

namespace dondoc::parse {
namespace {

TEST(JsonTest, ContractKeysInOrderAndNulls) {
  Document d;
  d.source.name = "a.txt";
  d.number = "12/KH-UBND";
  const auto j = ToJson(d);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  const std::vector<std::string> want = {
      "schema",     "source", "kind",  "issuer",    "number",      "type",       "type_name",
      "place",      "date",   "title", "spans",     "signers",     "recipients", "outline",
      "references", "times",  "tasks", "reporting", "attachments", "warnings"};
  EXPECT_EQ(keys, want);
  EXPECT_EQ(j["schema"], "dondoc/document@1");
  EXPECT_TRUE(j["issuer"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_EQ(j["number"], "12/KH-UBND");
  EXPECT_TRUE(j["tasks"].is_array());
}

TEST(JsonTest, TasksCarryDueIndexAndSpans) {
  Document d;
  d.times.push_back({"quý II/2026", "period", "2026-04-01", "2026-06-30", "", "", {10, 20}});
  Task t;
  t.action = "Xây dựng kế hoạch";
  t.units.push_back({"Sở Y tế", "", "lead", {0, 9}});
  t.due = 0;
  d.tasks.push_back(t);
  const auto j = ToJson(d);
  EXPECT_EQ(j["tasks"][0]["due"], 0);
  EXPECT_EQ(j["tasks"][0]["units"][0]["role"], "lead");
  EXPECT_EQ(j["times"][0]["span"][1], 20);
  EXPECT_TRUE(j["times"][0]["rrule"].is_null());
}

TEST(JsonTest, InvalidUtf8IsReplacedNotThrown) {
  Document d;
  d.title = "bad \xC3";
  EXPECT_NO_THROW(ToJsonString(d, false));
}

}  // namespace
}  // namespace dondoc::parse
