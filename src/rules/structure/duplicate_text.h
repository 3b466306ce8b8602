#ifndef OCRLINT_RULES_STRUCTURE_DUPLICATE_TEXT_H_
#define OCRLINT_RULES_STRUCTURE_DUPLICATE_TEXT_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/byte_range.h"
#include "core/document.h"

namespace ocrlint::structure {

// Shared by duplicate-paragraph and duplicate-span: the text normalisation both compare
// under, and the paragraph-level analysis that duplicate-span also runs so that a repeat
// reported as a whole paragraph is never reported again as a span.

// Decodes the character at `i` of valid UTF-8 (Document::text() replaces invalid bytes)
// and sets `length` to its byte count.
inline char32_t DecodeValid(std::string_view text, std::size_t i, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  const auto at = [&](std::size_t k) -> char32_t {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) & 0x3F : 0;
  };
  if (b0 < 0xE0) {
    length = 2;
    return ((b0 & 0x1F) << 6) | at(1);
  }
  if (b0 < 0xF0) {
    length = 3;
    return ((b0 & 0x0F) << 12) | (at(1) << 6) | at(2);
  }
  length = 4;
  return ((b0 & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
}

// One character of text as the duplicate rules compare it. Whitespace (spaces, tabs,
// line breaks, U+3000, no-break and zero-width spaces) is dropped; full-width ASCII forms
// (，：？ Ａ １) read as their ASCII characters and curly quotes as straight ones, so that
// "，" and "," compare equal (OCR tools differ in punctuation width and in column-wrap
// spaces, not in the words).
struct Token {
  char32_t value = 0;  // 0 at the end of the range
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The next token at or after `offset` and before `limit`; value 0 when there is none.
// `text` must be valid UTF-8 (Document::text()).
Token NextToken(std::string_view text, std::size_t offset, std::size_t limit);
// The token ending at or before `offset` and starting at or after `limit`.
Token PreviousToken(std::string_view text, std::size_t offset, std::size_t limit);

// The number of leading bytes that x and y share, at most `limit`.
// `readable`: how many bytes from x and from y may be read.
inline std::size_t CommonPrefix(const char* x, const char* y, std::size_t limit,
                                [[maybe_unused]] std::size_t readable) {
  std::size_t k = 0;
#if defined(__SSE2__)
  const auto equal16 = [&] {  // a bit for each of the 16 bytes from k
    const auto load = [](const char* p) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    };
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(load(x + k), load(y + k))));
  };
  for (; k + 16 <= limit; k += 16) {
    const std::uint32_t equal = equal16();
    if (equal != 0xFFFF) return k + static_cast<std::size_t>(std::countr_zero(~equal));
  }
  // The last bytes, mostly from 16 that go on past the limit.
  if (k < limit && k + 16 <= readable) {
    return k + std::min<std::size_t>(std::countr_zero(~equal16()), limit - k);
  }
#endif
  while (k < limit && x[k] == y[k]) ++k;
  return k;
}

// Whether text[i, end) starts with an ideograph of U+4000-9FFF (three bytes led by E4-E9,
// but not E4 B7: U+4DC0-4DFF): a token of its own, IsHan, that needs no decoding.
inline bool StartsCommonHan(std::string_view text, std::size_t i, std::size_t end) {
  const auto lead = static_cast<unsigned char>(text[i]);
  return static_cast<unsigned char>(lead - 0xE4) <= 0xE9 - 0xE4 && i + 3 <= end &&
         (lead != 0xE4 || static_cast<unsigned char>(text[i + 1]) != 0xB7);
}

// Normalised marks that end a clause or a sentence (after NextToken's mapping: , ; ! ? :
// and 。).
inline bool IsClauseMark(char32_t c) {
  return c == U',' || c == U';' || c == U'!' || c == U'?' || c == U':' || c == U'\u3002';
}
inline bool IsTerminalMark(char32_t c) {
  return c == U'!' || c == U'?' || c == U'\u3002' || c == U';';
}

// Longer than this many ideographs, a paragraph without a full stop is body text cut at a
// column end, not a title (IsHeadingLike).
inline constexpr std::uint32_t kMaxTitleHan = 64;

// What the duplicate rules need to know of each block.
struct BlockStats {
  // CJK ideographs in the block's prose, counted only as far as the readers compare them
  // (HanCountLimit): a block with more holds that many.
  std::uint32_t han = 0;
  bool clause = false;            // holds a clause or sentence mark
  bool terminal = false;          // holds a sentence-ending mark
  std::uint64_t prefix_hash = 0;  // of its tokens up to the 4th (at most min_chars-th) ideograph
};

// Where the count of BlockStats::han stops: the duplicate rules only ask whether a block
// has min_chars ideographs, and IsHeadingLike, for a block without a sentence-ending mark,
// whether it has kMaxTitleHan. Counting no further spares most of the paragraphs' bytes.
constexpr std::uint32_t HanCountLimit(int min_chars, bool terminal) {
  const auto asked = static_cast<std::uint32_t>(min_chars);
  return terminal ? asked : std::max(kMaxTitleHan, asked);
}

// A later copy of one or more consecutive paragraphs.
struct DuplicateRun {
  std::uint32_t first = 0;  // blocks [first, last] are the later copy
  std::uint32_t last = 0;
  std::uint32_t source_first = 0;  // blocks [source_first, source_last] hold the first copy
  std::uint32_t source_last = 0;
  bool cut_short = false;  // the last paragraph is only the start of its first copy
};

// Paragraphs (plain-text paragraphs and Markdown paragraphs) with at least `min_chars`
// ideographs and a clause mark that repeat an earlier such paragraph exactly or are a
// prefix of one, grouped into runs of consecutive paragraphs whose first copies are
// consecutive too (blocks in between that the analysis ignores, such as headings and
// captions, may stand between the first copies).
//
// The analysis goes through the blocks in order, and only as far as its readers ask:
// each duplicate rule stops at its max-findings, which in a document full of repeats
// comes long before the end. Linear in the blocks analysed. Thread-safe: the analysis
// goes on under a lock, and what it has made final never changes.
class DuplicateParagraphs {
 public:
  DuplicateParagraphs(const Document& document, int min_chars);
  DuplicateParagraphs(DuplicateParagraphs&&) noexcept;
  ~DuplicateParagraphs();

  // The n-th run in document order, or nothing when the document has no more.
  std::optional<DuplicateRun> Run(std::size_t n) const;
  // Analyses the blocks through block `i` at least (or to the end) and returns how many
  // leading blocks the analysis has made final: more than `i`, unless the document has no
  // block `i`. Their stats() and InCopy() may then be read.
  std::uint32_t Through(std::uint32_t i) const;
  const BlockStats& stats(std::uint32_t i) const;
  // Part of a run (a later copy).
  bool InCopy(std::uint32_t i) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The analysis of the document for `min_chars`, shared by both duplicate rules
// (Document::Shared).
const DuplicateParagraphs& SharedDuplicateParagraphs(const Document& document, int min_chars);

// Whether a block counts as body text for the duplicate rules: headings, and short
// paragraphs without a sentence-ending mark (titles, decks, bylines, captions, section
// labels), legitimately repeat text of the article.
bool IsHeadingLike(const Block& block, const BlockStats& stats);

// The bytes to delete so that `copy` (the ranges of whole blocks, from the first block's
// start to the last one's end) disappears with the blank lines that separate it from the
// text before it: the text reads exactly as if the copy had never been there.
ByteRange BlockDeletion(std::string_view text, ByteRange copy);

}  // namespace ocrlint::structure

#endif  // OCRLINT_RULES_STRUCTURE_DUPLICATE_TEXT_H_
