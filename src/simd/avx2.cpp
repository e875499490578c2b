// The kernels thirty-two bytes at a time, with AVX2, for CPUs that have it (chosen at run
// time: every function here carries the target, and nothing else in the program does).
// Kernels that gain nothing from the wider vectors are SSE2's.
#include "avx2.hpp"
#include "scalar.hpp"
#include "sse2.hpp"

#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))

#include <bit>
#include <cstring>

#include <immintrin.h>
#include <simdjson.h>

namespace newsplit::simd::avx2 {

namespace {

#define NEWSPLIT_AVX2_FN __attribute__((target("avx2"), always_inline)) inline

NEWSPLIT_AVX2_FN __m256i load(const unsigned char* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
NEWSPLIT_AVX2_FN __m256i is(__m256i v, unsigned char b) { return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(b))); }
// Unsigned lo <= byte <= hi.
NEWSPLIT_AVX2_FN __m256i in_range(__m256i v, unsigned char lo, unsigned char hi) {
  const __m256i x = _mm256_sub_epi8(v, _mm256_set1_epi8(static_cast<char>(lo)));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(static_cast<char>(hi - lo))), x);
}
NEWSPLIT_AVX2_FN std::uint64_t bits(__m256i m) { return static_cast<std::uint32_t>(_mm256_movemask_epi8(m)); }
NEWSPLIT_AVX2_FN __m256i low_halves(__m256i v) { return _mm256_and_si256(v, _mm256_set1_epi8(0x0F)); }
NEWSPLIT_AVX2_FN __m256i high_halves(__m256i v) { return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F)); }

}  // namespace

bool valid_utf8(const unsigned char* p, std::size_t n) {
  static const simdjson::implementation* haswell = [] {
    const simdjson::implementation* impl = simdjson::get_available_implementations()["haswell"];
    return impl && impl->supported_by_runtime_system() ? impl : simdjson::get_available_implementations()["fallback"];
  }();
  return haswell->validate_utf8(reinterpret_cast<const char*>(p), n);
}

__attribute__((target("avx2"))) void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out) {
  for (std::size_t k = 0; k < blocks; ++k, p += 64) {
    ByteMasks r;
    for (int h = 0; h < 2; ++h) {
      const __m256i v = load(p + 32 * h);
      const int at = 32 * h;
      const __m256i lead3 = in_range(v, 0xE0, 0xEF), cont = in_range(v, 0x80, 0xBF);
      const __m256i high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);  // bytes 80..FF
      r.newline |= bits(is(v, '\n')) << at;
      r.han |= bits(in_range(v, 0xE4, 0xE9)) << at;
      r.printable |= bits(in_range(v, 0x21, 0x7F)) << at;
      r.blank |= bits(_mm256_or_si256(is(v, ' '), is(v, '\t'))) << at;
      r.prose |= bits(_mm256_or_si256(_mm256_or_si256(is(v, ','), is(v, ';')), _mm256_or_si256(is(v, '!'), is(v, '?')))) << at;
      r.lead3 |= bits(lead3) << at;
      r.cont |= bits(cont) << at;
      r.other |= bits(_mm256_andnot_si256(_mm256_or_si256(lead3, cont), high)) << at;
    }
    out[k] = r;
  }
}

// Each lane counts up to 255 matches before the lanes are summed; the last bytes are the last
// 32 again, those counted before left out (a text shorter than that is SSE2's).
__attribute__((target("avx2,popcnt"))) std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi) {
  if (n < 32) return sse2::count_in_range(p, n, lo, hi);
  std::size_t total = 0, i = 0;
  while (i + 32 <= n) {
    __m256i lanes = _mm256_setzero_si256();
    for (int round = 0; round < 255 && i + 32 <= n; ++round, i += 32) lanes = _mm256_sub_epi8(lanes, in_range(load(p + i), lo, hi));
    const __m256i sums = _mm256_sad_epu8(lanes, _mm256_setzero_si256());
    total += static_cast<std::size_t>(_mm256_extract_epi64(sums, 0)) + static_cast<std::size_t>(_mm256_extract_epi64(sums, 1)) +
             static_cast<std::size_t>(_mm256_extract_epi64(sums, 2)) + static_cast<std::size_t>(_mm256_extract_epi64(sums, 3));
  }
  if (i < n) {
    const auto fresh = static_cast<std::uint32_t>(bits(in_range(load(p + n - 32), lo, hi))) >> (32 - (n - i));
    total += static_cast<std::size_t>(std::popcount(fresh));
  }
  return total;
}

