#ifndef OCRLINT_TEXT_LEXICON_DATA_H_
#define OCRLINT_TEXT_LEXICON_DATA_H_

#include <cstdint>
#include <span>

// The word list compiled into the binary by cmake/make_lexicon.py (generated source).
// Use it through text/lexicon.h.
namespace ocrlint::lexicon_data {

// Words of one to four Han characters, each packed as four 16-bit code points (the first
// in the high bits, zero-padded), ascending.
std::span<const std::uint64_t> Keys();
// -ln(frequency / total) of each word in 1/256 nats, parallel to Keys().
std::span<const std::uint16_t> Costs();
// The word class of each word (a value of ocrlint::WordClass), parallel to Keys().
std::span<const std::uint8_t> Classes();
// The cost of a character that is no word: as much as a word seen once.
std::uint16_t UnknownCost();

}  // namespace ocrlint::lexicon_data

#endif  // OCRLINT_TEXT_LEXICON_DATA_H_
