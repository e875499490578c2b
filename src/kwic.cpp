#include "newsplit/kwic.hpp"

#include <algorithm>
#include <string_view>

#include "newsplit/unicode.hpp"

namespace newsplit {

std::vector<KwicHit> keyword_hits(const Article& article, const KeywordMatcher& matcher, Scope scope, std::size_t width,
                                  bool ignore_case) {
  // The article's counted texts one after the other: context runs across them (a paragraph's
  // end and the next one's start), never into another article. Matches stay within a text,
  // as count finds them.
  std::string all;
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // [from, to) of each text in `all`
  for_each_counted_text(article, scope, [&](std::string_view t) {
    pieces.emplace_back(all.size(), all.size() + t.size());
    all.append(t);
  });
  const std::string hay = ignore_case ? unicode::ascii_lower(all) : all;
  struct At {
    std::size_t pos, keyword, len;
  };
  std::vector<At> found;
  for (std::size_t k = 0; k < matcher.size(); ++k) {
    const std::string key = ignore_case ? unicode::ascii_lower(matcher.keyword(k)) : matcher.keyword(k);
    if (key.empty()) continue;
    for (const auto& [from, to] : pieces) {
      const std::string_view piece = std::string_view(hay).substr(from, to - from);
      for (std::size_t p = piece.find(key); p != std::string_view::npos; p = piece.find(key, p + 1))
        found.push_back(At{from + p, k, key.size()});
    }
  }
  std::sort(found.begin(), found.end(), [](const At& a, const At& b) { return a.pos != b.pos ? a.pos < b.pos : a.keyword < b.keyword; });
  std::vector<KwicHit> hits;
  hits.reserve(found.size());
  const std::string_view text = all;
  for (const At& f : found) {
    std::size_t b = f.pos;
    for (std::size_t n = 0; n < width && b > 0; ++n) unicode::prev(text, b);
    std::size_t e = f.pos + f.len;
    for (std::size_t n = 0; n < width && e < text.size(); ++n) unicode::next(text, e);
    hits.push_back(KwicHit{f.keyword, std::string(text.substr(b, f.pos - b)), std::string(text.substr(f.pos, f.len)),
                           std::string(text.substr(f.pos + f.len, e - f.pos - f.len))});
  }
  return hits;
}

}  // namespace newsplit
