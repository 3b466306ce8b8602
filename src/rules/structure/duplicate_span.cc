#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/structure/duplicate_text.h"
#include "rules/structure/structure_rules.h"
#include "text/char_class.h"
#include "text/cpu.h"
#include "text/han_lanes.h"
#include "text/word_break.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint {
namespace {

constexpr int kDefaultMinChars = 16;
constexpr int kDefaultMaxFindings = 1000;

// The ideographs of a winnowing window for a repeat of at least `min_chars`.
constexpr std::uint32_t WindowIdeographs(std::uint32_t min_chars) {
  return std::max<std::uint32_t>(4, min_chars * 5 / 8);
}
// The windows of a winnowing run (w) for the default min-chars.
constexpr std::uint32_t kDefaultW = kDefaultMinChars - WindowIdeographs(kDefaultMinChars) + 1;
// A repeat is a pasted clause, not a shared phrase, when a clause mark inside it has at
// least this many ideographs of the repeat on either side.
constexpr std::uint32_t kClauseSide = 4;

RuleMeta DuplicateSpanMeta() {
  return RuleMeta{
      .id = "duplicate-span",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kSometimes,
      .summary = "A sentence or clause pasted again inside the text",
      .explanation =
          "Reports a span of at least `min-chars` CJK ideographs that repeats earlier text of "
          "the document, compared after ignoring spaces and line breaks and the width of "
          "punctuation: the tail of a paragraph pasted again after it, a sentence of one "
          "article that reappears inside another. A related location points at the first "
          "occurrence. A whole paragraph that repeats is left to duplicate-paragraph.\n\n"
          "Newspaper text repeats some phrases legitimately: a title or deck is taken up in "
          "the body, a meeting name or a reporter's formula recurs. So headings and short "
          "paragraphs without a full stop (titles, bylines, captions, section labels) are not "
          "compared, and a repeat counts only when it crosses a clause (a clause mark inside "
          "it with at least four ideographs on either side) or is a whole clause or sentence "
          "in both places.\n\n"
          "Each repeat is found by winnowing windows of ideographs: of every few consecutive "
          "windows, the one whose first two ideographs hash smallest is looked up by a hash of "
          "the whole window, and a match is extended to its full length: linear in the "
          "document size.\n\n"
          "The fix deletes the later occurrence. It is unsafe: the later copy is sometimes "
          "the one that belongs, and deleting it may leave a clause unfinished. When the later "
          "copy ends its paragraph in the middle of a word that the next paragraph finishes "
          "(a sentence broken at a column end), it is the copy that belongs and no fix is "
          "offered.",
      .bad_examples =
          {
              BadExample(
                  "项目集新科技、新场景于一体，内容涵盖科技运动互动、亲子探索乐园、赛博风格街区等"
                  "多种新业态。据介绍，该项目已进入收尾阶段。\n\n"
                  "她强调，要为文旅资源赋能。要强化\u27E6互动、亲子探索乐园、赛博风格街区等"
                  "多种新业态。据介绍，该项目已进入收尾阶段。\u27E7",
                  "项目集新科技、新场景于一体，内容涵盖科技运动互动、亲子探索乐园、赛博风格街区等"
                  "多种新业态。据介绍，该项目已进入收尾阶段。\n\n"
                  "她强调，要为文旅资源赋能。要强化"),
              BadExample("聚焦城市更新，推进中心城区“北国花城”建设三年行动。\n\n"
                         "以重点项目为载体。\u27E6推进中心城区\"北国花城\"建设三年行动。\u27E7"
                         "加紧推进公园改造。",
                         "聚焦城市更新，推进中心城区“北国花城”建设三年行动。\n\n"
                         "以重点项目为载体。加紧推进公园改造。"),
          },
      .good_examples =
          {
              GoodExample("徐衣显调研环保督查问题整改、“北国花城”建设、隋唐洛阳城中轴线贯通等工作"
                          "\n\n本报讯 13日，市长徐衣显调研环保督查问题整改、“北国花城”建设、"
                          "隋唐洛阳城中轴线贯通等工作。"),
              GoodExample("该区将认真贯彻落实市委十二届五次全会暨市委经济工作会议精神，聚焦重点。"
                          "\n\n全市城管系统将全面贯彻市委十二届五次全会暨市委经济工作会议精神，"
                          "聚力三项重点工作。"),
              GoodExample("洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓\n\n正文。\n\n"
                          "洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓"),
          },
      .options =
          {
              OptionDoc{.name = "min-chars",
                        .type = "int",
                        .default_value = std::to_string(kDefaultMinChars),
                        .description = "the fewest CJK ideographs a repeated span must hold"},
              OptionDoc{.name = "max-findings",
                        .type = "int",
                        .default_value = std::to_string(kDefaultMaxFindings),
                        .description = "stop looking after this many repeats in one document"},
          },
  };
}

// The odd multiplier of the hashes (2^64 over the golden ratio).
constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;

// The positions of the set bits of a byte value, padded with zeros, and their count
// (the baseline x86-64 has no popcnt instruction), in two tables: an entry of 8 bytes is
// found with the scaled index of an address, without a multiplication.
struct BitPositionTables {
  std::array<std::array<std::uint8_t, 8>, 256> positions;
  std::array<std::uint8_t, 256> count;
};
constexpr BitPositionTables kBitPositions = [] {
  BitPositionTables tables{};
  for (std::size_t byte = 0; byte < tables.count.size(); ++byte) {
    std::uint8_t count = 0;
    for (std::uint8_t bit = 0; bit < 8; ++bit) {
      if ((byte >> bit & 1) != 0) tables.positions[byte][count++] = bit;
    }
    tables.count[byte] = count;
  }
  return tables;
}();

#if defined(__SSE2__)
// Writes base + the positions of the set bits of `mask` (8 bits) at offsets[n], and
// returns n + their count. Writes 8 offsets whatever the count, with no branch: the
// offsets of a chunk have room for them.
inline std::uint32_t AppendLeads(std::uint32_t* offsets, std::uint32_t n, std::uint32_t base,
                                 std::uint32_t mask) {
  const __m128i zero = _mm_setzero_si128();
  const __m128i positions = _mm_unpacklo_epi8(
      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kBitPositions.positions[mask].data())),
      zero);
  const __m128i at = _mm_set1_epi32(static_cast<int>(base));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + n),
                   _mm_add_epi32(_mm_unpacklo_epi16(positions, zero), at));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + n + 4),
                   _mm_add_epi32(_mm_unpackhi_epi16(positions, zero), at));
  return n + kBitPositions.count[mask];
}
#endif

#if defined(OCRLINT_AVX2_VARIANTS)
#define OCRLINT_AVX2 __attribute__((target("avx2"), always_inline)) inline
OCRLINT_AVX2 __m256i Load32(const unsigned char* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
OCRLINT_AVX2 __m256i Load16x16(const std::int16_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
// The lead bytes of ideographs (HanLeadLanes32) of the 32 bytes from `bytes`, a bit each.
// Reads bytes[0, 34).
OCRLINT_AVX2 std::uint32_t HanLeads32(const Splat* k, const unsigned char* bytes) {
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(HanLeadLanes32(k, Load32(bytes), Load32(bytes + 1), Load32(bytes + 2))));
}

// The positions of the set bits of `mask` (8 bits), one a lane.
OCRLINT_AVX2 __m256i BitPositions8(std::uint32_t mask) {
  return _mm256_cvtepu8_epi32(
      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kBitPositions.positions[mask].data())));
}

// AppendLeads() with one store of 8 offsets; `base` holds the base in each lane.
OCRLINT_AVX2 std::uint32_t AppendBits8(std::uint32_t* offsets, std::uint32_t n, __m256i base,
                                       std::uint32_t mask) {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(offsets + n),
                      _mm256_add_epi32(BitPositions8(mask), base));
  return n + kBitPositions.count[mask];
}

// The leads of ideographs in a group of kGroupBytes bytes (a bit each) are at least
// three bytes apart, so at most four: the values of a group's ideographs take one shuffle
// of its bytes to 4 lanes of 32 bits, and the table has one for every mask of leads.
constexpr std::uint32_t kGroupBytes = 12;
struct alignas(16) GroupShuffle {
  std::array<std::uint8_t, 16> bytes;
};
struct GroupTables {
  // Lane j takes the bytes p, p + 1, p + 2 of the group and a zero, p the position of the
  // j-th set bit of the mask; the lanes past the leads are zeros.
  std::array<GroupShuffle, 1 << kGroupBytes> shuffle;
  std::array<std::uint8_t, 1 << kGroupBytes> count;  // of the leads, at most 4
};
constexpr GroupTables kGroups = [] {
  constexpr std::uint8_t kZero = 0x80;  // a shuffle index that makes a zero byte
  GroupTables tables{};
  for (std::size_t mask = 0; mask < tables.count.size(); ++mask) {
    std::array<std::uint8_t, 16>& bytes = tables.shuffle[mask].bytes;
    bytes.fill(kZero);
    std::uint8_t lane = 0;
    for (std::uint8_t p = 0; p < kGroupBytes && lane < 4; ++p) {
      if ((mask >> p & 1) == 0) continue;
      for (std::uint8_t b = 0; b < 3; ++b) bytes[4 * lane + b] = p + b;
      ++lane;
    }
    tables.count[mask] = lane;
  }
  return tables;
}();

