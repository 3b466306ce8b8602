#ifndef OCRLINT_RULES_TYPOGRAPHY_TYPOGRAPHY_RULES_H_
#define OCRLINT_RULES_TYPOGRAPHY_TYPOGRAPHY_RULES_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/rule_meta.h"
#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// CJK typography rules that need pairing or paragraph-level state (the pattern-only ones
// live in the declarative packs). One rule per file in this folder; registered in
// engine/registry.cc.
std::unique_ptr<Rule> MakeCjkLatinSpacingRule(RuleOptions& options);
std::unique_ptr<Rule> MakeMixedPunctuationWidthRule(RuleOptions& options);
std::unique_ptr<Rule> MakeStraightQuotesRule(RuleOptions& options);
std::unique_ptr<Rule> MakeStraySpaceRule(RuleOptions& options);
std::unique_ptr<Rule> MakeUnbalancedPairRule(RuleOptions& options);

namespace typography {

// Whether a block holds running prose that typography rules read (paragraphs, list
// items, quotes; not headings, table cells or code).
inline bool IsRunningProse(const Block& block) {
  return block.kind == BlockKind::kParagraph || block.kind == BlockKind::kListItem ||
         block.kind == BlockKind::kBlockQuote;
}

}  // namespace typography

}  // namespace ocrlint

#endif  // OCRLINT_RULES_TYPOGRAPHY_TYPOGRAPHY_RULES_H_
