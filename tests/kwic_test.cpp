// Keyword in context: the hits are count's, with the article's text either side.
#include <gtest/gtest.h>

#include "newsplit/kwic.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

using newsplit::Article;
using newsplit::KeywordMatcher;
using newsplit::keyword_hits;
using newsplit::Scope;

namespace {

Article article(std::vector<std::string> paragraphs, std::string title = "") {
  Article a;
  a.title = std::move(title);
  a.paragraphs = std::move(paragraphs);
  return a;
}

}  // namespace

TEST(Kwic, EveryHitCountCountsWithItsContext) {
  const KeywordMatcher m({"社区", "完整社区"});
  const Article a = article({"完整社区建设让社区居民受益。"});
  const auto hits = keyword_hits(a, m, Scope::Body, 2, false);
  ASSERT_EQ(hits.size(), 3u);  // overlaps count, as in count: 社区 twice, 完整社区 once
  EXPECT_EQ(hits[0].match, "完整社区");
  EXPECT_EQ(hits[0].left, "");  // the article's start: nothing before it
  EXPECT_EQ(hits[0].right, "建设");
  EXPECT_EQ(hits[1].match, "社区");
  EXPECT_EQ(hits[1].left, "完整");
  EXPECT_EQ(hits[2].left, "设让");
  EXPECT_EQ(hits[2].right, "居民");
}

TEST(Kwic, ContextRunsAcrossParagraphsButNotPastTheArticle) {
  const KeywordMatcher m({"社区"});
  const Article a = article({"第一段。", "社区"}, "标题");
  const auto hits = keyword_hits(a, m, Scope::Body, 5, false);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].left, "题第一段。");  // the headline and the paragraph before, five characters
  EXPECT_EQ(hits[0].right, "");          // the article ends there
  // A keyword is never found across two texts: each is counted on its own.
  EXPECT_TRUE(keyword_hits(article({"城", "市"}), KeywordMatcher({"城市"}), Scope::Body, 5, false).empty());
}

TEST(Kwic, IgnoringCaseShowsTheTextAsWritten) {
  const KeywordMatcher m({"rcep"}, true);
  const auto hits = keyword_hits(article({"RCEP规则与Rcep"}), m, Scope::Body, 1, true);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].match, "RCEP");
  EXPECT_EQ(hits[1].match, "Rcep");
  EXPECT_EQ(hits[1].left, "与");
}

TEST(Kwic, TheCommandPrintsARowForEveryCountedHit) {
  std::vector<std::string> files;
  for (const char* name : {"page-000.txt", "page-002.txt", "page-003.txt"}) files.push_back(test::sample_path(name));
  std::vector<std::string> kwic = {"kwic", "-k", "社区", "-k", "城市更新", "-f", "tsv"}, count = {"count", "-k", "社区", "-k", "城市更新", "-f", "tsv"};
  kwic.insert(kwic.end(), files.begin(), files.end());
  count.insert(count.end(), files.begin(), files.end());
  const auto rows = test::read_tsv(test::run(kwic).out);
  const auto totals = test::read_tsv(test::run(count).out);
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"file", "index", "title", "left", "keyword", "right"}));
  EXPECT_EQ(rows.size() - 1, std::stoul(totals[1][1]) + std::stoul(totals[2][1]));
  for (std::size_t k = 1; k < rows.size(); ++k) EXPECT_TRUE(rows[k][4] == "社区" || rows[k][4] == "城市更新");
  EXPECT_EQ(test::run({"kwic", files[0]}).status, 2);  // no keywords: a usage error
}

TEST(Kwic, TheTableLinesUpTheKeywordByDisplayWidth) {
  test::TempDir tmp;
  const std::string f = tmp.file("p.txt", "标题\n\n老城区的居民说，社区变了。AB社区很好。\n");
  const auto r = test::run({"kwic", "-k", "社区", "-w", "4", "-f", "table", f});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<int> at;  // where the keyword column starts on each row, in display columns
  for (std::size_t p = r.out.find('\n') + 1, n; (n = r.out.find('\n', p)) != std::string::npos; p = n + 1) {
    const std::string line = r.out.substr(p, n - p);
    at.push_back(newsplit::unicode::display_width(line.substr(0, line.find("  社区") + 2)));
  }
  ASSERT_EQ(at.size(), 2u);
  EXPECT_EQ(at[0], at[1]) << r.out;
}
