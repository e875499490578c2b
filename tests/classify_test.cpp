// The role rules one by one: each convention's shape, and look-alikes that must not match.
#include <algorithm>

#include <gtest/gtest.h>

#include "newsplit/classify.hpp"
#include "newsplit/conventions.hpp"
#include "newsplit/split.hpp"
#include "test_util.hpp"

namespace rules = newsplit::rules;
namespace cv = newsplit::conventions;
using newsplit::PageResult;
using newsplit::People;
using newsplit::Role;
using Strings = std::vector<std::string>;

namespace {

// The units of a page read as headlines, their text in page order.
Strings headlines_of(const std::string& text) {
  const auto page = newsplit::read_lines(text);
  Strings headlines;
  for (const auto& u : newsplit::classify(page))
    if (u.role == Role::Headline) headlines.push_back(u.text());
  return headlines;
}

}  // namespace

// Tokens are read lazily; they must be what splitting at the separators gives.
TEST(Rules, TokensSplitAtSpacesAndNameListsAlsoAtEnumerationCommas) {
  using V = std::vector<std::string_view>;
  auto all = [](const cv::Tokens& t) {
    V v;
    for (std::string_view s : t) v.push_back(s);
    return v;
  };
  EXPECT_EQ(all(cv::tokens("  本报记者\u3000张三\t李四、王五 ")), (V{"本报记者", "张三", "李四、王五"}));
  EXPECT_EQ(all(cv::name_tokens("记者张三、李四，王五,赵六 钱七")), (V{"记者张三", "李四", "王五", "赵六", "钱七"}));
  EXPECT_EQ(all(cv::name_tokens("、、张三、")), (V{"张三"}));
  const auto t = cv::tokens("甲 乙  丙");
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.front(), "甲");
  EXPECT_EQ(t.back(), "丙");
  EXPECT_FALSE(t.empty());
  EXPECT_TRUE(cv::tokens(" \u3000\t").empty());
  EXPECT_EQ(cv::tokens("").size(), 0u);
}

TEST(Rules, BylineShapes) {
  People p;
  ASSERT_TRUE(rules::byline("■吴刚", &p));
  EXPECT_EQ(p.names, (Strings{"吴刚"}));
  ASSERT_TRUE(rules::byline("■殷俊 甘田", &p));
  EXPECT_EQ(p.names, (Strings{"殷俊", "甘田"}));
  ASSERT_TRUE(rules::byline("■新重庆-重庆日报记者 夏元", &p));
  EXPECT_EQ(p.text, "新重庆-重庆日报记者 夏元");
  EXPECT_EQ(p.names, (Strings{"夏元"}));
  ASSERT_TRUE(rules::byline("本报记者 张三 通讯员 李四", &p));
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  ASSERT_TRUE(rules::byline("● 记者张三", &p));
  EXPECT_EQ(p.names, (Strings{"张三"}));
  EXPECT_EQ(p.text, "●记者张三");  // only ■ is markup: another mark is the paper's text
  ASSERT_TRUE(rules::byline("◆李四", &p));
  EXPECT_EQ(p.text, "◆李四");
  ASSERT_TRUE(rules::byline("■李四", &p));
  EXPECT_EQ(p.text, "李四");
  // The role set close before the name, the space left out by the dump.
  ASSERT_TRUE(rules::byline("本报记者薛瑶", &p));
  EXPECT_EQ(p.names, (Strings{"薛瑶"}));
  EXPECT_FALSE(rules::byline("本报记者薛瑶摄"));  // a photographer's credit closes a story
  // Under a headline, over the text: the byline, not a credit.
  const auto page = newsplit::read_lines("城南老街夜市重新开张\n本报记者薛瑶\n经过半年改造，城南老街夜市日前重新开张，百余个摊位亮灯迎客。\n");
  const auto units = newsplit::classify(page);
  ASSERT_GE(units.size(), 3u);
  EXPECT_EQ(units[1].role, Role::Byline);
  EXPECT_EQ(units[1].people.names, (Strings{"薛瑶"}));
}

// A byline may give each person's part before a slash (文/张三: the text, 图/李四: the pictures,
// 文·图/王五: both), a role after it (文/本报记者 张三), or where the pictures came from
// (图/新华社: no person); a commentary is signed by the paper's commentator, naming no one.
TEST(Rules, BylinesThatGiveEachPersonsPart) {
  People p;
  ASSERT_TRUE(rules::byline("文/张三 图/李四", &p));
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  ASSERT_TRUE(rules::byline("文·图/王五", &p));
  EXPECT_EQ(p.names, (Strings{"王五"}));
  ASSERT_TRUE(rules::byline("文/本报记者 张三", &p));
  EXPECT_EQ(p.names, (Strings{"张三"}));
  ASSERT_TRUE(rules::byline("文／张三 图／新华社", &p));
  EXPECT_EQ(p.names, (Strings{"张三"}));
  ASSERT_TRUE(rules::byline("张三/文 李四/图", &p));  // the name first, then the part
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  ASSERT_TRUE(rules::byline("本报记者 张三/文", &p));
  EXPECT_EQ(p.names, (Strings{"张三"}));
  ASSERT_TRUE(rules::byline("记者 张三 摄影报道", &p));  // 摄影报道 is the part, no name
  EXPECT_EQ(p.names, (Strings{"张三"}));
  ASSERT_TRUE(rules::byline("本报评论员", &p));
  EXPECT_TRUE(p.names.empty());
  ASSERT_TRUE(rules::byline("本報評論員", &p));  // a page set in traditional characters
  EXPECT_TRUE(p.names.empty());
  ASSERT_TRUE(rules::byline("本報記者 張三", &p));
  EXPECT_EQ(p.names, (Strings{"張三"}));
  EXPECT_FALSE(rules::byline("文化"));
  EXPECT_FALSE(rules::byline("评论员认为，市场回暖。"));
  // Under a headline, over the text: the byline, and its people the story's authors.
  const PageResult r = newsplit::split_page("城东老街夜市重新开张\n\n文/张三 图/李四\n\n经过半年改造，城东老街夜市日前重新开张，百余个摊位亮灯迎客。\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].byline, "文/张三 图/李四");
  EXPECT_EQ(r.articles[0].authors, (Strings{"张三", "李四"}));
  const PageResult c = newsplit::split_page("坚持稳中求进工作总基调\n\n本报评论员\n\n今年以来，面对复杂严峻的外部环境，经济运行总体平稳。\n");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].byline, "本报评论员");
  EXPECT_TRUE(c.articles[0].authors.empty());
}

TEST(Rules, NotBylines) {
  EXPECT_FALSE(rules::byline("■高度 ■深度 ■力度"));                 // a running head
  EXPECT_FALSE(rules::byline("■ 专家认为，城市更新要以人为本。"));    // a marked sentence
  EXPECT_FALSE(rules::byline("吴刚"));                                // a bare name is no byline
  EXPECT_FALSE(rules::byline("记者从市交通局获悉"));                  // a body opening
  EXPECT_TRUE(rules::running_head("■高度 ■深度 ■力度 ■温度周刊 新论思想思想"));
  // A viewer's copy runs the section banner on after the running head.
  EXPECT_TRUE(rules::running_head("■高度 ■深度 ■力度 ■温度周刊 新论思想思想 深入学习贯彻市委六届七次全会精神"));
  EXPECT_FALSE(rules::marked_names("■高度 ■深度 ■力度 ■温度周刊 新论思想思想 深入学习贯彻市委六届七次全会精神"));
  // Marked items of a list run longer, and a sentence after them is none of a banner.
  EXPECT_FALSE(rules::running_head("●优良水质比例从67%提升到96.5% ●地区生产总值占全国比重提升"));
  EXPECT_FALSE(rules::running_head("■高度 ■深度 专家认为，城市更新要以人为本。"));
  EXPECT_FALSE(rules::byline("■观点"));  // a column rubric: no surname
  EXPECT_TRUE(rules::rubric("■观点"));
  EXPECT_FALSE(rules::rubric("■吴刚"));
  // Every kind of mark counts (the geometric shapes ■ to ◎ and the stars); quotes, dashes and
  // the ellipsis, three-byte characters that open with the same byte, do not.
  EXPECT_TRUE(rules::running_head("★要闻 ◎视点"));
  EXPECT_TRUE(rules::running_head("▲高度 ▼深度"));
  EXPECT_FALSE(rules::running_head("“高度”——深度……"));
  EXPECT_TRUE(rules::rubric("◆观察"));
  EXPECT_FALSE(rules::rubric("◆观察 ★要闻"));  // two marks: a running head, not a rubric
  EXPECT_FALSE(rules::rubric("观点■"));
}

