#ifndef OCRLINT_TEXT_LEXICON_H_
#define OCRLINT_TEXT_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ocrlint {

// A Chinese word list with corpus frequencies, compiled into the binary from the
// dictionary of the jieba segmenter (Debian's python3-jieba): about 300,000 words of one
// to four Han characters. ICU's CJK dictionary knows fewer of the words of news prose
// (督导, 试点, 防护 and 康养 fall apart into characters there), and has no frequencies
// that a rule can read.
//
// The cost of a word is -ln(frequency / total) in 1/256 nats: a common word is cheap, a
// rare one dear. Lookups walk a tree of the words by character generated at build time
// (6 MB of static data, nothing built at run time): a table by first character, then
// small hash tables of the second characters and of the third and fourth, so that the
// words that begin at one position lie close together; thread-safe.

// The cost of `word` (UTF-8, one to four Han characters), or nullopt when it is not in
// the list.
std::optional<std::uint16_t> LexiconWordCost(std::string_view word);

// The part of speech jieba's dictionary gives a word, coarsely.
enum class WordClass : std::uint8_t {
  kOther = 0,         // and words the list does not tag
  kNoun = 1,          // common nouns (精气神, 资源)
  kProperNoun = 2,    // people, places, organisations (徐超文, 洛阳)
  kVerb = 3,          // verbs and verbal nouns (巩固, 调研)
  kAdjective = 4,     // (重要, 薄弱)
  kAbbreviation = 5,  // (十大)
  kTime = 6,          // (近年来, 今年)
  kPreposition = 7,   // (在, 按照)
  kPronoun = 8,       // (该, 我们)
  kPlace = 9,         // places and directions (背后, 之间)
};

// The class of `word` (UTF-8), or nullopt when it is not in the list.
std::optional<WordClass> LexiconWordClass(std::string_view word);

// The cost of a character that is not a word: as much as a word seen once.
std::uint16_t LexiconUnknownCost();

// The most probable segmentation of UTF-8 `text` by word frequencies (the unigram model
// of jieba): byte offsets of every word boundary, ascending, including 0 and text.size().
// Runs of Han characters are segmented by the list; a run of ASCII letters and digits is
// one word, a run of spaces one token, any other character a token of its own. Meant for
// the short windows a rule nominates; the cost is a few hash probes per character.
std::vector<std::size_t> LexiconBoundaries(std::string_view text);
// The same into `boundaries` (cleared first), whose room a caller segmenting many windows
// reuses.
void LexiconBoundaries(std::string_view text, std::vector<std::size_t>& boundaries);

// LexiconBoundaries under the name WordSegmenter (text/word_break.h) gives it, so that a
// rule templated on the segmenter can read a window with either. It keeps the boundaries
// in its own buffer, which serves every window it reads: a returned list stays valid
// until the next call. Not thread-safe: make one per check.
class LexiconSegmenter {
 public:
  const std::vector<std::size_t>& Boundaries(std::string_view text) {
    LexiconBoundaries(text, boundaries_);
    return boundaries_;
  }

 private:
  std::vector<std::size_t> boundaries_;
};

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_LEXICON_H_
