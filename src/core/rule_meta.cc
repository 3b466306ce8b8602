#include "core/rule_meta.h"

namespace ocrlint {

std::string_view ToString(RuleGroup group) {
  switch (group) {
    case RuleGroup::kHygiene:
      return "hygiene";
    case RuleGroup::kTypography:
      return "typography";
    case RuleGroup::kStructure:
      return "structure";
    case RuleGroup::kScript:
      return "script";
  }
  return "hygiene";
}

std::optional<RuleGroup> ParseRuleGroup(std::string_view text) {
  for (RuleGroup group :
       {RuleGroup::kHygiene, RuleGroup::kTypography, RuleGroup::kStructure, RuleGroup::kScript}) {
    if (text == ToString(group)) return group;
  }
  return std::nullopt;
}

std::string_view ToString(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::kNone:
      return "none";
    case FixAvailability::kSometimes:
      return "sometimes";
    case FixAvailability::kAlways:
      return "always";
  }
  return "none";
}

}  // namespace ocrlint
