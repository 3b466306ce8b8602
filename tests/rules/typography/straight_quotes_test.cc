#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class StraightQuotesRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeStraightQuotesRule};
};

TEST_F(StraightQuotesRuleTest, PairsOf004BecomeCurly) {
  // From seed 004: every quotation mark is ASCII.
  const std::string text =
      "坚持稳中求进工作总基调和\"产业兴区、创新引领\"总策略,扭住\"三项重点工作\",用好\"三个重要"
      "抓手\",深入实施\"八大提升行动\"。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 4u);
  const std::size_t open = text.find('"');
  const std::size_t close = text.find('"', open + 1);
  EXPECT_EQ(found[0].range, (ByteRange{open, close + 1}));
  EXPECT_EQ(found[0].message, "straight quotes \"\" used as quotation marks in Chinese text");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "replace with “”");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(found[0].fix->edits,
            (std::vector<Edit>{{{open, open + 1}, "“"}, {{close, close + 1}, "”"}}));
  EXPECT_EQ(check_.Fixed(text),
            "坚持稳中求进工作总基调和“产业兴区、创新引领”总策略,扭住“三项重点工作”,用好“三个重要"
            "抓手”,深入实施“八大提升行动”。");
}

TEST_F(StraightQuotesRuleTest, QuoteOpeningAParagraph) {
  const std::string text = "\"市委十二届五次全会暨市委经济工作会议目标振奋人心。\"日前,谢峰说。";
  EXPECT_EQ(check_.Fixed(text),
            "“市委十二届五次全会暨市委经济工作会议目标振奋人心。”日前,谢峰说。");
}

TEST_F(StraightQuotesRuleTest, OddCountIsReportedWithoutFix) {
  // A truncated heading of 004 keeps a lone quote.
  const std::string text = "产业集群和\"生产、生态、生活\"融合的\"科";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 3u);
  for (const Diagnostic& d : found) {
    EXPECT_EQ(d.range.size(), 1u);
    EXPECT_FALSE(d.fix);
    EXPECT_EQ(d.message,
              "straight quote \" in Chinese text; its pair in this paragraph is ambiguous");
  }
  EXPECT_EQ(check_.Fixed(text), text);
}

TEST_F(StraightQuotesRuleTest, NotAlternatingIsAmbiguous) {
  // The third quote is followed by a space and cannot open a pair; it has spaces on both
  // sides, so only the three quotes next to Chinese text are reported.
  const auto found = check_.Run("他说\"好\" \" 再见\"。");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_FALSE(found[0].fix);
}

TEST_F(StraightQuotesRuleTest, SingleQuotesNestInsideDoubleQuotes) {
  EXPECT_EQ(check_.Fixed("他说:\"要做好'腾笼换鸟'。\""), "他说:“要做好‘腾笼换鸟’。”");
}

TEST_F(StraightQuotesRuleTest, EnglishAndCodeAreLeftAlone) {
  EXPECT_TRUE(check_.Run("He said \"yes\". It's fine.").empty());
  EXPECT_TRUE(check_.Run("He said \"yes\" 然后走了。").empty());
  EXPECT_TRUE(check_.Run("命令 `echo \"你好\"` 会输出。", "a.md").empty());
}

}  // namespace
}  // namespace ocrlint
