#include "packs/pack_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/rule_options.h"

namespace ocrlint {
namespace {

using ::testing::HasSubstr;

// A valid one-rule pack; `extra` is inserted into the [[rule]] table.
std::string Pack(const std::string& extra = "", const std::string& bad = "a⟦,b⟧",
                 const std::string& fixed = "a，b", const std::string& good = "ab") {
  return "[[rule]]\n"
         "id = \"ascii-comma\"\n"
         "group = \"typography\"\n"
         "summary = \"ASCII comma\"\n"
         "explanation = \"Flags it.\"\n"
         "message = \"ASCII {match} before {1}\"\n"
         "pattern = \",(.)\"\n"
         "replacement = \"，$1\"\n" +
         extra +
         "[[rule.bad]]\n"
         "text = \"" +
         bad +
         "\"\n"
         "fixed = \"" +
         fixed +
         "\"\n"
         "[[rule.good]]\n"
         "text = \"" +
         good + "\"\n";
}

std::string ErrorOf(const std::string& toml) {
  try {
    ParsePack(toml, "house.toml");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(PackLoaderTest, ReadsEveryField) {
  const auto rules = ParsePack(Pack("severity = \"error\"\nenabled = false\n"
                                    "applicability = \"unsafe\"\nfix = \"use {replacement}\"\n",
                                    "a⟦,b⟧", "a，b"),
                               "house.toml");
  ASSERT_EQ(rules.size(), 1u);
  const PackRuleSpec& spec = *rules[0];
  EXPECT_EQ(spec.meta.id, "ascii-comma");
  EXPECT_EQ(spec.meta.group, RuleGroup::kTypography);
  EXPECT_EQ(spec.meta.default_severity, Severity::kError);
  EXPECT_FALSE(spec.meta.enabled_by_default);
  EXPECT_EQ(spec.meta.fix, FixAvailability::kAlways);
  EXPECT_EQ(spec.meta.summary, "ASCII comma");
  EXPECT_EQ(spec.applicability, Applicability::kUnsafe);
  EXPECT_EQ(spec.file, "house.toml:1");
  ASSERT_EQ(spec.cases.size(), 1u);
  EXPECT_EQ(spec.cases[0].fix_title, "use {replacement}");
  ASSERT_EQ(spec.meta.bad_examples.size(), 1u);
  EXPECT_EQ(spec.meta.bad_examples[0].fixed, "a，b");
  EXPECT_EQ(spec.meta.good_examples[0].input, "ab");
}

TEST(PackLoaderTest, UnknownKeyNamesFileLineAndRule) {
  EXPECT_EQ(ErrorOf(Pack("patern = \"x\"\n")),
            "house.toml:9:1: rule ascii-comma: unknown key \"patern\" in [[rule]]");
}

TEST(PackLoaderTest, UnknownTopLevelKey) {
  EXPECT_EQ(ErrorOf("name = \"x\"\n" + Pack()), "house.toml:1:1: unknown key \"name\"");
}

TEST(PackLoaderTest, PatternThatDoesNotCompile) {
  std::string pack = Pack();
  pack.replace(pack.find("\",(.)\""), 6, "\",(.\"");
  EXPECT_THAT(ErrorOf(pack), HasSubstr("house.toml:7:11: rule ascii-comma: pattern \",(.\" does "
                                       "not compile: missing )"));
}

TEST(PackLoaderTest, BadValues) {
  EXPECT_EQ(ErrorOf(Pack("severity = \"loud\"\n")),
            "house.toml:9:12: rule ascii-comma: unknown severity \"loud\" (expected info, "
            "warning, error)");
  EXPECT_THAT(ErrorOf(Pack("before = \"kanji\"\n")),
              HasSubstr("house.toml:9:10: rule ascii-comma: \"before\": unknown character class "
                        "\"kanji\""));
  EXPECT_THAT(ErrorOf(Pack("skip-in = [\"numbers\"]\n")),
              HasSubstr("rule ascii-comma: unknown skip-in kind \"numbers\""));
  EXPECT_THAT(ErrorOf(Pack("applicability = \"maybe\"\n")),
              HasSubstr("unknown applicability \"maybe\""));
  EXPECT_THAT(ErrorOf(Pack("enabled = \"yes\"\n")), HasSubstr("\"enabled\" must be true or false"));
  EXPECT_THAT(ErrorOf(Pack("fix = \"use {replacment}\"\n")),
              HasSubstr("unknown placeholder {replacment}"));
  std::string pack = Pack();
  pack.replace(pack.find("ascii-comma"), 11, "AsciiComma");
  EXPECT_EQ(ErrorOf(pack), "house.toml:1:1: rule AsciiComma: id \"AsciiComma\" is not kebab-case");
}

TEST(PackLoaderTest, DuplicateId) {
  EXPECT_THAT(ErrorOf(Pack() + Pack()), HasSubstr("duplicate rule id \"ascii-comma\""));
}

TEST(PackLoaderTest, TomlSyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(ErrorOf("[[rule]\n"), HasSubstr("house.toml:1:"));
}

TEST(PackLoaderTest, FailingBadExampleIsAnError) {
  EXPECT_EQ(ErrorOf(Pack("", "⟦a⟧,b", "a，b")),
            "house.toml:1:1: rule ascii-comma: bad example \"⟦a⟧,b\": expected \"a\"@0, found "
            "\",b\"@1");
  EXPECT_EQ(ErrorOf(Pack("", "a⟦,b⟧", "a,b")),
            "house.toml:1:1: rule ascii-comma: bad example \"a⟦,b⟧\": fixed text is \"a，b\", "
            "expected \"a,b\"");
}

TEST(PackLoaderTest, FailingGoodExampleIsAnError) {
  EXPECT_EQ(ErrorOf(Pack("", "a⟦,b⟧", "a，b", "x,y")),
            "house.toml:1:1: rule ascii-comma: good example \"x,y\": found \",y\"@1");
}

TEST(PackLoaderTest, ARuleNeedsExamples) {
  EXPECT_THAT(ErrorOf("[[rule]]\nid = \"a\"\ngroup = \"typography\"\nsummary = \"s\"\n"
                      "explanation = \"e\"\nmessage = \"m\"\npattern = \"x\"\n"),
              HasSubstr("house.toml:1:1: rule a: a rule needs at least one [[rule.bad]] and one "
                        "[[rule.good]] example"));
}

TEST(PackLoaderTest, PatternMatchingTheEmptyStringIsAnError) {
  std::string pack = Pack();
  pack.replace(pack.find("\",(.)\""), 6, "\"x*\"");
  EXPECT_THAT(ErrorOf(pack), HasSubstr("pattern \"x*\" matches the empty string"));
}

TEST(PackLoaderTest, PatternAndCasesAreExclusive) {
  EXPECT_THAT(ErrorOf(Pack("[[rule.case]]\npattern = \"y\"\n")),
              HasSubstr("give either \"pattern\" or [[rule.case]], not both"));
}

TEST(PackLoaderTest, AMissingFileIsAConfigError) {
  EXPECT_THAT(
      [] {
        try {
          LoadPackFile("/nonexistent/house.toml");
        } catch (const ConfigError& error) {
          return std::string(error.what());
        }
        return std::string();
      }(),
      HasSubstr("/nonexistent/house.toml: cannot read rule pack"));
}

}  // namespace
}  // namespace ocrlint
