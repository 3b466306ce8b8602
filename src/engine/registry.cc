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
      {"broken-sentence", &MakeBrokenSentenceRule},
      {"cjk-latin-spacing", &MakeCjkLatinSpacingRule},
      {"compat-ideograph", &MakeCompatIdeographRule},
      {"doubled-word", &MakeDoubledWordRule},
      {"duplicate-paragraph", &MakeDuplicateParagraphRule},
      {"duplicate-span", &MakeDuplicateSpanRule},
      {"fullwidth-alnum", &MakeFullwidthAlnumRule},
      {"invalid-utf8", &MakeInvalidUtf8Rule},
      {"invisible-char", &MakeInvisibleCharRule},
      {"mixed-punctuation-width", &MakeMixedPunctuationWidthRule},
      {"page-furniture", &MakePageFurnitureRule},
      {"replacement-char", &MakeReplacementCharRule},
      {"script-mix", &MakeScriptMixRule},
      {"straight-quotes", &MakeStraightQuotesRule},
      {"stray-space", &MakeStraySpaceRule},
      {"trailing-space", &MakeTrailingSpaceRule},
      {"truncated-text", &MakeTruncatedTextRule},
      {"unbalanced-pair", &MakeUnbalancedPairRule},
  };
  return kRules;
}

}  // namespace ocrlint
