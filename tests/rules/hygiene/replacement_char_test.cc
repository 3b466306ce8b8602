#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

TEST(ReplacementCharRuleTest, AdjacentCharactersFormOneFinding) {
  RuleCheck check(&MakeReplacementCharRule);
  const auto found = check.Run("a\uFFFD\uFFFDb\uFFFD");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{1, 7}));
  EXPECT_EQ(found[0].message, "U+FFFD REPLACEMENT CHARACTER: a character was lost in conversion");
  EXPECT_FALSE(found[0].fix);
  EXPECT_EQ(found[1].range, (ByteRange{8, 11}));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
}

TEST(ReplacementCharRuleTest, OtherSpecialsAreNotReplacementCharacters) {
  RuleCheck check(&MakeReplacementCharRule);
  // U+FFFC OBJECT REPLACEMENT CHARACTER and full-width punctuation share the lead byte.
  EXPECT_TRUE(check.Run("\uFFFC，（）").empty());
}

}  // namespace
}  // namespace ocrlint
