// docs/openapi.yaml and the router agree: every route of BuildApi is described there with its
// method, and nothing else is; a session route declares `security`, a public one does not; the
// Error schema's code enum is the error table. The YAML is read with a few line rules (the file
// keeps the shape: paths at 2 spaces, methods at 4, operation keys at 6) rather than a YAML
// library, which the project does not otherwise need.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "access/memory_repos.h"
#include "serve/api/api.h"
#include "serve/errors.h"

namespace dondoc::serve::api {
namespace {

struct Operation {
  bool security = false;
};

std::string ReadSpec() {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) + "/docs/openapi.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t Indent(const std::string& line) { return line.find_first_not_of(' '); }

// "METHOD /path" → operation, from the `paths:` section.
std::map<std::string, Operation> Operations(const std::string& spec) {
  std::map<std::string, Operation> ops;
  std::istringstream in(spec);
  bool in_paths = false;
  std::string path, current;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.find_first_not_of(' ') == std::string::npos) continue;
    const std::size_t indent = Indent(line);
    if (indent == 0) {
      in_paths = line == "paths:";
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
      current.clear();
    } else if (indent == 4 && line.back() == ':') {
      std::string method = line.substr(4, line.size() - 5);
      for (char& c : method) c = static_cast<char>(c - 'a' + 'A');
      current = method + " " + path;
      ops[current] = {};
    } else if (indent == 6 && !current.empty() && line.substr(6).starts_with("security:")) {
      ops[current].security = true;
    }
  }
  return ops;
}

class OpenApiTest : public ::testing::Test {
 protected:
  OpenApiTest()
      : sessions_(session_repo_, users_, access::SystemClock()),
        accounts_(users_, sessions_, audit_, access::TestPasswordParams()),
        ctx_{users_, sessions_, accounts_, audit_, SessionCookie{}},
        dispatcher_(BuildApi(ctx_, std::nullopt, 1 << 20)) {}

  access::MemoryUserRepo users_;
  access::MemorySessionRepo session_repo_;
  access::MemoryAuditSink audit_;
  access::Sessions sessions_;
  access::Accounts accounts_;
  Context ctx_;
  std::shared_ptr<const Dispatcher> dispatcher_;
};

TEST_F(OpenApiTest, EveryRouteIsDescribedAndNothingElse) {
  const std::string spec = ReadSpec();
  ASSERT_FALSE(spec.empty()) << "docs/openapi.yaml missing";
  std::map<std::string, Operation> ops = Operations(spec);
  ASSERT_FALSE(ops.empty());
  for (const Route& r : dispatcher_->router().routes()) {
    const std::string key = r.method + " " + r.pattern;
    auto it = ops.find(key);
    if (it == ops.end()) {
      ADD_FAILURE() << key << " is served but not in docs/openapi.yaml";
      continue;
    }
    EXPECT_EQ(it->second.security, r.options.auth == Auth::kSession)
        << key << ": `security` in the spec must match the route's session requirement";
    ops.erase(it);
  }
  for (const auto& [key, op] : ops)
    ADD_FAILURE() << key << " is in docs/openapi.yaml but not served";
}

TEST_F(OpenApiTest, ErrorCodeEnumIsTheErrorTable) {
  const std::string spec = ReadSpec();
  const std::size_t at = spec.find("enum: [bad_request");
  ASSERT_NE(at, std::string::npos);
  const std::string list = spec.substr(at + 7, spec.find(']', at) - at - 7);
  std::set<std::string> codes;
  std::string word;
  for (char c : list) {
    if (c == '_' || (c >= 'a' && c <= 'z')) {
      word += c;
    } else if (!word.empty()) {
      codes.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) codes.insert(word);
  std::set<std::string> table;
  for (const ErrorInfo& e : AllErrors()) table.insert(std::string(e.name));
  EXPECT_EQ(codes, table);
}

}  // namespace
}  // namespace dondoc::serve::api
