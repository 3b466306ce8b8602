#ifndef OCRLINT_TEXT_HAN_LANES_H_
#define OCRLINT_TEXT_HAN_LANES_H_

// Vector tests of where ideographs start, for the scans that count or collect them many
// bytes at a time. A character is seen at its lead byte with the two bytes after it; the
// verdict is IsHan's (text/char_class.h) for valid UTF-8: E4-E9 but E4 B7 (U+4E00-9FFF
// and most of U+3400-4DBF), E3 90-BF (U+3400-3FFF), E3 80 85 and E3 80 87 (々 〇),
// EF A4-AB (U+F900-FAFF), F0 A0-BF (U+20000-3FFFF).

#include <array>
#include <cstddef>
#include <cstdint>

#include "text/cpu.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint {

#if defined(__SSE2__)
// Lane j is 0xFF where b0[j] leads an ideograph; b1 and b2 hold the bytes one and two
// further on.
inline __m128i HanLeadLanes16(__m128i b0, __m128i b1, __m128i b2) {
  const auto set = [](int byte) { return _mm_set1_epi8(static_cast<char>(byte)); };
  const auto eq = [&](__m128i v, int byte) { return _mm_cmpeq_epi8(v, set(byte)); };
  // Whether each byte is in [low, high], unsigned.
  const auto in = [&](__m128i v, int low, int high) {
    const __m128i from = _mm_sub_epi8(v, set(low));
    return _mm_cmpeq_epi8(_mm_min_epu8(from, set(high - low)), from);
  };
  const __m128i e3 = eq(b0, 0xE3);
  __m128i han = _mm_andnot_si128(_mm_and_si128(eq(b0, 0xE4), eq(b1, 0xB7)), in(b0, 0xE4, 0xE9));
  han = _mm_or_si128(han, _mm_and_si128(e3, in(b1, 0x90, 0xBF)));
  // 85 and 87 differ in the bit 2 only.
  han = _mm_or_si128(
      han, _mm_and_si128(_mm_and_si128(e3, eq(b1, 0x80)), eq(_mm_or_si128(b2, set(0x02)), 0x87)));
  han = _mm_or_si128(han, _mm_and_si128(eq(b0, 0xEF), in(b1, 0xA4, 0xAB)));
  return _mm_or_si128(han, _mm_and_si128(eq(b0, 0xF0), in(b1, 0xA0, 0xBF)));
}
#endif

#if defined(OCRLINT_AVX2_VARIANTS)
// The lead bytes of ideographs by their distance from 0xE3 (E3 to F0 are 0 to 13): a byte
// vector of 32 that repeats the 16 entries in both halves (a shuffle looks up each half
// apart).
struct alignas(32) HanLeadTable {
  std::array<std::uint8_t, 32> bytes;
};
constexpr HanLeadTable MakeHanLeadTable(std::array<std::uint8_t, 16> entries) {
  HanLeadTable table{};
  for (std::size_t j = 0; j < table.bytes.size(); ++j) table.bytes[j] = entries[j % 16];
  return table;
}
// The second bytes of an ideograph after each lead: [low, low + span], wrapping (E4 takes
// all but B7, E3 90-BF, EF A4-AB, F0 A0-BF); and whether the byte leads ideographs at all.
inline constexpr HanLeadTable kHanSecondLow =
    MakeHanLeadTable({0x90, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xA4, 0xA0, 0, 0});
inline constexpr HanLeadTable kHanSecondSpan =
    MakeHanLeadTable({0x2F, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0x07, 0x1F, 0, 0});
inline constexpr HanLeadTable kHanLeads =
    MakeHanLeadTable({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0});

__attribute__((target("avx2"), always_inline)) inline __m256i LoadHanLeadTable(
    const HanLeadTable& table) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(table.bytes.data()));
}

// HanLeadLanes16() for 32 bytes, without a branch: the lead byte picks the range of the
// second byte from tables, and 々 〇 are tested apart. `k`: kSplats.
__attribute__((target("avx2"), always_inline)) inline __m256i HanLeadLanes32(const Splat* k,
                                                                             __m256i b0, __m256i b1,
                                                                             __m256i b2) {
  // b0 - E3, moved to 0x70-0x7F when below 16 and else to 0x80 or above, which the
  // shuffles turn into a zero.
  const __m256i index = _mm256_adds_epu8(_mm256_sub_epi8(b0, Set32(k, 0xE3)), Set32(k, 0x70));
  const __m256i shifted =
      _mm256_sub_epi8(b1, _mm256_shuffle_epi8(LoadHanLeadTable(kHanSecondLow), index));
  const __m256i second = _mm256_cmpeq_epi8(
      _mm256_min_epu8(shifted, _mm256_shuffle_epi8(LoadHanLeadTable(kHanSecondSpan), index)),
      shifted);
  const __m256i leads =
      _mm256_and_si256(second, _mm256_shuffle_epi8(LoadHanLeadTable(kHanLeads), index));
  // 85 and 87 differ in the bit 2 only.
  const __m256i letter = _mm256_and_si256(_mm256_and_si256(Eq32(k, b0, 0xE3), Eq32(k, b1, 0x80)),
                                          Eq32(k, _mm256_or_si256(b2, Set32(k, 0x02)), 0x87));
  return _mm256_or_si256(leads, letter);
}
#endif

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_HAN_LANES_H_