TEST(Rules, JumpLines) {
  EXPECT_TRUE(cv::is_jump_line("（下转第3版）"));
  EXPECT_TRUE(cv::is_jump_line("（上接第1版）"));
  EXPECT_TRUE(cv::is_jump_line("(转第二版)"));
  EXPECT_TRUE(cv::is_jump_line("下转第2版"));  // without brackets, alone on its line
  EXPECT_TRUE(cv::is_jump_line("上接第A3版"));
  EXPECT_TRUE(cv::is_jump_line("（下轉第3版）"));  // a page set in traditional characters
  EXPECT_EQ(cv::read_jump("（下轉第3版）").page, "3");
  EXPECT_FALSE(cv::read_jump("（下轉第3版）").from);
  EXPECT_TRUE(cv::read_jump("（緊接第2版）").from);
  EXPECT_FALSE(cv::is_jump_line("下转到第二个版本的设计"));
  EXPECT_FALSE(cv::is_jump_line("（京昆高速铁路西昆有限公司供图）"));
  EXPECT_FALSE(cv::is_jump_line("（作者系中共渝中区委书记）"));
}

TEST(Rules, SectionNames) {
  EXPECT_TRUE(cv::is_section_name("区县新闻"));
  EXPECT_TRUE(cv::is_section_name("理论周刊"));
  EXPECT_FALSE(cv::is_section_name("渝车出海跑出加速度"));
  EXPECT_FALSE(cv::is_section_name("巫山红叶节开幕"));
}

TEST(Rules, BriefRubrics) {
  EXPECT_TRUE(cv::is_brief_rubric("简讯"));
  EXPECT_TRUE(cv::is_brief_rubric("要闻简报"));
  EXPECT_TRUE(cv::is_brief_rubric("经济快讯"));
  EXPECT_FALSE(cv::is_brief_rubric("城市书房再添10家"));
  EXPECT_FALSE(cv::is_brief_rubric("全市冬季用电情况简报发布以来各方反响热烈"));  // a headline, not a rubric
}

TEST(Rules, Datelines) {
  auto word = [](std::string_view s) { return std::string(s.substr(0, rules::dateline_word(s))); };
  EXPECT_EQ(word("本报讯 （新重庆-重庆日报记者"), "本报讯");
  EXPECT_EQ(word("本报讯（记者 张三）7月10日"), "本报讯");
  EXPECT_EQ(word("本报北京7月10日电 记者张三"), "本报北京7月10日电");
  EXPECT_EQ(word("新华社北京7月10日电（记者 李四）"), "新华社北京7月10日电");
  EXPECT_EQ(word("本報訊 （記者 孫麗）"), "本報訊");
  EXPECT_EQ(word("本报记者近日从市里获悉，"), "");
  EXPECT_EQ(word("新华社发布消息，"), "");
  // An agency's dispatch may name no place or date; the paper's own always does (本报讯).
  EXPECT_EQ(word("据新华社电 今年以来"), "据新华社电");
  EXPECT_EQ(word("新华社电（记者 李四）"), "新华社电");
  EXPECT_EQ(word("本报电视台日前"), "");
}

// Justified dumps space out a dateline's characters; a dateline's word wraps like any text.
TEST(Rules, DatelinesReadThroughSpacingAndLineEnds) {
  EXPECT_EQ(rules::dateline_word("本 报 讯  （ 记 者"), std::string_view("本 报 讯").size());
  EXPECT_EQ(rules::dateline_word("新华社北京1月5日"), 0u);  // no 电 on the line itself
  const auto page = newsplit::read_lines("新华社金边1月5日\n\n电 （记者吴长伟）柬\n埔寨边境事务国务秘书处5日发布新闻稿。\n");
  const auto m = rules::dateline(page, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->word, "新华社金边1月5日电");
  EXPECT_EQ(m->reporter, "记者吴长伟");
  EXPECT_EQ(m->end_line, 2u);
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].role, Role::Dateline);
  EXPECT_EQ(units[0].people.names, (Strings{"吴长伟"}));
  EXPECT_EQ(units[1].spans.front().text, "柬");
}

// A dateline read from a byte of its line (after a headline on a viewer's copy line): where it
// ends is a byte of the line, not of the part read.
TEST(Rules, ADatelineFromAByteOfItsLine) {
  static const std::string text = "老街夜市重新开张 本报讯（记者 王明）经过半年改造，夜市重新开张。\n";
  const auto page = newsplit::read_lines(text);
  const std::size_t from = std::string_view("老街夜市重新开张 ").size();
  EXPECT_FALSE(rules::dateline(page, 0).has_value());
  const auto m = rules::dateline(page, 0, from);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->word, "本报讯");
  EXPECT_EQ(m->reporter, "记者 王明");
  EXPECT_EQ(m->end_line, 0u);
  EXPECT_EQ(page.lines[0].text.substr(m->end_at), "经过半年改造，夜市重新开张。");
}

// Every agency a dateline may name is read as a dateline on a page too, where a cheap test of
// the line's first character comes before the rule (derived from the rule's list of words).
TEST(Classify, EveryAgencyOpensADatelineOnAPage) {
  for (const std::string agency : {"本报", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "央广网", "据新华社",
                                   "本報", "新華社", "中央社"}) {
    const std::string text = agency + "北京1月5日电 （记者张三）国务院新闻办公室5日举行新闻发布会，介绍有关情况。\n";
    const auto page = newsplit::read_lines(text);  // lines point into the text
    const auto units = newsplit::classify(page);
    ASSERT_FALSE(units.empty()) << agency;
    EXPECT_EQ(units[0].role, Role::Dateline) << agency;
  }
  for (const std::string caption : {"图为", "上图", "图①", "图片：", "题图"}) {
    const std::string text = "正文一段，说明情况。\n\n" + caption + "市民在公园里参加活动。张三 摄\n";
    const auto page = newsplit::read_lines(text);
    bool found = false;
    for (const auto& u : newsplit::classify(page)) found = found || u.role == Role::Caption;
    EXPECT_TRUE(found) << caption;
  }
}

