#ifndef OCRLINT_CORE_RULE_META_H_
#define OCRLINT_CORE_RULE_META_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/severity.h"

namespace ocrlint {

enum class RuleGroup { kHygiene, kTypography, kStructure, kScript };

std::string_view ToString(RuleGroup group);
std::optional<RuleGroup> ParseRuleGroup(std::string_view text);

// Whether a rule's findings come with a fix.
enum class FixAvailability { kNone, kSometimes, kAlways };

std::string_view ToString(FixAvailability fix);

// An example in a rule's documentation; the examples test runs every one.
// `input` marks each expected finding with ⟦ and ⟧ around its byte range (an empty
// ⟦⟧ marks an insertion point). The markers are stripped before linting.
// For a bad example, `fixed` is the text after applying every fix of this rule (safe and
// unsafe); nullopt when the rule offers no fix for it. A good example has no markers and
// must produce no finding.
struct RuleExample {
  std::string input;
  std::optional<std::string> fixed;
  // Markdown examples are linted as .md, the others as plain text.
  bool markdown = false;
};

// Builders for the examples of a rule's metadata (aggregate initialisation that leaves out
// a field trips -Wmissing-field-initializers).
inline RuleExample BadExample(std::string input, std::optional<std::string> fixed,
                              bool markdown = false) {
  RuleExample example;
  example.input = std::move(input);
  example.fixed = std::move(fixed);
  example.markdown = markdown;
  return example;
}
inline RuleExample GoodExample(std::string input, bool markdown = false) {
  return BadExample(std::move(input), std::nullopt, markdown);
}

// Documentation of one typed option of a rule.
struct OptionDoc {
  std::string name;
  std::string type;  // "bool", "int", "string", "string list"
  std::string default_value;
  std::string description;
};

// Everything the engine, the output formats and the docs know about a rule. Output code
// is driven entirely by this: no per-rule code outside the rule's own file.
struct RuleMeta {
  std::string id;  // kebab-case name of the problem; stable, part of the output contract
  RuleGroup group = RuleGroup::kHygiene;
  Severity default_severity = Severity::kWarning;
  bool enabled_by_default = true;
  FixAvailability fix = FixAvailability::kNone;
  std::string summary;      // one line
  std::string explanation;  // what it flags, why it matters, fix safety (plain text/Markdown)
  std::vector<RuleExample> bad_examples;
  std::vector<RuleExample> good_examples;
  std::vector<OptionDoc> options;
};

}  // namespace ocrlint

#endif  // OCRLINT_CORE_RULE_META_H_