// Appends the offsets (base + the positions in `lanes`) and the values (see HanValue) of
// the ideographs of the group of kGroupBytes at `group`, whose leads are the set bits of
// `mask`, to offsets[n] and values[n]; returns n + their count. Writes 4 entries, reads
// group[0, 16).
OCRLINT_AVX2 std::uint32_t AppendGroup(const unsigned char* group, std::uint32_t* offsets,
                                       std::uint32_t* values, std::uint32_t n, __m128i base,
                                       std::uint32_t mask) {
  const __m128i shuffle =
      _mm_load_si128(reinterpret_cast<const __m128i*>(kGroups.shuffle[mask].bytes.data()));
  _mm_storeu_si128(
      reinterpret_cast<__m128i*>(values + n),
      _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(group)), shuffle));
  // The first byte of lane j is the position of the j-th lead.
  _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + n),
                   _mm_add_epi32(_mm_and_si128(shuffle, _mm_set1_epi32(0xFF)), base));
  return n + kGroups.count[mask];
}

// AppendGroup() for the 32 bytes from bytes[at], whose leads are the bits of `mask`: groups
// of 12, 12 and 8 bytes; `base` holds `at` in each lane. Reads bytes[at, at + 40).
OCRLINT_AVX2 std::uint32_t AppendLeads32(const unsigned char* bytes, std::size_t at,
                                         std::uint32_t* offsets, std::uint32_t* values,
                                         std::uint32_t n, __m128i base, std::uint32_t mask) {
  constexpr std::uint32_t kGroupMask = (1 << kGroupBytes) - 1;
  const unsigned char* group = bytes + at;
  n = AppendGroup(group, offsets, values, n, base, mask & kGroupMask);
  n = AppendGroup(group + kGroupBytes, offsets, values, n,
                  _mm_add_epi32(base, _mm_set1_epi32(kGroupBytes)),
                  mask >> kGroupBytes & kGroupMask);
  return AppendGroup(group + 2 * kGroupBytes, offsets, values, n,
                     _mm_add_epi32(base, _mm_set1_epi32(2 * kGroupBytes)), mask >> 2 * kGroupBytes);
}
#undef OCRLINT_AVX2

// Appends the offsets of the ideographs of text[i, end) to offsets[n] and their values to
// values[n], 32 bytes at a time while they leave room for 12 more before offsets[room];
// returns where it stopped. The constants come from `k` (kSplats; noipa: the compiler
// must not see them).
[[gnu::noipa]] __attribute__((target("avx2"))) std::size_t LeadsAvx2(
    const Splat* k, const unsigned char* bytes, std::size_t size, std::size_t i, std::size_t end,
    std::uint32_t* offsets, std::uint32_t* values, std::uint32_t& filled, std::uint32_t room) {
  std::uint32_t n = filled;  // a local: the stores through `offsets` might change `filled`
  // The last group reads 16 bytes from the last 8 of the 32: runs of 32 bytes up to
  // `full_end` (no mask of the end, fewer tests a run), then one more that the block's
  // end cuts.
  if (size < 40) return i;
  const std::size_t full_end = std::min(end, size - 8);
  __m128i base = _mm_set1_epi32(static_cast<int>(i));
  while (i + 32 <= full_end && n + 12 <= room) {
    // As many runs as surely leave room (a run adds at most 11 entries), one test a run.
    const std::size_t runs = std::min<std::size_t>((full_end - i) / 32, (room - 12 - n) / 11 + 1);
    for (const std::size_t stop = i + 32 * runs; i < stop; i += 32) {
      n = AppendLeads32(bytes, i, offsets, values, n, base, HanLeads32(k, bytes + i));
      base = _mm_add_epi32(base, _mm_set1_epi32(32));
    }
  }
  if (i < end && i + 40 <= size && n + 12 <= room) {
    const std::uint32_t mask = HanLeads32(k, bytes + i) & ((std::uint32_t{1} << (end - i)) - 1);
    n = AppendLeads32(bytes, i, offsets, values, n, base, mask);
    i += 32;
  }
  filled = n;
  return i;
}

// to[j] = the smaller (kLargest: the larger) of x[j] and y[j], for j < n, 16 at a time:
// writes up to 15 values past n.
template <bool kLargest>
__attribute__((target("avx2"))) void MinMaxAvx2(const std::int16_t* x, const std::int16_t* y,
                                                std::int16_t* to, std::uint32_t n) {
  for (std::uint32_t j = 0; j < n; j += 16) {
    const __m256i a = Load16x16(x + j);
    const __m256i b = Load16x16(y + j);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + j),
                        kLargest ? _mm256_max_epi16(a, b) : _mm256_min_epi16(a, b));
  }
}

// out[j] = the smallest (kLargest: the largest) of in[j, j + kSpan), for j < count, 16
// at a time, each from kSpan reads: fewer steps than the doubling passes for a short span.
// Reads and writes up to 15 values past the ends, as the doubling does.
template <bool kLargest, std::uint32_t kSpan>
__attribute__((target("avx2"))) void SlideAvx2(const std::int16_t* in, std::uint32_t count,
                                               std::int16_t* out) {
  for (std::uint32_t j = 0; j < count; j += 16) {
    __m256i extreme = Load16x16(in + j);
#pragma GCC unroll 16
    for (std::uint32_t t = 1; t < kSpan; ++t) {
      const __m256i next = Load16x16(in + j + t);
      extreme = kLargest ? _mm256_max_epi16(extreme, next) : _mm256_min_epi16(extreme, next);
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + j), extreme);
  }
}

// Appends to `out` (from out[count]) g + j for the lanes j of `low` and `high`, 16 lanes
// of 16 bits each, that are all ones, up to `to`; returns the new count (writes up to 8
// entries past it).
__attribute__((target("avx2"), always_inline)) inline std::uint32_t AppendEqual32(
    __m256i low, __m256i high, std::uint32_t g, std::uint32_t to, std::uint32_t* out,
    std::uint32_t count) {
  // The pack interleaves the halves of its operands: put them back in order.
  const __m256i both = _mm256_permute4x64_epi64(_mm256_packs_epi16(low, high), 0xD8);
  auto mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(both));
  if (to - g < 32) mask &= (std::uint32_t{1} << (to - g)) - 1;
  const __m256i base = _mm256_set1_epi32(static_cast<int>(g));
  // Unrolled: the shifts of the mask take constants.
  count = AppendBits8(out, count, base, mask & 0xFF);
  count = AppendBits8(out, count, _mm256_add_epi32(base, _mm256_set1_epi32(8)), mask >> 8 & 0xFF);
  count = AppendBits8(out, count, _mm256_add_epi32(base, _mm256_set1_epi32(16)), mask >> 16 & 0xFF);
  return AppendBits8(out, count, _mm256_add_epi32(base, _mm256_set1_epi32(24)), mask >> 24);
}

// Writes to `out` the g in [from, to) where keys[g] == largest[g - from], 32 at a time,
// and returns their count (writes up to 8 entries past it).
__attribute__((target("avx2"))) std::size_t EqualAvx2(const std::int16_t* keys,
                                                      const std::int16_t* largest,
                                                      std::uint32_t from, std::uint32_t to,
                                                      std::uint32_t* out) {
  std::uint32_t count = 0;
  for (std::uint32_t g = from; g < to; g += 32) {
    const __m256i low = _mm256_cmpeq_epi16(Load16x16(keys + g), Load16x16(largest + (g - from)));
    const __m256i high =
        _mm256_cmpeq_epi16(Load16x16(keys + g + 16), Load16x16(largest + (g - from + 16)));
    count = AppendEqual32(low, high, g, to, out, count);
  }
  return count;
}

// The largest of in[j, j + kSpan), 16 lanes.
template <std::uint32_t kSpan>
__attribute__((target("avx2"), always_inline)) inline __m256i Largest16(const std::int16_t* in) {
  __m256i largest = Load16x16(in);
#pragma GCC unroll 16
  for (std::uint32_t t = 1; t < kSpan; ++t) largest = _mm256_max_epi16(largest, Load16x16(in + t));
  return largest;
}

