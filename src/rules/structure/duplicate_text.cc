#include "rules/structure/duplicate_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <mutex>
#include <span>
#include <string>

#include "text/char_class.h"
#include "text/cpu.h"
#include "text/han_lanes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint::structure {
namespace {

// The compared form of a character; 0 for characters the comparison skips.
inline char32_t Normalise(char32_t c) {
  if (c < 0x80) return (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? 0 : c;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII forms
  switch (c) {
    case 0x00A0:  // no-break space
    case 0x3000:  // ideographic space
    case 0x200B:  // zero-width space, joiners, BOM
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
      return 0;
    case 0x201C:  // curly double quotes
    case 0x201D:
      return U'"';
    case 0x2018:  // curly single quotes
    case 0x2019:
      return U'\'';
    default:
      return c;
  }
}

// What a token is hashed by: the UTF-8 bytes of a three-byte character, packed as they
// stand in the text (so that ideographs need no decoding), and the code point of any
// other. The two never meet: the third byte of a three-byte character is at least 0x80,
// that of a code point at most 0x10.
inline std::uint32_t TokenKey(char32_t token) {
  if (token < 0x800 || token > 0xFFFF) return token;
  return (0xE0 | (token >> 12)) | ((0x80 | ((token >> 6) & 0x3F)) << 8) |
         ((0x80 | (token & 0x3F)) << 16);
}

constexpr std::size_t kVector = 16;

// A paragraph's prefix hash covers its tokens up to this ideograph (BlockStats): enough to
// tell most paragraphs apart, while the tokens up to the min_chars-th, which a copy or a
// cut-short copy shares, are compared only among the paragraphs with the same hash (Step).
// Hashing is the dearest part of the pass over every paragraph; 4 cost the fewest
// instructions on the benchmark's pages (8 and 2 cost more).
inline std::uint32_t KeyIdeographs(int min_chars) {
  return std::min(4u, static_cast<std::uint32_t>(min_chars));
}

// FNV-style mixing is enough here: every hash hit is verified by comparing tokens.
inline std::uint64_t Mix(std::uint64_t hash, std::uint32_t key) {
  return (hash ^ key) * 0x100000001B3ULL;
}

// Decodes the character at text[i], moves `i` past it and mixes its token (Normalise) into
// `hash`; returns the token, 0 for a character that normalising drops (nothing mixed).
inline char32_t MixNextToken(std::string_view text, std::size_t& i, std::uint64_t& hash) {
  std::size_t length = 1;
  const char32_t token = Normalise(DecodeValid(text, i, length));
  i += length;
  if (token != 0) hash = Mix(hash, TokenKey(token));
  return token;
}

#if defined(__SSE2__)
// Counts the ideographs and notes the marks of text[at, end) (`at` at a character
// boundary) 16 bytes at a time, without a branch per character, as far as the text leaves
// room for reading 18, and stops once it has seen a sentence mark and counted `han_limit`
// ideographs (the rest changes no reader's verdict); leaves `at` at the character boundary
// where it stopped. Every character is seen at its first byte (with the next two): the
// same verdicts as IsHan, IsClauseMark and IsTerminalMark after Normalise, for valid UTF-8
// (ideographs: HanLeadLanes16).
void CountRestSse2(std::string_view text, std::size_t end, std::size_t& at, BlockStats& stats,
                   std::uint32_t han_limit) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const auto set = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
  const auto eq = [](__m128i a, __m128i b) { return _mm_cmpeq_epi8(a, b); };
  const auto either = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  const auto both = [](__m128i a, __m128i b) { return _mm_and_si128(a, b); };
  const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  std::size_t i = at;
  for (; i < end && i + kVector + 2 <= text.size() && !(stats.terminal && stats.han >= han_limit);
       i += kVector) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i n1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 1));
    const __m128i n2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 2));
    const __m128i e3_80 = both(eq(v, set(0xE3)), eq(n1, set(0x80)));
    const __m128i ef = eq(v, set(0xEF));
    __m128i han = HanLeadLanes16(v, n1, n2);
    // Marks: ! ? ; end a sentence, , : a clause, in ASCII or full width (EF BC 81, 9F, 9B,
    // 8C, 9A); so does 。 (E3 80 82).
    const __m128i full_width = both(ef, eq(n1, set(0xBC)));
    __m128i stop = either(either(eq(v, set('!')), eq(v, set('?'))), eq(v, set(';')));
    stop = either(stop, both(e3_80, eq(n2, set(0x82))));
    stop = either(stop, both(full_width, either(either(eq(n2, set(0x81)), eq(n2, set(0x9F))),
                                                eq(n2, set(0x9B)))));
    __m128i pause = either(eq(v, set(',')), eq(v, set(':')));
    pause = either(pause, both(full_width, either(eq(n2, set(0x8C)), eq(n2, set(0x9A)))));
    if (end - i < kVector) {
      const __m128i inside = _mm_cmplt_epi8(lanes, set(static_cast<unsigned char>(end - i)));
      han = both(han, inside);
      stop = both(stop, inside);
      pause = both(pause, inside);
    }
    stats.han += static_cast<std::uint32_t>(
        std::popcount(static_cast<std::uint32_t>(_mm_movemask_epi8(han))));
    stats.terminal = stats.terminal || _mm_movemask_epi8(stop) != 0;
    stats.clause = stats.clause || _mm_movemask_epi8(either(pause, stop)) != 0;
  }
  // Past the end: done. Inside a character that straddles the last 16 bytes: go on after it.
  while (i < end && (bytes[i] & 0xC0) == 0x80) ++i;
  at = i;
}
#endif

