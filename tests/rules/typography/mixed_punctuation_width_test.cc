#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class MixedPunctuationWidthRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeMixedPunctuationWidthRule};
};

TEST_F(MixedPunctuationWidthRuleTest, OncePerParagraphAtTheMinority) {
  const std::string text =
      "今年，全区完成投资,新开工项目80个，其中超10亿元项目5个：好。\n\n第二段,也,混用：。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{text.find(','), text.find(',') + 1}));
  EXPECT_EQ(found[0].message,
            "paragraph mixes full-width (3) and ASCII (1) punctuation; full-width is dominant");
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_FALSE(found[0].fix);
  const std::size_t colon = text.rfind("：");
  EXPECT_EQ(found[1].range, (ByteRange{colon, colon + 3}));
  EXPECT_EQ(found[1].message,
            "paragraph mixes full-width (1) and ASCII (2) punctuation; ASCII is dominant");
}

TEST_F(MixedPunctuationWidthRuleTest, OneStyleOrNoChineseContext) {
  EXPECT_TRUE(check_.Run("全区完成投资,新开工项目80个。").empty());
  EXPECT_TRUE(check_.Run("会议于10:30开始，到场1,000人。").empty());
  EXPECT_TRUE(check_.Run("Hello, world: fine (yes)，好。").empty());
}

}  // namespace
}  // namespace ocrlint
