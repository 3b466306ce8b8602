#ifndef OCRLINT_RULES_SCRIPT_SCRIPT_RULES_H_
#define OCRLINT_RULES_SCRIPT_SCRIPT_RULES_H_

#include <memory>

#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint {

// script-mix: characters of the other Chinese script (traditional in simplified text and
// the reverse), found and fixed with OpenCC. Options: script, allow.
std::unique_ptr<Rule> MakeScriptMixRule(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_RULES_SCRIPT_SCRIPT_RULES_H_
