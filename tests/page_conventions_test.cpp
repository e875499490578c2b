// One test (or more) per convention of docs/conventions.md, on small synthetic pages
// in tests/pages/ that were written for it. Each expectation was read off the page and
// the doc, not copied from the program.
#include <algorithm>

#include <gtest/gtest.h>

#include "newsplit/split.hpp"
#include "test_util.hpp"

using newsplit::Article;
using newsplit::PageResult;
using newsplit::split_page;
using Strings = std::vector<std::string>;

namespace {

PageResult split_file(const std::string& name) { return split_page(test::page(name)); }

// The headline as the scorer reads it: its parts in order.
std::string headline_of(const Article& a) { return a.kicker + a.title + a.subtitle; }

// A page of two stories where the second's headline is what a convention must read: the first
// story ends with its own last sentence (the headline is not taken into it), the second has
// this headline, these authors and this many paragraphs.
void expect_two_stories(const PageResult& r, std::string_view first_ends_with, const std::string& headline, const Strings& authors,
                        std::size_t paragraphs) {
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with(first_ends_with)) << r.articles[0].paragraphs.back();
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), headline);
  EXPECT_EQ(b.authors, authors);
  EXPECT_EQ(b.paragraphs.size(), paragraphs);
  EXPECT_TRUE(b.subheads.empty());
}

}  // namespace

// --- Articles on a page ------------------------------------------------------------------

TEST(Conventions, TitleFirstPageWithCountyCreditLines) {
  const PageResult r = split_file("title-first-county-credits.txt");
  EXPECT_FALSE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  // District labels lead headlines: the place name is part of the headline.
  EXPECT_EQ(a.title, "江津滨江新城优化营商环境获奖");
  EXPECT_EQ(a.dateline, "本报讯");
  EXPECT_EQ(a.byline, "记者 张静");
  EXPECT_EQ(a.authors, (Strings{"张静", "王利"}));  // the dateline's reporter and the credit line's name
  EXPECT_EQ(a.credits, (Strings{"江津区融媒体中心 王利"}));
  EXPECT_EQ(a.paragraphs, (Strings{"7月12日，全市优化营商环境工作推进会召开，江津区滨江新城管委会获评“营商环境创新案例”。",
                                   "今年以来，滨江新城推行“一窗通办”，企业开办时间压缩至1个工作日，累计为企业办理各类事项2300余件。"}));
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "合川优特农产品“闯荡”上海滩");
  EXPECT_EQ(b.credits, (Strings{"合川区融媒体中心 龚长浩 摄"}));  // a credit with a photo mark
  EXPECT_EQ(b.authors, (Strings{"龚长浩"}));
  ASSERT_EQ(b.paragraphs.size(), 2u);  // "元。" is short and ends a sentence: a paragraph ends there
  EXPECT_EQ(b.paragraphs[0], "7月10日，合川区优特农产品推介会在上海举行，桃片、米花糖等40余种特色产品集中亮相，现场签约金额达1.2亿元。");
  EXPECT_EQ(b.line_start, 12u);
  EXPECT_EQ(b.line_end, 22u);
}

TEST(Conventions, CountyNewsPage) {
  // Title-first, district labels, a section name on top, credits of every shape.
  const PageResult r = split_file("county-news.txt");
  EXPECT_FALSE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 4u);
  ASSERT_EQ(r.leftovers.size(), 1u);
  EXPECT_EQ(r.leftovers[0].text, "区县新闻");
  EXPECT_EQ(r.articles[0].title, "綦江东溪古镇入选国家级旅游休闲街区");
  EXPECT_EQ(r.articles[0].kicker, "");
  EXPECT_EQ(r.articles[0].dateline, "本报讯");
  EXPECT_EQ(r.articles[0].credits, (Strings{"綦江区融媒体中心 诵讯员 张敏"}));
  EXPECT_EQ(r.articles[1].byline, "通讯员 李娟");
  EXPECT_EQ(r.articles[1].authors, (Strings{"李娟", "王利"}));
  EXPECT_EQ(r.articles[2].captions, (Strings{"图为游客在神女景区观赏红叶。"}));
  EXPECT_EQ(r.articles[2].authors, (Strings{"龚长浩"}));
  // "大足" / "石刻文化研学基地揭牌": one part wrapped; then a dash subtitle.
  EXPECT_EQ(r.articles[3].title, "大足石刻文化研学基地揭牌");
  EXPECT_EQ(r.articles[3].subtitle, "——首批研学团队走进宝顶山");
  EXPECT_EQ(r.articles[3].credits, (Strings{"大足区融媒体中心 陈晨 文/图"}));
}

