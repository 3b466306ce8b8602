#ifndef OCRLINT_ENGINE_RULE_OPTIONS_H_
#define OCRLINT_ENGINE_RULE_OPTIONS_H_

#include <cstdint>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ocrlint {

// A configuration problem: bad TOML, an unknown key, a value of the wrong type or out of
// range. The message names the file, the line and the key.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One option value as written in ocrlint.toml, with where it was written.
struct OptionValue {
  std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>> value;
  std::string source;  // "path/ocrlint.toml:12" for messages; empty for built-in values
};

// The options of one rule, as given in its [rules.<id>] table minus `severity`. A rule's
// factory reads them through the typed getters, which throw ConfigError on a bad type or
// value; the engine then calls CheckAllUsed() so that a misspelt option is an error.
class RuleOptions {
 public:
  RuleOptions() = default;
  RuleOptions(std::string rule_id, std::map<std::string, OptionValue> values)
      : rule_id_(std::move(rule_id)), values_(std::move(values)) {}

  bool GetBool(std::string_view key, bool default_value);
  std::int64_t GetInt(std::string_view key, std::int64_t default_value, std::int64_t min,
                      std::int64_t max);
  // With a non-empty `allowed`, any other value is an error listing the allowed ones.
  std::string GetString(std::string_view key, std::string default_value,
                        std::span<const std::string_view> allowed = {});
  std::vector<std::string> GetStringList(std::string_view key,
                                         std::vector<std::string> default_value);

  // Throws ConfigError naming the first key no getter asked for.
  void CheckAllUsed() const;

  const std::map<std::string, OptionValue>& values() const { return values_; }
  bool empty() const { return values_.empty(); }

 private:
  const OptionValue* Find(std::string_view key);
  [[noreturn]] void Fail(std::string_view key, const OptionValue& value,
                         std::string_view problem) const;

  std::string rule_id_;
  std::map<std::string, OptionValue> values_;
  std::vector<std::string> used_;
};

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_RULE_OPTIONS_H_
