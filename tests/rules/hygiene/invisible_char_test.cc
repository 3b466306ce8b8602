#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class InvisibleCharRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeInvisibleCharRule};
};

TEST_F(InvisibleCharRuleTest, ZeroWidthSpaceWithSafeDeletion) {
  const auto found = check_.Run("洛阳\u200B市");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{6, 9}));
  EXPECT_EQ(found[0].message, "U+200B ZERO WIDTH SPACE is invisible");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "delete U+200B");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{6, 9}, ""}}));
}

TEST_F(InvisibleCharRuleTest, ConsecutiveCharactersFormOneFinding) {
  const auto found = check_.Run("中\u200B\u200B\u2060文");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 12}));
  EXPECT_EQ(found[0].message,
            "3 invisible characters: U+200B ZERO WIDTH SPACE, U+200B ZERO WIDTH SPACE, U+2060 "
            "WORD JOINER");
  EXPECT_EQ(found[0].fix->message, "delete 3 invisible characters");
  EXPECT_EQ(check_.Fixed("中\u200B\u200B\u2060文"), "中文");
}

TEST_F(InvisibleCharRuleTest, ByteOrderMarkOnlyAtStart) {
  EXPECT_TRUE(check_.Run("\uFEFF洛阳").empty());
  const auto found = check_.Run("\uFEFF洛\uFEFF阳");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{6, 9}));
  EXPECT_EQ(found[0].message, "U+FEFF ZERO WIDTH NO-BREAK SPACE is invisible");
}

TEST_F(InvisibleCharRuleTest, ZwjInsideEmojiSequencesIsFine) {
  EXPECT_TRUE(check_.Run("\U0001F468\u200D\U0001F469\u200D\U0001F467").empty());
  // With a skin tone modifier before the joiner: 🧑🏽‍💻.
  EXPECT_TRUE(check_.Run("\U0001F9D1\U0001F3FD\u200D\U0001F4BB").empty());
  // ❤️‍🔥: variation selector 16 before the joiner.
  EXPECT_TRUE(check_.Run("\u2764\uFE0F\u200D\U0001F525").empty());
}

TEST_F(InvisibleCharRuleTest, JoinersInShapingScriptsAreFine) {
  EXPECT_TRUE(check_.Run("\u0915\u094D\u200D\u0937").empty());  // Devanagari
  EXPECT_TRUE(check_.Run("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645").empty());  // Persian
}

TEST_F(InvisibleCharRuleTest, JoinersBetweenHanLatinPunctuationOrAtEdges) {
  auto found = check_.Run("ab\u200Ccd");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{2, 5}));
  EXPECT_EQ(found[0].message, "U+200C ZERO WIDTH NON-JOINER is invisible");
  found = check_.Run("新闻\u200D。");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{6, 9}));
  EXPECT_EQ(found[0].message, "U+200D ZERO WIDTH JOINER is invisible");
  // At the end of the text even after an emoji.
  found = check_.Run("\U0001F600\u200D");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{4, 7}));
  // Next to a zero width space, which is invisible too: one run.
  found = check_.Run("中\u200B\u200D文");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 9}));
}

TEST_F(InvisibleCharRuleTest, CrlfIsFineAndLoneCarriageReturnHasNoFix) {
  const auto found = check_.Run("一\r\n二\r三\r\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{8, 9}));
  EXPECT_EQ(found[0].message, "U+000D CARRIAGE RETURN without a line feed is invisible");
  EXPECT_FALSE(found[0].fix);
}

TEST_F(InvisibleCharRuleTest, LoneCarriageReturnSplitsARun) {
  const auto found = check_.Run("a\u200B\rb");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{1, 4}));
  EXPECT_TRUE(found[0].fix);
  EXPECT_EQ(found[1].range, (ByteRange{4, 5}));
  EXPECT_FALSE(found[1].fix);
}

TEST_F(InvisibleCharRuleTest, ControlCharacters) {
  const auto found = check_.Run(
      "a\x01"
      "b\x7F\tc\n\u0085\u00AD\u180E\u202E\u2066");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].range, (ByteRange{1, 2}));
  EXPECT_EQ(found[0].message, "U+0001 START OF HEADING is invisible");
  EXPECT_EQ(found[1].range, (ByteRange{3, 4}));
  EXPECT_EQ(found[1].message, "U+007F DELETE is invisible");
  EXPECT_EQ(found[2].range, (ByteRange{7, 20}));
  EXPECT_EQ(found[2].message,
            "5 invisible characters: U+0085 NEXT LINE, U+00AD SOFT HYPHEN, U+180E MONGOLIAN "
            "VOWEL SEPARATOR, U+202E RIGHT-TO-LEFT OVERRIDE, \u2026");
}

TEST_F(InvisibleCharRuleTest, SanitisedInvalidBytesAreNotSubstitutes) {
  // text() holds U+001A for each invalid byte; only the real SUB at 0 is a finding.
  const auto found = check_.Run("\x1A\xFF\xFE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{0, 1}));
  EXPECT_EQ(found[0].message, "U+001A SUBSTITUTE is invisible");
}

TEST_F(InvisibleCharRuleTest, OrdinaryTextHasNoFinding) {
  EXPECT_TRUE(check_.Run("“洛阳”——老城区…\t2024年\r\n（一）·\u3000完\n").empty());
}

}  // namespace
}  // namespace ocrlint