TEST(Conventions, HeadlinesAfterTheirBodies) {
  const PageResult r = split_file("headlines-after-news.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  // One headline part wrapped over two lines.
  EXPECT_EQ(r.articles[0].title, "北碚歇马街道启动老旧小区改造");
  // A title and a subtitle that opens with a dash.
  EXPECT_EQ(r.articles[1].title, "上半年新增公交线路46条");
  EXPECT_EQ(r.articles[1].subtitle, "——定制公交线路开通18条");
  EXPECT_EQ(r.articles[1].kicker, "");
}

TEST(Conventions, HeadlinesAfterWithSubheadCaptionAndAHeadlinelessOpinionPiece) {
  const PageResult r = split_file("headlines-after-mixed.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(test::headline(r.articles[0]), "夏粮收购全面展开全市已收购夏粮2.3万吨");
  EXPECT_EQ(r.articles[0].subheads, (Strings{"收购现场秩序井然"}));
  EXPECT_EQ(r.articles[0].captions, (Strings{"潼南区桂林街道粮食收购点记者周松摄"}));
  EXPECT_EQ(r.articles[0].authors, (Strings{"周松"}));  // the photographer of a caption is no author
  EXPECT_EQ(test::headline(r.articles[1]), "渝贵高铁开通一周年发送旅客超500万人次");
  EXPECT_EQ(r.articles[1].paragraphs.front(), "7月14日，重庆至贵阳高铁开通运营一周年，累计发送旅客超过500万人次。");
  EXPECT_EQ(test::headline(r.articles[2]), "");
  EXPECT_EQ(r.articles[2].notes, (Strings{"（作者单位：重庆工商大学）"}));
}

// Where headlines follow their bodies, a headline block between two stretches of text closes
// the story before it when its words are that text's, not the next. A subhead set on two lines
// is weighed whole: its first line alone (“主力”交卷) shares words with the text before and
// none with its own second line, but the block shares the text after as well, and stays a
// subhead of the story.
TEST(Conventions, ATwoLineSubheadIsWeighedWholeWhereHeadlinesFollowTheirBodies) {
  const PageResult r = split_file("headlines-after-two-line-subhead.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(test::headline(a), "36个合作项目拟引资400亿元国企携手共建开放通道");
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  EXPECT_EQ(a.subheads, (Strings{"“主力”交卷国资国企夯实通道根基"}));  // one subhead, as the sample's gold lists it
  EXPECT_EQ(a.paragraphs.size(), 5u);
  EXPECT_EQ(test::headline(r.articles[1]), "老街书店办起读书夜市");
}

// A subhead may wrap, and a blocks dump sets its rest apart (训练“讲科学”，比赛上 / blank /
// 强度): the rest of a word or a few under a subhead line that ends no phrase is that subhead's
// end, one subhead between the paragraphs, not two.
TEST(Conventions, ASubheadsWrappedRestSetApartIsTheSameSubhead) {
  const PageResult r = split_file("blocks-dump-subhead-wrapped-apart.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "山区足球青训见成效");
  EXPECT_EQ(a.subheads, (Strings{"训练“讲科学”，比赛上强度"}));
  ASSERT_EQ(a.paragraphs.size(), 5u);
  EXPECT_EQ(a.paragraphs[2], "训练“讲科学”，比赛上强度");
}

// A subhead over a paragraph a blocks dump parted: the paragraph's first lines, a clause of
// prose (统计局分析认为，全市经济…), are no rest of the subhead, which stays whole.
TEST(Conventions, ASubheadOverAParagraphsFirstLinesStaysWhole) {
  const PageResult r = split_file("blocks-dump-subhead-over-a-paragraph-parted.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_FALSE(r.articles[0].subheads.empty());
  EXPECT_EQ(r.articles[0].subheads.front(), "多重因素推动经济稳步回升");
}

// Short stories close with their writers in brackets under the last sentence (（记者 张三）,
// a bare name: （李四）), the agency they came from (（新华社）), where they came from
// (（来源：人民日报）) or the mark of their end (（完）): each closes its story, and the
// headline under it heads the next.
TEST(Conventions, BracketedCreditsCloseShortStories) {
  const PageResult r = split_file("bracketed-credits-close-short-stories.txt");
  ASSERT_EQ(r.articles.size(), 5u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"张三"}));
  EXPECT_EQ(r.articles[0].credits, (Strings{"（记者 张三）"}));
  EXPECT_EQ(r.articles[1].title, "城西公园完成提升改造");
  EXPECT_EQ(r.articles[1].authors, (Strings{"李四"}));
  EXPECT_EQ(r.articles[2].authors, (Strings{}));
  EXPECT_EQ(r.articles[2].credits, (Strings{"（新华社）"}));
  EXPECT_EQ(r.articles[3].notes, (Strings{"（来源：人民日报）"}));
  EXPECT_EQ(r.articles[4].notes, (Strings{"（完）"}));
  for (const Article& a : r.articles) EXPECT_EQ(a.paragraphs.size(), 1u) << a.title;
}

// A lead box may stand between the headline and the byline (【导读】 and its summary, then
// 本报记者 张三): the byline under it opens the story the box sums up, not a new one, and
// the bracket sets the label apart from the summary run on after it.
TEST(Conventions, ALeadBoxBetweenTheHeadlineAndTheByline) {
  const PageResult r = split_file("lead-box-between-headline-and-byline.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "城东老街夜市重新开张");
  EXPECT_EQ(a.lead_label, "【导读】");
  EXPECT_EQ(a.lead, "经过半年改造，城东老街夜市日前重新开张。这是全市今年改造完成的第三个夜市。");
  EXPECT_EQ(a.authors, (Strings{"张三"}));
  EXPECT_EQ(a.subheads, (Strings{"一、改造让老街焕发新生", "二、特色小吃吸引八方来客"}));
  EXPECT_EQ(a.continued_on, "3");
}

// An interview: the title with its subtitle set right under it, opening with a dash (a part
// of its own, also in one block), then turns that say who speaks (记者：…？): a question is
// dialogue, no subhead, and the turns are the story's paragraphs.
TEST(Conventions, AnInterviewUnderADashSubtitle) {
  const PageResult r = split_file("interview-under-a-dash-subtitle.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "让老手艺走进今天的生活");
  EXPECT_EQ(a.subtitle, "——访非遗传承人王师傅");
  EXPECT_EQ(a.authors, (Strings{"张三"}));
  EXPECT_TRUE(a.subheads.empty());
  ASSERT_EQ(a.paragraphs.size(), 4u);
  EXPECT_EQ(a.paragraphs[2], "记者：现在年轻人愿意学吗？");
  EXPECT_EQ(r.articles[1].title, "城西公园完成提升改造");
}

// A bracket set after a sentence's end closes with the sentence (…亮灯迎客。（资料来源：…）):
// the paragraph ends there and the next one does not run on from it across the blank line;
// the writers in brackets after the story's last sentence, on its line (…停车位。（记者 张三）),
// are the credit that closes the story, and the headline under it heads the next.
TEST(Conventions, WritersInBracketsAfterTheLastSentence) {
  const PageResult r = split_file("writers-in-brackets-after-the-last-sentence.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(a.paragraphs[0].ends_with("。（资料来源：市商务局）")) << a.paragraphs[0];
  EXPECT_TRUE(a.paragraphs[1].ends_with("停车位。")) << a.paragraphs[1];
  EXPECT_EQ(a.credits, (Strings{"（记者 张三）"}));
  EXPECT_EQ(a.authors, (Strings{"张三"}));
  EXPECT_EQ(r.articles[1].title, "城西公园完成提升改造");
}

// A marked section head inside a story (■ 服务前移), between a paragraph's end and the prose
// under it, is the story's subhead, the mark its markup: at a page's top the same shape is
// the page's rubric, left over as furniture.
TEST(Conventions, MarkedSectionHeadsInsideAStoryAreItsSubheads) {
  const PageResult r = split_file("marked-section-heads-inside-a-story.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.subheads, (Strings{"服务前移", "政策落地"}));
  EXPECT_EQ(a.paragraphs.size(), 6u);
  EXPECT_EQ(a.dateline, "本报讯");
  EXPECT_TRUE(r.leftovers.empty());
}

// Jump marks run into the text: a part continued from another page opens with where it came
// from (（上接第1版）推动…), a part continued on another says so after its last sentence
// (…亮灯迎客。（下转第3版））, and the headline after such a mark heads another story.
TEST(Conventions, JumpMarksRunIntoTheText) {
  const PageResult r = split_file("jump-marks-run-into-the-text.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].continued_from, "1");
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  EXPECT_TRUE(r.articles[0].paragraphs[0].starts_with("推动经济社会发展")) << r.articles[0].paragraphs[0];
  EXPECT_EQ(r.articles[1].title, "城东老街夜市重新开张");
  EXPECT_EQ(r.articles[1].continued_on, "3");
  EXPECT_EQ(r.articles[1].paragraphs, (Strings{"经过半年改造，城东老街夜市日前重新开张，百余个摊位亮灯迎客。"}));
  EXPECT_EQ(r.articles[2].title, "城西公园完成提升改造");
  EXPECT_TRUE(r.articles[2].subheads.empty());
}

TEST(Conventions, CreditAtTheEndOfTheLastBodyLineAndAnOcrSlip) {
  const Article a = split_file("headlines-after-news.txt").articles.at(0);
  // 诵讯员 is an OCR slip for 通讯员: still a role word, and never "corrected".
  EXPECT_EQ(a.byline, "记者 李明 诵讯员 王芳");
  EXPECT_EQ(a.authors, (Strings{"李明", "王芳", "陈晨"}));
  EXPECT_EQ(a.credits, (Strings{"北碚区融媒体中心 陈晨"}));
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.back(), "改造内容包括管网更新、外墙整治和加装电梯等，预计年底前完工。");
}

TEST(Conventions, DatelineReporterGoesToAuthorsAndTheBodyStartsAfterTheBracket) {
  const Article a = split_file("headlines-after-news.txt").articles.at(1);
  EXPECT_EQ(a.dateline, "本报讯");
  EXPECT_EQ(a.byline, "记者 赵雪");
  EXPECT_EQ(a.authors, (Strings{"赵雪"}));
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs[0], "记者从市交通局获悉，今年上半年全市新增公交线路46条，优化调整线路120条，新开通定制公交线路18条。");
}

TEST(Conventions, ArticleWithoutHeadlineGetsAnEmptyTitleNotItsNeighbours) {
  const PageResult r = split_file("headline-less-article.txt");
  EXPECT_FALSE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "重庆启动夏季消费季活动");
  const Article& b = r.articles[1];
  EXPECT_EQ(test::headline(b), "");
  EXPECT_EQ(b.warnings, (Strings{"no headline found"}));
  // A byline of two names, and an author note wrapped over two lines.
  EXPECT_EQ(b.authors, (Strings{"殷俊", "甘田"}));
  EXPECT_EQ(b.notes, (Strings{"（作者单位分别为重庆工商大学经济学院、重庆社会科学院）"}));
  EXPECT_EQ(b.paragraphs, (Strings{"近年来，城市夜间经济蓬勃发展，已成为拉动消费的重要引擎。",
                                   "如何让夜间经济既有“烟火气”又有“新活力”，值得各方深入思考。"}));
}

TEST(Conventions, OpinionPageWithKickerTitleSubtitleAfterTheBody) {
  const PageResult r = split_file("opinion-headlines-after.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.kicker, "坚持农业农村优先发展");
  EXPECT_EQ(a.title, "以产业振兴带动乡村全面振兴");
  EXPECT_EQ(a.subtitle, "——重庆推进乡村振兴的实践与思考");
  EXPECT_EQ(a.notes, (Strings{"（作者系重庆市农业农村委员会研究员）"}));
  EXPECT_EQ(a.authors, (Strings{"陈曦"}));
  EXPECT_EQ(r.articles[1].title, "数字经济赋能高质量发展");
  EXPECT_EQ(r.articles[1].notes, (Strings{"（作者单位：重庆邮电大学经济管理学院）"}));
}

TEST(Conventions, ASpacedOutNoteClosesItsPieceAndIsCleaned) {
  // A justified column spaces its note out like its text; the note still closes the piece.
  const PageResult r = split_page(
      "以史为鉴的全民课\n"
      "\n"
      "■叶建\n"
      "\n"
      "    矗 立 河 源 ， 补 史 之 缺 。 去 年 ， 在 青 海\n"
      "黄 河 源 发 现 的 秦 刻 石 ， 经 多 方 论 证 。\n"
      "\n"
      "（ 作 者 系 某 地 社 会 科 学 院 研 究 员 ）\n");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.notes, (Strings{"（作者系某地社会科学院研究员）"}));
  EXPECT_EQ(a.paragraphs, (Strings{"矗立河源，补史之缺。去年，在青海黄河源发现的秦刻石，经多方论证。"}));
}

TEST(Conventions, LeadBoxIsPartOfTheArticle) {
  const PageResult r = split_file("lead-box.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.kicker, "一个目标三大抓手");
  EXPECT_EQ(a.title, "科学城力争建成全市新能源汽车产业创新高地");
  EXPECT_EQ(a.lead_label, "核心提示");
  EXPECT_EQ(a.lead,
            "科学城提出，未来5年将构建现代制造业集群体系，力争到2027年形成“三大千亿级”制造业产业集群。\n"
            "其中，新能源汽车及核心器件产业被确定为三大主导产业之一。");
  // The lead stays in the body, first; subheads stay in the body, in order, and are listed.
  ASSERT_EQ(a.paragraphs.size(), 6u);
  EXPECT_EQ(a.paragraphs[0], "科学城提出，未来5年将构建现代制造业集群体系，力争到2027年形成“三大千亿级”制造业产业集群。");
  EXPECT_EQ(a.paragraphs[2], "一个目标全市新能源汽车产业创新高地");
  EXPECT_EQ(a.subheads, (Strings{"一个目标全市新能源汽车产业创新高地", "三大抓手龙头引领、智改数转、生态成型"}));
  // A role-word byline at the foot of the story, with no body after it, is its credit.
  EXPECT_EQ(a.credits, (Strings{"记者 何川"}));
  EXPECT_EQ(a.authors, (Strings{"何川"}));
}

TEST(Conventions, PhotoCaptionsNeverGoIntoTheBody) {
  const PageResult r = split_file("captions.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.captions, (Strings{"修缮后的山城巷传统风貌区",                         // where a picture stood
                                 "图为游客在山城巷拍照打卡。（渝中区委宣传部供图）",  // 图为 …（…供图）
                                 "山城巷夜景记者钟志兵摄"}));                        // … 摄
  // The caption stood in mid-sentence: the text before it continues after it.
  EXPECT_EQ(a.paragraphs.at(1),
            "据介绍，山城巷片区改造坚持“留改拆”并举，保留了大量具有历史风貌的建筑，形成城市更新与文化保护相结合的示范样本。");
  for (const auto& p : a.paragraphs) EXPECT_EQ(p.find("图为"), std::string::npos) << p;
}

TEST(Conventions, CreditUnderAPhotoCaptionStaysACredit) {
  const std::string text =
      "巫山红叶节开幕\n\n11月20日，第十七届巫山国际红叶节在神女景区开幕，\n吸引游客2万余人次。\n\n"
      "图为游客在神女景区观赏红叶。\n巫山县融媒体中心 龚长浩 摄\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].captions, (Strings{"图为游客在神女景区观赏红叶。"}));
  EXPECT_EQ(r.articles[0].credits, (Strings{"巫山县融媒体中心 龚长浩 摄"}));
  EXPECT_EQ(r.articles[0].authors, (Strings{"龚长浩"}));
}

TEST(Conventions, PageFurnitureIsLeftOverNotLost) {
  const PageResult r = split_file("furniture.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "“渝车出海”跑出加速度");
  Strings kinds, texts;
  for (const auto& l : r.leftovers) {
    kinds.push_back(l.kind);
    texts.push_back(l.text);
  }
  EXPECT_EQ(kinds, (Strings{"running head", "running head", "running head", "running head"}));
  EXPECT_EQ(texts, (Strings{"2024年7月11日星期四", "■要闻■评论■观察", "责任编辑张伟", "美术编辑李娜"}));
  for (const auto& p : r.articles[0].paragraphs) EXPECT_EQ(p.find("编辑"), std::string::npos);
}

TEST(Conventions, AHeadlineWithACommaAsWideAsTheColumn) {
  // 19 characters, the column's width, with commas: still a headline (it stands alone).
  const std::string text =
      "稳增长促改革，重庆经济运行稳中向好，势头强劲\n\n本报讯 （记者 黄鹏）今年上半年，全市地区生产总值同比增长\n"
      "6.1%，增速高于全国平均水平，主要经济指标保持\n稳中有进、稳中向好的发展态势，经济运行总体平\n"
      "稳。规模以上工业增加值同比增长7.2%，其中汽车\n产业增加值增长9.8%，电子信息产业增长6.5%，\n"
      "社会消费品零售总额同比增长4.9%。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "稳增长促改革，重庆经济运行稳中向好，势头强劲");
}

TEST(Conventions, HeadlinesAfterBriefsWithoutBylines) {
  // No byline, dateline or credit marks where one brief ends: each headline sums up the
  // text before it, which is how it is told from a subhead.
  const PageResult r = split_file("headlines-after-briefs.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "綦江首届农民丰收节开幕");
  EXPECT_EQ(r.articles[1].title, "铜梁龙灯艺术节启幕");
  EXPECT_EQ(r.articles[2].title, "大足石刻研学基地揭牌");
  EXPECT_EQ(r.articles[1].paragraphs,
            (Strings{"近日，铜梁区龙灯艺术节在巴岳山景区启幕，来自全区的30支舞龙队伍同台竞技，精彩的表演赢得观众阵阵喝彩。据悉，本届艺术节将持续至8月底。"}));
}

// A page head at the foot of the page, split over lines: the paper's name on a line of its
// own is the head's, not the last paragraph, and every record gets the paper, date and page.
TEST(Conventions, APageHeadAtTheFootSplitOverLines) {
  const PageResult r = split_file("page-head-at-the-foot.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.paragraphs, (Strings{"记者从市文化旅游局获悉，今年全市新建城市书房10家，总数达到86家，市民在家门口就能借书读书。"}));
  EXPECT_EQ(a.head.paper, "人民日报");
  EXPECT_EQ(a.head.date, "2026-01-05");
  EXPECT_EQ(a.head.page_no, "3");
  ASSERT_EQ(r.leftovers.size(), 4u);
  EXPECT_EQ(r.leftovers[1].text, "人民日报");
}

TEST(Conventions, AJumpLineIsANoteOfTheArticleItEnds) {
  const std::string text =
      "春季植树活动启动\n\n本报讯 （记者 吴敏）3月12日，全市春季义务植树活动启动，\n市民积极参与。\n\n（下转第3版）\n\n"
      "秋季农产品展销会开幕\n\n本报讯 （记者 郑华）10月8日，秋季农产品展销会在南坪开幕。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "春季植树活动启动");
  EXPECT_EQ(r.articles[1].title, "秋季农产品展销会开幕");
  EXPECT_EQ(r.articles[0].notes, (Strings{"（下转第3版）"}));
  EXPECT_EQ(r.articles[0].continued_on, "3");
  EXPECT_EQ(r.articles[1].continued_on, "");
  EXPECT_TRUE(r.leftovers.empty());
}

TEST(Conventions, BannerApartFromTheRunningHeadAndALastArticleWithoutHeadline) {
  const PageResult r = split_file("banner-apart.txt");
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "以城市更新推动高质量发展");
  EXPECT_EQ(r.articles[0].authors, (Strings{"张伟"}));
  EXPECT_EQ(test::headline(r.articles[1]), "");
  EXPECT_EQ(r.articles[1].authors, (Strings{"李红"}));
  ASSERT_EQ(r.leftovers.size(), 2u);
  EXPECT_EQ(r.leftovers[0].text, "■观点");  // a column rubric, not a byline
  EXPECT_EQ(r.leftovers[1].text, "深入学习贯彻全会精神");
}

TEST(Conventions, BannerAboveTheFirstBodyOnAHeadlinesAfterPage) {
  // Samples' style: a running head and a campaign banner at the top, headlines after.
  const std::string text =
      "■观点 ■评论\n\n深入学习贯彻全会精神\n\n■吴刚\n\n城市，是现代化的重要载体。我们要坚持人民城市人民建，\n"
      "人民城市为人民，不断提升城市治理水平。\n\n城市治理要坚持以人民为中心\n\n■李强\n\n"
      "乡村振兴离不开产业支撑，要把产业发展落到促进农民增收上来。\n\n乡村振兴要靠产业带动\n";
  const PageResult r = split_page(text);
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "城市治理要坚持以人民为中心");
  EXPECT_EQ(r.articles[1].title, "乡村振兴要靠产业带动");
  ASSERT_EQ(r.leftovers.size(), 2u);
  EXPECT_EQ(r.leftovers[1].text, "深入学习贯彻全会精神");
}

// --- Lines and paragraphs ----------------------------------------------------------------

TEST(Conventions, HardWrapsJoinWithoutSpaceAndBlankLineMidSentenceIsAColumnBreak) {
  const std::string text =
      "开放合作新举措\n\n本报讯 （记者 林峰）我市将把扩大开放问题置\n\n"
      "于优先地位，持续推进营商环境建设。\n\n这是今年出台的第三批政策。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].paragraphs,
            (Strings{"我市将把扩大开放问题置于优先地位，持续推进营商环境建设。", "这是今年出台的第三批政策。"}));
}

TEST(Conventions, UnwrappedPageWithAWordCutAcrossABlankLine) {
  // One paragraph per line; a short paragraph cut mid-word (产业创 / 新中心) is not a subhead.
  const std::string text =
      "\n科学城建设提速\n\n经济发展靠产业，产业支撑靠创新。\n\n迭代升级西部车联网产业，智能网联汽车技术及产业创\n\n"
      "新中心等项目加快建设。\n\n一个目标 全市产业创新高地\n\n2021年7月，科学城试运行全国首条自动驾驶接驳路线。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.paragraphs.at(1), "迭代升级西部车联网产业，智能网联汽车技术及产业创新中心等项目加快建设。");
  EXPECT_EQ(a.subheads, (Strings{"一个目标全市产业创新高地"}));
}

// No piece opens on a particle (了 standing alone): a short line before a blank line and a
// line of prose that opens on one (同这只机器狗一样获得 / blank / 了大赛一等奖的，还…) is the
// sentence running on across a column break, not a subhead.
TEST(Conventions, ASentenceCutBeforeAParticleAcrossABlankLineIsNoSubhead) {
  const PageResult r = split_file("sentence-cut-before-a-particle-across-a-blank-line.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_TRUE(a.subheads.empty()) << a.subheads.front();
  EXPECT_NE(std::find(a.paragraphs.begin(), a.paragraphs.end(), "同这只机器狗一样获得了大赛一等奖的，还有一批智能家居作品，它们已经走进企业的生产线。"),
            a.paragraphs.end());
}

TEST(Conventions, TheEndOfASentenceCutByABlankLineIsNoHeadline) {
  // Headlines after bodies, and a short block before the next byline that only finishes the
  // sentence a column break cut (外墙整 / 治): it stays in the body.
  const std::string text =
      "■张明\n\n北碚区歇马街道启动老旧小区改造，涉及居民\n楼32栋、住户1500余户。改造内容包括管网更新、外墙整\n\n"
      "治和加装电梯\n\n北碚老旧小区改造启动\n\n■李四\n\n"
      "今年上半年全市新增公交线路46条，优化调整线路120条。\n\n上半年新增公交线路46条\n";
  const PageResult r = split_page(text);
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "北碚老旧小区改造启动");
  EXPECT_EQ(r.articles[0].paragraphs.back(), "北碚区歇马街道启动老旧小区改造，涉及居民楼32栋、住户1500余户。改造内容包括管网更新、外墙整治和加装电梯");
}

TEST(Conventions, TwoLineSubheadStaysInTheBodyAndIsListed) {
  const std::string text =
      "■陈明\n\n大赛已成为国内外设计者拓展技艺、逐梦精彩的大平台。\n\n创意满满\n众多作品“钱景”看好\n\n"
      "现代工业与创新设计会碰撞出什么样的火花？巴渝文化元素融入\n工业设计将催生出哪些独特场景？\n\n"
      "设计大赛创新作品“落地生金”\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "设计大赛创新作品“落地生金”");
  EXPECT_EQ(a.subheads, (Strings{"创意满满众多作品“钱景”看好"}));
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[1], "创意满满众多作品“钱景”看好");
}

TEST(Conventions, LinesJoinedWithASpaceAndJustifiedSpacing) {
  const PageResult r = split_file("joined-spaces.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "渝州路街道白马凼社区打造“15分钟便民生活圈”");
  EXPECT_EQ(a.paragraphs,
            (Strings{"近日，九龙坡区渝州路街道白马凼社区便民服务中心正式投用，社区居民在家门口就能办理社保、医保等32项业务。",
                     "据介绍，该服务中心由区融媒体中心联合街道共同打造，集政务服务、养老托育、文化活动于一体。",
                     "应用全覆盖，为城市基层治理提供了新样本。"}));
  EXPECT_EQ(a.authors, (Strings{"邓玲", "罗敏", "刘洋"}));
}

// --- Broken reading order ------------------------------------------------------------------

TEST(Conventions, TwoColumnsAlternatingLineByLineAreTakenApart) {
  const PageResult r = split_file("interleaved-columns.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "“无废城市”建设取得新进展");
  EXPECT_EQ(a.paragraphs,
            (Strings{"今年以来，我市持续推进“无废城市”建设，生活垃圾分类覆盖率稳步提升，资源化利用水平明显提高，全市已建成分拣中心36个。",
                     "与此同时，工业固体废物综合利用率达到85%，建筑垃圾资源化利用项目陆续投产，为城市绿色转型提供支撑。"}));
  EXPECT_EQ(a.warnings, (Strings{"two interleaved columns were taken apart"}));
}

TEST(Conventions, StrayFragmentIsReattachedWhenTheEvidenceIsClear) {
  const PageResult r = split_file("stray-fragment.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "城市公园建设提速");
  EXPECT_EQ(a.paragraphs,
            (Strings{"近年来，我市大力推进城市公园建设，新建和改造一批口袋公园、社区公园，全市公园绿地面积已达3.5万平方米。"}));
  EXPECT_EQ(a.warnings, (Strings{"text from another column was reattached"}));
  EXPECT_TRUE(r.leftovers.empty());
}

TEST(Conventions, StrayFragmentStaysALeftoverWhenTheEvidenceIsNotClear) {
  // Two bodies stop mid-sentence: the fragment could finish either.
  const std::string text =
      "平方米。\n\n公园建设提速\n\n■刘洋\n\n近年来，我市大力推进城市公园建设，新建和\n"
      "改造一批口袋公园、社区公园，全市公园绿地\n面积已达3.5万\n\n湿地保护见成效\n\n■何静\n\n"
      "近年来，我市持续加强湿地保护修复，新建湿\n地公园12个，全市湿地保护面积已经超过了2\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.leftovers.size(), 1u);
  EXPECT_EQ(r.leftovers[0].kind, "fragment");
  EXPECT_EQ(r.leftovers[0].text, "平方米。");
  for (const Article& a : r.articles) {
    EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(), "paragraph ends mid-sentence"), a.warnings.end());
  }
}

TEST(Conventions, ABitOfTextThatTookAHeadlineIsNoStrayFragment) {
  // The short text under the second headline holds its words, so the headline is its own;
  // it is an item, not a fragment to hand to the body above that stops mid-sentence.
  const std::string text = "春节花市\n\n好的\n（作者\n\n人们到花市赏花。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "春节花市");
  EXPECT_EQ(r.articles[1].paragraphs, (Strings{"人们到花市赏花。"}));
  EXPECT_EQ(test::lost_characters(text, r), "");
}

// --- Characters ------------------------------------------------------------------------------

TEST(Conventions, HalfWidthPunctuationBecomesFullWidthInChineseContext) {
  const PageResult r = split_file("half-width.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].paragraphs,
            (Strings{"以家为圆心，在适宜步行的范围内可满足社区生活基本需求，“小修小补”便民摊点一应俱全。截至目前，全市已建成完整社区433个，覆盖率达22.2%。",
                     "C-V2X车联网技术（以下简称“车联网”）已在科学城投用；首批1.05亿元专项资金已到位，试运行时间为10:30至18:00。",
                     "为什么要推进完整社区建设？“社区与居民生活息息相关，是城市社会最基础的单元。”市住房城乡建委相关负责人介绍……"}));
}

TEST(Conventions, RawPunctKeepsTheInputsWidths) {
  newsplit::SplitOptions o;
  o.clean.punctuation = false;
  const PageResult r = split_page(test::page("half-width.txt"), 1, o);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].paragraphs.at(0),
            "以家为圆心,在适宜步行的范围内可满足社区生活基本需求,\"小修小补\"便民摊点一应俱全.截至目前,全市已建成完整社区433个,覆盖率达22.2%.");
}

TEST(Conventions, FormFeedsSeparatePagesAndLineNumbersRunOn) {
  const std::string text = test::page("form-feeds.txt");
  newsplit::PageCutter cutter;
  cutter.feed(text);
  newsplit::Page p;
  Strings titles;
  std::vector<std::uint64_t> starts;
  while (cutter.finish(p)) {
    for (const Article& a : split_page(p).articles) {
      titles.push_back(a.title);
      starts.push_back(a.line_start);
    }
  }
  EXPECT_EQ(titles, (Strings{"春季植树活动启动", "秋季农产品展销会开幕", "冬季供暖保障有力"}));
  EXPECT_EQ(starts, (std::vector<std::uint64_t>{1, 4, 7}));
}

// --- Nothing is lost -------------------------------------------------------------------------

TEST(Conventions, TwoOpenersBeforeOneBodyKeepBoth) {
  // Found by fuzzing: a byline and then a dateline with no body between.
  const std::string text = "城市公园建设提速\n\n■刘洋\n\n本报讯 （记者 何静）\n7月8日，南岸区首个社区服务中心正式投用。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].dateline, "本报讯");
  EXPECT_EQ(r.articles[0].authors, (Strings{"刘洋", "何静"}));
  EXPECT_EQ(test::lost_characters(text, r), "");
}

TEST(Conventions, AShortArticleWithACaptionIsNoStrayFragment) {
  // Found by fuzzing: a lead label and a caption went missing with the "fragment".
  const std::string text = "春季植树\n\n本报讯 （记者 吴敏）全市植树。\n\n核心提示\n\n植树节。\n\n\n\n植树现场\n";
  const PageResult r = split_page(text);
  EXPECT_EQ(test::lost_characters(text, r), "");
}

TEST(Conventions, PicturesAtTheFootUnderAStrayBitOfTextAreKept) {
  // Found by fuzzing: a picture's caption at the page's foot went to the stray bit of text
  // before it (平方米。), and was gone with it when that bit became a "fragment" leftover.
  const std::string text =
      "老街书店办起读书夜市\n■王明\n入冬以来，老街书店每到周末就办起读书夜市，书架从店里一直摆到街边，吸引了不少附近的居民前来看书、买书。\n"
      "社区食堂飘出饭菜香\n■李丽\n中午十一点，社区食堂里已经坐满了前来就餐的老人。两荤一素一汤，只要十元，老人们吃得舒心又实惠。\n"
      "图片由城南社区提供\n"
      "平方米。\n城南社区食堂的用餐区\n老人们在食堂用餐 摄/张强\n";
  const PageResult r = split_page(text);
  EXPECT_EQ(test::lost_characters(text, r), "");
}

// --- Other papers, other extractors -------------------------------------------------------

// pdftotext -raw and PyMuPDF's plain text: no blank lines. A short line ending a sentence ends
// a paragraph; a headline stands alone by its width; a photographer's credit closes a story.
TEST(Conventions, ADumpWithoutBlankLines) {
  const PageResult r = split_file("no-blank-lines.txt");
  EXPECT_FALSE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "山区小学用上智慧课堂");
  EXPECT_EQ(a.subheads, (Strings{"老师学会新本领"}));  // its text goes on with the article's words
  ASSERT_EQ(a.paragraphs.size(), 5u);
  EXPECT_EQ(a.paragraphs[1], "校长说，过去学校缺少英语和音乐老师，很多课程只能停开。现在借助远程课堂，山里的孩子也能听到名师讲课，学习兴趣明显提高。");
  EXPECT_EQ(a.paragraphs[2], "老师学会新本领");
  EXPECT_TRUE(a.authors.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "江边步道串起城市风景");  // no byline: the words of the text after it are others
  // ... though only just: the article says the reading was close.
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_NE(b.warnings[0].find("may be a subhead"), std::string::npos);
  EXPECT_EQ(b.credits, (Strings{"图片由市园林局提供"}));
  EXPECT_TRUE(b.authors.empty());
  EXPECT_EQ(b.paragraphs.size(), 2u);
  const Article& c = r.articles[2];
  EXPECT_EQ(c.title, "冬季蔬菜供应充足");
  EXPECT_EQ(c.byline, "本报记者 李华");
  EXPECT_EQ(c.authors, (Strings{"李华"}));
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

// Extractors that drop blank lines set the headlines of different articles line after line:
// a headline beside another is the other's part only when no other body holds its words.
TEST(Conventions, HeadlinesOfTwoArticlesLineAfterLine) {
  const PageResult r = split_file("headlines-side-by-side.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "湖畔湿地迎来越冬候鸟");
  EXPECT_EQ(a.subtitle, "");
  EXPECT_EQ(a.byline, "本报记者 王明");
  // The second headline's words are those of the text after the next byline: its headline.
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "老街书店办起读书夜市");
  EXPECT_EQ(b.byline, "本报记者 李丽");
  ASSERT_EQ(b.paragraphs.size(), 2u);
  // A kicker whose words no body holds stays with the title beside it.
  const Article& c = r.articles[2];
  EXPECT_EQ(c.kicker, "岁末年初走基层");
  EXPECT_EQ(c.title, "社区食堂飘出饭菜香");
  EXPECT_EQ(c.byline, "本报记者 赵强");
}

// The same row of headlines, line after line over two stories, where the words are harder to
// read: no single paragraph of the next body holds the second headline's words, but the body
// read whole does (山村 in one paragraph, 民宿 in the next, 返乡 in the last); the first body
// holds neither headline's words, so the part next to it would be its own, but the next body
// holds that part's words; the body whose headline waits is the one after the next dateline,
// past a subhead of the first story (非遗展示区人气旺), and it holds a fair share of the
// headline's words (果园, 丰收), no clear one, with no headline of its own. The row is read so
// also where the dump keeps blank lines and sets one between the two headlines: the part next
// to the first body is not its own when another body clearly holds its words. Each headline
// heads its own story, none is the other's subtitle.
TEST(Conventions, ARowOfHeadlinesHeadsTheStoriesThatFollowInTurn) {
  struct Case {
    const char* page;
    const char* first;
    const char* second;
  };
  auto parts = [](const Article& a) { return a.kicker + "|" + a.title + "|" + a.subtitle; };
  for (const Case& c : {Case{"headlines-line-after-line-spread.txt", "|港口新增三条外贸航线|", "|山村民宿迎来返乡客|"},
                        Case{"headlines-line-after-line-unshared.txt", "|一颗桃串起富民路|", "|山村民宿迎来返乡客|"},
                        Case{"headline-row-over-a-story-with-a-subhead.txt", "|城南老街夜市重新开张|", "|山区果园迎来丰收季节|"},
                        Case{"headline-row-with-blank-lines.txt", "|一颗桃串起富民路|", "|山村民宿迎来返乡客|"}}) {
    const PageResult r = split_file(c.page);
    ASSERT_EQ(r.articles.size(), 2u) << c.page;
    EXPECT_EQ(parts(r.articles[0]), c.first) << c.page;
    EXPECT_EQ(r.articles[0].authors, (Strings{"王明"})) << c.page;
    EXPECT_EQ(parts(r.articles[1]), c.second) << c.page;
    EXPECT_EQ(r.articles[1].authors, (Strings{"李丽"})) << c.page;
  }
  const PageResult spread = split_file("headlines-line-after-line-spread.txt");
  EXPECT_EQ(spread.articles[0].paragraphs.size(), 2u);
  ASSERT_EQ(spread.articles[1].paragraphs.size(), 3u);
  EXPECT_EQ(spread.articles[1].paragraphs[0], "春节临近，不少在外务工的年轻人陆续回到山村。");
  const PageResult subhead = split_file("headline-row-over-a-story-with-a-subhead.txt");
  EXPECT_EQ(subhead.articles[0].subheads, (Strings{"非遗展示区人气旺"}));
}

// On a page whose paragraphs open indented, an indented line is a paragraph's first line even
// where the dump set it apart with blank lines and it has a headline's shape.
TEST(Conventions, AnIndentedFirstLineSetApartIsNoHeadline) {
  const PageResult r = split_file("indented-first-line-alone.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "社区食堂飘出饭菜香");
  EXPECT_EQ(a.byline, "本报记者 赵强");
  EXPECT_TRUE(a.subheads.empty());
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0], "中午十一点，社区食堂里已经坐满了前来就餐的老人。两荤一素一汤，只要十二元，老人们吃得舒心又实惠。");
}

// A byline stands between a headline and its body: a headline-shaped sentence right under the
// byline (a question the story opens with) is the body's opening, not a second headline.
TEST(Conventions, TheBodyOpensUnderTheBylineOfAHeadline) {
  const PageResult r = split_file("body-opening-under-a-byline.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.kicker, "");
  EXPECT_EQ(a.title, "小小茶叶撑起致富路");
  EXPECT_EQ(a.byline, "本报记者 林晓");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0], "一片曾经卖不上价的茶叶，怎样成了村里的“金叶子”？");
}

