#ifndef OCRLINT_CORE_LINE_INDEX_H_
#define OCRLINT_CORE_LINE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/byte_range.h"

namespace ocrlint {

// A position in a document. All fields are 0-based; output formats add 1 where their
// contract is 1-based.
struct Position {
  std::size_t line = 0;          // line number
  std::size_t column = 0;        // Unicode code points from the line start
  std::size_t utf16_column = 0;  // UTF-16 code units from the line start (LSP)
  std::size_t byte_column = 0;   // UTF-8 bytes from the line start (LSP utf-8 encoding)

  friend bool operator==(const Position&, const Position&) = default;
};

// Maps byte offsets to positions and back in O(log n): line starts plus per-block
// cumulative code point and UTF-16 counts, so a long single-line file costs no more than a
// short one. Lines end at "\n" ("\r\n" counts as one terminator; a lone "\r" does not end
// a line). A leading UTF-8 BOM is not counted in columns. Invalid UTF-8 bytes count as
// one code point and one UTF-16 unit each (they are shown as U+FFFD).
class LineIndex {
 public:
  LineIndex() = default;
  // `text` must outlive the index.
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return line_starts_.size(); }
  // The bytes of line `line`, without its terminator.
  ByteRange LineRange(std::size_t line) const;
  // Where line `line` (< line_count()) starts: LineRange(line).begin, without reading the
  // text.
  std::size_t LineStart(std::size_t line) const { return line_starts_[line]; }
  // The line containing `offset` (offset == text size maps to the last line).
  std::size_t LineOf(std::size_t offset) const;
  // Offsets inside a multi-byte character map to that character's start.
  Position Locate(std::size_t offset) const;
  // Locate(offset), given `from` == Locate(some other offset): when both are on one line
  // and at most a checkpoint block apart (the two ends of most ranges), counts only the
  // bytes between them instead of searching the lines and counting from checkpoints.
  Position LocateFrom(const Position& from, std::size_t offset) const;

  // Inverse maps, used by the LSP server. Columns past the end of the line clamp to the
  // line end; lines past the end clamp to the text end.
  std::size_t OffsetFromUtf16(std::size_t line, std::size_t utf16_column) const;
  std::size_t OffsetFromCodePoints(std::size_t line, std::size_t column) const;
  std::size_t OffsetFromBytes(std::size_t line, std::size_t byte_column) const;

 private:
  // Implementation detail: see line_index.cc.
  struct Checkpoint {
    std::uint64_t code_points = 0;
    std::uint64_t utf16_units = 0;
  };
  // Counts of text_[0, offset).
  Checkpoint CumulativeAt(std::size_t offset) const;
  // The offset columns of `line` count from.
  std::size_t ColumnBase(std::size_t line) const;
  std::size_t OffsetFromUnits(std::size_t line, std::size_t column, bool utf16) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<Checkpoint> checkpoints_;  // cumulative counts at every kBlock bytes
  std::size_t bom_size_ = 0;
};

}  // namespace ocrlint

#endif  // OCRLINT_CORE_LINE_INDEX_H_
