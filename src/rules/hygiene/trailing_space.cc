#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "rules/hygiene/hygiene_rules.h"

namespace ocrlint {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

RuleMeta TrailingSpaceMeta() {
  return RuleMeta{
      .id = "trailing-space",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "Spaces, tabs or U+3000 at the end of a line",
      .explanation =
          "Flags spaces, tabs and U+3000 IDEOGRAPHIC SPACE at the end of a line, and lines "
          "that hold nothing but such white space. In Markdown, exactly two spaces after "
          "text on a line that is not the last of its paragraph are a hard line break and "
          "are not flagged.\n\n"
          "Column layouts and OCR leave white space at line ends. It is invisible, shows "
          "up as noise in every diff, and makes blank lines that are not quite blank.\n\n"
          "The fix deletes the white space (a white-space-only line becomes empty) and is "
          "safe.",
      .bad_examples =
          {
              BadExample("洛阳市\u27E6  \u27E7\n老城区", "洛阳市\n老城区"),
              BadExample("第一段\u27E6\u3000\t\u27E7\r\n第二段\u27E6 \u27E7", "第一段\r\n第二段"),
              BadExample("第一段\n\u27E6\u3000\u3000\u27E7\n第二段", "第一段\n\n第二段"),
              BadExample("段落最后一行\u27E6  \u27E7\n", "段落最后一行\n", true),
          },
      .good_examples =
          {
              GoodExample("洛阳市\n老城区\n"),
              GoodExample("\u3000\u3000段首缩进不算\n"),
              GoodExample("硬换行  \n下一行\n", true),
          },
      .options = {},
  };
}

bool IsBlankByte(char c) { return c == ' ' || c == '\t'; }

// The start of the white space that ends at `end`, stepping back over spaces, tabs and
// U+3000 but not before `line_begin`.
std::size_t TrailingStart(std::string_view text, std::size_t line_begin, std::size_t end) {
  std::size_t start = end;
  while (start > line_begin) {
    if (IsBlankByte(text[start - 1])) {
      --start;
    } else if (start - line_begin >= kIdeographicSpace.size() &&
               text.substr(start - kIdeographicSpace.size(), kIdeographicSpace.size()) ==
                   kIdeographicSpace) {
      start -= kIdeographicSpace.size();
    } else {
      break;
    }
  }
  return start;
}

// In Markdown, two spaces after text end a line inside a paragraph without ending the
// paragraph: a hard line break. On the paragraph's last line they do nothing.
bool IsHardLineBreak(const Document& document, ByteRange space) {
  if (document.format() != DocumentFormat::kMarkdown || space.size() != 2 ||
      document.text().substr(space.begin, 2) != "  ") {
    return false;
  }
  const auto blocks = document.blocks();
  auto it = std::upper_bound(blocks.begin(), blocks.end(), space.begin,
                             [](std::size_t o, const Block& b) { return o < b.range.begin; });
  if (it == blocks.begin()) return false;
  const Block& block = *std::prev(it);
  const bool inline_text = block.kind == BlockKind::kParagraph ||
                           block.kind == BlockKind::kListItem ||
                           block.kind == BlockKind::kBlockQuote;
  return inline_text && block.range.Contains(space.begin) && space.end < block.range.end;
}

class TrailingSpaceRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::size_t line_begin = 0;
    while (line_begin <= text.size()) {
      const void* newline = std::memchr(text.data() + line_begin, '\n', text.size() - line_begin);
      const std::size_t terminator =
          newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                  : text.size();
      std::size_t end = terminator;
      if (newline && end > line_begin && text[end - 1] == '\r') --end;
      CheckLine(document, line_begin, end, sink);
      if (!newline) break;
      line_begin = terminator + 1;
    }
  }

 private:
  static void CheckLine(const Document& document, std::size_t line_begin, std::size_t end,
                        DiagnosticSink& sink) {
    const std::size_t start = TrailingStart(document.text(), line_begin, end);
    if (start == end) return;
    const ByteRange space{start, end};
    if (start == line_begin) {
      sink.ReportWithFix(space, MessageText::Borrow("line holds only white space"),
                         Applicability::kSafe, MessageText::Borrow("delete the white space"), "");
      return;
    }
    if (IsHardLineBreak(document, space)) return;
    sink.ReportWithFix(space, MessageText::Borrow("trailing white space at the end of the line"),
                       Applicability::kSafe, MessageText::Borrow("delete trailing white space"),
                       "");
  }

  RuleMeta meta_ = TrailingSpaceMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeTrailingSpaceRule(RuleOptions& /*options*/) {
  return std::make_unique<TrailingSpaceRule>();
}

}  // namespace ocrlint
