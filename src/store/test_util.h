// Helpers shared by the store tests: a scratch directory removed at the end, and reading the
// project's samples/.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parse/json.h"
#include "read/file.h"
#include "store/store.h"

namespace dondoc::store::testing {

// A fresh directory under the system temp dir, deleted (with everything in it) on scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dondoc-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string SourceDir() {
  const char* env = std::getenv("DONDOC_SOURCE_DIR");
  return env != nullptr ? env : DONDOC_SOURCE_DIR;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A document built by hand (no parser involved), so store tests say exactly what is stored.
inline NewDocument MakeDocument(const std::string& sha, const std::string& number,
                                const std::string& type, const std::string& date,
                                const std::string& issuer, const std::string& title,
                                const std::string& body) {
  NewDocument d;
  d.path = sha + ".txt";
  d.sha256 = sha;
  d.text = title + "\n" + body;
  d.doc.source.name = d.path;
  d.doc.source.sha256 = sha;
  d.doc.kind = "official";
  d.doc.number = number;
  d.doc.type = type;
  d.doc.date = date;
  d.doc.title = title;
  if (!issuer.empty()) d.doc.issuer = Issuer{issuer, "", "", {}};
  d.parse_json = parse::ToJsonString(d.doc, false);
  d.parser_version = "test";
  return d;
}

}  // namespace dondoc::store::testing
