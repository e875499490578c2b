// The scalar kernels by name, for the table of levels in dispatch.cpp and for the vector
// kernels to finish a text's last bytes with.
#pragma once

#include <array>
#include <string_view>

#include "kernels.hpp"

namespace newsplit::simd::scalar {

bool valid_utf8(const unsigned char* p, std::size_t n);  // simdjson's portable validator
ByteMasks masks64(const unsigned char* p);
void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out);
std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi);
// A byte that may start something cleaning changes: ASCII whitespace and the half-width
// marks, and the lead bytes of the Unicode spaces (C2 A0, E2 80 8x, E3 80 80, EF BB BF).
// Here, so that cleaning's byte-at-a-time look ahead reads it in place.
inline constexpr std::array<bool, 256> kAttention = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view(" \t\r\n\v\f,.?!;:()\"")) t[c] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}();
inline bool attention_byte(unsigned char b) { return kAttention[b]; }
std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n);
std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n);
std::size_t plain_json_run(const unsigned char* p, std::size_t n);
// Whether position i may start a pattern of the tables (the byte-wise test of nibble_match).
bool may_start(const unsigned char* p, std::size_t i, std::size_t n, const NibbleTables& tables);
void nibble_match(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::uint32_t* out);
bool nibble_pairs(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::size_t gap,
                  bool (*visit)(void* context, std::size_t i), void* context);

}  // namespace newsplit::simd::scalar
