#ifndef OCRLINT_TESTS_RULES_HYGIENE_RULE_CHECK_H_
#define OCRLINT_TESTS_RULES_HYGIENE_RULE_CHECK_H_

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "engine/linter.h"
#include "engine/rule.h"
#include "engine/rule_options.h"

namespace ocrlint::testing_util {

// Runs one rule directly (no linter filtering) on `text` read as `path`, and applies all
// its fixes. The rule outlives the diagnostics, which point at its metadata.
class RuleCheck {
 public:
  explicit RuleCheck(RuleFactory factory) {
    RuleOptions options;
    rule_ = factory(options);
  }

  std::vector<Diagnostic> Run(std::string text, std::string path = "test.txt") const {
    auto document = Document::Create(std::move(path), std::move(text));
    std::vector<Diagnostic> out;
    DiagnosticSink sink(rule_->meta(), rule_->meta().default_severity, out);
    rule_->Check(*document, sink);
    return out;
  }

  // The text after applying every fix of one Run().
  std::string Fixed(const std::string& text, std::string path = "test.txt") const {
    const std::vector<Diagnostic> found = Run(text, std::move(path));
    std::vector<const Fix*> fixes;
    for (const Diagnostic& d : found) {
      if (d.fix) fixes.push_back(&*d.fix);
    }
    return ApplyNonOverlapping(text, fixes).text;
  }

  const Rule& rule() const { return *rule_; }

 private:
  std::unique_ptr<Rule> rule_;
};

}  // namespace ocrlint::testing_util

#endif  // OCRLINT_TESTS_RULES_HYGIENE_RULE_CHECK_H_
