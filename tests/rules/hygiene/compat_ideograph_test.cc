#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class CompatIdeographRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeCompatIdeographRule};
};

TEST_F(CompatIdeographRuleTest, KangxiRadicalIsReplacedByIdeograph) {
  const auto found = check_.Run("\u2F08民");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{0, 3}));
  EXPECT_EQ(found[0].message,
            "\u2F08 U+2F08 KANGXI RADICAL MAN is a radical, not the ideograph \u4EBA U+4EBA");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "replace with \u4EBA");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{0, 3}, "\u4EBA"}}));
}

TEST_F(CompatIdeographRuleTest, CompatibilityIdeographs) {
  auto found = check_.Run("\uF900");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "\uF900 U+F900 CJK COMPATIBILITY IDEOGRAPH-F900 is a compatibility variant of \u8C48 "
            "U+8C48");
  found = check_.Run("中\U0002F800");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 7}));
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{3, 7}, "\u4E3D"}}));
}

TEST_F(CompatIdeographRuleTest, RadicalsSupplement) {
  auto found = check_.Run("\u2E9F");  // maps to 母
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{0, 3}, "\u6BCD"}}));
  found = check_.Run("a\u2E8C");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{1, 4}));
  EXPECT_EQ(found[0].message,
            "\u2E8C U+2E8C CJK RADICAL SMALL ONE is a radical with no equivalent ideograph in "
            "Unicode");
  EXPECT_FALSE(found[0].fix);
}

TEST_F(CompatIdeographRuleTest, FixesEveryCharacter) {
  EXPECT_EQ(check_.Fixed("\u2F24\u5B66\u2F26\uF900"), "\u5927\u5B66\u5B50\u8C48");
}

TEST_F(CompatIdeographRuleTest, UnifiedUnassignedAndNeighbouringCharactersAreFine) {
  // U+FA0E is unified; U+2E9A and U+FADA are unassigned; U+2FF0 is an ideographic
  // description character; U+20000 is extension B; U+3002 and U+FF0C are punctuation.
  EXPECT_TRUE(check_.Run("\uFA0E\u2E9A\uFADA\u2FF0\U00020000\u3002\uFF0C人").empty());
}

}  // namespace
}  // namespace ocrlint
