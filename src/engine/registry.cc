#include "engine/registry.h"

#include <array>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/script/script_rules.h"
#include "rules/structure/structure_rules.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {

std::span<const BuiltinRule> BuiltinRules() {
  // Sorted by id (a test checks it). Adding a rule means adding one line here.
  static constexpr BuiltinRule kRules[] = {
      {"cjk-latin-spacing", &MakeCjkLatinSpacingRule},
      {"compat-ideograph", &MakeCompatIdeographRule},
      {"duplicate-paragraph", &MakeDuplicateParagraphRule},
      {"duplicate-span", &MakeDuplicateSpanRule},
      {"fullwidth-alnum", &MakeFullwidthAlnumRule},
      {"invalid-utf8", &MakeInvalidUtf8Rule},
      {"invisible-char", &MakeInvisibleCharRule},
      {"mixed-punctuation-width", &MakeMixedPunctuationWidthRule},
      {"replacement-char", &MakeReplacementCharRule},
      {"script-mix", &MakeScriptMixRule},
      {"straight-quotes", &MakeStraightQuotesRule},
      {"stray-space", &MakeStraySpaceRule},
      {"trailing-space", &MakeTrailingSpaceRule},
      {"unbalanced-pair", &MakeUnbalancedPairRule},
  };
  return kRules;
}

}  // namespace ocrlint