// A headline and its byline right under another headline's byline (追求实实在在的政 / 绩 / ■莫新凝
// / 全国宣传部长会议 / 在京召开 / 本报记者 杨蓉): no body's opening, but the next story, each
// headline over its own byline; the first one's body, set apart at the page's top, is found by
// its words.
TEST(Conventions, AHeadlineOverItsBylineUnderAnotherHeadlinesByline) {
  const PageResult r = split_file("raw-dump-headline-and-byline-under-another-headlines-byline.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(headline_of(a), "追求实实在在的政绩");
  EXPECT_EQ(a.authors, Strings{"莫新凝"});
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_TRUE(a.paragraphs[0].starts_with("政绩贵在实。")) << a.paragraphs[0];
  EXPECT_EQ(headline_of(r.articles[1]), "城西社区食堂开张");
  const Article& c = r.articles[2];
  EXPECT_EQ(headline_of(c), "全国宣传部长会议在京召开");
  EXPECT_EQ(c.authors, Strings{"杨蓉"});
  ASSERT_EQ(c.paragraphs.size(), 1u);
  EXPECT_TRUE(c.paragraphs[0].starts_with("全国宣传部长会议5日在京召开。")) << c.paragraphs[0];
}

// A brief column: each item's lead phrase (bold in print) runs into its text on one line, set
// off by an ideographic space; two or more paragraphs in a row so make a column of items,
// each an article headed by its phrase. One paragraph opening so is just a paragraph.
TEST(Conventions, ABriefColumnOfItemsWithLeadPhrases) {
  const PageResult r = split_file("brief-column.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "冬季用电负荷创新高");
  EXPECT_EQ(r.articles[0].paragraphs,
            (Strings{"入冬以来，全市用电负荷持续攀升，12月18日最高负荷达到1560万千瓦，创历史新高。电力部门加强设备巡检，确保居民用电安全。"}));
  EXPECT_EQ(r.articles[1].title, "城市书房再添10家");
  EXPECT_EQ(r.articles[1].paragraphs, (Strings{"记者从市文化旅游局获悉，今年全市新建城市书房10家，总数达到86家，市民在家门口就能借书读书。"}));
  EXPECT_EQ(r.articles[2].title, "地铁4号线二期开通");
  EXPECT_EQ(r.articles[2].paragraphs.size(), 1u);

  const PageResult one = split_page(
      "老街书店办起读书夜市\n\n本报记者 李丽\n\n周末晚上　老街书店把书摊摆到门前，办起了读书夜市，市民边逛边读，十分热闹。\n\n"
      "书店负责人说，读书夜市每周举办两次，还请来作家和读者面对面交流。\n");
  ASSERT_EQ(one.articles.size(), 1u);
  EXPECT_EQ(one.articles[0].title, "老街书店办起读书夜市");
  ASSERT_EQ(one.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(one.articles[0].paragraphs[0], "周末晚上老街书店把书摊摆到门前，办起了读书夜市，市民边逛边读，十分热闹。");
}

// Under a brief column's rubric the items are short: a headline between two of them leaves
// too little text either side to tell whether the text goes on, and is an item's headline.
TEST(Conventions, ABriefColumnOfItemsWithShortHeadlines) {
  const PageResult r = split_file("brief-column-headlines.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "我市新增5G基站1200个");
  EXPECT_EQ(r.articles[1].title, "城市书房再添10家");
  EXPECT_EQ(r.articles[2].title, "地铁4号线二期开通");
  for (const Article& a : r.articles) {
    EXPECT_TRUE(a.subheads.empty());
    EXPECT_EQ(a.paragraphs.size(), 1u);
  }
  ASSERT_EQ(r.leftovers.size(), 1u);
  EXPECT_EQ(r.leftovers[0].text, "简讯");
}

// pdftotext -raw of a national daily: indented paragraphs, no blank lines, a dateline whose
// word wraps (本报北京3月1日 / 电), an agency's dateline with no reporter, a justified dateline
// whose bracket runs over three lines, numbered subheads, the page head and foot.
TEST(Conventions, ANationalDailyTakenOutRaw) {
  const PageResult r = split_file("national-daily-raw.txt");
  EXPECT_FALSE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "春耕备耕有序展开");  // under the page head, over a dateline: a headline, not a section
  EXPECT_EQ(a.dateline, "本报北京3月1日电");
  EXPECT_EQ(a.authors, (Strings{"王明", "李兰"}));
  EXPECT_EQ(a.paragraphs, (Strings{"记者从农业农村部获悉，各地抢抓农时，春耕备耕有序展开，全国春播粮食面积预计稳中有增。",
                                   "农业农村部有关负责人介绍，今年将继续实施耕地地力保护补贴政策，组织农技人员下沉一线，指导农民科学施肥用药。"}));
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "北方河道迎来开河期");  // a line that stops short of the column, after a paragraph's end
  EXPECT_EQ(b.dateline, "新华社哈尔滨3月1日电");
  EXPECT_TRUE(b.authors.empty());
  EXPECT_EQ(b.paragraphs.at(0), "随着气温回升，黑龙江等北方河道陆续进入开河期。水利部门加强巡查值守，及时发布冰情信息。");
  const Article& c = r.articles[2];
  EXPECT_EQ(c.title, "社区食堂开到家门口");
  EXPECT_EQ(c.dateline, "本报讯");
  EXPECT_EQ(c.authors, (Strings{"赵红", "孙强", "周平"}));
  EXPECT_EQ(c.subheads, (Strings{"一老人吃饭不再难", "二年轻人也来尝鲜"}));
  ASSERT_EQ(c.paragraphs.size(), 5u);
  EXPECT_EQ(c.paragraphs[0], "近日，城西街道新建的社区食堂开门迎客，每天为周边老人提供午餐和晚餐，价格实惠，菜品丰富。");
  // The section's name, the page head and foot and the editors are furniture, kept as leftovers.
  Strings furniture;
  for (const auto& l : r.leftovers) furniture.push_back(l.text);
  EXPECT_EQ(furniture, (Strings{"要闻", "人民日报2026年3月2日星期一第4版", "3人民日报2026.03.02", "责任编辑：陈明美术编辑：刘芳"}));
}

// Text as a viewer's copy gives it: a paragraph a line, line ends turned into spaces (so a
// headline can run on after the paragraph before it), blank lines where a picture stood.
TEST(Conventions, AViewersCopy) {
  const PageResult r = split_file("viewer-copy.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "老旧小区加装电梯提速");
  EXPECT_EQ(a.byline, "新重庆-重庆日报记者 吴晓 实习生 何川");  // a byline line with no mark
  EXPECT_EQ(a.authors, (Strings{"吴晓", "何川"}));
  EXPECT_EQ(a.captions, (Strings{"图为工人在小区内安装电梯。（受访单位供图）"}));
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0],
            "今年以来，全市老旧小区加装电梯工作明显提速，已有三百多部电梯投入使用，不少高层住户告别了爬楼的日子。"
            "家住五楼的刘大爷说，过去下楼买菜要歇好几次，现在坐电梯几分钟就到了。");
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "夜间经济点亮城市烟火气");
  EXPECT_EQ(b.byline, "记者 张青");  // 记 者张 青: the spaces of joined lines read through
  EXPECT_EQ(b.authors, (Strings{"张青"}));
  EXPECT_EQ(b.paragraphs.back(), "商务部有关负责人表示，将支持各地培育夜间消费新场景，推动夜间经济健康发展。");
  const Article& c = r.articles[2];
  EXPECT_EQ(c.title, "春季赏花游持续升温");  // it ran on after the last paragraph of the story before
  EXPECT_EQ(c.authors, (Strings{"林朗", "方岩"}));
}

// A photo page: the headlines set in a row above the photo items, each item a sentence or two
// and a photographer's credit; an item set under a story without a break or a headline.
TEST(Conventions, PhotoItems) {
  const PageResult r = split_file("photo-items.txt");
  ASSERT_EQ(r.articles.size(), 5u);
  EXPECT_EQ(r.articles[0].title, "古镇灯会迎客来");  // each headline goes to the item whose words it shares
  EXPECT_EQ(r.articles[0].authors, (Strings{"邓刚"}));
  EXPECT_EQ(r.articles[1].title, "雪后梯田美如画");
  EXPECT_EQ(r.articles[1].warnings, (Strings{"the headline stood apart from this text and was matched to it by its words"}));
  EXPECT_EQ(r.articles[1].credits, (Strings{"通讯员 许文 摄"}));
  EXPECT_EQ(r.articles[1].paragraphs,
            (Strings{"连日降雪过后，山区梯田银装素裹，层层叠叠的田埂勾勒出优美曲线。图为航拍的雪后梯田。"}));
  EXPECT_EQ(r.articles[2].title, "沿江步道樱花开");
  EXPECT_EQ(r.articles[2].authors, (Strings{"韦立"}));
  EXPECT_EQ(r.articles[3].title, "城市书房开进公园");
  EXPECT_EQ(r.articles[3].authors, (Strings{"杜兰"}));
  EXPECT_EQ(r.articles[3].paragraphs.size(), 2u);  // the item under it is not its text
  EXPECT_EQ(r.articles[4].title, "");                // no headline of its own: none borrowed
  EXPECT_EQ(r.articles[4].warnings.size(), 2u);        // read as an item of its own; no headline found
  EXPECT_EQ(r.articles[4].credits, (Strings{"吕青摄（视觉中国）"}));
  EXPECT_EQ(r.articles[4].authors, (Strings{"吕青"}));
  EXPECT_EQ(r.articles[4].paragraphs,
            (Strings{"立春过后，城郊农场的草莓进入采摘季，不少市民带着孩子前来体验采摘乐趣。图为孩子们在大棚里采摘草莓。"}));
}

// A photo page taken out with no blank lines and the paragraphs' indents dropped: each item's
// headline stands between the credit (or the page head) before it and a first line short by
// the indent, and is a piece of its own.
TEST(Conventions, PhotoItemsOfADumpWithoutBlankLines) {
  const PageResult r = split_file("photo-items-raw.txt");
  ASSERT_EQ(r.articles.size(), 4u);
  const Strings titles = {"春雨润泽茶园新绿", "古镇灯会迎来八方客", "沿江步道樱花盛开", "城市书房开进社区公园"};
  const Strings authors = {"杨帆", "王立", "张敏", "刘洋"};
  const Strings opening = {"连日春雨过后，", "元宵节前后，", "随着气温回升，", "近日，"};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(r.articles[k].title, titles[k]);
    EXPECT_EQ(r.articles[k].authors, (Strings{authors[k]}));
    ASSERT_FALSE(r.articles[k].paragraphs.empty());
    EXPECT_EQ(r.articles[k].paragraphs[0].rfind(opening[k], 0), 0u) << r.articles[k].paragraphs[0];
    EXPECT_TRUE(r.articles[k].warnings.empty());
  }
  EXPECT_EQ(r.articles[1].credits, (Strings{"王立摄（视觉江城）"}));
  EXPECT_EQ(r.articles[3].dateline, "本报讯");
  EXPECT_EQ(r.articles[3].paragraphs.size(), 9u);
}

