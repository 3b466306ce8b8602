#include "text/search.h"

#include <bit>
#include <cstdint>
#include <cstring>

// The 32-byte scan is compiled for AVX2 and chosen at run time.
#include "text/cpu.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint {
namespace {

// Whether text[at, at + needle.size()) is the needle (`at` has its second and third
// bytes already). Needles are a few characters: a loop, not a call to memcmp.
inline bool MatchesAt(const char* text, std::size_t at, std::string_view needle) {
  if (text[at] != needle[0]) return false;
  for (std::size_t k = 3; k < needle.size(); ++k) {
    if (text[at + k] != needle[k]) return false;
  }
  return true;
}

constexpr std::size_t kNone = std::string_view::npos;
// ScanBlocksAvx2 stopped before the end of the window: the rest is for the caller's loops.
constexpr std::size_t kGoOn = kNone - 1;

#if defined(OCRLINT_AVX2_VARIANTS)
// The lanes of data[at, at + 32) where a candidate starts (reads data[at + 1, at + 34)).
__attribute__((target("avx2"))) inline __m256i StartsAvx2(const char* data, std::size_t at,
                                                          __m256i second, __m256i third) {
  const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at + 1));
  const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at + 2));
  return _mm256_and_si256(_mm256_cmpeq_epi8(b1, second), _mm256_cmpeq_epi8(b2, third));
}

// The matches among the candidates of data[at, at + 64) (`s0`, `s1`: StartsAvx2 of its
// halves), ascending: returns the match `on_match` stopped at, kNone when no match can
// follow, or kGoOn.
// `skip`: how many of the block's first positions are not candidates (scanned before).
template <typename OnMatch>
__attribute__((target("avx2"))) inline std::size_t MatchBlockAvx2(
    const char* data, std::string_view needle, std::size_t at, std::size_t last, __m256i s0,
    __m256i s1, OnMatch& on_match, unsigned skip = 0) {
  std::uint64_t mask =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(s0)) |
      static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(s1))) << 32;
  mask &= ~std::uint64_t{0} << skip;
  for (; mask != 0; mask &= mask - 1) {
    const std::size_t k = at + static_cast<std::size_t>(std::countr_zero(mask));
    if (k > last) return kNone;
    if (MatchesAt(data, k, needle) && on_match(k)) return k;
  }
  return kGoOn;
}

// ScanFor's loop over blocks of 128 bytes, then of 64, 32 at a time: returns the match
// `on_match` stopped at, kNone when no match can follow, or kGoOn with `at` at the first
// position not scanned (fewer than 66 bytes before `to`). Most blocks hold no candidate:
// one test for the block.
template <typename OnMatch>
__attribute__((target("avx2"))) std::size_t ScanBlocksAvx2(const char* data,
                                                           std::string_view needle, std::size_t& at,
                                                           std::size_t to, std::size_t last,
                                                           OnMatch& on_match) {
  const __m256i second = _mm256_set1_epi8(needle[1]);
  const __m256i third = _mm256_set1_epi8(needle[2]);
  std::size_t pos = at;  // a local: `at` is written back once, at the end
  std::size_t found = kGoOn;
  // The last start of a block of 128 bytes (its reads end 2 bytes after it): the loop's
  // test is one compare.
  const std::size_t last_block = to >= 130 ? to - 130 : 0;
  for (; to >= 130 && pos <= last_block; pos += 128) {
    const __m256i s0 = StartsAvx2(data, pos, second, third);
    const __m256i s1 = StartsAvx2(data, pos + 32, second, third);
    const __m256i s2 = StartsAvx2(data, pos + 64, second, third);
    const __m256i s3 = StartsAvx2(data, pos + 96, second, third);
    const __m256i any = _mm256_or_si256(_mm256_or_si256(s0, s1), _mm256_or_si256(s2, s3));
    if (_mm256_testz_si256(any, any) != 0) continue;
    found = MatchBlockAvx2(data, needle, pos, last, s0, s1, on_match);
    if (found == kGoOn) found = MatchBlockAvx2(data, needle, pos + 64, last, s2, s3, on_match);
    if (found != kGoOn) break;
  }
  for (; found == kGoOn && pos + 66 <= to; pos += 64) {
    const __m256i s0 = StartsAvx2(data, pos, second, third);
    const __m256i s1 = StartsAvx2(data, pos + 32, second, third);
    const __m256i any = _mm256_or_si256(s0, s1);
    if (_mm256_testz_si256(any, any) != 0) continue;
    found = MatchBlockAvx2(data, needle, pos, last, s0, s1, on_match);
  }
  // The rest, fewer than 66 bytes: one block of 64 that ends where the window does (its reads
  // end at `to`), its positions before `pos` skipped, instead of the caller's loops of 16
  // bytes and of one. (Its last two positions start no needle of three bytes or more.)
  if (found == kGoOn && pos + 2 < to && to >= at + 66) {
    const std::size_t block = to - 66;
    const __m256i s0 = StartsAvx2(data, block, second, third);
    const __m256i s1 = StartsAvx2(data, block + 32, second, third);
    found = MatchBlockAvx2(data, needle, block, last, s0, s1, on_match,
                           static_cast<unsigned>(pos - block));
    if (found == kGoOn) found = kNone;
    pos = to;
  }
  at = pos;
  return found;
}
#endif

