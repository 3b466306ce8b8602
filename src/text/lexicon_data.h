#ifndef OCRLINT_TEXT_LEXICON_DATA_H_
#define OCRLINT_TEXT_LEXICON_DATA_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

// The word list compiled into the binary by cmake/make_lexicon.py (generated source).
// Use it through text/lexicon.h.
namespace ocrlint::lexicon_data {

// The words of one to four Han characters in an open-addressing hash table of
// 2^SlotBits() slots of kSlotSize bytes (linear probing, at most 5/8 full). A slot holds,
// little-endian: the word's key, its four 16-bit code points packed (the first in the high
// bits, zero-padded; 0 for an empty slot), 8 bytes; its cost, -ln(frequency / total) in
// 1/256 nats, 2 bytes; its word class (a value of ocrlint::WordClass), 1 byte; and 1 when a
// longer word begins with it, 1 byte. The search for a key begins at HomeSlot(). The
// probing is ordered: from any key's home slot to the key, the slots hold greater keys (as
// numbers), so that the search for a key that is no word ends at the first smaller key or
// empty slot.
inline constexpr std::size_t kSlotSize = 12;
std::string_view SlotBytes();
int SlotBits();

// The slot where the search for `key` begins: the high bits of its product with a constant
// (Fibonacci hashing); make_lexicon.py computes the same.
inline std::size_t HomeSlot(std::uint64_t key, int bits) {
  return static_cast<std::size_t>((key * std::uint64_t{0x9E3779B97F4A7C15}) >> (64 - bits));
}

// A filter of the keys of one to three characters that longer words begin with: bit
// HomeSlot(key, PrefixFilterBits()) (bit i % 8 of byte i / 8) is set for each of them, so
// that a clear bit means that no word begins with the key (a set one, that some may).
std::string_view PrefixFilter();
int PrefixFilterBits();

// The words of one character from U+3400 to U+9FFF (kFirstChar to kLastChar) again, in a
// table indexed by the character, kCharEntrySize bytes each, little-endian: the cost, 2
// bytes; flags, 1 byte: 1 when the character is a word, 2 when a longer word begins with
// it; a zero byte. A character that is no word has all zero. (Most words a segmentation
// looks up are of one character: no hashing, no probing.)
inline constexpr char32_t kFirstChar = 0x3400;
inline constexpr char32_t kLastChar = 0x9FFF;
inline constexpr std::size_t kCharEntrySize = 4;
std::string_view CharBytes();

// The cost of a character that is no word: as much as a word seen once.
std::uint16_t UnknownCost();

}  // namespace ocrlint::lexicon_data

#endif  // OCRLINT_TEXT_LEXICON_DATA_H_
