// Page heads and file names: the date, paper, page number and section every record carries,
// and the jump lines that send an article on to another page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "newsplit/conventions.hpp"
#include "newsplit/page_head.hpp"
#include "newsplit/split.hpp"
#include "test_util.hpp"

using newsplit::PageHead;
using newsplit::split_page;

namespace {

const std::string kStory = "城市更新提速\n\n本报讯（记者 王明）今年以来，我市城市更新项目加快推进，一批老旧小区完成改造。\n";

PageHead head_of(const std::string& text) {
  const auto r = split_page(text);
  EXPECT_FALSE(r.articles.empty());
  return r.articles.empty() ? PageHead{} : r.articles.front().head;
}

void expect_head(const PageHead& h, const std::string& date, const std::string& paper, const std::string& page_no,
                 const std::string& section) {
  EXPECT_EQ(h.date, date);
  EXPECT_EQ(h.paper, paper);
  EXPECT_EQ(h.page_no, page_no);
  EXPECT_EQ(h.section, section);
}

}  // namespace

TEST(PageHead, AHeadOnOneLineAtTheTop) {
  expect_head(head_of("重庆日报 2021年7月20日 星期二 第4版 要闻\n\n" + kStory), "2021-07-20", "重庆日报", "4", "要闻");
}

// The weekday may stand right before the paper's name; it is no part of the name.
TEST(PageHead, AWeekdayBeforeThePapersName) {
  expect_head(head_of("2026-03-05 星期四 经济日报 第5版\n\n" + kStory), "2026-03-05", "经济日报", "5", "");
  expect_head(head_of("2026年3月5日 周四 光明日报 第7版\n\n" + kStory), "2026-03-05", "光明日报", "7", "");
}

// The page label and the section may stand before the paper's name too.
TEST(PageHead, ASectionBeforeThePapersName) {
  const PageHead h = head_of("2026年03月05日 第06版 地方新闻 湖北日报\n\n" + kStory);
  EXPECT_EQ(h.paper, "湖北日报");
  EXPECT_EQ(h.page_no, "06");
  EXPECT_EQ(h.date, "2026-03-05");
}

TEST(PageHead, AHeadSplitOverLines) {
  const std::string page = "2021年7月20日 星期二\n重庆日报\n第4版 要闻\n\n" + kStory;
  const auto r = split_page(page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "城市更新提速");
  expect_head(r.articles[0].head, "2021-07-20", "重庆日报", "4", "要闻");
  for (const auto& l : r.leftovers) EXPECT_EQ(l.kind, "running head") << l.text;
}

TEST(PageHead, AHeadSplitOverLinesWithNoBlankLineBeforeTheHeadline) {
  // A dump without blank lines (pdftotext -raw, PyMuPDF's plain text) puts the page label and
  // section right over the first headline: they are the head's, not the story's.
  const std::string page =
      "光明日报\n2026年11月26日 星期四\n第10版 要闻\n系统迭代“三个空间”高水平建设\n现代化人民城市城北范例\n"
      "城市是现代化的重要载体。今年以来，我市坚持以人民为中心的发展思想，\n"
      "把城市更新作为扩大内需、改善民生的重要抓手，统筹推进老旧小区改造、\n"
      "背街小巷整治和公共空间提升，一批群众关心的项目相继完工。\n（作者系城北区委书记）\n本报记者 洪竞科摄\n";
  const auto r = split_page(page);
  ASSERT_EQ(r.articles.size(), 1u);
  expect_head(r.articles[0].head, "2026-11-26", "光明日报", "10", "要闻");
  for (const auto& p : r.articles[0].paragraphs) EXPECT_EQ(p.find("第10版"), std::string::npos) << p;
  ASSERT_EQ(r.leftovers.size(), 3u);
  for (const auto& l : r.leftovers) EXPECT_EQ(l.kind, "running head") << l.text;
}

TEST(PageHead, AHeadAtTheFootRunTogetherByTheDump) {
  expect_head(head_of(kStory + "\nA3南方日报2021.07.20 星期二\n"), "2021-07-20", "南方日报", "A3", "");
  expect_head(head_of(kStory + "\n9重庆日报2026.01.13\n"), "2026-01-13", "重庆日报", "9", "");
}

TEST(PageHead, APageLabelOfALetterAndDigits) {
  expect_head(head_of(kStory + "\n南方日报 2021年7月20日 A3版 要闻\n"), "2021-07-20", "南方日报", "A3", "要闻");
}

