// What the vector paths share: whether the CPU runs AVX2 code, and the halves of bytes that
// the table lookups (pshufb) index by. Internal to the core.
#pragma once

#include <cstdlib>
#include <string_view>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NEWSPLIT_AVX2 1
#endif

namespace newsplit::simd {

// Asked once; the AVX2 paths are compiled for every x86 build and chosen at run time.
// NEWSPLIT_NO_AVX2=1 in the environment turns them off (the SSE2 and byte-wise paths run, as
// on an older CPU: the tests run that way too).
inline bool cpu_has_avx2() {
#if defined(NEWSPLIT_AVX2)
  static const bool has = [] {
    const char* off = std::getenv("NEWSPLIT_NO_AVX2");
    if (off && *off && std::string_view(off) != "0") return false;
    return static_cast<bool>(__builtin_cpu_supports("avx2"));
  }();
  return has;
#else
  return false;
#endif
}

#if defined(NEWSPLIT_AVX2)
__attribute__((target("avx2"))) inline __m256i low_halves(__m256i v) { return _mm256_and_si256(v, _mm256_set1_epi8(0x0F)); }
__attribute__((target("avx2"))) inline __m256i high_halves(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}
#endif

}  // namespace newsplit::simd
