#ifndef OCRLINT_ENGINE_REGISTRY_H_
#define OCRLINT_ENGINE_REGISTRY_H_

#include <span>
#include <string_view>

#include "engine/rule.h"

namespace ocrlint {

struct BuiltinRule {
  std::string_view id;
  RuleFactory factory;
};

// Every built-in rule, sorted by id: the one table a new rule is added to.
std::span<const BuiltinRule> BuiltinRules();

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_REGISTRY_H_
