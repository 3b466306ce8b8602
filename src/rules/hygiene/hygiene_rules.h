#ifndef OCRLINT_RULES_HYGIENE_HYGIENE_RULES_H_
#define OCRLINT_RULES_HYGIENE_HYGIENE_RULES_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/rule_meta.h"

#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// Byte- and character-level defects left by OCR and format conversion. One rule per file
// in this folder; registered in engine/registry.cc.
std::unique_ptr<Rule> MakeCompatIdeographRule(RuleOptions& options);
std::unique_ptr<Rule> MakeFullwidthAlnumRule(RuleOptions& options);
std::unique_ptr<Rule> MakeInvalidUtf8Rule(RuleOptions& options);
std::unique_ptr<Rule> MakeInvisibleCharRule(RuleOptions& options);
std::unique_ptr<Rule> MakeReplacementCharRule(RuleOptions& options);
std::unique_ptr<Rule> MakeTrailingSpaceRule(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_RULES_HYGIENE_HYGIENE_RULES_H_
