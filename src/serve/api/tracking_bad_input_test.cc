// Bad input on the tracking API (issue 5): malformed JSON, an oversized body, a wrong content
// type, an expired session, a missing CSRF token, a forged unit id, a 200 MB upload (refused
// from its Content-Length before the body is read) and non-documents — each a clear error code.
#include <chrono>

#include "serve/api/tracking_fixture.h"

namespace dondoc::serve::api::testing {
namespace {

class TrackingBadInputTest : public TrackingFixture {
 protected:
  void SetUp() override {
    TrackingFixture::SetUp();
    if (HasFatalFailure()) return;
    task_ = TaskOf(kOwnUnit);
    target_ = "/api/tasks/" + std::to_string(task_) + "/reports";
    officer_ = Login("sotttt");
    office_ = Login("vanphong");
  }
  ClientResponse Raw(const Client& c, const std::string& target, const std::string& type,
                     const std::string& body, bool csrf = true) {
    Headers h = {{"Cookie", c.cookie}, {"Content-Type", type}};
    if (csrf) h.emplace_back("X-CSRF-Token", c.csrf);
    return Fetch(port_, "POST", target, h, body);
  }
  std::int64_t task_ = 0;
  std::string target_;
  Client officer_, office_;
};

TEST_F(TrackingBadInputTest, MalformedJson) {
  ClientResponse r = Raw(officer_, target_, "application/json", "{\"unit_id\": \"so-tttt\",");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(CodeOf(r), "bad_json");
  EXPECT_EQ(CodeOf(Raw(officer_, target_, "application/json", "[1, 2]")), "bad_json");
}

TEST_F(TrackingBadInputTest, WrongFieldsNameTheField) {
  nlohmann::json body = ReportBody(kOwnUnit);
  body["percent"] = 150;
  ClientResponse r = Post(officer_, target_, body);
  EXPECT_EQ(CodeOf(r), "invalid_field");
  EXPECT_EQ(JsonOf(r)["error"]["field"], "percent");
  body = ReportBody(kOwnUnit);
  body["period"]["from"] = "31/12/2026";
  EXPECT_EQ(JsonOf(Post(officer_, target_, body))["error"]["field"], "period.from");
  body = ReportBody(kOwnUnit);
  body["text"] = "   ";
  EXPECT_EQ(CodeOf(Post(officer_, target_, body)), "invalid_report");
  EXPECT_EQ(CodeOf(Post(officer_, "/api/tasks/abc/reports", ReportBody(kOwnUnit))),
            "invalid_field");
  EXPECT_EQ(CodeOf(Post(officer_, "/api/tasks/999999/reports", ReportBody(kOwnUnit))), "not_found");
}

TEST_F(TrackingBadInputTest, OversizedBody) {
  const std::string big = "{\"text\": \"" + std::string(2u << 20, 'a') + "\"}";
  ClientResponse r = Raw(officer_, target_, "application/json", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(CodeOf(r), "body_too_large");
}

TEST_F(TrackingBadInputTest, WrongContentType) {
  ClientResponse r = Raw(officer_, target_, "text/plain", ReportBody(kOwnUnit).dump());
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(CodeOf(r), "unsupported_media_type");
  // An upload as JSON is not an upload either.
  EXPECT_EQ(CodeOf(Raw(office_, "/api/documents", "application/json", "{}")),
            "unsupported_media_type");
}

TEST_F(TrackingBadInputTest, ExpiredSession) {
  now_ += 2 * 3600;  // past the idle timeout of the fixture (1 h)
  ClientResponse r = Post(officer_, target_, ReportBody(kOwnUnit));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(CodeOf(r), "session_expired");
  EXPECT_EQ(CodeOf(Get(office_, "/api/tasks")), "session_expired");
}

TEST_F(TrackingBadInputTest, MissingCsrfToken) {
  ClientResponse r =
      Raw(officer_, target_, "application/json", ReportBody(kOwnUnit).dump(), /*csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(CodeOf(r), "csrf_missing");
  EXPECT_EQ(Repo()->Reports({task_}).value().size(), 0u);
}

TEST_F(TrackingBadInputTest, ForgedUnitId) {
  // The officer of so-tttt files in the name of so-y-te: refused before anything is read.
  ClientResponse r = Post(officer_, target_, ReportBody(kOtherUnit));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(CodeOf(r), "forbidden");
  // The office may type a paper report, but only for a unit the task has.
  EXPECT_EQ(CodeOf(Post(office_, target_, ReportBody(kOtherUnit))), "unit_not_assigned");
  EXPECT_EQ(Repo()->Reports({task_}).value().size(), 0u);
}

TEST_F(TrackingBadInputTest, HugeUploadRefusedFromItsContentLength) {
  // 200 MB announced, nothing sent: the answer must come at once, from the header alone.
  const auto start = std::chrono::steady_clock::now();
  const std::string request =
      "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + office_.cookie +
      "\r\nX-CSRF-Token: " + office_.csrf +
      "\r\nContent-Type: application/octet-stream\r\nX-Filename: big.txt\r\n"
      "Content-Length: 209715200\r\n\r\n";
  const std::string reply =
      serve::testing::RawExchange(port_, request, std::chrono::milliseconds(5000));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 413") << reply.substr(0, 200);
  EXPECT_NE(reply.find("body_too_large"), std::string::npos);
}

TEST_F(TrackingBadInputTest, NonDocumentUploads) {
  auto upload = [&](const std::string& bytes, const std::string& name) {
    return Fetch(port_, "POST", "/api/documents",
                 {{"Cookie", office_.cookie},
                  {"X-CSRF-Token", office_.csrf},
                  {"Content-Type", "application/octet-stream"},
                  {"X-Filename", name}},
                 bytes);
  };
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
  ClientResponse r = upload(garbage, "scan.txt");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(CodeOf(r), "not_a_document");
  ClientResponse empty = upload("", "empty.txt");
  EXPECT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(CodeOf(empty), "not_a_document");
  EXPECT_EQ(CodeOf(upload("%PDF-1.7\n", "plan.pdf")), "not_a_document");
  // Nothing was stored.
  store::TaskFilter f;
  f.state = "all";
  EXPECT_EQ(CodeOf(Get(office_, "/api/documents?limit=100")), "");
  auto list = JsonOf(Get(office_, "/api/documents?limit=100"));
  for (const auto& d : list["items"])
    EXPECT_EQ(d["title"].get<std::string>().find("scan"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::serve::api::testing