TEST(Classify, JustifiedDatelineBracketOverThreeLines) {
  const auto page = newsplit::read_lines("本 报 讯  （ 记 者\n郭英超 邓勇婉 通讯\n员 马竹）长江经济带发展\n是我国区域重大战略。\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].dateline, "本报讯");
  EXPECT_EQ(units[0].people.names, (Strings{"郭英超", "邓勇婉", "马竹"}));
  EXPECT_EQ(units[1].spans.front().text, "长江经济带发展");
}

TEST(Rules, JustifiedSpacing) {
  EXPECT_TRUE(cv::is_justified("应 用 全 覆 盖 ，为 城 市"));
  EXPECT_EQ(cv::unjustified("本 报 讯  （ 记 者"), "本报讯 （记者");
  EXPECT_FALSE(cv::is_justified("新重庆-重庆日报记者 杨铌紫 实习生 李四"));  // spaces between words
  EXPECT_FALSE(cv::is_justified("郭英超 邓勇婉 通讯"));
  EXPECT_EQ(cv::unjustified(" 记 者"), "记者");
}

TEST(Rules, ReportersReadThroughLineBreaks) {
  People p;
  ASSERT_TRUE(rules::reporters("记者 张三 通讯员 李四", &p));
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  EXPECT_EQ(p.text, "记者 张三 通讯员 李四");
  ASSERT_TRUE(rules::reporters("记 者董泽扬", &p));  // a line break turned into a space inside 记者
  EXPECT_EQ(p.names, (Strings{"董泽扬"}));
  EXPECT_EQ(p.text, "记者 董泽扬");
  ASSERT_TRUE(rules::reporters("记者张 祥泰", &p));  // … inside a name
  EXPECT_EQ(p.names, (Strings{"张祥泰"}));
  ASSERT_TRUE(rules::reporters("记者 苏秋伟陈杰菲 通讯员 石岩", &p));  // and one taken away between two names
  EXPECT_EQ(p.names, (Strings{"苏秋伟", "陈杰菲", "石岩"}));
  ASSERT_TRUE(rules::reporters("记者 许广罗钧平", &p));  // 许广|罗钧平: each name from a surname
  EXPECT_EQ(p.names, (Strings{"许广", "罗钧平"}));
  ASSERT_TRUE(rules::reporters("记者 严洋通讯员 侯君", &p));
  EXPECT_EQ(p.names, (Strings{"严洋", "侯君"}));
  // Two names of two set close after the role, as a byline reads them (本报记者王静刘廷); a name
  // of four from a surname of two stays one.
  ASSERT_TRUE(rules::reporters("记者王静刘廷", &p));
  EXPECT_EQ(p.names, (Strings{"王静", "刘廷"}));
  ASSERT_TRUE(rules::reporters("记者欧阳文华", &p));
  EXPECT_EQ(p.names, (Strings{"欧阳文华"}));
  ASSERT_TRUE(rules::reporters("记者冯歆然、曹 嘉玥", &p));
  EXPECT_EQ(p.names, (Strings{"冯歆然", "曹嘉玥"}));
  EXPECT_EQ(p.text, "记者 冯歆然、曹嘉玥");  // the comma that listed them stays: no character is lost
  ASSERT_TRUE(rules::reporters("，记者 张 三，李四，", &p));
  EXPECT_EQ(p.text, "，记者 张三，李四，");
  EXPECT_FALSE(rules::reporters("如社会网络", &p));
}

TEST(Rules, AQuoteClosedOnTheNextLine) {
  EXPECT_TRUE(cv::closed_on_next("在“艺术自习", "室”触碰梦想"));
  EXPECT_TRUE(cv::closed_on_next("在\"艺术自习", "室\"触碰梦想"));
  EXPECT_TRUE(cv::closed_on_next("公园里的《百姓", "故事》展"));
  EXPECT_TRUE(cv::closed_on_next("组织（IMF）发布（更新", "内容）"));
  EXPECT_FALSE(cv::closed_on_next("在\"艺术自习室\"触碰梦想", "古戏台上 不只有\"戏\""));  // each line whole
  EXPECT_FALSE(cv::closed_on_next("他说：“今年要办好三件事。", "“第一件是修路。”"));  // a quotation over paragraphs opens each
  EXPECT_FALSE(cv::closed_on_next("他说：\"今年要办好三件事。", "\"第一件是修路。\""));
  EXPECT_FALSE(cv::closed_on_next("老街热闹起来", "菜园”展"));  // nothing left open
  EXPECT_FALSE(cv::closed_on_next("“老街”开出", "“菜园”展"));
}

TEST(Rules, PageHeads) {
  EXPECT_TRUE(cv::is_page_head("人民日报 2026年1月5日 星期一 第3版 要闻"));
  EXPECT_TRUE(cv::is_page_head("3 南方日报 2026.01.06"));
  EXPECT_TRUE(cv::is_page_head("地方新闻 3南方日报2026.01.20"));  // run together by the dump
  EXPECT_TRUE(cv::is_page_head("2026年1月13日 星期二 区县新闻 14"));
  EXPECT_TRUE(cv::is_furniture_line("湖北日报 2026年1月13日 第5版 区县传真"));
  EXPECT_FALSE(cv::is_page_head("2026年1月5日，全市召开工作推进会"));  // a sentence with a date
  EXPECT_TRUE(cv::is_page_head("9 重庆日报"));                          // a paper and a page number
  EXPECT_TRUE(cv::is_furniture_line("第10版 要闻"));                     // a head split over lines
  EXPECT_TRUE(cv::is_furniture_line("A3版 国际"));
  EXPECT_TRUE(cv::is_furniture_line("理论周刊 第7版"));
  EXPECT_TRUE(cv::is_furniture_line("（本版图片除署名外均由新华社提供）"));  // the page's pictures, said once
  EXPECT_FALSE(cv::is_furniture_line("（图片由城东区委宣传部提供）"));      // one picture's: a caption
  EXPECT_FALSE(cv::is_furniture_line("第3版 刊登了读者来信"));          // a sentence's words, not a section
  EXPECT_FALSE(cv::is_furniture_line("本版 要闻"));                      // no page label
  EXPECT_FALSE(cv::find_date("2026.02.30"));                               // no such day
  int y = 0, m = 0, d = 0;
  ASSERT_TRUE(cv::find_date("2024.02.29", &y, &m, &d));  // a leap day
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240229);
  EXPECT_FALSE(cv::find_date("2023.02.29"));
  EXPECT_FALSE(cv::find_date("12026.01.05"));
  ASSERT_TRUE(cv::find_date("刊于2026年1月5日", &y, &m, &d));  // the fewest digits a date has: six
  EXPECT_EQ(y * 10000 + m * 100 + d, 20260105);
  EXPECT_FALSE(cv::find_date("2026年1月"));
}

