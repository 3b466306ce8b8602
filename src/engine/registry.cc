#include "engine/registry.h"

#include <array>

#include "rules/hygiene/hygiene_rules.h"

namespace ocrlint {

std::span<const BuiltinRule> BuiltinRules() {
  // Sorted by id (a test checks it). Adding a rule means adding one line here.
  static constexpr std::array<BuiltinRule, 6> kRules = {{
      {"compat-ideograph", &MakeCompatIdeographRule},
      {"fullwidth-alnum", &MakeFullwidthAlnumRule},
      {"invalid-utf8", &MakeInvalidUtf8Rule},
      {"invisible-char", &MakeInvisibleCharRule},
      {"replacement-char", &MakeReplacementCharRule},
      {"trailing-space", &MakeTrailingSpaceRule},
  }};
  return kRules;
}

}  // namespace ocrlint
