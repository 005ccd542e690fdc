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

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(JsonTest, InvalidUtf8IsReplacedNotThrown) {
  Document d;
  d.title = "bad \xC3";
  std::string s;
  EXPECT_NO_THROW(s = ToJsonString(d, false));
  EXPECT_EQ(s, Dump(ToJson(d)));  // the DOM writer took over
  EXPECT_NE(s.find("bad \xEF\xBF\xBD"), std::string::npos) << s;
}

// The streamed compact form is the DOM's dump, byte for byte, for every field and kind of
// string: nested outline, tasks with and without due, escapes, control characters (which the
// two libraries spell differently, so the DOM writes them).
TEST(JsonTest, CompactStreamEqualsDomDump) {
  Document d;
  d.source = {"a \"quoted\" name.txt", "ab12", "text", "utf-8", true};
  d.kind = "official";
  d.issuer = Issuer{"ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "", "ubnd-an-binh", {0, 30}};
  d.number = "12/KH-UBND";
  d.title = "Kế hoạch\tthực hiện\\ \"năm\" 2031\nđợt 2";
  d.signers.push_back({"Nguyễn Văn A", "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", {5, 9}});
  d.recipients.push_back({"Sở Y tế", "t/h", {1, 2}});
  OutlineNode root{"I.", "MỤC ĐÍCH", "I", {0, 4}, {}};
  root.children.push_back({"1.", "", "I.1", {5, 6}, {}});
  d.outline.push_back(root);
  d.references.push_back({"NQ", "35-NQ/TW", "2019-01-01", "", "", {3, 4}});
  d.times.push_back({"quý II/2031", "period", "2031-04-01", "2031-06-30", "", "", {10, 20}});
  Task t;
  t.action = "Xây dựng";
  t.units.push_back({"Sở Y tế", "", "lead", {0, 9}});
  t.due = 0;
  d.tasks.push_back(t);
  d.tasks.push_back(Task{"Báo cáo", {}, std::nullopt, "II.2", {1, 3}});
  d.reporting.push_back({"UBND tỉnh", {0, 1}, {4, 5}});
  d.attachments.push_back({"Kế hoạch", "", {7, 8}});
  d.warnings.push_back({"stamp", "an incoming-document stamp", {0, 1}});
  EXPECT_EQ(ToJsonString(d, false), Dump(ToJson(d)));
  EXPECT_EQ(ToJsonString(Document{}, false), Dump(ToJson(Document{})));
  d.title = "form\x0B feed \x1B escape";
  EXPECT_EQ(ToJsonString(d, false), Dump(ToJson(d)));
  const std::string text = "Số: 12/KH-UBND\n";
  auto with_text = ToJson(d);
  with_text["text"] = text;
  EXPECT_EQ(ToJsonString(d, false, &text), Dump(with_text));
}

}  // namespace
}  // namespace dondoc::parse
