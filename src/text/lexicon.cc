#include "text/lexicon.h"

#include <bit>
#include <cstring>
#include <limits>

#include "text/char_class.h"
#include "text/lexicon_data.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::size_t kMaxWordChars = 4;

// A character the packed keys can hold (16 bits, Han); 0 for any other.
std::uint64_t KeyChar(char32_t c) { return c <= 0xFFFF && IsHan(c) ? c : 0; }

// A word of the list: a slot of the hash table of lexicon_data.
struct WordSlot {
  std::uint16_t cost = 0;
  std::uint8_t word_class = 0;
  bool has_longer = false;  // whether a longer word begins with this one
};

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
        filter_bits_(lexicon_data::PrefixFilterBits()) {}

  // The word of `key` (non-zero), or nullopt.
  std::optional<WordSlot> Find(std::uint64_t key) const {
    for (std::size_t at = lexicon_data::HomeSlot(key, bits_);; at = (at + 1) & mask_) {
      const unsigned char* slot = bytes_ + at * lexicon_data::kSlotSize;
      const std::uint64_t slot_key = Load(slot, 8);
      if (slot_key == key) {
        return WordSlot{static_cast<std::uint16_t>(Load(slot + 8, 2)), slot[10], slot[11] != 0};
      }
      if (slot_key == 0) return std::nullopt;
    }
  }

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
};

const WordTable& Words() {
  static const WordTable table;
  return table;
}

// The key of `word`, or 0 when it has more than kMaxWordChars characters or one that no
// word holds.
std::uint64_t KeyOfWord(std::string_view word) {
  if (word.empty() || word.size() > 4 * kMaxWordChars) return 0;
  std::uint64_t key = 0;
  std::size_t length = 0;
  for (std::size_t i = 0; i < word.size(); ++length) {
    if (length == kMaxWordChars) return 0;
    const Decoded d = DecodeUtf8Fast(word, i);
    const std::uint64_t c = KeyChar(d.code_point);
    if (c == 0) return 0;
    key |= c << (16 * (kMaxWordChars - 1 - length));
    i += d.length;
  }
  return key;
}

// Buffers for segmenting one run of Han characters, reused across calls (one per thread).
struct RunBuffers {
  std::vector<std::uint64_t> keys;        // KeyChar of each character
  std::vector<std::size_t> offsets;       // byte offset of each character in the text
  std::vector<std::uint8_t> word_length;  // of the best word starting at each character
  std::vector<std::uint32_t> best;        // cost of the best segmentation of each suffix
};

RunBuffers& Buffers() {
  thread_local RunBuffers buffers;
  return buffers;
}

// The best segmentation of the characters whose keys buffers.keys holds: fills
// buffers.word_length.
void SegmentRun(RunBuffers& buffers) {
  const std::vector<std::uint64_t>& keys = buffers.keys;
  const std::size_t n = keys.size();
  buffers.word_length.assign(n, 1);
  buffers.best.assign(n + 1, 0);
  const WordTable& words = Words();
  const std::uint32_t unknown = lexicon_data::UnknownCost();
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t best_cost = std::numeric_limits<std::uint32_t>::max();
    const std::uint64_t first = keys[i];
    std::uint64_t key = 0;
    for (std::size_t length = 1; length <= kMaxWordChars && i + length <= n; ++length) {
      const std::uint64_t c = keys[i + length - 1];
      if (first == 0 || c == 0) {
        if (length > 1) break;  // no word holds this character
      } else {
        key |= c << (16 * (kMaxWordChars - length));
      }
      const std::optional<WordSlot> word = key == 0 || c == 0 ? std::nullopt : words.Find(key);
      std::optional<std::uint32_t> cost;
      if (word) {
        cost = word->cost;
      } else if (length == 1) {
        cost = unknown;
      }
      if (cost) {
        const std::uint32_t total = *cost + buffers.best[i + length];
        if (total < best_cost) {
          best_cost = total;
          buffers.word_length[i] = static_cast<std::uint8_t>(length);
        }
      }
      // Stop when no longer word begins so.
      if (key != 0 && !(word ? word->has_longer : words.MayBeginWord(key))) break;
    }
    buffers.best[i] = best_cost;
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
  const std::optional<WordSlot> found = Words().Find(key);
  if (!found) return std::nullopt;
  return found->cost;
}

std::optional<WordClass> LexiconWordClass(std::string_view word) {
  const std::uint64_t key = KeyOfWord(word);
  if (key == 0) return std::nullopt;
  const std::optional<WordSlot> found = Words().Find(key);
  if (!found) return std::nullopt;
  return static_cast<WordClass>(found->word_class);
}

std::uint16_t LexiconUnknownCost() { return lexicon_data::UnknownCost(); }

std::vector<std::size_t> LexiconBoundaries(std::string_view text) {
  std::vector<std::size_t> boundaries;
  LexiconBoundaries(text, boundaries);
  return boundaries;
}

void LexiconBoundaries(std::string_view text, std::vector<std::size_t>& boundaries) {
  boundaries.clear();
  boundaries.push_back(0);
  RunBuffers& run = Buffers();
  run.keys.clear();
  run.offsets.clear();
  auto flush_run = [&](std::size_t end) {
    if (run.keys.empty()) return;
    SegmentRun(run);
    for (std::size_t i = 0; i < run.keys.size(); i += run.word_length[i]) {
      if (run.offsets[i] != boundaries.back()) boundaries.push_back(run.offsets[i]);
    }
    if (end != boundaries.back()) boundaries.push_back(end);
    run.keys.clear();
    run.offsets.clear();
  };
  TokenClass previous = TokenClass::kOther;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeUtf8Fast(text, i);
    const TokenClass token_class = ClassOf(d.code_point);
    if (token_class == TokenClass::kHan) {
      run.keys.push_back(KeyChar(d.code_point));
      run.offsets.push_back(i);
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