#if defined(OCRLINT_AVX2_VARIANTS)
#define OCRLINT_AVX2 __attribute__((target("avx2"), always_inline)) inline
OCRLINT_AVX2 __m256i Or32(__m256i a, __m256i b) { return _mm256_or_si256(a, b); }
OCRLINT_AVX2 __m256i And32(__m256i a, __m256i b) { return _mm256_and_si256(a, b); }
// The marks by a table of low nibbles: the ASCII ! ; ? (21 3B 3F) and , : (2C 3A), and the
// third bytes of their full-width forms (EF BC 81 9B 9F, 8C 9A) less 0x80, share their
// low nibbles (1 B F, C A). A byte below 0x80 equals the entry its low nibble picks only if
// it is the mark (the other entries are 0x80); the shuffle turns one of 0x80 or more into
// 0, which it never equals.
struct alignas(32) MarkTable {
  std::array<std::uint8_t, 32> bytes;
};
constexpr MarkTable MakeMarkTable(std::initializer_list<std::uint8_t> marks) {
  MarkTable table{};
  for (std::uint8_t& byte : table.bytes) byte = 0x80;
  for (const std::uint8_t mark : marks) {
    table.bytes[mark & 0x0F] = mark;
    table.bytes[16 + (mark & 0x0F)] = mark;  // a shuffle looks up each half apart
  }
  return table;
}
inline constexpr MarkTable kStopAscii = MakeMarkTable({'!', ';', '?'});
inline constexpr MarkTable kStopWide = MakeMarkTable({0x01, 0x1B, 0x1F});
inline constexpr MarkTable kPauseAscii = MakeMarkTable({',', ':'});
inline constexpr MarkTable kPauseWide = MakeMarkTable({0x0C, 0x1A});

OCRLINT_AVX2 __m256i LoadMarkTable(const MarkTable& table) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(table.bytes.data()));
}
// Lanes of `v` that hold a mark of `ascii`, or lead a full-width one of `wide` (`third`:
// the third bytes less 0x80).
OCRLINT_AVX2 __m256i MarkLanes32(const MarkTable& ascii, const MarkTable& wide, __m256i v,
                                 __m256i third, __m256i full_width) {
  return Or32(
      _mm256_cmpeq_epi8(_mm256_shuffle_epi8(LoadMarkTable(ascii), v), v),
      And32(full_width, _mm256_cmpeq_epi8(_mm256_shuffle_epi8(LoadMarkTable(wide), third), third)));
}
OCRLINT_AVX2 __m256i StopLanes32(const Splat* k, __m256i v, __m256i n1, __m256i n2,
                                 __m256i full_width) {
  const __m256i full_stop = And32(And32(Eq32(k, v, 0xE3), Eq32(k, n1, 0x80)), Eq32(k, n2, 0x82));
  const __m256i third = _mm256_xor_si256(n2, Set32(k, 0x80));
  return Or32(MarkLanes32(kStopAscii, kStopWide, v, third, full_width), full_stop);
}
OCRLINT_AVX2 __m256i PauseLanes32(const Splat* k, __m256i v, __m256i n2, __m256i full_width) {
  const __m256i third = _mm256_xor_si256(n2, Set32(k, 0x80));
  return MarkLanes32(kPauseAscii, kPauseWide, v, third, full_width);
}
#undef OCRLINT_AVX2

