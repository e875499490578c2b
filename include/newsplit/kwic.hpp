// Keyword in context: every occurrence of each keyword in an article's cleaned text, with the
// characters either side, as corpus tools show hits to be read. The hits are the ones `count`
// counts (the same texts, every keyword independently, overlaps included), so the number of
// hits equals the count.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "newsplit/count.hpp"
#include "newsplit/record.hpp"

namespace newsplit {

struct KwicHit {
  std::size_t keyword = 0;  // the matcher's keyword id
  std::string left, match, right;  // up to `width` characters either side, within the article
};

// The hits in one article, in reading order (by position, then by keyword id).
std::vector<KwicHit> keyword_hits(const Article& article, const KeywordMatcher& matcher, Scope scope, std::size_t width,
                                  bool ignore_case);

}  // namespace newsplit
