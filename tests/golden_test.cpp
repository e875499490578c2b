// The sample pages against expectations written by hand in tests/golden/ (see its README).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "newsplit/split.hpp"
#include "test_util.hpp"

using json = nlohmann::json;

namespace {

void check_page(const std::string& golden_name) {
  const json g = json::parse(test::read_file(test::source_dir() + "/tests/golden/" + golden_name));
  const std::string text = test::read_file(test::source_dir() + "/" + g["page"].get<std::string>());
  const auto r = newsplit::split_page(text);
  EXPECT_EQ(r.headlines_after, g["layout"] == "after");
  ASSERT_EQ(r.articles.size(), g["articles"].size());
  for (std::size_t k = 0; k < r.articles.size(); ++k) {
    SCOPED_TRACE("article " + std::to_string(k + 1));
    const auto& a = r.articles[k];
    const json& e = g["articles"][k];
    EXPECT_EQ(a.index, k + 1);
    EXPECT_EQ(test::headline(a), e["headline"]);
    EXPECT_EQ(a.dateline, e["dateline"]);
    EXPECT_EQ(a.byline, e["byline"]);
    EXPECT_EQ(json(a.authors), e["authors"]);
    EXPECT_EQ(a.line_start, e["line_start"]);
    EXPECT_EQ(a.line_end, e["line_end"]);
    EXPECT_EQ(a.paragraphs.size(), e["paragraphs"]);
    ASSERT_FALSE(a.paragraphs.empty());
    EXPECT_TRUE(a.paragraphs.front().starts_with(e["starts"].get<std::string>())) << a.paragraphs.front();
    EXPECT_TRUE(a.paragraphs.back().ends_with(e["ends"].get<std::string>())) << a.paragraphs.back();
    EXPECT_EQ(json(a.subheads), e["subheads"]);
    EXPECT_EQ(json(a.captions), e["captions"]);
    EXPECT_EQ(json(a.credits), e["credits"]);
    EXPECT_EQ(json(a.notes), e["notes"]);
    EXPECT_EQ(a.lead_label, e.value("lead_label", ""));
    std::uint64_t chars = 0;
    for (const auto& p : a.paragraphs) {
      chars += newsplit::unicode::count(p);
      EXPECT_EQ(p.find('\n'), std::string::npos);
    }
    EXPECT_EQ(a.chars, chars);
  }
  json leftovers = json::array();
  for (const auto& l : r.leftovers) leftovers.push_back({l.kind, l.text});
  EXPECT_EQ(leftovers, g["leftovers"]);
  EXPECT_EQ(test::lost_characters(text, r), "");
}

}  // namespace

TEST(Golden, Page000HeadlinesAfterBodies) { check_page("page-000.json"); }
TEST(Golden, Page002HeadlinesFirstUnwrapped) { check_page("page-002.json"); }
TEST(Golden, Page003OpinionPageWithRunningHead) { check_page("page-003.json"); }
