#ifndef OCRLINT_TEXT_LEXICON_DATA_H_
#define OCRLINT_TEXT_LEXICON_DATA_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

// The word list compiled into the binary by cmake/make_lexicon.py (generated source).
// Use it through text/lexicon.h.
namespace ocrlint::lexicon_data {

// The words of one to four Han characters as a tree by character, so that the words of
// two, three and four characters a segmentation looks up at one position lie in one or two
// small regions (a single hash table of all words put them on random cache lines of 6 MB).
// All numbers are little-endian. A word's cost, -ln(frequency / total) in 1/256 nats, is at
// least 1: a cost of 0 marks a prefix of longer words that is no word itself. A class is a
// value of ocrlint::WordClass.
//
// The table of characters, CharBytes(), has an entry of kCharEntrySize bytes for each
// character of U+3400-9FFF (kFirstChar to kLastChar) and U+F900-FAFF (kFirstCompatChar to
// kLastCompatChar, after the others; CharIndex() gives the entry), and one more at the
// end: a 32-bit number holding in its low kCostBits the cost of the character's word (0
// when it is none), and above them the first slot (in SecondBytes()) of the group of the
// second characters of the words that begin with it. That group ends where the group of
// the next entry begins: its last slot, of key 0, holds the class of the character's word
// (as the class of a slot of SecondBytes() does), and the others are its home slots. A
// character that begins no word and is none has a group of no slots.
//
// A group is an open-addressing hash table of kSlotSize-byte slots whose keys are not 0
// (linear probing, no wrapping around: a key that passes the last home slot goes on into
// the slots that follow; a group of second characters has none such). The search for `key`
// in a group of `size` home slots begins at HomeSlot(key, size). The probing is ordered:
// from any key's home slot to the key, the slots hold greater keys (as numbers), so that
// the search for a key that is no word ends at the first smaller key, and every group is
// followed by a slot of key 0.
//
// The slots of the groups of second characters, SecondBytes(): the second character, 2
// bytes; the cost of the word of both, 2 bytes; then 4 bytes, its class in the low 8 bits
// and above them the header slot (in RestBytes()) of the group of the third and fourth
// characters of the longer words that begin with both, 0 when none does.
//
// The slots of the groups of third and fourth characters, RestBytes(): the key, the third
// character in the high 16 bits and the fourth (or 0) in the low, 4 bytes; the word's cost,
// 2 bytes; its class, 1 byte; and 1 when a longer word begins with it, 1 byte. Each group
// follows a header slot holding key 0 (which ends the search in the group before) and the
// group's number of home slots, 4 bytes.
inline constexpr char32_t kFirstChar = 0x3400;
inline constexpr char32_t kLastChar = 0x9FFF;
inline constexpr char32_t kFirstCompatChar = 0xF900;
inline constexpr char32_t kLastCompatChar = 0xFAFF;
inline constexpr std::size_t kCharEntrySize = 4;
inline constexpr int kCostBits = 13;
inline constexpr std::size_t kSlotSize = 8;
std::string_view CharBytes();
std::string_view SecondBytes();
std::string_view RestBytes();

// The entry of `c` in CharBytes(), or -1 when no word begins with `c` (it is in neither
// block).
inline std::ptrdiff_t CharIndex(char32_t c) {
  if (c >= kFirstChar && c <= kLastChar) return c - kFirstChar;
  if (c >= kFirstCompatChar && c <= kLastCompatChar) {
    return kLastChar + 1 - kFirstChar + (c - kFirstCompatChar);
  }
  return -1;
}

// The slot of a group of `size` home slots where the search for `key` begins: the high
// bits of the product of its Fibonacci hash with the size; make_lexicon.py computes the
// same.
inline std::size_t HomeSlot(std::uint32_t key, std::uint32_t size) {
  return static_cast<std::size_t>(
      (std::uint64_t{static_cast<std::uint32_t>(key * 0x9E3779B1u)} * size) >> 32);
}

// The cost of a character that is no word: as much as a word seen once.
std::uint16_t UnknownCost();

}  // namespace ocrlint::lexicon_data

#endif  // OCRLINT_TEXT_LEXICON_DATA_H_
