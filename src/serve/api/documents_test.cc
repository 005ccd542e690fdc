// The document routes end to end: the real server on a loopback port, a temporary database
// ingested from samples/, read through the read-only pool as `dondoc serve --db` does.
#include "serve/api/documents.h"

#include <gtest/gtest.h>

#include <set>

#include "access/memory_repos.h"
#include "serve/api/api.h"
#include "serve/server.h"
#include "serve/testing/client.h"
#include "store/ingest.h"
#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace dondoc::serve::api {
namespace {

using testing::ClientResponse;
using testing::Fetch;

nlohmann::json Body(const ClientResponse& r) {
  return nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
}

std::string Code(const ClientResponse& r) {
  auto j = Body(r);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"];
}

std::string Field(const ClientResponse& r) {
  auto j = Body(r);
  if (j.is_discarded() || !j.contains("error") || !j["error"].contains("field")) return "";
  return j["error"]["field"];
}

class DocumentsTest : public ::testing::Test {
 protected:
  // One database for the whole suite: ingesting the samples parses them all.
  static void SetUpTestSuite() {
    dir_ = new store::testing::TempDir();
    db_ = *dir_ / "docs.db";
    auto writer = store::OpenSqliteStore(db_);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    const std::string db = db_;
    const store::IngestSummary s = store::Ingest(
        *writer.value(), [db] { return store::OpenSqliteStore(db, {.create = false}); },
        {store::testing::SourceDir() + "/samples"}, {});
    ASSERT_FALSE(s.stopped);
    ASSERT_GT(s.ingested, 5u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  DocumentsTest()
      : sessions_(session_repo_, users_, access::SystemClock()),
        accounts_(users_, sessions_, audit_, access::TestPasswordParams()),
        ctx_{users_, sessions_, accounts_, audit_, SessionCookie{}},
        pool_([] { return store::OpenSqliteStoreReadOnly(db_); }) {}

  void SetUp() override {
    access::User u;
    u.username = "docgia";
    u.role = access::Role::kReader;
    u.password_hash =
        access::HashPassword("mat khau doc gia", access::TestPasswordParams()).value();
    users_.Add(u);
    ServerOptions opt;
    opt.port = 0;
    opt.shutdown_grace = std::chrono::milliseconds(100);
    server_ = std::make_unique<Server>(opt, BuildApi(ctx_, std::nullopt, 1 << 20, &pool_));
    port_ = server_->Start().value();
    nlohmann::json login = {{"username", "docgia"}, {"password", "mat khau doc gia"}};
    ClientResponse r =
        Fetch(port_, "POST", "/api/login", {{"Content-Type", "application/json"}}, login.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string& set = r.Header("set-cookie");
    cookie_ = set.substr(0, set.find(';'));
  }
  void TearDown() override { server_.reset(); }

  ClientResponse Get(const std::string& target) {
    return Fetch(port_, "GET", target, {{"Cookie", cookie_}});
  }
  std::int64_t StoredCount() {
    return store::OpenSqliteStore(db_).value()->Count().value().documents;
  }

  static store::testing::TempDir* dir_;
  static std::string db_;
  access::MemoryUserRepo users_;
  access::MemorySessionRepo session_repo_;
  access::MemoryAuditSink audit_;
  access::Sessions sessions_;
  access::Accounts accounts_;
  Context ctx_;
  StorePool pool_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::string cookie_;
};
store::testing::TempDir* DocumentsTest::dir_ = nullptr;
std::string DocumentsTest::db_;

TEST_F(DocumentsTest, EveryRouteNeedsASession) {
  for (const char* target : {"/api/documents", "/api/documents/1", "/api/documents/1/graph"}) {
    ClientResponse r = Fetch(port_, "GET", target);
    EXPECT_EQ(r.status, 401) << target;
    EXPECT_EQ(Code(r), "unauthenticated") << target;
  }
}

TEST_F(DocumentsTest, ListPagesThroughEveryDocument) {
  const std::int64_t stored = StoredCount();
  ClientResponse r = Get("/api/documents?limit=5");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  auto j = Body(r);
  EXPECT_EQ(j["mode"], "list");
  EXPECT_EQ(j["total"], stored);
  EXPECT_EQ(j["items"].size(), 5u);
  EXPECT_TRUE(j["has_more"]);
  std::set<std::int64_t> seen;
  for (int off = 0; off < stored; off += 5) {
    auto page = Body(Get("/api/documents?limit=5&offset=" + std::to_string(off)));
    for (const auto& item : page["items"]) seen.insert(item["id"].get<std::int64_t>());
  }
  EXPECT_EQ(static_cast<std::int64_t>(seen.size()), stored);
  auto last = Body(Get("/api/documents?limit=5&offset=" + std::to_string(stored)));
  EXPECT_TRUE(last["items"].empty());
  EXPECT_FALSE(last["has_more"]);
}

TEST_F(DocumentsTest, TypeAndYearFilter) {
  auto kh = Body(Get("/api/documents?type=kh&limit=100"));
  ASSERT_FALSE(kh["items"].empty());
  for (const auto& item : kh["items"]) EXPECT_EQ(item["type"], "KH");
  auto none = Body(Get("/api/documents?year=1901"));
  EXPECT_EQ(none["total"], 0);
}

TEST_F(DocumentsTest, SearchWithoutDiacriticsGivesSnippetSegments) {
  ClientResponse r = Get("/api/documents?q=ke%20hoach");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Body(r);
  EXPECT_EQ(j["mode"], "search");
  EXPECT_TRUE(j["total"].is_null());
  ASSERT_FALSE(j["items"].empty());
  bool marked = false;
  for (const auto& item : j["items"]) {
    for (const auto& seg : item["snippet"]) {
      EXPECT_EQ(seg["text"].get<std::string>().find('\x01'), std::string::npos);
      if (seg["match"]) marked = true;
    }
  }
  EXPECT_TRUE(marked);
  // Paging a search: the second item of the first page is the first of offset=1.
  if (j["items"].size() > 1) {
    auto second = Body(Get("/api/documents?q=ke%20hoach&offset=1&limit=1"));
    EXPECT_EQ(second["items"][0]["id"], j["items"][1]["id"]);
  }
}

TEST_F(DocumentsTest, BadQueryParametersNameTheParameter) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/documents?limit=0", "limit"},
      {"/api/documents?limit=101", "limit"},
      {"/api/documents?limit=abc", "limit"},
      {"/api/documents?limit=", "limit"},
      {"/api/documents?offset=-1", "offset"},
      {"/api/documents?year=20x5", "year"},
      {"/api/documents?year=12", "year"},
      {"/api/documents?sort=date", "sort"},
      {"/api/documents?q=%21%21%21", "q"},
      {"/api/documents?q=a&offset=495", "offset"},
      {"/api/documents?type=KHKHKHKHKHKHKHKHKHKHKHKHKHKHKHKHKHKH", "type"},
  };
  for (const auto& [target, field] : cases) {
    ClientResponse r = Get(target);
    EXPECT_EQ(r.status, 400) << target << " " << r.body;
    EXPECT_EQ(Code(r), "invalid_field") << target;
    EXPECT_EQ(Field(r), field) << target;
  }
  ClientResponse long_q = Get("/api/documents?q=" + std::string(501, 'a'));
  EXPECT_EQ(long_q.status, 400);
  EXPECT_EQ(Field(long_q), "q");
}

TEST_F(DocumentsTest, DetailHasTextParseAndSpansInsideTheText) {
  auto list = Body(Get("/api/documents?type=KH&limit=1"));
  ASSERT_FALSE(list["items"].empty());
  const std::int64_t id = list["items"][0]["id"];
  ClientResponse r = Get("/api/documents/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Body(r);
  EXPECT_EQ(j["document"]["id"], id);
  EXPECT_EQ(j["document"]["type"], "KH");
  const std::string text = j["text"];
  const auto& parse = j["parse"];
  EXPECT_EQ(parse["schema"], "dondoc/document@1");
  ASSERT_FALSE(parse["tasks"].empty());
  // Spans are byte offsets into the text: each task's sentence is a slice of it.
  for (const auto& task : parse["tasks"]) {
    const std::size_t b = task["span"][0], e = task["span"][1];
    ASSERT_LE(b, e);
    ASSERT_LE(e, text.size());
  }
  const std::size_t nb = parse["spans"]["number"][0], ne = parse["spans"]["number"][1];
  EXPECT_EQ(text.substr(nb, ne - nb).find(parse["number"].get<std::string>().substr(0, 2)), 0u);
  EXPECT_TRUE(j["links"].is_array());
}

TEST_F(DocumentsTest, UnknownOrMalformedIds) {
  for (const char* target : {"/api/documents/999999", "/api/documents/999999/graph"}) {
    ClientResponse r = Get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(Code(r), "not_found") << target;
  }
  for (const char* target : {"/api/documents/abc", "/api/documents/0", "/api/documents/-3",
                             "/api/documents/1x/graph", "/api/documents/99999999999999999999"}) {
    ClientResponse r = Get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(Code(r), "invalid_field") << target;
    EXPECT_EQ(Field(r), "id") << target;
  }
}

TEST_F(DocumentsTest, GraphListsNodesForEveryResolvedEdge) {
  auto list = Body(Get("/api/documents?limit=100"));
  bool some_edge = false;
  for (const auto& item : list["items"]) {
    ClientResponse r = Get("/api/documents/" + std::to_string(item["id"].get<int>()) + "/graph");
    ASSERT_EQ(r.status, 200) << r.body;
    auto g = Body(r);
    const std::string self = std::to_string(g["node"].get<std::int64_t>());
    EXPECT_TRUE(g["nodes"].contains(self));
    for (const auto& e : g["cites"]) {
      if (!e["to"].is_null()) {
        some_edge = true;
        EXPECT_TRUE(g["nodes"].contains(std::to_string(e["to"].get<std::int64_t>())));
      }
    }
    for (const auto& e : g["cited_by"])
      EXPECT_TRUE(g["nodes"].contains(std::to_string(e["from"].get<std::int64_t>())));
  }
  EXPECT_TRUE(some_edge) << "the samples cite one another";
}

// A stored document is never changed through the API; POST /api/documents is the upload
// (tracking_test.cc), which takes the file's bytes, not JSON.
TEST_F(DocumentsTest, ReadOnlyRoutes) {
  ClientResponse r = Fetch(port_, "PUT", "/api/documents/1",
                           {{"Cookie", cookie_}, {"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Code(r), "method_not_allowed");
  r = Fetch(port_, "POST", "/api/documents",
            {{"Cookie", cookie_}, {"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(Code(r), "unsupported_media_type");
}

TEST(DocumentsNoDb, RoutesAnswerUnavailable) {
  access::MemoryUserRepo users;
  access::MemorySessionRepo repo;
  access::MemoryAuditSink audit;
  access::Sessions sessions(repo, users, access::SystemClock());
  access::Accounts accounts(users, sessions, audit, access::TestPasswordParams());
  access::User u;
  u.username = "docgia";
  u.role = access::Role::kReader;
  u.password_hash = access::HashPassword("mat khau doc gia", access::TestPasswordParams()).value();
  users.Add(u);
  Context ctx{users, sessions, accounts, audit, SessionCookie{}};
  auto dispatcher = BuildApi(ctx, std::nullopt, 1 << 20);
  auto login = accounts.Login("docgia", "mat khau doc gia", "127.0.0.1", "test");
  ASSERT_TRUE(login.ok());
  Request req;
  req.method = "GET";
  req.target = req.path = "/api/documents";
  req.headers["cookie"] = "__Host-sid=" + login.value().token;
  Response r = dispatcher->Handle(req);
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("unavailable"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::serve::api