// Bare names read by where they stand: under a headline the byline, after a story its credit.
TEST(Classify, BareNamesUnderAHeadlineAndAfterAStory) {
  const auto page = newsplit::read_lines(
      "球商培养宜早不宜迟\n\n杜策广\n\n足球赛中瞬息万变，一脚恰到好处的直塞能撕开整条防线。\n\n"
      "秦磊光\n\n一颗桃串起富民产业链\n\n一颗曾因皮薄肉软走不出家乡的桃子。\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 6u);
  EXPECT_EQ(units[1].role, Role::Byline);
  EXPECT_EQ(units[1].people.names, (Strings{"杜策广"}));
  EXPECT_EQ(units[3].role, Role::Credit);
  EXPECT_EQ(units[3].people.names, (Strings{"秦磊光"}));
  EXPECT_EQ(units[4].role, Role::Headline);
}

// A story's credit and the next headline with no blank line between read as one block: the
// names, set apart by a space, after the story's last sentence, are its credit; names glued
// together there would be a headline's line (商竣程晋级澳 parts as two names).
TEST(Classify, BareNamesOverTheNextHeadlineCloseTheStoryBefore) {
  const auto page = newsplit::read_lines(
      "新区还将在学校、医院周边增设临时停车泊位，方便市民出行。\n\n周立军 蒋文婷\n洞庭湖区新增湿地两万亩\n\n"
      "记者从岳阳市林业局了解到：今年洞庭湖区新增湿地保护面积两万亩。\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[1].role, Role::Credit) << units[1].rule;
  EXPECT_EQ(units[1].people.names, (Strings{"周立军", "蒋文婷"}));
  EXPECT_EQ(units[2].role, Role::Headline);
  EXPECT_EQ(units[2].text(), "洞庭湖区新增湿地两万亩");

  const auto glued = newsplit::read_lines(
      "新区还将在学校、医院周边增设临时停车泊位，方便市民出行。\n\n商竣程晋级澳\n网男单第二轮\n\n"
      "19日，2026年澳大利亚网球公开赛男单首轮比赛中，中国选手商竣程以3∶1获胜。\n");
  const auto head = newsplit::classify(glued);
  ASSERT_EQ(head.size(), 3u);
  EXPECT_EQ(head[1].role, Role::Headline);
  EXPECT_EQ(head[1].spans.size(), 2u);
}

TEST(Rules, NamesListedWithTheEnumerationComma) {
  People p;
  ASSERT_TRUE(rules::people("记者张三、李四", false, &p));
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  ASSERT_TRUE(rules::byline("■殷俊、甘田", &p));
  EXPECT_EQ(p.names, (Strings{"殷俊", "甘田"}));
  EXPECT_EQ(p.text, "殷俊、甘田");  // the byline as written (found by fuzzing: the 、 was lost)
  const auto page = newsplit::read_lines("新华社北京7月10日电（记者张三、李四）记者从国家发展改革委获悉，\n今年上半年经济运行稳中向好。\n");
  const auto units = newsplit::classify(page);
  ASSERT_FALSE(units.empty());
  EXPECT_EQ(units[0].dateline, "新华社北京7月10日电");
  EXPECT_EQ(units[0].people.names, (Strings{"张三", "李四"}));
}

// Two names set close together, the space between them lost by the dump: they part in one
// way only into two names, each opening with a surname, and no word runs across the parting.
TEST(Rules, NamesSetCloseTogether) {
  People p;
  ASSERT_TRUE(rules::people("韩红勇罗红岚", true, &p));
  EXPECT_EQ(p.names, (Strings{"韩红勇", "罗红岚"}));
  ASSERT_TRUE(rules::people("武辉琼邵学", true, &p));
  EXPECT_EQ(p.names, (Strings{"武辉琼", "邵学"}));
  ASSERT_TRUE(rules::byline("■冯歆然曹嘉玥", &p));
  EXPECT_EQ(p.names, (Strings{"冯歆然", "曹嘉玥"}));
  ASSERT_TRUE(rules::byline("本报记者许广罗钧平", &p));  // a role set close before them too
  EXPECT_EQ(p.names, (Strings{"许广", "罗钧平"}));
  EXPECT_FALSE(rules::people("全民历史课", true, &p));   // 历史 runs across the only parting
  EXPECT_FALSE(rules::people("耐冬灼灼映山海", true, &p));  // seven characters: no two names
  EXPECT_FALSE(rules::people("韩红勇罗红岚", false, &p));  // names only where a surname must open them
}

// After a newsroom role, four characters that part into two names of two, each opening with a
// surname, are two people; a name of four opens with a surname of two and stays whole.
TEST(Rules, TwoShortNamesSetCloseAfterARole) {
  People p;
  ASSERT_TRUE(rules::byline("本报记者钟才文", &p));  // a name that ends like a role word (文)
  EXPECT_EQ(p.names, (Strings{"钟才文"}));
  ASSERT_TRUE(rules::byline("本报记者王静刘廷", &p));
  EXPECT_EQ(p.names, (Strings{"王静", "刘廷"}));
  ASSERT_TRUE(rules::byline("本报记者欧阳文华", &p));
  EXPECT_EQ(p.names, (Strings{"欧阳文华"}));
  ASSERT_TRUE(rules::byline("本报记者 王静 刘廷", &p));
  EXPECT_EQ(p.names, (Strings{"王静", "刘廷"}));
}

// Without a role, four characters set close are two names of two where each opens with a
// surname and neither is a word of the dictionary (a name is seldom one); places and words
// stay whole, and so does a name opening with a surname of two.
TEST(Rules, TwoShortNamesSetCloseWithoutARole) {
  People p;
  ASSERT_TRUE(rules::people("陈维唐英", true, &p));
  EXPECT_EQ(p.names, (Strings{"陈维", "唐英"}));
  ASSERT_TRUE(rules::people("王静刘廷", true, &p));
  EXPECT_EQ(p.names, (Strings{"王静", "刘廷"}));
  p = {};
  if (rules::people("欧阳文华", true, &p)) {
    EXPECT_EQ(p.names, (Strings{"欧阳文华"}));
  }
  for (const char* place : {"江苏南京", "山东青岛", "黄河岸边"}) {
    p = {};
    if (rules::people(place, true, &p)) {
      EXPECT_EQ(p.names.size(), 1u) << place;
    }
  }
}

TEST(Rules, AuthorNotes) {
  EXPECT_TRUE(rules::note_start("（作者单位：重庆大学管理科学与房地产"));
  EXPECT_TRUE(rules::note_start("（作者系中共渝中区委书记）"));
  EXPECT_TRUE(rules::note_start("（作者单位分别为重庆工商大学经济学院、"));
  EXPECT_TRUE(rules::note_start("(作者为重庆社科院研究员)"));
  EXPECT_FALSE(rules::note_start("（如社会网络、互惠规范"));
  EXPECT_FALSE(rules::note_start("作者认为，城市治理"));
  // A justified column spaces a note out like its text.
  EXPECT_TRUE(rules::note_start("（ 作 者 系 重 庆 社 会 科 学 院 研 究 员 ）"));
  EXPECT_FALSE(rules::note_start("（ 如 社 会 网 络 、 互 惠 规 范 ）"));
}

TEST(Rules, CreditLines) {
  People p;
  ASSERT_TRUE(rules::credit("XX区融媒体中心 王利", &p));
  EXPECT_EQ(p.names, (Strings{"王利"}));
  ASSERT_TRUE(rules::credit("合川区融媒体中心 龚长浩 摄", &p));
  EXPECT_EQ(p.names, (Strings{"龚长浩"}));
  ASSERT_TRUE(rules::credit("王静 刘廷", &p));
  EXPECT_EQ(p.names, (Strings{"王静", "刘廷"}));
  ASSERT_TRUE(rules::credit("图片由市住房城乡建委提供", &p));
  EXPECT_TRUE(p.names.empty());
  // The photo mark with the photographer or the picture agency after a slash; the mark and an
  // agency alone are the end of a credit the dump broke over lines, no credit of their own.
  ASSERT_TRUE(rules::credit("记者 张锦辉 摄/视觉重庆", &p));
  EXPECT_EQ(p.names, (Strings{"张锦辉"}));
  EXPECT_TRUE(p.photo);
  ASSERT_TRUE(rules::credit("摄/曾诚", &p));
  EXPECT_EQ(p.names, (Strings{"曾诚"}));
  EXPECT_FALSE(rules::credit("摄/视觉重庆"));
  ASSERT_TRUE(rules::credit("赵丁頔 图片除署名外由西部(重庆)科学城管委会提供", &p));
  EXPECT_EQ(p.names, (Strings{"赵丁頔"}));
  // A newsroom title ends no name: 报记者 is 本报记者 with 本 left on the line before.
  ASSERT_TRUE(rules::credit("报记者 蒋雪鸿摄", &p));
  EXPECT_EQ(p.names, (Strings{"蒋雪鸿"}));
  ASSERT_TRUE(rules::credit("新华社记者 张三 通讯员 李四", &p));
  EXPECT_EQ(p.names, (Strings{"张三", "李四"}));
  ASSERT_TRUE(rules::credit("记者 李明 诵讯员 王芳", &p));  // 诵讯员: an OCR slip for 通讯员
  EXPECT_EQ(p.names, (Strings{"李明", "王芳"}));
  // The title set close before the name, the agency or paper before it, the space left out.
  ASSERT_TRUE(rules::credit("新华社记者王静", &p));
  EXPECT_EQ(p.names, (Strings{"王静"}));
  ASSERT_TRUE(rules::credit("经济日报通讯员李华", &p));
  EXPECT_EQ(p.names, (Strings{"李华"}));
  // Only a name from a surname follows so: 近日 is no name, 龙灯文化进校园 holds no title.
  EXPECT_FALSE(rules::credit("新华社记者近日"));
  EXPECT_FALSE(rules::credit("铜梁 龙灯文化进校园"));
}

// A photographer's credit closes a photo item or a story: 张三摄, 本报记者 张三摄, and the
// picture's source in brackets after it. It is never a byline.
TEST(Rules, PhotographersCredits) {
  People p;
  ASSERT_TRUE(rules::credit("谢贵明摄（人民视觉）", &p));
  EXPECT_EQ(p.names, (Strings{"谢贵明"}));
  EXPECT_TRUE(p.photo);
  ASSERT_TRUE(rules::credit("吕文正摄(影像中国)", &p));
  EXPECT_EQ(p.names, (Strings{"吕文正"}));
  ASSERT_TRUE(rules::credit("本报记者 钱玉倩摄", &p));
  EXPECT_EQ(p.names, (Strings{"钱玉倩"}));  // the name, not 钱玉倩摄
  // The role set close before the name, the space left out (by the paper or the dump).
  ASSERT_TRUE(rules::credit("本报记者夏元摄", &p));
  EXPECT_EQ(p.names, (Strings{"夏元"}));
  EXPECT_TRUE(p.photo);
  ASSERT_TRUE(rules::credit("新华社记者李贺摄", &p));
  EXPECT_EQ(p.names, (Strings{"李贺"}));
  ASSERT_TRUE(rules::credit("通讯员潘岩栋摄", &p));
  EXPECT_EQ(p.names, (Strings{"潘岩栋"}));
  // The role's two characters set close never join the name (记者许广 reads as four
  // characters of a name), nor does the 者 a line break left of 本报记者; one character
  // before a name may be its surname.
  for (const char* credit : {"记者许广摄", "者许广摄"}) {
    ASSERT_TRUE(rules::credit(credit, &p)) << credit;
    EXPECT_EQ(p.names, (Strings{"许广"})) << credit;
  }
  ASSERT_TRUE(rules::credit("文思远摄", &p));
  EXPECT_EQ(p.names, (Strings{"文思远"}));
  EXPECT_FALSE(rules::credit("记者节特别策划专题摄"));  // no name after the role
  ASSERT_TRUE(rules::credit("迈克尔·普罗布斯特摄（新华社发）", &p));
  EXPECT_TRUE(p.names.empty());  // an agency's foreign photographer: a credit without an author
  EXPECT_FALSE(rules::byline("本报记者 钱玉倩摄"));
  EXPECT_FALSE(rules::byline("通讯员 覃和朋 摄"));
  EXPECT_TRUE(rules::byline("本报记者 钱玉倩"));
  EXPECT_TRUE(rules::photo_credit_end("吕文正摄(影像中国)"));
  EXPECT_TRUE(rules::photo_credit_end("（新华社发）"));
  EXPECT_FALSE(rules::photo_credit_end("（作者系重庆大学教授）"));
}

TEST(Rules, NotCreditLines) {
  EXPECT_FALSE(rules::credit("江津 滨江新城优化营商环境获奖"));  // a district label and a headline
  EXPECT_FALSE(rules::credit("一个目标 两大优势 三大抓手"));    // no surnames: a kicker
  EXPECT_FALSE(rules::credit("两大优势 创新赋能、人才支撑"));
  EXPECT_FALSE(rules::credit("创意满满"));
  EXPECT_FALSE(rules::credit("王利"));                          // one bare name says too little
  EXPECT_FALSE(rules::credit("■吴刚"));
}

TEST(Rules, TrailingCredit) {
  const std::string line = "等，预计年底前完工。 北碚区融媒体中心 陈晨";
  People p;
  const std::size_t at = rules::trailing_credit(line, &p);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(line.substr(at), "北碚区融媒体中心 陈晨");
  EXPECT_EQ(p.names, (Strings{"陈晨"}));
  EXPECT_EQ(rules::trailing_credit("他说：“我们会做好。” 这是承诺"), std::string::npos);
  EXPECT_EQ(rules::trailing_credit("完工。北碚区融媒体中心 陈晨"), std::string::npos);  // no space: not set apart
}

TEST(Rules, Captions) {
  EXPECT_TRUE(rules::caption_start("图为箱梁架设施工现场。"));
  EXPECT_TRUE(rules::photo_credit_end("重庆首批智能网联车在科学谷数智科创园亮相 摄/曾诚"));
  EXPECT_TRUE(rules::photo_credit_end("（本报资料图片） 记者 张锦辉 摄/视觉重庆"));
  EXPECT_TRUE(rules::photo_credit_end("市民在公园里晨练 记者 王五 摄／新华社"));  // a full-width slash
  EXPECT_FALSE(rules::photo_credit_end("城市更新／社区治理"));                  // a slash, but no 摄 before it
  EXPECT_TRUE(rules::photo_credit_end("（京昆高速铁路西昆有限公司供图）"));
  EXPECT_TRUE(rules::photo_credit_end("（图片由城东区委宣传部提供）"));  // the source said in words
  EXPECT_TRUE(rules::photo_credit_end("图为市民在夜市选购商品。（照片由受访者提供）"));
  EXPECT_FALSE(rules::photo_credit_end("（数据由市统计局提供）"));
  EXPECT_TRUE(rules::photo_credit_end("山城巷夜景 记者 钟志兵 摄"));
  EXPECT_FALSE(rules::photo_credit_end("记者在现场进行了拍摄"));
  EXPECT_FALSE(rules::photo_credit_end("摄"));
  // The dump lost the space between a caption's last sentence and its credit.
  EXPECT_TRUE(rules::photo_credit_end("戴设备。新华社记者王良摄"));
  EXPECT_TRUE(rules::photo_credit_end("运到岸边准备清洗！本报记者欧阳明摄"));
  EXPECT_FALSE(rules::photo_credit_end("天气很好。我们去拍摄"));  // no role and name before 摄
  EXPECT_FALSE(rules::photo_credit_end("天气很好。记者摄"));      // no name
}

TEST(Rules, LeadLabels) {
  EXPECT_EQ(rules::lead_label("核心提示"), std::string_view("核心提示").size());
  EXPECT_EQ(rules::lead_label("【核心提示】"), std::string_view("【核心提示】").size());
  EXPECT_EQ(rules::lead_label("核心提示：科学城提出"), std::string_view("核心提示：").size());
  EXPECT_EQ(rules::lead_label("核心提示着方向"), 0u);
}

TEST(Rules, HeadlineShapes) {
  auto shaped = [](std::string text) {
    const auto p = newsplit::read_lines(text);
    return rules::headline_shaped(p, 0, p.lines.size());
  };
  EXPECT_TRUE(shaped("西渝高铁重庆段\n首孔箱梁架设成功"));
  EXPECT_TRUE(shaped("重磅发布！36个合作项目拟引资400亿元"));
  // The photo mark opens no headline: the end of a credit a dump wrapped onto its own line.
  EXPECT_FALSE(shaped("摄/视觉重庆"));
  EXPECT_FALSE(shaped("摄（新华社发）"));
  EXPECT_TRUE(shaped("摄影展开幕"));
  EXPECT_TRUE(shaped("“川渝通办”再添新举措"));
  EXPECT_TRUE(shaped("谁来守护城市的烟火气？"));
  EXPECT_FALSE(shaped("定坚实基础。"));                       // ends a sentence
  EXPECT_FALSE(shaped("现代工业与创新设计会碰撞出什么样的火花？巴渝文化元素融入\n工业设计将催生出哪些场景？"));
  EXPECT_FALSE(shaped("一事\n二事\n三事"));                    // a part wraps over two lines at most
  EXPECT_FALSE(shaped("个体或团体之间因各种关联（如社会网络、互惠规范"));  // an open bracket
  EXPECT_FALSE(shaped("3"));
  EXPECT_FALSE(shaped("，深刻指出“自觉按规律办事”"));  // the rest of a sentence
}

TEST(Rules, WordsRunOnAcrossABreak) {
  EXPECT_TRUE(cv::word_continues("智能网联汽车技术及产业创", "新中心暨李克强院士工作站"));
  EXPECT_FALSE(cv::word_continues("推动试点全面开花", "为什么要推进完整社区建设"));
  EXPECT_FALSE(cv::word_continues("产业创新高地", "2021年7月"));
  // Justified spacing puts one space between characters: the words are read through it.
  EXPECT_FALSE(cv::word_continues("名 声 在 外", "山 地 骑 行"));
  EXPECT_TRUE(cv::word_continues("智 能 网 联 汽 车 技 术 及 产 业 创", "新 中 心 暨 李 克 强"));
}

TEST(Rules, NothingOpensOnAParticle) {
  for (const char* line : {"的主体责任", "的饭菜价格实惠，", "了。", "吗？”他问。", "呢"}) EXPECT_TRUE(cv::opens_on_a_particle(line)) << line;
  // The character opens a word of the dictionary there: the line may open a sentence.
  for (const char* line : {"的确，这是一次考验。", "了解情况后，", "着力推动发展", "市民的饭菜"}) EXPECT_FALSE(cv::opens_on_a_particle(line)) << line;
  EXPECT_TRUE(cv::wraps_onto("监护人应承担家庭教育", "的主体责任"));
}

TEST(Rules, TheDotInsideAForeignNameRunsOn) {
  EXPECT_TRUE(cv::ends_open("邀请了指挥家安德烈·"));
  EXPECT_FALSE(cv::ends_open("指挥家安德烈·里乌"));
}

TEST(Rules, APictureSentenceOpensWithTuWei) {
  EXPECT_TRUE(cv::holds_a_picture_sentence("图为游客在银杏林中拍照。"));
  EXPECT_TRUE(cv::holds_a_picture_sentence("银杏林进入最佳观赏期。图为12月1日，游客在林中拍照。"));
  EXPECT_FALSE(cv::holds_a_picture_sentence("这幅地图为游客指明了方向。"));  // 图为 inside a sentence: 地图 / 为
  EXPECT_FALSE(cv::holds_a_picture_sentence("游客在银杏林中拍照留念。"));
}

TEST(Rules, TwoCharactersAWordOfTheDictionary) {
  for (const char* word : {"强度", "鲜明", "江苏"}) EXPECT_TRUE(cv::two_characters_a_word(word)) << word;
  for (const char* name : {"蔡钧", "许广"}) EXPECT_FALSE(cv::two_characters_a_word(name)) << name;
  EXPECT_FALSE(cv::two_characters_a_word("强度高"));  // only two characters are asked about
}

TEST(Rules, ANumberRunsOnIntoItsMeasureWord) {
  EXPECT_TRUE(cv::number_runs_on("这家足校4年收获11", "项全国冠军"));
  EXPECT_TRUE(cv::wraps_onto("全市新建学校12", "所"));
  EXPECT_FALSE(cv::number_runs_on("喜迎2026", "春节假期出行人次创新高"));
  EXPECT_FALSE(cv::number_runs_on("收获十一", "项全国冠军"));  // a number in Han characters: the dictionary's to read
}

TEST(Rules, APrepositionAtALinesEndLeavesThePhraseOpen) {
  EXPECT_TRUE(cv::ends_on_a_word_that_needs_more("这“五个必须”内涵深刻，既是对"));
  EXPECT_TRUE(cv::ends_on_a_word_that_needs_more("世行报告认为，世界经济在"));
  EXPECT_TRUE(cv::ends_on_a_word_that_needs_more("广州越野赛日前举行，来自十四个国家和"));
  EXPECT_TRUE(cv::ends_on_a_word_that_needs_more("新投运的项目大多建在离岸较远的"));
  EXPECT_TRUE(cv::ends_on_a_word_that_needs_more("山城重庆递出一张开放“英雄帖”——在"));  // after a mark
  // The character ends a longer word, which may close a phrase.
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("也必将遭到国际社会更多反对"));
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("这些困难依然存在"));
  // 是…的 closes a sentence; a name may end on one of them; other last characters.
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("好日子是干出来的"));
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("沈和"));
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("高山小镇赛事为何名声在外"));
  EXPECT_FALSE(cv::ends_on_a_word_that_needs_more("既是对。"));
}

