#ifndef OCRLINT_RULES_STRUCTURE_PARAGRAPH_END_H_
#define OCRLINT_RULES_STRUCTURE_PARAGRAPH_END_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/byte_range.h"
#include "core/document.h"

namespace ocrlint::structure {

// The analysis shared by `broken-sentence` and `truncated-text`. A prose block that ends
// without terminal punctuation either continues in a later paragraph (a sentence broken at
// a column or page break, possibly with captions landing between the halves) or is cut
// short. Every such block end gets at most one verdict, so the two rules never report the
// same end.
//
// Cost: one pass over the blocks, reading a few characters at each block end; ICU word
// segmentation runs only on short windows at the few ends where the verdict depends on it.

// A sentence broken across paragraphs: `first` ends mid-sentence and `second` continues
// it; the blocks strictly between them are short captions or image placeholders.
struct BrokenSentence {
  std::uint32_t first = 0;   // block index
  std::uint32_t second = 0;  // block index
  // The bytes to delete to join the halves (from the end of the first half's text to the
  // start of the second's, captions included), and the separator that replaces them.
  ByteRange junction;
  std::string joiner;
  // Where the captions between the halves are moved to (the end of the joined paragraph,
  // or of the last paragraph of a chain of broken sentences), and their bytes with the
  // line breaks before them. Empty when the halves are adjacent.
  std::size_t move_to = 0;
  ByteRange moved;
};

enum class TruncationReason {
  kOpenPair,        // an opening quote or bracket is never closed
  kDanglingWord,    // ends with a function word (的 和 与 把 将 在 对 等 ...)
  kDanglingComma,   // ends with 、 or a comma
  kMidWord,         // the last character does not complete a word (…融合的科)
  kNoContinuation,  // body text without terminal punctuation; the next paragraph is unrelated
};

struct Truncation {
  std::uint32_t block = 0;
  ByteRange last_char;  // the final character of the block's text
  TruncationReason reason = TruncationReason::kNoContinuation;
  std::string detail;  // the function word, the comma, the open mark or the last word
};

struct ParagraphEnds {
  std::vector<BrokenSentence> broken;  // in document order
  std::vector<Truncation> truncated;   // in document order
};

ParagraphEnds AnalyzeParagraphEnds(const Document& document);

// AnalyzeParagraphEnds, made once per document (Document::Shared): broken-sentence and
// truncated-text report the two halves of the same verdicts.
const ParagraphEnds& SharedParagraphEnds(const Document& document);

}  // namespace ocrlint::structure

#endif  // OCRLINT_RULES_STRUCTURE_PARAGRAPH_END_H_