// A photo item after a story on the same theme: their words recur (a subhead by cohesion),
// but a sentence or two closed by a photographer's credit is an item of its own.
// Extractors put a photo item's credit before its text: the credit between the item's
// headline and its text closes nothing, and each item is one article.
TEST(Conventions, APhotoItemsCreditBeforeItsText) {
  const PageResult r = split_file("photo-credit-before-its-text.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  EXPECT_EQ(r.articles[0].title, "雪后古镇美如画");
  EXPECT_EQ(r.articles[0].credits, (Strings{"本报记者 张三摄"}));
  EXPECT_EQ(r.articles[0].authors, (Strings{"张三"}));
  EXPECT_EQ(r.articles[0].paragraphs, (Strings{"近日，一场大雪过后，古镇银装素裹，吸引众多游客前来赏雪拍照。"}));
  EXPECT_EQ(r.articles[1].title, "湖面冰封引客来");
  EXPECT_EQ(r.articles[1].credits, (Strings{"李四 摄"}));
  EXPECT_EQ(r.articles[1].paragraphs.size(), 1u);
}

TEST(Conventions, APhotoItemAfterAStoryOnItsTheme) {
  const PageResult r = split_file("photo-item-after-a-story.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "冰雪运动热潮涌动");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].subheads.empty());
  EXPECT_EQ(r.articles[1].title, "山野之间畅享雪趣");
  EXPECT_EQ(r.articles[1].authors, (Strings{"李华"}));
  EXPECT_EQ(r.articles[1].credits, (Strings{"通讯员 李华 摄"}));
  EXPECT_EQ(r.articles[1].paragraphs.size(), 1u);
}

// A headline, then a picture with its caption and credit, then the byline and the story:
// the picture is set between the headline and its story, and all of it is one article.
TEST(Conventions, APictureBetweenAHeadlineAndItsStory) {
  const PageResult r = split_file("picture-under-a-headline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[1];
  EXPECT_EQ(a.title, "让好政策落到群众心坎上");
  EXPECT_EQ(a.byline, "赵文静");
  EXPECT_EQ(a.authors, (Strings{"赵文静"}));
  ASSERT_EQ(a.captions.size(), 1u);
  EXPECT_EQ(a.captions[0].rfind("图为社区工作人员", 0), 0u) << a.captions[0];
  // The photographer's mark wrapped alone under the caption ends the caption's credit.
  EXPECT_TRUE(a.captions[0].ends_with("陈力摄")) << a.captions[0];
  EXPECT_TRUE(a.credits.empty());
  EXPECT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
}

// A caption's line spread by justified spacing (图 为 市 民 …) is still a caption: its opening
// words read through the spaces; the picture under the byline stays in the story, and the
// story's text is not the caption.
TEST(Conventions, AJustifiedCaptionInARawDump) {
  const PageResult r = split_file("raw-dump-justified-caption.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "老街夜市重新开张");
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  EXPECT_EQ(a.captions, (Strings{"图为市民在老街夜市选购小吃。"}));
  EXPECT_EQ(a.credits, (Strings{"新华社记者 李华摄"}));
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_TRUE(a.paragraphs[0].starts_with("经过半年的改造，")) << a.paragraphs[0];
  EXPECT_TRUE(a.warnings.empty());
}

// A headline quotes a phrase whole (“一网通办”再添新举措): after a story's credit, a line over a
// headline and its dateline whose quotes close on it is that headline's first part, although
// it fills a narrow column as a line of text would.
TEST(Conventions, AQuotedKickerAfterACreditInARawDump) {
  const PageResult r = split_file("raw-dump-quoted-kicker-after-a-credit.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "老街夜市重新开张");
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("风味小吃。")) << r.articles[0].paragraphs.back();
  const Article& b = r.articles[1];
  EXPECT_EQ(b.kicker, "“一网通办”再添新举措");
  EXPECT_EQ(b.title, "三百项政务服务可在社区办理");
  EXPECT_EQ(b.authors, (Strings{"张强"}));
  EXPECT_TRUE(r.leftovers.empty());
}

// A dump without blank lines, three headline shapes its column's lines never take: a line
// that runs past the column by a character after a sentence's end; a headline wrapped over a
// narrow column whose last lines look like text, standing right before the dateline; two
// characters wrapped under a headline, which are no byline although 强 is a surname.
TEST(Conventions, HeadlineShapesOfARawDump) {
  const PageResult r = split_file("raw-dump-headline-shapes.txt");
  ASSERT_EQ(r.articles.size(), 4u);
  auto headline = [](const Article& a) { return headline_of(a); };
  EXPECT_EQ(headline(r.articles[0]), "老街夜市重新开张");
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("感受传统文化魅力。")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(headline(r.articles[1]), "社区食堂开到了居民楼下老人点赞");
  EXPECT_EQ(headline(r.articles[2]), "全市新建口袋公园绿道串起城市风景");
  EXPECT_EQ(r.articles[2].subtitle, "绿道串起城市风景");  // 城 / 市: a word runs on past the short line
  EXPECT_EQ(r.articles[2].authors, (Strings{"陈力"}));
  EXPECT_EQ(r.articles[2].paragraphs.front().rfind("今年以来", 0), 0u);
  EXPECT_EQ(headline(r.articles[3]), "乡村学校有了新球场比赛上强度");
  EXPECT_TRUE(r.articles[3].authors.empty());
  for (const Article& a : r.articles) EXPECT_TRUE(a.warnings.empty()) << a.title;
  EXPECT_TRUE(r.leftovers.empty());
}

// A headline wrapped by a character onto a line of its own ends no piece: the two lines are
// one headline, not a paragraph of the story before. Where the word runs on from the line
// above (新路 / 子); the same across columns, a headline set wider than the column's lines
// after a sentence's end (越美 / 好); and a line of one Han character with no mark, also where
// the dictionary sees no word run across (百分 / 点): no paragraph ends without a mark, no
// headline is one character.
TEST(Conventions, AHeadlineWrappedByACharacter) {
  struct Case {
    const char* page;
    std::size_t first_paragraphs;
    const char* headline;
    std::size_t paragraphs;
  };
  for (const Case& c : {Case{"headline-wrapped-by-a-character.txt", 2, "小山村走出致富新路子", 2},
                        Case{"wide-headline-wrapped-by-a-character.txt", 2, "果园丰收让山区的乡亲们日子越过越美好", 2},
                        Case{"headline-wrapped-by-one-character.txt", 1, "优良天数比例提升近三个百分点", 1}}) {
    const PageResult r = split_file(c.page);
    ASSERT_EQ(r.articles.size(), 2u) << c.page;
    EXPECT_EQ(r.articles[0].paragraphs.size(), c.first_paragraphs) << c.page;
    const Article& b = r.articles[1];
    EXPECT_EQ(b.kicker + "|" + b.title + "|" + b.subtitle, std::string("|") + c.headline + "|") << c.page;
    EXPECT_EQ(b.authors, (Strings{"李丽"})) << c.page;
    EXPECT_EQ(b.paragraphs.size(), c.paragraphs) << c.page;
  }
  // The story before keeps its last paragraph whole.
  const PageResult r = split_file("headline-wrapped-by-a-character.txt");
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("让游客感受传统文化。")) << r.articles[0].paragraphs.back();
}

// Without blank lines, a caption whose last line reaches across the column and ends with the
// picture's source (（资料图片）) still ends there: the line after it opens another piece.
TEST(Conventions, APicturesSourceEndsItsCaptionWithoutABlankLine) {
  const PageResult r = split_file("caption-credit-ends-a-piece.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].captions, (Strings{"图为老人们在社区食堂用餐。一份套餐十二元。（资料图片）"}));
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "老街夜市重新开张");
  EXPECT_EQ(r.articles[1].authors, (Strings{"王明"}));
}

// A paragraph runs on until a line ends a sentence: a whole line after a sentence's end that
// ends none, right before a line of names, is no paragraph's last line but a headline (the
// names under it are its story's byline, not the credit of the story before).
TEST(Conventions, AHeadlineRightBeforeALineOfNames) {
  const PageResult r = split_file("headline-before-a-credit.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.authors, (Strings{"赵强"}));
  EXPECT_TRUE(a.credits.empty());
  ASSERT_EQ(a.paragraphs.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "老街夜市重新开张迎来八方游客");
  EXPECT_EQ(b.authors, (Strings{"王明", "李丽"}));
  EXPECT_EQ(b.paragraphs.size(), 1u);
}

// A story ends at its credit or author note: names set alone right after it, over text, are
// the author of the piece that starts there (an opinion column's author over its text, its
// headline set elsewhere), not a headline; a word of the dictionary there (高考) stays a
// headline, as a name is seldom a word.
TEST(Conventions, NamesAfterACloserAreTheNextPiecesByline) {
  struct Case {
    const char* page;
    const char* title;
    const char* byline;
  };
  for (const Case& c : {Case{"names-after-an-author-note.txt", "", "林晓东"}, Case{"names-after-a-photo-credit.txt", "", "赵一鸣"},
                        Case{"word-after-an-author-note.txt", "高考", ""}}) {
    const PageResult r = split_file(c.page);
    ASSERT_EQ(r.articles.size(), 2u) << c.page;
    EXPECT_FALSE(r.articles[0].notes.empty() && r.articles[0].credits.empty()) << c.page;
    const Article& b = r.articles[1];
    EXPECT_EQ(b.title, c.title) << c.page;
    EXPECT_EQ(b.byline, c.byline) << c.page;
    EXPECT_EQ(b.authors, c.byline[0] ? Strings{c.byline} : Strings{}) << c.page;
    EXPECT_EQ(b.paragraphs.size(), 2u) << c.page;
  }
}

// A byline set off by a mark (■王明) is an opinion piece's author line over its own text: it
// opens a piece and does not go on from the byline above it (本报记者 李丽, under a headline
// whose story stands further down). A headline left with no text of its own is free to head
// the body that holds its words.
TEST(Conventions, AMarkedBylineOpensItsOwnPiece) {
  const PageResult r = split_file("marked-byline-after-a-byline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.byline, "王明");
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.paragraphs.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "老街书店办起读书夜市");
  EXPECT_EQ(b.paragraphs.size(), 2u);
  // The first byline, with no text under it, goes with its headline to the body the headline's
  // words matched.
  EXPECT_EQ(b.byline, "本报记者 李丽");
  EXPECT_EQ(b.authors, (Strings{"李丽"}));
  EXPECT_TRUE(r.leftovers.empty());
}

// Where each paragraph is one line (a viewer's copy, a dump without blank lines), a picture
// set inside a paragraph leaves its caption between the two halves of a sentence: a short line
// with no end mark between a line stopped mid-sentence and the line that goes on with it is
// the caption, and the sentence is one again. The rest of a sentence on a line of its own
// (4.4万元、增长91%: a clause runs through it) stays text.
TEST(Conventions, ACaptionInsideASentenceOfAOneLineParagraph) {
  const PageResult r = split_file("caption-inside-a-sentence-one-line-each.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.captions, (Strings{"夜市上的老街书店"}));
  ASSERT_EQ(a.paragraphs.size(), 4u);
  EXPECT_NE(a.paragraphs[0].find("吸引了不少附近的居民和游客前来看书"), std::string::npos) << a.paragraphs[0];
  const PageResult rest = split_file("sentence-rest-on-its-own-line-one-line-each.txt");
  ASSERT_EQ(rest.articles.size(), 1u);
  EXPECT_TRUE(rest.articles[0].captions.empty());
  EXPECT_NE(rest.articles[0].paragraphs[0].find("提高到4.4万元、增长91%"), std::string::npos) << rest.articles[0].paragraphs[0];
}

// A viewer's copy joins the last paragraph of a story and the next story's first where the
// two touch (…爱上了读书。 本报讯 （记者 李丽）近日，…): after a sentence's end and a space, a
// dateline opens the next story. Words that open alike inside a paragraph (本报记者走访发现)
// open nothing.
TEST(Conventions, ADatelineAfterASentenceOnOneLineOfAViewersCopy) {
  const PageResult r = split_file("dateline-after-a-sentence-on-one-line.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_TRUE(a.paragraphs[0].ends_with("不少人一坐就是一个晚上。")) << a.paragraphs[0];
  EXPECT_TRUE(a.paragraphs[2].ends_with("孩子也爱上了读书。")) << a.paragraphs[2];
  const Article& b = r.articles[1];
  EXPECT_EQ(b.dateline, "本报讯");
  EXPECT_EQ(b.authors, (Strings{"李丽"}));
  ASSERT_EQ(b.paragraphs.size(), 3u);
  EXPECT_EQ(b.paragraphs[0].rfind("近日，城南社区食堂正式开张", 0), 0u) << b.paragraphs[0];
}

// Pictures at the page's foot, under the last story: where headlines stand before their
// bodies, a bare line and a caption with its photographer's credit after the story's end, with
// no text of their own, caption the story's pictures (they were a headline without an article
// and a caption left over).
TEST(Conventions, PicturesAtThePagesFootCaptionTheLastStory) {
  const PageResult r = split_file("pictures-at-the-foot.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  EXPECT_TRUE(r.articles[0].captions.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(b.captions, (Strings{"城南社区食堂的用餐区", "老人们在食堂用餐摄/张强"}));
  EXPECT_EQ(b.credits, (Strings{"图片由城南社区提供"}));
  EXPECT_EQ(b.paragraphs.size(), 2u);
}

// On a page whose paragraphs open indented, the dateline's indent cuts the block: the last
// two lines before it, after a sentence's end, with a headline's shape, are the headline of
// the story the dateline opens, also where they are as wide as the column's text.
TEST(Conventions, AHeadlineBeforeAnIndentedDateline) {
  const PageResult r = split_file("headline-before-an-indented-dateline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs[1].ends_with("传统文化气息。")) << r.articles[0].paragraphs[1];
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "山区果园迎来丰收季果农喜笑颜开小小果子串起乡村振兴致富新路");
  EXPECT_EQ(b.authors, (Strings{"李丽"}));
  EXPECT_EQ(b.paragraphs.size(), 2u);
}

// A viewer's copy turns line ends into spaces: the author note that closes an opinion piece
// runs on after its last sentence on the same line. It is the article's note, not its text.
TEST(Conventions, AnAuthorNoteRunOnAfterTheLastSentence) {
  const PageResult r = split_file("note-run-on-in-a-viewer-copy.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.notes, (Strings{"（作者为某大学城市规划学院教授）"}));
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(a.paragraphs[1].ends_with("又有烟火气。")) << a.paragraphs[1];
  EXPECT_TRUE(r.articles[1].notes.empty());
  // A bracket that is no author note stays in its paragraph.
  const PageResult plain = split_page("市民的意见很多。（记者调查）\n");
  ASSERT_EQ(plain.articles.size(), 1u);
  EXPECT_TRUE(plain.articles[0].notes.empty());
  EXPECT_EQ(plain.articles[0].paragraphs, (Strings{"市民的意见很多。（记者调查）"}));
}

// Two characters right under a headline, with no blank line between: a name (林晓) is the
// byline over the body; a word of the dictionary (强度) is as often the headline's wrapped end,
// and stays a part of it. A name is seldom a word.
TEST(Conventions, ATwoCharacterNameUnderAHeadlineIsItsByline) {
  const PageResult r = split_file("two-character-name-under-a-headline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.kicker + "|" + a.title + "|" + a.subtitle, "|让老街留住城市的记忆|");
  EXPECT_EQ(a.byline, "林晓");
  EXPECT_EQ(a.authors, (Strings{"林晓"}));
  EXPECT_EQ(a.paragraphs.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "乡村学校有了新球场比赛上强度");
  EXPECT_TRUE(b.authors.empty());
}

// A dump by blocks sets a blank line where a headline wrapped: two characters under it that
// make a word (方便) are still its wrapped end, the title's last line (not a byline, not a
// subtitle, not a headline of nothing); a name (林晓) set so is still the byline.
TEST(Conventions, AHeadlinesWrappedEndOfAWordAcrossABlankLine) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-end-a-word-apart.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.kicker + "|" + a.title + "|" + a.subtitle, "|社区便民服务站让居民办事更方便|");
  EXPECT_TRUE(a.byline.empty()) << a.byline;
  EXPECT_TRUE(a.authors.empty());
  EXPECT_EQ(a.paragraphs.size(), 4u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "让老街留住城市的记忆");
  EXPECT_EQ(b.byline, "林晓");
  EXPECT_EQ(b.authors, (Strings{"林晓"}));
  EXPECT_TRUE(r.leftovers.empty());
}

// Nothing but a headline's own parts stands between its title and the byline that opens its
// story: a last line there that no story claims by its words (不再发愁), half the line over it
// at most, is the headline's, not a headline of nothing. A photo report's rubric (图片报道)
// set there names a kind of item and joins no title.
TEST(Conventions, AHeadlinesLastLineOverItsBylineInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-last-line-over-its-byline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].kicker, "湖北武汉");
  EXPECT_EQ(headline_of(r.articles[0]), "湖北武汉社区食堂开到家门口，老人吃饭不再发愁");
  EXPECT_EQ(r.articles[0].authors, (Strings{"李华"}));
  EXPECT_EQ(headline_of(r.articles[1]), "老街书店办起读书夜市");
  ASSERT_EQ(r.leftovers.size(), 1u);
  EXPECT_EQ(r.leftovers[0].text, "图片报道");
}

// The same over a story's indented opening, where paragraphs open indented: the opening
// starts the story as a byline does (走进“城市书房” / 遇见阅读 / 　　城东新区…).
TEST(Conventions, AHeadlinesLastLineOverAnIndentedOpeningInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-last-line-over-an-indented-opening.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(headline_of(r.articles[0]), "走进“城市书房”遇见阅读");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "老街夜市重新开张");
  EXPECT_TRUE(r.leftovers.empty());
}

// In a viewer's copy, a headline cut inside a word (迎来开 / 门红) goes on on the next line,
// although the lines of its text do not wrap: the word says the two characters are the
// headline's, not a name.
TEST(Conventions, AHeadlineCutInsideAWordOfAViewersCopy) {
  const PageResult r = split_file("viewer-copy-headline-wrapped-end-a-word-on.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "全市外贸进出口首月迎来开门红");
  EXPECT_TRUE(r.articles[0].byline.empty()) << r.articles[0].byline;
  EXPECT_TRUE(r.articles[0].authors.empty());
  EXPECT_EQ(r.articles[1].byline, "林晓");
}

// A viewer's copy joins a headline and the byline set right under it on one line: all that
// follows the first space a byline can start at, a marked byline (■王明, also one that holds a
// space of its own: ■新重庆-重庆日报记者 赵强) or one bare name (李丽), is the byline. A
// headline whose second part follows a space (全球经济展现韧性 保护主义加剧风险) stays whole.
TEST(Conventions, AHeadlineAndItsBylineOnOneLineOfAViewersCopy) {
  const PageResult r = split_file("headline-and-byline-on-one-line.txt");
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_EQ(r.articles[0].title, "让老街留住城市的记忆");
  EXPECT_EQ(r.articles[0].authors, (Strings{"王明"}));
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "乡村学校有了新球场");
  EXPECT_EQ(r.articles[1].byline, "李丽");
  EXPECT_EQ(headline_of(r.articles[2]), "全球经济展现韧性保护主义加剧风险");
  EXPECT_EQ(r.articles[2].authors, (Strings{"张强"}));
  EXPECT_EQ(r.articles[3].title, "老街书店办起读书夜市");
  EXPECT_EQ(r.articles[3].byline, "新重庆-重庆日报记者 赵强");
  EXPECT_EQ(r.articles[3].authors, (Strings{"赵强"}));
}

// A viewer's copy joins a headline and the dateline set under it on one line: after a
// headline and a space, a dateline opens the story (its reporter goes to the authors). A
// headline whose second part follows a space stays whole.
TEST(Conventions, AHeadlineAndItsDatelineOnOneLineOfAViewersCopy) {
  const PageResult r = split_file("headline-and-dateline-on-one-line.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "老街夜市重新开张");
  EXPECT_EQ(a.dateline, "本报讯");
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].rfind("经过半年改造", 0), 0u) << a.paragraphs[0];
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "全球经济展现韧性保护主义加剧风险");
  EXPECT_EQ(b.dateline, "本报北京1月4日电");
  EXPECT_EQ(b.authors, (Strings{"张强"}));
  EXPECT_EQ(b.paragraphs.size(), 2u);
}

// 图片报道 over a picture: the item's text opens where the picture stood (its first line reads
// as a bare caption), and a photographer's credit closes it. The item is its own article, and
// the text is its body, not a caption of the story before.
TEST(Conventions, APictureReportIsAnItemWhoseTextOpensWhereThePictureStood) {
  const PageResult r = split_file("picture-report.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"何静"}));
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  const Article& item = r.articles[1];
  EXPECT_EQ(item.title, "图片报道");
  EXPECT_EQ(item.paragraphs, (Strings{"冬日时节，湖边湿地迎来大批候鸟栖息越冬。图为1月8日，一群白鹭在湖面上飞翔。"}));
  EXPECT_TRUE(item.captions.empty());
  EXPECT_EQ(item.authors, (Strings{"李华"}));
  EXPECT_EQ(r.articles[2].title, "乡村公路通到村民家门口");
}

TEST(Conventions, EveryCharacterOfEveryTestPageEndsUpInARecord) {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/tests/pages")) {
    const std::string text = test::read_file(entry.path().string());
    const PageResult r = split_page(text);
    EXPECT_EQ(test::lost_characters(text, r), "") << entry.path();
  }
}

// Where blank lines do not end paragraphs, a paragraph's last line ends a sentence: a short
// line that ends none, under a column's full line stopped mid-sentence, is a headline the
// extractor put after a column of another article. A line short only because a number
// follows it (a number is never broken over lines) is no headline.
TEST(Conventions, AHeadlineAfterAColumnOfOtherText) {
  const PageResult r = split_file("headline-after-a-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "山区小学用上智慧课堂");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(a.paragraphs[1].ends_with("学会了用平台分析"));
  EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(), "paragraph ends mid-sentence"), a.warnings.end());
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "江边步道串起风景");
  ASSERT_EQ(b.paragraphs.size(), 2u);
  EXPECT_NE(b.paragraphs[1].find("客流量已经达到12000人次"), std::string::npos);
  EXPECT_TRUE(b.subheads.empty());
}

// The column may have been cut off on a quote closed inside its sentence (…用上了“云教研”): a
// line cut mid-sentence all the same, and the short line under it is the next story's headline.
TEST(Conventions, AHeadlineAfterAColumnCutOffOnAClosingQuote) {
  const PageResult r = split_file("headline-after-a-column-cut-after-a-quote.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "山区小学用上智慧课堂");
  ASSERT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs[1].ends_with("用上了“云教研”")) << r.articles[0].paragraphs[1];
  EXPECT_EQ(r.articles[1].title, "江边步道串起风景");
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);
}

// So too a headline wrapped over three lines of a narrow column (大山里的孩 / 子用上了智 /
// 慧课堂), its words running on from line to line.
TEST(Conventions, AHeadlineOfThreeNarrowLinesAfterAColumnOfOtherText) {
  const PageResult r = split_file("headline-of-three-narrow-lines-after-a-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "江边步道串起风景");
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("打卡的好地")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(r.articles[1].title, "大山里的孩子用上了智慧课堂");
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("开学第一周")) << r.articles[1].paragraphs[0];
}

// A byline opens an article and a paragraph ends with a sentence: a headline-shaped line as
// wide as its column, between a sentence's end and a byline on a dump without blank lines,
// heads the article the byline opens (it is not the last line of the paragraph before).
TEST(Conventions, AHeadlineBetweenASentencesEndAndItsByline) {
  const PageResult r = split_file("headline-between-a-sentence-and-its-byline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "山区小学用上智慧课堂");
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_TRUE(a.paragraphs[0].ends_with("校长说这是山村新气象。"));
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "江边步道串起新风景");
  EXPECT_EQ(b.byline, "本报记者 李华");
  ASSERT_EQ(b.paragraphs.size(), 1u);
}

