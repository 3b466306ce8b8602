#include "text/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "text/char_class.h"
#include "text/lexicon_data.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::size_t kMaxWordChars = 4;

// A character the packed keys can hold (16 bits, Han); 0 for any other.
std::uint64_t KeyChar(char32_t c) { return c <= 0xFFFF && IsHan(c) ? c : 0; }

// The word tree that make_lexicon.py compiles into the binary (text/lexicon_data.h): the
// entry of a word's first character says where the group of its second characters lies,
// and a second character's slot where the group of the third and fourth characters lies,
// so that the words of two to four characters that begin at one position are read from
// one or two small regions. Nothing is built at run time. An entry or slot is read as one
// 64-bit number; a slot of 0 stands for a key that the tree does not hold.
class WordTable {
 public:
  WordTable()
      : chars_(Bytes(lexicon_data::CharBytes())),
        seconds_(Bytes(lexicon_data::SecondBytes())),
        rests_(Bytes(lexicon_data::RestBytes())) {}

  // The entries of the first character `c` (non-zero) and of the one after it, the
  // first in the low 32 bits: 0 when no word begins with `c`.
  std::uint64_t First(std::uint64_t c) const {
    const std::ptrdiff_t index = lexicon_data::CharIndex(static_cast<char32_t>(c));
    return index < 0 ? 0 : Load(chars_ + index * lexicon_data::kCharEntrySize);
  }
  // What First() holds: the cost of the character's word (0 when it is no word), and
  // whether longer words begin with it.
  static std::uint32_t FirstCost(std::uint64_t first) {
    return first & ((1u << lexicon_data::kCostBits) - 1);
  }
  static bool FirstHasLonger(std::uint64_t first) { return GroupSize(first) != 0; }
  // The class of the character's word of First(), which is a word.
  std::uint8_t FirstClass(std::uint64_t first) const {
    return Load(seconds_ + (GroupEnd(first) - 1) * kSlot) >> 32 & 0xFF;
  }

  // The slot of the second character `c` (non-zero) of the words that begin with the
  // character of First(), which FirstHasLonger(): 0 when none has it.
  std::uint64_t Second(std::uint64_t first, std::uint64_t c) const {
    const std::size_t group = GroupBegin(first);
    const auto size = static_cast<std::uint32_t>(GroupSize(first));
    return Probe<0xFFFF>(
        seconds_ + (group + lexicon_data::HomeSlot(static_cast<std::uint32_t>(c), size)) * kSlot,
        c);
  }
  // What a slot of Second() holds: the cost of the word of both characters (0 when they
  // are no word), its class, and the group of the longer words' third and fourth
  // characters (0 when no longer word begins with both).
  static std::uint32_t SecondCost(std::uint64_t second) { return second >> 16 & 0xFFFF; }
  static std::uint8_t SecondClass(std::uint64_t second) { return (second >> 32) & 0xFF; }
  static std::uint64_t RestGroup(std::uint64_t second) { return second >> 40; }

  // The slot of the third and fourth characters `key` (the third in the high 16 bits, the
  // fourth or 0 in the low) in `group`, a RestGroup() that is not 0: 0 when no word or
  // prefix of one has them.
  std::uint64_t Rest(std::uint64_t group, std::uint64_t key) const {
    const unsigned char* header = rests_ + group * kSlot;
    const auto size = static_cast<std::uint32_t>(Load(header) >> 32);
    return Probe<0xFFFFFFFF>(
        header + (1 + lexicon_data::HomeSlot(static_cast<std::uint32_t>(key), size)) * kSlot, key);
  }
  // What a slot of Rest() holds: the word's cost (0 for a prefix that is no word), its
  // class, and whether a longer word begins with it.
  static std::uint32_t RestCost(std::uint64_t rest) { return rest >> 32 & 0xFFFF; }
  static std::uint8_t RestClass(std::uint64_t rest) { return (rest >> 48) & 0xFF; }
  static bool RestHasLonger(std::uint64_t rest) { return (rest >> 56) != 0; }

 private:
  static constexpr std::size_t kSlot = lexicon_data::kSlotSize;

  // The group of second characters of First(): its first slot, the slot after its end,
  // and its number of home slots (all but the last, 0 when it has none).
  static std::size_t GroupBegin(std::uint64_t first) {
    return (first & 0xFFFFFFFF) >> lexicon_data::kCostBits;
  }
  static std::size_t GroupEnd(std::uint64_t first) {
    return first >> (32 + lexicon_data::kCostBits);
  }
  static std::size_t GroupSize(std::uint64_t first) {
    const std::size_t slots = GroupEnd(first) - GroupBegin(first);
    return slots > 1 ? slots - 1 : 0;
  }

  static const unsigned char* Bytes(std::string_view data) {
    return reinterpret_cast<const unsigned char*>(data.data());
  }

