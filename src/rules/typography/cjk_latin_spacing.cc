#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "rules/typography/typography_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta CjkLatinSpacingMeta() {
  return RuleMeta{
      .id = "cjk-latin-spacing",
      .group = RuleGroup::kTypography,
      .default_severity = Severity::kWarning,
      .enabled_by_default = false,
      .fix = FixAvailability::kAlways,
      .summary = "Spacing between CJK characters and Latin letters or digits",
      .explanation =
          "Enforces one convention for the boundary between a Chinese character and a Latin "
          "letter or digit. With `style = \"require\"` (pangu spacing, the default) a "
          "missing space is flagged and the fix inserts one; with `style = \"forbid\"` (the "
          "newspaper convention: no space, as in 2024年 and 洛阳LYC轴承) a single space "
          "there is flagged and the fix deletes it.\n\n"
          "Off by default: Chinese publishers disagree, and most newspapers use no space. "
          "Enable it with `extend-select = [\"cjk-latin-spacing\"]`. Both fixes are safe.",
      .bad_examples =
          {
              BadExample("完成投资\u27E6\u27E7300\u27E6\u27E7亿元", "完成投资 300 亿元"),
              BadExample("洛阳\u27E6\u27E7LYC\u27E6\u27E7轴承", "洛阳 LYC 轴承"),
          },
      .good_examples =
          {
              GoodExample("完成投资 300 亿元"),
              GoodExample("洛阳 LYC 轴承，2024 年。"),
              GoodExample("代码 `a1中` 不查。", true),
          },
      .options =
          {
              OptionDoc{.name = "style",
                        .type = "string",
                        .default_value = "\"require\"",
                        .description = "\"require\": one space between CJK and Latin letters or "
                                       "digits; \"forbid\": no space there"},
          },
  };
}

bool IsLatinOrDigit(char32_t c) { return c < 0x80 && IsAsciiAlnum(c); }

class CjkLatinSpacingRule final : public Rule {
 public:
  explicit CjkLatinSpacingRule(bool require) : require_(require) {}

  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    for (const Block& block : document.blocks()) {
      if (!block.IsProse() || block.content.empty()) continue;
      if (require_) {
        CheckRequire(document, text, block.content, sink);
      } else {
        CheckForbid(document, text, block.content, sink);
      }
    }
  }

 private:
  // A boundary is an ASCII letter or digit byte next to a multi-byte character.
  static void CheckRequire(const Document& document, std::string_view text, ByteRange block,
                           DiagnosticSink& sink) {
    for (std::size_t i = block.begin + 1; i < block.end; ++i) {
      const auto prev = static_cast<unsigned char>(text[i - 1]);
      const auto cur = static_cast<unsigned char>(text[i]);
      const bool into_latin = prev >= 0x80 && IsAsciiAlnum(cur);
      const bool out_of_latin = IsAsciiAlnum(prev) && cur >= 0xC0;
      if (!into_latin && !out_of_latin) continue;
      const char32_t other =
          into_latin ? DecodeUtf8Before(text, i).code_point : DecodeUtf8(text, i).code_point;
      if (!IsHan(other)) continue;
      const ByteRange point{i, i};
      if (document.IsExcluded(ByteRange{i - 1, i + 1})) continue;
      sink.ReportWithFix(
          point,
          MessageText::Borrow(into_latin
                                  ? "no space between a CJK character and the Latin text after it"
                                  : "no space between Latin text and the CJK character after it"),
          Applicability::kSafe, MessageText::Borrow("insert a space"), " ");
    }
  }

  static void CheckForbid(const Document& document, std::string_view text, ByteRange block,
                          DiagnosticSink& sink) {
    for (std::size_t i = block.begin + 1; i + 1 < block.end; ++i) {
      if (text[i] != ' ') continue;
      const char32_t left = DecodeUtf8Before(text, i).code_point;
      const char32_t right = DecodeUtf8(text, i + 1).code_point;
      const bool boundary =
          (IsHan(left) && IsLatinOrDigit(right)) || (IsLatinOrDigit(left) && IsHan(right));
      const ByteRange space{i, i + 1};
      if (!boundary || document.IsExcluded(space)) continue;
      sink.ReportWithFix(space, MessageText::Borrow("space between a CJK character and Latin text"),
                         Applicability::kSafe, MessageText::Borrow("delete the space"), "");
    }
  }

  bool require_;
  RuleMeta meta_ = CjkLatinSpacingMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeCjkLatinSpacingRule(RuleOptions& options) {
  static constexpr std::array<std::string_view, 2> kStyles = {"require", "forbid"};
  const std::string style = options.GetString("style", "require", kStyles);
  return std::make_unique<CjkLatinSpacingRule>(style == "require");
}

}  // namespace ocrlint