// EqualAvx2() with largest[j] the largest of minima[j, j + kSpan), made on the way:
// SlideAvx2<true, kSpan> and EqualAvx2 in one pass. Reads up to kSpan + 31 values past
// minima[to - from].
template <std::uint32_t kSpan>
__attribute__((target("avx2"))) std::size_t SelectAvx2(const std::int16_t* keys,
                                                       const std::int16_t* minima,
                                                       std::uint32_t from, std::uint32_t to,
                                                       std::uint32_t* out) {
  std::uint32_t count = 0;
  for (std::uint32_t g = from; g < to; g += 32) {
    const std::int16_t* runs = minima + (g - from);
    const __m256i low = _mm256_cmpeq_epi16(Load16x16(keys + g), Largest16<kSpan>(runs));
    const __m256i high = _mm256_cmpeq_epi16(Load16x16(keys + g + 16), Largest16<kSpan>(runs + 16));
    count = AppendEqual32(low, high, g, to, out, count);
  }
  return count;
}

__attribute__((target("avx2"), always_inline)) inline __m256i Load8x32(const std::uint32_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// Writes the keys (see KeysAvx2) of 8 values and the values before them to keys[e] and
// their upper halves to short_keys[e].
__attribute__((target("avx2"), always_inline)) inline void Keys8(__m256i values, __m256i before,
                                                                 std::uint32_t* keys,
                                                                 std::int16_t* short_keys,
                                                                 std::uint32_t e) {
  const auto low = _mm256_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(kMultiplier)));
  const auto high = _mm256_set1_epi32(static_cast<int>(kMultiplier >> 32));
  const __m256i even = _mm256_srli_epi64(_mm256_mul_epu32(values, low), 32);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(values, 32), low);
  const __m256i carry = _mm256_blend_epi32(even, odd, 0xAA);
  const __m256i key = _mm256_add_epi32(
      _mm256_add_epi32(_mm256_mullo_epi32(before, low), _mm256_mullo_epi32(values, high)), carry);
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(keys + e), key);
  const __m256i upper = _mm256_srai_epi32(key, 16);
  _mm_storeu_si128(
      reinterpret_cast<__m128i*>(short_keys + e),
      _mm_packs_epi32(_mm256_castsi256_si128(upper), _mm256_extracti128_si256(upper, 1)));
}

// The keys of entries [e, n) as Key() makes them from their values, 8 at a time while
// the arrays have room for 8 more before entry `room`; returns where it stopped, `last`
// the value before it. The last 8 may go past n: their keys past it are written but
// never read as keys (the winnowing ignores what it finds there), and the next read of
// the chunk writes them again. Key(a, b), the upper half of the 64-bit
// product of a:b and the multiplier H:L, is a L + b H + the upper half of b L, modulo 2^32.
__attribute__((target("avx2"))) std::uint32_t KeysAvx2(const std::uint32_t* value_of,
                                                       std::uint32_t e, std::uint32_t n,
                                                       std::uint32_t room, std::uint32_t* keys,
                                                       std::int16_t* short_keys,
                                                       std::uint32_t& last) {
  if (e >= n || e + 8 > room) return e;
  // The values before the first 8: lane j - 1 of them, lane 0 the last one. After those,
  // the values from the entry before, read from memory without a shuffle.
  const __m256i first = Load8x32(value_of + e);
  Keys8(first,
        _mm256_blend_epi32(
            _mm256_permutevar8x32_epi32(first, _mm256_setr_epi32(7, 0, 1, 2, 3, 4, 5, 6)),
            _mm256_set1_epi32(static_cast<int>(last)), 1),
        keys, short_keys, e);
  // e < n and e + 8 <= room in one test.
  const std::uint32_t stop = std::min(n, room - 7);
#pragma GCC unroll 2
  for (e += 8; e < stop; e += 8) {
    Keys8(Load8x32(value_of + e), Load8x32(value_of + e - 1), keys, short_keys, e);
  }
  e = std::min(e, n);
  last = value_of[e - 1];
  return e;
}
#endif

// What Accept needs to know of a repeat: its ideographs, and the ideographs before its
// first clause mark that has at least kClauseSide of them before it.
struct SpanCounts {
  static constexpr std::uint32_t kNoMark = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t han = 0;
  std::uint32_t han_before_mark = kNoMark;  // kNoMark: no such mark
};

// The number of set bits of a 32-bit mask (the baseline x86-64 has no popcnt).
inline std::uint32_t CountBits32(std::uint32_t mask) {
  return kBitPositions.count[mask & 0xFF] + kBitPositions.count[mask >> 8 & 0xFF] +
         kBitPositions.count[mask >> 16 & 0xFF] + kBitPositions.count[mask >> 24];
}

// Adds the tokens of text[i, end), which starts with a whole character, to `counts`.
inline void CountSpanTokens(std::string_view text, std::size_t i, std::size_t end,
                            SpanCounts& counts) {
  while (i < end) {
    if (structure::StartsCommonHan(text, i, end)) {  // most tokens
      ++counts.han;
      i += 3;
      continue;
    }
    const structure::Token t = structure::NextToken(text, i, end);
    if (t.value == 0) return;
    if (IsHan(t.value)) {
      ++counts.han;
    } else if (structure::IsClauseMark(t.value) && counts.han >= kClauseSide &&
               counts.han_before_mark == SpanCounts::kNoMark) {
      counts.han_before_mark = counts.han;
    }
    i = t.end;
  }
}

#if defined(OCRLINT_AVX2_VARIANTS)
#define OCRLINT_AVX2 __attribute__((target("avx2"), always_inline)) inline
OCRLINT_AVX2 __m256i Either(__m256i x, __m256i y) { return _mm256_or_si256(x, y); }
OCRLINT_AVX2 __m256i Both(__m256i x, __m256i y) { return _mm256_and_si256(x, y); }
// The lanes of the 32 bytes of `b0` (`b1`, `b2`: the bytes one and two further on) that
// start a clause mark (structure::IsClauseMark after NextToken's mapping): , ; ! ? : in
// ASCII or full width (EF BC 8C, 9B, 81, 9F, 9A), and 。 (E3 80 82).
OCRLINT_AVX2 __m256i ClauseMarkLanes32(const Splat* k, __m256i b0, __m256i b1, __m256i b2) {
  const __m256i ascii = Either(Either(Either(Eq32(k, b0, ','), Eq32(k, b0, ';')),
                                      Either(Eq32(k, b0, '!'), Eq32(k, b0, '?'))),
                               Eq32(k, b0, ':'));
  const __m256i full_width_mark = Either(Either(Either(Eq32(k, b2, 0x8C), Eq32(k, b2, 0x9B)),
                                                Either(Eq32(k, b2, 0x81), Eq32(k, b2, 0x9F))),
                                         Eq32(k, b2, 0x9A));
  const __m256i full_width = Both(Both(Eq32(k, b0, 0xEF), Eq32(k, b1, 0xBC)), full_width_mark);
  const __m256i full_stop = Both(Both(Eq32(k, b0, 0xE3), Eq32(k, b1, 0x80)), Eq32(k, b2, 0x82));
  return Either(ascii, Either(full_width, full_stop));
}
#undef OCRLINT_AVX2

// CountSpanTokens() for text[i, end), 32 bytes at a time from `i` (a character boundary)
// while they and the 2 after them are in the text; returns where it stopped, a character
// boundary. `k`: kSplats (noipa: the compiler must not see the constants behind it).
[[gnu::noipa]] __attribute__((target("avx2"))) std::size_t CountSpanAvx2(
    const Splat* k, std::string_view text, std::size_t i, std::size_t end, SpanCounts& counts) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Until the first clause mark with kClauseSide ideographs before it: masks of the marks
  // and the ideographs.
  for (; i < end && i + 34 <= text.size() && counts.han_before_mark == SpanCounts::kNoMark;
       i += 32) {
    const __m256i b0 = Load32(bytes + i);
    const __m256i b1 = Load32(bytes + i + 1);
    const __m256i b2 = Load32(bytes + i + 2);
    // Characters that start in the span end in it: `end` is a character boundary.
    const std::uint32_t inside =
        end - i < 32 ? (std::uint32_t{1} << (end - i)) - 1 : ~std::uint32_t{0};
    const std::uint32_t han =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(HanLeadLanes32(k, b0, b1, b2))) & inside;
    std::uint32_t marks =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(ClauseMarkLanes32(k, b0, b1, b2))) & inside;
    for (; marks != 0; marks &= marks - 1) {
      const std::uint32_t before =
          counts.han + CountBits32(han & ((std::uint32_t{1} << std::countr_zero(marks)) - 1));
      if (before >= kClauseSide) {
        counts.han_before_mark = before;
        break;
      }
    }
    counts.han += CountBits32(han);
  }
  // Then only the ideographs, summed in byte lanes.
  const __m256i lanes =
      _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                       22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
  __m256i sums = _mm256_setzero_si256();  // four 64-bit sums
  for (; i < end && i + 34 <= text.size(); i += 32) {
    __m256i han =
        HanLeadLanes32(k, Load32(bytes + i), Load32(bytes + i + 1), Load32(bytes + i + 2));
    if (end - i < 32) {
      han = _mm256_and_si256(
          han, _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(end - i)), lanes));
    }
    sums = _mm256_add_epi64(
        sums, _mm256_sad_epu8(_mm256_and_si256(han, Set32(k, 1)), _mm256_setzero_si256()));
  }
  std::uint64_t sum[4];
  std::memcpy(sum, &sums, sizeof sum);
  counts.han += static_cast<std::uint32_t>(sum[0] + sum[1] + sum[2] + sum[3]);
  // Past the end, or inside a character that straddles the last 32 bytes: go on after it.
  while (i < end && (bytes[i] & 0xC0) == 0x80) ++i;
  return i;
}
#endif

