#ifndef OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
#define OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_

#include <memory>

#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// Rules about the structure of an OCR'd page: paragraphs broken, cut short or repeated,
// stutters, page furniture. One rule per file in this folder; registered in
// engine/registry.cc.
std::unique_ptr<Rule> MakeBrokenSentenceRule(RuleOptions& options);
std::unique_ptr<Rule> MakeDoubledWordRule(RuleOptions& options);
std::unique_ptr<Rule> MakeDuplicateParagraphRule(RuleOptions& options);
std::unique_ptr<Rule> MakeDuplicateSpanRule(RuleOptions& options);
std::unique_ptr<Rule> MakePageFurnitureRule(RuleOptions& options);
std::unique_ptr<Rule> MakeTruncatedTextRule(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
