#include "headline_scores.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>

#include "cohesion.hpp"

namespace newsplit::detail {

HeadlineScores::HeadlineScores(const std::vector<Unit>& units, const std::vector<std::vector<std::size_t>>& groups,
                               const std::vector<Article>& articles)
    : units_(units), groups_(groups), articles_(articles), words_(groups.size()), openings_(articles.size()),
      cells_(groups.size() * articles.size(), -1.0) {}

HeadlineScores::~HeadlineScores() = default;

std::string HeadlineScores::headline(std::size_t g) const {
  std::string text;
  for (std::size_t u : groups_[g]) text += units_[u].text();
  return text;
}

const std::string& HeadlineScores::opening(std::size_t a) {
  std::string& o = openings_[a];
  if (o.empty())
    for (const std::string& p : articles_[a].paragraphs) {
      if (o.size() >= kOpeningBytes) break;
      o += p;
    }
  return o;
}

double HeadlineScores::work_out(std::size_t g, std::size_t a) {
  double& s = cells_[g * articles_.size() + a];
  if (!words_[g]) words_[g] = std::make_unique<HeadlineWords>(headline(g));
  return s = words_[g]->share(opening(a));
}

void HeadlineScores::read_rows(const std::vector<std::size_t>& groups, const std::vector<std::size_t>& articles) {
  // Every distinct pair of these groups' headlines, sorted, with its group (by place in
  // `groups`) and its place among that group's pairs.
  struct Entry {
    std::uint64_t pair;
    std::uint32_t group, index;
    bool operator<(const Entry& o) const { return pair < o.pair; }
  };
  std::vector<Entry> entries;
  std::vector<std::size_t> counts(groups.size());
  for (std::size_t k = 0; k < groups.size(); ++k) {
    if (!words_[groups[k]]) words_[groups[k]] = std::make_unique<HeadlineWords>(headline(groups[k]));
    std::vector<std::uint64_t> pairs = words_[groups[k]]->pairs();
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    counts[k] = pairs.size();
    for (std::size_t i = 0; i < pairs.size(); ++i)
      entries.push_back({pairs[i], static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(i)});
  }
  std::sort(entries.begin(), entries.end());
  // Most pairs of an opening are in no headline: a bit per hash says so at once.
  constexpr std::size_t kBits = 1 << 16;
  auto hash = [](std::uint64_t pair) { return static_cast<std::size_t>((pair * 0x9E3779B97F4A7C15ULL) >> 48); };
  auto maybe = std::make_unique<std::bitset<kBits>>();
  for (const Entry& e : entries) maybe->set(hash(e.pair));
  // Which article last found each pair of each group: a pair counts once per opening.
  std::vector<std::vector<std::size_t>> found_by(groups.size());
  for (std::size_t k = 0; k < groups.size(); ++k) found_by[k].assign(counts[k], ~std::size_t{0});
  std::vector<std::size_t> found(groups.size());
  for (const std::size_t a : articles) {
    std::fill(found.begin(), found.end(), 0);
    cohesion::each_adjacent_pair(opening(a), [&](std::uint64_t pair) {
      if (!maybe->test(hash(pair))) return;
      for (auto it = std::lower_bound(entries.begin(), entries.end(), Entry{pair, 0, 0}); it != entries.end() && it->pair == pair; ++it) {
        std::size_t& last = found_by[it->group][it->index];
        if (last != a) {
          last = a;
          ++found[it->group];
        }
      }
    });
    // The share as HeadlineWords gives it: found over the headline's distinct pairs, 0 for none.
    for (std::size_t k = 0; k < groups.size(); ++k)
      cells_[groups[k] * articles_.size() + a] = counts[k] ? static_cast<double>(found[k]) / static_cast<double>(counts[k]) : 0.0;
  }
}

}  // namespace newsplit::detail
