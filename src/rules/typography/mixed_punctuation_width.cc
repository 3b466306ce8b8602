#include <memory>
#include <string>
#include <string_view>

#include "rules/typography/typography_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta MixedPunctuationWidthMeta() {
  return RuleMeta{
      .id = "mixed-punctuation-width",
      .group = RuleGroup::kTypography,
      .default_severity = Severity::kInfo,
      .enabled_by_default = true,
      .fix = FixAvailability::kNone,
      .summary = "A paragraph mixes full-width and ASCII punctuation in Chinese text",
      .explanation =
          "Reports, once per paragraph, Chinese text that uses both the full-width and the "
          "ASCII form of the same punctuation marks (，, ；; ：: ？? ！! （( ）)). The finding "
          "points at the first mark of the less used style and the message names the "
          "dominant one. It shows where a page was assembled from text of different "
          "extraction tools, or fixed by hand only in part. ASCII marks count only next to a "
          "Chinese character (10:30 and 1,000 do not).\n\n"
          "There is no fix here: halfwidth-punctuation converts the ASCII marks.",
      .bad_examples =
          {
              BadExample(
                  "今年，全区完成投资300亿元\u27E6,\u27E7新开工项目80个，其中超10亿元项目5个。",
                  std::nullopt),
              BadExample("会议要求\u27E6：\u27E7抓项目,重创新,促转型,以高质量发展展现担当。",
                         std::nullopt),
          },
      .good_examples =
          {
              GoodExample("今年，全区完成投资300亿元，新开工项目80个。"),
              GoodExample("今年,全区完成投资300亿元,新开工项目80个。"),
              GoodExample("会议于10:30开始，到场1,000人。"),
          },
      .options = {},
  };
}

// Full-width forms (EF BC xx) and the ASCII marks that have one.
constexpr auto kMayBeFullwidth = [](ByteVector a, ByteVector b, ByteVector /*c*/) {
  return (a == 0xEF) & (b == 0xBC);
};
constexpr auto kMayBePunct = [](ByteVector a, ByteVector b, ByteVector /*c*/) {
  return (a == ',') | (a == ';') | (a == ':') | (a == '?') | (a == '!') | (a == '(') | (a == ')') |
         ((a == 0xEF) & (b == 0xBC));
};

bool IsFullwidthPair(unsigned char third) {
  return third == 0x8C || third == 0x9B || third == 0x9A || third == 0x9F || third == 0x81 ||
         third == 0x88 || third == 0x89;
}

class MixedPunctuationWidthRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    for (const Block& block : document.blocks()) {
      if (!block.IsProse() || block.content.empty()) continue;
      CheckBlock(document, text, block.content, sink);
    }
  }

 private:
  static void CheckBlock(const Document& document, std::string_view text, ByteRange block,
                         DiagnosticSink& sink) {
    const std::string_view content = block.In(text);
    // Most paragraphs use one style: without a full-width form there is nothing to mix.
    if (FindCandidate(content, 0, kMayBeFullwidth) >= content.size()) return;
    int full = 0;
    int ascii = 0;
    ByteRange first_full;
    ByteRange first_ascii;
    for (std::size_t i = FindCandidate(content, 0, kMayBePunct); i < content.size();
         i = FindCandidate(content, i, kMayBePunct)) {
      const std::size_t at = block.begin + i;
      if (static_cast<unsigned char>(text[at]) < 0x80) {
        ++i;
        const ByteRange range{at, at + 1};
        const bool chinese = (at > block.begin && IsHan(DecodeUtf8Before(text, at).code_point)) ||
                             (at + 1 < block.end && IsHan(DecodeUtf8(text, at + 1).code_point));
        if (!chinese || document.IsExcluded(range)) continue;
        if (ascii++ == 0) first_ascii = range;
      } else {
        i += 3;
        if (i > content.size() || !IsFullwidthPair(static_cast<unsigned char>(text[at + 2]))) {
          continue;
        }
        const ByteRange range{at, at + 3};
        if (document.IsExcluded(range)) continue;
        if (full++ == 0) first_full = range;
      }
    }
    if (full == 0 || ascii == 0) return;
    const bool full_dominant = full > ascii;
    sink.Report(full_dominant ? first_ascii : first_full,
                "paragraph mixes full-width (" + std::to_string(full) + ") and ASCII (" +
                    std::to_string(ascii) + ") punctuation; " +
                    (full_dominant ? "full-width" : "ASCII") + " is dominant");
  }

  RuleMeta meta_ = MixedPunctuationWidthMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeMixedPunctuationWidthRule(RuleOptions& /*options*/) {
  return std::make_unique<MixedPunctuationWidthRule>();
}

}  // namespace ocrlint
