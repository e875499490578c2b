// The scores that match headlines standing apart to their bodies (src/headline_scores.hpp):
// the share of a headline's pairs of adjacent Han characters found in a body's opening, read
// one cell at a time or, for many headlines at once, a row of every body in one reading of the
// openings. Both readings must give the same numbers, or a page's articles would depend on how
// many headlines it has to place.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "headline_scores.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

namespace {

using newsplit::Article;
using newsplit::Role;
using newsplit::Span;
using newsplit::Unit;
using newsplit::detail::HeadlineScores;

// Headline groups of one unit each (a unit of one or more spans of text) and articles of
// paragraphs; they are kept alive here for the scorer, which holds references.
struct Page {
  std::vector<std::string> texts;  // what the spans point into
  std::vector<Unit> units;
  std::vector<std::vector<std::size_t>> groups;
  std::vector<Article> articles;

  void headline(std::vector<std::string> parts) {
    Unit u;
    u.role = Role::Headline;
    for (std::string& p : parts) {
      texts.push_back(std::move(p));
      u.spans.push_back(Span{0, {}});
    }
    units.push_back(std::move(u));
    groups.push_back({units.size() - 1});
  }
  void article(std::vector<std::string> paragraphs) {
    Article a;
    a.paragraphs = std::move(paragraphs);
    articles.push_back(std::move(a));
  }
  // Points the spans at their texts once every text is in place.
  void settle() {
    std::size_t t = texts.size();
    for (auto u = units.rbegin(); u != units.rend(); ++u)
      for (auto s = u->spans.rbegin(); s != u->spans.rend(); ++s) s->text = texts[--t];
  }
};

std::vector<std::size_t> all(std::size_t n) {
  std::vector<std::size_t> v(n);
  for (std::size_t k = 0; k < n; ++k) v[k] = k;
  return v;
}

TEST(HeadlineScores, ShareOfTheHeadlinesPairsInTheOpening) {
  Page p;
  p.headline({"经济发展"});                // pairs 经济 济发 发展
  p.headline({"城市更新", "老旧小区"});    // two spans run together: 新老 is a pair too (7 in all)
  p.headline({"ABC"});                     // no Han pair: scores 0
  p.article({"今年经济稳中有进，发展质量提升。"});  // 经济 and 发展, not 济发
  p.article({"城市更新让老旧小区换新颜。", "城市更新老旧小区"});
  p.settle();
  HeadlineScores s(p.units, p.groups, p.articles);
  EXPECT_DOUBLE_EQ(s(0, 0), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(s(1, 1), 1.0);  // the second paragraph holds every pair, 新老 included
  EXPECT_DOUBLE_EQ(s(1, 0), 0.0);
  EXPECT_DOUBLE_EQ(s(2, 0), 0.0);
}

// Every cell both ways, on headlines and openings of the sample pages' own lines: short lines
// as headlines, runs of the other lines as bodies (with spaced-out text, a character beyond
// the BMP and openings shorter than a vector among them).
TEST(HeadlineScores, RowsGiveWhatCellsGive) {
  Page p;
  std::vector<std::string> body;
  for (const char* name : {"page-000.txt", "page-002.txt", "page-003.txt"}) {
    const std::string text = test::read_file(test::sample_path(name));
    for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
      end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(at, end - at);
      const std::size_t chars = newsplit::unicode::count(line);
      if (chars >= 4 && chars <= 20 && p.groups.size() < 60) p.headline({line});
      else if (!line.empty()) body.push_back(line);
      if (body.size() == 6) p.article(std::move(body)), body.clear();
    }
  }
  p.headline({"𠀀经济", "发展"});
  p.article({"经 济 发 展"});
  p.article({"𠀀经济发展"});
  p.article({"发展"});
  p.settle();
  ASSERT_GE(p.groups.size(), 20u);
  ASSERT_GE(p.articles.size(), 20u);
  HeadlineScores cells(p.units, p.groups, p.articles), rows(p.units, p.groups, p.articles);
  rows.read_rows(all(p.groups.size()), all(p.articles.size()));
  int nonzero = 0;
  for (std::size_t g = 0; g < p.groups.size(); ++g)
    for (std::size_t a = 0; a < p.articles.size(); ++a) {
      EXPECT_EQ(rows(g, a), cells(g, a)) << "group " << g << ", article " << a;
      nonzero += cells(g, a) > 0;
    }
  EXPECT_GT(nonzero, 20);  // the comparison is over real shares, not zeros only
  const std::size_t last = p.groups.size() - 1, n = p.articles.size();
  EXPECT_DOUBLE_EQ(cells(last, n - 3), 0.0);        // spaced out: no two characters side by side
  EXPECT_DOUBLE_EQ(cells(last, n - 2), 1.0);        // 𠀀经 经济 济发 发展
  EXPECT_DOUBLE_EQ(cells(last, n - 1), 1.0 / 4.0);  // 发展 only
}

// Rows for some groups and some articles leave the other cells to be read one at a time.
TEST(HeadlineScores, RowsOfSomeGroupsLeaveTheOthersAlone) {
  Page p;
  p.headline({"经济发展"});
  p.headline({"城市更新"});
  p.article({"经济发展"});
  p.article({"城市更新"});
  p.settle();
  HeadlineScores s(p.units, p.groups, p.articles);
  s.read_rows({1}, {1});
  EXPECT_DOUBLE_EQ(s(1, 1), 1.0);
  EXPECT_DOUBLE_EQ(s(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(s(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(s(1, 0), 0.0);
}

}  // namespace
