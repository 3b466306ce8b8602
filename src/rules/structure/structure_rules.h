#ifndef OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
#define OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_

#include <memory>

#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// Rules about the structure of an OCR'd page: repeated and broken text, page furniture.
// One rule per file in this folder; registered in engine/registry.cc.
std::unique_ptr<Rule> MakeDoubledWordRule(RuleOptions& options);
std::unique_ptr<Rule> MakePageFurnitureRule(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
