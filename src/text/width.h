#ifndef OCRLINT_TEXT_WIDTH_H_
#define OCRLINT_TEXT_WIDTH_H_

#include <cstddef>
#include <string_view>

namespace ocrlint {

// Terminal display widths, from utf8proc's East Asian Width data: CJK ideographs,
// full-width forms and U+3000 take 2 columns; combining marks, zero-width characters and
// controls take 0; everything else 1. Ambiguous-width characters count as 1, as in
// western terminals.
//
// Tabs advance to the next multiple of kTabStop columns (4, not the terminal's 8, so that
// OCR indentation stays compact; the text output expands tabs to spaces itself, so the
// terminal's own tab stops never matter).

inline constexpr std::size_t kTabStop = 4;

namespace width_internal {
// CharWidth of anything but printable ASCII and CJK Unified Ideographs (utf8proc's table).
int LookupWidth(char32_t code_point);
}  // namespace width_internal

// The width of one code point; kInvalidCodePoint (an invalid byte, shown as U+FFFD) is 1.
// A tab counts as 1 here; its real width depends on the column: see AdvanceColumn().
// Inline, the common cases first, before utf8proc's two-level table: printable ASCII and
// the CJK Unified Ideographs block (width_test checks that they agree with utf8proc).
inline int CharWidth(char32_t code_point) {
  if (code_point >= 0x20 && code_point < 0x7F) return 1;
  if (code_point >= 0x4E00 && code_point <= 0x9FFF) return 2;
  return width_internal::LookupWidth(code_point);
}

// The column after `code_point` when it starts at `column`.
std::size_t AdvanceColumn(std::size_t column, char32_t code_point);

// The display width of `text` starting at column 0 (tabs expanded, invalid bytes 1 each).
std::size_t DisplayWidth(std::string_view text);

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_WIDTH_H_
