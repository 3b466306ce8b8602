#include "core/plain_text_parser.h"

#include <algorithm>

namespace ocrlint {
namespace {

bool IsDirective(std::string_view trimmed) {
  return (trimmed.starts_with("<!--") && trimmed.ends_with("-->")) || trimmed.starts_with("%%");
}

class PlainTextParser {
 public:
  PlainTextParser(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {
    // Chinese news paragraphs are a few hundred bytes; over-reserving is cheaper than
    // regrowing on a 100 MB input.
    outline_.blocks.reserve(lines.line_count() / 2 + 1);
    outline_.segments.reserve(lines.line_count() / 2 + 1);
  }

  Outline Parse(std::size_t body_begin) {
    for (std::size_t line = 0; line < lines_.line_count(); ++line) {
      ByteRange range = lines_.LineRange(line);
      range.begin = std::max(range.begin, std::min(body_begin, range.end));
      const ByteRange trimmed = TrimWhitespace(text_, range);
      if (trimmed.empty()) {
        CloseParagraph();
      } else if (IsDirective(trimmed.In(text_))) {
        CloseParagraph();
        AddDirective(range);
      } else {
        AddParagraphLine(range, trimmed);
      }
    }
    CloseParagraph();
    return std::move(outline_);
  }

 private:
  void AddParagraphLine(ByteRange range, ByteRange trimmed) {
    if (!open_) {
      open_ = true;
      paragraph_.range.begin = range.begin;
      paragraph_.content.begin = trimmed.begin;
    }
    paragraph_.range.end = range.end;
    paragraph_.content.end = trimmed.end;
  }

  void CloseParagraph() {
    if (!open_) return;
    open_ = false;
    Block block;
    block.kind = BlockKind::kParagraph;
    block.range = paragraph_.range;
    block.content = paragraph_.content;
    block.first_segment = static_cast<std::uint32_t>(outline_.segments.size());
    block.segment_count = 1;
    outline_.segments.push_back(block.content);
    outline_.blocks.push_back(block);
  }

  void AddDirective(ByteRange range) {
    Block block;
    block.kind = BlockKind::kComment;
    block.range = range;
    block.content = {range.begin, range.begin};
    block.first_segment = static_cast<std::uint32_t>(outline_.segments.size());
    outline_.blocks.push_back(block);
    outline_.excluded.push_back(range);
  }

  std::string_view text_;
  const LineIndex& lines_;
  Outline outline_;
  bool open_ = false;
  struct {
    ByteRange range;
    ByteRange content;
  } paragraph_;
};

}  // namespace

Outline ParsePlainText(std::string_view text, const LineIndex& lines, std::size_t body_begin) {
  return PlainTextParser(text, lines).Parse(body_begin);
}

}  // namespace ocrlint
