// Where a keyword may start: a vector prefilter in front of the keyword automaton.
//
// Counting spends most of its time passing over text where no keyword starts. The first
// bytes of the keywords (up to three: one whole Chinese character) are looked up 32 input
// positions at a time, by the low and high half of each byte, in small tables of "buckets"
// of keywords (the Teddy method of Hyperscan and ripgrep). A position the tables reject
// starts no keyword; one they accept may, and the automaton reads on from there. Used only
// where the CPU has AVX2 and the keywords' first bytes are few enough to keep the tables
// selective; otherwise the matcher reads byte by byte.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsplit::detail {

class KeywordStarts {
 public:
  // The prefilter for these keywords (as the automaton sees them: A-Z folded to a-z when
  // fold_ascii_case), or nothing when it would not pay: no AVX2, an empty keyword, or too
  // many different beginnings for the tables to reject much.
  static std::optional<KeywordStarts> make(const std::vector<std::string>& keywords, bool fold_ascii_case);
  // The same tables, whatever the CPU (for tests of the tables themselves).
  static std::optional<KeywordStarts> make_tables(const std::vector<std::string>& keywords, bool fold_ascii_case);

  // The first position in [i, n) where a keyword may start, or n. Positions the tables
  // accept may start none (the buckets share their halves); positions they reject start none.
  std::size_t next(const unsigned char* p, std::size_t i, std::size_t n) const;
  // The same answer for one position, byte by byte (the reference the vector code follows).
  bool may_start(const unsigned char* p, std::size_t i, std::size_t n) const;

  std::size_t width() const { return width_; }

  static constexpr std::size_t kMaxWidth = 6;  // two Chinese characters
  using Tables = std::array<std::array<std::uint8_t, 16>, kMaxWidth>;

 private:
  // lo[j][x] / hi[j][x]: the buckets whose keywords have x as the low / high half of byte j.
  Tables lo_{}, hi_{};
  std::size_t width_ = 0;  // bytes looked at: 1 to kMaxWidth, the shortest keyword's length at most
};

}  // namespace newsplit::detail
