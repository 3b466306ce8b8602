#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "engine/linter.h"
#include "engine/rule.h"
#include "engine/rule_options.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {
namespace {

class CjkLatinSpacingRuleTest : public testing::Test {
 protected:
  static std::unique_ptr<Rule> Make(std::string style) {
    RuleOptions options("cjk-latin-spacing", {{"style", OptionValue{std::move(style), ""}}});
    auto rule = MakeCjkLatinSpacingRule(options);
    options.CheckAllUsed();
    return rule;
  }

  static std::vector<Diagnostic> Run(const Rule& rule, std::string text) {
    auto document = Document::Create("test.txt", std::move(text));
    std::vector<Diagnostic> out;
    DiagnosticSink sink(rule.meta(), rule.meta().default_severity, out);
    rule.Check(*document, sink);
    return out;
  }

  static std::string Fixed(const Rule& rule, const std::string& text) {
    const auto found = Run(rule, text);
    std::vector<const Fix*> fixes;
    for (const Diagnostic& d : found) {
      if (d.fix) fixes.push_back(&*d.fix);
    }
    return ApplyNonOverlapping(text, fixes).text;
  }
};

TEST_F(CjkLatinSpacingRuleTest, OffByDefault) {
  RuleOptions options;
  EXPECT_FALSE(MakeCjkLatinSpacingRule(options)->meta().enabled_by_default);
}

TEST_F(CjkLatinSpacingRuleTest, RequireInsertsSpaces) {
  const auto rule = Make("require");
  const std::string text = "洛阳LYC轴承,2024年";
  const auto found = Run(*rule, text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].range, (ByteRange{6, 6}));
  EXPECT_EQ(found[0].message, "no space between a CJK character and the Latin text after it");
  EXPECT_EQ(found[1].range, (ByteRange{9, 9}));
  EXPECT_EQ(found[1].message, "no space between Latin text and the CJK character after it");
  EXPECT_EQ(found[1].fix->message, "insert a space");
  // The comma stands between 承 and 2024.
  EXPECT_EQ(Fixed(*rule, text), "洛阳 LYC 轴承,2024 年");
}

TEST_F(CjkLatinSpacingRuleTest, ForbidDeletesSpaces) {
  const auto rule = Make("forbid");
  const std::string text = "完成投资 300 亿元, 2024 年 LYC";
  const auto found = Run(*rule, text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].range, (ByteRange{12, 13}));
  EXPECT_EQ(found[0].message, "space between a CJK character and Latin text");
  EXPECT_EQ(Fixed(*rule, text), "完成投资300亿元, 2024年LYC");
}

TEST_F(CjkLatinSpacingRuleTest, BadStyleIsAConfigError) {
  EXPECT_THROW(Make("sometimes"), ConfigError);
}

}  // namespace
}  // namespace ocrlint
