#ifndef OCRLINT_CORE_DOCUMENT_H_
#define OCRLINT_CORE_DOCUMENT_H_

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_range.h"
#include "core/line_index.h"

namespace ocrlint {

enum class DocumentFormat { kPlainText, kMarkdown };

// ".md" and ".markdown" (case-insensitive) are Markdown; everything else is plain text.
DocumentFormat FormatForPath(std::string_view path);

enum class LineEnding { kNone, kLf, kCrlf, kMixed };

enum class BlockKind {
  kParagraph,   // plain-text paragraph or Markdown paragraph
  kHeading,     // Markdown ATX/Setext heading
  kListItem,    // the text of a Markdown list item
  kBlockQuote,  // a paragraph inside a Markdown block quote
  kTableCell,   // a Markdown table cell
  kCode,        // fenced or indented code block (not prose)
  kHtml,        // raw HTML block (not prose)
  kComment,     // an ocrlint directive line in plain text (not prose)
  kThematicBreak,
};

std::string_view ToString(BlockKind kind);

// A block-level unit. Paragraphs in plain text are runs of non-blank lines separated by
// blank lines (a line of only spaces, tabs and U+3000 is blank).
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  // The block's bytes in the source, markers included ("## " of a heading, "> " of a
  // quote), without the final line terminator.
  ByteRange range;
  // From the first to the last byte of prose text (markers and trailing spaces excluded).
  // Empty for non-prose blocks.
  ByteRange content;
  int heading_level = 0;  // 1-6 for headings, 0 otherwise
  // Index range into Document::segments(): the runs of prose text of this block, in
  // order. In plain text a paragraph has one segment equal to `content`. In Markdown,
  // code spans, raw HTML, link destinations, and container markers of continuation lines
  // ("> ", list indentation) fall between segments.
  std::uint32_t first_segment = 0;
  std::uint32_t segment_count = 0;

  bool IsProse() const;
};

// A sentence inside a prose block: ends after terminal punctuation (。！？!? and "."
// followed by space or end, ；; do not end one) plus any closing quotes and brackets that
// follow it, or at the block end.
struct Sentence {
  ByteRange range;
  std::uint32_t block = 0;  // index into blocks()
};

// The immutable, fully analysed input of the rules. Built once per file version; rules
// get a const reference and never see the file system.
class Document {
 public:
  // Analyses `bytes` as read from `path` (the path only labels the document; nothing is
  // read). Never fails: invalid UTF-8 is recorded, not rejected.
  static std::unique_ptr<Document> Create(std::string path, std::string bytes,
                                          DocumentFormat format);
  static std::unique_ptr<Document> Create(std::string path, std::string bytes) {
    auto format = FormatForPath(path);
    return Create(std::move(path), std::move(bytes), format);
  }

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& path() const { return path_; }
  DocumentFormat format() const { return format_; }

  // The bytes exactly as read. Fixes are computed against these offsets.
  std::string_view raw() const { return raw_; }
  // The text the rules read: the same length as raw(), with every byte of an invalid
  // UTF-8 sequence replaced by U+001A (SUB), so that rules may decode without checks.
  // Identical to raw() when the input is valid.
  std::string_view text() const { return sanitized_.empty() ? raw_ : sanitized_; }

  bool has_bom() const { return has_bom_; }
  LineEnding line_ending() const { return line_ending_; }
  // Maximal runs of bytes that are not valid UTF-8, in order.
  std::span<const ByteRange> invalid_utf8() const { return invalid_utf8_; }
  bool valid_utf8() const { return invalid_utf8_.empty(); }

  const LineIndex& lines() const { return lines_; }
  std::span<const Block> blocks() const { return blocks_; }
  std::span<const ByteRange> segments() const { return segments_; }
  std::span<const ByteRange> Segments(const Block& block) const {
    return std::span<const ByteRange>(segments_).subspan(block.first_segment, block.segment_count);
  }
  std::span<const Sentence> sentences() const { return sentences_; }
  // Sorted, non-overlapping ranges that no prose rule may report on: code blocks and
  // spans, raw HTML, link destinations, front matter, directive comments.
  std::span<const ByteRange> excluded() const { return excluded_; }
  bool IsExcluded(ByteRange range) const;

  // An analysis that several rules share (the paragraph ends that broken-sentence and
  // truncated-text judge, the duplicate paragraphs that both duplicate rules need), made by
  // `make()` on first use and kept with the document, so it runs once per document however
  // many rules ask. `key` names the analysis and its parameters ("duplicate-paragraphs/16");
  // each key must always be used with the same T. Thread-safe; two threads asking at once
  // may both compute it, and the first result is kept.
  // Frees the shared analyses: a document kept after its check (for the report) no longer
  // needs them, and any that is asked for again is made again.
  void ReleaseShared() {
    std::lock_guard<std::mutex> lock(shared_mutex_);
    shared_.clear();
  }

  template <typename T, typename Make>
  const T& Shared(const std::string& key, Make make) const {
    {
      std::lock_guard<std::mutex> lock(shared_mutex_);
      if (auto it = shared_.find(key); it != shared_.end()) {
        return *static_cast<const T*>(it->second.get());
      }
    }
    auto made = std::make_shared<const T>(make());
    std::lock_guard<std::mutex> lock(shared_mutex_);
    auto [it, inserted] = shared_.emplace(key, std::move(made));
    return *static_cast<const T*>(it->second.get());
  }

 private:
  Document() = default;
  friend class DocumentBuilder;

  std::string path_;
  DocumentFormat format_ = DocumentFormat::kPlainText;
  std::string raw_;
  std::string sanitized_;  // empty when raw_ is valid UTF-8
  bool has_bom_ = false;
  LineEnding line_ending_ = LineEnding::kNone;
  std::vector<ByteRange> invalid_utf8_;
  LineIndex lines_;
  std::vector<Block> blocks_;
  std::vector<ByteRange> segments_;
  std::vector<Sentence> sentences_;
  std::vector<ByteRange> excluded_;
  mutable std::mutex shared_mutex_;
  mutable std::map<std::string, std::shared_ptr<const void>> shared_;
};

}  // namespace ocrlint

#endif  // OCRLINT_CORE_DOCUMENT_H_
