// Internal to the assembler: how much of each headline's wording each article's opening
// holds, for matching headlines that stand apart to the bodies they sum up. A headline's
// wording is its pairs of adjacent Han characters (HeadlineWords); its score against an
// article is the share of those pairs found in the article's first 300 characters or so.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "newsplit/classify.hpp"
#include "newsplit/layout.hpp"
#include "newsplit/record.hpp"

namespace newsplit::detail {

class HeadlineScores {
 public:
  // How much of a body's opening holds its headline's words: about 300 characters.
  static constexpr std::size_t kOpeningBytes = 900;
  // groups: the units of each headline group; articles: the page's articles so far.
  HeadlineScores(const std::vector<Unit>& units, const std::vector<std::vector<std::size_t>>& groups,
                 const std::vector<Article>& articles);
  ~HeadlineScores();
  // The share (0 to 1) of group g's pairs found in article a's opening, worked out when first
  // asked for (each group's wording read once, each opening gathered once).
  double operator()(std::size_t g, std::size_t a) {
    const double s = cells_[g * articles_.size() + a];
    return s >= 0 ? s : work_out(g, a);
  }
  // Works out the scores of these groups against these articles at once, reading each opening
  // a single time for all the groups. A page of many articles with many headlines to place
  // would otherwise read every opening again for each group: on a file of many pages without
  // a form feed between them, that grows with the square of its size.
  void read_rows(const std::vector<std::size_t>& groups, const std::vector<std::size_t>& articles);

 private:
  double work_out(std::size_t g, std::size_t a);
  std::string headline(std::size_t g) const;
  const std::string& opening(std::size_t a);
  const std::vector<Unit>& units_;
  const std::vector<std::vector<std::size_t>>& groups_;
  const std::vector<Article>& articles_;
  std::vector<std::unique_ptr<HeadlineWords>> words_;
  std::vector<std::string> openings_;
  std::vector<double> cells_;  // g * articles + a; below 0 while not worked out
};

}  // namespace newsplit::detail
