#include <cstring>
#include <memory>
#include <string>

#include "rules/hygiene/hygiene_rules.h"

namespace ocrlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

RuleMeta ReplacementCharMeta() {
  return RuleMeta{
      .id = "replacement-char",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kNone,
      .summary = "U+FFFD replacement characters where text was lost",
      .explanation =
          "Flags U+FFFD REPLACEMENT CHARACTER; adjacent ones form one "
          "finding.\n\n"
          "A converter writes U+FFFD when it meets a byte sequence it cannot decode or a "
          "glyph it cannot map, so each one stands for at least one lost character.\n\n"
          "There is no fix: restore the character from the source page.",
      .bad_examples = {hygiene::Bad("洛阳\u27E6\uFFFD\uFFFD\u27E7区", std::nullopt),
                       hygiene::Bad("\u27E6\uFFFD\u27E7年度报告", std::nullopt)},
      .good_examples = {hygiene::Good("洛阳市老城区")},
      .options = {},
  };
}

class ReplacementCharRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::size_t pos = text.find(kReplacement);
    while (pos != std::string_view::npos) {
      std::size_t end = pos + kReplacement.size();
      while (text.substr(end, kReplacement.size()) == kReplacement) end += kReplacement.size();
      sink.Report({pos, end}, "U+FFFD REPLACEMENT CHARACTER: a character was lost in conversion");
      pos = text.find(kReplacement, end);
    }
  }

 private:
  RuleMeta meta_ = ReplacementCharMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeReplacementCharRule(RuleOptions& /*options*/) {
  return std::make_unique<ReplacementCharRule>();
}

}  // namespace ocrlint
