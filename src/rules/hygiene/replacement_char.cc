#include <cstring>
#include <memory>
#include <string>

#include "rules/hygiene/hygiene_rules.h"
#include "text/char_class.h"

namespace ocrlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

constexpr auto kIsReplacement = [](ByteVector a, ByteVector b, ByteVector c) {
  return (a == 0xEF) & (b == 0xBF) & (c == 0xBD);
};

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
      .bad_examples = {BadExample("洛阳\u27E6\uFFFD\uFFFD\u27E7区", std::nullopt),
                       BadExample("\u27E6\uFFFD\u27E7年度报告", std::nullopt)},
      .good_examples = {GoodExample("洛阳市老城区")},
      .options = {},
  };
}

class ReplacementCharRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::size_t pos = FindCandidate(text, 0, kIsReplacement);
    while (pos < text.size()) {
      std::size_t end = pos + kReplacement.size();
      while (text.substr(end, kReplacement.size()) == kReplacement) end += kReplacement.size();
      sink.Report(
          {pos, end},
          MessageText::Borrow("U+FFFD REPLACEMENT CHARACTER: a character was lost in conversion"));
      pos = FindCandidate(text, end, kIsReplacement);
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