// The counts of the span text[i, end), whose ends are character boundaries.
inline SpanCounts CountSpan(std::string_view text, std::size_t i, std::size_t end,
                            [[maybe_unused]] bool avx2) {
  SpanCounts counts;
#if defined(OCRLINT_AVX2_VARIANTS)
  if (avx2) i = CountSpanAvx2(kSplats.data(), text, i, end, counts);
#endif
  CountSpanTokens(text, std::min(i, end), end, counts);
  return counts;
}

// Whether text[i] (a character's start) starts a character of three bytes that is a token
// of its own, and the only one its bytes make: all but those that structure::NextToken's
// normalisation drops (U+3000, U+200B-200D, U+FEFF) or reads as the same as another (the
// curly quotes and ＂＇, read as straight quotes). Two such characters are the same token
// exactly when their bytes are the same. Most characters where copies start, end or part
// are such (ideographs, ，。、：“——” and the like): they need no decoding.
inline bool IsPlain(std::string_view text, std::size_t i) {
  // Valid UTF-8: the two bytes after a lead of three are there.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  if (static_cast<unsigned char>(p[0] - 0xE4) <= 0xEE - 0xE4) return true;  // U+4000-EFFF
  switch (p[0]) {
    case 0xE0:
    case 0xE1:
      return true;
    case 0xE2:  // U+200B-200D, U+2018-2019, U+201C-201D
      return p[1] != 0x80 || !((p[2] >= 0x8B && p[2] <= 0x8D) || p[2] == 0x98 || p[2] == 0x99 ||
                               p[2] == 0x9C || p[2] == 0x9D);
    case 0xE3:  // U+3000
      return p[1] != 0x80 || p[2] != 0x80;
    case 0xEF:  // U+FEFF, U+FF02, U+FF07
      return !((p[1] == 0xBB && p[2] == 0xBF) || (p[1] == 0xBC && (p[2] == 0x82 || p[2] == 0x87)));
    default:
      return false;
  }
}

// The token (structure::Token::value) of a character that IsPlain.
inline char32_t PlainValue(std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const char32_t c = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;  // full-width ASCII forms
}

// The length of the longest run of whole tokens, ending where a token ends, that
// text[a, a + limit) and text[b, b + limit) start with byte for byte. It counts no
// ideographs: the repeat counts them once it is whole (CountSpan).
inline std::size_t EqualRun(std::string_view text, std::size_t a, std::size_t b,
                            std::size_t limit) {
  const std::size_t equal = structure::CommonPrefix(text.data() + a, text.data() + b, limit,
                                                    text.size() - std::max(a, b));
  // The whole characters of the equal bytes: a character that differs after its first
  // bytes is not part of the run.
  std::size_t lead = equal;
  while (lead > 0 && (static_cast<unsigned char>(text[a + lead - 1]) & 0xC0) == 0x80) --lead;
  std::size_t whole = equal;
  if (lead > 0) {
    std::size_t length = 1;
    structure::DecodeValid(text, a + lead - 1, length);
    if (lead - 1 + length > equal) whole = lead - 1;
  }
  // The run ends with its last token that is not dropped (whitespace): mostly an
  // ideograph or another plain character.
  if (whole >= 3 && IsPlain(text, a + whole - 3)) return whole;
  const structure::Token last = structure::PreviousToken(text, a + whole, a);
  return last.value == 0 ? 0 : last.end - a;
}

// Open-addressing map from a fingerprint to the first byte offset where it was seen. A
// slot packs the fingerprint's upper 32 bits with the offset + 1, 8 bytes per entry:
// colliding fingerprints just propose a candidate that the comparison then rejects.
class FingerprintTable {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  // Starts with room for `expected` fingerprints, at most kMaxInitialSlots, and doubles
  // (any slot count works: the index is a fixed-point multiply, not a mask): the scan
  // stops at max-findings, in a document full of repeats long before its end, and the
  // table holds only the fingerprints of what it scanned.
  explicit FingerprintTable(std::size_t expected) {
    Resize(std::clamp<std::size_t>(expected * kLoadDenominator / kLoadNumerator + 1, 1024,
                                   kMaxInitialSlots));
  }

  // The table keys on the lower 32 bits of a fingerprint.
  static std::uint32_t Tag(std::uint64_t fingerprint) {
    return static_cast<std::uint32_t>(fingerprint);
  }
  std::size_t Index(std::uint64_t fingerprint) const {
    const std::uint32_t tag = Tag(fingerprint);
    return static_cast<std::size_t>((std::uint64_t{tag} * count_) >> 32);
  }
  void Prefetch(std::size_t index) const { __builtin_prefetch(&slots_[index]); }
  // Whether the slots are few enough to stay in the cache (256 KB), where prefetching
  // them gains nothing.
  bool Small() const { return count_ <= kSmallSlots; }

  // Makes room for `more` fingerprints: the table does not grow while they are inserted,
  // so that the indexes computed for them (to prefetch their slots) stay valid.
  void Reserve(std::size_t more) {
    std::size_t count = count_;
    while (size_ + more > count * kLoadNumerator / kLoadDenominator) count *= 2;
    if (count != count_) Resize(count);
  }

  // The offset stored for `fingerprint`, whose Index() is `index`; kNone after storing
  // `offset` for it. Takes room that Reserve() made.
  std::uint32_t FindOrInsert(std::size_t index, std::uint64_t fingerprint, std::uint32_t offset) {
    const std::uint32_t tag = Tag(fingerprint);
    for (std::size_t i = index;; i = i + 1 == count_ ? 0 : i + 1) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) {
        slots_[i] = Pack(tag, offset);
        ++size_;
        return kNone;
      }
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        return static_cast<std::uint32_t>(slot) - 1;
      }
    }
  }

 private:
  // At most 3/4 full: linear probing slows down fast beyond that.
  static constexpr std::size_t kLoadNumerator = 3;
  static constexpr std::size_t kLoadDenominator = 4;
  static constexpr std::size_t kMaxInitialSlots = std::size_t{1} << 16;
  static constexpr std::size_t kSmallSlots = std::size_t{1} << 15;

  static std::uint64_t Pack(std::uint32_t tag, std::uint32_t offset) {
    return (std::uint64_t{tag} << 32) | (std::uint64_t{offset} + 1);
  }
  void Resize(std::size_t count) {
    std::unique_ptr<std::uint64_t[]> old = std::make_unique<std::uint64_t[]>(count);  // zeros
    old.swap(slots_);
    const std::size_t old_count = std::exchange(count_, count);
    for (std::size_t j = 0; j < old_count; ++j) {
      const std::uint64_t slot = old[j];
      if (slot == 0) continue;
      std::size_t i = Index(slot >> 32);
      while (slots_[i] != 0) i = i + 1 == count_ ? 0 : i + 1;
      slots_[i] = slot;
    }
  }

  // The slots and their count, kept apart: a vector's size() is a subtraction and a shift
  // at each of the two or three uses of every lookup.
  std::unique_ptr<std::uint64_t[]> slots_;
  std::size_t count_ = 0;
  std::size_t size_ = 0;
};

// A repeat: the later occurrence and the first one, and the blocks they are in.
struct Repeat {
  ByteRange later;
  ByteRange first;
  const Block* later_block = nullptr;
  const Block* first_block = nullptr;
  std::uint32_t han = 0;  // ideographs in each occurrence (0 if too short to be a repeat)
  // The ideographs before the first clause mark with kClauseSide of them before it
  // (SpanCounts).
  std::uint32_t han_before_mark = SpanCounts::kNoMark;
};

