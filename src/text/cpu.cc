#include "text/cpu.h"

#if defined(OCRLINT_AVX2_VARIANTS)
namespace ocrlint {

bool HasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}

}  // namespace ocrlint
#endif
