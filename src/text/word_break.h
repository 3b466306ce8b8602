#ifndef OCRLINT_TEXT_WORD_BREAK_H_
#define OCRLINT_TEXT_WORD_BREAK_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/ustringtrie.h>
#include <unicode/uversion.h>  // declares namespace icu

U_NAMESPACE_BEGIN
class BreakIterator;
class UCharsTrie;
U_NAMESPACE_END
struct UText;

namespace ocrlint {

// Dictionary word segmentation of UTF-8 text as ICU's word BreakIterator makes it (for Han
// text ICU uses its CJK dictionary, so 推进 is one word and 推|进 is not a boundary).
// Not thread-safe: make one per check (construction is free; the first text that needs
// ICU clones an iterator made once per process), and run it only on the short windows a
// cheap scan nominates.
//
// A window of plain ideographs and punctuation marks is segmented without ICU, by ICU's
// own dynamic program over its dictionary (CjkDictionary::SegmentPlain): the same
// boundaries for a fraction of the cost. Any other text goes to ICU, where each new text
// costs a few microseconds of set-up (the dictionary break engine segments the text
// again). Either way the segmenter keeps the last text's answer: the checks of one
// paragraph end ask several questions of the same window.
class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Byte offsets into `text` of every word boundary, ascending, including 0 and
  // text.size(). `text` must be valid UTF-8.
  std::vector<std::size_t> Boundaries(std::string_view text);

  // Whether a word boundary falls at byte `offset` of `text` (0 and text.size() always
  // are). An offset inside a dictionary word (推|进 in 推进) is not. In a text of plain
  // ideographs, ICU's tokens of several characters are words of its dictionary: where
  // none spans the offset, the answer needs no segmentation.
  bool IsBoundary(std::string_view text, std::size_t offset);

  // The word containing the code point that starts at `offset` (as a byte range of
  // `text`: [first, second)).
  std::pair<std::size_t, std::size_t> WordAt(std::string_view text, std::size_t offset);

 private:
  bool Reset(std::string_view text);

  // ICU's boundaries of `text` without ICU, kept for the next question of the same text,
  // where `text` holds plain ideographs (CjkDictionary::SegmentPlain, runs of at most
  // kMaxPlainChars) and hard punctuation marks (IsHardPunctuation) only: ICU's word rules
  // break on both sides of such a mark and hand each run of ideographs to the dictionary
  // alone. nullptr for any other text (which ICU then reads).
  const std::vector<std::size_t>* PlainBoundaries(std::string_view text);

  // The UTF-16 index of byte `offset` of text_ (-1 inside a character).
  int IndexOf(std::size_t offset) const { return index_of_byte_[offset]; }

  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* utext_ = nullptr;  // reused for every text
  std::string text_;        // the text, as given
  // The iterator reads text_ in UTF-16: ICU reads UTF-8 through a UText that converts it
  // chunk by chunk and maps the offsets back, a third of the cost of segmenting a short
  // window; the offsets are mapped here instead.
  std::u16string units_;
  std::vector<int> index_of_byte_;          // text_.size() + 1 entries
  std::vector<std::size_t> byte_of_index_;  // units_.size() + 1 entries
  bool valid_ = false;                      // iterator_ is set on units_
  // Byte offsets in text_, filled by Boundaries(): asked twice, the same list.
  std::vector<std::size_t> boundaries_;
  bool have_boundaries_ = false;
  // The last text of plain ideographs segmented without ICU, and its boundaries.
  std::string plain_text_;
  std::vector<std::size_t> plain_boundaries_;
  std::vector<std::size_t> scratch_;  // the boundaries of one run of ideographs
  bool have_plain_ = false;
};

// The dictionary ICU's word break iterator reads Han text with (its "cjdict" data, a
// UCharsTrie of words and their costs), asked directly: a check whose verdict needs some
// word of ICU's segmentation to be a word of this dictionary can rule out a reading without
// segmenting. ICU's dictionary engine (CjkBreakEngine) makes a token of two or more
// ideographs only of a word of this dictionary (it splits the rest into single
// characters), after NFKC normalization, which leaves plain ideographs (IsPlainIdeograph)
// alone. Thread-safe: the data is read-only, loaded once per process.
class CjkDictionary {
 public:
  // The dictionary, or nullptr where ICU's data has none.
  static const CjkDictionary* Get();

  // Whether `word` (UTF-8) is a word of the dictionary.
  bool Contains(std::string_view word) const;

  // Whether a word of two or more characters of the dictionary starts `text` (UTF-8).
  bool HasWordStarting(std::string_view text) const;

  // Whether a word of the dictionary in `text` (UTF-8) starts before byte `offset` and ends
  // after it.
  bool HasWordAcross(std::string_view text, std::size_t offset) const;

  // The most plain ideographs SegmentPlain() segments.
  static constexpr std::size_t kMaxPlainChars = 64;

  // ICU's word boundaries of `text` (UTF-8) when it holds plain ideographs only
  // (IsPlainIdeograph), at most kMaxPlainChars of them: byte offsets, ascending, 0 and
  // text.size() included. ICU's word rules keep such a text whole and hand it to its
  // dictionary engine (CjkBreakEngine), whose segmentation this is: the same dynamic
  // program over the same dictionary (the cheapest sum of word costs, words of up to 20
  // characters, 255 for a character that is no word). Without ICU's set-up for each
  // text (copies, normalization check, vectors), a short window costs a few hundred
  // instructions instead of tens of thousands. Returns false for any other text, and
  // leaves `boundaries` unspecified.
  bool SegmentPlain(std::string_view text, std::vector<std::size_t>& boundaries) const;

 private:
  struct FirstStep;

  explicit CjkDictionary(const char16_t* trie);

  // Sets `trie` (a trie of trie_) to its state after the character `c` and returns the
  // result, as trie.firstForCodePoint(c).
  UStringTrieResult First(icu::UCharsTrie& trie, char32_t c) const;

  const char16_t* trie_;  // in ICU's data, mapped for the life of the process
  // The trie's state after each ideograph of U+4E00-9FFF, filled on first use (see
  // First()); lives as long as the process.
  FirstStep* first_steps_;
};

// Punctuation that is a word of its own next to an ideograph, in ICU's word rules too: no
// combining mark, joiner or connector (which attach to what they follow), and no letter of
// a dictionary.
inline bool IsHardPunctuation(char32_t c) {
  if (c >= 0x3400 && c <= 0x9FFF) return false;  // ideographs, most often
  constexpr std::u32string_view kHard = U"，。、；：？！“”‘’（）《》【】「」,.;:?!()";
  return kHard.find(c) != std::u32string_view::npos;
}

// An ideograph of the CJK Unified Ideographs block or its extension A: Han, unchanged by
// NFKC normalization, and no letter of the word rules (as 々 and 〇 may be).
inline bool IsPlainIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_WORD_BREAK_H_
