// --join: the parts of an article continued across pages become one record.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "newsplit/join.hpp"
#include "test_util.hpp"

using newsplit::Article;
using newsplit::ContinuationJoiner;

namespace {

Article part(std::string title, std::string paragraph, std::string date, std::string page_no, std::string on,
             std::string from) {
  Article a;
  a.title = std::move(title);
  a.paragraphs = {std::move(paragraph)};
  a.chars = 4;
  a.head.date = std::move(date);
  a.head.page_no = std::move(page_no);
  a.continued_on = std::move(on);
  a.continued_from = std::move(from);
  return a;
}

}  // namespace

TEST(Join, ThePartOnTheNamedPageOfTheSameDateIsJoined) {
  ContinuationJoiner j;
  EXPECT_TRUE(j.add(part("城市更新提速", "第一部分。", "2024-07-20", "1", "2", ""), "a.txt").empty());  // it waits
  const auto other = j.add(part("另一篇", "无关。", "2024-07-20", "1", "", ""), "a.txt");
  ASSERT_EQ(other.size(), 1u);  // what goes on no page passes
  // Two parts continued from page 1 on page 2: the one that repeats the headline.
  EXPECT_TRUE(j.add(part("别的文章", "另一篇的前半。", "2024-07-20", "1", "2", ""), "a.txt").empty());
  const auto joined = j.add(part("城市更新提速", "第二部分。", "2024-07-20", "2", "", "1"), "b.txt");
  ASSERT_EQ(joined.size(), 1u);
  const Article& a = joined[0].article;
  EXPECT_EQ(joined[0].file, "a.txt");
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{"第一部分。", "第二部分。"}));
  EXPECT_EQ(a.chars, 8u);
  ASSERT_EQ(a.parts.size(), 2u);
  EXPECT_EQ(a.parts[1].file, "b.txt");
  EXPECT_TRUE(a.continued_on.empty());
  // The other waiting part is let go when a record of another date comes, saying so.
  const auto next_day = j.add(part("次日", "新的一天。", "2024-07-21", "1", "", ""), "c.txt");
  ASSERT_EQ(next_day.size(), 2u);
  EXPECT_EQ(next_day[0].article.title, "别的文章");
  EXPECT_NE(next_day[0].article.warnings.back().find("no part continued from here"), std::string::npos);
  EXPECT_FALSE(j.waiting());
}

TEST(Join, APartWithNothingToJoinStaysAsItIsWithAWarning) {
  ContinuationJoiner j;
  const auto lone = j.add(part("续篇", "后半。", "2024-07-20", "2", "", "1"), "a.txt");
  ASSERT_EQ(lone.size(), 1u);
  EXPECT_NE(lone[0].article.warnings.back().find("continued from page 1"), std::string::npos);
  EXPECT_TRUE(j.add(part("前篇", "前半。", "2024-07-20", "1", "3", ""), "a.txt").empty());
  const auto rest = j.finish();
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_TRUE(rest[0].article.parts.empty());
}

TEST(Join, TheCommandJoinsPartsInTwoFilesOfOneDate) {
  test::TempDir tmp;
  const std::string one = tmp.file("2024-07-20_01.txt",
                                   "城市更新提速\n\n本报讯（记者 王明）今年以来，我市城市更新项目加快推进，一批老旧小区完成改造。\n\n（下转第2版）\n");
  const std::string two = tmp.file("2024-07-20_02.txt",
                                   "城市更新提速\n\n（上接第1版）\n\n据介绍，下一步全市将继续推进城市更新，让更多居民受益。\n");
  const auto joined = test::run({"--join", one, two});
  ASSERT_EQ(joined.status, 0) << joined.err;
  const auto j = nlohmann::json::parse(joined.out);  // one record
  EXPECT_EQ(j["paragraphs"].size(), 2u);
  EXPECT_EQ(j["date"], "2024-07-20");
  ASSERT_EQ(j["parts"].size(), 2u);
  EXPECT_EQ(j["parts"][1]["file"], two);
  const auto plain = test::run({one, two});
  EXPECT_EQ(std::count(plain.out.begin(), plain.out.end(), '\n'), 2);  // without --join: two records, no parts
  EXPECT_EQ(plain.out.find("\"parts\""), std::string::npos);
}
