#ifndef OCRLINT_CORE_BYTE_RANGE_H_
#define OCRLINT_CORE_BYTE_RANGE_H_

#include <cstddef>
#include <string_view>

namespace ocrlint {

// A half-open range [begin, end) of UTF-8 byte offsets into a document's bytes. Every
// offset inside the engine is a byte offset; conversion to code points or UTF-16 happens
// only at the edges (output, LSP) through LineIndex.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(std::size_t offset) const { return offset >= begin && offset < end; }
  bool Contains(const ByteRange& other) const { return other.begin >= begin && other.end <= end; }
  // Two ranges overlap when they share a byte; an empty range overlaps a range that
  // strictly contains its position.
  bool Overlaps(const ByteRange& other) const {
    if (empty() || other.empty()) {
      return (empty() && other.begin < begin && begin < other.end) ||
             (other.empty() && begin < other.begin && other.begin < end) ||
             (empty() && other.empty() && begin == other.begin);
    }
    return begin < other.end && other.begin < end;
  }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }

  friend bool operator==(const ByteRange&, const ByteRange&) = default;
  friend auto operator<=>(const ByteRange&, const ByteRange&) = default;
};

}  // namespace ocrlint

#endif  // OCRLINT_CORE_BYTE_RANGE_H_
