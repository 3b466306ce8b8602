#ifndef OCRLINT_CORE_OUTLINE_H_
#define OCRLINT_CORE_OUTLINE_H_

#include <string_view>
#include <vector>

#include "core/byte_range.h"
#include "core/document.h"

namespace ocrlint {

// The block structure of a document as produced by a format parser, before Document
// takes ownership of it. Internal to core/.
struct Outline {
  std::vector<Block> blocks;
  std::vector<ByteRange> segments;
  std::vector<ByteRange> excluded;  // unsorted; Document sorts and merges
};

// Whitespace that never belongs to a block's content: ASCII space, tab, CR, LF and U+3000.
// Returns the byte length of the whitespace character at `offset` (0 when none).
std::size_t WhitespaceLength(std::string_view text, std::size_t offset);
// The length of the whitespace character that ends just before `offset` (0 when none).
std::size_t WhitespaceLengthBefore(std::string_view text, std::size_t offset);
// `range` without leading and trailing whitespace.
ByteRange TrimWhitespace(std::string_view text, ByteRange range);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_OUTLINE_H_