// CountRestSse2, 32 bytes at a time; once a sentence mark is seen, only ideographs. `k`:
// kSplats (noipa: the compiler must not see the constants behind it).
[[gnu::noipa]] __attribute__((target("avx2,popcnt"))) void CountRestAvx2(
    std::string_view text, std::size_t end, std::size_t& at, BlockStats& stats,
    std::uint32_t han_limit, const Splat* k) {
  constexpr std::size_t kWidth = 32;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const __m256i lanes =
      _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                       22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
  std::uint32_t han_count = stats.han;
  std::size_t i = at;
  for (; i < end && i + kWidth + 2 <= text.size() && !(stats.terminal && han_count >= han_limit);
       i += kWidth) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + i));
    const __m256i n1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + i + 1));
    const __m256i n2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + i + 2));
    __m256i han = HanLeadLanes32(k, v, n1, n2);
    const __m256i inside =
        end - i < kWidth ? _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(end - i)), lanes)
                         : _mm256_set1_epi8(-1);
    han = And32(han, inside);
    han_count += static_cast<std::uint32_t>(
        std::popcount(static_cast<std::uint32_t>(_mm256_movemask_epi8(han))));
    if (stats.terminal) continue;
    const __m256i full_width = And32(Eq32(k, v, 0xEF), Eq32(k, n1, 0xBC));
    const __m256i stop = And32(StopLanes32(k, v, n1, n2, full_width), inside);
    const __m256i pause = And32(PauseLanes32(k, v, n2, full_width), inside);
    stats.terminal = _mm256_movemask_epi8(stop) != 0;
    stats.clause = stats.clause || _mm256_movemask_epi8(Or32(stop, pause)) != 0;
  }
  stats.han = han_count;
  while (i < end && (bytes[i] & 0xC0) == 0x80) ++i;
  at = i;
}

#endif

// What CountRest found.
struct RestCounts {
  std::size_t at = 0;  // where it stopped
  std::uint32_t han = 0;
  bool clause = false;
  bool terminal = false;
};

// The rest of ComputeStats from `at` (`terminal`: a sentence mark was seen before it,
// `han`: ideographs counted before it), counted 32 bytes at a time where the processor has
// AVX2, else 16, until a sentence mark is seen and `han_limit` ideographs are counted;
// ComputeStats counts what is left near the text's end. Inlined: ComputeStats calls it
// for every block.
[[gnu::always_inline]] inline RestCounts CountRest(std::string_view text, std::size_t at,
                                                   std::size_t end, bool terminal,
                                                   std::uint32_t han, std::uint32_t han_limit) {
  BlockStats stats;
  stats.han = han;
  stats.clause = terminal;
  stats.terminal = terminal;
#if defined(OCRLINT_AVX2_VARIANTS)
  if (HasAvx2()) CountRestAvx2(text, end, at, stats, han_limit, kSplats.data());
#endif
#if defined(__SSE2__)
  if (at < end && !(stats.terminal && stats.han >= han_limit)) {
    CountRestSse2(text, end, at, stats, han_limit);
  }
#endif
  return RestCounts{at, stats.han, stats.clause, stats.terminal};
}

// The hash of all the tokens of `content`.
std::uint64_t HashTokens(std::string_view text, ByteRange content) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = content.begin;
  const std::size_t fast_end = std::min(content.end, text.size() - 1);
  while (i < content.end) {
    // Ideographs (and E4 B7) need no decoding.
    while (i + 3 <= fast_end) {
      std::uint32_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if (static_cast<unsigned char>((word & 0xFF) - 0xE4) > 0xE9 - 0xE4) break;
      i += 3;
      hash = Mix(hash, word & 0xFFFFFF);
    }
    if (i >= content.end) break;
    MixNextToken(text, i, hash);
  }
  return hash;
}