TEST(Rules, PunctuationFacts) {
  EXPECT_TRUE(cv::ends_sentence("得到了诠释。"));
  EXPECT_TRUE(cv::ends_sentence("几分钟就完成了。”"));
  EXPECT_TRUE(cv::ends_sentence("覆盖率达22.2%."));
  EXPECT_FALSE(cv::ends_sentence("“钱景”"));
  EXPECT_FALSE(cv::ends_sentence("美国U.S."));
  EXPECT_TRUE(cv::ends_unit("取得的系列标志性成果："));
  // A line that stops on a Han character ends no sentence and no unit, whatever it holds
  // before; the characters of the same three-byte block that are no Han (hexagrams) too.
  EXPECT_FALSE(cv::ends_sentence("得到了诠释。全面推进"));
  EXPECT_FALSE(cv::ends_unit("取得的成果：一是"));
  EXPECT_FALSE(cv::ends_sentence("卦象\u4DC0"));
  EXPECT_FALSE(cv::ends_sentence("区"));
  EXPECT_TRUE(cv::ends_sentence("区。"));
  EXPECT_TRUE(cv::ends_sentence("。"));
  EXPECT_TRUE(cv::ends_unit("区；"));
  EXPECT_TRUE(cv::ends_open("确保党的领导，"));
  EXPECT_TRUE(cv::balanced("（作者系“中共”渝中区委书记）"));
  EXPECT_FALSE(cv::balanced("“一事一议"));
  // A headline part wrapped over two lines is balanced as one text, in reading order.
  EXPECT_TRUE(cv::balanced("“上场后，我更专注", "于做好自己”"));
  EXPECT_FALSE(cv::balanced("于做好自己”", "“上场后，我更专注"));
  EXPECT_FALSE(cv::balanced("“上场后", "我更专注"));
  EXPECT_TRUE(cv::has_full_stop("前行；"));
  EXPECT_FALSE(cv::has_full_stop("前行！"));
}

