#include "engine/config.h"
#include "testing/fake_rule.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ocrlint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::HasSubstr;
using ::testing::Optional;
using ::testing::Pair;
using ::testing::ThrowsMessage;
using ::testing::VariantWith;

// ---------------------------------------------------------------------------------------
// ParseConfig

TEST(ParseConfigTest, ReadsEveryTopLevelKey) {
  Config config = ParseConfig(R"(select = ["hygiene", "typography"]
extend-select = ["cjk-latin-spacing"]
ignore = ["trailing-space"]
include = ["*.txt"]
exclude = ["archive/**"]
rule-packs = ["house-style.toml"]

[rules.stray-space]
severity = "error"
min-period = 8
strict = true
ratio = 0.5
mode = "lenient"
words = ["本报", "记者"]

[[overrides]]
files = ["letters/**", "*.md"]
select = ["script"]
extend-select = ["stray-space"]
ignore = ["page-furniture"]
[overrides.rules.stray-space]
severity = "info"
)",
                              "proj/ocrlint.toml");
  EXPECT_EQ(config.path, fs::path("proj/ocrlint.toml"));
  EXPECT_EQ(config.root, fs::path("proj"));
  EXPECT_THAT(config.selection.select, Optional(ElementsAre("hygiene", "typography")));
  EXPECT_THAT(config.selection.extend_select, ElementsAre("cjk-latin-spacing"));
  EXPECT_THAT(config.selection.ignore, ElementsAre("trailing-space"));
  EXPECT_EQ(config.selection.select_source, "proj/ocrlint.toml:1");
  EXPECT_EQ(config.selection.ignore_source, "proj/ocrlint.toml:3");
  EXPECT_THAT(config.include, ElementsAre("*.txt"));
  EXPECT_THAT(config.exclude, ElementsAre("archive/**"));
  EXPECT_THAT(config.rule_packs, ElementsAre("house-style.toml"));

  ASSERT_EQ(config.selection.rules.count("stray-space"), 1u);
  const RuleSettings& stray = config.selection.rules.at("stray-space");
  EXPECT_EQ(stray.severity, Severity::kError);
  EXPECT_EQ(stray.source, "proj/ocrlint.toml:8");
  const auto& options = stray.options.values();
  ASSERT_EQ(options.size(), 5u);
  EXPECT_THAT(options.at("min-period"),
              FieldsAre(VariantWith<std::int64_t>(8), "proj/ocrlint.toml:10"));
  EXPECT_THAT(options.at("strict"), FieldsAre(VariantWith<bool>(true), "proj/ocrlint.toml:11"));
  EXPECT_THAT(options.at("ratio"), FieldsAre(VariantWith<double>(0.5), "proj/ocrlint.toml:12"));
  EXPECT_THAT(options.at("mode"),
              FieldsAre(VariantWith<std::string>("lenient"), "proj/ocrlint.toml:13"));
  EXPECT_THAT(options.at("words"),
              FieldsAre(VariantWith<std::vector<std::string>>(ElementsAre("本报", "记者")),
                        "proj/ocrlint.toml:14"));

  ASSERT_EQ(config.overrides.size(), 1u);
  const Override& override = config.overrides[0];
  EXPECT_THAT(override.files, ElementsAre("letters/**", "*.md"));
  EXPECT_THAT(override.selection.select, Optional(ElementsAre("script")));
  EXPECT_THAT(override.selection.extend_select, ElementsAre("stray-space"));
  EXPECT_THAT(override.selection.ignore, ElementsAre("page-furniture"));
  EXPECT_EQ(override.selection.source, "proj/ocrlint.toml:16");
  EXPECT_EQ(override.selection.rules.at("stray-space").severity, Severity::kInfo);
  EXPECT_TRUE(override.selection.rules.at("stray-space").options.empty());
}

TEST(ParseConfigTest, AnEmptyFileGivesTheDefaults) {
  Config config = ParseConfig("", "ocrlint.toml");
  EXPECT_EQ(config.selection.select, std::nullopt);
  EXPECT_TRUE(config.selection.extend_select.empty());
  EXPECT_TRUE(config.selection.ignore.empty());
  EXPECT_TRUE(config.selection.rules.empty());
  EXPECT_THAT(config.include, ElementsAre("*.txt", "*.md", "*.markdown"));
  EXPECT_TRUE(config.overrides.empty());
}

