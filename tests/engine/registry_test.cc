#include "engine/registry.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "engine/rule_options.h"

namespace ocrlint {
namespace {

TEST(BuiltinRulesTest, SortedByIdWithUniqueIds) {
  const auto rules = BuiltinRules();
  ASSERT_FALSE(rules.empty());
  for (std::size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1].id, rules[i].id) << "at index " << i;
  }
}

TEST(BuiltinRulesTest, IdsAreKebabCase) {
  const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  for (const BuiltinRule& rule : BuiltinRules()) {
    EXPECT_TRUE(std::regex_match(std::string(rule.id), kebab)) << rule.id;
  }
}

TEST(BuiltinRulesTest, FactoryBuildsTheRuleOfItsId) {
  for (const BuiltinRule& rule : BuiltinRules()) {
    RuleOptions options;
    const auto built = rule.factory(options);
    ASSERT_NE(built, nullptr) << rule.id;
    EXPECT_EQ(built->meta().id, rule.id);
  }
}

TEST(BuiltinRulesTest, ListsTheHygieneRules) {
  std::vector<std::string> ids;
  for (const BuiltinRule& rule : BuiltinRules()) ids.emplace_back(rule.id);
  for (const char* id : {"compat-ideograph", "fullwidth-alnum", "invalid-utf8", "invisible-char",
                         "replacement-char", "trailing-space"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

}  // namespace
}  // namespace ocrlint