// A headline part holds no full stop, ellipsis or semicolon, and its quotes close across
// the two lines it may be wrapped over.
TEST(Classify, HeadlineTextAcrossTwoLines) {
  EXPECT_TRUE(newsplit::rules::headline_text("“上场后，我更专注", "于做好自己”"));
  EXPECT_FALSE(newsplit::rules::headline_text("“上场后，我更专注", "于做好自己"));
  EXPECT_FALSE(newsplit::rules::headline_text("山野之间…畅享雪趣", ""));
  EXPECT_FALSE(newsplit::rules::headline_text("山野之间；畅享雪趣", ""));
  EXPECT_TRUE(newsplit::rules::headline_text("山野之间畅享雪趣", ""));
}

// A headline part holds one clause mark at most (出新招，餐饮老字号门前排起长队; 专家：…): two of
// ，：、 make a sentence's clauses, such as a paragraph's first line a dump set on its own
// (记者从海南省林业局了解到：截至2025年底，海南完成全省首次).
TEST(Classify, AHeadlinePartHoldsOneClauseMark) {
  EXPECT_TRUE(newsplit::rules::headline_text("出新招，餐饮老字号门前排起长队", ""));
  EXPECT_TRUE(newsplit::rules::headline_text("专家：寒潮过后气温回升", ""));
  EXPECT_TRUE(newsplit::rules::headline_text("稳就业、促增长", ""));
  EXPECT_FALSE(newsplit::rules::headline_text("记者从海南省林业局了解到：截至2025年底，海南完成全省首次", ""));
  EXPECT_FALSE(newsplit::rules::headline_text("稳就业、促增长，", "惠民生"));
  EXPECT_FALSE(newsplit::rules::headline_text("稳就业、促增长：", "惠民生"));
}

TEST(Classify, UnitsOfASmallPage) {
  const auto page = newsplit::read_lines(
      "■观点 ■评论\n\n■吴刚\n\n正文第一段写在这里，\n内容接着写完。\n\n本报讯 （记者 杨铌紫）7月10日，箱梁架设成功。\n"
      "图为箱梁架设施工现场。\n\n（作者单位：重庆大学）\n\n王静 刘廷\n\n西渝高铁首孔箱梁架设成功\n");
  const auto units = newsplit::classify(page);
  std::vector<Role> roles;
  for (const auto& u : units) roles.push_back(u.role);
  EXPECT_EQ(roles, (std::vector<Role>{Role::Furniture, Role::Byline, Role::Text, Role::Dateline, Role::Text,
                                      Role::Caption, Role::Note, Role::Credit, Role::Headline}));
  EXPECT_EQ(units[3].dateline, "本报讯");
  EXPECT_EQ(units[3].people.names, (Strings{"杨铌紫"}));
  EXPECT_EQ(units[4].spans.front().text, "7月10日，箱梁架设成功。");  // the body goes on after the bracket
}

