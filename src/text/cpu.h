#ifndef OCRLINT_TEXT_CPU_H_
#define OCRLINT_TEXT_CPU_H_

// The build targets the baseline x86-64 (SSE2). Scans that gain from AVX2 compile a
// variant with __attribute__((target("avx2"))) where the compiler supports that, and choose
// it at run time with HasAvx2(), so that one binary runs on every x86-64 processor.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define OCRLINT_AVX2_VARIANTS 1
#include <immintrin.h>

#include <array>
#include <cstddef>

namespace ocrlint {

// Whether this processor runs AVX2 instructions; asked once per process.
bool HasAvx2();

// Every byte value 32 times. A scan that compares with many constant bytes reads its
// vectors from here through a pointer it cannot see into (a parameter of a noipa
// function), as operands in memory: the compiler otherwise makes each one again on every
// pass of the loop, two or three instructions a time, since they outnumber the registers.
struct alignas(32) Splat {
  unsigned char bytes[32];
};
inline constexpr std::array<Splat, 256> kSplats = [] {
  std::array<Splat, 256> splats{};
  for (std::size_t c = 0; c < splats.size(); ++c) {
    for (unsigned char& byte : splats[c].bytes) byte = static_cast<unsigned char>(c);
  }
  return splats;
}();

// The vector of 32 copies of `byte`, and a lane mask of the bytes of `v` equal to it.
__attribute__((target("avx2"), always_inline)) inline __m256i Set32(const Splat* k,
                                                                    unsigned char byte) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(k[byte].bytes));
}
__attribute__((target("avx2"), always_inline)) inline __m256i Eq32(const Splat* k, __m256i v,
                                                                   unsigned char byte) {
  return _mm256_cmpeq_epi8(v, Set32(k, byte));
}

}  // namespace ocrlint
#endif

#endif  // OCRLINT_TEXT_CPU_H_
