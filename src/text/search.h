#ifndef OCRLINT_TEXT_SEARCH_H_
#define OCRLINT_TEXT_SEARCH_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether `byte` leads a character of three bytes of U+4000-EFFF (E4-EE): mostly
// ideographs, none of them punctuation.
inline bool IsIdeographLead(unsigned char byte) {
  return static_cast<unsigned char>(byte - 0xE4) <= 0xEE - 0xE4;
}

#if defined(__SSE2__)
// A bit for each of the 16 bytes from `p` that IsIdeographLead (E4-EE), for
// IdeographsBefore and IdeographsAt.
inline unsigned IdeographLeads16(const char* p) {
  const __m128i offset = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)),
                                      _mm_set1_epi8(static_cast<char>(0xE4)));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(0xEE - 0xE4)), offset)));
}
#endif

// How many characters that IsIdeographLead leads stand one after another just before
// `pos`, inside [begin, pos), counting at most `max_chars`: the scans for punctuation pass
// over runs of them without decoding them. `text` is valid UTF-8 and `begin` and `pos`
// are character boundaries, so the lead bytes alone tell the characters: the k-th
// character before `pos` is one where text[pos - 3k] is such a lead. Up to five at a time
// (15 bytes, one 16-byte read) where the processor has SSE2.
inline std::size_t IdeographsBefore(std::string_view text, std::size_t begin, std::size_t pos,
                                    std::size_t max_chars) {
  const std::size_t limit = std::min(max_chars, (pos - begin) / 3);
  std::size_t count = 0;
#if defined(__SSE2__)
  while (count < limit && pos >= 16) {
    // text[pos - 16, pos): the leads of the five characters before `pos` stand at bytes 13,
    // 10, 7, 4 and 1; the run ends at the first of them that is no lead.
    const unsigned missing = ~IdeographLeads16(text.data() + pos - 16) & 0x2492;
    const std::size_t run = std::min<std::size_t>(
        missing == 0 ? 5 : (13 - (31 - std::countl_zero(missing))) / 3, limit - count);
    pos -= 3 * run;
    count += run;
    if (run < 5) return count;
  }
#endif
  while (count < limit && IsIdeographLead(static_cast<unsigned char>(text[pos - 3]))) {
    pos -= 3;
    ++count;
  }
  return count;
}

// IdeographsBefore forwards: how many such characters stand one after another from `pos`
// on, inside [pos, end), counting at most `max_chars`.
inline std::size_t IdeographsAt(std::string_view text, std::size_t pos, std::size_t end,
                                std::size_t max_chars) {
  const std::size_t limit = std::min(max_chars, (end - pos) / 3);
  std::size_t count = 0;
#if defined(__SSE2__)
  while (count < limit && pos + 16 <= text.size()) {
    // text[pos, pos + 16): the leads of the five characters from `pos` on stand at bytes 0,
    // 3, 6, 9 and 12.
    const unsigned missing = ~IdeographLeads16(text.data() + pos) & 0x1249;
    const std::size_t run = std::min<std::size_t>(
        missing == 0 ? 5 : static_cast<std::size_t>(std::countr_zero(missing)) / 3, limit - count);
    pos += 3 * run;
    count += run;
    if (run < 5) return count;
  }
#endif
  while (count < limit && IsIdeographLead(static_cast<unsigned char>(text[pos]))) {
    pos += 3;
    ++count;
  }
  return count;
}

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_SEARCH_H_