TEST(Classify, DatelineBracketWrapsOntoTheNextLine) {
  const auto page = newsplit::read_lines(" 本报讯 （新重庆-重庆日报记\n者 杨铌紫）7月10日10时许，首孔长\n24.6米的箱梁落在桥墩上。\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].role, Role::Dateline);
  EXPECT_EQ(units[0].people.text, "新重庆-重庆日报记者 杨铌紫");
  EXPECT_EQ(units[0].people.names, (Strings{"杨铌紫"}));
  EXPECT_EQ(units[1].spans.front().text, "7月10日10时许，首孔长");
}

TEST(Classify, BareLineWherePictureStoodIsACaption) {
  const auto page = newsplit::read_lines("城市更新让老街区焕发新活力\n\n第一段正文在这里，形成城市\n\n\n\n修缮后的山城巷\n\n更新的样本。\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[2].role, Role::Caption);
  EXPECT_EQ(units[2].rule, std::string("bare line where a picture stood"));
  EXPECT_EQ(units[0].role, Role::Headline);  // blank lines at the page top are no picture
}

// A narrow column wraps a headline over three lines; over its byline it is one headline.
TEST(Classify, AHeadlineWrappedOverThreeLinesOverItsByline) {
  const auto page = newsplit::read_lines(
      "山城冬日里的\n一场全民健身\n长跑热潮\n\n■记者 王明\n\n"
      "    一月的山城，清晨的江边跑道上早已人头攒动，市民们\n沿着江岸慢跑，迎着晨光开始新的一天。\n");
  const auto units = newsplit::classify(page);
  ASSERT_GE(units.size(), 3u);
  EXPECT_EQ(units[0].role, Role::Headline);
  EXPECT_EQ(units[0].text(), "山城冬日里的一场全民健身长跑热潮");
  EXPECT_EQ(units[1].role, Role::Byline);
}

// Two headline parts in one block, the first wrapped: the break between them is where no
// word runs across and the line before does not run on.
TEST(Classify, TwoHeadlinePartsInOneBlockOneOfThemWrapped) {
  const auto page = newsplit::read_lines(
      "港口货物吞吐量增长近30个\n百分点\n地区生产总值翻一番多\n\n"
      "    本报讯（记者 王明）五年来，江城港口建设加快推进，\n货物吞吐量稳步增长。\n");
  const auto units = newsplit::classify(page);
  ASSERT_GE(units.size(), 3u);
  EXPECT_EQ(units[0].role, Role::Headline);
  EXPECT_EQ(units[0].text(), "港口货物吞吐量增长近30个百分点");
  EXPECT_EQ(units[1].role, Role::Headline);
  EXPECT_EQ(units[1].text(), "地区生产总值翻一番多");
  EXPECT_EQ(units[2].role, Role::Dateline);
}

// Three short lines with a question inside a line are prose, not two headline parts.
TEST(Classify, ThreeShortLinesWithAQuestionInsideAreProse) {
  const auto page = newsplit::read_lines(
      "为什么要这样做？大家\n都在问\n答案就在眼前\n\n"
      "    本报讯（记者 王明）五年来，江城港口建设加快推进，\n货物吞吐量稳步增长。\n");
  const auto units = newsplit::classify(page);
  ASSERT_FALSE(units.empty());
  EXPECT_NE(units[0].role, Role::Headline);
}

// Extractors that join what stands at one height put a photo credit and the headline beside
// it on one line; a line of names all along stays one credit.
TEST(Classify, ACreditAndAHeadlineOnALineOfTheirOwn) {
  const auto page = newsplit::read_lines(
      "    江边跑道上早已人头攒动，市民们迎着晨光开始新的一天。\n\n"
      "王明 摄 这家足校4年收获11项全国冠军\n\n"
      "    江城少年足球队在全国比赛中再获佳绩，球员们\n训练刻苦。\n\n"
      "九龙坡区融媒体中心 谭燕 段强\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 5u);
  EXPECT_EQ(units[1].role, Role::Credit);
  EXPECT_EQ(units[1].people.names, (Strings{"王明"}));
  EXPECT_EQ(units[2].role, Role::Headline);
  EXPECT_EQ(units[2].text(), "这家足校4年收获11项全国冠军");
  EXPECT_EQ(units[4].role, Role::Credit);
  EXPECT_EQ(units[4].people.names, (Strings{"谭燕", "段强"}));
}

// A photographer's credit broken before its photo mark (the names on one line, 摄 and the
// agency on the next) is one credit, not a headline over a caption.
TEST(Classify, APhotographersCreditBrokenBeforeItsPhotoMark) {
  const auto page = newsplit::read_lines(
      "寒潮来袭\n\n"
      "近日，欧洲多国遭遇寒冷天气。图为德国法兰克福附近的费尔德山被积雪覆盖。\n"
      "迈克尔·普罗布斯特\n"
      "摄（新华社发）\n");
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[1].role, Role::Text);
  EXPECT_EQ(units[2].role, Role::Credit);
  EXPECT_EQ(units[2].text(), "迈克尔·普罗布斯特摄（新华社发）");
  EXPECT_TRUE(units[2].people.photo);
}

// Bare names between a story's last sentence and a photo item (a sentence or two closed by a
// photographer's credit) close the story before; a name the item's text speaks of is its headline.
TEST(Classify, BareNamesBeforeAPhotoItemCloseTheStoryBefore) {
  const std::string story =
      "滨江步道贯通\n"
      "沿着长江南岸，一条\n十二公里长的滨江步\n道近日全线贯通。步\n道沿线新建了观景平\n台和休息驿站，市民\n可以一路骑行看江景。\n"
      "每到傍晚，跑步的年\n轻人和散步的老人都\n会来到这里，滨江步\n道成了休闲的新去处。\n"
      "李文华\n";
  const std::string text = story + "近日，北方多地迎来\n降雪。图为游客在公\n园雪地里拍照留念。\n王明摄（新华社发）\n";
  const auto page = newsplit::read_lines(text);  // (lines are views into the text: it must outlive them)
  const auto units = newsplit::classify(page);
  ASSERT_EQ(units.size(), 5u);
  EXPECT_EQ(units[2].role, Role::Credit);
  EXPECT_EQ(units[2].people.names, (Strings{"李文华"}));
  EXPECT_EQ(units[4].role, Role::Credit);
  const std::string text2 = story + "近日，李文华在公园\n雪地里堆起雪人，吸\n引游客拍照留念。\n王明摄（新华社发）\n";
  const auto about = newsplit::read_lines(text2);
  const auto units2 = newsplit::classify(about);
  ASSERT_EQ(units2.size(), 5u);
  EXPECT_EQ(units2[2].role, Role::Headline);
}

// A short line that ends no sentence under a column's full line, on a page without blank
// lines, is a headline; a line short only because a number follows it is the paragraph's.
TEST(Classify, AShortLineBeforeANumberIsNoHeadlineAfterAColumn) {
  EXPECT_EQ(headlines_of(test::page("headline-after-a-column.txt")), (Strings{"山区小学用上智慧课堂", "江边步道串起风景"}));
}

// Digits print narrower than Han characters, and a number is not broken over lines, but only
// by as much as they take: a headline with numbers (滨江步道3年 / 新增12处驿站), far shorter
// than the column it follows, is still a headline after a column cut mid-sentence.
TEST(Classify, AHeadlineWithNumbersFarShortOfTheColumnIsAHeadlineAfterAColumn) {
  EXPECT_EQ(headlines_of(test::page("headline-with-numbers-after-a-column.txt")),
            (Strings{"山区小学用上智慧课堂", "滨江步道3年", "新增12处驿站"}));
}

// A place label: a province's name and a city's of two or three characters, nothing else.
TEST(Rules, PlaceLabels) {
  for (const char* label : {"浙江杭州", "黑龙江哈尔滨", "湖南长沙", " 广西南宁 "}) EXPECT_TRUE(cv::is_place_label(label)) << label;
  for (const char* other : {"浙江", "浙江杭州市上城区", "浙江杭州 出新招", "江津", "山东青岛耐冬", "全岛封关后首个小长假"})
    EXPECT_FALSE(cv::is_place_label(other)) << other;
}

// An interview's turns say who speaks: dialogue, never a headline; a headline may quote a
// person by name (习近平：…), and a colon inside a phrase is no speaker.
TEST(Rules, AnInterviewsTurnsSayWhoSpeaks) {
  for (const char* turn : {"记者：现在年轻人愿意学吗？", "本报记者：您怎么看？", "问：夜市何时开放？", "答：每晚六点。", "記者：現在年輕人願意來嗎？"})
    EXPECT_TRUE(cv::opens_with_the_speaker(turn)) << turn;
  for (const char* other : {"记者从市统计局获悉", "习近平：推动高质量发展", "问题导向抓落实", "记者：", "答案藏在桃林里"})
    EXPECT_FALSE(cv::opens_with_the_speaker(other)) << other;
}

// A word of approximation stands before its number: a blocks dump that parts a paragraph
// after one (…后市场企业近 / blank / 300家，新能源…) cut it mid-phrase, and the line is no
// headline however short and whatever the words either side share.
TEST(Classify, ALineStoppingBeforeItsNumberIsNoHeadline) {
  EXPECT_EQ(headlines_of(test::page("blocks-dump-line-cut-before-its-number.txt")),
            (Strings{"皖北汽车零部件产业集群成形", "城南老街夜市重新开张"}));
}

// A block of one Han character right under a headline (a blocks dump parted a wrapped
// headline's last character from it: 成为全村的公开 / blank / 课) is that headline's end: no
// headline, paragraph or caption is one character long.
TEST(Classify, AOneCharacterBlockUnderAHeadlineIsItsWrappedEnd) {
  const std::string text = test::page("blocks-dump-parts-paragraphs.txt");  // the lines view it
  const auto page = newsplit::read_lines(text);
  const auto units = newsplit::classify(page);
  const auto it = std::find_if(units.begin(), units.end(), [](const newsplit::Unit& u) { return u.text().starts_with("成为全村"); });
  ASSERT_NE(it, units.end());
  EXPECT_EQ(it->role, Role::Headline);
  EXPECT_EQ(it->text(), "成为全村的公开课");
  EXPECT_EQ(it->spans.size(), 2u);
}

// The same dump parts paragraphs anywhere: a column's full line with a comma, after text that
// stopped mid-sentence, goes on with that text; a paragraph's first line (short by the
// dropped indent) over a full line opens it. Only the headlines are headlines.
TEST(Classify, ParagraphLinesPartedByABlocksDumpAreNoHeadlines) {
  EXPECT_EQ(headlines_of(test::page("blocks-dump-parts-paragraphs.txt")),
            (Strings{"山区学校迎来新球场", "城南老街夜市重新开张", "百余摊位亮灯迎客", "一场读书会缘何", "成为全村的公开课"}));
}

// The character wrapped may stand in its quotes (古戏台上不只有 / “戏”).
TEST(Classify, AQuotedCharacterUnderAHeadlineIsItsWrappedEnd) {
  const std::string text =
      "城南小学开展戏曲进校园活动，孩子们学唱了几段黄梅戏。\n\n古戏台上不只有\n\n“戏”\n\n"
      "　　在江苏南京市高淳老街，一座百年古戏台如今成了社区的文化客厅，市民在这里读书、听讲座、看展览。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"古戏台上不只有“戏”"}));
}

// Two or three characters wrapped the same way (广州100公里越野赛 / 举行) end the headline too;
// a name there (王明) is not the headline's end but its story's byline.
TEST(Classify, AWrappedWordUnderAHeadlineIsItsEndButANameIsNot) {
  const std::string text =
      "城南小学开展戏曲进校园活动，孩子们学唱了几段黄梅戏。\n\n城南100公里越野赛\n\n举行\n\n"
      "　　城南100公里越野赛日前举行，来自全国的约两千名选手从城南体育馆出发，跑向南山等风景区。\n\n"
      "城北新建三座口袋公园\n\n王明\n\n"
      "　　入冬以来，城北新区在老旧小区之间建起了三座口袋公园，附近居民多了休闲散步的去处。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"城南100公里越野赛举行", "城北新建三座口袋公园"}));
}

// A page of many short stories in a dump by blocks: after a sentence's end, headlines stand
// as often as paragraph openings, far shorter than the column; they do not hide the dropped
// indent the openings share, and each opening alone in its block is no headline.
TEST(Classify, ManyHeadlinesDoNotHideTheDroppedIndent) {
  EXPECT_EQ(headlines_of(test::page("blocks-dump-many-short-stories.txt")),
            (Strings{"老街夜市重新开张", "山区小学用上新球场", "社区食堂受老人欢迎", "江边步道串起风景", "乡村书屋办起读书会",
                     "智慧公交线路开通", "老旧小区加装电梯", "湿地公园迎来候鸟"}));
}

// A viewer's copy made from a dump by blocks keeps the blocks' parting: a headline wrapped at
// its own width stands on two lines, the word running on across them (触 / 碰梦想).
TEST(Classify, AHeadlineWrappedOverTwoLinesOfAViewersCopy) {
  const std::string text =
      "城南老街的夜市经过半年改造日前重新开张，一百多个摊位同时亮灯迎客，吸引了不少市民和外地游客前来品尝各色小吃。\n"
      "改造后的夜市统一了摊位样式，增设了休息区和公共卫生间，街道还请来志愿者在入口处为游客指路。\n"
      "在“艺术自习室”触\n碰梦想\n"
      "浙江温州苍南县，59岁的戏曲票友蔡玉钗和25岁的街舞爱好者张恩宏遇到了一件“新鲜事”：县文化馆开放了“艺术自习室”。\n"
      "钢琴房内，指尖跃动琴键，隔音墙锁住流淌的音符；书法区，墨香四溢，众人围案切磋；音乐区，银发族排练合唱。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"在“艺术自习室”触碰梦想"}));
}

TEST(Rules, CampaignBanners) {
  EXPECT_TRUE(cv::is_campaign_banner("深入学习贯彻党的二十届四中全会精神"));
  EXPECT_TRUE(cv::is_campaign_banner("学习贯彻市委六届七次全会精神"));
  EXPECT_FALSE(cv::is_campaign_banner("全市干部大会学习贯彻全会精神"));  // a story's headline
  EXPECT_FALSE(cv::is_campaign_banner("深入学习贯彻全会精神。"));
  EXPECT_FALSE(cv::is_campaign_banner("学习贯彻全会精神落到实处"));
}

// A line that opens with one Han character and a clause mark ends a word begun on the line right
// before (…万胜塘大 / 桥、旧州大桥…), one the dictionary may not know: that line is text, not a
// headline part under the headline.
TEST(Classify, ALineWhoseWordEndsOnTheNextIsNoHeadline) {
  const auto page = newsplit::read_lines(
      "人民日报 2026年6月16日 星期二 第4版 要闻\n本报记者吕文正\n寒冬时节，辽宁省东港市黄海海域滩涂人工养\n"
      "殖的蛏子进入收获季。图为1月3日，农民在滩涂上\n破海冰挖出蛏子，运到岸边准备清洗。\n平陆运河4座跨运河桥梁建成通车\n"
      "位于广西的平陆运河金海湾大桥、万胜塘大\n桥、旧州大桥、大田坪村大桥4座跨运河桥梁1月1\n日同步建成通车。此前，平陆运河南珠大街跨江桥\n"
      "主线桥、丁屋村大桥等在2025年12月陆续建成通\n车。桥梁的开通，进一步畅通了沿线群众出行与物\n流运输通道，改善了居民生活与区域联通效率。\n");
  const auto units = newsplit::classify(page);
  const newsplit::Unit* opening = nullptr;
  for (const auto& u : units)
    if (u.first_line(page) == 7) opening = &u;
  ASSERT_NE(opening, nullptr);
  EXPECT_EQ(opening->role, Role::Text) << opening->rule;
}

// The clause mark may be a half-width comma (a viewer's copy of a page set with them: …保护街 /
// 区,百年老字号…): the line before is text there too.
TEST(Classify, ALineWhoseWordEndsOnTheNextBeforeAHalfWidthCommaIsNoHeadline) {
  const std::string text =
      "冰雪旅游带热城市消费\n入冬以来,哈尔滨冰雪大世界、中央大街等景区游人如织,带动住宿、餐饮等消费持续升温。全市接待游客人次同比增长两成以上。\n"
      "本报记者 刘洋摄\n老字号门前排起长队\n清晨的黑龙江哈尔滨中华巴洛克历史文化保护街\n"
      "区,百年老字号\"张包铺\"前已排起长队。\"特意起大早过来,就为尝尝这口包子。\"来自吉林的游客李娜举着手机,定格下蒸笼升腾起的袅袅热气。\n"
      "中午刚过11点,铺子里两层楼40多张餐台座无虚席,不少顾客还在一旁等位。\"我们在传承的基础上不断创新。\"店长说,今年冬天的客流比去年同期多了三成。\n"
      "本报记者 郭晓龙摄\n";
  EXPECT_EQ(headlines_of(text), (Strings{"冰雪旅游带热城市消费", "老字号门前排起长队"}));
}

// A sentence of prose opens with an adverbial and a comma (when, where the news came from, up to
// when it is counted, what part is meant); no headline does.
TEST(Rules, ASentenceOpensWithAnAdverbial) {
  for (const char* opening : {"19日，2026年澳大利亚网球", "1月5日下午，国家主席", "2025年12月31日，中免", "１９日，记者从", "日前，2026年世界霹雳舞",
                              "近年来，广西持续完善", "今年以来,全市", "5日，", "下午3点，浙江遐龄荟", "7点半，家住", "上午10时，", "据中东媒体报道，沙特",
                              "截至2025年底，海南", "其中，社保服务是"})
    EXPECT_TRUE(cv::opens_with_an_adverbial(opening)) << opening;
  for (const char* headline : {"20日至21日可能出现较强地磁活动", "19日电", "日前举行", "1月5日", "2026年世界霹雳舞体育舞蹈节", "近日来访", "2026年，",
                               "第5日，", "据说，", "3点钟的太阳", "截至", "其中的奥秘"})
    EXPECT_FALSE(cv::opens_with_an_adverbial(headline)) << headline;
}

// A lede may open with where the reporter learned the news (记者从…了解到, 记者日前从…获悉): a
// sentence, cut off by a blank line or not, never a headline, however short.
TEST(Rules, ALedeOpensWithTheReportersSource) {
  for (const char* lede : {"记者从海南省林业局了解到：截至", "记者日前从市住房城乡建委获悉", "记者从"})
    EXPECT_TRUE(cv::opens_with_the_reporters_source(lede)) << lede;
  for (const char* other : {"记者节里的新闻人", "本报记者 吴敏", "记者 从 容", "记者们从基层来"})
    EXPECT_FALSE(cv::opens_with_the_reporters_source(other)) << other;
  const std::string text =
      "城南公园完成改造\n\n城南公园改造工程日前完工，新建了儿童游乐区、健身步道和休闲广场，园内绿化面积增加了三成，"
      "周边居民又多了一个休闲好去处。\n\n本报记者 吴敏\n\n记者从海南省林业局了解到\n\n"
      "截至2025年底，海南完成全省首次林草种质资源普查，共调查记录林草种质资源3101种，其中新发现物种多个。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"城南公园完成改造"}));
}

// A line short of its column that opens so, under a picture's caption and credit (a raw dump
// dropped the paragraph's indent: 19日，2026年澳大利亚网球 / 公开赛男单首轮…), is the story's
// opening, not a headline over it.
TEST(Classify, AShortLineThatTellsWhenIsNoHeadline) {
  const std::string text =
      "人民日报 2026年1月20日 星期二 第7版 体育\n家长也安心。”\n董鸣刚摄\n商竣程晋级澳网男\n单第二轮\n■李硕\n"
      "图为19日，2026年澳大利亚网球公开赛\n男单首轮比赛中，中国选手商竣程以3∶1\n战胜西班牙选。 新华社记者 杨迅摄\n"
      "19日，2026年澳大利亚网球\n公开赛男单首轮比赛中，中国选手\n商竣程以3∶1战胜西班牙选手阿古\n特，职业生涯第三次在澳网闯过首\n"
      "轮，这也是他在大满贯正赛中取得\n的第七场胜利。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"商竣程晋级澳网男", "单第二轮"}));
}

// A phrase cut at a line's end runs on into the next block however short it is: a number's
// measure word (…人均可支配收入从2.3 / blank / 万元提高到4.4万元、增长91%) goes on with the
// number, as a word cut in two does; neither line is a headline.
TEST(Classify, ABlockThatOpensWithTheMeasureWordOfTheNumberBeforeIsNoHeadline) {
  const std::string text =
      "长江经济带十年发展成效显著\n\n　　本报讯 （记者 姚健楠）●优良水质比例从67%提升\n到96.5%\n"
      "　　●居民人均可支配收入从2.3\n\n万元提高到4.4万元、增长91%\n"
      "　　长江经济带发展是我国区域重大战略。10年来，长江经济带\n生产总值翻了一番多。\n";
  EXPECT_EQ(headlines_of(text), (Strings{"长江经济带十年发展成效显著"}));
}
