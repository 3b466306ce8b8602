// End-to-end tests of the ocrlint binary: exit codes, formats, fixing, standard input,
// configuration. They run the real executable as a child process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "testing/run_ocrlint.h"

namespace ocrlint {
namespace {

namespace fs = std::filesystem;
using ::ocrlint::testing::ReadFile;
using ::ocrlint::testing::RunOcrlint;
using ::ocrlint::testing::TempDir;
using ::ocrlint::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

// Three 3-byte characters, then U+200B at byte offset 9 (line 1, column 4).
const std::string kZwsp = "\xE2\x80\x8B";
const std::string kWithZwsp = "这是档" + kZwsp + "案。\n";
const std::string kClean = "这是一段正常的文字。\n";

class CliTest : public ::testing::Test {
 protected:
  fs::path Write(const std::string& name, const std::string& bytes) {
    WriteFile(dir_.path() / name, bytes);
    return dir_.path() / name;
  }
  ::ocrlint::testing::RunResult Run(const std::vector<std::string>& args,
                                    const std::string& input = "") {
    return RunOcrlint(args, dir_.path(), input);
  }
  TempDir dir_;
};

TEST_F(CliTest, CleanFileExitsZero) {
  Write("a.txt", kClean);
  const auto result = Run({"a.txt"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("No problems found"));
}

TEST_F(CliTest, WarningExitsOneAndNamesPositionAndRule) {
  Write("a.txt", kWithZwsp);
  const auto result = Run({"check", "a.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("a.txt:1:4: warning[invisible-char]"));
}

TEST_F(CliTest, ExitZeroFlagOverridesFindings) {
  Write("a.txt", kWithZwsp);
  EXPECT_EQ(Run({"--exit-zero", "a.txt"}).exit_code, 0);
}

TEST_F(CliTest, MissingFileIsAnErrorButOtherFilesStillRun) {
  Write("a.txt", kWithZwsp);
  const auto result = Run({"--format", "json", "missing.txt", "a.txt"});
  EXPECT_EQ(result.exit_code, 2);
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["files"].size(), 2u);
  EXPECT_EQ(json["files"][0]["path"], "missing.txt");
  EXPECT_EQ(json["files"][0]["error"], "no such file or directory");
  EXPECT_EQ(json["files"][1]["diagnostics"].size(), 1u);
}

TEST_F(CliTest, UnknownSelectorIsAUsageError) {
  Write("a.txt", kClean);
  const auto result = Run({"--select", "no-such-rule", "a.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no-such-rule"));
}

TEST_F(CliTest, SelectorFlagsTakeOneValueEach) {
  Write("a.txt", kWithZwsp + "尾部空格。  \n");
  const auto only = Run({"--format", "jsonl", "--select", "trailing-space", "a.txt"});
  EXPECT_EQ(only.exit_code, 1) << only.err;
  EXPECT_THAT(only.out, Not(HasSubstr("invisible-char")));
  EXPECT_THAT(only.out, HasSubstr("trailing-space"));
  const auto both = Run({"--format", "jsonl", "--select", "trailing-space", "--extend-select",
                         "invisible-char", "--ignore", "script", "a.txt"});
  EXPECT_THAT(both.out, HasSubstr("invisible-char"));
  EXPECT_THAT(both.out, HasSubstr("trailing-space"));
  const auto comma = Run({"--format", "jsonl", "--select=trailing-space,invisible-char", "a.txt"});
  EXPECT_THAT(comma.out, HasSubstr("invisible-char"));
}

TEST_F(CliTest, UnknownFlagIsAUsageError) { EXPECT_EQ(Run({"--no-such-flag"}).exit_code, 2); }

TEST_F(CliTest, JsonFollowsTheContract) {
  Write("a.txt", kWithZwsp);
  const auto result = Run({"--format", "json", "a.txt"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["version"], 1);
  const auto& d = json["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["rule"], "invisible-char");
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["range"]["start"], (nlohmann::json{{"line", 1}, {"column", 4}, {"offset", 9}}));
  EXPECT_EQ(d["range"]["end"], (nlohmann::json{{"line", 1}, {"column", 5}, {"offset", 12}}));
  EXPECT_EQ(d["related"], nlohmann::json::array());
  EXPECT_EQ(d["fix"]["applicability"], "safe");
  EXPECT_EQ(d["fix"]["edits"],
            (nlohmann::json::array({{{"start", 9}, {"end", 12}, {"replacement", ""}}})));
  EXPECT_EQ(json["summary"], (nlohmann::json{{"files", 1}, {"diagnostics", 1}, {"fixable", 1}}));
}

TEST_F(CliTest, JsonlHasOneObjectPerDiagnostic) {
  Write("a.txt", kWithZwsp + kWithZwsp);
  const auto result = Run({"--format", "jsonl", "a.txt"});
  std::istringstream lines(result.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    const auto json = nlohmann::json::parse(line);
    EXPECT_EQ(json["path"], "a.txt");
    EXPECT_EQ(json["rule"], "invisible-char");
    ++count;
  }
  EXPECT_EQ(count, 2);
}

TEST_F(CliTest, SarifHasRulesResultsAndFixes) {
  Write("a.txt", kWithZwsp);
  const auto json = nlohmann::json::parse(Run({"--format", "sarif", "a.txt"}).out);
  EXPECT_EQ(json["version"], "2.1.0");
  const auto& run = json["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "ocrlint");
  EXPECT_GE(run["tool"]["driver"]["rules"].size(), 6u);
  ASSERT_EQ(run["results"].size(), 1u);
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "invisible-char");
  EXPECT_EQ(result["level"], "warning");
  const auto& region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 1);
  EXPECT_EQ(region["startColumn"], 4);
  EXPECT_EQ(region["byteOffset"], 9);
  EXPECT_EQ(region["byteLength"], 3);
  const auto& driver_rule = run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()];
  EXPECT_EQ(driver_rule["id"], "invisible-char");
  EXPECT_EQ(
      result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["byteLength"],
      3);
}

TEST_F(CliTest, GithubFormatEmitsWorkflowCommands) {
  Write("a.txt", kWithZwsp);
  const auto result = Run({"--format", "github", "a.txt"});
  EXPECT_THAT(result.out, HasSubstr("::warning file=a.txt,line=1,col=4,"));
  EXPECT_THAT(result.out, HasSubstr("title=ocrlint (invisible-char)::"));
}

TEST_F(CliTest, FixWritesFileAndRelintIsClean) {
  const fs::path file = Write("a.txt", kWithZwsp);
  ::chmod(file.c_str(), 0604);
  const auto fixed = Run({"--fix", "a.txt"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_EQ(ReadFile(file), "这是档案。\n");
  struct stat info {};
  ::stat(file.c_str(), &info);
  EXPECT_EQ(info.st_mode & 0777, 0604u);
  EXPECT_EQ(Run({"a.txt"}).exit_code, 0);
  // Fixing again changes nothing.
  EXPECT_EQ(Run({"--fix", "a.txt"}).exit_code, 0);
  EXPECT_EQ(ReadFile(file), "这是档案。\n");
}

TEST_F(CliTest, FixKeepsCrlfAndBom) {
  const std::string bom = "\xEF\xBB\xBF";
  const fs::path file = Write("a.txt", bom + "第一行" + kZwsp + "。\r\n第二行。  \r\n");
  Run({"--fix", "a.txt"});
  EXPECT_EQ(ReadFile(file), bom + "第一行。\r\n第二行。\r\n");
}

TEST_F(CliTest, InvalidUtf8FileIsNeverModified) {
  const std::string bytes = "坏字节\xFF\xFE" + kZwsp + "。  \n";
  const fs::path file = Write("bad.txt", bytes);
  const auto result = Run({"--fix", "--format", "json", "bad.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(ReadFile(file), bytes);
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["files"][0]["diagnostics"][0]["rule"], "invalid-utf8");
  EXPECT_EQ(json["files"][0]["diagnostics"][0]["range"]["start"]["offset"], 9);
  EXPECT_EQ(json["files"][0]["diagnostics"][0]["range"]["end"]["offset"], 11);
}

TEST_F(CliTest, DiffPrintsChangesAndWritesNothing) {
  const fs::path file = Write("a.txt", kWithZwsp);
  const auto result = Run({"--diff", "a.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out,
              HasSubstr("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-" + kWithZwsp + "+这是档案。\n"));
  EXPECT_EQ(ReadFile(file), kWithZwsp);
  Write("clean.txt", kClean);
  const auto clean = Run({"--diff", "clean.txt"});
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(clean.out, "");
}

TEST_F(CliTest, StdinLintUsesStdinFilename) {
  const auto result = Run({"--stdin-filename", "note.md", "-"}, kWithZwsp);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("note.md:1:4: warning[invisible-char]"));
}

TEST_F(CliTest, StdinFixPrintsFixedTextOnStdout) {
  const auto result = Run({"--fix", "-"}, kWithZwsp);
  EXPECT_EQ(result.out, "这是档案。\n");
  EXPECT_EQ(result.exit_code, 0);
}

TEST_F(CliTest, ConfigIgnoreAndOverrides) {
  Write("ocrlint.toml",
        "ignore = [\"trailing-space\"]\n"
        "[[overrides]]\nfiles = [\"quiet/**\"]\nignore = [\"invisible-char\"]\n");
  Write("loud/a.txt", kWithZwsp + "尾部空格。  \n");
  Write("quiet/b.txt", kWithZwsp);
  const auto json = nlohmann::json::parse(Run({"--format", "json", "."}).out);
  ASSERT_EQ(json["files"].size(), 2u);
  EXPECT_EQ(json["files"][0]["path"], "./loud/a.txt");
  EXPECT_EQ(json["files"][0]["diagnostics"].size(), 1u);  // trailing-space ignored
  EXPECT_EQ(json["files"][1]["diagnostics"].size(), 0u);  // override ignores invisible-char
}

TEST_F(CliTest, BadConfigNamesFileAndLine) {
  Write("ocrlint.toml", "select = [\"hygiene\"]\nunknown-key = 1\n");
  Write("a.txt", kClean);
  const auto result = Run({"a.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err + result.out, HasSubstr("ocrlint.toml:2"));
  EXPECT_THAT(result.err + result.out, HasSubstr("unknown-key"));
}

TEST_F(CliTest, FolderWalkSkipsHiddenAndUnknownExtensions) {
  Write("a.txt", kWithZwsp);
  Write("b.md", kWithZwsp);
  Write("c.csv", kWithZwsp);
  Write(".hidden/d.txt", kWithZwsp);
  Write("sub/e.markdown", kWithZwsp);
  const auto json = nlohmann::json::parse(Run({"--format", "json", "."}).out);
  std::vector<std::string> paths;
  for (const auto& file : json["files"]) paths.push_back(file["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{"./a.txt", "./b.md", "./sub/e.markdown"}));
}

TEST_F(CliTest, OutputIsTheSameWhateverTheThreadCount) {
  for (int i = 0; i < 20; ++i) Write("f" + std::to_string(i) + ".txt", kWithZwsp);
  const auto one = Run({"--threads", "1", "--format", "json", "."});
  const auto two = Run({"--threads", "2", "--format", "json", "."});
  EXPECT_EQ(one.out, two.out);
}

TEST_F(CliTest, RulesAndExplain) {
  const auto rules = Run({"rules"});
  EXPECT_EQ(rules.exit_code, 0);
  for (const char* id : {"compat-ideograph", "fullwidth-alnum", "invalid-utf8", "invisible-char",
                         "replacement-char", "trailing-space"}) {
    EXPECT_THAT(rules.out, HasSubstr(id));
  }
  const auto explain = Run({"explain", "invisible-char"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_THAT(explain.out, HasSubstr("invisible-char (hygiene"));
  EXPECT_EQ(Run({"explain", "nope"}).exit_code, 2);
}

TEST_F(CliTest, SuppressionCommentSilencesNextLine) {
  Write("a.md", "<!-- ocrlint-disable-next-line invisible-char -->\n" + kWithZwsp);
  EXPECT_EQ(Run({"a.md"}).exit_code, 0);
  Write("b.txt", "%% ocrlint-disable-next-line invisible-char\n" + kWithZwsp);
  EXPECT_EQ(Run({"b.txt"}).exit_code, 0);
}

}  // namespace
}  // namespace ocrlint
