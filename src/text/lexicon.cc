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

// The hash table of the words that make_lexicon.py compiles into the binary: a lookup reads
// one cache line or two, where a binary search over the 2.4 MB of sorted keys missed the
// cache on most of its probes. Nothing is built at run time.
class WordTable {
 public:
  WordTable()
      : bytes_(reinterpret_cast<const unsigned char*>(lexicon_data::SlotBytes().data())),
        bits_(lexicon_data::SlotBits()),
        mask_((std::size_t{1} << bits_) - 1),
        filter_(reinterpret_cast<const unsigned char*>(lexicon_data::PrefixFilter().data())),
        filter_bits_(lexicon_data::PrefixFilterBits()),
        chars_(reinterpret_cast<const unsigned char*>(lexicon_data::CharBytes().data())) {}

  // The word of the single character `c` from the table by character: false when `c` is
  // outside it or no word (Find() then answers).
  bool FindChar(std::uint64_t c, std::uint16_t& cost, bool& has_longer) const {
    if (c < lexicon_data::kFirstChar || c > lexicon_data::kLastChar) return false;
    const unsigned char* entry =
        chars_ + (c - lexicon_data::kFirstChar) * lexicon_data::kCharEntrySize;
    if ((entry[2] & 1) == 0) return false;
    cost = static_cast<std::uint16_t>(Load(entry, 2));
    has_longer = (entry[2] & 2) != 0;
    return true;
  }

  // The slot of the word of `key` (non-zero), or nullptr. (The keys along a probe sequence
  // decrease: a smaller one, or an empty slot's 0, ends the search.)
  const unsigned char* Find(std::uint64_t key) const {
    for (std::size_t at = lexicon_data::HomeSlot(key, bits_);; at = (at + 1) & mask_) {
      const unsigned char* slot = bytes_ + at * lexicon_data::kSlotSize;
      const std::uint64_t slot_key = Load(slot, 8);
      if (slot_key <= key) return slot_key == key ? slot : nullptr;
    }
  }

  // What a slot that Find() returned holds: the word's cost, its class, and whether a
  // longer word begins with it.
  static std::uint16_t Cost(const unsigned char* slot) {
    return static_cast<std::uint16_t>(Load(slot + 8, 2));
  }
  static std::uint8_t Class(const unsigned char* slot) { return slot[10]; }
  static bool HasLonger(const unsigned char* slot) { return slot[11] != 0; }

  // Whether a longer word may begin with `key`, which is no word: false when none does,
  // mostly. The filter (128 KB) stays in the cache where the table does not.
  bool MayBeginWord(std::uint64_t key) const {
    const std::size_t bit = lexicon_data::HomeSlot(key, filter_bits_);
    return (filter_[bit / 8] >> (bit % 8) & 1) != 0;
  }

 private:
  // The little-endian number of `size` bytes at `p` (one load).
  static std::uint64_t Load(const unsigned char* p, std::size_t size) {
    static_assert(std::endian::native == std::endian::little,
                  "make_lexicon.py writes the table little-endian");
    std::uint64_t value = 0;
    std::memcpy(&value, p, size);
    return value;
  }

  const unsigned char* bytes_;
  int bits_;
  std::size_t mask_;
  const unsigned char* filter_;
  int filter_bits_;
  const unsigned char* chars_;
};

const WordTable& Words() {
  static const WordTable table;
  return table;
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
// buffers.word_length. A word ends where no longer word begins with it (the slot's flag,
// or for a key that is no word the prefix filter), or at a character no word holds
// (key 0); of words of equal total cost, the shorter wins.
void SegmentRun(const WordTable& words, std::uint32_t unknown, RunBuffers& buffers, std::size_t n) {
  const std::uint64_t* keys = buffers.keys.data();
  std::uint8_t* word_length = buffers.word_length.data();
  std::uint32_t* best = buffers.best.data();
  best[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    const std::uint64_t first = keys[i];
    std::uint8_t best_length = 1;
    if (first == 0) {
      best[i] = unknown + best[i + 1];
      word_length[i] = best_length;
      continue;
    }
    std::uint64_t key = first << (16 * (kMaxWordChars - 1));
    std::uint16_t cost = 0;
    bool go_on = false;
    if (!words.FindChar(first, cost, go_on)) {
      const unsigned char* slot = words.Find(key);
      cost = slot != nullptr ? WordTable::Cost(slot) : static_cast<std::uint16_t>(unknown);
      go_on = slot != nullptr ? WordTable::HasLonger(slot) : words.MayBeginWord(key);
    }
    std::uint32_t best_cost = cost + best[i + 1];
    const std::size_t max_length = std::min(kMaxWordChars, n - i);
    for (std::size_t length = 2; go_on && length <= max_length; ++length) {
      const std::uint64_t c = keys[i + length - 1];
      if (c == 0) break;  // no word holds this character
      key |= c << (16 * (kMaxWordChars - length));
      const unsigned char* slot = words.Find(key);
      if (slot == nullptr) {
        go_on = words.MayBeginWord(key);
        continue;
      }
      const std::uint32_t total = WordTable::Cost(slot) + best[i + length];
      if (total < best_cost) {
        best_cost = total;
        best_length = static_cast<std::uint8_t>(length);
      }
      go_on = WordTable::HasLonger(slot);
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
  const unsigned char* slot = Words().Find(key);
  if (slot == nullptr) return std::nullopt;
  return WordTable::Cost(slot);
}

std::optional<WordClass> LexiconWordClass(std::string_view word) {
  const std::uint64_t key = KeyOfWord(word);
  if (key == 0) return std::nullopt;
  const unsigned char* slot = Words().Find(key);
  if (slot == nullptr) return std::nullopt;
  return static_cast<WordClass>(WordTable::Class(slot));
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
