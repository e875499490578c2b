// The one place a level is chosen: the CPU's best, unless NEWSPLIT_SIMD asks for another.
#include <cstdlib>
#include <string_view>

#include "avx2.hpp"
#include "kernels.hpp"
#include "scalar.hpp"
#include "sse2.hpp"

namespace newsplit::simd {

namespace {

#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#define NEWSPLIT_X86 1
#endif

// Each level's kernels, a row a level; a level keeps the one below's where it has nothing
// faster (simdjson's SSE validator needs SSE4.2, which SSE2 does not promise; the nibble tables
// need a byte shuffle, which SSE2 lacks).
constexpr Kernels kScalar{Level::Scalar, scalar::byte_masks, scalar::valid_utf8, scalar::count_in_range, scalar::next_attention,
                          scalar::next_lookalike, scalar::plain_json_run, false, scalar::nibble_match, scalar::nibble_pairs};
#if defined(NEWSPLIT_X86)
constexpr Kernels kSse2{Level::Sse2, sse2::byte_masks, scalar::valid_utf8, sse2::count_in_range, sse2::next_attention,
                        sse2::next_lookalike, sse2::plain_json_run, false, scalar::nibble_match, scalar::nibble_pairs};
constexpr Kernels kAvx2{Level::Avx2, avx2::byte_masks, avx2::valid_utf8, avx2::count_in_range, avx2::next_attention,
                        avx2::next_lookalike, sse2::plain_json_run, true, avx2::nibble_match, avx2::nibble_pairs};
#else
constexpr const Kernels& kSse2 = kScalar;
constexpr const Kernels& kAvx2 = kScalar;
#endif

Level cpu_level() {
#if defined(NEWSPLIT_X86)
  return __builtin_cpu_supports("avx2") ? Level::Avx2 : Level::Sse2;
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

const Kernels& scalar_kernels() { return kScalar; }
const Kernels& sse2_kernels() { return kSse2; }
const Kernels& avx2_kernels() { return kAvx2; }

const Kernels* const active_kernels = [] {
  switch (chosen_level()) {
    case Level::Avx2: return &kAvx2;
    case Level::Sse2: return &kSse2;
    case Level::Scalar: break;
  }
  return &kScalar;
}();

}  // namespace newsplit::simd
