// Where a keyword may start: a vector prefilter in front of the keyword automaton.
//
// Counting spends most of its time passing over text where no keyword starts. The first
// bytes of the keywords (up to five: a Chinese character and most of the next) are looked
// up many input positions at a time, by the low and high half of each byte, in small tables
// of "buckets" of keywords (the Teddy method of Hyperscan and ripgrep: simd::nibble_match).
// A position the tables reject starts no keyword; one they accept may, and the matcher looks
// there. Used only where the kernels read the tables in vectors (AVX2) and the keywords'
// beginnings are few enough to keep the tables selective; otherwise the matcher reads byte
// by byte. Hand-written rather than Hyperscan because it is faster on Chinese text: with it the
// matcher counted 15 keywords in 100 MB of distinct pages in 0.028 s, Hyperscan in 0.051 s
// (1.85 times as long, the same counts): `cmake -DNEWSPLIT_BENCH=ON` with libhyperscan-dev,
// then `build/bench/newsplit_vs_hyperscan bench/work/distinct-100mb.txt bench/work/keywords.txt`
// after `bench/run` has made the inputs.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simd/kernels.hpp"

namespace newsplit::detail {

class KeywordStarts {
 public:
  // A Chinese character and the lead and second byte of the next. The next one's last byte
  // rejected little more and cost two lookups a position: five bytes counted 14 to 18%
  // faster than six (bench/stages, with keywords of distinct or of shared first characters).
  static constexpr std::size_t kMaxWidth = simd::NibbleTables::kMaxWidth;
  // More different beginnings than this and nearly every Chinese character passes the
  // tables (each half of each byte is then claimed by some bucket): reading byte by byte is
  // as fast, and make() gives no prefilter.
  static constexpr std::size_t kMaxBeginnings = 32;

  // The prefilter for these keywords (as the automaton sees them: A-Z folded to a-z when
  // fold_ascii_case), or nothing when it would not pay: no vector kernel for the tables, an
  // empty keyword, or too many different beginnings for the tables to reject much.
  static std::optional<KeywordStarts> make(const std::vector<std::string>& keywords, bool fold_ascii_case);
  // The same tables, whatever the CPU (for tests of the tables themselves: scan reads many
  // positions at a time where the kernels allow, byte by byte elsewhere).
  static std::optional<KeywordStarts> make_tables(const std::vector<std::string>& keywords, bool fold_ascii_case);

  // Calls read(i) at each position i of p[0, n) that may start a keyword, in order; read
  // returns where to go on (after i). Positions the tables accept may start none (the
  // buckets share their halves); positions they reject start none.
  template <typename Read>
  void scan(const unsigned char* p, std::size_t n, Read&& read) const;
  // The same answer for one position, byte by byte (the reference the vector code follows).
  bool may_start(const unsigned char* p, std::size_t i, std::size_t n) const;
  // The bytes the tables look at: every keyword is at least this long.
  std::size_t width() const { return tables_.width; }

 private:
  // The buckets whose keywords have a byte's low / high half at each of their first bytes
  // (1 to kMaxWidth, the shortest keyword's length at most).
  simd::NibbleTables tables_;
  bool vector_ = false;  // the kernels read the tables many positions at a time
};

template <typename Read>
void KeywordStarts::scan(const unsigned char* p, std::size_t n, Read&& read) const {
  if (!vector_) {
    for (std::size_t i = 0; i < n;) i = may_start(p, i, n) ? read(i) : i + 1;
    return;
  }
  // The accepted positions of the whole text as bits, 32 a word, then visited in order from
  // where the reader goes on.
  thread_local std::vector<std::uint32_t> accepted;
  accepted.resize((n + 31) / 32);
  simd::kernels().nibble_match(p, n, tables_, accepted.data());
  std::size_t i = 0;
  for (std::size_t w = 0; w < accepted.size(); ++w) {
    const std::size_t base = 32 * w;
    if (i >= base + 32) continue;
    std::uint32_t bits = accepted[w];
    if (i > base) bits &= ~std::uint32_t{0} << (i - base);
    while (bits != 0) {
      i = read(base + static_cast<std::size_t>(std::countr_zero(bits)));
      if (i >= base + 32) break;
      bits &= ~std::uint32_t{0} << (i - base);
    }
  }
}

}  // namespace newsplit::detail
