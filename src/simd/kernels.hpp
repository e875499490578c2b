// The byte-scanning kernels the stages share, one set per instruction set: scalar.cpp (any
// CPU), sse2.cpp (every x86-64), avx2.cpp (chosen at run time where the CPU has it). Each
// kernel is a plain function with the same answer at every level; the stages call them
// through kernels() and hold no vector code of their own. NEWSPLIT_SIMD=scalar|sse2|avx2 in
// the environment forces a level (one the CPU lacks falls back to its best), so that every
// level is tested on any machine. Internal to the core.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsplit::simd {

enum class Level { Scalar, Sse2, Avx2 };
std::string_view level_name(Level level);

// What each of 64 bytes is, bit i for byte i (the line measures of a page are sums of these).
struct ByteMasks {
  std::uint64_t newline = 0;
  std::uint64_t han = 0;        // lead bytes E4..E9 (U+4000..9FFF)
  std::uint64_t printable = 0;  // ASCII 21..7F
  std::uint64_t blank = 0;      // space, tab
  std::uint64_t prose = 0;      // , ; ! ?
  std::uint64_t lead3 = 0;      // E0..EF
  std::uint64_t cont = 0;       // 80..BF
  std::uint64_t other = 0;      // the other bytes from 80 up (two- and four-byte leads, invalid bytes)
};

// Tables of the bytes that may stand at each of the first `width` positions of a pattern,
// by the low and the high half of the byte: bit b of lo[j][x] says that the patterns of
// bucket b may have a byte with low half x at position j (the Teddy method of Hyperscan).
// A text position may start a pattern when some bucket holds each of its next bytes.
struct NibbleTables {
  static constexpr std::size_t kMaxWidth = 5;
  std::array<std::array<std::uint8_t, 16>, kMaxWidth> lo{}, hi{};
  std::size_t width = 1;  // 1 to kMaxWidth
};

struct Kernels {
  Level level;
  // The masks of `blocks` blocks of 64 bytes from p.
  void (*byte_masks)(const unsigned char* p, std::size_t blocks, ByteMasks* out);
  // Whether p[0, n) is valid UTF-8 (simdjson's validator, at the level's instruction set).
  bool (*valid_utf8)(const unsigned char* p, std::size_t n);
  // How many bytes of p[0, n) are from lo to hi.
  std::size_t (*count_in_range)(const unsigned char* p, std::size_t n, unsigned char lo, unsigned char hi);
  // The first position from j on where text cleaning may have work, or n: ASCII blanks and
  // half-width marks, C2 (U+00A0) and the leads of the Unicode spaces (E2 80, E2 81, E3 80 80,
  // EF BB). Some candidates need nothing (digits, other marks): the caller looks at each.
  std::size_t (*next_attention)(const unsigned char* p, std::size_t j, std::size_t n);
  // The first position from i on whose two bytes may start a look-alike character (E2 B8..BF,
  // EF A4..AB, F0 AF), or n. The caller looks at each.
  std::size_t (*next_lookalike)(const unsigned char* p, std::size_t i, std::size_t n);
  // How many bytes from p on plainly need no JSON escape (no control, quote or backslash), in
  // whole blocks (0 at the scalar level); the caller goes on from there.
  std::size_t (*plain_json_run)(const unsigned char* p, std::size_t n);
  // Whether the tables are read many positions at a time (else a byte-wise test is as fast).
  bool nibbles_in_vectors;
  // Bit i % 32 of out[i / 32]: position i of p[0, n) may start a pattern of the tables (only
  // positions with `width` bytes left). Writes (n + 31) / 32 words.
  void (*nibble_match)(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::uint32_t* out);
  // Calls visit(context, i), in order, at each position i of p[0, n) where the tables accept
  // both i and i + gap (two patterns side by side), until visit returns true; then returns
  // true. gap is 1 to 31.
  bool (*nibble_pairs)(const unsigned char* p, std::size_t n, const NibbleTables& tables, std::size_t gap,
                       bool (*visit)(void* context, std::size_t i), void* context);
};

// The kernels of the level in use: the CPU's best, or NEWSPLIT_SIMD's, chosen once when the
// program starts (dispatch.cpp).
extern const Kernels* const active_kernels;
inline const Kernels& kernels() { return *active_kernels; }
// Each level's table (the tests compare them; a level the CPU lacks must not be run).
const Kernels& scalar_kernels();
const Kernels& sse2_kernels();
const Kernels& avx2_kernels();

}  // namespace newsplit::simd
