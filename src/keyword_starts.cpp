#include "keyword_starts.hpp"

#include <algorithm>

#include "simd/scalar.hpp"

namespace newsplit::detail {

namespace {

// Eight buckets: one bit each in the tables' bytes.
constexpr std::size_t kBuckets = 8;

}  // namespace

std::optional<KeywordStarts> KeywordStarts::make(const std::vector<std::string>& keywords, bool fold_ascii_case) {
  if (!simd::kernels().nibbles_in_vectors) return std::nullopt;
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
  for (const auto& k : keywords) begins.push_back(k.substr(0, width));
  std::sort(begins.begin(), begins.end());
  begins.erase(std::unique(begins.begin(), begins.end()), begins.end());
  if (begins.size() > kMaxBeginnings) return std::nullopt;

  KeywordStarts s;
  s.tables_.width = width;
  s.vector_ = simd::kernels().nibbles_in_vectors;
  auto mark = [&](std::size_t j, unsigned char b, std::uint8_t bit) {
    s.tables_.lo[j][b & 15u] |= bit;
    s.tables_.hi[j][b >> 4] |= bit;
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
  return simd::scalar::may_start(p, i, n, tables_);
}

}  // namespace newsplit::detail