class DuplicateSpanRule final : public Rule {
 public:
  DuplicateSpanRule(int min_chars, int max_findings)
      : min_chars_(static_cast<std::uint32_t>(min_chars)),
        max_findings_(max_findings),
        // Winnowing guarantee: every repeat of k + w - 1 ideographs shares a fingerprint.
        k_(WindowIdeographs(min_chars_)),
        w_(min_chars_ - k_ + 1) {
    constexpr std::uint32_t kMessages = 256;
    messages_.reserve(kMessages);
    for (std::uint32_t han = min_chars_; han < min_chars_ + kMessages; ++han) {
      messages_.push_back(MessageFor(han));
    }
  }

  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    // Offsets are stored in 32 bits.
    if (text.size() >= FingerprintTable::kNone) return;
    const structure::DuplicateParagraphs& paragraphs =
        structure::SharedDuplicateParagraphs(document, static_cast<int>(min_chars_));
    const auto blocks = document.blocks();
    // Winnowing selects about 2 of every w + 1 windows; an ideograph takes three bytes.
    const std::size_t expected = text.size() / 3 * 2 / (w_ + 1);
    Scan scan{document, text, sink, FingerprintTable(expected), Chunk()};
#if defined(OCRLINT_AVX2_VARIANTS)
    scan.avx2 = HasAvx2();
#endif
    scan.capacity = blocks.size();
    scan.scanned = std::make_unique_for_overwrite<std::uint32_t[]>(2 * scan.capacity);
    // The paragraph analysis goes only as far as this scan, which stops at max-findings.
    std::uint32_t analysed = 0;
    for (std::uint32_t i = 0; i < blocks.size() && scan.reported < max_findings_; ++i) {
      if (i >= analysed) analysed = paragraphs.Through(i);
      if (Compared(blocks[i], paragraphs.stats(i)) && !paragraphs.InCopy(i)) ScanBlock(scan, i);
    }
  }

 private:
  // A chunk of a block's ideographs: their offsets and the keys of the pairs of
  // ideographs that end with them (the pair that starts a window is its key), and room
  // for the winnowing.
  struct Chunk {
    static constexpr std::uint32_t kSize = 2048;
    // Room before and after the entries, for the winnowing's reads past them.
    static constexpr std::uint32_t kPad = 128;
    static constexpr std::uint32_t kRoom = kPad + kSize + 2 * kPad;
    // Written before they are read: left uninitialised (a check makes them for each
    // document, and zeroing them costs as much as reading a small one).
    std::unique_ptr<std::uint32_t[]> offsets =
        std::make_unique_for_overwrite<std::uint32_t[]>(kSize);
    std::unique_ptr<std::uint32_t[]> keys = std::make_unique_for_overwrite<std::uint32_t[]>(kSize);
    // The values of the entries that LeadsAvx2 read, for KeysAvx2.
    std::unique_ptr<std::uint32_t[]> values =
        std::make_unique_for_overwrite<std::uint32_t[]>(kSize);
    // The upper 16 bits of the keys, which the winnowing compares.
    // The winnowing reads and writes past the entries it uses: what it finds there goes
    // only into results past their ends, which it ignores, so these start uninitialised too.
    std::unique_ptr<std::int16_t[]> short_keys =
        std::make_unique_for_overwrite<std::int16_t[]>(kRoom);
    // The smallest key of each run of w windows (at kPad + its first window), and three
    // rows of scratch space.
    std::unique_ptr<std::int16_t[]> minima = std::make_unique_for_overwrite<std::int16_t[]>(kRoom);
    std::unique_ptr<std::int16_t[]> scratch =
        std::make_unique_for_overwrite<std::int16_t[]>(3 * kRoom);
    std::uint32_t last_value = 0;  // the value (see HanValue) of the last ideograph read
  };

  // A selected window: no member initialisers, so that an array of them starts
  // uninitialised.
  struct Window {
    std::uint64_t fingerprint;
    std::uint32_t offset;  // of its first ideograph
    std::uint32_t index;   // of its slot in the fingerprint table
  };

  // The windows whose fingerprints are made and their slots prefetched before they are
  // looked up.
  static constexpr std::size_t kLookupBatch = 64;

  // The state of one check.
  struct Scan {
    const Document& document;
    std::string_view text;
    DiagnosticSink& sink;
    FingerprintTable table;
    Chunk chunk;
    // The windows of a chunk to look up: their chunk entries (and room for 8 more, see
    // EqualAvx2), then their fingerprints and the offsets of their first ideographs
    // (uninitialised, as the chunk's entries).
    std::unique_ptr<std::uint32_t[]> windows =
        std::make_unique_for_overwrite<std::uint32_t[]>(Chunk::kSize + 8);
    std::unique_ptr<Window[]> selected = std::make_unique_for_overwrite<Window[]>(kLookupBatch);
    std::optional<WordSegmenter> segmenter = std::nullopt;  // for RunsOn
    std::string joined = std::string();                     // RunsOn's window, reused
    bool avx2 = false;        // whether ReadIdeographs takes its AVX2 variants
    std::uint32_t block = 0;  // the index of the block being scanned
    // The blocks scanned so far, in order: where each begins (Block::range.begin), in the
    // first `capacity` values, and its index, in the next ones: BlockAt searches a small
    // contiguous array. Room for every block of the document, uninitialised.
    std::unique_ptr<std::uint32_t[]> scanned = nullptr;
    std::size_t capacity = 0;
    std::size_t scanned_count = 0;
    std::size_t skip_until = 0;  // inside a reported repeat
    // The last repeat rejected, to try it only once from each of its fingerprints.
    std::size_t rejected_end = 0;
    std::int64_t rejected_shift = 0;
    int reported = 0;
  };

  bool Compared(const Block& block, const structure::BlockStats& stats) const {
    const bool prose = block.kind == BlockKind::kParagraph || block.kind == BlockKind::kListItem ||
                       block.kind == BlockKind::kBlockQuote;
    return prose && stats.han >= min_chars_ && !structure::IsHeadingLike(block, stats);
  }

  // Winnows the windows of k ideographs of the block by a cheap key, the mixed pair of
  // ideographs at each window's start: a window is selected when its key is the smallest
  // among some w consecutive windows, and only a selected window's fingerprint, made of
  // the keys of its pairs, is computed and looked up. A repeat of k + w - 1 ideographs
  // holds w whole windows with the same keys in both places, so both select the same
  // windows. The block is read in chunks of ideographs: their offsets and keys, then the
  // selection, a few passes of vector minima and maxima over arrays (this runs for every
  // ideograph of the document), then the selected windows' fingerprints and lookups.
  void ScanBlock(Scan& scan, std::uint32_t block_index) const {
    scan.block = block_index;
    const Block& block = scan.document.blocks()[block_index];
    scan.scanned[scan.scanned_count] = static_cast<std::uint32_t>(block.range.begin);
    scan.scanned[scan.capacity + scan.scanned_count] = block_index;
    ++scan.scanned_count;
    const ByteRange content = block.content;
    Chunk& chunk = scan.chunk;
    // Ideographs are numbered from the block's start; chunk entry e holds number
    // chunk_base + e. Windows are numbered by their first ideograph.
    std::uint32_t chunk_base = 0;
    std::uint32_t filled = 0;   // ideographs read
    std::uint32_t decided = 0;  // the first window of the chunk whose selection is open
    std::size_t i = content.begin;
    for (;;) {
      i = ReadIdeographs(scan.text, i, content.end, chunk, chunk_base, filled, scan.avx2);
      const bool last_chunk = i >= content.end;
      const std::uint32_t entries = filled - chunk_base;
      const std::uint32_t windows = entries >= k_ ? entries - k_ + 1 : 0;
      // Runs of w windows, numbered by their first one.
      const std::uint32_t runs = windows >= w_ ? windows - w_ + 1 : 0;
      if (runs == 0) return;  // a block of fewer than min-chars ideographs
      // Window g is decided when every run that holds it is known: runs up to g, or all
      // the block's runs.
      const std::uint32_t decide_end = last_chunk ? windows : runs;
      const std::size_t selected =
          Select(chunk, decided, decide_end, runs, scan.windows.get(), scan.avx2);
      LookupSelected(scan, selected);
      if (last_chunk || scan.reported >= max_findings_) return;
      // The next chunk starts with the entries of the runs that hold the open windows:
      // from decide_end - w + 1 on, k + 2w - 3 entries.
      const std::uint32_t from = decide_end - (w_ - 1);
      const std::uint32_t keep = entries - from;
      std::copy_n(chunk.offsets.get() + from, keep, chunk.offsets.get());
      std::copy_n(chunk.keys.get() + from, keep, chunk.keys.get());
      std::copy_n(chunk.short_keys.get() + from, keep, chunk.short_keys.get());
      chunk_base += from;
      decided = w_ - 1;
    }
  }

  // Writes to `out` the windows in [from, to) whose key is the smallest of a run of w
  // windows that holds them (of the runs [0, runs)), in order, and returns their count.
  // The smallest key of each run, then the largest of these over the runs that hold each
  // window: a window is the smallest of a run exactly when its key equals that.
  std::size_t Select(Chunk& chunk, std::uint32_t from, std::uint32_t to, std::uint32_t runs,
                     std::uint32_t* out, bool avx2) const {
    constexpr std::uint32_t kPad = Chunk::kPad;
    // The key of window g is that of the pair ending with ideograph g + 1.
    const std::int16_t* window_keys = chunk.short_keys.get() + 1;
    std::int16_t* minima = chunk.minima.get();
    std::int16_t* scratch = chunk.scratch.get();
    Slide<false>(window_keys, runs, w_, minima + kPad, scratch, scratch + Chunk::kRoom, avx2);
    // No run before the first or after the last: the neutral value of the maxima.
    constexpr std::int16_t kLowest = std::numeric_limits<std::int16_t>::min();
#if defined(__SSE2__)
    if (w_ - 1 <= 8) {  // one store each, the first one ending where the minima start
      const __m128i lowest = _mm_set1_epi16(kLowest);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(minima + kPad - 8), lowest);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(minima + kPad + runs), lowest);
    } else
