#ifndef OCRLINT_TEXT_SEARCH_H_
#define OCRLINT_TEXT_SEARCH_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace ocrlint {

// The offset of the first occurrence of `needle` that starts at or after `from` and ends
// at or before `to` (to <= text.size()), or std::string_view::npos. For searching short
// needles (a CJK character or two) through windows of a few kilobytes, many times per
// document: a needle of three bytes or more is found by its second and third bytes, 16
// positions at a time (32 where the processor has AVX2, chosen at run time), then compared. One byte of UTF-8 Han text is a poor filter (the
// lead bytes E4-E9 stand everywhere, a continuation byte one byte in a hundred); two
// continuation bytes side by side rarely match by chance. glibc's memmem builds a shift
// table on every call, which costs more than searching such a window.
std::size_t FindIn(std::string_view text, std::string_view needle, std::size_t from,
                   std::size_t to);

// Every occurrence of `needle` inside text[from, to), as FindIn finds them one by one,
// ascending, into `out` (cleared first): one pass over the window.
void FindAllIn(std::string_view text, std::string_view needle, std::size_t from, std::size_t to,
               std::vector<std::size_t>& out);

// How often `byte` occurs in `text`: memchr from one to the next, for bytes that are rare
// in the text (an ASCII quote in Chinese prose).
std::size_t CountByte(std::string_view text, char byte);

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_SEARCH_H_
