#include "core/markdown_parser.h"

#include <algorithm>
#include <optional>

#include <md4c.h>

namespace ocrlint {
namespace {

bool IsBlankOrSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The line without leading spaces and block-quote markers, and without trailing spaces.
std::string_view StripQuotePrefix(std::string_view line) {
  std::size_t begin = 0;
  while (begin < line.size() && (IsBlankOrSpace(line[begin]) || line[begin] == '>')) ++begin;
  std::size_t end = line.size();
  while (end > begin && IsBlankOrSpace(line[end - 1])) --end;
  return line.substr(begin, end - begin);
}

// A closing code fence: only the fence character, at least three times (an opening fence
// may carry an info string; a closing one may not).
bool IsClosingFenceLine(std::string_view line, char fence_char) {
  const std::string_view stripped = StripQuotePrefix(line);
  return stripped.size() >= 3 && stripped.find_first_not_of(fence_char) == std::string_view::npos;
}

bool IsSetextUnderline(std::string_view line) {
  const std::string_view stripped = StripQuotePrefix(line);
  return !stripped.empty() && (stripped.find_first_not_of('=') == std::string_view::npos ||
                               stripped.find_first_not_of('-') == std::string_view::npos);
}

bool IsYamlDelimiter(std::string_view line, bool closing) {
  while (!line.empty() && IsBlankOrSpace(line.back())) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

class MarkdownParser {
 public:
  MarkdownParser(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {}

  Outline Parse(std::size_t body_begin) {
    const std::size_t start = SkipFrontMatter(body_begin);
    cursor_ = start;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Raw HTML stays on (MD_FLAG_NOHTMLSPANS off) so that it is recognised and excluded;
    // no permissive autolinks: bare URLs in OCR text are text. No indented code blocks:
    // in OCR'd pages an indented line is an indented paragraph, and treating it as code
    // would hide it from every prose rule (fenced code still works).
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = &MarkdownParser::EnterBlockThunk;
    parser.leave_block = &MarkdownParser::LeaveBlockThunk;
    parser.enter_span = &MarkdownParser::EnterSpanThunk;
    parser.leave_span = &MarkdownParser::LeaveSpanThunk;
    parser.text = &MarkdownParser::TextThunk;
    md_parse(text_.data() + start, static_cast<MD_SIZE>(text_.size() - start), &parser, this);
    return std::move(outline_);
  }

 private:
  struct OpenBlock {
    Block block;
    bool implicit = false;  // the text of a tight list item, which md4c gives no P block
    char fence_char = 0;
    std::optional<ByteRange> text_extent;  // all text seen, prose or not
  };

  static int EnterBlockThunk(MD_BLOCKTYPE type, void* detail, void* self) {
    static_cast<MarkdownParser*>(self)->EnterBlock(type, detail);
    return 0;
  }
  static int LeaveBlockThunk(MD_BLOCKTYPE type, void*, void* self) {
    static_cast<MarkdownParser*>(self)->LeaveBlock(type);
    return 0;
  }
  static int EnterSpanThunk(MD_SPANTYPE type, void* detail, void* self) {
    static_cast<MarkdownParser*>(self)->EnterSpan(type, detail);
    return 0;
  }
  static int LeaveSpanThunk(MD_SPANTYPE type, void*, void* self) {
    static_cast<MarkdownParser*>(self)->LeaveSpan(type);
    return 0;
  }
  static int TextThunk(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    static_cast<MarkdownParser*>(self)->Text(type, text, size);
    return 0;
  }

  // YAML front matter: a "---" line at the very start up to the next "---" or "..." line.
  // Returns where Markdown starts.
  std::size_t SkipFrontMatter(std::size_t body_begin) {
    const std::size_t first = lines_.LineOf(body_begin);
    ByteRange line = lines_.LineRange(first);
    line.begin = body_begin;
    if (!IsYamlDelimiter(line.In(text_), /*closing=*/false)) return body_begin;
    for (std::size_t i = first + 1; i < lines_.line_count(); ++i) {
      const ByteRange closing = lines_.LineRange(i);
      if (!IsYamlDelimiter(closing.In(text_), /*closing=*/true)) continue;
      outline_.excluded.push_back({body_begin, closing.end});
      return i + 1 < lines_.line_count() ? lines_.LineRange(i + 1).begin : text_.size();
    }
    return body_begin;
  }

  void EnterBlock(MD_BLOCKTYPE type, void* detail) {
    if (open_ && open_->implicit) Close();
    switch (type) {
      case MD_BLOCK_P:
        Open(ContainerKind());
        break;
      case MD_BLOCK_H:
        Open(BlockKind::kHeading);
        open_->block.heading_level =
            static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        Open(BlockKind::kTableCell);
        break;
      case MD_BLOCK_CODE:
        Open(BlockKind::kCode);
        open_->fence_char = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char;
        break;
      case MD_BLOCK_HTML:
        Open(BlockKind::kHtml);
        break;
      case MD_BLOCK_HR:
        AddThematicBreak();
        break;
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_LI:
        containers_.push_back(type);
        break;
      default:
        break;
    }
  }

  void LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_P:
      case MD_BLOCK_H:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        Close();
        break;
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_LI:
        if (open_) Close();
        containers_.pop_back();
        break;
      default:
        break;
    }
  }

  void EnterSpan(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_A: {
        const auto destination = InBuffer(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
        if (destination) outline_.excluded.push_back(*destination);
        links_.push_back(destination.value_or(ByteRange{}));
        break;
      }
      case MD_SPAN_IMG: {
        const auto source = InBuffer(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
        if (source) outline_.excluded.push_back(*source);
        break;
      }
      case MD_SPAN_CODE:
        in_code_span_ = true;
        break;
      default:
        break;
    }
  }

  void LeaveSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_A && !links_.empty()) links_.pop_back();
    if (type == MD_SPAN_CODE) in_code_span_ = false;
  }

