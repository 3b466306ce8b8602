// Golden tests: ocrlint's output on corpus_samples/ is compared byte for byte with the
// checked-in files below tests/golden/. After an intended change, regenerate them with
// `make golden` (tests/golden/regenerate.sh) and review the diff like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/run_ocrlint.h"

namespace ocrlint {
namespace {

// Compares two outputs line by line and names the first difference. EXPECT_EQ on the
// multi-megabyte outputs would print a diff that takes gtest minutes to compute.
::testing::AssertionResult SameText(const std::string& actual, const std::string& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  std::size_t line = 1, start = 0;
  const std::size_t size = std::min(actual.size(), expected.size());
  for (std::size_t i = 0; i < size && actual[i] == expected[i]; ++i) {
    if (actual[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  const auto line_of = [&](const std::string& text) {
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  return ::testing::AssertionFailure()
         << "first difference at line " << line << ":\n  actual:   " << line_of(actual)
         << "\n  expected: " << line_of(expected) << "\n(" << actual.size() << " vs "
         << expected.size() << " bytes)";
}

namespace fs = std::filesystem;
using ::ocrlint::testing::ReadFile;
using ::ocrlint::testing::RunOcrlint;
using ::ocrlint::testing::SourceDir;
using ::ocrlint::testing::WriteFile;

struct GoldenCase {
  std::string golden;  // path below tests/golden/
  std::vector<std::string> args;
  std::string stdin_file;  // below the source dir; empty for none
  int exit_code = 1;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.golden; }

std::vector<std::string> SampleNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(SourceDir() / "corpus_samples")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<GoldenCase> Cases() {
  std::vector<GoldenCase> cases = {
      {"corpus.json", {"check", "--format", "json", "corpus_samples"}, "", 1},
      {"corpus.sarif", {"check", "--format", "sarif", "corpus_samples"}, "", 1},
      {"corpus.txt", {"check", "--color", "never", "--show-fixes", "corpus_samples"}, "", 1},
  };
  // The safe-fixed text of every sample, through standard input (nothing is written).
  for (const std::string& name : SampleNames()) {
    const std::string path = "corpus_samples/" + name;
    cases.push_back({"fixed/" + name, {"check", "--fix", "--stdin-filename", path, "-"}, path, -1});
  }
  return cases;
}

bool Regenerating() { return std::getenv("OCRLINT_REGENERATE_GOLDEN") != nullptr; }

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, OutputMatches) {
  const GoldenCase& c = GetParam();
  const std::string input = c.stdin_file.empty() ? "" : ReadFile(SourceDir() / c.stdin_file);
  const auto result = RunOcrlint(c.args, SourceDir(), input);
  ASSERT_LE(result.exit_code, 1) << result.err;
  if (c.exit_code >= 0) {
    EXPECT_EQ(result.exit_code, c.exit_code) << result.err;
  }
  const fs::path golden = SourceDir() / "tests" / "golden" / c.golden;
  if (Regenerating()) {
    WriteFile(golden, result.out);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run `make golden`";
  EXPECT_TRUE(SameText(result.out, ReadFile(golden)))
      << "regenerate with `make golden` if intended";
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           std::string name = info.param.golden;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// Fixing the fixed text again changes nothing (fixes are idempotent on real pages).
TEST(GoldenFixTest, FixingTwiceGivesTheSameBytes) {
  for (const std::string& name : SampleNames()) {
    const std::string path = "corpus_samples/" + name;
    const auto once = RunOcrlint({"check", "--fix", "--stdin-filename", path, "-"}, SourceDir(),
                                 ReadFile(SourceDir() / path));
    const auto twice =
        RunOcrlint({"check", "--fix", "--stdin-filename", path, "-"}, SourceDir(), once.out);
    EXPECT_TRUE(SameText(once.out, twice.out)) << name;
  }
}

// README's rule table is generated from RuleMeta (`ocrlint rules --format markdown`) and
// kept between two markers; `make golden` rewrites it.
TEST(GoldenDocsTest, ReadmeRuleTableIsCurrent) {
  const std::string begin = "<!-- rules:begin (generated by make golden) -->\n";
  const std::string end = "<!-- rules:end -->";
  const fs::path readme = SourceDir() / "README.md";
  std::string text = ReadFile(readme);
  const auto b = text.find(begin);
  const auto e = text.find(end);
  ASSERT_NE(b, std::string::npos) << "README.md lacks " << begin;
  ASSERT_NE(e, std::string::npos) << "README.md lacks " << end;
  const auto table = RunOcrlint({"rules", "--format", "markdown"}, SourceDir());
  ASSERT_EQ(table.exit_code, 0);
  const std::string current = text.substr(b + begin.size(), e - b - begin.size());
  if (Regenerating()) {
    text.replace(b + begin.size(), e - b - begin.size(), table.out);
    WriteFile(readme, text);
    return;
  }
  EXPECT_EQ(current, table.out) << "README rule table is stale: run `make golden`";
}

}  // namespace
}  // namespace ocrlint
