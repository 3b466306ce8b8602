#ifndef OCRLINT_TEXT_CPU_H_
#define OCRLINT_TEXT_CPU_H_

// The build targets the baseline x86-64 (SSE2). Scans that gain from AVX2 compile a
// variant with __attribute__((target("avx2"))) where the compiler supports that, and choose
// it at run time with HasAvx2(), so that one binary runs on every x86-64 processor.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define OCRLINT_AVX2_VARIANTS 1
#include <immintrin.h>

namespace ocrlint {

// Whether this processor runs AVX2 instructions; asked once per process.
bool HasAvx2();

}  // namespace ocrlint
#endif

#endif  // OCRLINT_TEXT_CPU_H_
