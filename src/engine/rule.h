#ifndef OCRLINT_ENGINE_RULE_H_
#define OCRLINT_ENGINE_RULE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/rule_meta.h"
#include "engine/rule_options.h"

namespace ocrlint {

// Where a rule reports. One sink per (rule, document) check; the linter fills in the
// rule and its configured severity.
class DiagnosticSink {
 public:
  DiagnosticSink(const RuleMeta& rule, Severity severity, std::vector<Diagnostic>& out)
      : rule_(rule), severity_(severity), out_(out) {}

  // Adds a finding and returns it, so that the caller can attach a fix or related
  // locations. The reference is valid until the next Report().
  // Fixed messages (literals, text the rule built once) should be passed as
  // MessageText::Borrow(...): no copy per finding.
  Diagnostic& Report(ByteRange range, MessageText message);

  // Shorthand for a finding with a single-edit fix.
  Diagnostic& ReportWithFix(ByteRange range, MessageText message, Applicability applicability,
                            MessageText fix_message, std::string replacement);

 private:
  const RuleMeta& rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

// A built-in or declarative rule. Check() is const and thread-safe: a rule is built
// once (patterns and dictionaries compiled in its factory) and then checks many documents
// on many threads at once.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void Check(const Document& document, DiagnosticSink& sink) const = 0;
};

// Builds a rule from its typed options (default options when none are configured).
// Throws ConfigError for a bad option value.
using RuleFactory = std::unique_ptr<Rule> (*)(RuleOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_RULE_H_