// One pass over the block: this runs over every byte of the document. Only the
// tokens up to the KeyIdeographs(min_chars)-th ideograph are hashed: any later copy of the
// paragraph, or one cut short, starts with them (the analysis compares the paragraphs that
// do token by token; HashTokens hashes the whole of those). The rest is only counted.
//
// Tried and dropped (instructions per 100 small pages): finding the prefix's runs of
// ideographs five at a time with an SSE2 test (runs between marks and spaces are short:
// +3.8 M); bounding the run loop by the ideographs still to hash instead of testing the
// count in it (+0.3 M); in CountRestAvx2, whole chunks without the mask of `end` and a
// last masked one (+0.3 M: most calls are short, and setting up costs more than the mask);
// stopping the count at kMaxTitleHan after a clause mark even without a sentence-ending
// one (-0.2 M, but then `terminal` depends on how far the vector width read).
BlockStats ComputeStats(std::string_view text, ByteRange content, int min_chars) {
  // Locals, not the fields of a struct whose address escapes: the loops keep them in
  // registers.
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  std::uint64_t prefix_hash = 0;
  std::uint32_t han = 0;
  bool clause = false;
  bool terminal = false;
  const std::uint32_t min_han = KeyIdeographs(min_chars);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = content.begin;
  // The inner loops read four bytes at a time: they stop one byte short of the text's end.
  const std::size_t fast_end = std::min(content.end, text.size() - 1);
  // The prefix, hashed.
  while (i < content.end && han < min_han) {
    // Most characters are ideographs of U+4000-9FFF: three bytes led by E4-E9. Their runs
    // take this inner loop: no decoding, no normalising, no clause marks.
    while (i + 3 <= fast_end) {
      std::uint32_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if (static_cast<unsigned char>((word & 0xFF) - 0xE4) > 0xE9 - 0xE4) break;
      i += 3;
      hash = Mix(hash, word & 0xFFFFFF);
      // E4 B7 80-BF are U+4DC0-4DFF, the Yijing hexagram symbols: no ideographs.
      if ((word & 0xFFFF) != 0xB7E4 && ++han == min_han) {
        prefix_hash = hash;
        break;
      }
    }
    if (han >= min_han || i >= content.end) break;
    if (bytes[i] < 0x80) {  // ASCII: spaces, digits, marks; its own key, no ideograph
      const char32_t token = Normalise(bytes[i++]);
      if (token == 0) continue;
      hash = Mix(hash, token);
      if (IsClauseMark(token)) {
        clause = true;
        terminal = terminal || IsTerminalMark(token);
      }
      continue;
    }
    const char32_t token = MixNextToken(text, i, hash);
    if (token == 0) continue;
    if (IsHan(token)) {
      if (++han == min_han) prefix_hash = hash;
    } else if (IsClauseMark(token)) {
      clause = true;
      terminal = terminal || IsTerminalMark(token);
    }
  }
  // The rest, counted as far as the readers compare the count: once a sentence-ending
  // mark is seen, to min_chars ideographs; without one, the mark is looked for to the end.
  const std::uint32_t han_limit = HanCountLimit(min_chars, /*terminal=*/true);
  const RestCounts rest = CountRest(text, i, content.end, terminal, han, han_limit);
  i = rest.at;
  han = rest.han;
  clause = clause || rest.clause;
  terminal = terminal || rest.terminal;
  // What is left near the text's end: ideographs by their runs (E4 B7 takes the way of
  // other characters).
  while (i < content.end && !(terminal && han >= han_limit)) {
    const std::size_t start = i;
    while (i + 3 <= fast_end) {
      std::uint32_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if (static_cast<unsigned char>((word & 0xFF) - 0xE4) > 0xE9 - 0xE4 ||
          (word & 0xFFFF) == 0xB7E4) {
        break;
      }
      i += 3;
    }
    han += static_cast<std::uint32_t>((i - start) / 3);
    if (i >= content.end) break;
    std::size_t length = 1;
    const char32_t token = Normalise(DecodeValid(text, i, length));
    i += length;
    if (IsHan(token)) {
      ++han;
    } else if (IsClauseMark(token)) {
      clause = true;
      terminal = terminal || IsTerminalMark(token);
    }
  }
  BlockStats stats;
  // The same on every path, however far it counted.
  stats.han = std::min(han, HanCountLimit(min_chars, terminal));
  stats.clause = clause;
  stats.terminal = terminal;
  stats.prefix_hash = prefix_hash;
  return stats;
}

// A map from 64-bit hashes to block indices (open addressing; std::unordered_map
// allocates a node per paragraph and misses the cache on every lookup). It grows with
// the paragraphs analysed, which may be few of a large document's.
class HashToBlock {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  HashToBlock() = default;
  // With room for `expected` keys before it grows (any slot count works: Index is a
  // fixed-point multiply), at most kMaxInitialKeys.
  explicit HashToBlock(std::size_t expected)
      : slots_(2 * std::clamp<std::size_t>(expected, 32, kMaxInitialKeys)) {}