#endif
    {
      std::fill_n(minima + kPad - (w_ - 1), w_ - 1, kLowest);
      std::fill_n(minima + kPad + runs, w_ - 1, kLowest);
    }
    // The runs that hold window g are [g - w + 1, g]: the maxima go to the scratch rows.
#if defined(OCRLINT_AVX2_VARIANTS)
    if (avx2 && w_ == kDefaultW) {
      return SelectAvx2<kDefaultW>(window_keys, minima + kPad + from - (w_ - 1), from, to, out);
    }
#endif
    std::int16_t* largest = scratch + 2 * Chunk::kRoom;
    Slide<true>(minima + kPad + from - (w_ - 1), to - from, w_, largest, scratch,
                scratch + Chunk::kRoom, avx2);
#if defined(OCRLINT_AVX2_VARIANTS)
    if (avx2) return EqualAvx2(window_keys, largest, from, to, out);
#endif
    std::size_t count = 0;
#if defined(__SSE2__)
    for (std::uint32_t g = from; g < to; g += 16) {
      const auto load = [](const std::int16_t* p) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      };
      const __m128i low = _mm_cmpeq_epi16(load(window_keys + g), load(largest + (g - from)));
      const __m128i high =
          _mm_cmpeq_epi16(load(window_keys + g + 8), load(largest + (g - from + 8)));
      auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(low, high)));
      if (to - g < 16) mask &= (std::uint32_t{1} << (to - g)) - 1;
      for (; mask != 0; mask &= mask - 1) out[count++] = g + std::countr_zero(mask);
    }
#else
    for (std::uint32_t g = from; g < to; ++g) {
      out[count] = g;
      count += window_keys[g] == largest[g - from] ? 1 : 0;
    }
#endif
    return count;
  }

  // out[j] = the smallest (kLargest: largest) of in[j, j + span), for j < count, by
  // doubling: minima of 2, 4, ... values, then two overlapping ones of the largest power
  // of two up to span. Reads and writes up to 16 values past the ends (the chunk's room).
  template <bool kLargest>
  static void Slide(const std::int16_t* in, std::uint32_t count, std::uint32_t span,
                    std::int16_t* out, std::int16_t* scratch_a, std::int16_t* scratch_b,
                    [[maybe_unused]] bool avx2) {
#if defined(OCRLINT_AVX2_VARIANTS)
    // The runs of the default min-chars: one pass.
    if (avx2 && span == kDefaultW) return SlideAvx2<kLargest, kDefaultW>(in, count, out);
#endif
    const auto apply = [avx2](const std::int16_t* x, const std::int16_t* y, std::int16_t* to,
                              std::uint32_t n) {
#if defined(OCRLINT_AVX2_VARIANTS)
      if (avx2) return MinMaxAvx2<kLargest>(x, y, to, n);
#endif
#if defined(__SSE2__)
      for (std::uint32_t j = 0; j < n; j += 8) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x + j));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + j));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(to + j),
                         kLargest ? _mm_max_epi16(a, b) : _mm_min_epi16(a, b));
      }
#else
      for (std::uint32_t j = 0; j < n; ++j) {
        to[j] = kLargest ? std::max(x[j], y[j]) : std::min(x[j], y[j]);
      }
#endif
    };
    const std::int16_t* current = in;  // values of `covered` inputs each
    std::uint32_t covered = 1;
    std::int16_t* next = scratch_a;
    for (; covered * 2 <= span; covered *= 2) {
      apply(current, current + covered, next, count + span - 2 * covered);
      current = next;
      next = next == scratch_a ? scratch_b : scratch_a;
    }
    apply(current, current + (span - covered), out, count);
  }

  // The key of the pair of ideographs a, b: a multiplicative hash, whose upper bits depend
  // on all bits of both.
  static std::uint32_t Key(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::uint32_t>((((std::uint64_t{a} << 32) | b) * kMultiplier) >> 32);
  }

  // The fingerprint of the window of k ideographs whose chunk entries' keys start at
  // `keys`: the keys of the pairs that end with its 2nd, 4th, ... ideograph (and with the
  // last one when k is odd) cover them all. Two keys go into each multiplication.
  static std::uint64_t Fingerprint(const std::uint32_t* keys, std::uint32_t k) {
    std::uint64_t hash = 0;
    std::uint32_t d = 1;
    for (; d + 2 < k; d += 4) {
      hash = (hash ^ keys[d] ^ (std::uint64_t{keys[d + 2]} << 32)) * kMultiplier;
    }
    if (d < k) hash = (hash ^ keys[d]) * kMultiplier;
    if (k % 2 == 1) hash = (hash ^ keys[k - 1]) * kMultiplier;
    return hash >> 32 | hash << 32;  // FingerprintTable keys on the lower, well mixed, half
  }

  // The fingerprints, offsets and table indexes of the windows of chunk entries
  // `windows`, whose slots it prefetches; a non-zero kK is k, known when compiled.
  template <std::uint32_t kK = 0>
  [[gnu::noinline]] static void FingerprintWindows(const std::uint32_t* windows, std::size_t count,
                                                   const std::uint32_t* keys,
                                                   const std::uint32_t* offsets,
                                                   const FingerprintTable& table, Window* out,
                                                   std::uint32_t k = kK) {
    for (std::size_t j = 0; j < count; ++j) {
      const std::uint32_t e = windows[j];
      const std::uint64_t fingerprint = Fingerprint(keys + e, kK != 0 ? kK : k);
      const auto index = static_cast<std::uint32_t>(table.Index(fingerprint));
      table.Prefetch(index);
      out[j] = Window{fingerprint, offsets[e], index};
    }
  }

  // Appends the ideographs of text[i, end) to the chunk, their offsets and keys, until it
  // is nearly full, and returns where it stopped. Two passes: the offsets (with AVX2 the
  // values too), without a branch per ideograph, then the keys, a loop the processor
  // predicts.
  static std::size_t ReadIdeographs(std::string_view text, std::size_t i, std::size_t end,
                                    Chunk& chunk, std::uint32_t chunk_base, std::uint32_t& filled,
                                    [[maybe_unused]] bool avx2) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::uint32_t* offsets = chunk.offsets.get();
    const std::uint32_t start = filled - chunk_base;
    std::uint32_t n = start;
    [[maybe_unused]] std::uint32_t with_values = start;  // entries [start, this) have values
#if defined(OCRLINT_AVX2_VARIANTS)
    if (avx2) {
      i = LeadsAvx2(kSplats.data(), bytes, text.size(), i, end, offsets, chunk.values.get(), n,
                    Chunk::kSize);
      with_values = n;
    }
#endif
#if defined(__SSE2__)
    // 16 bytes at a time: a mask of the lead bytes of ideographs (HanLeads reads 2 bytes
    // past the 16), then the offsets of each half.
    for (; i + 19 <= text.size() && i < end && n + 16 <= Chunk::kSize; i += 16) {
      std::uint32_t mask = HanLeads(bytes + i);
      if (end - i < 16) mask &= (std::uint32_t{1} << (end - i)) - 1;
      n = AppendLeads(offsets, n, static_cast<std::uint32_t>(i), mask & 0xFF);
      n = AppendLeads(offsets, n, static_cast<std::uint32_t>(i + 8), mask >> 8);
    }
#endif
    for (; i < end && n < Chunk::kSize; ++i) {
      // Anything but a lead byte of three or four (ASCII, a continuation byte, the lead of
      // two bytes) is skipped: `i` may start in the middle of a character.
      if (bytes[i] < 0xE0) continue;
      std::size_t length = 1;
      const char32_t c = structure::DecodeValid(text, i, length);
      if (!IsHan(c) || length > text.size() - i) continue;
      offsets[n++] = static_cast<std::uint32_t>(i);
    }
    // The key of the first ideograph of a block (its pair with the last ideograph of the
    // block before) is in no window's fingerprint.
    std::uint32_t last = chunk.last_value;
    std::uint32_t* keys = chunk.keys.get();
    std::int16_t* short_keys = chunk.short_keys.get();
    std::uint32_t e = start;
#if defined(OCRLINT_AVX2_VARIANTS)
    if (avx2) {
      e = KeysAvx2(chunk.values.get(), e, with_values, Chunk::kSize, keys, short_keys, last);
    }
