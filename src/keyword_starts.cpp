#include "keyword_starts.hpp"

#include <algorithm>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NEWSPLIT_X86 1
#endif

namespace newsplit::detail {

namespace {

// Eight buckets: one bit each in the tables' bytes.
constexpr std::size_t kBuckets = 8;
// More different beginnings than this and nearly every Chinese character passes the tables
// (each half of each byte is then claimed by some bucket): reading byte by byte is as fast.
constexpr std::size_t kMaxBeginnings = 32;

bool cpu_has_avx2() {
#if defined(NEWSPLIT_X86)
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

unsigned char lower_ascii(unsigned char b) { return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b - 'A' + 'a') : b; }

#if defined(NEWSPLIT_X86)
// The positions of the 32 at q that may start a keyword, as bits: the buckets of byte j of
// each position, looked up by its halves (pshufb), ANDed over the W bytes; a position with
// a bucket left may start a keyword.
template <std::size_t W>
__attribute__((target("avx2"))) inline std::uint32_t accepted(const __m256i* lo_t, const __m256i* hi_t,
                                                              const unsigned char* q) {
  const __m256i low_half = _mm256_set1_epi8(0x0F);
  __m256i buckets = _mm256_set1_epi8(-1);
  for (std::size_t j = 0; j < W; ++j) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + j));
    const __m256i l = _mm256_and_si256(v, low_half);
    const __m256i h = _mm256_and_si256(_mm256_srli_epi16(v, 4), low_half);
    buckets = _mm256_and_si256(buckets, _mm256_and_si256(_mm256_shuffle_epi8(lo_t[j], l), _mm256_shuffle_epi8(hi_t[j], h)));
  }
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(buckets, _mm256_setzero_si256())));
}

template <std::size_t W>
__attribute__((target("avx2"))) std::size_t next_avx2(const KeywordStarts::Tables& lo,
                                                      const KeywordStarts::Tables& hi,
                                                      const unsigned char* p, std::size_t i, std::size_t n) {
  __m256i lo_t[W], hi_t[W];
  for (std::size_t j = 0; j < W; ++j) {
    lo_t[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(lo[j].data())));
    hi_t[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(hi[j].data())));
  }
  for (; i + 32 + (W - 1) <= n; i += 32)
    if (const std::uint32_t bits = accepted<W>(lo_t, hi_t, p + i)) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  // The last positions (fewer than 32 with room for the shortest keyword), from a copy with
  // room to load: most texts counted are a paragraph or a headline, and end here.
  if (i + W > n) return n;
  const std::size_t positions = n - i - (W - 1);  // 1 to 31
  unsigned char tail[32 + KeywordStarts::kMaxWidth - 1] = {};
  std::copy(p + i, p + n, tail);
  const std::uint32_t bits = accepted<W>(lo_t, hi_t, tail) & ((std::uint32_t{1} << positions) - 1);
  return bits ? i + static_cast<std::size_t>(__builtin_ctz(bits)) : n;
}
#endif

}  // namespace

std::optional<KeywordStarts> KeywordStarts::make(const std::vector<std::string>& keywords, bool fold_ascii_case) {
  if (!cpu_has_avx2()) return std::nullopt;
  return make_tables(keywords, fold_ascii_case);
}

std::optional<KeywordStarts> KeywordStarts::make_tables(const std::vector<std::string>& keywords, bool fold_ascii_case) {
  if (keywords.empty()) return std::nullopt;
  std::size_t width = kMaxWidth;
  for (const auto& k : keywords) width = std::min(width, k.size());
  if (width == 0) return std::nullopt;
  // The different beginnings, sorted: neighbours share their first bytes, and a bucket of
  // neighbours accepts fewer strangers.
  std::vector<std::string> begins;
  for (const auto& k : keywords) {
    std::string b = k.substr(0, width);
    if (fold_ascii_case)
      for (char& c : b) c = static_cast<char>(lower_ascii(static_cast<unsigned char>(c)));
    begins.push_back(std::move(b));
  }
  std::sort(begins.begin(), begins.end());
  begins.erase(std::unique(begins.begin(), begins.end()), begins.end());
  if (begins.size() > kMaxBeginnings) return std::nullopt;

  KeywordStarts s;
  s.width_ = width;
  auto mark = [&](std::size_t j, unsigned char b, std::uint8_t bit) {
    s.lo_[j][b & 15u] |= bit;
    s.hi_[j][b >> 4] |= bit;
  };
  for (std::size_t k = 0; k < begins.size(); ++k) {
    const auto bit = static_cast<std::uint8_t>(1u << (k * kBuckets / begins.size()));
    for (std::size_t j = 0; j < width; ++j) {
      const auto b = static_cast<unsigned char>(begins[k][j]);
      mark(j, b, bit);
      // Folded keywords begin with either case of a letter.
      if (fold_ascii_case && b >= 'a' && b <= 'z') mark(j, static_cast<unsigned char>(b - 'a' + 'A'), bit);
    }
  }
  return s;
}

bool KeywordStarts::may_start(const unsigned char* p, std::size_t i, std::size_t n) const {
  if (i + width_ > n) return false;  // too near the end for the shortest keyword
  std::uint8_t buckets = 0xFF;
  for (std::size_t j = 0; j < width_; ++j) {
    const unsigned char b = p[i + j];
    buckets &= lo_[j][b & 15u] & hi_[j][b >> 4];
  }
  return buckets != 0;
}

std::size_t KeywordStarts::next(const unsigned char* p, std::size_t i, std::size_t n) const {
#if defined(NEWSPLIT_X86)
  if (cpu_has_avx2()) {
    switch (width_) {
      case 1: return next_avx2<1>(lo_, hi_, p, i, n);
      case 2: return next_avx2<2>(lo_, hi_, p, i, n);
      case 3: return next_avx2<3>(lo_, hi_, p, i, n);
      case 4: return next_avx2<4>(lo_, hi_, p, i, n);
      case 5: return next_avx2<5>(lo_, hi_, p, i, n);
      default: return next_avx2<6>(lo_, hi_, p, i, n);
    }
  }
#endif
  for (; i < n; ++i)
    if (may_start(p, i, n)) return i;
  return n;
}

}  // namespace newsplit::detail
