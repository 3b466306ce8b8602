#ifndef OCRLINT_CORE_SENTENCE_SPLITTER_H_
#define OCRLINT_CORE_SENTENCE_SPLITTER_H_

#include <span>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace ocrlint {

// Splits every prose block into sentences with one linear byte scan over its segments
// (see Sentence in document.h for where a sentence ends). A sentence may span segments
// of one block, never two blocks.
std::vector<Sentence> SplitSentences(std::string_view text, std::span<const Block> blocks,
                                     std::span<const ByteRange> segments);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_SENTENCE_SPLITTER_H_
