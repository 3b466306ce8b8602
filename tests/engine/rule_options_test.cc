#include "engine/rule_options.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ocrlint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// Options as if written in [rules.stray-space] of ocrlint.toml, one per line from 12 on.
RuleOptions Options(std::map<std::string, OptionValue> values) {
  return RuleOptions("stray-space", std::move(values));
}

OptionValue At12(decltype(OptionValue::value) value) {
  return OptionValue{std::move(value), "ocrlint.toml:12"};
}

TEST(RuleOptionsTest, MissingKeysGiveTheDefaults) {
  RuleOptions options;
  EXPECT_TRUE(options.GetBool("strict", true));
  EXPECT_EQ(options.GetInt("min-period", 8, 4, 64), 8);
  EXPECT_EQ(options.GetString("mode", "auto"), "auto");
  EXPECT_THAT(options.GetStringList("words", {"a", "b"}), ElementsAre("a", "b"));
  EXPECT_NO_THROW(options.CheckAllUsed());
}

TEST(RuleOptionsTest, GetIntReturnsTheConfiguredValue) {
  RuleOptions options = Options({{"min-period", At12(std::int64_t{16})}});
  EXPECT_EQ(options.GetInt("min-period", 8, 4, 64), 16);
  EXPECT_NO_THROW(options.CheckAllUsed());
}

TEST(RuleOptionsTest, GetIntAcceptsTheBoundsOfTheRange) {
  RuleOptions options = Options({{"lo", At12(std::int64_t{4})}, {"hi", At12(std::int64_t{64})}});
  EXPECT_EQ(options.GetInt("lo", 8, 4, 64), 4);
  EXPECT_EQ(options.GetInt("hi", 8, 4, 64), 64);
}

TEST(RuleOptionsTest, GetIntRejectsAString) {
  RuleOptions options = Options({{"min-period", At12(std::string("x"))}});
  EXPECT_THAT([&] { options.GetInt("min-period", 8, 4, 64); },
              ThrowsMessage<ConfigError>(
                  "ocrlint.toml:12: rule stray-space: option \"min-period\" must be an integer "
                  "between 4 and 64, got \"x\""));
}

TEST(RuleOptionsTest, GetIntRejectsAFloatAndABool) {
  RuleOptions options = Options({{"f", At12(2.5)}, {"b", At12(true)}});
  EXPECT_THAT([&] { options.GetInt("f", 8, 4, 64); },
              ThrowsMessage<ConfigError>(
                  "ocrlint.toml:12: rule stray-space: option \"f\" must be an integer "
                  "between 4 and 64, got 2.5"));
  EXPECT_THAT([&] { options.GetInt("b", 8, 4, 64); },
              ThrowsMessage<ConfigError>(HasSubstr("option \"b\" must be an integer "
                                                   "between 4 and 64, got true")));
}

TEST(RuleOptionsTest, GetIntRejectsValuesOutOfRange) {
  RuleOptions options = Options({{"lo", At12(std::int64_t{3})}, {"hi", At12(std::int64_t{65})}});
  EXPECT_THAT([&] { options.GetInt("lo", 8, 4, 64); },
              ThrowsMessage<ConfigError>(
                  "ocrlint.toml:12: rule stray-space: option \"lo\" must be an integer "
                  "between 4 and 64, got 3"));
  EXPECT_THAT([&] { options.GetInt("hi", 8, 4, 64); },
              ThrowsMessage<ConfigError>(HasSubstr("between 4 and 64, got 65")));
}

TEST(RuleOptionsTest, WithoutASourceTheMessageStartsWithTheRule) {
  RuleOptions options("stray-space", {{"min-period", OptionValue{std::int64_t{1}, ""}}});
  EXPECT_THAT([&] { options.GetInt("min-period", 8, 4, 64); },
              ThrowsMessage<ConfigError>("rule stray-space: option \"min-period\" must be an "
                                         "integer between 4 and 64, got 1"));
}

TEST(RuleOptionsTest, GetBoolRequiresABool) {
  RuleOptions options = Options({{"strict", At12(false)}, {"loose", At12(std::int64_t{1})}});
  EXPECT_FALSE(options.GetBool("strict", true));
  EXPECT_THAT([&] { options.GetBool("loose", true); },
              ThrowsMessage<ConfigError>("ocrlint.toml:12: rule stray-space: option \"loose\" "
                                         "must be true or false, got 1"));
}

TEST(RuleOptionsTest, GetStringChecksTheAllowedValues) {
  constexpr std::array<std::string_view, 2> kAllowed = {"strict", "lenient"};
  RuleOptions good = Options({{"mode", At12(std::string("lenient"))}});
  EXPECT_EQ(good.GetString("mode", "strict", kAllowed), "lenient");

  RuleOptions bad = Options({{"mode", At12(std::string("loose"))}});
  EXPECT_THAT([&] { bad.GetString("mode", "strict", kAllowed); },
              ThrowsMessage<ConfigError>("ocrlint.toml:12: rule stray-space: option \"mode\" "
                                         "must be one of \"strict\", \"lenient\", got \"loose\""));
}

TEST(RuleOptionsTest, GetStringWithoutAllowedValuesTakesAnyString) {
  RuleOptions options = Options({{"marker", At12(std::string("\u3000"))}});
  EXPECT_EQ(options.GetString("marker", "x"), "\u3000");
}

TEST(RuleOptionsTest, GetStringRejectsANumber) {
  RuleOptions options = Options({{"mode", At12(std::int64_t{2})}});
  EXPECT_THAT([&] { options.GetString("mode", "strict"); },
              ThrowsMessage<ConfigError>("ocrlint.toml:12: rule stray-space: option \"mode\" "
                                         "must be a string, got 2"));
}

TEST(RuleOptionsTest, GetStringListRequiresAnArrayOfStrings) {
  RuleOptions options = Options({{"words", At12(std::vector<std::string>{"本报", "记者"})},
                                 {"single", At12(std::string("本报"))}});
  EXPECT_THAT(options.GetStringList("words", {}), ElementsAre("本报", "记者"));
  EXPECT_THAT([&] { options.GetStringList("single", {}); },
              ThrowsMessage<ConfigError>("ocrlint.toml:12: rule stray-space: option \"single\" "
                                         "must be an array of strings, got \"本报\""));
}

TEST(RuleOptionsTest, CheckAllUsedNamesTheFirstUnusedKey) {
  RuleOptions options = Options({{"min-period", At12(std::int64_t{8})},
                                 {"min-perod", OptionValue{std::int64_t{8}, "ocrlint.toml:13"}}});
  EXPECT_EQ(options.GetInt("min-period", 8, 4, 64), 8);
  EXPECT_THAT(
      [&] { options.CheckAllUsed(); },
      ThrowsMessage<ConfigError>("ocrlint.toml:13: rule stray-space has no option \"min-perod\""));
}

TEST(RuleOptionsTest, CheckAllUsedCountsAKeyReadWithTheWrongTypeAsUsed) {
  RuleOptions options = Options({{"strict", At12(std::string("yes"))}});
  EXPECT_THROW(options.GetBool("strict", false), ConfigError);
  EXPECT_NO_THROW(options.CheckAllUsed());
}

}  // namespace
}  // namespace ocrlint