  void Text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    // Soft and hard breaks and NUL replacements are literals outside the source.
    const auto range = InBuffer(data, size);
    if (!range || range->empty()) return;
    if (!open_) Open(ContainerKind(), /*implicit=*/true);
    ExtendTextExtent(*range);
    switch (type) {
      case MD_TEXT_NORMAL:
      case MD_TEXT_ENTITY:
        // The text of an autolink is its destination.
        if (!links_.empty() && links_.back().Contains(*range)) return;
        if (open_->block.IsProse()) AddSegment(*range);
        break;
      case MD_TEXT_CODE:
        outline_.excluded.push_back(in_code_span_ ? WithBackticks(*range) : *range);
        break;
      case MD_TEXT_HTML:
      case MD_TEXT_LATEXMATH:
        outline_.excluded.push_back(*range);
        break;
      default:
        break;
    }
  }

  std::optional<ByteRange> InBuffer(const MD_CHAR* data, MD_SIZE size) const {
    if (data == nullptr || data < text_.data() || data + size > text_.data() + text_.size()) {
      return std::nullopt;
    }
    const auto begin = static_cast<std::size_t>(data - text_.data());
    return ByteRange{begin, begin + size};
  }
  std::optional<ByteRange> InBuffer(const MD_ATTRIBUTE& attribute) const {
    if (attribute.size == 0) return std::nullopt;
    return InBuffer(attribute.text, attribute.size);
  }

  // Code span text plus its backtick fences (and the one space md4c strips inside them).
  ByteRange WithBackticks(ByteRange range) const {
    ByteRange out = range;
    std::size_t b = out.begin;
    if (b >= 2 && text_[b - 1] == ' ' && text_[b - 2] == '`') --b;
    while (b > 0 && text_[b - 1] == '`') --b;
    if (b < out.begin && text_[b] == '`') out.begin = b;
    std::size_t e = out.end;
    if (e + 1 < text_.size() && text_[e] == ' ' && text_[e + 1] == '`') ++e;
    while (e < text_.size() && text_[e] == '`') ++e;
    if (e > out.end && text_[e - 1] == '`') out.end = e;
    return out;
  }

