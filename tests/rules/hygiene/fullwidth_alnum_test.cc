#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class FullwidthAlnumRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeFullwidthAlnumRule};
};

TEST_F(FullwidthAlnumRuleTest, OneFindingPerRunWithItsReplacement) {
  const std::string text = "\uFF12\uFF10\uFF12\uFF14年\uFF27\uFF24\uFF30";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{0, 12}));
  EXPECT_EQ(found[0].message, "\uFF12\uFF10\uFF12\uFF14 is written in full-width digits");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "replace with 2024");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{0, 12}, "2024"}}));
  EXPECT_EQ(found[1].range, (ByteRange{15, 24}));
  EXPECT_EQ(found[1].message, "\uFF27\uFF24\uFF30 is written in full-width letters");
  EXPECT_EQ(check_.Fixed(text), "2024年GDP");
}

TEST_F(FullwidthAlnumRuleTest, MixedRun) {
  const auto found = check_.Run("\uFF41\uFF3A\uFF19");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "\uFF41\uFF3A\uFF19 is written in full-width letters and digits");
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{0, 9}, "aZ9"}}));
}

TEST_F(FullwidthAlnumRuleTest, FullwidthPunctuationIsNotPartOfTheRun) {
  // （１）： only the digit; U+FF1A, U+FF20, U+FF40, U+FF5B border the ranges.
  const auto found = check_.Run("\uFF08\uFF11\uFF09\uFF1A\uFF20\uFF40\uFF5B");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 6}));
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{3, 6}, "1"}}));
}

TEST_F(FullwidthAlnumRuleTest, CodeSpansInMarkdownAreExcluded) {
  const std::string text = "代码 `\uFF12\uFF10` 与 \uFF12\uFF10\n";
  const auto markdown = check_.Run(text, "a.md");
  ASSERT_EQ(markdown.size(), 1u);
  EXPECT_EQ(markdown[0].range, (ByteRange{20, 26}));
  EXPECT_EQ(check_.Run(text, "a.txt").size(), 2u);
}

}  // namespace
}  // namespace ocrlint