  std::uint32_t Find(std::uint64_t key) const {
    for (std::size_t i = Index(key);; i = Next(i)) {
      if (slots_[i].value == kNone || slots_[i].key == key) return slots_[i].value;
    }
  }
  // Stores `value` unless `key` is present.
  void Insert(std::uint64_t key, std::uint32_t value) {
    std::size_t i = Index(key);
    while (slots_[i].value != kNone && slots_[i].key != key) i = Next(i);
    if (slots_[i].value != kNone) return;
    slots_[i] = Slot{key, value};
    // At most half full: a search for a new key, the common case, stops at the first
    // empty slot.
    if (++size_ * 2 > slots_.size()) Grow();
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = kNone;
  };
  std::size_t Next(std::size_t i) const { return i + 1 == slots_.size() ? 0 : i + 1; }
  // The keys are FNV hashes, whose low bits are weak: mix, then map onto the slots.
  std::size_t Index(std::uint64_t key) const {
    const std::uint64_t mixed = (key * 0x9E3779B97F4A7C15ULL) >> 32;
    return static_cast<std::size_t>((mixed * slots_.size()) >> 32);
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.value == kNone) continue;
      std::size_t i = Index(slot.key);
      while (slots_[i].value != kNone) i = Next(i);
      slots_[i] = slot;
    }
  }
  // A page has a few hundred paragraphs, and a large document is analysed only as far as
  // its readers ask: its tables start at this many keys and grow with the analysis.
  static constexpr std::size_t kMaxInitialKeys = 1024;
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::size_t size_ = 0;
};

inline bool IsContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// How far the tokens of `a` and `b` agree from their starts.
struct TokenAgreement {
  std::size_t b_at = 0;  // where the first token of `b` that differs starts, else b.end
  bool a_ends = false;   // `a` has no token past the agreement
  bool b_ends = false;   // `b` has no token past the agreement
};

TokenAgreement AgreeTokens(std::string_view text, ByteRange a, ByteRange b) {
  // Copies are usually byte for byte the same.
  if (a.size() == b.size() && a.In(text) == b.In(text)) return {b.end, true, true};
  if (b.size() < a.size() && a.In(text).substr(0, b.size()) == b.In(text)) {
    return {b.end, NextToken(text, a.begin + b.size(), a.end).value == 0, true};
  }
  std::size_t pa = a.begin;
  std::size_t pb = b.begin;
  for (;;) {
    // Equal bytes are equal tokens: skip them, back to the start of a character.
    std::size_t k = CommonPrefix(text.data() + pa, text.data() + pb,
                                 std::min(a.end - pa, b.end - pb), text.size() - std::max(pa, pb));
    while (k > 0 && ((pa + k < a.end && IsContinuation(text[pa + k])) ||
                     (pb + k < b.end && IsContinuation(text[pb + k])))) {
      --k;
    }
    const Token ta = NextToken(text, pa + k, a.end);
    const Token tb = NextToken(text, pb + k, b.end);
    if (ta.value == 0 || tb.value == 0 || ta.value != tb.value) {
      return {tb.value == 0 ? b.end : tb.begin, ta.value == 0, tb.value == 0};
    }
    pa = ta.end;
    pb = tb.end;
  }
}

// Whether the tokens of `a` equal those of `b` (`prefix`: the tokens of `b` are a
// proper prefix of those of `a`).
bool SameTokens(std::string_view text, ByteRange a, ByteRange b, bool prefix) {
  const TokenAgreement agreement = AgreeTokens(text, a, b);
  return agreement.b_ends && agreement.a_ends != prefix;
}

// The hash of the tokens of `content` up to its n-th ideograph (n > 0, as ComputeStats
// counts them), and the offset after that ideograph (content.end if it has fewer).
struct IdeographPrefix {
  std::uint64_t hash = 0;
  std::size_t end = 0;
};

