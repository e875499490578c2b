// The kernels sixteen bytes at a time, with SSE2 (every x86-64 CPU has it). The tables of
// nibble_match need a byte shuffle (SSSE3 and up), so that one is the scalar kernel here.
#include "scalar.hpp"
#include "sse2.hpp"

#if defined(__SSE2__)

#include <bit>

#include <emmintrin.h>

namespace newsplit::simd::sse2 {

namespace {

__m128i load(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
__m128i is(__m128i v, unsigned char b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); }
// Unsigned lo <= byte <= hi.
__m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
  const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(static_cast<char>(hi - lo))), x);
}
unsigned bits(__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); }

}  // namespace

void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out) {
  for (std::size_t k = 0; k < blocks; ++k, p += 64) {
    ByteMasks r;
    for (int h = 0; h < 4; ++h) {
      const __m128i v = load(p + 16 * h);
      const int at = 16 * h;
      auto put = [&](std::uint64_t& mask, __m128i m) { mask |= std::uint64_t{bits(m)} << at; };
      const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());  // bytes 80..FF
      const __m128i lead3 = in_range(v, 0xE0, 0xEF), cont = in_range(v, 0x80, 0xBF);
      put(r.newline, is(v, '\n'));
      put(r.han, in_range(v, 0xE4, 0xE9));
      put(r.printable, in_range(v, 0x21, 0x7F));
      put(r.blank, _mm_or_si128(is(v, ' '), is(v, '\t')));
      put(r.prose, _mm_or_si128(_mm_or_si128(is(v, ','), is(v, ';')), _mm_or_si128(is(v, '!'), is(v, '?'))));
      put(r.lead3, lead3);
      put(r.cont, cont);
      put(r.other, _mm_andnot_si128(_mm_or_si128(lead3, cont), high));
    }
    out[k] = r;
  }
}

// Each lane counts up to 255 matches before the lanes are summed; the last bytes are the last
// sixteen again, those counted before left out.
std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi) {
  if (n < 16) return scalar::count_in_range(p, n, lo, hi);
  std::size_t total = 0, i = 0;
  auto settle = [&](__m128i lanes) {
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    total += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) + static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  };
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    for (int round = 0; round < 255 && i + 16 <= n; ++round, i += 16) lanes = _mm_sub_epi8(lanes, in_range(load(p + i), lo, hi));
    settle(lanes);
  }
  if (i < n) {
    const int counted = static_cast<int>(16 - (n - i));  // of the last sixteen
    const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i fresh = _mm_cmpgt_epi8(index, _mm_set1_epi8(static_cast<char>(counted - 1)));
    settle(_mm_sub_epi8(_mm_setzero_si128(), _mm_and_si128(fresh, in_range(load(p + n - 16), lo, hi))));
  }
  return total;
}

// Past Han runs and the Chinese marks between them: the candidates are the bytes up to 0x3F,
// C2, and the three-byte forms of the Unicode spaces (a little more than them).
std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n) {
  for (; j + 18 <= n; j += 16) {
    const __m128i b0 = load(p + j), b1 = load(p + j + 1), b2 = load(p + j + 2);
    const __m128i low = in_range(b0, 0, 0x3F);
    // E2 80 80..8B, E2 80 AF, E2 81 xx: U+2000..200B, U+202F, U+205F (and a few marks beside)
    const __m128i e2 =
        _mm_and_si128(is(b0, 0xE2), _mm_or_si128(_mm_and_si128(is(b1, 0x80), _mm_or_si128(in_range(b2, 0, 0x8B), is(b2, 0xAF))), is(b1, 0x81)));
    const __m128i e3 = _mm_and_si128(_mm_and_si128(is(b0, 0xE3), is(b1, 0x80)), is(b2, 0x80));  // U+3000
    const __m128i ef = _mm_and_si128(is(b0, 0xEF), is(b1, 0xBB));                               // U+FEFF
    const unsigned m = bits(_mm_or_si128(_mm_or_si128(low, is(b0, 0xC2)), _mm_or_si128(e2, _mm_or_si128(e3, ef))));
    if (m != 0) return j + static_cast<std::size_t>(std::countr_zero(m));
  }
  return scalar::next_attention(p, j, n);
}

std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n) {
  for (; i + 17 <= n; i += 16) {
    const __m128i b0 = load(p + i), b1 = load(p + i + 1);
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_and_si128(is(b0, 0xE2), in_range(b1, 0xB8, 0xBF)),
                                                  _mm_and_si128(is(b0, 0xEF), in_range(b1, 0xA4, 0xAB))),
                                     _mm_and_si128(is(b0, 0xF0), is(b1, 0xAF)));
    if (const unsigned m = bits(hit)) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
  return scalar::next_lookalike(p, i, n);
}

std::size_t plain_json_run(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = load(p + i);
    const __m128i special = _mm_or_si128(in_range(v, 0, 0x1F), _mm_or_si128(is(v, '"'), is(v, '\\')));
    if (const unsigned m = bits(special)) return i + static_cast<std::size_t>(std::countr_zero(m));
  }
  return i;
}

}  // namespace newsplit::simd::sse2

#endif