  BlockKind ContainerKind() const {
    for (auto it = containers_.rbegin(); it != containers_.rend(); ++it) {
      if (*it == MD_BLOCK_LI) return BlockKind::kListItem;
      if (*it == MD_BLOCK_QUOTE) return BlockKind::kBlockQuote;
    }
    return BlockKind::kParagraph;
  }

  void Open(BlockKind kind, bool implicit = false) {
    open_.emplace();
    open_->block.kind = kind;
    open_->implicit = implicit;
    open_->block.first_segment = static_cast<std::uint32_t>(outline_.segments.size());
  }

  void ExtendTextExtent(ByteRange range) {
    auto& extent = open_->text_extent;
    if (!extent) {
      extent = range;
    } else {
      extent->begin = std::min(extent->begin, range.begin);
      extent->end = std::max(extent->end, range.end);
    }
  }

  // Joins runs of prose separated only by whitespace (a soft line break with its
  // indentation), as plain-text paragraphs keep their line breaks.
  void AddSegment(ByteRange range) {
    Block& block = open_->block;
    if (outline_.segments.size() > block.first_segment) {
      ByteRange& last = outline_.segments.back();
      const std::string_view gap =
          text_.substr(last.end, range.begin - std::min(range.begin, last.end));
      if (range.begin >= last.end && gap.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        last.end = range.end;
        return;
      }
    }
    outline_.segments.push_back(range);
  }

  void Close() {
    if (!open_) return;
    OpenBlock open = std::move(*open_);
    open_.reset();
    Block& block = open.block;
    block.segment_count =
        static_cast<std::uint32_t>(outline_.segments.size() - block.first_segment);
    const std::optional<ByteRange> range = BlockRange(open);
    if (!range) return;
    block.range = *range;
    DropMisplacedGuess(block.range);
    if (block.IsProse()) {
      // A prose block whose text is all code, HTML or links has nothing to lint.
      if (block.segment_count == 0) return;
      block.content = {outline_.segments[block.first_segment].begin, outline_.segments.back().end};
    } else {
      block.content = {block.range.begin, block.range.begin};
      outline_.excluded.push_back(block.range);
    }
    outline_.blocks.push_back(block);
    last_block_guessed_ = !open.text_extent.has_value();
    Advance(block.range.end);
  }

  // md4c reports no block positions: a block spans the whole lines of its text, plus the
  // fence lines of fenced code and the underline of a Setext heading. Lines are found by
  // scanning around the text (lines are short) rather than by binary search in the
  // LineIndex, which dominated on large files and does not end lines at a lone CR.
  std::optional<ByteRange> BlockRange(const OpenBlock& open) const {
    const Block& block = open.block;
    if (!open.text_extent) {
      if (open.fence_char == 0) return std::nullopt;
      const std::optional<ByteRange> fence = NextNonBlankLine();
      if (!fence) return std::nullopt;
      ByteRange range = *fence;
      const std::optional<ByteRange> closing = LineAfter(range.end);
      if (closing && IsClosingFenceLine(closing->In(text_), open.fence_char))
        range.end = closing->end;
      return range;
    }
    const ByteRange extent = *open.text_extent;
    if (block.kind == BlockKind::kTableCell) return extent;
    ByteRange range{LineBegin(extent.begin), LineEnd(extent.end - 1)};
    if (open.fence_char != 0) {
      if (range.begin > 0) range.begin = PreviousLineBegin(range.begin);
      const std::optional<ByteRange> closing = LineAfter(range.end);
      if (closing && IsClosingFenceLine(closing->In(text_), open.fence_char))
        range.end = closing->end;
    }
    // An ATX heading has its "#" before the text on the same line; otherwise it is a
    // Setext heading, underlined on the next line.
    if (block.kind == BlockKind::kHeading &&
        text_.substr(range.begin, extent.begin - range.begin).find('#') == std::string_view::npos) {
      const std::optional<ByteRange> underline = LineAfter(range.end);
      if (underline && IsSetextUnderline(underline->In(text_))) range.end = underline->end;
    }
    // Never before the cursor: keeps a BOM or front matter out of the first block.
    range.begin = std::max(range.begin, std::min(cursor_, extent.begin));
    return range;
  }