IdeographPrefix HashToIdeograph(std::string_view text, ByteRange content, std::uint32_t n) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  std::uint32_t han = 0;
  for (std::size_t i = content.begin; i < content.end;) {
    if (StartsCommonHan(text, i, content.end)) {
      const auto* bytes = reinterpret_cast<const unsigned char*>(text.data()) + i;
      hash = Mix(hash, bytes[0] | (bytes[1] << 8) | (static_cast<std::uint32_t>(bytes[2]) << 16));
      i += 3;
      if (++han == n) return {hash, i};
      continue;
    }
    const char32_t token = MixNextToken(text, i, hash);
    if (token == 0) continue;
    if (IsHan(token) && ++han == n) return {hash, i};
  }
  return {hash, content.end};
}

// The offset after the last line break in text[0, end), or 0: the start of the line that
// `end` is in or ends. The line before a copy is a whole paragraph: memrchr where glibc has
// it.
std::size_t LineStartBefore(std::string_view text, std::size_t end) {
#if defined(__GLIBC__)
  const void* newline = memrchr(text.data(), '\n', end);
  return newline == nullptr
             ? 0
             : static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1;
#else
  while (end > 0 && text[end - 1] != '\n') --end;
  return end;
#endif
}

bool IsBlankLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      ++i;
    } else if (line.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

Token NextToken(std::string_view text, std::size_t offset, std::size_t limit) {
  std::size_t i = offset;
  while (i < limit) {
    std::size_t length = 1;
    const char32_t c = Normalise(DecodeValid(text, i, length));
    if (c != 0) return Token{c, i, i + length};
    i += length;
  }
  return Token{0, limit, limit};
}

Token PreviousToken(std::string_view text, std::size_t offset, std::size_t limit) {
  std::size_t end = offset;
  while (end > limit) {
    std::size_t start = end - 1;
    while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t length = 1;
    const char32_t c = Normalise(DecodeValid(text, start, length));
    if (c != 0) return Token{c, start, end};
    end = start;
  }
  return Token{0, limit, limit};
}

bool IsHeadingLike(const Block& block, const BlockStats& stats) {
  return block.kind == BlockKind::kHeading || (!stats.terminal && stats.han < kMaxTitleHan);
}

// The analysis so far, and what it needs to go on.
struct DuplicateParagraphs::State {
  State(const Document& document, int min_chars)
      : document(document),
        text(document.text()),
        blocks(document.blocks()),
        min_chars(min_chars),
        stats(blocks.size()),
        in_copy(blocks.size(), 0),
        source(blocks.size(), -1),
        cut(blocks.size(), 0),
        eligible_before(blocks.size() + 1, 0),
        // by_prefix holds at most a key per block: sized for them, it need not grow. The
        // other tables are seldom used: they start small.
        by_prefix(blocks.size()),
        keyed(blocks.size(), 0),
        unhashed(blocks.size(), HashToBlock::kNone) {}

  // Analyses block `next`: its stats, its first copy, the runs.
  void Step();
  // Step(), and at the end of the document every block is final and what the search
  // needed can go (the analysis lives as long as the document).
  void Advance() {
    Step();
    if (next < blocks.size()) return;
    settled = next;
    by_prefix = HashToBlock();
    source = {};
    by_hash = HashToBlock();
    by_key = HashToBlock();
    keyed = {};
    unhashed = {};
    cut = {};
    eligible_before = {};
  }
  bool SameBlock(std::uint32_t a, std::uint32_t b) const;
  bool Continues(const DuplicateRun& run, std::uint32_t i) const;

  const Document& document;
  const std::string_view text;
  const std::span<const Block> blocks;
  const int min_chars;
  std::mutex mutex;
  // Per block. Entries below `settled` never change again (in_copy is a byte, not a bit, so
  // that readers of those entries and the writer of later ones touch different bytes).
  std::vector<BlockStats> stats;
  std::vector<std::uint8_t> in_copy;
  std::vector<std::int32_t> source;  // the block this one repeats, or -1
  std::vector<std::uint8_t> cut;     // repeats only the start of `source`
  // eligible_before[i]: paragraphs the analysis compares among blocks [0, i).
  std::vector<std::uint32_t> eligible_before;
  // The paragraphs indexed: the first one with each prefix hash; the first one with each
  // run of tokens to the min_chars-th ideograph, by its hash, once needed (keyed: is in
  // by_key); and the others by the hash of all their tokens, once needed.
  HashToBlock by_prefix;
  HashToBlock by_key;
  std::vector<std::uint8_t> keyed;
  HashToBlock by_hash;
  // For a paragraph in the chains: kNone while it is the only paragraph indexed with its
  // tokens to the min_chars-th ideograph, else the last of the others that is not yet in
  // by_hash, or kAllHashed. For those others: the one indexed before it that is not yet in
  // by_hash, or kAllHashed or kNone.
  static constexpr std::uint32_t kAllHashed = HashToBlock::kNone - 1;
  std::vector<std::uint32_t> unhashed;
  std::vector<DuplicateRun> runs;
  std::uint32_t next = 0;  // blocks [0, next) are analysed
  // Blocks [0, settled) are final: a block joins a run as a gap block (a heading between
  // two copied paragraphs) only while no compared paragraph follows it.
  std::uint32_t settled = 0;
};

void DuplicateParagraphs::State::Step() {
  const std::uint32_t i = next++;
  eligible_before[i + 1] = eligible_before[i];
  const Block& block = blocks[i];
  if (!block.IsProse() || block.content.empty()) return;
  const BlockStats& block_stats = stats[i] = ComputeStats(text, block.content, min_chars);
  // Short paragraphs and those without a clause mark (bylines, captions, labels) repeat
  // legitimately.
  if (block.kind != BlockKind::kParagraph ||
      block_stats.han < static_cast<std::uint32_t>(min_chars) || !block_stats.clause ||
      document.IsExcluded(block.content)) {
    return;
  }
  ++eligible_before[i + 1];
  settled = i + 1;

  // Its first copy: the same tokens, or a longer paragraph that starts with them. Either
  // has the tokens of this one up to its min_chars-th ideograph, and so its prefix hash.
  // `first`, the first paragraph indexed with those tokens, is mostly the first one with
  // its prefix hash (by_prefix's entry), and copies are mostly of it: it is compared
  // directly. Only when it differs sooner are the tokens hashed that far (by_key).
  const std::uint32_t head = by_prefix.Find(block_stats.prefix_hash);
  if (head == HashToBlock::kNone) {
    by_prefix.Insert(block_stats.prefix_hash, i);  // indexed
    return;
  }
  const auto min_han = static_cast<std::uint32_t>(min_chars);
  std::uint32_t first = head;
  TokenAgreement agreement = AgreeTokens(text, blocks[head].content, block.content);
  if (!agreement.b_ends) {  // else a copy of it, or a cut-short one
    const IdeographPrefix key = HashToIdeograph(text, block.content, min_han);
    if (agreement.b_at < key.end) {
      if (keyed[head] == 0) {
        by_key.Insert(HashToIdeograph(text, blocks[head].content, min_han).hash, head);
        keyed[head] = 1;
      }
      first = by_key.Find(key.hash);
      if (first == HashToBlock::kNone) {
        by_key.Insert(key.hash, i);  // indexed, the first with its tokens that far
        keyed[i] = 1;
        return;
      }
      agreement = AgreeTokens(text, blocks[first].content, block.content);
      // A hash collision with different text counts as a new paragraph, not indexed.
      if (!(agreement.a_ends && agreement.b_ends) && agreement.b_at < key.end) return;
    }
  }
  // The others indexed with those tokens are found by the hash of all their tokens, made
  // only once a paragraph with them comes that is no copy of the first one.
  std::optional<std::uint64_t> hash;
  std::uint32_t same = HashToBlock::kNone;
  if (agreement.a_ends && agreement.b_ends) {
    same = first;
  } else if (unhashed[first] != HashToBlock::kNone) {
    for (std::uint32_t k = unhashed[first]; k < kAllHashed; k = unhashed[k]) {
      by_hash.Insert(HashTokens(text, blocks[k].content), k);
    }
    unhashed[first] = kAllHashed;
    hash = HashTokens(text, block.content);
    same = by_hash.Find(*hash);
    // A hash collision with different text counts as a new paragraph, not indexed.
    if (same != HashToBlock::kNone &&
        !SameTokens(text, blocks[same].content, block.content, false)) {
      return;
    }
  }
  if (same != HashToBlock::kNone) {
    source[i] = static_cast<std::int32_t>(same);
  } else if (agreement.b_ends && !agreement.a_ends) {
    source[i] = static_cast<std::int32_t>(first);
    cut[i] = 1;
  } else {
    // Indexed: by its hash if made, else hashed when needed.
    if (hash) {
      by_hash.Insert(*hash, i);
      if (unhashed[first] == HashToBlock::kNone) unhashed[first] = kAllHashed;
    } else {
      unhashed[i] = unhashed[first];
      unhashed[first] = i;
    }
    return;
  }

  const auto s = static_cast<std::uint32_t>(source[i]);
  if (!runs.empty() && eligible_before[i] == eligible_before[runs.back().last + 1] &&
      Continues(runs.back(), i)) {
    DuplicateRun& run = runs.back();
    for (std::uint32_t k = run.last + 1; k <= i; ++k) in_copy[k] = 1;
    run.last = i;
    run.source_last = s;
    run.cut_short = cut[i] != 0;
    return;
  }
  runs.push_back(DuplicateRun{i, i, s, s, cut[i] != 0});
  in_copy[i] = 1;
}

bool DuplicateParagraphs::State::SameBlock(std::uint32_t a, std::uint32_t b) const {
  return blocks[a].IsProse() && blocks[b].IsProse() &&
         SameTokens(text, blocks[a].content, blocks[b].content, false);
}

// Whether block i continues `run`: its first copy follows the run's first copy (with only
// ignored blocks such as a heading in between), and whatever stands between the run and
// block i repeats what stands between their first copies.
bool DuplicateParagraphs::State::Continues(const DuplicateRun& run, std::uint32_t i) const {
  const auto s = static_cast<std::uint32_t>(source[i]);
  if (cut[run.last] != 0 || s <= run.source_last) return false;
  if (eligible_before[s] != eligible_before[run.source_last + 1]) return false;
  const std::uint32_t gap = i - run.last - 1;
  if (gap == 0) return true;
  if (gap != s - run.source_last - 1) return false;
  for (std::uint32_t k = 1; k <= gap; ++k) {
    if (!SameBlock(run.last + k, run.source_last + k)) return false;
  }
  return true;
}

DuplicateParagraphs::DuplicateParagraphs(const Document& document, int min_chars)
    : state_(std::make_unique<State>(document, min_chars)) {}
DuplicateParagraphs::DuplicateParagraphs(DuplicateParagraphs&&) noexcept = default;
DuplicateParagraphs::~DuplicateParagraphs() = default;

std::optional<DuplicateRun> DuplicateParagraphs::Run(std::size_t n) const {
  State& state = *state_;
  std::lock_guard<std::mutex> lock(state.mutex);
  // The last run may still grow while blocks remain.
  while (state.runs.size() <= n + 1 && state.next < state.blocks.size()) state.Advance();
  if (n >= state.runs.size()) return std::nullopt;
  return state.runs[n];
}

std::uint32_t DuplicateParagraphs::Through(std::uint32_t i) const {
  State& state = *state_;
  std::lock_guard<std::mutex> lock(state.mutex);
  while (state.settled <= i && state.next < state.blocks.size()) state.Advance();
  return state.settled;
}

const BlockStats& DuplicateParagraphs::stats(std::uint32_t i) const { return state_->stats[i]; }

bool DuplicateParagraphs::InCopy(std::uint32_t i) const { return state_->in_copy[i] != 0; }

const DuplicateParagraphs& SharedDuplicateParagraphs(const Document& document, int min_chars) {
  return document.Shared<DuplicateParagraphs>(
      "duplicate-paragraphs/" + std::to_string(min_chars),
      [&] { return DuplicateParagraphs(document, min_chars); });
}

ByteRange BlockDeletion(std::string_view text, ByteRange copy) {
  const std::size_t line_start = LineStartBefore(text, copy.begin);
  // Step back over the blank lines before the copy to the end of the text before it.
  std::size_t p = line_start;
  while (p > 0) {
    const std::size_t previous = LineStartBefore(text, p - 1);  // text[p - 1] ends it
    if (!IsBlankLine(text.substr(previous, p - 1 - previous))) break;
    p = previous;
  }
  if (p > 0) {
    std::size_t end_of_text = p - 1;
    if (end_of_text > 0 && text[end_of_text - 1] == '\r') --end_of_text;
    return ByteRange{end_of_text, copy.end};
  }
  // Nothing before the copy: delete it with the line breaks and blank lines after it.
  std::size_t q = copy.end;
  while (q < text.size()) {
    std::size_t line_end = text.find('\n', q);
    if (line_end == std::string_view::npos) line_end = text.size();
    const bool terminator = line_end < text.size();
    if (q != copy.end && !IsBlankLine(text.substr(q, line_end - q))) break;
    if (!terminator) {
      q = line_end;
      break;
    }
    q = line_end + 1;
  }
  return ByteRange{line_start, q};
}

}  // namespace ocrlint::structure
