#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class UnbalancedPairRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeUnbalancedPairRule};
};

TEST_F(UnbalancedPairRuleTest, UnclosedQuoteAtParagraphEnd) {
  const std::string text = "他说：“要抓好项目。\n\n第二段。”";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 2u);
  const std::size_t open = text.find("“");
  EXPECT_EQ(found[0].range, (ByteRange{open, open + 3}));
  EXPECT_EQ(found[0].message, "opening “ has no closing ” in this paragraph");
  EXPECT_FALSE(found[0].fix);
  const std::size_t close = text.find("”");
  EXPECT_EQ(found[1].range, (ByteRange{close, close + 3}));
  EXPECT_EQ(found[1].message, "closing ” has no opening mark in this paragraph");
}

TEST_F(UnbalancedPairRuleTest, CrossedPairsReportTheInnerOpening) {
  // 《 is never closed; the （） around it still match.
  const std::string text = "见（《洛阳日报）报道。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{text.find("《"), text.find("《") + 3}));
  EXPECT_EQ(found[0].message, "opening 《 has no closing 》 in this paragraph");
}

TEST_F(UnbalancedPairRuleTest, BalancedNestedAndApostrophes) {
  EXPECT_TRUE(
      check_.Run("他说：“抓好‘三项重点工作’，见《洛阳日报》（1月5日）【要闻】「一」『二』。”")
          .empty());
  EXPECT_TRUE(check_.Run("It’s fine. 没有问题。").empty());
  // ASCII parentheses are not this rule's business.
  EXPECT_TRUE(check_.Run("本报讯(洛报融媒记者").empty());
}

TEST_F(UnbalancedPairRuleTest, TruncatedHeadingIsReported) {
  const std::string text = "## 产业集群和“生产、生态、生活”融合的“科\n";
  const auto found = check_.Run(text, "a.md");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range.begin, text.rfind("“"));
}

}  // namespace
}  // namespace ocrlint
