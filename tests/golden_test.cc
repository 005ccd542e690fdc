// Golden tests (style.md habit 8): every samples/<stem>.txt is read, parsed and serialized to
// pretty `dondoc/document@1` JSON, and compared byte for byte with samples/<stem>.expected.json.
// What each sample is meant to exercise, and what the expected JSON must (not) contain, is in
// samples/README.md — the notes a reviewer checks a regenerated expected file against.
//
// UPDATE_GOLDEN=1 rewrites the expected files from the current parser (and passes); review the
// `git diff samples/` before committing. Expected files are never edited by hand.
//
// The sample list is found at run time, so a new sample needs no code change here: add the
// .txt, run once with UPDATE_GOLDEN=1, review, commit.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse/json.h"
#include "parse/parse.h"
#include "read/file.h"

namespace dondoc {
namespace {

namespace fs = std::filesystem;

// At least this many samples must exist (the brief for the sample set).
constexpr std::size_t kMinSamples = 12;
// Mismatching lines shown per failing sample, so a big regression stays readable.
constexpr int kMaxDiffLines = 40;
// Lines of unchanged context printed around each differing region.
constexpr std::size_t kContextLines = 3;

fs::path SamplesDir() { return fs::path(DONDOC_SOURCE_DIR) / "samples"; }

// Sorted stems of samples/*.txt (README and expected files are not samples).
std::vector<std::string> SampleStems() {
  std::vector<std::string> stems;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(SamplesDir(), ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

bool UpdateRequested() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

bool ReadWhole(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::string::size_type start = 0;
  while (start < s.size()) {
    const auto nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// A small unified-style diff: longest common subsequence on lines (samples are a few hundred
// lines of JSON, so the quadratic table is cheap), then hunks with kContextLines of context,
// "-" for expected and "+" for actual, at most kMaxDiffLines changed lines.
std::string LineDiff(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> a = SplitLines(expected);
  const std::vector<std::string> b = SplitLines(actual);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Op {
    char tag;          // ' ', '-', '+'
    std::size_t line;  // 1-based line in expected (' ', '-') or actual ('+')
    const std::string* text;
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', i + 1, &a[i]});
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', i + 1, &a[i]});  // removals first, as diff -u prints them
      ++i;
    } else {
      ops.push_back({'+', j + 1, &b[j]});
      ++j;
    }
  }
  // Mark which ops are shown: changes plus context around them.
  std::vector<bool> shown(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].tag == ' ') continue;
    const std::size_t lo = k >= kContextLines ? k - kContextLines : 0;
    const std::size_t hi = std::min(ops.size(), k + kContextLines + 1);
    for (std::size_t x = lo; x < hi; ++x) shown[x] = true;
  }
  std::ostringstream out;
  out << "--- expected\n+++ actual\n";
  int changes = 0;
  bool gap = true;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!shown[k]) {
      gap = true;
      continue;
    }
    if (gap) out << "@@ line " << ops[k].line << " @@\n";
    gap = false;
    if (ops[k].tag != ' ' && ++changes > kMaxDiffLines) {
      out << "... (more differences not shown)\n";
      break;
    }
    out << ops[k].tag << ' ' << *ops[k].text << '\n';
  }
  return out.str();
}

// Parses samples/<stem>.txt into pretty JSON, or fails the test.
bool ParseSample(const std::string& stem, std::string* json) {
  const fs::path txt = SamplesDir() / (stem + ".txt");
  Result<read::Input> in = read::ReadDocument(txt.string());
  if (!in.ok()) {
    ADD_FAILURE() << txt << ": " << in.error().code << ": " << in.error().message;
    return false;
  }
  const read::Input& input = in.value();
  const Document doc = parse::Parse(input.text, input.source, input.warnings);
  *json = parse::ToJsonString(doc, /*pretty=*/true);
  if (json->empty() || json->back() != '\n') json->push_back('\n');  // POSIX text file
  return true;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedJson) {
  const std::string& stem = GetParam();
  std::string actual;
  if (!ParseSample(stem, &actual)) return;

  // Deterministic: the same input parses to the same bytes twice.
  std::string again;
  ASSERT_TRUE(ParseSample(stem, &again));
  EXPECT_EQ(actual, again) << stem << ": parse is not deterministic";

  const fs::path expected_path = SamplesDir() / (stem + ".expected.json");
  if (UpdateRequested()) {
    std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out) << "cannot write " << expected_path;
    out << actual;
    ASSERT_TRUE(out.good()) << "write failed: " << expected_path;
    return;
  }
  std::string expected;
  ASSERT_TRUE(ReadWhole(expected_path, &expected))
      << expected_path << " is missing; run with UPDATE_GOLDEN=1, review it, commit it";
  if (expected != actual) {
    ADD_FAILURE() << "samples/" << stem << ".txt parses differently from " << stem
                  << ".expected.json.\nIf the change is intended, rerun with UPDATE_GOLDEN=1 "
                     "and review `git diff samples/` against samples/README.md.\n"
                  << LineDiff(expected, actual);
  }
}

// The compact JSON (`dondoc parse`, ingest) is streamed, not dumped from the DOM the pretty
// output comes from: on every sample, with and without the text, it is the DOM's dump byte
// for byte.
TEST_P(GoldenTest, CompactJsonIsTheDomDumped) {
  const fs::path txt = SamplesDir() / (GetParam() + ".txt");
  Result<read::Input> in = read::ReadDocument(txt.string());
  ASSERT_TRUE(in.ok()) << txt;
  const Document doc = parse::Parse(in.value().text, in.value().source, in.value().warnings);
  auto dom = parse::ToJson(doc);
  const auto dump = [](const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  EXPECT_EQ(parse::ToJsonString(doc, /*pretty=*/false), dump(dom));
  dom["text"] = in.value().text;
  EXPECT_EQ(parse::ToJsonString(doc, /*pretty=*/false, &in.value().text), dump(dom));
}

// gtest names allow only [A-Za-z0-9_]: "ke-hoach-88" → "ke_hoach_88".
std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenTest, testing::ValuesIn(SampleStems()), TestName);

TEST(GoldenSamples, AtLeastTwelveSamples) {
  EXPECT_GE(SampleStems().size(), kMinSamples) << "in " << SamplesDir();
}

TEST(GoldenSamples, EveryExpectedFileHasASample) {
  // A stale expected file (its .txt renamed or removed) would silently stop being checked.
  const std::vector<std::string> stems = SampleStems();
  const std::string suffix = ".expected.json";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(SamplesDir(), ec)) {
    const std::string file = entry.path().filename().string();
    if (file.size() <= suffix.size() ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string stem = file.substr(0, file.size() - suffix.size());
    EXPECT_TRUE(std::binary_search(stems.begin(), stems.end(), stem))
        << file << " has no " << stem << ".txt";
  }
}

TEST(GoldenDiff, ShowsChangedLinesWithContext) {
  const std::string diff = LineDiff("a\nb\nc\n", "a\nB\nc\n");
  EXPECT_NE(diff.find("- b\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("+ B\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("  a\n"), std::string::npos) << diff;
}

}  // namespace
}  // namespace dondoc