#endif
    for (; e < n; ++e) {
      const std::uint32_t value = HanValue(text, offsets[e]);
      const std::uint32_t key = Key(last, value);
      keys[e] = key;
      short_keys[e] = static_cast<std::int16_t>(key >> 16);
      last = value;
    }
    chunk.last_value = last;
    filled = chunk_base + n;
    return i;
  }

  // The value an ideograph stands for in the keys: its first three UTF-8 bytes, the first
  // one lowest (the rare ideographs of four bytes share theirs by 64: the comparison tells
  // them apart).
  static std::uint32_t HanValue(std::string_view text, std::size_t at) {
    const auto* lead = reinterpret_cast<const unsigned char*>(text.data()) + at;
    if (at + 4 > text.size()) return lead[0] | lead[1] << 8 | lead[2] << 16;
    std::uint32_t bytes = 0;
    std::memcpy(&bytes, lead, sizeof bytes);
    if constexpr (std::endian::native == std::endian::big) bytes = __builtin_bswap32(bytes);
    return bytes & 0xFFFFFF;
  }

#if defined(__SSE2__)
  // Bit j is set where bytes[j] leads an ideograph (HanLeadLanes16). Reads bytes[0, 18).
  static std::uint32_t HanLeads(const unsigned char* bytes) {
    const auto load = [](const unsigned char* p) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    };
    return static_cast<std::uint32_t>(
        _mm_movemask_epi8(HanLeadLanes16(load(bytes), load(bytes + 1), load(bytes + 2))));
  }
