#include "engine/catalog.h"
#include "testing/fake_rule.h"

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ocrlint {
namespace {

using ::testing::ElementsAre;
using ::testing::ThrowsMessage;

RuleCatalog::Factory FakeFactory(std::string id, RuleGroup group) {
  return ::ocrlint::testing::OptionFakeFactory(std::move(id), group);
}

RuleCatalog MakeCatalog() {
  RuleCatalog catalog;
  catalog.Add(FakeFactory("trailing-space", RuleGroup::kHygiene));
  catalog.Add(FakeFactory("cjk-latin-spacing", RuleGroup::kTypography));
  catalog.Add(FakeFactory("stray-space", RuleGroup::kHygiene));
  catalog.Add(FakeFactory("script-mix", RuleGroup::kScript));
  return catalog;
}

std::vector<std::string> Ids(const RuleCatalog& catalog) {
  std::vector<std::string> ids;
  for (const auto& rule : catalog.rules()) ids.push_back(rule->meta().id);
  return ids;
}

std::int64_t WidthOf(const std::shared_ptr<const Rule>& rule) {
  return ::ocrlint::testing::WidthOf(*rule);
}

TEST(RuleCatalogTest, AddKeepsTheRulesSortedById) {
  EXPECT_THAT(Ids(MakeCatalog()),
              ElementsAre("cjk-latin-spacing", "script-mix", "stray-space", "trailing-space"));
}

TEST(RuleCatalogTest, AddRejectsADuplicateId) {
  RuleCatalog catalog = MakeCatalog();
  EXPECT_THAT([&] { catalog.Add(FakeFactory("stray-space", RuleGroup::kTypography)); },
              ThrowsMessage<ConfigError>("duplicate rule id \"stray-space\""));
  EXPECT_EQ(catalog.rules().size(), 4u);
}

TEST(RuleCatalogTest, FindReturnsTheDefaultInstance) {
  RuleCatalog catalog = MakeCatalog();
  const Rule* rule = catalog.Find("stray-space");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->meta().id, "stray-space");
  EXPECT_EQ(rule, catalog.rules()[2].get());
  EXPECT_EQ(catalog.Find("stray"), nullptr);
  EXPECT_EQ(catalog.Find("zzz"), nullptr);
}

TEST(RuleCatalogTest, InstantiateWithoutOptionsSharesTheDefaultInstance) {
  RuleCatalog catalog = MakeCatalog();
  RuleOptions none;
  std::shared_ptr<const Rule> rule = catalog.Instantiate("stray-space", none);
  EXPECT_EQ(rule.get(), catalog.Find("stray-space"));
  EXPECT_EQ(WidthOf(rule), 2);
}

TEST(RuleCatalogTest, InstantiateWithOptionsBuildsANewInstance) {
  RuleCatalog catalog = MakeCatalog();
  RuleOptions options("stray-space", {{"width", OptionValue{std::int64_t{7}, "ocrlint.toml:4"}}});
  std::shared_ptr<const Rule> rule = catalog.Instantiate("stray-space", options);
  EXPECT_NE(rule.get(), catalog.Find("stray-space"));
  EXPECT_EQ(rule->meta().id, "stray-space");
  EXPECT_EQ(WidthOf(rule), 7);
}

TEST(RuleCatalogTest, InstantiateRejectsBadAndUnknownOptions) {
  RuleCatalog catalog = MakeCatalog();
  RuleOptions bad("stray-space", {{"width", OptionValue{std::int64_t{70}, "ocrlint.toml:4"}}});
  EXPECT_THAT([&] { catalog.Instantiate("stray-space", bad); },
              ThrowsMessage<ConfigError>("ocrlint.toml:4: rule stray-space: option \"width\" "
                                         "must be an integer between 1 and 10, got 70"));
  RuleOptions unknown("stray-space", {{"widht", OptionValue{std::int64_t{3}, "ocrlint.toml:5"}}});
  EXPECT_THAT([&] { catalog.Instantiate("stray-space", unknown); },
              ThrowsMessage<ConfigError>("ocrlint.toml:5: rule stray-space has no option "
                                         "\"widht\""));
}

TEST(RuleCatalogTest, InstantiateRejectsAnUnknownRule) {
  RuleCatalog catalog = MakeCatalog();
  RuleOptions none;
  EXPECT_THROW(catalog.Instantiate("no-such-rule", none), ConfigError);
}

TEST(RuleCatalogTest, ExpandKeepsIdsAndExpandsGroupsWithoutDuplicates) {
  RuleCatalog catalog = MakeCatalog();
  std::vector<std::string> selectors = {"script-mix", "hygiene", "stray-space"};
  EXPECT_THAT(catalog.Expand(selectors, "--select"),
              ElementsAre("script-mix", "stray-space", "trailing-space"));
}

TEST(RuleCatalogTest, ExpandAllGivesEveryRule) {
  RuleCatalog catalog = MakeCatalog();
  std::vector<std::string> selectors = {"all"};
  EXPECT_THAT(catalog.Expand(selectors, "--select"),
              ElementsAre("cjk-latin-spacing", "script-mix", "stray-space", "trailing-space"));
}

TEST(RuleCatalogTest, ExpandOfAGroupWithoutRulesIsEmpty) {
  RuleCatalog catalog = MakeCatalog();
  std::vector<std::string> selectors = {"structure"};
  EXPECT_TRUE(catalog.Expand(selectors, "--select").empty());
}

TEST(RuleCatalogTest, ExpandRejectsAnUnknownSelectorWithASuggestion) {
  RuleCatalog catalog = MakeCatalog();
  std::vector<std::string> typo = {"hygiene", "stray-spcae"};
  EXPECT_THAT([&] { catalog.Expand(typo, "ocrlint.toml:3"); },
              ThrowsMessage<ConfigError>("ocrlint.toml:3: unknown rule or group \"stray-spcae\" "
                                         "(did you mean \"stray-space\"?)"));
  std::vector<std::string> group_typo = {"typografy"};
  EXPECT_THAT([&] { catalog.Expand(group_typo, "--ignore"); },
              ThrowsMessage<ConfigError>("--ignore: unknown rule or group \"typografy\" "
                                         "(did you mean \"typography\"?)"));
}

TEST(RuleCatalogTest, ExpandRejectsAnUnknownSelectorWithoutASuggestionWhenNothingIsClose) {
  RuleCatalog catalog = MakeCatalog();
  std::vector<std::string> selectors = {"xyz"};
  EXPECT_THAT([&] { catalog.Expand(selectors, "--select"); },
              ThrowsMessage<ConfigError>("--select: unknown rule or group \"xyz\""));
}

TEST(RuleCatalogTest, SuggestFindsTheClosestIdWithinTwoEdits) {
  RuleCatalog catalog = MakeCatalog();
  EXPECT_EQ(catalog.Suggest("script-mx"), "script-mix");
  EXPECT_EQ(catalog.Suggest("trailing-spaces"), "trailing-space");
  EXPECT_EQ(catalog.Suggest("trail-space"), std::nullopt);  // three edits away
}

}  // namespace
}  // namespace ocrlint
