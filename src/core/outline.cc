#include "core/outline.h"

namespace ocrlint {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

bool IsAsciiWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::size_t WhitespaceLength(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return 0;
  if (IsAsciiWhitespace(text[offset])) return 1;
  if (text.substr(offset, 3) == kIdeographicSpace) return 3;
  return 0;
}

std::size_t WhitespaceLengthBefore(std::string_view text, std::size_t offset) {
  if (offset == 0) return 0;
  if (IsAsciiWhitespace(text[offset - 1])) return 1;
  if (offset >= 3 && text.substr(offset - 3, 3) == kIdeographicSpace) return 3;
  return 0;
}

ByteRange TrimWhitespace(std::string_view text, ByteRange range) {
  while (range.begin < range.end) {
    const std::size_t length = WhitespaceLength(text, range.begin);
    if (length == 0 || range.begin + length > range.end) break;
    range.begin += length;
  }
  while (range.end > range.begin) {
    const std::size_t length = WhitespaceLengthBefore(text, range.end);
    if (length == 0 || range.end - length < range.begin) break;
    range.end -= length;
  }
  return range;
}

}  // namespace ocrlint