  // The little-endian number of the 8 bytes at `p` (one load).
  static std::uint64_t Load(const unsigned char* p) {
    static_assert(std::endian::native == std::endian::little,
                  "make_lexicon.py writes the tree little-endian");
    std::uint64_t value = 0;
    std::memcpy(&value, p, sizeof(value));
    return value;
  }

  // The slot from `slot` on whose key (its bits of kKeyMask) is `key`, or 0. (The keys
  // along a probe sequence decrease: a smaller one, or the 0 that ends a group, ends the
  // search.)
  template <std::uint64_t kKeyMask>
  static std::uint64_t Probe(const unsigned char* slot, std::uint64_t key) {
    for (;; slot += kSlot) {
      const std::uint64_t value = Load(slot);
      const std::uint64_t slot_key = value & kKeyMask;
      if (slot_key <= key) return slot_key == key ? value : 0;
    }
  }

  const unsigned char* chars_;
  const unsigned char* seconds_;
  const unsigned char* rests_;
};

const WordTable& Words() {
  static const WordTable table;
  return table;
}

// What the list says of a word: its cost (0 when it is no word) and its class.
struct Word {
  std::uint32_t cost = 0;
  std::uint8_t word_class = 0;
};

// The word of `key` (as KeyOfWord() makes it, not 0).
Word FindWord(const WordTable& words, std::uint64_t key) {
  const std::uint64_t c1 = key >> 48;
  const std::uint64_t c2 = key >> 32 & 0xFFFF;
  const std::uint64_t first = words.First(c1);
  if (c2 == 0) {
    const std::uint32_t cost = WordTable::FirstCost(first);
    return {cost, cost != 0 ? words.FirstClass(first) : std::uint8_t{0}};
  }
  if (!WordTable::FirstHasLonger(first)) return {};
  const std::uint64_t second = words.Second(first, c2);
  if (second == 0) return {};
  if ((key & 0xFFFFFFFF) == 0)
    return {WordTable::SecondCost(second), WordTable::SecondClass(second)};
  const std::uint64_t group = WordTable::RestGroup(second);
  if (group == 0) return {};
  const std::uint64_t rest = words.Rest(group, key & 0xFFFFFFFF);
  if (rest == 0) return {};
  return {WordTable::RestCost(rest), WordTable::RestClass(rest)};
}

