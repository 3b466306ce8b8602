#ifndef OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
#define OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_

#include <memory>

#include "core/rule_meta.h"
#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// Rules about the structure of a page: duplicated, broken and truncated text, stutters,
// page furniture. One rule per file in this folder; registered in engine/registry.cc.
std::unique_ptr<Rule> MakeDuplicateParagraphRule(RuleOptions& options);
std::unique_ptr<Rule> MakeDuplicateSpanRule(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_RULES_STRUCTURE_STRUCTURE_RULES_H_
