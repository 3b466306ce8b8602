#include "core/line_index.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace ocrlint {
namespace {

// Bytes between checkpoints: Locate scans at most this many bytes after a binary search.
// 256 keeps the checkpoint table at 1/16 of the text size while the scan stays a few
// dozen word operations.
constexpr std::size_t kBlock = 256;

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

struct Counts {
  std::uint64_t code_points = 0;
  std::uint64_t utf16_units = 0;
};

// Sums the eight byte lanes of `lanes` (each at most 255).
std::uint64_t SumBytes(std::uint64_t lanes) {
  const std::uint64_t pairs =
      (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
  return (pairs * 0x0001000100010001ULL) >> 48;
}

// Counts code points (bytes that are not continuation bytes) and UTF-16 units (code
// points plus one per 4-byte lead byte) in [begin, end) without decoding. Per-byte flags
// are summed in byte lanes (no popcount instruction on baseline x86-64).
Counts CountUnits(std::string_view text, std::size_t begin, std::size_t end) {
  const char* data = text.data();
  std::uint64_t continuation = 0;
  std::uint64_t four_byte_leads = 0;
  std::size_t i = begin;
  while (i + 8 <= end) {
    std::uint64_t continuation_lanes = 0;
    std::uint64_t four_byte_lanes = 0;
    // At most 255 words per round so that no byte lane overflows.
    const std::size_t round_end = std::min(end, i + 8 * 255);
    for (; i + 8 <= round_end; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, data + i, 8);
      // Bit 7 of each byte: 10xxxxxx (continuation) and 11110xxx (4-byte lead).
      continuation_lanes += (w & ~(w << 1) & kHighBits) >> 7;
      four_byte_lanes += (w & (w << 1) & (w << 2) & (w << 3) & kHighBits) >> 7;
    }
    continuation += SumBytes(continuation_lanes);
    four_byte_leads += SumBytes(four_byte_lanes);
  }
  for (; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    continuation += IsUtf8ContinuationByte(byte) ? 1 : 0;
    four_byte_leads += byte >= 0xF0 ? 1 : 0;
  }
  const std::uint64_t code_points = (end - begin) - continuation;
  return {code_points, code_points + four_byte_leads};
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  static constexpr char kBom[] = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) bom_size_ = 3;

  line_starts_.reserve(text.size() / 64 + 1);
  line_starts_.push_back(0);
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; p < end;) {
    const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (found == nullptr) break;
    p = static_cast<const char*>(found) + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - data));
  }
  // Reserved for short lines; kept as long as the document (see ReleaseExcess).
  if (line_starts_.capacity() > line_starts_.size() * 2 + 16) line_starts_.shrink_to_fit();

  checkpoints_.reserve(text.size() / kBlock + 1);
  Checkpoint cumulative;
  checkpoints_.push_back(cumulative);
  for (std::size_t block = 0; block + kBlock <= text.size(); block += kBlock) {
    const Counts counts = CountUnits(text, block, block + kBlock);
    cumulative.code_points += counts.code_points;
    cumulative.utf16_units += counts.utf16_units;
    checkpoints_.push_back(cumulative);
  }
}

ByteRange LineIndex::LineRange(std::size_t line) const {
  if (line >= line_starts_.size()) return {text_.size(), text_.size()};
  const std::size_t begin = line_starts_[line];
  if (line + 1 == line_starts_.size()) return {begin, text_.size()};
  std::size_t end = line_starts_[line + 1] - 1;  // the "\n"
  if (end > begin && text_[end - 1] == '\r') --end;
  return {begin, end};
}

std::size_t LineIndex::LineOf(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

LineIndex::Checkpoint LineIndex::CumulativeAt(std::size_t offset) const {
  const std::size_t block = offset / kBlock;
  Checkpoint result = checkpoints_[block];
  const Counts counts = CountUnits(text_, block * kBlock, offset);
  result.code_points += counts.code_points;
  result.utf16_units += counts.utf16_units;
  return result;
}

std::size_t LineIndex::ColumnBase(std::size_t line) const {
  // The BOM belongs to line 0's bytes but not to its columns.
  return line == 0 ? bom_size_ : line_starts_[line];
}

Position LineIndex::Locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset < text_.size()) offset = CharStart(text_, offset);
  Position position;
  position.line = LineOf(offset);
  const std::size_t base = std::min(ColumnBase(position.line), offset);
  const Checkpoint at = CumulativeAt(offset);
  const Checkpoint start = CumulativeAt(base);
  position.column = at.code_points - start.code_points;
  position.utf16_column = at.utf16_units - start.utf16_units;
  position.byte_column = offset - base;
  return position;
}

std::size_t LineIndex::OffsetFromBytes(std::size_t line, std::size_t byte_column) const {
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t base = ColumnBase(line);
  const std::size_t end = std::max(LineRange(line).end, base);
  const std::size_t offset = std::min(base + byte_column, end);
  return offset < end ? std::max(CharStart(text_, offset), base) : offset;
}

std::size_t LineIndex::OffsetFromCodePoints(std::size_t line, std::size_t column) const {
  return OffsetFromUnits(line, column, /*utf16=*/false);
}

std::size_t LineIndex::OffsetFromUtf16(std::size_t line, std::size_t utf16_column) const {
  return OffsetFromUnits(line, utf16_column, /*utf16=*/true);
}

std::size_t LineIndex::OffsetFromUnits(std::size_t line, std::size_t column, bool utf16) const {
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t base = ColumnBase(line);
  const std::size_t end = std::max(LineRange(line).end, base);
  const auto units = [utf16](const Checkpoint& c) { return utf16 ? c.utf16_units : c.code_points; };
  const std::uint64_t target = units(CumulativeAt(base)) + column;
  // The last checkpoint at or before the target character bounds the scan to kBlock bytes.
  const auto it = std::partition_point(checkpoints_.begin(), checkpoints_.end(),
                                       [&](const Checkpoint& c) { return units(c) <= target; });
  const std::size_t block = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
  std::size_t p = std::max(block * kBlock, base);
  std::uint64_t current = units(CumulativeAt(p));
  for (; p < end; ++p) {
    const auto byte = static_cast<unsigned char>(text_[p]);
    if (IsUtf8ContinuationByte(byte)) continue;
    // A column inside a surrogate pair rounds to the following character.
    if (current >= target) return p;
    current += (utf16 && byte >= 0xF0) ? 2 : 1;
  }
  return end;
}

}  // namespace ocrlint
