#ifndef OCRLINT_TESTS_TESTING_FAKE_RULE_H_
#define OCRLINT_TESTS_TESTING_FAKE_RULE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "engine/catalog.h"
#include "engine/rule.h"

namespace ocrlint::testing {

// A rule that reports nothing and carries its meta and one typed option ("width",
// integer 1-10, default 2), so that catalog and config tests do not depend on real rules.
class OptionFakeRule : public Rule {
 public:
  OptionFakeRule(RuleMeta meta, std::int64_t width) : meta_(std::move(meta)), width_(width) {}
  const RuleMeta& meta() const override { return meta_; }
  void Check(const Document&, DiagnosticSink&) const override {}
  std::int64_t width() const { return width_; }

 private:
  RuleMeta meta_;
  std::int64_t width_;
};

inline RuleCatalog::Factory OptionFakeFactory(std::string id, RuleGroup group,
                                              Severity severity = Severity::kWarning,
                                              bool enabled = true) {
  return [=](RuleOptions& options) -> std::unique_ptr<Rule> {
    RuleMeta meta;
    meta.id = id;
    meta.group = group;
    meta.default_severity = severity;
    meta.enabled_by_default = enabled;
    return std::make_unique<OptionFakeRule>(meta, options.GetInt("width", 2, 1, 10));
  };
}

inline std::int64_t WidthOf(const Rule& rule) {
  return dynamic_cast<const OptionFakeRule&>(rule).width();
}

}  // namespace ocrlint::testing

#endif  // OCRLINT_TESTS_TESTING_FAKE_RULE_H_
