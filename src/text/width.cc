#include "text/width.h"

#include <utf8proc.h>

#include "text/utf8.h"

namespace ocrlint {

int width_internal::LookupWidth(char32_t code_point) {
  if (code_point == kInvalidCodePoint) return 1;  // rendered as U+FFFD
  if (code_point == U'\t') return 1;
  if (code_point > 0x10FFFF) return 1;
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(code_point));
}

std::size_t AdvanceColumn(std::size_t column, char32_t code_point) {
  if (code_point == U'\t') return (column / kTabStop + 1) * kTabStop;
  return column + static_cast<std::size_t>(CharWidth(code_point));
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t column = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const Decoded decoded = DecodeUtf8(text, offset);
    if (decoded.code_point == kInvalidCodePoint) {
      // Every invalid byte is one U+FFFD, as LineIndex counts it.
      column += decoded.length;
    } else {
      column = AdvanceColumn(column, decoded.code_point);
    }
    offset += decoded.length;
  }
  return column;
}

}  // namespace ocrlint