  // Lines as md4c sees them: CommonMark ends a line at "\n", "\r\n" or a lone "\r".
  // The start of the line containing `offset`.
  std::size_t LineBegin(std::size_t offset) const {
    if (offset == 0) return 0;
    const std::size_t terminator = text_.find_last_of("\r\n", offset - 1);
    return terminator == std::string_view::npos ? 0 : terminator + 1;
  }

  // The start of the line before the line starting at `line_begin` (> 0).
  std::size_t PreviousLineBegin(std::size_t line_begin) const {
    std::size_t terminator = line_begin - 1;
    if (terminator > 0 && text_.substr(terminator - 1, 2) == "\r\n") --terminator;
    return LineBegin(terminator);
  }

  // The end (before its terminator) of the line containing `offset`.
  std::size_t LineEnd(std::size_t offset) const {
    const std::size_t terminator = text_.find_first_of("\r\n", offset);
    return terminator == std::string_view::npos ? text_.size() : terminator;
  }

  // The start of the line after the line ending at `line_end`, or the text size.
  std::size_t NextLineBegin(std::size_t line_end) const {
    if (line_end >= text_.size()) return text_.size();
    if (text_.substr(line_end, 2) == "\r\n") return line_end + 2;
    return line_end + 1;
  }

  std::optional<ByteRange> LineAfter(std::size_t line_end) const {
    if (line_end >= text_.size()) return std::nullopt;
    const std::size_t begin = NextLineBegin(line_end);
    return ByteRange{begin, LineEnd(begin)};
  }

  std::optional<ByteRange> NextNonBlankLine() const {
    std::size_t begin = cursor_;
    while (begin < text_.size()) {
      const ByteRange line{begin, LineEnd(begin)};
      if (!StripQuotePrefix(line.In(text_)).empty()) return line;
      if (line.end >= text_.size()) break;
      begin = NextLineBegin(line.end);
    }
    return std::nullopt;
  }

  // Blocks without text (thematic breaks, empty fences) are placed on the next non-blank
  // line, a guess that md4c's lone-CR and lazy-continuation rules can defeat. When a block
  // with text claims that line, the guess was wrong: drop it rather than overlap.
  void DropMisplacedGuess(ByteRange range) {
    if (!last_block_guessed_) return;
    last_block_guessed_ = false;
    const Block& last = outline_.blocks.back();
    if (last.range.end <= range.begin) return;
    if (last.kind == BlockKind::kCode) {
      const auto it = std::find(outline_.excluded.rbegin(), outline_.excluded.rend(), last.range);
      if (it != outline_.excluded.rend()) outline_.excluded.erase(std::next(it).base());
    }
    outline_.blocks.pop_back();
  }

  void AddThematicBreak() {
    const std::optional<ByteRange> line = NextNonBlankLine();
    if (!line) return;
    Block block;
    block.kind = BlockKind::kThematicBreak;
    block.range = *line;
    block.content = {block.range.begin, block.range.begin};
    block.first_segment = static_cast<std::uint32_t>(outline_.segments.size());
    outline_.blocks.push_back(block);
    last_block_guessed_ = true;
    Advance(block.range.end);
  }

  // Moves the cursor to the start of the line after the one ending at or containing `end`.
  void Advance(std::size_t end) { cursor_ = std::max(cursor_, NextLineBegin(LineEnd(end))); }

  std::string_view text_;
  const LineIndex& lines_;
  Outline outline_;
  std::optional<OpenBlock> open_;
  std::vector<MD_BLOCKTYPE> containers_;
  std::vector<ByteRange> links_;  // destinations of the enclosing links (empty if outside)
  bool in_code_span_ = false;
  bool last_block_guessed_ = false;  // the last block was placed without text to go by
  std::size_t cursor_ = 0;           // the first byte after the last block
};

}  // namespace

Outline ParseMarkdown(std::string_view text, const LineIndex& lines, std::size_t body_begin) {
  return MarkdownParser(text, lines).Parse(body_begin);
}

}  // namespace ocrlint
