// Where a keyword may start: a vector prefilter in front of the keyword automaton.
//
// Counting spends most of its time passing over text where no keyword starts. The first
// bytes of the keywords (up to five: a Chinese character and most of the next) are looked
// up 32 input positions at a time, by the low and high half of each byte, in small tables
// of "buckets" of keywords (the Teddy method of Hyperscan and ripgrep). A position the
// tables reject starts no keyword; one they accept may, and the matcher looks there. Used
// only where the CPU has AVX2 and the keywords' beginnings are few enough to keep the
// tables selective; otherwise the matcher reads byte by byte.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simd.hpp"

namespace newsplit::detail {

class KeywordStarts {
 public:
  // A Chinese character and the lead and second byte of the next. The next one's last byte
  // rejected little more and cost two lookups a position: five bytes counted 14 to 18%
  // faster than six (bench/stages, with keywords of distinct or of shared first characters).
  static constexpr std::size_t kMaxWidth = 5;
  // More different beginnings than this and nearly every Chinese character passes the
  // tables (each half of each byte is then claimed by some bucket): reading byte by byte is
  // as fast, and make() gives no prefilter.
  static constexpr std::size_t kMaxBeginnings = 32;
  using Tables = std::array<std::array<std::uint8_t, 16>, kMaxWidth>;

  // The prefilter for these keywords (as the automaton sees them: A-Z folded to a-z when
  // fold_ascii_case), or nothing when it would not pay: no AVX2, an empty keyword, or too
  // many different beginnings for the tables to reject much.
  static std::optional<KeywordStarts> make(const std::vector<std::string>& keywords, bool fold_ascii_case);
  // The same tables, whatever the CPU (for tests of the tables themselves: scan goes 32
  // positions at a time where the CPU allows, byte by byte elsewhere).
  static std::optional<KeywordStarts> make_tables(const std::vector<std::string>& keywords, bool fold_ascii_case);

  // Calls read(i) at each position i of p[0, n) that may start a keyword, in order; read
  // returns where to go on (after i). Positions the tables accept may start none (the
  // buckets share their halves); positions they reject start none.
  template <typename Read>
  void scan(const unsigned char* p, std::size_t n, Read&& read) const;
  // The same answer for one position, byte by byte (the reference the vector code follows).
  bool may_start(const unsigned char* p, std::size_t i, std::size_t n) const;
  // The bytes the tables look at: every keyword is at least this long.
  std::size_t width() const { return width_; }

 private:
  // lo[j][x] / hi[j][x]: the buckets whose keywords have x as the low / high half of byte j.
  Tables lo_{}, hi_{};
  std::size_t width_ = 0;  // bytes looked at: 1 to kMaxWidth, the shortest keyword's length at most
  bool vector_ = false;    // the CPU has AVX2
};

#if defined(NEWSPLIT_AVX2)
// The positions of the 32 at q that may start a keyword, as bits: the buckets of byte j of
// each position, looked up by its halves (pshufb), ANDed over the W bytes; a position with
// a bucket left may start a keyword.
template <std::size_t W>
__attribute__((target("avx2"))) inline std::uint32_t accepted(const __m256i* lo_t, const __m256i* hi_t,
                                                              const unsigned char* q) {
  __m256i buckets = _mm256_set1_epi8(-1);
  for (std::size_t j = 0; j < W; ++j) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + j));
    buckets = _mm256_and_si256(buckets, _mm256_and_si256(_mm256_shuffle_epi8(lo_t[j], simd::low_halves(v)),
                                                         _mm256_shuffle_epi8(hi_t[j], simd::high_halves(v))));
  }
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(buckets, _mm256_setzero_si256())));
}

// The text 32 positions at a time, the tables held in registers throughout.
template <std::size_t W, typename Read>
__attribute__((target("avx2"))) void scan_avx2(const KeywordStarts::Tables& lo, const KeywordStarts::Tables& hi,
                                               const unsigned char* p, std::size_t n, Read& read) {
  if (n < W) return;
  __m256i lo_t[W], hi_t[W];
  for (std::size_t j = 0; j < W; ++j) {
    lo_t[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(lo[j].data())));
    hi_t[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(hi[j].data())));
  }
  const std::size_t end = n - (W - 1);  // the positions before it have room for the shortest keyword
  std::size_t i = 0;
  while (i < end) {
    // The 32 positions from base, those before i left out. At the end: the last 32 of the
    // text again, or a short text from a copy with room to load (most texts counted are a
    // paragraph or a headline).
    std::size_t base = i;
    std::uint32_t bits;
    if (i + 32 <= end) {
      bits = accepted<W>(lo_t, hi_t, p + i);
    } else if (end >= 32) {
      base = end - 32;
      bits = accepted<W>(lo_t, hi_t, p + base) & (~std::uint32_t{0} << (i - base));
    } else {
      unsigned char tail[32 + KeywordStarts::kMaxWidth - 1] = {};
      std::copy(p + i, p + n, tail);
      bits = accepted<W>(lo_t, hi_t, tail) & ((std::uint32_t{1} << (end - i)) - 1);
    }
    i = base + 32;
    while (bits != 0) {
      const std::size_t next = read(base + static_cast<std::size_t>(__builtin_ctz(bits)));
      if (next >= base + 32) {
        i = next;
        break;
      }
      bits &= ~std::uint32_t{0} << (next - base);
    }
  }
}
#endif

template <typename Read>
void KeywordStarts::scan(const unsigned char* p, std::size_t n, Read&& read) const {
#if defined(NEWSPLIT_AVX2)
  if (vector_) {
    switch (width_) {
      case 1: return scan_avx2<1>(lo_, hi_, p, n, read);
      case 2: return scan_avx2<2>(lo_, hi_, p, n, read);
      case 3: return scan_avx2<3>(lo_, hi_, p, n, read);
      case 4: return scan_avx2<4>(lo_, hi_, p, n, read);
      default: return scan_avx2<5>(lo_, hi_, p, n, read);
    }
  }
#endif
  for (std::size_t i = 0; i < n;) i = may_start(p, i, n) ? read(i) : i + 1;
}

}  // namespace newsplit::detail
