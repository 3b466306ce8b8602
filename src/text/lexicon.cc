#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "text/char_class.h"
#include "text/lexicon_data.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::size_t kMaxWordChars = 4;

// A character the packed keys can hold (16 bits, Han); 0 for any other.
std::uint64_t KeyChar(char32_t c) { return c <= 0xFFFF && IsHan(c) ? c : 0; }

// The first of keys[lo, hi) not below `key` (std::lower_bound), without branches on the
// comparisons: the range of a common first character holds thousands of keys, and the
// outcome of each halving is unpredictable.
std::size_t LowerBound(const std::uint64_t* keys, std::size_t lo, std::size_t hi,
                       std::uint64_t key) {
  const std::uint64_t* base = keys + lo;
  std::size_t n = hi - lo;
  while (n > 1) {
    const std::size_t half = n / 2;
    base = base[half - 1] < key ? base + half : base;
    n -= half;
  }
  return static_cast<std::size_t>(base - keys) + (n == 1 && *base < key ? 1 : 0);
}

// Where the words beginning with each character start in Keys(): words beginning with
// character c are Keys()[starts[c], starts[c + 1]). Built on first use (well under a
// millisecond), so that a lookup searches only the words of its first character.
const std::vector<std::uint32_t>& FirstCharStarts() {
  static const std::vector<std::uint32_t> starts = [] {
    const std::uint64_t* keys = lexicon_data::Keys().data();
    const std::size_t n = lexicon_data::Keys().size();
    std::vector<std::uint32_t> out(0x10001, static_cast<std::uint32_t>(n));
    // The words of one character are few (about 30 on average): galloping over them reads
    // a few keys of each where counting reads all 300,000.
    std::size_t at = 0;
    for (std::uint64_t c = 0; c < 0xFFFF; ++c) {
      out[c] = static_cast<std::uint32_t>(at);
      const std::uint64_t next = (c + 1) << 48;  // the smallest key of the next character
      if (at == n || keys[at] >= next) continue;
      std::size_t step = 1;
      while (n - at > step && keys[at + step] < next) {
        at += step;
        step *= 2;
      }
      at = LowerBound(keys, at, at + std::min(step, n - at), next);
    }
    out[0xFFFF] = static_cast<std::uint32_t>(at);
    return out;
  }();
  return starts;
}

// Looks up keys of growing length that share their first characters: each lookup
// searches only the words that begin with the previous one.
class PrefixSearch {
 public:
  PrefixSearch(const std::vector<std::uint32_t>& starts, std::uint64_t first_char)
      : lo_(starts[first_char]), hi_(starts[first_char + 1]) {}

  // Whether no word begins with the key of the last call.
  bool Exhausted() const { return lo_ >= hi_; }

  // The cost of the word `key` of `length` characters (which extends the key of the
  // previous call by one character), or nullopt; narrows the range to the words that
  // begin with it.
  std::optional<std::uint16_t> Next(std::uint64_t key, std::size_t length) {
    if (lo_ >= hi_) return std::nullopt;
    const std::uint64_t* keys = lexicon_data::Keys().data();
    if (length == 1) {
      // The range holds the words beginning with the first character, the character
      // alone (the smallest key) first: nothing to search or narrow.
      if (keys[lo_] != key) return std::nullopt;
      return lexicon_data::Costs()[lo_];
    }
    const std::size_t at = LowerBound(keys, lo_, hi_, key);
    // Keys beginning with these characters are below the key with the last one raised.
    const std::uint64_t next_prefix = key + (std::uint64_t{1} << (16 * (kMaxWordChars - length)));
    std::size_t upper = at + (at != hi_ && keys[at] == key ? 1 : 0);
    if (length < kMaxWordChars) {
      // Few words extend a prefix: gallop from `at` over the keys next to it rather than
      // search the rest of the range (a search through memory the first one did not read).
      std::size_t low = at;
      std::size_t step = 1;
      while (hi_ - low > step && keys[low + step] < next_prefix) {
        low += step;
        step *= 2;
      }
      upper = LowerBound(keys, low, low + std::min(step, hi_ - low), next_prefix);
    }
    const bool found = at != hi_ && keys[at] == key;
    lo_ = at;
    hi_ = upper;
    if (!found) return std::nullopt;
    return lexicon_data::Costs()[at];
  }

 private:
  std::size_t lo_ = 0;
  std::size_t hi_ = 0;
};

// The index of `key` in Keys(), or nullopt: one search among the words of its first
// character.
std::optional<std::size_t> IndexOfKey(std::uint64_t key) {
  const std::vector<std::uint32_t>& starts = FirstCharStarts();
  const std::uint64_t* keys = lexicon_data::Keys().data();
  const std::size_t first = key >> 48;
  const std::size_t end = starts[first + 1];
  const std::size_t at = LowerBound(keys, starts[first], end, key);
  if (at == end || keys[at] != key) return std::nullopt;
  return at;
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
  const std::vector<std::uint32_t>& starts = FirstCharStarts();
  const std::uint32_t unknown = lexicon_data::UnknownCost();
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t best_cost = std::numeric_limits<std::uint32_t>::max();
    const std::uint64_t first = keys[i];
    PrefixSearch search(starts, first);
    std::uint64_t key = 0;
    for (std::size_t length = 1; length <= kMaxWordChars && i + length <= n; ++length) {
      const std::uint64_t c = keys[i + length - 1];
      std::optional<std::uint16_t> cost;
      if (first != 0 && c != 0) {
        key |= c << (16 * (kMaxWordChars - length));
        cost = search.Next(key, length);
      } else if (length > 1) {
        break;  // no word holds this character
      }
      if (!cost) {
        if (length > 1) {
          if (search.Exhausted()) break;  // no longer word begins so
          continue;
        }
        cost = static_cast<std::uint16_t>(unknown);
      }
      const std::uint32_t total = *cost + buffers.best[i + length];
      if (total < best_cost) {
        best_cost = total;
        buffers.word_length[i] = static_cast<std::uint8_t>(length);
      }
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
  const std::optional<std::size_t> at = IndexOfKey(key);
  if (!at) return std::nullopt;
  return lexicon_data::Costs()[*at];
}

std::optional<WordClass> LexiconWordClass(std::string_view word) {
  const std::uint64_t key = KeyOfWord(word);
  if (key == 0) return std::nullopt;
  const std::optional<std::size_t> at = IndexOfKey(key);
  if (!at) return std::nullopt;
  return static_cast<WordClass>(lexicon_data::Classes()[*at]);
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
