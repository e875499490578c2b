// The one place a level is chosen: the CPU's best, unless NEWSPLIT_SIMD asks for another.
#include <cstdlib>
#include <string_view>

#include "kernels.hpp"

namespace newsplit::simd {

namespace {

Level cpu_level() {
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("avx2")) return Level::Avx2;
#endif
#if defined(__SSE2__)
  return Level::Sse2;
#else
  return Level::Scalar;
#endif
}

// NEWSPLIT_SIMD=scalar|sse2|avx2: at most the CPU's level (an unknown value is ignored).
Level chosen_level() {
  const Level best = cpu_level();
  const char* asked = std::getenv("NEWSPLIT_SIMD");
  if (!asked) return best;
  for (Level l : {Level::Scalar, Level::Sse2, Level::Avx2})
    if (level_name(l) == asked) return l < best ? l : best;
  return best;
}

}  // namespace

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Scalar: return "scalar";
    case Level::Sse2: return "sse2";
    case Level::Avx2: return "avx2";
  }
  return "scalar";
}

const Kernels* const active_kernels = [] {
  switch (chosen_level()) {
    case Level::Avx2: return &avx2_kernels();
    case Level::Sse2: return &sse2_kernels();
    case Level::Scalar: break;
  }
  return &scalar_kernels();
}();

}  // namespace newsplit::simd