// As SSE2's, 32 positions at a time.
__attribute__((target("avx2"))) std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n) {
  for (; i + 33 <= n; i += 32) {
    const __m256i b0 = load(p + i), b1 = load(p + i + 1);
    const __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_and_si256(is(b0, 0xE2), in_range(b1, 0xB8, 0xBF)),
                                                        _mm256_and_si256(is(b0, 0xEF), in_range(b1, 0xA4, 0xAB))),
                                        _mm256_and_si256(is(b0, 0xF0), is(b1, 0xAF)));
    if (const auto m = static_cast<std::uint32_t>(bits(hit))) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
  return sse2::next_lookalike(p, i, n);
}

// As SSE2's, but digits are no candidates (numbers are common in news, and each stop costs a
// restart).
__attribute__((target("avx2"))) std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n) {
  for (; j + 34 <= n; j += 32) {
    const __m256i b0 = load(p + j), b1 = load(p + j + 1), b2 = load(p + j + 2);
    const __m256i low = _mm256_andnot_si256(in_range(b0, '0', '9'), in_range(b0, 0, 0x3F));
    const __m256i e2 = _mm256_and_si256(
        is(b0, 0xE2), _mm256_or_si256(_mm256_and_si256(is(b1, 0x80), _mm256_or_si256(in_range(b2, 0, 0x8B), is(b2, 0xAF))), is(b1, 0x81)));
    const __m256i e3 = _mm256_and_si256(_mm256_and_si256(is(b0, 0xE3), is(b1, 0x80)), is(b2, 0x80));
    const __m256i ef = _mm256_and_si256(is(b0, 0xEF), is(b1, 0xBB));
    const auto m = static_cast<std::uint32_t>(
        bits(_mm256_or_si256(_mm256_or_si256(low, is(b0, 0xC2)), _mm256_or_si256(e2, _mm256_or_si256(e3, ef)))));
    if (m != 0) return j + static_cast<std::size_t>(std::countr_zero(m));
  }
  return sse2::next_attention(p, j, n);
}

namespace {

// The positions of the 32 at q that may start a pattern, as bits: the buckets of byte j of
// each position, looked up by its halves (pshufb), ANDed over the W bytes.
template <std::size_t W>
NEWSPLIT_AVX2_FN std::uint32_t accepted(const __m256i* lo, const __m256i* hi, const unsigned char* q) {
  __m256i buckets = _mm256_set1_epi8(-1);
  for (std::size_t j = 0; j < W; ++j) {
    const __m256i v = load(q + j);
    buckets = _mm256_and_si256(buckets, _mm256_and_si256(_mm256_shuffle_epi8(lo[j], low_halves(v)), _mm256_shuffle_epi8(hi[j], high_halves(v))));
  }
  return ~static_cast<std::uint32_t>(bits(_mm256_cmpeq_epi8(buckets, _mm256_setzero_si256())));
}

// The text 32 positions at a time, the tables held in registers throughout. The last word is
// loaded from the text's last bytes (or, from a text shorter than a load, a copy with room),
// its positions before the word and those without W bytes left taken out.
template <std::size_t W>
__attribute__((target("avx2"))) void nibble_match_w(const unsigned char* p, std::size_t n, const NibbleTables& t, std::uint32_t* out) {
  __m256i lo[W], hi[W];
  for (std::size_t j = 0; j < W; ++j) {
    lo[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.lo[j].data())));
    hi[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.hi[j].data())));
  }
  constexpr std::size_t kLoad = 32 + W - 1;  // the bytes a word of positions reads
  const std::size_t words = (n + 31) / 32;
  std::size_t w = 0;
  for (; 32 * w + kLoad <= n; ++w) out[w] = accepted<W>(lo, hi, p + 32 * w);
  for (; w < words; ++w) {
    const std::size_t base = 32 * w, left = n - base;
    if (left < W) {  // no position here has W bytes left
      out[w] = 0;
      continue;
    }
    std::uint32_t bits;
    if (n >= kLoad) {
      const std::size_t at = n - kLoad;  // before base: shift its positions before base out
      bits = accepted<W>(lo, hi, p + at) >> (base - at);
    } else {
      unsigned char tail[32 + NibbleTables::kMaxWidth - 1] = {};
      std::memcpy(tail, p + base, left);
      bits = accepted<W>(lo, hi, tail);
    }
    const std::size_t starts = left >= W ? left - W + 1 : 0;  // positions with W bytes left
    out[w] = bits & (starts >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << starts) - 1);
  }
}

