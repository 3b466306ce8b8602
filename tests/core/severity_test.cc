#include "core/severity.h"

#include <gtest/gtest.h>

#include "core/diagnostic.h"
#include "core/rule_meta.h"

namespace ocrlint {
namespace {

TEST(SeverityTest, RoundTrips) {
  EXPECT_EQ(ToString(Severity::kInfo), "info");
  EXPECT_EQ(ToString(Severity::kWarning), "warning");
  EXPECT_EQ(ToString(Severity::kError), "error");
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    EXPECT_EQ(ParseSeverity(ToString(s)), s);
  }
  EXPECT_EQ(ParseSeverity("Error"), std::nullopt);
  EXPECT_EQ(ParseSeverity("warn"), std::nullopt);
  EXPECT_EQ(ParseSeverity(""), std::nullopt);
}

TEST(RuleMetaTest, RuleGroupRoundTrips) {
  EXPECT_EQ(ToString(RuleGroup::kHygiene), "hygiene");
  EXPECT_EQ(ToString(RuleGroup::kTypography), "typography");
  EXPECT_EQ(ToString(RuleGroup::kStructure), "structure");
  EXPECT_EQ(ToString(RuleGroup::kScript), "script");
  for (RuleGroup g :
       {RuleGroup::kHygiene, RuleGroup::kTypography, RuleGroup::kStructure, RuleGroup::kScript}) {
    EXPECT_EQ(ParseRuleGroup(ToString(g)), g);
  }
  EXPECT_EQ(ParseRuleGroup("scripts"), std::nullopt);
}

TEST(RuleMetaTest, FixAvailabilityNames) {
  EXPECT_EQ(ToString(FixAvailability::kNone), "none");
  EXPECT_EQ(ToString(FixAvailability::kSometimes), "sometimes");
  EXPECT_EQ(ToString(FixAvailability::kAlways), "always");
}

TEST(DiagnosticTest, ApplicabilityNames) {
  EXPECT_EQ(ToString(Applicability::kSafe), "safe");
  EXPECT_EQ(ToString(Applicability::kUnsafe), "unsafe");
}

TEST(DiagnosticTest, OrdersByRangeThenRuleThenMessage) {
  RuleMeta alpha;
  alpha.id = "alpha";
  RuleMeta beta;
  beta.id = "beta";
  const auto make = [](const RuleMeta& rule, ByteRange range, std::string message) {
    Diagnostic d;
    d.rule = &rule;
    d.range = range;
    d.message = std::move(message);
    return d;
  };
  EXPECT_TRUE(DiagnosticLess(make(beta, {1, 5}, "z"), make(alpha, {2, 3}, "a")));
  EXPECT_TRUE(DiagnosticLess(make(beta, {1, 3}, "z"), make(alpha, {1, 4}, "a")));
  EXPECT_TRUE(DiagnosticLess(make(alpha, {1, 3}, "z"), make(beta, {1, 3}, "a")));
  EXPECT_TRUE(DiagnosticLess(make(alpha, {1, 3}, "a"), make(alpha, {1, 3}, "b")));
  EXPECT_FALSE(DiagnosticLess(make(alpha, {1, 3}, "a"), make(alpha, {1, 3}, "a")));
  EXPECT_FALSE(DiagnosticLess(make(alpha, {2, 3}, "a"), make(beta, {1, 3}, "a")));
}

}  // namespace
}  // namespace ocrlint
