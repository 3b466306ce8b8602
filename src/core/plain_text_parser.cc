#include "core/plain_text_parser.h"

#include <cstring>

namespace ocrlint {
namespace {

bool IsDirective(std::string_view trimmed) {
  return (trimmed.starts_with("<!--") && trimmed.ends_with("-->")) || trimmed.starts_with("%%");
}

class PlainTextParser {
 public:
  explicit PlainTextParser(std::string_view text) : text_(text) {
    // Chinese news paragraphs are a few hundred bytes; reserving avoids regrowing (and
    // touching twice the memory) on a 100 MB input.
    outline_.blocks.reserve(text.size() / 64 + 1);
    outline_.segments.reserve(text.size() / 64 + 1);
  }

  // Lines are found with memchr rather than through the LineIndex: this loop runs on
  // every plain-text document.
  Outline Parse(std::size_t body_begin) {
    const char* data = text_.data();
    std::size_t begin = body_begin;
    while (true) {
      const auto* newline =
          static_cast<const char*>(std::memchr(data + begin, '\n', text_.size() - begin));
      std::size_t end =
          newline != nullptr ? static_cast<std::size_t>(newline - data) : text_.size();
      const std::size_t next = end + 1;
      if (newline != nullptr && end > begin && data[end - 1] == '\r') --end;
      AddLine({begin, end});
      if (newline == nullptr) break;
      begin = next;
    }
    CloseParagraph();
    return std::move(outline_);
  }

 private:
  void AddLine(ByteRange range) {
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
  Outline outline_;
  bool open_ = false;
  struct {
    ByteRange range;
    ByteRange content;
  } paragraph_;
};

}  // namespace

Outline ParsePlainText(std::string_view text, std::size_t body_begin) {
  return PlainTextParser(text).Parse(body_begin);
}

}  // namespace ocrlint