// Word by word, the tables in registers throughout: a pair is a position accepted with the
// one gap bytes on, which the next word completes near its start.
template <std::size_t W>
__attribute__((target("avx2"))) bool nibble_pairs_w(const unsigned char* p, std::size_t n, const NibbleTables& t, std::size_t gap,
                                                    bool (*visit)(void*, std::size_t), void* context) {
  __m256i lo[W], hi[W];
  for (std::size_t j = 0; j < W; ++j) {
    lo[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.lo[j].data())));
    hi[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.hi[j].data())));
  }
  constexpr std::size_t kLoad = 32 + W - 1;
  if (n < kLoad) return scalar::nibble_pairs(p, n, t, gap, visit, context);
  std::uint64_t window = 0;  // the word before in the low half, this one above it
  for (std::size_t base = 0; base < n; base += 32) {
    // The last word from the last bytes, its positions before base shifted out and those
    // without W bytes left taken out.
    const std::size_t at = std::min(base, n - kLoad), left = n - base;
    std::uint32_t bits = 0;  // no position has W bytes left when fewer are
    if (left >= W) {
      bits = accepted<W>(lo, hi, p + at) >> (base - at);
      if (left < kLoad) bits &= (std::uint32_t{1} << (left - W + 1)) - 1;
    }
    window |= std::uint64_t{bits} << 32;
    if (base > 0)
      for (std::uint64_t pairs = window & (window >> gap) & 0xFFFFFFFFu; pairs != 0; pairs &= pairs - 1)
        if (visit(context, base - 32 + static_cast<std::size_t>(std::countr_zero(pairs)))) return true;
    window >>= 32;
  }
  for (std::uint64_t pairs = window & (window >> gap) & 0xFFFFFFFFu; pairs != 0; pairs &= pairs - 1)
    if (visit(context, 32 * ((n - 1) / 32) + static_cast<std::size_t>(std::countr_zero(pairs)))) return true;
  return false;
}

}  // namespace

bool nibble_pairs(const unsigned char* p, std::size_t n, const NibbleTables& t, std::size_t gap,
                  bool (*visit)(void*, std::size_t), void* context) {
  switch (t.width) {
    case 1: return nibble_pairs_w<1>(p, n, t, gap, visit, context);
    case 2: return nibble_pairs_w<2>(p, n, t, gap, visit, context);
    case 3: return nibble_pairs_w<3>(p, n, t, gap, visit, context);
    case 4: return nibble_pairs_w<4>(p, n, t, gap, visit, context);
    default: return nibble_pairs_w<5>(p, n, t, gap, visit, context);
  }
}

void nibble_match(const unsigned char* p, std::size_t n, const NibbleTables& t, std::uint32_t* out) {
  switch (t.width) {
    case 1: return nibble_match_w<1>(p, n, t, out);
    case 2: return nibble_match_w<2>(p, n, t, out);
    case 3: return nibble_match_w<3>(p, n, t, out);
    case 4: return nibble_match_w<4>(p, n, t, out);
    default: return nibble_match_w<5>(p, n, t, out);
  }
}

}  // namespace newsplit::simd::avx2

#endif
