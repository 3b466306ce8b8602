#include "engine/rule_options.h"

#include <algorithm>
#include <string>
#include <type_traits>
#include <variant>

namespace ocrlint {
namespace {

// The value as the user wrote it, for "got ..." in messages.
std::string Describe(const OptionValue& option) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, bool>) {
          return value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(value);
        } else if constexpr (std::is_same_v<T, double>) {
          std::string text = std::to_string(value);
          // std::to_string always prints six decimals; trim them for readability.
          text.erase(text.find_last_not_of('0') + 1);
          if (text.ends_with('.')) text += '0';
          return text;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return "\"" + value + "\"";
        } else {
          std::string text = "[";
          for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) text += ", ";
            text += "\"" + value[i] + "\"";
          }
          return text + "]";
        }
      },
      option.value);
}

std::string Prefix(std::string_view source, std::string_view rule_id) {
  std::string prefix;
  if (!source.empty()) {
    prefix.append(source).append(": ");
  }
  prefix.append("rule ").append(rule_id);
  return prefix;
}

}  // namespace

const OptionValue* RuleOptions::Find(std::string_view key) {
  auto it = values_.find(std::string(key));
  if (it == values_.end()) return nullptr;
  if (std::find(used_.begin(), used_.end(), key) == used_.end()) {
    used_.emplace_back(key);
  }
  return &it->second;
}

void RuleOptions::Fail(std::string_view key, const OptionValue& value,
                       std::string_view problem) const {
  throw ConfigError(Prefix(value.source, rule_id_) + ": option \"" + std::string(key) + "\" " +
                    std::string(problem) + ", got " + Describe(value));
}

bool RuleOptions::GetBool(std::string_view key, bool default_value) {
  const OptionValue* option = Find(key);
  if (option == nullptr) return default_value;
  if (const bool* value = std::get_if<bool>(&option->value)) return *value;
  Fail(key, *option, "must be true or false");
}

std::int64_t RuleOptions::GetInt(std::string_view key, std::int64_t default_value, std::int64_t min,
                                 std::int64_t max) {
  const OptionValue* option = Find(key);
  if (option == nullptr) return default_value;
  const std::int64_t* value = std::get_if<std::int64_t>(&option->value);
  if (value == nullptr || *value < min || *value > max) {
    Fail(key, *option,
         "must be an integer between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return *value;
}

std::string RuleOptions::GetString(std::string_view key, std::string default_value,
                                   std::span<const std::string_view> allowed) {
  const OptionValue* option = Find(key);
  if (option == nullptr) return default_value;
  const std::string* value = std::get_if<std::string>(&option->value);
  if (value == nullptr) Fail(key, *option, "must be a string");
  if (allowed.empty() || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) {
    return *value;
  }
  std::string problem = "must be one of ";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) problem += ", ";
    problem.append("\"").append(allowed[i]).append("\"");
  }
  Fail(key, *option, problem);
}

std::vector<std::string> RuleOptions::GetStringList(std::string_view key,
                                                    std::vector<std::string> default_value) {
  const OptionValue* option = Find(key);
  if (option == nullptr) return default_value;
  if (const auto* value = std::get_if<std::vector<std::string>>(&option->value)) return *value;
  Fail(key, *option, "must be an array of strings");
}

void RuleOptions::CheckAllUsed() const {
  for (const auto& [key, value] : values_) {
    if (std::find(used_.begin(), used_.end(), key) != used_.end()) continue;
    throw ConfigError(Prefix(value.source, rule_id_) + " has no option \"" + key + "\"");
  }
}

}  // namespace ocrlint