TEST(PageHead, APageLabelOfDigitsAndADateThatIsNoDay) {
  // 2月30日 is no day: no date; 04版 is printed so.
  expect_head(head_of(kStory + "\n2021年2月30日 星期二 04版\n"), "", "", "04", "");
}

TEST(PageHead, EveryRecordOfThePageCarriesIt) {
  const auto r = split_page("人民日报 2024年1月5日 第3版\n\n" + kStory);
  ASSERT_FALSE(r.leftovers.empty());
  EXPECT_EQ(r.leftovers.front().head.date, "2024-01-05");
  EXPECT_EQ(r.articles.front().head.page_no, "3");
}

TEST(PageHead, FileNamesSayTheDateAndPage) {
  auto from = [](std::string_view p) { return newsplit::head_from_path(p); };
  expect_head(from("archive/2021-07-20_04.txt"), "2021-07-20", "", "04", "");
  expect_head(from("20210720-04.txt"), "2021-07-20", "", "04", "");
  expect_head(from("rmrb2021072004.txt"), "2021-07-20", "", "04", "");
  expect_head(from("papers/2021/07/20/3.txt"), "2021-07-20", "", "3", "");
  expect_head(from("2021/07/20/page.txt"), "2021-07-20", "", "", "");
  expect_head(from("scan-20210230.txt"), "", "", "", "");  // no such day
  expect_head(from("page-000.txt"), "", "", "", "");
}

TEST(PageHead, JumpLinesNameThePage) {
  namespace cv = newsplit::conventions;
  EXPECT_EQ(cv::read_jump("（下转第2版）").page, "2");
  EXPECT_FALSE(cv::read_jump("（下转第2版）").from);
  EXPECT_EQ(cv::read_jump("(转第二版)").page, "2");
  EXPECT_EQ(cv::read_jump("（转第十二版）").page, "12");
  EXPECT_EQ(cv::read_jump("（上接第1版）").page, "1");
  EXPECT_TRUE(cv::read_jump("（上接第1版）").from);
  EXPECT_EQ(cv::read_jump("（下转A3版）").page, "A3");
  EXPECT_EQ(cv::read_jump("下转第2版").page, "2");
  EXPECT_FALSE(cv::read_jump("下转第2版").from);
}

TEST(PageHead, AnArticleContinuedOnAnotherPage) {
  const std::string page = "城市更新提速\n\n本报讯（记者 王明）今年以来，我市城市更新项目加快推进，一批老旧小区完成改造。\n\n（下转第2版）\n";
  const auto r = split_page(page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].continued_on, "2");
  EXPECT_EQ(r.articles[0].continued_from, "");
  EXPECT_EQ(r.articles[0].notes, (std::vector<std::string>{"（下转第2版）"}));
  EXPECT_TRUE(r.leftovers.empty());
  const std::string rest = "城市更新提速\n\n（上接第1版）\n\n据介绍，下一步全市将继续推进城市更新，让更多居民受益。\n";
  const auto r2 = split_page(rest);
  ASSERT_EQ(r2.articles.size(), 1u);
  EXPECT_EQ(r2.articles[0].continued_from, "1");
  EXPECT_EQ(r2.articles[0].title, "城市更新提速");
  EXPECT_EQ(r2.articles[0].paragraphs.front().rfind("据介绍", 0), 0u);
}

TEST(PageHead, TheCommandLinePrintsThePageFieldsWithTheFileNameAsFallback) {
  test::TempDir tmp;
  const std::string f = tmp.file("2021-07-20_04.txt", kStory + "\f人民日报 2024年1月5日 第3版\n\n" + kStory);
  const auto r = test::run({f});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<nlohmann::json> recs;
  for (std::size_t p = 0, n; (n = r.out.find('\n', p)) != std::string::npos; p = n + 1) recs.push_back(nlohmann::json::parse(r.out.substr(p, n - p)));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0]["page"], 1);
  EXPECT_EQ(recs[0]["date"], "2021-07-20");  // from the name: the page prints no head
  EXPECT_EQ(recs[0]["page_no"], "04");
  EXPECT_EQ(recs[0]["paper"], "");
  EXPECT_EQ(recs[1]["page"], 2);
  EXPECT_EQ(recs[1]["date"], "2024-01-05");  // the page's own head first
  EXPECT_EQ(recs[1]["paper"], "人民日报");
  EXPECT_EQ(recs[1]["page_no"], "3");
  EXPECT_EQ(recs[1]["continued_on"], "");
}