// After a sentence's end, short pieces with no prose mark right before a headline over its
// byline are that headline's first part, wrapped (the dictionary sees a word run on across
// the wrap, 课 / 堂, and the pieces were read as text): one part, the article's.
TEST(Conventions, AHeadlinesFirstLinesAfterASentencesEnd) {
  const PageResult r = split_file("headline-first-lines-after-a-sentence.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_TRUE(a.paragraphs[0].ends_with("市民可以一路骑行看江景。"));
  const Article& b = r.articles[1];
  EXPECT_EQ(b.kicker, "山区小学智慧课堂");
  EXPECT_EQ(b.title, "孩子们和城里同学同上一课");
  EXPECT_EQ(b.byline, "本报记者 王明");
}

// A picture source's bracket wrapped onto the next line (…老街街道(社区 / )办公室提供): no
// line of its own opens with a closing bracket, so that line is the credit's end, not a
// headline without an article.
TEST(Conventions, ACreditsBracketWrappedOntoTheNextLine) {
  const PageResult r = split_file("credit-bracket-wrapped.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  EXPECT_EQ(r.articles[0].credits, (Strings{"王明 图片由城南区老街街道（社区）办公室提供"}));
  EXPECT_EQ(r.articles[0].authors, (Strings{"王明"}));
  EXPECT_EQ(r.articles[1].title, "社区食堂飘出饭菜香");
}

// A credit's names broken over a line, across a blank line at the page's foot (李晓 / 红 张强):
// the line that opens with a name's last character and goes on with names is the credit's
// end, not a headline without an article. No name is one character long.
TEST(Conventions, ACreditsNamesBrokenOverALine) {
  const PageResult r = split_file("credit-names-broken-over-a-line.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.leftovers.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "全市积极应对降温降雪");
  EXPECT_EQ(a.authors, (Strings{"李晓红", "张强"}));
  EXPECT_EQ(a.credits, (Strings{"江北区融媒体中心 李晓红 张强"}));
}

// Without blank lines, a column can stop mid-sentence right over the next story's headline,
// set as wide as the column: bare names over a paragraph's opening are that story's byline,
// and the lines above them with no prose mark, up to the last line that has one, its headline.
TEST(Conventions, AHeadlineOverBareNamesUnderAColumnCutShort) {
  const PageResult r = split_file("headline-over-bare-names-after-a-cut-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  const Article& a = r.articles[0];
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(a.paragraphs[1].ends_with("最终确定了由")) << a.paragraphs[1];
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "小小书屋如何点亮山村孩子们的课余时光");
  EXPECT_EQ(b.authors, (Strings{"刘丽"}));
  ASSERT_EQ(b.paragraphs.size(), 2u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("走进山脚下")) << b.paragraphs[0];
}

// Where lines wrap at a column, a word of a headline's last line that runs on into the line
// under it says that line is the headline's wrapped end (跨运河桥梁建 / 成通车: 成 is a surname,
// 建成 a word), not a byline of bare names; names under a headline whose word does not run
// on into them (乡活动启动 / 成通林) stay its byline.
TEST(Conventions, AHeadlinesWrappedEndIsNoBareName) {
  const PageResult r = split_file("headline-wrapped-end-under-a-headline.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_TRUE(r.leftovers.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "平陆运河4座跨运河桥梁建成通车");
  EXPECT_TRUE(b.authors.empty());
  const Article& c = r.articles[2];
  EXPECT_EQ(headline_of(c), "新能源汽车下乡活动启动");
  EXPECT_EQ(c.authors, (Strings{"成通林"}));
}

// A headline part of two or three characters (第二轮) has a pair or two of words: any text may
// hold them, so they say nothing of another body; set directly under its headline's other
// part, it stays that headline's.
TEST(Conventions, AShortHeadlinePartStaysWithItsHeadline) {
  const PageResult r = split_file("short-headline-part-held-elsewhere.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "商竣程晋级澳网男单第二轮");
  EXPECT_EQ(headline_of(r.articles[0]), "城南社区举办第二届邻里节");
}

// A page head split over lines at the page's top (the paper, the date, the page label): the
// word right after the page label names the section, whatever the section is (第8版 体育, 第3版
// 国际), and the line is furniture, not a headline's first part.
TEST(Conventions, APageLabelAndItsSectionAtThePagesTop) {
  const std::string text =
      "南方日报\n2026年6月3日 星期一\n第8版 体育\n\n城乡足球联赛在南湖开幕\n本报记者 吴敏\n"
      "　　日前，城乡足球联赛在南湖体育公园开幕，来自全市的三十二支业余球队将在两个月里\n"
      "进行一百多场比赛，决出各组别的冠军。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(headline_of(a), "城乡足球联赛在南湖开幕");
  EXPECT_EQ(a.head.page_no, "8");
  ASSERT_EQ(r.leftovers.size(), 3u);
  EXPECT_EQ(r.leftovers[2].text, "第8版体育");  // cleaned: no space between Chinese characters
}

// A headline the dump broke into pieces of text of their own (a quoted headline wrapped: its
// opening quote in one piece, its closing one in the next, so neither reads as a headline),
// between a sentence's end and the dateline that opens its story: the pieces, joined, are
// that story's headline.
TEST(Conventions, AHeadlineInPiecesBeforeItsStorysDateline) {
  const std::string text =
      "城南老街夜市重新开张\n\n本报记者 王明\n\n经过半年改造，城南老街夜市日前重新开张，百余个摊位亮灯迎客。\n\n"
      "\"让市花开遍街巷,开进更多人的\n\n日子里\"\n\n本报青岛1月5日电 （记者 陈维）\n\n"
      "在山东青岛的冬日，无论是寻常巷陌还是公园景区，常能瞥见耐冬花的身影。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 1u);
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "“让市花开遍街巷，开进更多人的日子里”");
  EXPECT_EQ(b.authors, (Strings{"陈维"}));
}

// A dateline opens its story's text: in a dump without blank lines, the short line set right
// under it (天府新区紧扣全省打造) is the text's first line, not a subtitle of the headline over
// the dateline, and the narrow headline's lines stay its headline.
TEST(Conventions, TheLineRightUnderADatelineOpensTheStorysText) {
  const PageResult r = split_file("dateline-over-a-first-line-of-headline-shape.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[1];
  EXPECT_EQ(a.dateline, "本报成都3月8日电");
  EXPECT_EQ(a.authors, (Strings{"刘洋"}));
  EXPECT_EQ(headline_of(a), "一条主线两个园区三项工程天府新区力争建成全省数字经济产业创新高地");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_TRUE(a.paragraphs.front().starts_with("天府新区紧扣全省打造“5个1”")) << a.paragraphs.front();
}

// A part of a headline wraps at its box's width: the lines of one part are as wide as each
// other but for the last, the rest of a word or a few. In a dump without blank lines the units
// of a headline do not show its parts: a title wrapped in a narrow box is one part (滨江新区三座跨江大
// / 桥同日建成通车), and so is a title wrapped over three lines under a wider kicker; a second
// part under the first is a whole clause of its own and stays a subtitle.
TEST(Conventions, AHeadlinesPartsFromTheWidthsOfItsLines) {
  const PageResult r = split_file("headline-parts-in-a-dump-without-blank-lines.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].kicker, "");
  EXPECT_EQ(r.articles[0].title, "滨江新区三座跨江大桥同日建成通车");
  EXPECT_EQ(r.articles[0].subtitle, "");
  EXPECT_EQ(r.articles[1].kicker, "一条主线两个园区三项工程");
  EXPECT_EQ(r.articles[1].title, "天府新区力争建成全省数字经济产业创新高地");
  EXPECT_EQ(r.articles[1].subtitle, "");
  EXPECT_EQ(r.articles[2].kicker, "");
  EXPECT_EQ(r.articles[2].title, "让老手艺走进今天的生活");
  EXPECT_EQ(r.articles[2].subtitle, "非遗工坊办起培训班");
}

// A place label set over a headline, a province's name and a city's alone on the line
// (浙江杭州), is a part of its own, the kicker, also where the dump sets it in one block with
// the title.
TEST(Conventions, APlaceLabelOverItsTitleIsItsKicker) {
  const PageResult r = split_file("place-label-over-its-title.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].kicker, "浙江杭州");
  EXPECT_EQ(r.articles[1].title, "精细化，家政服务健全规范标准");
  EXPECT_EQ(r.articles[1].authors, (Strings{"王明"}));
}

// A headline of two parts may come in four pieces, each part wrapped where a quote closes or
// a word runs on across the cut (小小“便民柜”解决居民“大 / 难题” / …全部社 / 区和村庄): two
// parts of one headline over the byline, not the end of the story before.
TEST(Conventions, AHeadlineOfTwoPartsInFourPiecesBeforeItsByline) {
  const PageResult r = split_file("blocks-dump-headline-parts-in-four-pieces.txt");
  expect_two_stories(r, "让居民分类投放更加省心。", "小小“便民柜”解决居民“大难题”便民服务站点覆盖城西全部社区和村庄", {"钱进"}, 2);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "垃圾分类走进寻常百姓家");
  ASSERT_EQ(r.articles[0].paragraphs.size(), 3u);
  EXPECT_EQ(r.articles[0].paragraphs[2], "街道负责人说，下一步将在更多小区推广智能回收箱，让居民分类投放更加省心。");
  EXPECT_EQ(r.articles[1].kicker, "小小“便民柜”解决居民“大难题”");  // two parts, not one
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("走进城西社区服务站，")) << r.articles[1].paragraphs[0];
}

// A dump by blocks (PyMuPDF's) parts a paragraph's lines anywhere, a line or two a block, and
// blank lines say nothing: a column's full line with a comma after text that stopped
// mid-sentence goes on with it; a line short of the column by the dropped indent over a line
// that fills the column is a paragraph's opening (a headline is followed by an opening, not
// by a paragraph's middle); neither is a headline or a subhead.
TEST(Conventions, ABlocksDumpPartsParagraphsAnywhere) {
  const PageResult r = split_file("blocks-dump-parts-paragraphs.txt");
  ASSERT_GE(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "山区学校迎来新球场");
  EXPECT_EQ(a.authors, (Strings{"王明"}));
  EXPECT_EQ(a.paragraphs,
            (Strings{"入冬以来，城北山区的几所小学陆续用上了新建的标准球场，孩子们的课间活动一下子丰富起来，操场上到处是奔跑的身影。",
                     "这些球场由县教育局统一规划建设，铺设了防滑的塑胶面层，还配齐了球门和篮球架，场地四周装上了护栏和照明灯。",
                     "学校的体育老师说，以前孩子们只能在泥地上跑步，如今每周都能上足球课，参加校内联赛的学生越来越多，家长们也很满意。",
                     "今年春天，县里还将组织山区小学足球赛，让各校的孩子们在新建的球场上比一比，赛后还会选出一支代表队参加全市比赛。",
                     "县教育局表示，明年将为另外五所学校建设球场，让更多山区孩子在家门口踢上球，也让乡村学校的体育课更加丰富多彩。"}));
  EXPECT_TRUE(a.subheads.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "城南老街夜市重新开张百余摊位亮灯迎客");
  ASSERT_GE(b.paragraphs.size(), 3u);
  EXPECT_EQ(b.paragraphs[2], "不少老摊主告诉记者，重新开张以后客流比以前多了，周末晚上常常要忙到深夜，大家对今后的生意很有信心。");
}

// Where a dump by blocks ends every paragraph with its block, a blank line stands between each
// sentence's end and the next paragraph's first line: the first line's gap (the dropped
// indent) is still read there, and a first line standing alone in its block over a full line
// opens its paragraph; it is no subhead.
TEST(Conventions, AParagraphsFirstLineAloneInABlocksDump) {
  const PageResult r = split_file("blocks-dump-paragraph-ends-apart.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "江北老旧小区换新颜");
  EXPECT_TRUE(a.subheads.empty());
  ASSERT_EQ(a.paragraphs.size(), 6u);
  EXPECT_EQ(a.paragraphs[2], "家住幸福小区的王大爷说，以前楼道里堆满杂物，晚上出门要摸黑，如今楼道亮了、路面平了，小区里还建起了健身角，邻里之间的走动也多了起来。");
}

// In the same dump, prose cut mid-word fills its column (only a paragraph's last line stops
// short, and it ends a sentence): a line well short of the column whose word runs on into the
// next block (开 / 通运营), after a piece's end, is a headline wrapped at its own width in a
// larger face. Paragraph openings alone in a block stop short by the dropped indent, or
// shorter where digits print wider than half a character (3日，全市2026年…): no subheads.
TEST(Conventions, AHeadlineWrappedShortOfTheColumnInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-short.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "社区食堂让老人吃得放心");
  EXPECT_EQ(a.paragraphs.size(), 4u);
  EXPECT_TRUE(a.subheads.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "全市首条智慧公交线路开通运营");
  EXPECT_TRUE(b.subheads.empty());
  EXPECT_EQ(b.paragraphs,
            (Strings{"全市首条智慧公交线路日前正式开通运营，二十辆新能源公交车在城区主干道上往返行驶，吸引了不少市民前来乘坐体验。",
                     "3日，全市2026年首批新能源公交车已全部到位，将陆续投入这条线路运行，车上还配备了无线网络和手机充电接口。",
                     "这条线路的站台都装上了电子站牌，乘客可以随时查看车辆到站的时间，不用再在站台上苦等，老人和孩子乘车也更加方便了。",
                     "市交通运输局表示，今年还将开通五条智慧公交线路，让市民出行更加方便快捷，也让城市的公共交通更加绿色低碳。"}));
}

// A headline wraps with its first line full: in a viewer's copy, one name on a line of its
// own over the next headline's longer lines (王伟健 / 一起来玩腰旗 / 橄榄球), after a story's
// last sentence, is that story's credit; over a story about that person, the headline's.
TEST(Conventions, ANameOverTheNextHeadlinesLongerLineIsTheCredit) {
  auto page = [](const std::string& first, const std::string& second, const std::string& opening) {
    return "城区新增十条公交线路\n本报记者 孙丽\n本月起，城区新增十条公交线路，覆盖了二十多个新建小区和三所学校，市民出行更加方便。\n"
           "公交公司负责人说，新线路开通后将根据客流情况及时调整发车间隔，让市民出行更加便捷。\n王伟健\n" +
           first + "\n" + second + "\n本报福州8月8日电 （记者 谢贵明） " + opening +
           "福州市第二届幼儿橄榄球公开赛日前举行，比赛采用安全友好的非冲撞形式，吸引了两百多名小球员参加。\n"
           "赛事组委会介绍，腰旗橄榄球规则简单、对抗温和，适合幼儿和青少年参与。\n";
  };
  const PageResult r = split_page(page("一起来玩腰旗", "橄榄球", "福建省"));
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"孙丽", "王伟健"}));
  EXPECT_EQ(headline_of(r.articles[1]), "一起来玩腰旗橄榄球");
  const PageResult about = split_page(page("带领村民种出", "致富果", "王伟健组织的"));
  ASSERT_EQ(about.articles.size(), 2u);
  EXPECT_EQ(about.articles[0].authors, Strings{"孙丽"});
  EXPECT_EQ(headline_of(about.articles[1]), "王伟健带领村民种出致富果");
}

// Names set over a story about those people open its headline (孙颖莎晋级女 / 单八强 over
// …中国选手孙颖莎以4∶0战胜对手…), though the line parts into two names when read glued:
// not the credit of the story before.
TEST(Conventions, NamesOverAStoryAboutThemOpenItsHeadline) {
  const PageResult r = split_page(
      "城区新增十条公交线路\n本报记者 孙丽\n本月起，城区新增十条公交线路，覆盖了二\n十多个新建小区和三所学校，市民出行更加\n"
      "方便。公交公司负责人说，新线路开通后将\n根据客流情况及时调整发车间隔。\n孙颖莎晋级女\n单八强\n本报多哈1月8日电 （记者 李硕）\n"
      "8日，世界乒乓球职业大联盟比赛女单第二\n轮中，中国选手孙颖莎以4∶0战胜对手，晋\n级八强。\n");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].authors, Strings{"孙丽"});
  EXPECT_EQ(headline_of(r.articles[1]), "孙颖莎晋级女单八强");
  EXPECT_EQ(r.articles[1].authors, Strings{"李硕"});
}

// A dump without blank lines may drop the space between a credit's two names of two
// characters (陈维唐英): after a story's last sentence, over the next headline, two names each
// opening with a surname and neither a word are the story's credit. Places (江苏南京, 山东
// 青岛) and words there (黄河岸边) stay the next headline's first part.
TEST(Conventions, TwoNamesOfTwoSetCloseAreTheStorysCredit) {
  auto page = [](const std::string& line) {
    return "城区新增十条公交线路\n本报记者 孙丽\n本月起，城区新增十条公交线路，覆盖了二\n十多个新建小区和三所学校，市民出行更加\n"
           "方便。公交公司负责人说，新线路开通后将\n根据客流情况及时调整发车间隔。\n" +
           line + "\n浙江杭州\n精细化，家政\n服务健全规范\n标准\n下午3点，浙江一家康养科技公司的家政服务\n员黄鲜花准时来到顾客家中，保洁、收纳、\n烧饭，有条不紊。\n";
  };
  const PageResult r = split_page(page("陈维唐英"));
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"孙丽", "陈维", "唐英"}));
  EXPECT_EQ(headline_of(r.articles[1]), "浙江杭州精细化，家政服务健全规范标准");
  for (const std::string kicker : {"江苏南京", "山东青岛", "黄河岸边"}) {
    const PageResult k = split_page(page(kicker));
    ASSERT_EQ(k.articles.size(), 2u) << kicker;
    EXPECT_EQ(k.articles[0].authors, Strings{"孙丽"}) << kicker;
    EXPECT_TRUE(k.articles[1].kicker.starts_with(kicker)) << k.articles[1].kicker;
  }
}

// A dump without blank lines: a quoted headline wrapped at the comma inside its quotes
// (“书香飘进田间地头， / 让乡亲们都爱读 / 书”), after a story's last sentence and its credit. Prose runs on to
// the column's end; a line well short of it that opens a quote the next short lines close is
// the headline's first line, not the end of the story before.
// The story before may end with a picture's caption set at its foot (图为…。): a quoted
// headline wrapped at its comma after it is the next story's, as after a credit.
TEST(Conventions, AQuotedHeadlineWrappedAfterACaption) {
  const PageResult r = split_file("raw-dump-quoted-headline-wrapped-after-a-caption.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].authors, Strings{"孙丽"});
  EXPECT_EQ(r.articles[0].captions, Strings{"图为市民在新线路的站台候车。"});
  EXPECT_EQ(headline_of(r.articles[1]), "“书香飘进田间地头，让乡亲们都爱读书”");
  EXPECT_EQ(r.articles[1].authors, (Strings{"周明", "李华"}));
  EXPECT_EQ(headline_of(r.articles[2]), "“让市花开遍街巷，开进更多人的日子里”");
  EXPECT_EQ(r.articles[2].authors, Strings{"秦明"});
}

TEST(Conventions, AQuotedHeadlineWrappedAtItsComma) {
  const PageResult r = split_file("raw-dump-quoted-headline-wrapped-at-its-comma.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_TRUE(a.paragraphs[0].ends_with("新线路开通后将根据客流情况及时调整发车间隔。")) << a.paragraphs[0];
  EXPECT_EQ(a.authors, (Strings{"孙丽", "张云河"}));  // the credit over the headline, read once it is whole
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "“书香飘进田间地头，让乡亲们都爱读书”");
  EXPECT_EQ(b.authors, (Strings{"周明", "李华"}));
  ASSERT_EQ(b.paragraphs.size(), 1u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("城西镇的农家书屋日前重新开放，")) << b.paragraphs[0];
}

// A blocks dump parts a headline's wrapped lines anywhere: a piece of two lines and a piece of
// one (更暖心，助餐服务 / 走进“一刻钟便民 / blank / 圈”) between a kicker and the byline are the
// headline's title, not the end of the story before.
TEST(Conventions, AHeadlinePieceOfTwoLinesBeforeItsByline) {
  const PageResult r = split_file("blocks-dump-headline-piece-of-two-lines-before-its-byline.txt");
  expect_two_stories(r, "让居民停车更加方便。", "浙江宁波更暖心，助餐服务走进“一刻钟便民圈”", {"李华"}, 4);
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.articles[0].paragraphs.size(), 4u);
  EXPECT_EQ(r.articles[0].paragraphs[3], "下一步，区里将在老旧小区改造中同步建设立体停车库，让居民停车更加方便。");
}

// A picture may stand between a story's byline and its text (本报记者 李华 陈东 / 图为… /
// 新华社记者 王明摄 / body): the story starts past the caption and its credit, so both parts of the
// headline over the byline are the story's, not a part left over for a body further on.
TEST(Conventions, APictureBetweenTheBylineAndTheStory) {
  const PageResult r = split_file("picture-between-byline-and-body.txt");
  expect_two_stories(r, "让居民停车更加方便。", "新建公园超过三十座覆盖所有街道城南加快口袋公园建设让市民推窗见绿", {"李华", "陈东"}, 3);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].captions, Strings{"图为城南新建的一座口袋公园。"});
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("城南今年已新建口袋公园三十多座，")) << r.articles[1].paragraphs[0];
  EXPECT_TRUE(r.leftovers.empty());
}

// A headline wraps with its first line full: a line whose words no story holds, set right over
// a title of a few characters that is shorter than it (全市多个行业积极 / blank / 应对寒潮), is the
// title's first line that a blocks dump parted from it, not a headline left over.
TEST(Conventions, AHeadlineLineOverItsShortEndInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-before-a-short-end.txt");
  expect_two_stories(r, "让居民停车更加方便。", "全市多个行业积极应对寒潮", {"李华"}, 2);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "全市多个行业积极应对寒潮");  // one title wrapped, not a title and a subtitle
  EXPECT_TRUE(r.leftovers.empty());
}

// A photo report (图片报道, a byline, a sentence on the scene and one that opens with 图为 and
// says what the picture shows) is an item of its own: the headline after its text heads the
// next story, not a subhead of the report, however little text the report has.
TEST(Conventions, AHeadlineAfterAPhotoReportHeadsTheNextStory) {
  const PageResult r = split_file("photo-report-before-a-story.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "图片报道");
  EXPECT_EQ(r.articles[0].authors, Strings{"王明"});
  ASSERT_EQ(r.articles[0].paragraphs.size(), 1u);
  EXPECT_TRUE(r.articles[0].paragraphs[0].ends_with("图为12月1日，游客在银杏林中拍照留念。")) << r.articles[0].paragraphs[0];
  EXPECT_EQ(r.articles[1].title, "社区食堂让老人吃得更舒心");
  EXPECT_TRUE(r.articles[1].authors.empty());
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[1].subheads.empty());
}

// Where paragraphs open indented, a story's indented opening marks its start as a byline does:
// the pieces of text between the kicker and it are the headline (更暖心，助餐服务 / 走进“一刻钟便民
// / blank / 圈” / 　　宁波市…), not the story's first paragraph.
TEST(Conventions, AHeadlineInPiecesOverAnIndentedOpening) {
  const PageResult r = split_file("blocks-dump-headline-in-pieces-over-an-indented-opening.txt");
  expect_two_stories(r, "让居民停车更加方便。", "浙江宁波更暖心，助餐服务走进“一刻钟便民圈”", {}, 4);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].kicker, "浙江宁波");
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("宁波市城东街道的老年助餐服务点")) << r.articles[1].paragraphs[0];
}

// A story cut off mid-sentence where its column broke goes on after another item, where the
// extractor read the rest of its column (…为全市经济稳健前行提 / another story / 供了有力支撑。…):
// a body with no headline or byline whose unindented first line runs on across the cut is the
// story's rest. An indented opening starts a paragraph, whatever word the two lines could make.
TEST(Conventions, AStoryGoesOnAfterAnotherItem) {
  const PageResult r = split_file("story-goes-on-after-another-item.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "全市外贸进出口稳中有进");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_TRUE(a.paragraphs[1].ends_with("为全市经济稳健前行提供了有力支撑。下一步，全市将继续优化口岸营商环境，帮助企业开拓新兴市场。"))
      << a.paragraphs[1];
  EXPECT_EQ(a.authors, Strings{"周明"});
  EXPECT_EQ(a.warnings, Strings{"text from another column was reattached"});  // and no longer "ends mid-sentence"
  EXPECT_EQ(r.articles[1].title, "社区食堂让老人吃得更舒心");
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);

  // The same page with that line indented: a paragraph opens there, the story before stays cut.
  const PageResult apart = split_file("story-indented-opening-after-another-item.txt");
  ASSERT_EQ(apart.articles.size(), 3u);
  EXPECT_TRUE(apart.articles[0].paragraphs.back().ends_with("为全市经济稳健前行提")) << apart.articles[0].paragraphs.back();
}

