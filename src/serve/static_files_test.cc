#include "serve/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace dondoc::serve {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("dondoc-static-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "www";
    fs::create_directories(root_ / "app");
    fs::create_directories(root_ / ".git");
    Write(root_ / "index.html", "<h1>dondoc</h1>");
    Write(root_ / "app" / "main.js", "console.log(1)");
    Write(root_ / "app" / "index.html", "app");
    Write(root_ / ".git" / "config", "secret");
    Write(root_ / ".env", "secret");
    Write(base_ / "outside.txt", "secret");
    fs::create_symlink(base_ / "outside.txt", root_ / "link.txt");
    fs::create_directory_symlink(base_, root_ / "up");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path base_, root_;
};

TEST_F(StaticFilesTest, ServesFilesAndDirectoryIndexes) {
  EXPECT_EQ(ResolveStatic(root_, "/"), fs::canonical(root_ / "index.html"));
  EXPECT_EQ(ResolveStatic(root_, "/app/main.js"), fs::canonical(root_ / "app/main.js"));
  EXPECT_EQ(ResolveStatic(root_, "/app/"), fs::canonical(root_ / "app/index.html"));
  EXPECT_EQ(ResolveStatic(root_, "/app"), fs::canonical(root_ / "app/index.html"));
  EXPECT_EQ(ResolveStatic(root_, "//app//main.js"), fs::canonical(root_ / "app/main.js"));
  EXPECT_EQ(ResolveStatic(root_, "/app/m%61in.js"), fs::canonical(root_ / "app/main.js"));
  EXPECT_FALSE(ResolveStatic(root_, "/missing.js"));
}

TEST_F(StaticFilesTest, TraversalAttemptsAreRefused) {
  for (const char* path : {"/../outside.txt",
                           "/app/../../outside.txt",
                           "/%2e%2e/outside.txt",
                           "/%2E%2E%2Foutside.txt",
                           "/app/..%2F..%2Foutside.txt",
                           "/..%5coutside.txt",
                           "/app\\..\\..\\outside.txt",
                           "/%00index.html",
                           "/index.html%00.js",
                           "/./index.html",
                           "/.git/config",
                           "/.env",
                           "/link.txt",
                           "/up/outside.txt",
                           "/%",
                           "/%zz",
                           "",
                           "index.html",
                           "/etc/passwd",
                           "/%0aindex.html"}) {
    EXPECT_FALSE(ResolveStatic(root_, path)) << path;
  }
}

TEST_F(StaticFilesTest, HandlerSetsContentTypes) {
  Handler h = StaticHandler(root_);
  Request req;
  req.path = "/app/main.js";
  Response r = h(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r.body, "console.log(1)");
  req.path = "/";
  EXPECT_EQ(h(req).content_type, "text/html; charset=utf-8");
  req.path = "/../outside.txt";
  EXPECT_EQ(h(req).status, 404);
}

TEST(ContentType, KnownAndUnknownExtensions) {
  EXPECT_EQ(ContentTypeFor("a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.exe"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("Makefile"), "application/octet-stream");
}

}  // namespace
}  // namespace dondoc::serve
