// The AVX2 kernels by name (x86 only), for the table of levels in dispatch.cpp.
#pragma once

#include "kernels.hpp"

namespace newsplit::simd::avx2 {

bool valid_utf8(const unsigned char* p, std::size_t n);
void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out);
std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi);
std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n);
std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n);
void nibble_match(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::uint32_t* out);
bool nibble_pairs(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::size_t gap,
                  bool (*visit)(void* context, std::size_t i), void* context);

}  // namespace newsplit::simd::avx2
