#include "engine/registry.h"

#include <array>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/script/script_rules.h"

namespace ocrlint {

std::span<const BuiltinRule> BuiltinRules() {
  // Sorted by id (a test checks it). Adding a rule means adding one line here.
  static constexpr BuiltinRule kRules[] = {
      {"compat-ideograph", &MakeCompatIdeographRule}, {"fullwidth-alnum", &MakeFullwidthAlnumRule},
      {"invalid-utf8", &MakeInvalidUtf8Rule},         {"invisible-char", &MakeInvisibleCharRule},
      {"replacement-char", &MakeReplacementCharRule}, {"script-mix", &MakeScriptMixRule},
      {"trailing-space", &MakeTrailingSpaceRule},
  };
  return kRules;
}

}  // namespace ocrlint