#endif

  // Looks up the `count` selected windows (scan.windows) in order. A small table straight
  // from the chunk (LookupDirect); a large one, which does not fit in the cache, in
  // batches: the fingerprints of a batch, with their slots prefetched, then their lookups,
  // which find the slots in the cache. (Batches of 16 that skip the windows of a repeat
  // reported in an earlier batch cost more than they saved, for the small tables too; so
  // did the table's slots and count held in locals for the loop, and an inner loop up to
  // the next hit without a call: the fingerprint's work, not the loop, is most of the
  // cost, and the registers they free are taken by other values.)
  void LookupSelected(Scan& scan, std::size_t count) const {
    constexpr std::size_t kBatch = kLookupBatch;
    scan.table.Reserve(count);  // the indexes stay valid
    // Raw pointers in locals: the compiler would load each again after every store.
    const std::uint32_t* windows = scan.windows.get();
    const std::uint32_t* keys = scan.chunk.keys.get();
    const std::uint32_t* offsets = scan.chunk.offsets.get();
    // The windows of the default min-chars take a copy of the loops with the
    // fingerprint's steps unrolled: they run for about a quarter of the ideographs.
    constexpr std::uint32_t kDefaultK = WindowIdeographs(kDefaultMinChars);
    if (scan.table.Small()) {
      if (k_ == kDefaultK) {
        LookupDirect<kDefaultK>(scan, windows, count, keys, offsets);
      } else {
        LookupDirect(scan, windows, count, keys, offsets, k_);
      }
      return;
    }
    Window* selected = scan.selected.get();
    for (std::size_t from = 0; from < count; from += kBatch) {
      const std::size_t batch = std::min(kBatch, count - from);
      if (k_ == kDefaultK) {
        FingerprintWindows<kDefaultK>(windows + from, batch, keys, offsets, scan.table, selected);
      } else {
        FingerprintWindows(windows + from, batch, keys, offsets, scan.table, selected, k_);
      }
      if (!LookupBatch(scan, selected, batch)) return;
    }
  }

  // Looks up the windows of a batch in order; returns false when it stopped at
  // max-findings. A loop of its own (noinline), with the rare candidates out of line: in
  // the check, which inlines the rest, its variables would not stay in registers.
  [[gnu::noinline]] bool LookupBatch(Scan& scan, const Window* windows, std::size_t count) const {
    FingerprintTable& table = scan.table;
    for (std::size_t j = 0; j < count; ++j) {
      const Window& window = windows[j];
      if (window.offset < scan.skip_until) continue;
      const std::uint32_t first =
          table.FindOrInsert(window.index, window.fingerprint, window.offset);
      if (first == FingerprintTable::kNone) continue;
      if (Candidate(scan, first, window.offset) && scan.reported >= max_findings_) {
        return false;
      }
    }
    return true;
  }

  // LookupBatch() for a small table (FingerprintTable::Small), straight from the chunk:
  // each window is fingerprinted when it is looked up, and not at all when it starts in a
  // reported repeat: those are passed over by a search, after each repeat reported (and
  // at the start, for one reported in the chunk before). A non-zero kK is k, known when
  // compiled.
  template <std::uint32_t kK = 0>
  [[gnu::noinline]] void LookupDirect(Scan& scan, const std::uint32_t* windows, std::size_t count,
                                      const std::uint32_t* keys, const std::uint32_t* offsets,
                                      std::uint32_t k = kK) const {
    FingerprintTable& table = scan.table;
    const std::uint32_t* const end = windows + count;
    const std::uint32_t* window = FirstFrom(windows, end, offsets, scan.skip_until);
    while (window != end) {
      const std::uint32_t e = *window;
      const std::uint32_t offset = offsets[e];
      const std::uint64_t fingerprint = Fingerprint(keys + e, kK != 0 ? kK : k);
      const std::uint32_t first = table.FindOrInsert(table.Index(fingerprint), fingerprint, offset);
      if (first != FingerprintTable::kNone && Candidate(scan, first, offset)) {
        if (scan.reported >= max_findings_) return;
        window = FirstFrom(window + 1, end, offsets, scan.skip_until);
        continue;
      }
      ++window;
    }
  }

  // The first of the windows [from, end) (chunk entries, whose offsets ascend) whose first
  // ideograph is at `offset` or after it: a binary search without branches on the values.
  static const std::uint32_t* FirstFrom(const std::uint32_t* from, const std::uint32_t* end,
                                        const std::uint32_t* offsets, std::size_t offset) {
    if (from == end || offsets[*from] >= offset) return from;  // mostly, at a chunk's start
    // offsets[*base] < offset throughout.
    const std::uint32_t* base = from;
    for (std::size_t count = static_cast<std::size_t>(end - from); count > 1;) {
      const std::size_t half = count / 2;
      base = offsets[base[half]] < offset ? base + half : base;
      count -= half;
    }
    return base + 1;
  }

  // Extends a pair of windows with the same fingerprint, the later one's first ideograph
  // at `offset`, to a repeat and reports it if it is one; returns whether it reported a
  // repeat.
  [[gnu::noinline]] bool Candidate(Scan& scan, std::uint32_t first, std::uint32_t offset) const {
    const auto shift = static_cast<std::int64_t>(offset) - first;
    if (offset < scan.rejected_end && shift == scan.rejected_shift) return false;
    Repeat repeat;
    if (Extend(scan, first, offset, repeat) && Accept(scan, repeat)) {
      Report(scan, repeat);
      scan.skip_until = repeat.later.end;
      return true;
    }
    scan.rejected_end = std::max<std::size_t>(repeat.later.end, offset + 1);
    scan.rejected_shift = shift;
    return false;
  }

  // The block of an offset in a block scanned so far (the only ones whose fingerprints
  // are in the table).
  static const Block& BlockAt(const Scan& scan, std::size_t offset) {
    const auto blocks = scan.document.blocks();
    const std::uint32_t* begins = scan.scanned.get();
    const std::size_t count = scan.scanned_count;
    if (offset >= begins[count - 1]) return blocks[scan.block];  // a repeat in its block
    return blocks[begins[scan.capacity + LastNotAfter(begins, count, offset)]];
  }

  // The index of the last of the `count` ascending `values` that is not above `value`,
  // which the first one is not: a binary search without branches on the values (their
  // comparisons are unpredictable), only on the count.
  static std::size_t LastNotAfter(const std::uint32_t* values, std::size_t count,
                                  std::size_t value) {
    const std::uint32_t* base = values;
    while (count > 1) {
      const std::size_t half = count / 2;
      base = base[half] <= value ? base + half : base;
      count -= half;
    }
    return static_cast<std::size_t>(base - values);
  }

  // Extends the candidate pair of anchors to the longest equal runs of tokens around
  // them, each within its block, the first ending before the later one starts.
  bool Extend(const Scan& scan, std::size_t first, std::size_t later, Repeat& out) const {
    const std::string_view text = scan.text;
    // Later lookups of the block of a place in the repeat find these.
    out.first_block = &BlockAt(scan, first);
    out.later_block = &scan.document.blocks()[scan.block];
    const ByteRange first_block = out.first_block->content;
    const ByteRange later_block = out.later_block->content;
    std::size_t a = first;
    std::size_t b = later;
    const std::size_t first_limit = std::min(first_block.end, later);
    for (;;) {
      // Copies are mostly byte for byte the same.
      const std::size_t run = EqualRun(text, a, b, std::min(first_limit - a, later_block.end - b));
      a += run;
      b += run;
      // Mostly two different plain characters (IsPlain): no decoding.
      if (a < first_limit && b < later_block.end && IsPlain(text, a) && IsPlain(text, b)) {
        if (std::memcmp(text.data() + a, text.data() + b, 3) != 0) break;
        a += 3;
        b += 3;
        continue;
      }
      const structure::Token ta = structure::NextToken(text, a, first_limit);
      const structure::Token tb = structure::NextToken(text, b, later_block.end);
      if (ta.value == 0 || ta.value != tb.value) break;
      a = ta.end;
      b = tb.end;
    }
    if (a == first) return false;  // a fingerprint collision
    const std::size_t first_end = a;
    const std::size_t later_end = b;
    a = first;
    b = later;
    const std::size_t later_limit = std::max(later_block.begin, first_end);
    for (;;) {
      // Mostly the same plain characters (IsPlain) before both: three equal bytes, no
      // decoding; and where the copies part, mostly two different plain characters.
      if (a >= first_block.begin + 3 && b >= later_limit + 3 && IsPlain(text, a - 3)) {
        if (std::memcmp(text.data() + a - 3, text.data() + b - 3, 3) == 0) {
          a -= 3;
          b -= 3;
          continue;
        }
        if (IsPlain(text, b - 3)) break;
      }
      const structure::Token ta = structure::PreviousToken(text, a, first_block.begin);
      const structure::Token tb = structure::PreviousToken(text, b, later_limit);
      if (ta.value == 0 || ta.value != tb.value) break;
      a = ta.begin;
      b = tb.begin;
    }
    // A repeat starts with words, not with the mark that ends the clause before it.
    for (;;) {
      if (b < later_end && IsPlain(text, b)) {  // mostly
        const char32_t c = PlainValue(text, b);
        if (!(structure::IsClauseMark(c) || c == U'\u3001')) break;
        // The copies hold the same tokens.
        a = a < first_end && IsPlain(text, a) ? a + 3
                                              : structure::NextToken(text, a, first_end).end;
        b += 3;
        continue;
      }
      const structure::Token ta = structure::NextToken(text, a, first_end);
      const structure::Token tb = structure::NextToken(text, b, later_end);
      if (tb.value == 0 || !(structure::IsClauseMark(tb.value) || tb.value == U'\u3001')) break;
      a = ta.end;
      b = tb.end;
    }
    out.first = ByteRange{TokenStart(text, a, first_end), first_end};
    out.later = ByteRange{TokenStart(text, b, later_end), later_end};
    // Both occurrences hold the same tokens: count those of the later one, once; not at
    // all when it is too short to hold min-chars ideographs of three bytes or more.
    if (out.later.end - out.later.begin < 3 * std::size_t{min_chars_}) return true;  // han 0
    const SpanCounts counts = CountSpan(text, out.later.begin, out.later.end, scan.avx2);
    out.han = counts.han;
    out.han_before_mark = counts.han_before_mark;
    return true;
  }

  // NextToken(text, i, end).begin, and whether there is such a token, without decoding
  // when text[i, end) starts with a plain character (IsPlain).
  static std::size_t TokenStart(std::string_view text, std::size_t i, std::size_t end) {
    return i < end && IsPlain(text, i) ? i : structure::NextToken(text, i, end).begin;
  }
  static bool HasToken(std::string_view text, std::size_t i, std::size_t end) {
    return (i < end && IsPlain(text, i)) || structure::NextToken(text, i, end).value != 0;
  }

  // Whether a repeat is a pasted clause rather than a shared phrase (see the explanation).
  bool Accept(const Scan& scan, const Repeat& repeat) const {
    if (repeat.han < min_chars_) return false;
    const Document& document = scan.document;
    if (document.IsExcluded(repeat.later) || document.IsExcluded(repeat.first)) return false;
    // A clause mark with kClauseSide ideographs either side: the first one with enough
    // before it has the most after it.
    if (repeat.han_before_mark != SpanCounts::kNoMark &&
        repeat.han - repeat.han_before_mark >= kClauseSide) {
      return true;
    }
    const std::string_view text = scan.text;
    const ByteRange later = repeat.later;
    const bool ends_with_mark =
        !(later.end >= later.begin + 3 &&
          structure::StartsCommonHan(text, later.end - 3, later.end)) &&
        structure::IsClauseMark(structure::PreviousToken(text, later.end, later.begin).value);
    // A whole clause or sentence: a clause starts before it in both places and it ends
    // with a mark.
    const auto starts_clause = [&](const ByteRange& range, const Block& block) {
      const structure::Token before =
          structure::PreviousToken(text, range.begin, block.content.begin);
      return before.value == 0 || structure::IsClauseMark(before.value);
    };
    return ends_with_mark && starts_clause(repeat.first, *repeat.first_block) &&
           starts_clause(repeat.later, *repeat.later_block);
  }

  void Report(Scan& scan, const Repeat& repeat) const {
    ++scan.reported;
    const std::string_view text = scan.text;
    const Block& block = *repeat.later_block;
    // A repeat that fills its paragraph goes with the paragraph's blank lines.
    const bool whole =
        !HasToken(text, repeat.later.end, block.content.end) &&
        TokenStart(text, block.content.begin, block.content.end) == repeat.later.begin;
    const ByteRange deletion = whole && block.kind == BlockKind::kParagraph
                                   ? structure::BlockDeletion(text, block.range)
                                   : repeat.later;
    Diagnostic& diagnostic = scan.sink.Report(repeat.later, Message(repeat.han));
    diagnostic.related.push_back(
        RelatedLocation{repeat.first, MessageText::Borrow("first occurrence here")});
    // Deleting a copy whose last word continues in the next paragraph would orphan that
    // continuation: this copy is likely the one that belongs, so no fix is offered.
    if (RunsOn(scan, repeat.later, block)) return;
    Fix& fix = diagnostic.fix.emplace();
    fix.applicability = Applicability::kUnsafe;
    fix.message = MessageText::Borrow("delete the repeat");
    fix.edits.push_back(Edit{deletion, ""});
  }

  // Whether `span` ends its block mid-word, the word finished by the next block (建 /
  // 设。 at a column break).
  static bool RunsOn(Scan& scan, ByteRange span, const Block& block) {
    const std::string_view text = scan.text;
    if (HasToken(text, span.end, block.content.end)) return false;
    const auto blocks = scan.document.blocks();
    const std::size_t next = static_cast<std::size_t>(&block - blocks.data()) + 1;
    if (next >= blocks.size() || !blocks[next].IsProse()) return false;
    const ByteRange after = blocks[next].content;
    // Up to four characters either side of the break.
    structure::Token last = structure::PreviousToken(text, span.end, span.begin);
    if (!IsHan(last.value)) return false;
    std::size_t from = last.begin;
    for (int i = 0; i < 3; ++i) {
      const structure::Token t = structure::PreviousToken(text, from, span.begin);
      if (t.value == 0) break;
      from = t.begin;
    }
    structure::Token first = structure::NextToken(text, after.begin, after.end);
    if (!IsHan(first.value)) return false;
    std::size_t to = first.end;
    for (int i = 0; i < 3; ++i) {
      const structure::Token t = structure::NextToken(text, to, after.end);
      if (t.value == 0) break;
      to = t.end;
    }
    std::string& joined = scan.joined;
    joined.assign(text.substr(from, span.end - from));
    const std::size_t junction = joined.size();
    joined.append(text.substr(first.begin, to - first.begin));
    if (!scan.segmenter) scan.segmenter.emplace();  // one per check, made when first needed
    return !scan.segmenter->IsBoundary(joined, junction);
  }

  static std::string MessageFor(std::uint32_t han) {
    return "span of " + std::to_string(han) + " CJK characters repeats earlier text";
  }

  // The message of a repeat of `han` ideographs: those of the common lengths are made
  // with the rule and lent to the diagnostics (a page may have dozens of repeats).
  MessageText Message(std::uint32_t han) const {
    if (han - min_chars_ < messages_.size())
      return MessageText::Borrow(messages_[han - min_chars_]);
    return MessageText(MessageFor(han));
  }

  std::uint32_t min_chars_;
  int max_findings_;
  std::uint32_t k_;
  std::uint32_t w_;
  RuleMeta meta_ = DuplicateSpanMeta();
  std::vector<std::string> messages_;  // for min-chars ideographs and a few hundred more
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateSpanRule(RuleOptions& options) {
  // A chunk keeps the k + 2w - 3 < 2 min-chars last entries of the one before it.
  const auto min_chars = static_cast<int>(options.GetInt("min-chars", kDefaultMinChars, 8, 100));
  const auto max_findings =
      static_cast<int>(options.GetInt("max-findings", kDefaultMaxFindings, 1, 1000000));
  return std::make_unique<DuplicateSpanRule>(min_chars, max_findings);
}

}  // namespace ocrlint
