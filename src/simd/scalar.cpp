// The kernels a byte at a time: the reference the vector levels follow, and what runs on a
// CPU without them.
#include <array>

#include <simdjson.h>

#include "scalar.hpp"

namespace newsplit::simd::scalar {

namespace {

bool in(unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; }

}  // namespace

bool valid_utf8(const unsigned char* p, std::size_t n) {
  static const simdjson::implementation* fallback = simdjson::get_available_implementations()["fallback"];
  return fallback->validate_utf8(reinterpret_cast<const char*>(p), n);
}

ByteMasks masks64(const unsigned char* p) {
  ByteMasks m;
  for (unsigned i = 0; i < 64; ++i) {
    const unsigned char b = p[i];
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (b == '\n') m.newline |= bit;
    if (in(b, 0xE4, 0xE9)) m.han |= bit;
    if (in(b, 0x21, 0x7F)) m.printable |= bit;
    if (b == ' ' || b == '\t') m.blank |= bit;
    if (b == ',' || b == ';' || b == '!' || b == '?') m.prose |= bit;
    if (in(b, 0xE0, 0xEF)) m.lead3 |= bit;
    if (in(b, 0x80, 0xBF)) m.cont |= bit;
    if (b >= 0x80 && !in(b, 0xE0, 0xEF) && !in(b, 0x80, 0xBF)) m.other |= bit;
  }
  return m;
}

void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out) {
  for (std::size_t k = 0; k < blocks; ++k) out[k] = masks64(p + 64 * k);
}

std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) count += static_cast<unsigned char>(p[i] - lo) <= static_cast<unsigned char>(hi - lo);
  return count;
}

std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n) {
  while (j < n && !kAttention[p[j]]) ++j;
  return j;
}

std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n) {
  for (; i + 1 < n; ++i) {
    const unsigned char b0 = p[i], b1 = p[i + 1];
    if ((b0 == 0xE2 && in(b1, 0xB8, 0xBF)) || (b0 == 0xEF && in(b1, 0xA4, 0xAB)) || (b0 == 0xF0 && b1 == 0xAF)) return i;
  }
  return n;
}

std::size_t plain_json_run(const unsigned char*, std::size_t) { return 0; }

bool may_start(const unsigned char* p, std::size_t i, std::size_t n, const NibbleTables& t) {
  if (i + t.width > n) return false;
  std::uint8_t buckets = 0xFF;
  for (std::size_t j = 0; j < t.width; ++j) buckets &= t.lo[j][p[i + j] & 15u] & t.hi[j][p[i + j] >> 4];
  return buckets != 0;
}

void nibble_match(const unsigned char* p, std::size_t n, const NibbleTables& t, std::uint32_t* out) {
  for (std::size_t w = 0; w < (n + 31) / 32; ++w) out[w] = 0;
  for (std::size_t i = 0; i + t.width <= n; ++i)
    if (may_start(p, i, n, t)) out[i / 32] |= std::uint32_t{1} << (i % 32);
}

bool nibble_pairs(const unsigned char* p, std::size_t n, const NibbleTables& t, std::size_t gap,
                  bool (*visit)(void* context, std::size_t i), void* context) {
  for (std::size_t i = 0; i + gap < n; ++i)
    if (may_start(p, i, n, t) && may_start(p, i + gap, n, t) && visit(context, i)) return true;
  return false;
}

}  // namespace newsplit::simd::scalar
