#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

TEST(InvalidUtf8RuleTest, ReportsTruncatedSequenceAsError) {
  RuleCheck check(&MakeInvalidUtf8Rule);
  const auto found = check.Run(
      "中\xE4\xB8"
      "文");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 5}));
  EXPECT_EQ(found[0].message, "invalid UTF-8 byte sequence E4 B8");
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].rule->id, "invalid-utf8");
  EXPECT_FALSE(found[0].fix);
}

TEST(InvalidUtf8RuleTest, OneFindingPerRun) {
  RuleCheck check(&MakeInvalidUtf8Rule);
  // FF alone; C0 80 (overlong) is two adjacent invalid bytes, so one run.
  const auto found = check.Run("\xFF中\xC0\x80");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{0, 1}));
  EXPECT_EQ(found[0].message, "invalid UTF-8 byte sequence FF");
  EXPECT_EQ(found[1].range, (ByteRange{4, 6}));
  EXPECT_EQ(found[1].message, "invalid UTF-8 byte sequence C0 80");
}

TEST(InvalidUtf8RuleTest, TruncatedAtEndOfFile) {
  RuleCheck check(&MakeInvalidUtf8Rule);
  const auto found = check.Run("文\xE6\x96");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 5}));
  EXPECT_EQ(found[0].message, "invalid UTF-8 byte sequence E6 96");
}

TEST(InvalidUtf8RuleTest, LongRunShowsEightBytes) {
  RuleCheck check(&MakeInvalidUtf8Rule);
  const auto found = check.Run(std::string(10, '\xFF'));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{0, 10}));
  EXPECT_EQ(found[0].message, "invalid UTF-8 byte sequence FF FF FF FF FF FF FF FF \u2026");
}

TEST(InvalidUtf8RuleTest, ValidTextHasNoFinding) {
  RuleCheck check(&MakeInvalidUtf8Rule);
  EXPECT_TRUE(check.Run("\uFEFF洛阳\U00020000\n").empty());
}

}  // namespace
}  // namespace ocrlint