// Calls `on_match(k)` for every k, ascending, where the needle (3 bytes or more) starts at
// k >= from and ends at or before `to`, until it returns true; returns that k or npos.
// Candidates are the positions whose next two bytes are the needle's second and third:
// for a CJK character, two continuation bytes, which rarely stand together by chance (the
// lead byte alone matches a third of Han text).
template <typename OnMatch>
std::size_t ScanFor(std::string_view text, std::string_view needle, std::size_t from,
                    std::size_t to, OnMatch on_match) {
  const std::size_t n = needle.size();
  const char* data = text.data();
  const std::size_t last = to - n;  // the last possible start
  std::size_t at = from;
#if defined(OCRLINT_AVX2_VARIANTS)
  if (HasAvx2()) {
    const std::size_t found = ScanBlocksAvx2(data, needle, at, to, last, on_match);
    if (found != kGoOn) return found;
  }
#endif
#if defined(__SSE2__)
  const __m128i second = _mm_set1_epi8(needle[1]);
  const __m128i third = _mm_set1_epi8(needle[2]);
  // The lanes of data[at, at + 16) where a candidate starts (reads data[at + 1, at + 18)).
  const auto starts = [&](std::size_t pos) {
    const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos + 1));
    const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos + 2));
    return _mm_and_si128(_mm_cmpeq_epi8(b1, second), _mm_cmpeq_epi8(b2, third));
  };
  for (; at + 66 <= to; at += 64) {
    // Most blocks of 64 bytes hold no candidate: one test for all four vectors.
    const __m128i s0 = starts(at);
    const __m128i s1 = starts(at + 16);
    const __m128i s2 = starts(at + 32);
    const __m128i s3 = starts(at + 48);
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(s0, s1), _mm_or_si128(s2, s3))) == 0) {
      continue;
    }
    std::uint64_t mask = static_cast<std::uint32_t>(_mm_movemask_epi8(s0)) |
                         static_cast<std::uint64_t>(_mm_movemask_epi8(s1)) << 16 |
                         static_cast<std::uint64_t>(_mm_movemask_epi8(s2)) << 32 |
                         static_cast<std::uint64_t>(_mm_movemask_epi8(s3)) << 48;
    for (; mask != 0; mask &= mask - 1) {
      const std::size_t k = at + static_cast<std::size_t>(std::countr_zero(mask));
      if (k > last) return kNone;
      if (MatchesAt(data, k, needle) && on_match(k)) return k;
    }
  }
  for (; at + 18 <= to; at += 16) {
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(starts(at))); mask != 0;
         mask &= mask - 1) {
      const std::size_t k = at + static_cast<std::size_t>(std::countr_zero(mask));
      if (k > last) return kNone;
      if (MatchesAt(data, k, needle) && on_match(k)) return k;
    }
  }
#endif
  for (; at <= last; ++at) {
    if (data[at + 1] == needle[1] && data[at + 2] == needle[2] && MatchesAt(data, at, needle) &&
        on_match(at)) {
      return at;
    }
  }
  return kNone;
}

}  // namespace

std::size_t FindIn(std::string_view text, std::string_view needle, std::size_t from,
                   std::size_t to) {
  const std::size_t n = needle.size();
  if (to > text.size() || from >= to || n == 0 || n > to - from) return kNone;
  if (n < 3) {
    const std::size_t at = text.substr(0, to).find(needle, from);
    return at == std::string_view::npos ? kNone : at;
  }
  return ScanFor(text, needle, from, to, [](std::size_t) { return true; });
}

void FindAllIn(std::string_view text, std::string_view needle, std::size_t from, std::size_t to,
               std::vector<std::size_t>& out) {
  out.clear();
  const std::size_t n = needle.size();
  if (to > text.size() || from >= to || n == 0 || n > to - from) return;
  if (n < 3) {
    const std::string_view head = text.substr(0, to);
    for (std::size_t at = head.find(needle, from); at != std::string_view::npos;
         at = head.find(needle, at + 1)) {
      out.push_back(at);
    }
    return;
  }
  ScanFor(text, needle, from, to, [&](std::size_t k) {
    out.push_back(k);
    return false;
  });
}

std::size_t CountByte(std::string_view text, char byte) {
  std::size_t count = 0;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p < end; ++count, ++p) {
    p = static_cast<const char*>(std::memchr(p, byte, static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
  }
  return count;
}

}  // namespace ocrlint