// The rest of a cut story may be read before the story itself (an extractor read the foot of
// its column first): a body with no headline or byline whose unindented first line runs on
// across the cut (…为全市经济稳健前行提 / 供了有力支撑。…) is its rest there too, and the story
// spans both pieces' lines.
TEST(Conventions, AStoryGoesOnInTextReadBeforeIt) {
  const std::string page = test::page("story-goes-on-before-its-start.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "社区食堂让老人吃得更舒心");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  const Article& a = r.articles[1];
  EXPECT_EQ(a.title, "全市外贸进出口稳中有进");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_TRUE(a.paragraphs[1].ends_with("为全市经济稳健前行提供了有力支撑。下一步，全市将继续优化口岸营商环境，帮助企业开拓新兴市场。"))
      << a.paragraphs[1];
  EXPECT_EQ(a.paragraphs[2], "业内人士认为，四季度外贸有望延续平稳增长的态势。");
  EXPECT_EQ(a.authors, Strings{"周明"});
  EXPECT_EQ(a.warnings, Strings{"text from another column was reattached"});
  EXPECT_EQ(a.line_start, 15u);
  EXPECT_EQ(a.line_end, 33u);
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A photo item's picture sentence (图为…) run on in its text's piece, before the photographer's
// credit, is the item's own text where it speaks of what the text tells (滩涂, 蛏子 in both),
// with a headline over the item or none; one there that shares no word with the item is
// another picture's caption. (Set apart by a blank line, a caption stays a caption:
// CreditUnderAPhotoCaptionStaysACredit.)
TEST(Conventions, APhotoItemsPictureSentenceBeforeItsCreditIsItsText) {
  const std::string page = test::page("photo-item-picture-sentence-before-its-credit.txt");
  for (const std::string& text : {page, page.substr(page.find("寒冬时节"))}) {
    const PageResult r = split_page(text);
    ASSERT_EQ(r.articles.size(), 2u);
    const Article& item = r.articles[0];
    EXPECT_EQ(item.paragraphs, (Strings{"寒冬时节，辽宁省东港市黄海海域滩涂人工养殖的蛏子进入收获季。", "图为1月3日，农民在滩涂上破海冰挖出蛏子，运到岸边准备清洗。"}));
    EXPECT_TRUE(item.captions.empty());
    EXPECT_EQ(item.authors, Strings{"吕文正"});
    const Article& other = r.articles[1];
    EXPECT_EQ(other.title, "冰雪运动进校园");
    EXPECT_EQ(other.captions, Strings{"图为国务院总理李强1月3日在广东调研。"});
    EXPECT_EQ(other.paragraphs.size(), 1u);
    EXPECT_EQ(test::lost_characters(text, r), "");
  }
}

// A photo report's rubric (图片报道) set in a row of headlines, read apart from its item, holds no
// words of it: it heads the photo item without a headline (a sentence or two and the
// photographer's credit) read after it, and says so. A story without a photographer's credit
// is no photo item: the rubric heads no story then, and stays a leftover.
TEST(Conventions, APhotoReportsRubricHeadsAPhotoItemWithoutAHeadline) {
  const std::string page = test::page("photo-report-rubric-in-a-headline-row.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "让城乡居民收入稳步增长");
  const Article& item = r.articles[1];
  EXPECT_EQ(item.title, "图片报道");
  EXPECT_EQ(item.authors, Strings{"吕文正"});
  EXPECT_EQ(item.warnings, Strings{"a photo report's rubric that stood apart was set over this photo item"});
  EXPECT_TRUE(r.leftovers.empty());
  EXPECT_EQ(test::lost_characters(page, r), "");

  std::string no_photo = page;
  no_photo.erase(no_photo.find("吕文正摄"));
  const PageResult plain = split_page(no_photo);
  ASSERT_EQ(plain.articles.size(), 2u);
  EXPECT_EQ(plain.articles[1].title, "");
  ASSERT_EQ(plain.leftovers.size(), 1u);
  EXPECT_EQ(plain.leftovers[0].text, "图片报道");
}

// An author note wraps as prose does, its lines filling the column but the last, which closes
// its bracket: where the note was cut off with its column (…本文为重庆市教育科学规划项目 /
// 湖南长沙 / 更安心，…), a short line that closes nothing is none of it, and the next story's
// headline begins there.
TEST(Conventions, AnAuthorNoteCutOffWithItsColumnEndsAtItsLastFullLine) {
  const std::string page = test::page("author-note-cut-before-a-kicker.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].notes, Strings{"（作者单位：重庆电子科技职业大学，本文为重庆市教育科学规划项目"});
  const Article& b = r.articles[1];
  EXPECT_EQ(b.kicker + b.title + b.subtitle, "湖南长沙更安心，托育服务嵌入“15分钟生活圈”");
  EXPECT_EQ(b.authors, Strings{"杨迅"});
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// Two stories on one theme share words, so the text after a headline between them may go on
// with the text before a little over the line (全市…增长 / 外贸…增长): where the headline's words
// are none of the text's before it and a clear share of the text's after it (外贸企业拓展海外
// 新商路 over 外贸企业拓展海外新商路的步伐…), it heads the next story, not a subhead. A subhead
// whose section opens on new words, in text that goes on with the text before well over the
// line, stays one (ARowOfHeadlinesHeadsTheStoriesThatFollowInTurn: 非遗展示区人气旺).
TEST(Conventions, AHeadlineBetweenTwoStoriesOnOneThemeHeadsTheNext) {
  const std::string page = test::page("headline-between-two-stories-on-one-theme.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "全市经济运行稳中向好");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].subheads.empty());
  EXPECT_EQ(r.articles[1].title, "外贸企业拓展海外新商路");
  ASSERT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("外贸企业拓展海外新商路的步伐明显加快")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A story divided into sections has two subheads or more: a subhead-shaped line alone between
// two stories on one theme (their texts share many words), whose words are the text's after it
// and none of the text's before, heads the next story; two such lines in one story are its
// subheads.
TEST(Conventions, ASubheadAloneInItsStoryHeadsTheNext) {
  const std::string page = test::page("subhead-alone-between-two-stories-on-one-theme.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "全市经济运行稳中向好");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "科技企业跑出加速度");
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_EQ(test::lost_characters(page, r), "");

  const std::string sections = test::page("two-subheads-in-one-story-on-one-theme.txt");
  const PageResult one = split_page(sections);
  ASSERT_EQ(one.articles.size(), 1u);
  EXPECT_EQ(one.articles[0].subheads, (std::vector<std::string>{"科技企业跑出加速度", "绿色转型步伐加快"}));
  EXPECT_EQ(test::lost_characters(sections, one), "");
}

// A row of headlines over several stories, and no byline or dateline between the stories: a
// paragraph, after a sentence's end, whose opening holds the words of a headline of the row
// that the text before it does not hold, and which goes on with none of that text, opens that
// headline's story.
TEST(Conventions, AHeadlineOfARowOpensTheParagraphThatHoldsItsWords) {
  const std::string page = test::page("headline-row-over-stories-run-together.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "茶叶市场迎来收购旺季");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 5u);
  EXPECT_EQ(r.articles[1].title, "街道推行网格化管理");
  ASSERT_EQ(r.articles[1].paragraphs.size(), 1u);
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("城南街道从年初起推行网格化管理")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A viewer's copy of a narrow column runs a headline on after the paragraph set over it and
// keeps the line its last characters wrapped onto (…推动外贸质升量稳。 老街书店办起读 / 书夜市):
// what follows the sentence's end is the headline, and the short line its end, also where no
// byline or dateline follows.
TEST(Conventions, AViewersCopyRunsAHeadlineOnAfterAParagraphAndWrapsItsEnd) {
  const std::string page = test::page("viewer-copy-headline-run-on-its-end-wrapped.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs[1].ends_with("推动外贸质升量稳。")) << r.articles[0].paragraphs[1];
  EXPECT_EQ(r.articles[1].title, "老街书店办起读书夜市");
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A lead box opens a story: text under a lead box's label (核心提示) is no cut story's rest,
// even where its first words could run on from a story cut mid-word (…思想为指 / 核心提示 / 导，…).
TEST(Conventions, ALeadBoxOpensAStoryNotACutStorysRest) {
  const std::string page = test::page("lead-box-after-a-story-cut-mid-word.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 1u);
  EXPECT_EQ(r.articles[2].lead_label, "核心提示");
  ASSERT_FALSE(r.articles[2].paragraphs.empty());
  EXPECT_TRUE(r.articles[2].paragraphs[0].starts_with("导，")) << r.articles[2].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// The rest of a cut story goes back to it also where a headline set apart holds the rest's
// words (文化事业繁荣发展呈现新气象 over …繁荣发展文化事业…呈现新气象…): the word across the cut
// (…思想为指 / 导，…) says more than a free headline's words. The headline heads no body then:
// a leftover, not the rest's title.
TEST(Conventions, AStoryGoesOnAfterAnotherItemWhateverAFreeHeadlineShares) {
  const PageResult r = split_file("story-cut-mid-word-and-a-free-headline.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "全国宣传部长会议在京召开");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_NE(a.paragraphs[0].find("思想为指导，着力繁荣发展文化事业"), std::string::npos) << a.paragraphs[0];
  EXPECT_EQ(r.articles[1].title, "城西社区食堂开张");
  ASSERT_EQ(r.leftovers.size(), 1u);
  EXPECT_EQ(r.leftovers[0].kind, "headline without article");
  EXPECT_EQ(r.leftovers[0].text, "文化事业繁荣发展呈现新气象");
}

// A headline's words recur in its story: a part under a story's headline, inside the story and
// claimed by no other body, is that headline's wrapped end where the word cut in two (男 / 单:
// 男单) is the story's (商竣程晋级澳网男 / blank / 单第二轮 over a caption and the dateline).
// A headline there whose words the story does not hold (a row of headlines) stays apart.
TEST(Conventions, AHeadlinesWrappedEndAboveItsCaptionIsTheHeadlines) {
  const PageResult r = split_file("headline-wrapped-end-above-its-caption.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.leftovers.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "商竣程晋级澳网男单第二轮");  // one title wrapped, not a title and a subtitle
  EXPECT_EQ(b.authors, Strings{"李硕"});
  EXPECT_EQ(b.captions, Strings{"图为商竣程在比赛中回球。"});
  ASSERT_EQ(b.paragraphs.size(), 2u);

  const PageResult row = split_page("城区新增十条公交线路\n\n耐冬花开映海城\n\n本报记者 孙丽\n\n"
                                    "　　本月起，城区新增十条公交线路，\n覆盖了二十多个新建小区和三所学校，\n市民出行更加方便。\n");
  ASSERT_EQ(row.articles.size(), 1u);
  EXPECT_EQ(headline_of(row.articles[0]), "城区新增十条公交线路");
  ASSERT_EQ(row.leftovers.size(), 1u);
  EXPECT_EQ(row.leftovers[0].text, "耐冬花开映海城");
}

// Where paragraphs open indented, an indented line opens a paragraph: no word runs on into it
// from the line above, whatever word the dictionary sees across the break (良好开局 / 在去年底
// reads as 局在): the short line over it is the next story's headline, not text cut mid-word.
TEST(Conventions, AHeadlineOverAnIndentedOpening) {
  const PageResult r = split_file("headline-over-an-indented-opening.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "城郊农场迎来草莓采摘季");
  ASSERT_EQ(r.articles[0].paragraphs.size(), 3u);
  EXPECT_EQ(r.articles[0].paragraphs[2], "为了方便游客，农场还开通了直达公交，增设了停车位和休息区。");
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "全市经济实现良好开局");
  ASSERT_EQ(b.paragraphs.size(), 3u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("在去年底举行的全市经济工作会议上，")) << b.paragraphs[0];
}

// The same dump may cut a headline wrapped over three lines after its second (城南新建的十二座口 /
// 袋公园日前全部向市 / blank / 民免费开放): two lines well short of the column whose word runs on
// into the next block are a headline, not a paragraph whose end the next block holds.
TEST(Conventions, AHeadlineWrappedTwiceShortOfTheColumnInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-twice.txt");
  expect_two_stories(r, "让居民停车更加方便。", "城南新建的十二座口袋公园日前全部向市民免费开放", {"李华"}, 4);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "老城区停车难题有了新解法");
  EXPECT_EQ(r.articles[0].authors, Strings{"周明"});
  ASSERT_EQ(r.articles[0].paragraphs.size(), 4u);
  EXPECT_EQ(r.articles[0].paragraphs[3], "下一步，区里将在老旧小区改造中同步建设立体停车库，让居民停车更加方便。");
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("城南新建的十二座口袋公园日前全部向市民开放，")) << r.articles[1].paragraphs[0];
}

// Three lines well short of the column, ending nothing, whose word runs on into the next
// block (城南新建的十二 / 座口袋公园日前全 / 部向市民免费开 / blank / 放迎客): one headline wrapped
// three times, not the end of the story before.
TEST(Conventions, AHeadlineWrappedThreeTimesShortOfTheColumnInABlocksDump) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-three-times.txt");
  expect_two_stories(r, "找车位不再靠碰运气。", "城南新建的十二座口袋公园日前全部向市民免费开放迎客", {"李华"}, 4);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 3u);
}

// Four lines well short of the column, a quote opened on the last and closed in the next block
// (城南十二座口 / 袋公园日前全 / 部开放，居民 / 点赞“家门口 / blank / 的好去处”): one headline
// wrapped four times, its quotes closed, not the end of the story before.
TEST(Conventions, AHeadlineWrappedFourTimesItsQuoteClosedApartInABlocksDump) {
  const std::string page = test::page("blocks-dump-headline-wrapped-four-times-its-quote-closed-apart.txt");
  const PageResult r = split_page(page);
  expect_two_stories(r, "找车位不再靠碰运气。", "城南十二座口袋公园日前全部开放，居民点赞“家门口的好去处”", {"李华"}, 4);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 3u);
  // The quote may open on an earlier line of the block (“让市花开遍 / 街巷，开进更 / 多人的日子 /
  // blank / 里”).
  std::string quoted = page;
  quoted.replace(quoted.find("城南十二座口"), std::string("城南十二座口\n袋公园日前全\n部开放，居民\n点赞“家门口\n\n的好去处”").size(),
                 "“让市花开遍\n街巷，开进更\n多人的日子\n\n里”");
  const PageResult q = split_page(quoted);
  ASSERT_EQ(q.articles.size(), 2u);
  EXPECT_EQ(q.articles[1].title, "“让市花开遍街巷，开进更多人的日子里”");
  EXPECT_EQ(q.articles[0].paragraphs.size(), 3u);
}

// Headlines after their bodies in a blocks dump: a headline's first line kept in the block of
// the paragraph's last line, after its sentence's end, its end in a block of its own, and the
// next story's indented opening after it (…受到居民的欢迎。 / 城东社区办起 / blank / 老年爱心食堂 /
// blank / 　　随着…): the two lines are the headline, not the paragraph's end and a subhead.
TEST(Conventions, AHeadlineBegunInTheBlockOfAParagraphsEndInABlocksDump) {
  const std::string page = test::page("blocks-dump-headline-after-a-paragraph-end-in-its-block.txt");
  const PageResult r = split_page(page);
  EXPECT_TRUE(r.headlines_after);
  ASSERT_EQ(r.articles.size(), 3u);
  const Strings heads{"城东社区办起老年爱心食堂", "城西新区三所公办小学投用", "城南公园完成改造"};
  const Strings ends{"受到居民的欢迎。", "实验室和室内体育馆。", "市民晚上散步更安心。"};
  for (std::size_t k = 0; k < 3; ++k) {
    const Article& a = r.articles[k];
    EXPECT_EQ(a.kicker + a.title + a.subtitle, heads[k]);
    ASSERT_EQ(a.paragraphs.size(), 2u);
    EXPECT_TRUE(a.paragraphs.back().ends_with(ends[k])) << a.paragraphs.back();
    EXPECT_TRUE(a.subheads.empty());
  }
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// PyMuPDF's plain text of a photo page, no blank lines: each item's headline wraps over two
// short lines of a narrow column inside a quotation or a title (在“社区书房 / ”里读书, 老街开出
// "共享 / 菜园", 公园里的《百姓 / 故事》展): one headline, never two pieces, never text.
TEST(Conventions, HeadlinesWrappedInsideAQuoteInADumpWithoutBlankLines) {
  const PageResult r = split_file("raw-dump-quote-wrapped-headlines.txt");
  ASSERT_EQ(r.articles.size(), 5u);
  EXPECT_EQ(r.articles[0].title, "城东新区办好民生实事");
  EXPECT_EQ(r.articles[1].title, "城西新区乡村旅游火起来");
  const std::vector<std::pair<std::string, std::string>> items = {
      {"在“社区书房”里读书", "城东社区书房日前开放"}, {"老街开出“共享菜园”", "城西老街把闲置空地改成菜园"}, {"公园里的《百姓故事》展", "城南公园举办摄影展"}};
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Article& a = r.articles[k + 2];
    EXPECT_EQ(headline_of(a), items[k].first);
    ASSERT_EQ(a.paragraphs.size(), 1u) << items[k].first;
    EXPECT_TRUE(a.paragraphs[0].starts_with(items[k].second)) << a.paragraphs[0];
  }
}

// PyMuPDF's plain text of a photo page, no blank lines, the paragraphs' first lines short by
// the dropped indent: a headline that is a whole quotation (“上场后，我更专注于做好自己”)
// reaches as far as a first line, but a paragraph's first line is followed by one that fills
// the column, not by another first line. Credits after sentences outnumber paragraph openings
// here, so the cuts are cautious; the dropped indent still tells the headline.
TEST(Conventions, AWholeQuotationOverAParagraphsFirstLineIsAHeadline) {
  const PageResult r = split_file("raw-dump-quotation-headlines.txt");
  std::vector<std::string> titles;
  for (const Article& a : r.articles) titles.push_back(headline_of(a));
  EXPECT_EQ(titles, (Strings{"城东新区办好民生实事", "城西乡村旅游火起来", "城南图书馆延长开放", "老街又热闹起来",
                             "“上场后，我更专注于做好自己”", "公园里的百姓故事", "“家门口就能看好病”", "冬日里的暖心早餐",
                             "“小巷管家”上岗了", "河道变清了"}));
  ASSERT_EQ(r.articles.size(), 10u);
  const Article& a = r.articles[4];
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_TRUE(a.paragraphs[0].starts_with("日前，全市青少年霹雳舞比赛")) << a.paragraphs[0];
  EXPECT_EQ(a.authors, (Strings{"李华"}));
}

// A headline of two phrases wraps at its comma in a narrow column (摘掉不必要的牌子， /
// 扛起办实事的担子): prose that ends a line with a comma runs on to the column's end on the
// next, so two short lines, the first ending with a comma, after a piece's end, are one
// headline (PyMuPDF's plain text, no blank lines).
TEST(Conventions, AHeadlineWrappedAtItsComma) {
  const PageResult r = split_file("raw-dump-headlines-wrapped-at-a-comma.txt");
  std::vector<std::string> titles;
  for (const Article& a : r.articles) titles.push_back(headline_of(a));
  EXPECT_EQ(titles, (Strings{"摘掉不必要的牌子，扛起办实事的担子", "出新招，老字号门前排起长队", "高山小镇，赛事为何名声在外"}));
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"汤昭凡"}));
  EXPECT_EQ(r.articles[0].notes, (Strings{"（作者系市委党校教授）"}));
  EXPECT_EQ(r.articles[1].authors, (Strings{"刘洋"}));
  EXPECT_TRUE(r.articles[2].paragraphs.front().starts_with("山地骑行")) << r.articles[2].paragraphs.front();
}

// A story's authors are its reporters: the photographer of a picture set with a bylined
// story is credited, not an author; a photo item's photographer, with no byline, is one.
TEST(Conventions, APhotographerIsAnAuthorOnlyOfAPhotoItem) {
  const std::string text =
      "城南图书馆延长开放\n\n本报记者 吴敏\n\n城南图书馆从本月起延长开放时间，每天晚上开放到九点，方便上班族下班后来看书学习。\n\n"
      "本报记者 李华摄\n\n老街又热闹起来\n\n城西老街把闲置空地改成菜园，居民认领一块地种菜种花，邻里之间走动多了。\n\n本报记者 王强摄\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "城南图书馆延长开放");
  EXPECT_EQ(r.articles[0].authors, (Strings{"吴敏"}));
  EXPECT_EQ(r.articles[0].credits, (Strings{"本报记者 李华摄"}));  // credited all the same
  EXPECT_EQ(r.articles[1].title, "老街又热闹起来");
  EXPECT_EQ(r.articles[1].authors, (Strings{"王强"}));
}

// A viewer's copy made from a dump by blocks: a paragraph's first line alone in its block
// comes out as a line of its own, the rest of the paragraph on the next line with its line
// ends turned into spaces. The stretches of that next line show the column's width: a line as
// wide as them, ending no sentence, is the paragraph's first line, not a second headline part.
TEST(Conventions, AViewersCopyKeepsAParagraphsFirstLineWithItsParagraph) {
  const PageResult r = split_file("viewer-copy-first-lines-cut-off.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const std::vector<std::pair<std::string, std::string>> stories = {
      {"城东新区办好民生实事", "城东新区今年办好民生实事，新建了社区食堂十二家，"},
      {"城西乡村旅游火起来", "今年以来，城西新区大力推进乡村的振兴工作，"},
      {"城南马拉松赛举行", "城南马拉松赛日前举行，五千多名选手从体育中心出发，"}};
  for (std::size_t k = 0; k < stories.size(); ++k) {
    const Article& a = r.articles[k];
    EXPECT_EQ(headline_of(a), stories[k].first);
    ASSERT_EQ(a.paragraphs.size(), 2u) << stories[k].first;
    EXPECT_TRUE(a.paragraphs[0].starts_with(stories[k].second)) << a.paragraphs[0];
  }
}

// The same where paragraphs open indented: the copy leaves the indent out, so a paragraph's
// first line is short of the next line's stretches by two characters; a half-width comma
// (今年以来,城西…) is a comma all the same. Each story keeps its paragraphs under its headline.
TEST(Conventions, AViewersCopyKeepsAnIndentedParagraphsFirstLineWithItsParagraph) {
  const PageResult r = split_file("viewer-copy-indented-first-lines-cut-off.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const std::vector<std::pair<std::string, std::string>> stories = {
      {"城东新区办好民生实事", "在城东街道，原本狭窄的街巷拓宽了，"},
      {"城西乡村旅游火起来", "在山脚下的一个小村庄，村民们把闲置的老房子"},
      {"城南马拉松赛举行", "赛事组织方介绍，今年的比赛新增了家庭跑项目，"}};
  for (std::size_t k = 0; k < stories.size(); ++k) {
    const Article& a = r.articles[k];
    EXPECT_EQ(headline_of(a), stories[k].first);
    ASSERT_EQ(a.paragraphs.size(), 2u) << stories[k].first;
    EXPECT_TRUE(a.paragraphs[1].starts_with(stories[k].second)) << a.paragraphs[1];
  }
}

// A viewer's copy breaks a paragraph where its block ended, mid-phrase: a line under which the
// next opens on a particle (…常去的“爱心食堂” / 的饭菜…) or which ends on the dot inside a
// foreign name (…指挥家安德烈· / 里乌…) goes on into the next line. Neither is a headline
// under the story's own; a headline wrapped before a particle (监护人应承担家庭教育 / 的主体
// 责任) is one headline, not a headline and a subhead.
TEST(Conventions, AViewersCopyRunsALineOnIntoAParticleOrAName) {
  const PageResult r = split_file("viewer-copy-first-lines-that-run-on.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  const std::vector<std::pair<std::string, std::string>> stories = {
      {"城东社区办起老年食堂", "城东街道有一家老人们常去的“爱心食堂”的饭菜价格实惠，"},
      {"城西举办国际音乐节", "本届音乐节邀请了指挥家安德烈·里乌率领的乐团登台演出，"},
      {"监护人应承担家庭教育的主体责任", "父母离婚后，孩子的教育由谁负责？"}};
  for (std::size_t k = 0; k < stories.size(); ++k) {
    const Article& a = r.articles[k];
    EXPECT_EQ(a.kicker, "");
    EXPECT_EQ(headline_of(a), stories[k].first);
    EXPECT_TRUE(a.subheads.empty()) << stories[k].first;
    ASSERT_EQ(a.paragraphs.size(), 2u) << stories[k].first;
    EXPECT_TRUE(a.paragraphs[0].starts_with(stories[k].second)) << a.paragraphs[0];
  }
}

// A picture at a story's foot, its caption closed by the photographer's credit, is a caption
// (not the story's last paragraph, nor a photo item of its own) however the dump set it: the
// photo mark wrapped alone onto the last line (…记者 张锦辉 / 摄/视觉重庆); two sentences wrapped
// over five lines of a narrow column; closed by the picture's source over the credit on a line
// of its own (（本报资料图片） / 记者 张锦辉 摄/视觉重庆); or with the page's foot line (责任编辑…)
// set directly under the credit.
TEST(Conventions, ACaptionAtAStorysFootWhateverTheDumpMadeOfIt) {
  struct Case {
    const char* file;
    const char* caption_end;  // "" where the credit stands apart
    Strings credits;
    std::size_t leftovers;
  };
  const Case cases[] = {
      {"caption-with-its-photo-mark-wrapped.txt", "摄/视觉重庆", {}, 0},
      {"narrow-column-caption-of-five-lines.txt", "记者张锦辉摄", {}, 0},
      {"caption-over-its-credit-line.txt", "（本报资料图片）", {"记者 张锦辉 摄/视觉重庆"}, 0},
      {"caption-over-the-page-foot.txt", "（本报资料图片）", {"记者 张锦辉 摄/视觉重庆"}, 1},  // the foot line
  };
  for (const Case& c : cases) {
    const PageResult r = split_file(c.file);
    ASSERT_EQ(r.articles.size(), 1u) << c.file;
    const Article& a = r.articles[0];
    ASSERT_EQ(a.captions.size(), 1u) << c.file;
    EXPECT_TRUE(a.captions[0].starts_with("5月22日，市民在改造后的城南公园健步走。")) << c.file << ": " << a.captions[0];
    EXPECT_TRUE(a.captions[0].ends_with(c.caption_end)) << c.file << ": " << a.captions[0];
    EXPECT_EQ(a.credits, c.credits) << c.file;
    EXPECT_EQ(a.authors, (Strings{"李明"})) << c.file;
    EXPECT_EQ(a.paragraphs.size(), 2u) << c.file;
    EXPECT_EQ(r.leftovers.size(), c.leftovers) << c.file;
  }
}

// Where each line is a paragraph and no blank line stands between, a picture's caption that
// stands inside a sentence (…一体化的产业生 / 城北新区首批…试运行 摄/王明 / 态，做强…) takes
// nothing of the sentence it cuts: the line before is text, and the sentence is whole again.
TEST(Conventions, ACaptionInsideASentenceOfAPageWithoutBlankLines) {
  const PageResult r = split_file("one-paragraph-a-line-caption-inside-a-sentence.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.captions, (Strings{"城北新区首批自动驾驶公交车上路试运行摄/王明"}));
  ASSERT_EQ(a.paragraphs.size(), 5u);
  EXPECT_NE(a.paragraphs[2].find("一体化的产业生态，做强智能网联汽车检测产业"), std::string::npos) << a.paragraphs[2];
}

// The blank lines under a page's head are the top of the page, not the gap where a picture
// stood: the short line after them is the first headline's, not a bare caption.
TEST(Conventions, TheGapUnderAPageHeadIsNoPicture) {
  const PageResult r = split_file("page-head-over-a-gap.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_TRUE(a.captions.empty());
  EXPECT_EQ(headline_of(a), "建成公办小学三所新增学位3000个城北新区让孩子们在家门口上好学");
  EXPECT_EQ(a.authors, (Strings{"吴敏"}));
}

// A dump that joins a column's lines with a space may join a story's last line and the next
// story's dateline (…便已水到渠成。 本报讯 （新重庆-重庆日报 / 记者 周洁）…): the dateline
// opens the next story, here one whose headline is set after it.
TEST(Conventions, AStorysEndAndTheNextDatelineJoinedByASpace) {
  const PageResult r = split_file("story-end-and-dateline-joined-by-a-space.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"吴刚"}));
  EXPECT_EQ(r.articles[0].title, "");
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("便已水到渠成。")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(r.articles[1].title, "城西社区食堂开张");
  EXPECT_EQ(r.articles[1].authors, (Strings{"周洁"}));
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("城西街道首家社区食堂")) << r.articles[1].paragraphs[0];
}

// An author note run on after the last sentence (where a dump joined lines with a space or a
// viewer's copy turned line ends into spaces) may wrap onto the next line: …更多反对。 （作者为
// 中国社 / 会科学院…研究员）. The wrapped part goes with the note, not into the body, whether
// the next line is in the same block or, where each line is a paragraph, a block of its own.
TEST(Conventions, AnAuthorNoteRunOnAfterTheLastSentenceAndWrapped) {
  for (const char* file : {"author-note-run-on-and-wrapped.txt", "viewer-copy-author-note-open-at-a-lines-end.txt"}) {
    const PageResult r = split_file(file);
    ASSERT_EQ(r.articles.size(), 2u) << file;
    const Article& a = r.articles[0];
    EXPECT_EQ(a.notes, (Strings{"（作者为中国社会科学院拉丁美洲研究所研究员）"})) << file;
    ASSERT_FALSE(a.paragraphs.empty());
    EXPECT_TRUE(a.paragraphs.back().ends_with("更多反对。")) << file << ": " << a.paragraphs.back();
    EXPECT_EQ(r.articles[1].title, "抓好配速，让追赶更高效") << file;
    EXPECT_EQ(r.articles[1].notes, (Strings{"（作者单位：重庆市委党校）"})) << file;
  }
}

// An author note closes its piece, also where it runs on after the last sentence with more
// lines after it in the block (…治理共同体。 （作者单 / 位：…学院） / 摘掉不必要的牌子，扛起办实 /
// 事的担子): those lines are the next piece, here a headline with no byline under it, over a
// body parted from it by a blank line.
TEST(Conventions, AnAuthorNoteRunOnAfterTheLastSentenceClosesThePiece) {
  struct Case {
    const char* file;
    const char* note;
  };
  for (const Case c : {Case{"author-note-run-on-then-the-next-headline.txt", "（作者单位：某市职业大学马克思主义学院）"},
                       Case{"author-note-closed-on-its-line-then-the-next-headline.txt", "（作者系教授）"}}) {
    const PageResult r = split_file(c.file);
    ASSERT_EQ(r.articles.size(), 2u) << c.file;
    const Article& a = r.articles[0];
    EXPECT_EQ(a.notes, (Strings{c.note})) << c.file;
    ASSERT_FALSE(a.paragraphs.empty());
    EXPECT_TRUE(a.paragraphs.back().ends_with("社会治理共同体。")) << c.file << ": " << a.paragraphs.back();
    EXPECT_EQ(r.articles[1].title, "摘掉不必要的牌子，扛起办实事的担子") << c.file;
    ASSERT_FALSE(r.articles[1].paragraphs.empty());
    EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("基层是政策落地")) << c.file;
  }
}

// A viewer's copy sets each paragraph on a line, but a line that leaves a quote open for the
// next to close runs on into it: a quoted headline wrapped onto a second line (“让市花开遍街巷，
// 开进更多人的日子 / 里”) is one headline over its story, not the story's first paragraph.
TEST(Conventions, AViewersCopyWrapsAQuotedHeadline) {
  const PageResult r = split_file("viewer-copy-quoted-headline-wrapped.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[1];
  EXPECT_EQ(headline_of(a), "“让市花开遍街巷，开进更多人的日子里”");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_TRUE(a.paragraphs[0].starts_with("在山东青岛的冬日")) << a.paragraphs[0];
}

// A viewer's copy may join a paragraph's last line and the first line of the headline under
// it (…受到居民的欢迎。 城西新区三所公办小学 / 正式投用 / 本报记者 周洁): what follows the
// sentence's end and a space begins the headline whose end stands over the byline.
TEST(Conventions, AHeadlineBegunAfterAParagraphOnItsLine) {
  const PageResult r = split_file("headline-begun-after-a-paragraph-on-its-line.txt");
  const std::vector<std::string> titles = {"城东社区办起老年食堂", "城西新区三所公办小学正式投用", "城南公园完成改造", "城北滨江步道全线贯通"};
  ASSERT_EQ(r.articles.size(), titles.size());
  for (std::size_t k = 0; k < titles.size(); ++k) {
    EXPECT_EQ(headline_of(r.articles[k]), titles[k]);
    ASSERT_FALSE(r.articles[k].paragraphs.empty());
    EXPECT_TRUE(r.articles[k].paragraphs.back().ends_with("。")) << r.articles[k].paragraphs.back();
  }
}

// A viewer's copy joins a headline's narrow lines with spaces (一个目标两大优势三大抓手 西部科学
// 城力争 建成全市智能网联 新能源汽车产业创新高 / 地): a line of stretches with no prose mark is a
// headline however many characters its lines hold together.
TEST(Conventions, AViewersCopyJoinsAHeadlinesLinesWithSpaces) {
  const PageResult r = split_file("viewer-copy-headline-lines-joined-by-spaces.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(headline_of(r.articles[1]), "一个目标两大优势三大抓手西部科学城力争建成全市智能网联新能源汽车产业创新高地");
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("西部科学城紧扣全市")) << r.articles[1].paragraphs[0];
}

// A page has one section: where the section's own name (文化) stands by a page head at the
// foot, a short line over that head is no second section name but the headline of the story
// set last, here on a page that sets each headline after its story.
TEST(Conventions, AHeadlineOverTheFootHeadIsNoSecondSectionName) {
  const PageResult r = split_file("headlines-after-bodies-last-by-the-foot-head.txt");
  std::vector<std::string> titles;
  for (const Article& a : r.articles) titles.push_back(a.title);
  EXPECT_EQ(titles, (Strings{"城东新区民生实事办到群众心坎上", "城西乡村旅游火起来", "夜读城南"}));
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[2].head.section, "文化");
  EXPECT_TRUE(r.articles[2].paragraphs.front().starts_with("城南图书馆")) << r.articles[2].paragraphs.front();
}

// A short line under a page head beside a headline reads like a section's name printed with
// the head (影像, 区县传真); under a head that already names its section (第2版 要闻) it is
// the headline's first part.
TEST(Conventions, NoSecondSectionNameUnderAHeadThatNamesItsSection) {
  const std::string text =
      "南方日报 2026年6月3日 星期一 第2版 要闻\n\n城北新区公办小学\n\n新增学位3000个\n\n"
      "记者从城北新区教育局获悉：随着近日三所新建公办小学正式投入使用，新区今年秋季新增公办小学学位3000个，"
      "基本满足了适龄儿童就近入学的需求。\n\n本报记者 吴敏摄\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(headline_of(a), "城北新区公办小学新增学位3000个");
  EXPECT_EQ(a.head.section, "要闻");
  ASSERT_EQ(r.leftovers.size(), 1u);  // the running head
}

// So too where the dump lost the space between the page label and the section (第3版评论).
TEST(Conventions, NoSectionNameUnderAHeadWithItsSectionRunOn) {
  const std::string text =
      "光明日报 2026年12月25日星期四 第3版评论\n耐冬灼灼映山海\n图为黄海之滨，山东青岛。当凛冽的海风开始席卷城市。\n"
      "新华社记者钟才文摄\n黄海之滨，山东青岛。当凛冽的海风开始席卷城市，一种花却在寒意中悄然绽放。漫步于山间庭院，或是公\n"
      "园绿地、老房墙边，可见那浓绿得近乎墨色的叶片间，一朵朵、一簇簇红艳的耐冬，正迎着风霜傲然绽放。\n";
  const PageResult r = split_page(text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "耐冬灼灼映山海");
  EXPECT_EQ(r.articles[0].head.section, "评论");
}

// A colon introduces what follows it: the short quoted line after …当即决定： is the end of
// that paragraph, not a kicker over the next story's headline.
TEST(Conventions, ALineAfterAColonGoesOnWithItsParagraph) {
  const PageResult r = split_page(
      "老街上的耐冬花\n本报记者 陈维\n滕鲁爱花，也爱把花送人。去年冬天，社区\n想在街角种一片耐冬，却发愁买不到苗。滕\n鲁听说后，当即决定：\n"
      "“我捐一千棵苗！”\n城南新建十二座口袋公园\n本报记者 李华\n城南新建的十二座口袋公园日前全部向市民\n开放，这些公园大多建在街角和楼宇之间的\n"
      "空地上，面积不大却设施齐全。\n");
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  std::string text;
  for (const std::string& p : r.articles[0].paragraphs) text += p;
  EXPECT_TRUE(text.ends_with("当即决定：“我捐一千棵苗！”")) << text;
  EXPECT_EQ(headline_of(r.articles[1]), "城南新建十二座口袋公园");
}

// A section is named in words: a quantity beside the editor's line at the page's foot
// (云南新型储能装机突破 / 600万千瓦 / 责任编辑：…, or 云南新型储能装机 / 突破600万千瓦) is a
// headline's wrapped end, not the page's section, and no record carries it as one.
TEST(Conventions, AQuantityByTheFootsHeadIsNoSectionName) {
  for (const char* wrapped : {"云南新型储能装机突破\n600万千瓦", "云南新型储能装机\n突破600万千瓦"}) {
    const PageResult r = split_page(
        std::string("全省新型储能项目建设提速\n本报记者 李明\n今年以来，全省加快推进新型储能项目建设\n，截至目前已累计并网投产七十五个储能项\n"
                    "目，形成多元化、规模化的储能布局。\n省能源局有关负责人介绍，新型储能在保障\n电力供应、促进新能源消纳方面发挥了重要\n"
                    "作用，下一步将继续完善相关支持政策。\n") +
        wrapped + "\n责任编辑：莫新凝\n");
    ASSERT_EQ(r.articles.size(), 1u) << wrapped;
    EXPECT_EQ(r.articles[0].head.section, "") << wrapped;
    for (const auto& l : r.leftovers) {
      EXPECT_NE(l.kind, "section name") << l.text;
    }
  }
}

// A row of headlines over a row of bodies, read headline row first: the first headline is
// the neighbour's (the story after, without one), not a kicker over the body beside it.
TEST(Conventions, AHeadlineRowOverBodiesGivesEachBodyItsOwn) {
  const PageResult r = split_file("headline-row-over-bodies.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].kicker, "");
  EXPECT_EQ(r.articles[0].title, "海南完成首次林草种质资源普查");
  EXPECT_EQ(r.articles[0].dateline, "本报海口3月23日电");
  EXPECT_EQ(r.articles[1].title, "广东新建三座跨江大桥");
  EXPECT_TRUE(r.articles[1].paragraphs.front().starts_with("广东省交通运输厅")) << r.articles[1].paragraphs.front();
  EXPECT_EQ(r.articles[1].authors, (Strings{"钟春"}));
}

// A headline set in a narrow column wraps over three lines as wide as the body's; between the
// sentence that ends the story before and the byline of its own, the three are one part.
TEST(Conventions, AHeadlineWrappedOverThreeLinesBeforeItsByline) {
  const PageResult r = split_file("raw-dump-headline-wrapped-over-three-lines.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("独立睡眠室。")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(headline_of(r.articles[1]), "系统迭代“三个空间”高水平建设现代化人民城市渝中范例");
  EXPECT_EQ(r.articles[1].authors, (Strings{"黄茂军"}));
}

// Where blank lines do not end paragraphs, a short line that ends no sentence under a column
// cut mid-sentence is a headline; with the line above it where the headline wrapped.
TEST(Conventions, AHeadlineOfTwoLinesAfterAColumnCutMidSentence) {
  const PageResult r = split_file("raw-dump-two-line-headline-after-a-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "北京推进中试平台建设");
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("建设一")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(headline_of(r.articles[1]), "美方有关控制和吞并格陵兰岛的言论“完全不可接受”");
  EXPECT_TRUE(r.articles[1].paragraphs.front().starts_with("丹麦自治领地")) << r.articles[1].paragraphs.front();
}

// A paragraph's lines fill the column until the last, which ends a sentence: two lines well
// short of the column, under a full line cut mid-sentence and over a dateline, are the next
// story's headline (numbers in it, which set narrower than they count, change nothing).
TEST(Conventions, AHeadlineUnderAColumnCutMidSentenceOverItsDateline) {
  const PageResult r = split_file("raw-dump-headline-under-a-column-cut-mid-sentence.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("广场上")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(r.articles[1].title, "这所小学3年培养出20名冠军");
  EXPECT_EQ(r.articles[1].authors, Strings{"李华"});
  EXPECT_TRUE(r.articles[1].paragraphs.front().starts_with("这所小学的乒乓球队")) << r.articles[1].paragraphs.front();
}

// A headline set in a larger face wraps at fewer characters than the column's text: a block of
// three or four lines, each well short of the column, wrapped as one part, is a headline with
// no byline or dateline under it too (at the page's top, after a credit).
TEST(Conventions, AHeadlineNarrowerThanItsColumnOverThreeLines) {
  const PageResult r = split_file("raw-dump-headlines-narrower-than-the-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(headline_of(r.articles[0]), "广西连续五年苗木总产量超11亿株");
  EXPECT_TRUE(r.articles[0].paragraphs.front().starts_with("记者从广西")) << r.articles[0].paragraphs.front();
  EXPECT_EQ(r.articles[0].authors, (Strings{"佘振芳"}));
  EXPECT_EQ(headline_of(r.articles[1]), "柬埔寨再次提议举行柬泰联合边界委员会特别会议");
  EXPECT_TRUE(r.articles[1].paragraphs.front().starts_with("柬埔寨边境事务")) << r.articles[1].paragraphs.front();
}

// A kicker's line over a title wrapped four times in a box narrower than the column: two
// headline parts over the story, not its first paragraph.
TEST(Conventions, AKickerOverATitleWrappedShortOfItsColumn) {
  const PageResult r = split_file("kicker-over-a-title-wrapped-short-of-its-column.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.kicker, "一个目标两大优势三大抓手");
  EXPECT_EQ(b.title, "西部科学城力争建成全市智能网联新能源汽车产业创新高地");
  ASSERT_FALSE(b.paragraphs.empty());
  EXPECT_TRUE(b.paragraphs[0].starts_with("西部科学城紧扣全市")) << b.paragraphs[0];
  EXPECT_EQ(b.authors, Strings{"王静"});
}

// A viewer's copy turns a block's line ends into spaces: a line of three stretches as wide as
// the column's text, after a picture's gap, is a paragraph the picture cut (neither a bare
// caption nor a headline); three short stretches with a comma stay a headline.
TEST(Conventions, AViewersCopyParagraphCutByAPictureIsText) {
  const PageResult r = split_file("viewer-copy-paragraph-cut-by-a-picture.txt");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "也门南方局势持续升级");
  EXPECT_TRUE(r.articles[0].captions.empty());
  EXPECT_EQ(r.articles[1].title, "柬埔寨再次提议，举行柬泰联合边界委员会特别会议");
  ASSERT_EQ(r.articles[1].paragraphs.size(), 1u);
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("柬埔寨边境事务国务秘书处5日")) << r.articles[1].paragraphs[0];
  EXPECT_TRUE(r.articles[1].paragraphs[0].ends_with("解决边界有关问题。")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(r.articles[1].authors, (Strings{"孔力强"}));
  EXPECT_EQ(r.articles[2].title, "“上场后，我更专注于做好自己”");
}

// A campaign's banner over the page (深入学习贯彻…精神) heads no story: where no blank line
// parts it from the first story's headline under it, it is still furniture, not a kicker.
TEST(Conventions, ACampaignBannerOverTheFirstHeadlineIsFurniture) {
  const PageResult r = split_file("raw-dump-campaign-banner-over-the-first-headline.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].kicker, "");
  EXPECT_EQ(r.articles[0].title, "一场学术争鸣缘何成为一堂全民历史课");
  EXPECT_EQ(r.articles[0].authors, (Strings{"叶建磊"}));
  bool banner = false;
  for (const newsplit::Leftover& l : r.leftovers) banner = banner || l.text == "深入学习贯彻党的二十届四中全会精神";
  EXPECT_TRUE(banner);
}

// A headline and the byline under it, set apart from their body (an opinion piece with a
// byline of its own between): the byline goes with the headline to the body its words match.
TEST(Conventions, AHeadlinesBylineGoesWithItToItsBody) {
  const PageResult r = split_file("headline-and-byline-apart-from-their-body.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].authors, (Strings{"廖玉康"}));
  EXPECT_EQ(r.articles[1].title, "城西托育服务嵌入社区生活圈");
  EXPECT_EQ(r.articles[1].byline, "新重庆-重庆日报记者 汪蓉安");
  EXPECT_EQ(r.articles[1].authors, (Strings{"汪蓉安"}));
  for (const newsplit::Leftover& l : r.leftovers) EXPECT_NE(l.kind, "byline") << l.text;
}

// A preposition, a conjunction or 的 ends no phrase (…离岸较远的 / blank / 海域，…): a
// paragraph's first line standing alone before a blank line and a line that fills the column
// stops mid-phrase, and is no subhead however short.
TEST(Conventions, ALineCutAfterAPrepositionIsNoSubhead) {
  const PageResult r = split_file("blocks-dump-paragraph-opening-cut-after-a-preposition.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "江苏沿海风电装机再创新高");
  EXPECT_TRUE(r.articles[0].subheads.empty());
  ASSERT_EQ(r.articles[0].paragraphs.size(), 3u);
  EXPECT_TRUE(r.articles[0].paragraphs[1].starts_with("新投运的项目大多建在离岸较远的海域，")) << r.articles[0].paragraphs[1];
  EXPECT_TRUE(r.articles[0].paragraphs[2].starts_with("业内人士认为，海上风电的发展对沿海地区")) << r.articles[0].paragraphs[2];
}

// In a viewer's copy too: a picture's gap cuts a paragraph after 在 (世界经济在 / blank / 今明两年
// …): the line is the paragraph's start, not a subhead.
TEST(Conventions, AViewersCopyLineCutAfterAPrepositionIsNoSubhead) {
  const PageResult r = split_file("viewer-copy-paragraph-cut-after-a-preposition.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.articles[0].subheads.empty());
  ASSERT_EQ(r.articles[0].paragraphs.size(), 4u);
  EXPECT_TRUE(r.articles[0].paragraphs[2].starts_with("世行报告认为，世界经济在今明两年将保持温和增长")) << r.articles[0].paragraphs[2];
}

// A headline part of four characters has three pairs of them, and one of those (转变) turns
// up in many a story: found once in another story's opening it says nothing of whose the part
// is, and the part stays with the headline it is set under.
TEST(Conventions, AHeadlinePartEndingInACommonWordStaysWithItsHeadline) {
  const PageResult r = split_file("raw-dump-headline-ending-in-a-common-word.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(headline_of(r.articles[1]), "做好新时代“枫桥经验”县域实践的四个转变");
  for (const newsplit::Leftover& l : r.leftovers) EXPECT_NE(l.text, "四个转变");
}

// A headline wrapped after a conjunction (…加装电梯和 / 外墙保温改造), with a blank line at the
// wrap where a dump gives each line a block of its own: the rest is the same headline, not one
// waiting for another story.
TEST(Conventions, AHeadlineWrappedAfterAConjunctionAcrossABlankLineIsOneHeadline) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-after-a-conjunction.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(headline_of(r.articles[0]), "全市推进老旧小区加装电梯和外墙保温改造");
  for (const newsplit::Leftover& l : r.leftovers) EXPECT_NE(l.text, "外墙保温改造");
  EXPECT_EQ(r.articles[1].title, "春季植树活动在各区启动");
}

// A caption runs on to its photographer's credit (图为…练习传球 / 和射门。本报 / 记者吴彬元摄)
// where no blank line sets it off: the line between is the caption's, not the story's first
// paragraph, and the story goes on whole after the credit.
TEST(Conventions, ACaptionRunsOnToItsCredit) {
  const PageResult r = split_file("raw-dump-caption-running-on-to-its-credit.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "青训要抓好配速");
  EXPECT_EQ(r.articles[1].authors, (Strings{"钟春"}));
  EXPECT_EQ(r.articles[1].captions, (Strings{"图为少年球员在训练场上练习传球和射门。本报记者吴彬元摄"}));
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs.front().starts_with("青训工作在进步")) << r.articles[1].paragraphs.front();
}

// A caption set wider than the column, its last line ending its sentence right over the
// photographer's credit (图为…机器狗、可 / 助患者…作品亮相。 / 新华社记者 张舒摄): that line is
// the caption's (the line's own sentence end is no end of a piece between it and the credit),
// and the story under the picture keeps its headline.
TEST(Conventions, ACaptionEndsItsSentenceRightOverItsCredit) {
  const PageResult r = split_file("raw-dump-caption-ends-its-sentence-over-its-credit.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 1u);
  EXPECT_TRUE(r.articles[0].captions.empty());
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "智能机器狗走进康复中心");
  EXPECT_EQ(b.captions, Strings{"图为能跑能跳还会卖萌的智能机器狗、可助患者训练肌肉的机器人等作品亮相。"});
  EXPECT_EQ(b.authors, Strings{"夏元"});
  ASSERT_EQ(b.paragraphs.size(), 1u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("日前，第四届工业设计大赛")) << b.paragraphs[0];
}

// A caption set wider than the body's column, cut by the dump after a number (…来自12 /
// 个省份的…): a number runs on into its measure word, so the caption goes on to its credit,
// and its middle line, wider than the column, is no headline.
TEST(Conventions, ACaptionWrappedAfterANumberRunsOn) {
  const PageResult r = split_file("raw-dump-caption-wrapped-after-a-number.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "城区马拉松赛开跑");
  EXPECT_EQ(b.captions, Strings{"图为城区马拉松赛日前开跑，来自12个省份的3000多名选手从体育中心出发，沿江而行。新华社记者陈立群摄"});
  ASSERT_EQ(b.paragraphs.size(), 1u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("城区马拉松赛日前开跑，")) << b.paragraphs[0];
}

// A caption set wider than the column runs on to the line that ends its last sentence and
// gives its credit (…腰旗橄榄 / 球。新华社记者秦德馨摄): its middle line is no headline.
TEST(Conventions, ACaptionRunsOnToTheLineThatEndsItWithACredit) {
  const PageResult r = split_file("raw-dump-caption-closed-by-a-credit-after-its-sentence.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "一起来玩腰旗橄榄球");
  EXPECT_EQ(b.captions, Strings{"图为福建省福州市第二届幼儿橄榄球公开赛日前举行，比赛采用安全友好的非冲撞形式——腰旗橄榄球。新华社记者秦德馨摄"});
  EXPECT_EQ(b.authors, Strings{"谢贵明"});
}

// The line that ends a caption's last sentence and gives its credit is the caption's also where
// the photo mark wraps alone onto the next line (…读书看报。 新华社记者 王静 / 摄), and where no
// word runs on into that line from the one before.
TEST(Conventions, ACaptionRunsOnToItsCreditWhoseMarkWrapped) {
  const PageResult r = split_file("raw-dump-caption-credit-mark-wrapped-after-its-sentence.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "城西农家书屋重新开放");
  EXPECT_EQ(b.captions, Strings{"图为城西镇新开的农家书屋“书香”飘进田间地头，村民们在书屋里借阅图书、读书看报。新华社记者王静摄"});
  EXPECT_EQ(b.authors, Strings{"李华"});  // the photographer of a bylined story's picture is credited, not an author
  ASSERT_EQ(b.paragraphs.size(), 1u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("城西镇的农家书屋日前重新开放，")) << b.paragraphs[0];
}

// A story's own credit names its reporter (张云河 at its end): the photographer of its picture
// (陈维摄) is credited, not an author. A photo item with no other credit keeps its photographer
// as its author (Conventions.PhotoItems).
TEST(Conventions, APicturesPhotographerIsNoAuthorOfAStoryWithItsOwnCredit) {
  const PageResult r = split_file("picture-in-a-story-with-its-own-credit.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "城西农家书屋重新开放");
  EXPECT_EQ(a.captions, Strings{"图为村民们在新开的农家书屋里借阅图书。"});
  EXPECT_EQ(a.credits, (Strings{"陈维摄", "张云河"}));
  EXPECT_EQ(a.authors, Strings{"张云河"});
  EXPECT_EQ(r.articles[1].authors, Strings{"王明"});
}

// A photographer's credit ends the caption over it also where no blank line or column shape
// parts them from the story set on under the picture: the story's text is no caption.
TEST(Conventions, ACaptionEndsAtItsCreditWhereTheStoryGoesOnUnderIt) {
  const PageResult r = split_file("raw-dump-caption-and-credit-over-a-story.txt");
  std::vector<std::string> captions, paragraphs;
  for (const Article& a : r.articles) {
    captions.insert(captions.end(), a.captions.begin(), a.captions.end());
    paragraphs.insert(paragraphs.end(), a.paragraphs.begin(), a.paragraphs.end());
  }
  EXPECT_EQ(captions, Strings{"图为村民们在新开的农家书屋里借阅图书。"});
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_TRUE(std::any_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) { return p.starts_with("城西镇的农家书屋日前重新开放，"); }));
}

// The same where the dump left out the space between the title and the name (…读书看报。新华
// 社记者王静 / 摄). A picture set so between the byline and the story is no photo report: the
// story's short first paragraph and the subhead after it (书屋成了村民的好去处) stay one story's.
TEST(Conventions, APictureWithAGluedCreditOverAStory) {
  const PageResult r = split_file("raw-dump-picture-with-a-glued-credit-over-a-story.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "城西农家书屋重新开放");
  EXPECT_EQ(b.authors, Strings{"李华"});
  EXPECT_EQ(b.captions, Strings{"图为城西镇新开的农家书屋“书香”飘进田间地头，村民们在书屋里借阅图书、读书看报。新华社记者王静摄"});
  EXPECT_EQ(b.subheads, Strings{"书屋成了村民的好去处"});
  ASSERT_EQ(b.paragraphs.size(), 3u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("城西镇的农家书屋日前重新开放，")) << b.paragraphs[0];
  EXPECT_TRUE(b.paragraphs[2].ends_with("让书香飘满乡村。")) << b.paragraphs[2];
}

// A photographer's name wrapped with the mark under a caption (…新华社记者 王 / 静摄) ends the
// caption's credit: no headline part of two characters, and the story's headline stays whole.
TEST(Conventions, ACaptionsCreditNameWrappedWithItsMark) {
  const PageResult r = split_file("raw-dump-caption-credit-name-wrapped-with-its-mark.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& b = r.articles[1];
  EXPECT_EQ(headline_of(b), "城南口袋公园向市民开放");
  EXPECT_EQ(b.captions, Strings{"图为市民在新建的口袋公园里散步。新华社记者王静摄"});
  EXPECT_EQ(b.authors, Strings{"李华"});
}

// A number and its measure word are one phrase: a headline wrapped between them (…中小学校12 /
// 所年内全部开工), with a blank line at the wrap, is one headline.
TEST(Conventions, AHeadlineWrappedAfterANumberIsOneHeadline) {
  const PageResult r = split_file("blocks-dump-headline-wrapped-after-a-number.txt");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(headline_of(r.articles[0]), "本市今年新建中小学校12所年内全部开工");
}

// A row of two headlines over two stories that the dump runs on as one text: both headlines'
// words are in that text, but the second's only from the paragraph on where the second story
// starts (its conclusion sums it up); that paragraph follows a sentence's end and does not go
// on with the story before it. The second headline heads that later story, also where it
// wrapped onto two lines.
TEST(Conventions, ARowsHeadlineWhoseWordsComeOnlyInALaterStoryHeadsThatStory) {
  const std::string page = test::page("headline-row-over-two-stories-run-on.txt");
  std::string wrapped = page;
  const std::string title = "让老手艺在新时代焕发光彩";
  wrapped.replace(wrapped.find(title), title.size(), "让老手艺\n在新时代焕发光彩");
  for (const std::string& text : {page, wrapped}) {
    const PageResult r = split_page(text);
    ASSERT_EQ(r.articles.size(), 2u) << text;
    EXPECT_EQ(r.articles[0].kicker + r.articles[0].title + r.articles[0].subtitle, "新建体育公园向市民开放");
    EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
    EXPECT_EQ(r.articles[1].kicker + r.articles[1].title + r.articles[1].subtitle, title);
    ASSERT_EQ(r.articles[1].paragraphs.size(), 3u);
    EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("走进城西的非遗工坊")) << r.articles[1].paragraphs[0];
    EXPECT_EQ(test::lost_characters(text, r), "");
  }
}

// The later story's headline may have two parts set apart (a title and its subtitle), both
// found only in that story, and a picture may stand between the two stories: the title and the
// subtitle wait together, and the story starts after the picture.
TEST(Conventions, ARowsTwoPartHeadlineHeadsTheLaterStoryPastAPicture) {
  const std::string page = test::page("headline-row-over-two-stories-a-picture-between.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "新建体育公园向市民开放");
  EXPECT_EQ(r.articles[0].subtitle, "");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "让老手艺走进今天的生活");
  EXPECT_EQ(r.articles[1].subtitle, "非遗工坊办起培训班");
  ASSERT_EQ(r.articles[1].paragraphs.size(), 3u);
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("走进城西的非遗工坊")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// The same row shape over one story: a second headline part whose words come only in a later
// paragraph that goes on with the story (the same park, the same paths) is that story's
// subtitle, and the story stays whole.
TEST(Conventions, AHeadlinesSecondPartSaidLaterInItsStoryStaysWithIt) {
  const std::string page = test::page("headline-over-one-story-its-second-part-said-later.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "新建体育公园向市民开放");
  EXPECT_EQ(r.articles[0].subtitle, "健身步道旁种满花木");
  EXPECT_EQ(r.articles[0].paragraphs.size(), 3u);
}

// A dump without blank lines may break a sentence after a clause mark and set its rest on a
// short line of headline shape (近日， / “社区食堂”又添新 / 去处，…). That rest is the story's
// text, and the story's body runs on over it: the headline's parts are judged by the words of
// the whole opening, so the kicker stays a kicker over its two-line title.
TEST(Conventions, AHeadlinesBodyRunsOverTheRestOfASentenceTheDumpBroke) {
  const std::string page = test::page("raw-dump-headline-over-a-sentence-the-dump-broke.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].kicker, "“社区食堂”又添新去处");
  EXPECT_EQ(r.articles[1].title, "老城区新开十二家长者助餐点");
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("近日，“社区食堂”又添新去处，老城区")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A dump by blocks may set a headline's first line in the block of the paragraph before it,
// right under the paragraph's last line, and the headline's rest in the next block
// (…家长们也很满意。 / 老城区新开十二家 / blank / 长者助餐点): a line after a sentence's end that
// stops well short of the column and ends nothing opens no paragraph. It heads the next story.
TEST(Conventions, ABlocksDumpSetsAHeadlinesFirstLineUnderAParagraphsEnd) {
  const std::string page = test::page("blocks-dump-headline-under-a-paragraphs-end.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "山区学校迎来新球场");
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  EXPECT_TRUE(r.articles[0].paragraphs.back().ends_with("家长们也很满意。")) << r.articles[0].paragraphs.back();
  EXPECT_EQ(r.articles[1].kicker + r.articles[1].title + r.articles[1].subtitle, "老城区新开十二家长者助餐点");
  ASSERT_FALSE(r.articles[1].paragraphs.empty());
  EXPECT_TRUE(r.articles[1].paragraphs[0].starts_with("近日，老城区")) << r.articles[1].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A headline may stand over a picture set at the top of its story, as wide as the column and
// under the last line of the story before: a line after a sentence's end that ends none, right
// over a caption, where the text after the picture and its credit opens a paragraph (indented),
// is a piece of its own: the next story's headline. Where the text after the picture does not
// open a paragraph, the line's sentence goes on there, and it is the story's text.
TEST(Conventions, AHeadlineOverAPictureOverItsStory) {
  const std::string page = test::page("headline-over-a-picture-over-its-story.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "长江南岸十二公里滨江步道贯通");
  EXPECT_EQ(r.articles[1].captions.size(), 1u);
  EXPECT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_EQ(test::lost_characters(page, r), "");

  std::string goes_on = page;
  const std::string indented = "  沿着长江南岸";
  goes_on.replace(goes_on.find(indented), indented.size(), "沿着长江南岸");
  const PageResult one = split_page(goes_on);
  ASSERT_EQ(one.articles.size(), 1u);
  EXPECT_EQ(one.articles[0].title, "城南老街夜市重新开张");
}

// A viewer's copy of a narrow column may run a headline on after a paragraph (or after the
// author's note that closes it) and set the headline's second line, more than a word, on a
// line of its own (…推动外贸质升量稳。 老街书店每周六晚上 / 办起读书夜市): the run-on end, one
// line of the headline with no space in it, and that short line with no mark and no name are
// the next story's headline; the note stays a note.
TEST(Conventions, AViewersCopyRunsAHeadlineOnAndSetsItsSecondLineApart) {
  const std::string page = test::page("viewer-copy-headline-run-on-its-second-line-apart.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 3u);
  ASSERT_EQ(r.articles[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[0].paragraphs[1].ends_with("推动外贸质升量稳。")) << r.articles[0].paragraphs[1];
  EXPECT_EQ(r.articles[1].title, "老街书店每周六晚上办起读书夜市");
  ASSERT_EQ(r.articles[1].paragraphs.size(), 2u);
  EXPECT_TRUE(r.articles[1].paragraphs[1].ends_with("面对面交流。")) << r.articles[1].paragraphs[1];
  EXPECT_EQ(r.articles[1].notes, (std::vector<std::string>{"（作者单位：市社会科学院）"}));
  EXPECT_EQ(r.articles[2].title, "滨江步道全线贯通市民骑行看江景");
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// A dump without blank lines may cut a caption into lines so that its first sentence ends on
// a line of its own and its last words and the photographer's credit follow, the photo mark
// wrapped alone (图为近日， / … / 菜热乎又实惠。 / “饭菜。新华社记者王明 / 摄): the caption runs on
// to its credit, and the story under it keeps its headline.
TEST(Conventions, ACaptionCutIntoLinesRunsOnToItsCredit) {
  const std::string page = test::page("raw-dump-caption-cut-with-its-credit.txt");
  const PageResult r = split_page(page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "老城区新开十二家长者助餐点");
  ASSERT_EQ(r.articles[0].captions.size(), 1u);
  EXPECT_TRUE(r.articles[0].captions[0].starts_with("图为近日，“长者食堂”里")) << r.articles[0].captions[0];
  EXPECT_TRUE(r.articles[0].captions[0].ends_with("新华社记者王明摄")) << r.articles[0].captions[0];
  ASSERT_FALSE(r.articles[0].paragraphs.empty());
  EXPECT_TRUE(r.articles[0].paragraphs[0].starts_with("近日，老城区")) << r.articles[0].paragraphs[0];
  EXPECT_EQ(test::lost_characters(page, r), "");
}
