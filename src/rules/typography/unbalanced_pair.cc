#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/typography/typography_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta UnbalancedPairMeta() {
  return RuleMeta{
      .id = "unbalanced-pair",
      .group = RuleGroup::kTypography,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kNone,
      .summary = "An unmatched bracket or quotation mark in a paragraph",
      .explanation =
          "Flags an opening （【《“‘「『 without its closing mark in the same paragraph, and a "
          "closing mark without its opening one. In OCR text this points at a lost "
          "character, a truncated heading or paragraph, or a paragraph split in two.\n\n"
          "There is no fix: where the missing mark belongs cannot be known.",
      .bad_examples =
          {
              BadExample("他说：\u27E6“\u27E7今年要抓好项目建设。", std::nullopt),
              BadExample("见《洛阳日报》\u27E6》\u27E7报道。", std::nullopt),
              BadExample("\u27E6（\u27E7守法诚信星、创新发展星\u27E6】\u27E7党支部。",
                         std::nullopt),
          },
      .good_examples =
          {
              GoodExample("他说：“今年要抓好‘三项重点工作’。”"),
              GoodExample("见《洛阳日报》（1月5日）报道。"),
              GoodExample("It’s fine. 没有问题。"),
          },
      .options = {},
  };
}

// The closing mark of an opening one, or 0.
char32_t ClosingOf(char32_t c) {
  switch (c) {
    case U'（':
      return U'）';
    case U'【':
      return U'】';
    case U'《':
      return U'》';
    case U'“':
      return U'”';
    case U'‘':
      return U'’';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    default:
      return 0;
  }
}

bool IsClosing(char32_t c) {
  return c == U'）' || c == U'】' || c == U'》' || c == U'”' || c == U'’' || c == U'」' ||
         c == U'』';
}

std::string Describe(char32_t c) {
  std::string s;
  AppendUtf8(s, c);
  return s;
}

struct Open {
  std::size_t offset;
  std::size_t length;
  char32_t mark;
};

class UnbalancedPairRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::vector<Open> stack;
    for (const Block& block : document.blocks()) {
      if (!block.IsProse() || block.content.empty()) continue;
      stack.clear();
      CheckBlock(document, text, block.content, stack, sink);
    }
  }

 private:
  static void CheckBlock(const Document& document, std::string_view text, ByteRange block,
                         std::vector<Open>& stack, DiagnosticSink& sink) {
    const std::string_view content = block.In(text);
    std::size_t i = 0;
    while (true) {
      // A loose prefilter (fewer vector operations than the exact byte ranges): E2/E3 80
      // 88-9D and EF BC 88-89. The few other characters it lets through (dashes, 〔〕)
      // are dropped after decoding.
      i = FindCandidate(content, i, [](ByteVector a, ByteVector b, ByteVector c) {
        return (((a | 1) == 0xE3) & (b == 0x80) & (c - 0x88 <= 0x9D - 0x88)) |
               ((a == 0xEF) & (b == 0xBC) & ((c | 1) == 0x89));
      });
      if (i >= content.size()) break;
      const std::size_t at = block.begin + i;
      const Decoded d = DecodeUtf8(text, at);
      i += d.length;
      const char32_t c = d.code_point;
      if (document.IsExcluded(ByteRange{at, at + d.length})) continue;
      if (ClosingOf(c) != 0) {
        stack.push_back(Open{at, d.length, c});
        continue;
      }
      if (!IsClosing(c)) continue;
      // ’ between Latin letters is an apostrophe (It’s).
      if (c == U'’' && at > block.begin && at + d.length < block.end &&
          IsAsciiLetter(static_cast<unsigned char>(text[at - 1])) &&
          IsAsciiLetter(static_cast<unsigned char>(text[at + d.length]))) {
        continue;
      }
      std::size_t match = stack.size();
      while (match > 0 && ClosingOf(stack[match - 1].mark) != c) --match;
      if (match == 0) {
        sink.Report(ByteRange{at, at + d.length},
                    "closing " + Describe(c) + " has no opening mark in this paragraph");
        continue;
      }
      for (std::size_t k = match; k < stack.size(); ++k) ReportOpen(stack[k], sink);
      stack.resize(match - 1);
    }
    for (const Open& open : stack) ReportOpen(open, sink);
  }

  static void ReportOpen(const Open& open, DiagnosticSink& sink) {
    sink.Report(ByteRange{open.offset, open.offset + open.length},
                "opening " + Describe(open.mark) + " has no closing " +
                    Describe(ClosingOf(open.mark)) + " in this paragraph");
  }

  RuleMeta meta_ = UnbalancedPairMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeUnbalancedPairRule(RuleOptions& /*options*/) {
  return std::make_unique<UnbalancedPairRule>();
}

}  // namespace ocrlint
