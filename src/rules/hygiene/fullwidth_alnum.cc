#include <memory>
#include <string>

#include "rules/hygiene/hygiene_rules.h"
#include "text/char_class.h"

namespace ocrlint {
namespace {

RuleMeta FullwidthAlnumMeta() {
  return RuleMeta{
      .id = "fullwidth-alnum",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "Full-width Latin letters and digits",
      .explanation =
          "Flags runs of full-width letters and digits (U+FF10-FF19, U+FF21-FF3A, "
          "U+FF41-FF5A), such as \uFF12\uFF10\uFF12\uFF14年 or \uFF27\uFF24\uFF30.\n\n"
          "Chinese typesetting writes Latin letters and Arabic numerals half-width; the "
          "full-width forms come from OCR and old input methods. They break number "
          "parsing, search (2024 does not find \uFF12\uFF10\uFF12\uFF14) and mix two "
          "widths in one text.\n\n"
          "The fix replaces each run with its ASCII letters and digits and is safe. Code "
          "and other excluded ranges are left alone.",
      .bad_examples =
          {
              BadExample("\u27E6\uFF12\uFF10\uFF12\uFF14\u27E7年", "2024年"),
              BadExample("\u27E6\uFF27\uFF24\uFF30\u27E7增长\u27E6\uFF15\u27E7%", "GDP增长5%"),
              BadExample("型号\u27E6\uFF21\uFF11\uFF42\u27E7", "型号A1b"),
          },
      .good_examples =
          {
              GoodExample("2024年GDP增长5.2%"),
              GoodExample("代码 `\uFF12\uFF10\uFF12\uFF14` 不改", true),
          },
      .options = {},
  };
}

// Where a full-width letter or digit starts: EF BC 90-99, EF BC A1-BA, EF BD 81-9A. The
// full-width punctuation around them (EF BC 8C ，, EF BC 9A ：) is by far more common.
constexpr auto kMayStartRun = [](ByteVector a, ByteVector b, ByteVector c) {
  const auto digit_or_upper = ((c >= 0x90) & (c <= 0x99)) | ((c >= 0xA1) & (c <= 0xBA));
  const auto lower = (c >= 0x81) & (c <= 0x9A);
  return (a == 0xEF) & (((b == 0xBC) & digit_or_upper) | ((b == 0xBD) & lower));
};

// The full-width letter or digit at `offset` (EF BC 90-99, EF BC A1-BA, EF BD 81-9A), or
// 0 when there is none.
char32_t FullwidthAlnumAt(std::string_view text, std::size_t offset) {
  if (offset + 2 >= text.size() || text[offset] != '\xEF') return 0;
  const auto b1 = static_cast<unsigned char>(text[offset + 1]);
  const auto b2 = static_cast<unsigned char>(text[offset + 2]);
  if (b1 != 0xBC && b1 != 0xBD) return 0;
  const char32_t c = 0xFF00 + ((b1 & 0x03) << 6) + (b2 & 0x3F);
  return IsFullwidthAlnum(c) && (b2 & 0xC0) == 0x80 ? c : 0;
}

std::string Message(std::string_view run, bool has_letter, bool has_digit) {
  const char* kind = has_letter && has_digit ? "letters and digits"
                     : has_letter            ? "letters"
                                             : "digits";
  return std::string(run) + " is written in full-width " + kind;
}

class FullwidthAlnumRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::string ascii;
    for (std::size_t offset = FindCandidate(text, 0, kMayStartRun); offset < text.size();
         offset = FindCandidate(text, offset, kMayStartRun)) {
      const std::size_t begin = offset;
      bool has_letter = false;
      bool has_digit = false;
      ascii.clear();
      for (char32_t c; (c = FullwidthAlnumAt(text, offset)) != 0; offset += 3) {
        ascii.push_back(FullwidthToAscii(c));
        (IsFullwidthDigit(c) ? has_digit : has_letter) = true;
      }
      if (offset == begin) {
        ++offset;
        continue;
      }
      const ByteRange range{begin, offset};
      if (document.IsExcluded(range)) continue;
      sink.ReportWithFix(range, Message(range.In(text), has_letter, has_digit),
                         Applicability::kSafe, MessageText::Concat({"replace with ", ascii}),
                         ascii);
    }
  }

 private:
  RuleMeta meta_ = FullwidthAlnumMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeFullwidthAlnumRule(RuleOptions& /*options*/) {
  return std::make_unique<FullwidthAlnumRule>();
}

}  // namespace ocrlint
