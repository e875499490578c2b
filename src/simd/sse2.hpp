// The SSE2 kernels by name (x86 only), for the table of levels in dispatch.cpp and for the
// AVX2 kernels to finish a text with.
#pragma once

#include "kernels.hpp"

namespace newsplit::simd::sse2 {

void byte_masks(const unsigned char* p, std::size_t blocks, ByteMasks* out);
std::size_t count_in_range(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi);
std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n);
std::size_t next_lookalike(const unsigned char* p, std::size_t i, std::size_t n);
std::size_t plain_json_run(const unsigned char* p, std::size_t n);

}  // namespace newsplit::simd::sse2