// The key of `word`, or 0 when it has more than kMaxWordChars characters or one that no
// word holds. The characters a key holds (Han, in the Basic Multilingual Plane) take three
// bytes each: a word of other lengths, or a sequence of three bytes that is no such
// character (ill-formed, overlong, a surrogate), has no key.
std::uint64_t KeyOfWord(std::string_view word) {
  const std::size_t chars = word.size() / 3;
  if (chars == 0 || chars > kMaxWordChars || chars * 3 != word.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < chars; ++k, p += 3) {
    if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    const auto c =
        static_cast<char32_t>(((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    if (!IsHan(c)) return 0;
    key = key << 16 | c;
  }
  // (The first character in the high bits, zero-padded.)
  return key << (16 * (kMaxWordChars - chars));
}

// Buffers for segmenting the runs of Han characters of a text, reused across calls (one
// per thread). They only grow, and hold room for every character of the text.
struct RunBuffers {
  std::vector<std::uint64_t> keys;        // KeyChar of each character of a run
  std::vector<std::size_t> offsets;       // byte offset of each character in the text
  std::vector<std::uint8_t> word_length;  // of the best word starting at each character
  std::vector<std::uint32_t> best;        // cost of the best segmentation of each suffix

  // Makes room for runs of `n` characters.
  void Reserve(std::size_t n) {
    if (keys.size() >= n) return;
    keys.resize(n);
    offsets.resize(n);
    word_length.resize(n);
    best.resize(n + 1);
  }
};

RunBuffers& Buffers() {
  thread_local RunBuffers buffers;
  return buffers;
}

// The best segmentation of the `n` characters whose keys buffers.keys holds: fills
// buffers.word_length. The words that begin at a character are found down the word tree,
// which ends where no longer word begins with the characters read, or at a character no
// word holds (key 0); of words of equal total cost, the shorter wins.
void SegmentRun(const WordTable& words, std::uint32_t unknown, RunBuffers& buffers, std::size_t n) {
  const std::uint64_t* keys = buffers.keys.data();
  std::uint8_t* word_length = buffers.word_length.data();
  std::uint32_t* best = buffers.best.data();
  best[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    if (keys[i] == 0) {
      best[i] = unknown + best[i + 1];
      word_length[i] = 1;
      continue;
    }
    const std::uint64_t first = words.First(keys[i]);
    const std::uint32_t char_cost = WordTable::FirstCost(first);
    std::uint32_t best_cost = (char_cost != 0 ? char_cost : unknown) + best[i + 1];
    std::uint8_t best_length = 1;
    // The word of `length` characters costing `cost` (0: no word) from i on.
    auto consider = [&](std::uint32_t cost, std::uint8_t length) {
      if (cost == 0) return;
      const std::uint32_t total = cost + best[i + length];
      if (total < best_cost) {
        best_cost = total;
        best_length = length;
      }
    };
    const std::size_t max_length = std::min(kMaxWordChars, n - i);
    if (max_length >= 2 && WordTable::FirstHasLonger(first) && keys[i + 1] != 0) {
      const std::uint64_t second = words.Second(first, keys[i + 1]);
      consider(WordTable::SecondCost(second), 2);
      const std::uint64_t group = WordTable::RestGroup(second);
      if (group != 0 && max_length >= 3 && keys[i + 2] != 0) {
        const std::uint64_t third_key = keys[i + 2] << 16;
        const std::uint64_t third = words.Rest(group, third_key);
        consider(WordTable::RestCost(third), 3);
        if (WordTable::RestHasLonger(third) && max_length >= 4 && keys[i + 3] != 0) {
          consider(WordTable::RestCost(words.Rest(group, third_key | keys[i + 3])), 4);
        }
      }
    }
    best[i] = best_cost;
    word_length[i] = best_length;
  }
}

enum class TokenClass { kHan, kAlnum, kSpace, kOther };

TokenClass ClassOf(char32_t c) {
  if (IsHan(c)) return TokenClass::kHan;
  if (IsAsciiAlnum(c)) return TokenClass::kAlnum;
  if (c == U' ' || c == U'\t' || c == 0x3000) return TokenClass::kSpace;
  return TokenClass::kOther;
}

}  // namespace

std::optional<std::uint16_t> LexiconWordCost(std::string_view word) {
  const std::uint64_t key = KeyOfWord(word);
  if (key == 0) return std::nullopt;
  const Word found = FindWord(Words(), key);
  if (found.cost == 0) return std::nullopt;
  return static_cast<std::uint16_t>(found.cost);
}

std::optional<WordClass> LexiconWordClass(std::string_view word) {
  const std::uint64_t key = KeyOfWord(word);
  if (key == 0) return std::nullopt;
  const Word found = FindWord(Words(), key);
  if (found.cost == 0) return std::nullopt;
  return static_cast<WordClass>(found.word_class);
}

std::uint16_t LexiconUnknownCost() { return lexicon_data::UnknownCost(); }

std::vector<std::size_t> LexiconBoundaries(std::string_view text) {
  std::vector<std::size_t> boundaries;
  LexiconBoundaries(text, boundaries);
  return boundaries;
}

void LexiconBoundaries(std::string_view text, std::vector<std::size_t>& boundaries) {
  // Every character may start a word: room for all, so that no push_back reallocates.
  boundaries.clear();
  boundaries.reserve(text.size() + 1);
  boundaries.push_back(0);
  RunBuffers& run = Buffers();
  // (A Han character takes three bytes or four.)
  run.Reserve(text.size() / 3);
  const WordTable& words = Words();
  const std::uint32_t unknown = lexicon_data::UnknownCost();
  std::size_t n = 0;  // characters of the current run of Han characters
  auto flush_run = [&](std::size_t end) {
    if (n == 0) return;
    SegmentRun(words, unknown, run, n);
    for (std::size_t i = 0; i < n; i += run.word_length[i]) {
      if (run.offsets[i] != boundaries.back()) boundaries.push_back(run.offsets[i]);
    }
    if (end != boundaries.back()) boundaries.push_back(end);
    n = 0;
  };
  TokenClass previous = TokenClass::kOther;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    // Most characters are ideographs of U+5000-9FFF (lead byte E5-E9), all Han.
    if (bytes[i] >= 0xE5 && bytes[i] <= 0xE9 && i + 3 <= text.size() &&
        (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
      run.keys[n] =
          ((bytes[i] & 0x0Fu) << 12) | ((bytes[i + 1] & 0x3Fu) << 6) | (bytes[i + 2] & 0x3Fu);
      run.offsets[n] = i;
      ++n;
      previous = TokenClass::kHan;
      i += 3;
      continue;
    }
    const Decoded d = DecodeUtf8Fast(text, i);
    const TokenClass token_class = ClassOf(d.code_point);
    if (token_class == TokenClass::kHan) {
      run.keys[n] = KeyChar(d.code_point);
      run.offsets[n] = i;
      ++n;
    } else {
      flush_run(i);
      // Letters and digits run on, and so do spaces; anything else stands alone.
      const bool runs_on = token_class == previous && token_class != TokenClass::kOther;
      if (!runs_on && i != boundaries.back()) boundaries.push_back(i);
    }
    previous = token_class;
    i += d.length;
  }
  flush_run(text.size());
  if (text.size() != boundaries.back()) boundaries.push_back(text.size());
}

}  // namespace ocrlint