TEST(ParseConfigTest, SeverityOffIgnoresTheRule) {
  Config config =
      ParseConfig("ignore = [\"a\"]\n[rules.stray-space]\nseverity = \"off\"\n", "ocrlint.toml");
  EXPECT_THAT(config.selection.ignore, ElementsAre("a", "stray-space"));
  EXPECT_EQ(config.selection.rules.at("stray-space").severity, std::nullopt);
}

TEST(ParseConfigTest, UnknownTopLevelKeyNamesItsLineAndColumn) {
  EXPECT_THAT([] { ParseConfig("select = []\n\n  slect = [\"all\"]\n", "proj/ocrlint.toml"); },
              ThrowsMessage<ConfigError>(
                  "proj/ocrlint.toml:3:3: unknown key \"slect\" (expected one of: select, "
                  "extend-select, ignore, include, exclude, rule-packs, rules, overrides)"));
}

TEST(ParseConfigTest, UnknownOverrideKeyNamesItsLine) {
  EXPECT_THAT([] { ParseConfig("[[overrides]]\nfiles = [\"*.md\"]\nexclude = []\n", "o.toml"); },
              ThrowsMessage<ConfigError>("o.toml:3:1: unknown key \"exclude\" (expected one of: "
                                         "files, select, extend-select, ignore, rules)"));
}

TEST(ParseConfigTest, AnOverrideNeedsFiles) {
  EXPECT_THAT([] { ParseConfig("\n[[overrides]]\nignore = [\"x\"]\n", "o.toml"); },
              ThrowsMessage<ConfigError>("o.toml:2:1: an [[overrides]] table needs \"files\""));
}

TEST(ParseConfigTest, SelectorListsMustBeArraysOfStrings) {
  EXPECT_THAT([] { ParseConfig("select = \"hygiene\"\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:1:1: \"select\" must be an array of strings"));
  EXPECT_THAT([] { ParseConfig("\nignore = [\"a\", 3]\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:1: \"ignore\" must be an array of strings"));
  EXPECT_THAT([] { ParseConfig("[[overrides]]\nfiles = \"*.md\"\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:1: \"files\" must be an array of strings"));
}

TEST(ParseConfigTest, TablesMustBeTables) {
  EXPECT_THAT([] { ParseConfig("rules = 3\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:1:1: \"rules\" must be a table"));
  EXPECT_THAT([] { ParseConfig("[rules]\nstray-space = \"error\"\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:1: \"rules.stray-space\" must be a table"));
  EXPECT_THAT([] { ParseConfig("overrides = [1, 2]\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:1:1: \"overrides\" must be an array of tables"));
}

TEST(ParseConfigTest, BadSeverity) {
  EXPECT_THAT([] { ParseConfig("[rules.stray-space]\nseverity = \"fatal\"\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:1: \"severity\" must be \"info\", \"warning\", "
                                         "\"error\" or \"off\", got \"fatal\""));
  EXPECT_THAT([] { ParseConfig("[rules.stray-space]\nseverity = 2\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:1: \"severity\" must be \"info\", \"warning\", "
                                         "\"error\" or \"off\""));
}

TEST(ParseConfigTest, OptionValuesOfOtherTypesAreRejected) {
  EXPECT_THAT([] { ParseConfig("[rules.stray-space]\nwhen = 1979-05-27\n", "c.toml"); },
              ThrowsMessage<ConfigError>(
                  "c.toml:2:1: option \"when\" of rule stray-space must be a bool, an integer, "
                  "a float, a string or an array of strings"));
  EXPECT_THAT([] { ParseConfig("[rules.stray-space]\nwidths = [1, 2]\n", "c.toml"); },
              ThrowsMessage<ConfigError>(HasSubstr("c.toml:2:1: option \"widths\" of rule")));
  EXPECT_THAT([] { ParseConfig("[rules.stray-space.nested]\nx = 1\n", "c.toml"); },
              ThrowsMessage<ConfigError>(HasSubstr("option \"nested\" of rule stray-space")));
}

TEST(ParseConfigTest, TomlSyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT([] { ParseConfig("select = [\"a\"]\nignore = [\"b\"\n", "proj/ocrlint.toml"); },
              ThrowsMessage<ConfigError>("proj/ocrlint.toml:2:15: Error while parsing array: "
                                         "encountered end-of-file"));
  EXPECT_THAT([] { ParseConfig("select = [\"a\"]\nselect = [\"b\"]\n", "c.toml"); },
              ThrowsMessage<ConfigError>("c.toml:2:10: Error while parsing key-value pair: "
                                         "cannot redefine existing array 'select'"));
}

// ---------------------------------------------------------------------------------------
// Fixtures on disk

class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("ocrlint-config-test-" + std::to_string(::getpid()) + "-" +
                                         test->test_suite_name() + "-" + test->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

  fs::path Write(const std::string& relative, const std::string& text) const {
    fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path path_;
};

TEST(LoadConfigTest, ReadsTheFile) {
  TempDir dir;
  fs::path file = dir.Write("ocrlint.toml", "ignore = [\"x\"]\n");
  Config config = LoadConfig(file);
  EXPECT_EQ(config.path, file);
  EXPECT_EQ(config.root, dir.path());
  EXPECT_THAT(config.selection.ignore, ElementsAre("x"));
}

TEST(LoadConfigTest, AMissingFileIsAConfigError) {
  TempDir dir;
  fs::path file = dir.path() / "missing.toml";
  EXPECT_THAT(
      [&] { LoadConfig(file); },
      ThrowsMessage<ConfigError>(file.string() + ": cannot read: No such file or directory"));
}

// ---------------------------------------------------------------------------------------
// ConfigResolver

RuleCatalog::Factory Fake(std::string id, RuleGroup group, Severity severity, bool enabled = true) {
  return ::ocrlint::testing::OptionFakeFactory(std::move(id), group, severity, enabled);
}

RuleCatalog FakeCatalog() {
  RuleCatalog catalog;
  catalog.Add(Fake("stray-space", RuleGroup::kHygiene, Severity::kWarning));
  catalog.Add(Fake("trailing-space", RuleGroup::kHygiene, Severity::kInfo));
  catalog.Add(Fake("page-furniture", RuleGroup::kStructure, Severity::kWarning));
  catalog.Add(Fake("script-mix", RuleGroup::kScript, Severity::kError));
  catalog.Add(Fake("cjk-latin-spacing", RuleGroup::kTypography, Severity::kInfo, false));
  return catalog;
}

// "id:severity[:width]" per rule, width only when not the default 2.
std::vector<std::string> Describe(const RuleSet& rule_set) {
  std::vector<std::string> out;
  for (const ConfiguredRule& configured : rule_set.rules) {
    std::string text =
        configured.rule->meta().id + ":" + std::string(ToString(configured.severity));
    std::int64_t width = ::ocrlint::testing::WidthOf(*configured.rule);
    if (width != 2) text += ":" + std::to_string(width);
    out.push_back(text);
  }
  return out;
}

class ConfigResolverTest : public ::testing::Test {
 protected:
  RuleCatalog catalog_ = FakeCatalog();
  TempDir dir_;
};

TEST_F(ConfigResolverTest, WithoutAConfigFileEveryDefaultRuleRuns) {
  fs::path file = dir_.Write("a.txt", "");
  for (fs::path dir = dir_.path(); dir != dir.parent_path(); dir = dir.parent_path()) {
    if (fs::exists(dir / "ocrlint.toml")) GTEST_SKIP() << "found " << dir / "ocrlint.toml";
  }
  ConfigResolver resolver(catalog_, std::nullopt, {});
  std::shared_ptr<const Config> config = resolver.ConfigFor(file);
  EXPECT_TRUE(config->path.empty());
  EXPECT_EQ(config->root, fs::current_path());
  EXPECT_THAT(Describe(*resolver.RulesFor(file)),
              ElementsAre("page-furniture:warning", "script-mix:error", "stray-space:warning",
                          "trailing-space:info"));
}

TEST_F(ConfigResolverTest, WalkUpFindsTheNearestConfig) {
  fs::path outer = dir_.Write("ocrlint.toml", "select = [\"hygiene\"]\n");
  fs::path inner = dir_.Write("letters/ocrlint.toml", "select = [\"script\"]\n");
  fs::path top_file = dir_.Write("a.txt", "");
  fs::path nested_file = dir_.Write("letters/2024/b.txt", "");
  fs::path sibling_file = dir_.Write("reports/c.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});

  EXPECT_EQ(resolver.ConfigFor(top_file)->path, outer);
  EXPECT_EQ(resolver.ConfigFor(nested_file)->path, inner);
  EXPECT_EQ(resolver.ConfigFor(sibling_file)->path, outer);
  EXPECT_EQ(resolver.ConfigFor(nested_file)->root, dir_.path() / "letters");
  // One parse per config file, shared by every folder below it.
  EXPECT_EQ(resolver.ConfigFor(top_file), resolver.ConfigFor(sibling_file));

  EXPECT_THAT(Describe(*resolver.RulesFor(top_file)),
              ElementsAre("stray-space:warning", "trailing-space:info"));
  EXPECT_THAT(Describe(*resolver.RulesFor(nested_file)), ElementsAre("script-mix:error"));
}

TEST_F(ConfigResolverTest, RelativeFilePathsAreResolvedFromTheCurrentFolder) {
  dir_.Write("ocrlint.toml", "select = [\"script\"]\n");
  dir_.Write("sub/a.txt", "");
  fs::path saved = fs::current_path();
  fs::current_path(dir_.path() / "sub");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  std::shared_ptr<const Config> config = resolver.ConfigFor("a.txt");
  fs::current_path(saved);
  EXPECT_EQ(config->path, dir_.path() / "ocrlint.toml");
}

TEST_F(ConfigResolverTest, SelectExtendIgnoreAndRuleSettings) {
  fs::path file = dir_.Write("a.txt", "");
  dir_.Write("ocrlint.toml", R"(select = ["hygiene", "script-mix"]
extend-select = ["cjk-latin-spacing"]
ignore = ["trailing-space"]
[rules.stray-space]
severity = "error"
width = 5
[rules.script-mix]
severity = "off"
)");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT(Describe(*resolver.RulesFor(file)),
              ElementsAre("cjk-latin-spacing:info", "stray-space:error:5"));
}

TEST_F(ConfigResolverTest, OverridesApplyOnlyToMatchingFilesInOrder) {
  dir_.Write("ocrlint.toml", R"([rules.stray-space]
width = 5
[[overrides]]
files = ["letters/**"]
ignore = ["page-furniture"]
[overrides.rules.stray-space]
severity = "error"
[[overrides]]
files = ["*.md"]
extend-select = ["cjk-latin-spacing"]
[overrides.rules.stray-space]
width = 7
)");
  fs::path plain = dir_.Write("a.txt", "");
  fs::path letter = dir_.Write("letters/x/a.txt", "");
  fs::path letter_md = dir_.Write("letters/b.md", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});

  EXPECT_THAT(Describe(*resolver.RulesFor(plain)),
              ElementsAre("page-furniture:warning", "script-mix:error", "stray-space:warning:5",
                          "trailing-space:info"));
  EXPECT_THAT(Describe(*resolver.RulesFor(letter)),
              ElementsAre("script-mix:error", "stray-space:error:5", "trailing-space:info"));
  // Both overrides: severity from the first, width from the second.
  EXPECT_THAT(Describe(*resolver.RulesFor(letter_md)),
              ElementsAre("cjk-latin-spacing:info", "script-mix:error", "stray-space:error:7",
                          "trailing-space:info"));
}

TEST_F(ConfigResolverTest, AnOverrideSelectReplacesTheSet) {
  dir_.Write("ocrlint.toml", "[[overrides]]\nfiles = [\"*.md\"]\nselect = [\"script\"]\n");
  fs::path md = dir_.Write("a.md", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT(Describe(*resolver.RulesFor(md)), ElementsAre("script-mix:error"));
}

TEST_F(ConfigResolverTest, TheCommandLineWins) {
  dir_.Write("ocrlint.toml", R"(select = ["hygiene"]
[[overrides]]
files = ["*.md"]
extend-select = ["script-mix"]
)");
  fs::path md = dir_.Write("a.md", "");
  CommandLineSelection command_line;
  command_line.extend_select = {"cjk-latin-spacing"};
  command_line.ignore = {"script-mix", "stray-space"};
  ConfigResolver resolver(catalog_, std::nullopt, command_line);
  EXPECT_THAT(Describe(*resolver.RulesFor(md)),
              ElementsAre("cjk-latin-spacing:info", "trailing-space:info"));

  CommandLineSelection only;
  only.select = std::vector<std::string>{"structure"};
  ConfigResolver select_resolver(catalog_, std::nullopt, only);
  EXPECT_THAT(Describe(*select_resolver.RulesFor(md)), ElementsAre("page-furniture:warning"));
}

TEST_F(ConfigResolverTest, AnExplicitConfigAppliesToEveryFile) {
  fs::path explicit_config = dir_.Write("conf/strict.toml", "select = [\"script\"]\n");
  dir_.Write("ocrlint.toml", "select = [\"hygiene\"]\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, explicit_config, {});
  EXPECT_EQ(resolver.ConfigFor(file)->path, explicit_config);
  EXPECT_THAT(Describe(*resolver.RulesFor(file)), ElementsAre("script-mix:error"));
}

TEST_F(ConfigResolverTest, FilesWithTheSameSettingsShareOneRuleSet) {
  dir_.Write("ocrlint.toml", R"([[overrides]]
files = ["letters/**"]
ignore = ["page-furniture"]
[[overrides]]
files = ["*.md"]
ignore = ["script-mix"]
)");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  auto a = resolver.RulesFor(dir_.Write("a.txt", ""));
  auto b = resolver.RulesFor(dir_.Write("sub/b.txt", ""));
  auto letter1 = resolver.RulesFor(dir_.Write("letters/1.txt", ""));
  auto letter2 = resolver.RulesFor(dir_.Write("letters/x/2.txt", ""));
  auto letter_md = resolver.RulesFor(dir_.Write("letters/3.md", ""));
  EXPECT_EQ(a, b);
  EXPECT_EQ(letter1, letter2);
  EXPECT_NE(a, letter1);
  EXPECT_NE(letter1, letter_md);
  EXPECT_THAT(Describe(*letter_md), ElementsAre("stray-space:warning", "trailing-space:info"));
}

TEST_F(ConfigResolverTest, RulesForIsSafeFromManyThreads) {
  dir_.Write("ocrlint.toml", "[[overrides]]\nfiles = [\"*.md\"]\nignore = [\"script-mix\"]\n");
  std::vector<fs::path> files;
  for (int i = 0; i < 8; ++i) {
    files.push_back(dir_.Write("d" + std::to_string(i) + "/f.txt", ""));
    files.push_back(dir_.Write("d" + std::to_string(i) + "/f.md", ""));
  }
  ConfigResolver resolver(catalog_, std::nullopt, {});
  std::vector<std::shared_ptr<const RuleSet>> results(files.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < files.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = resolver.RulesFor(files[i]); });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 2; i < files.size(); ++i) EXPECT_EQ(results[i], results[i % 2]);
  EXPECT_NE(results[0], results[1]);
}

TEST_F(ConfigResolverTest, UnknownRuleInRulesTableNamesTheLine) {
  dir_.Write("ocrlint.toml", "\n[rules.stray-spac]\nseverity = \"error\"\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT([&] { resolver.RulesFor(file); },
              ThrowsMessage<ConfigError>((dir_.path() / "ocrlint.toml").string() +
                                         ":2: unknown rule \"stray-spac\" (did you mean "
                                         "\"stray-space\"?)"));
}

TEST_F(ConfigResolverTest, UnknownSelectorNamesItsLine) {
  dir_.Write("ocrlint.toml", "select = [\"hygiene\"]\n\nignore = [\"typografy\"]\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT([&] { resolver.RulesFor(file); },
              ThrowsMessage<ConfigError>((dir_.path() / "ocrlint.toml").string() +
                                         ":3: unknown rule or group \"typografy\" (did you mean "
                                         "\"typography\"?)"));
}

TEST_F(ConfigResolverTest, BadOptionValueNamesTheLine) {
  dir_.Write("ocrlint.toml", "[rules.stray-space]\nwidth = 11\nwidht = 3\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT([&] { resolver.RulesFor(file); },
              ThrowsMessage<ConfigError>((dir_.path() / "ocrlint.toml").string() +
                                         ":2: rule stray-space: option \"width\" must be an "
                                         "integer between 1 and 10, got 11"));
}

TEST_F(ConfigResolverTest, MisspeltOptionNamesTheLine) {
  dir_.Write("ocrlint.toml", "[rules.stray-space]\nwidht = 3\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  EXPECT_THAT([&] { resolver.RulesFor(file); },
              ThrowsMessage<ConfigError>((dir_.path() / "ocrlint.toml").string() +
                                         ":2: rule stray-space has no option \"widht\""));
}

TEST_F(ConfigResolverTest, ABrokenConfigIsReportedForEveryFileBelowIt) {
  dir_.Write("ocrlint.toml", "slect = []\n");
  fs::path file = dir_.Write("a.txt", "");
  ConfigResolver resolver(catalog_, std::nullopt, {});
  const std::string message = (dir_.path() / "ocrlint.toml").string() +
                              ":1:1: unknown key \"slect\" (expected one of: select, "
                              "extend-select, ignore, include, exclude, rule-packs, rules, "
                              "overrides)";
  EXPECT_THAT([&] { resolver.ConfigFor(file); }, ThrowsMessage<ConfigError>(message));
  EXPECT_THAT([&] { resolver.RulesFor(file); }, ThrowsMessage<ConfigError>(message));
}

}  // namespace
}  // namespace ocrlint
