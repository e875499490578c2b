#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

#include "newsplit/clean.hpp"
#include "newsplit/layout.hpp"
#include "newsplit/reflow.hpp"
#include "newsplit/split.hpp"
#include "newsplit/unicode.hpp"

using newsplit::clean;
using newsplit::CleanOptions;

// --- Cleaning ------------------------------------------------------------------------------

TEST(Clean, SpacesBetweenChineseGo) {
  EXPECT_EQ(clean("渝州路街道 白马凼社区"), "渝州路街道白马凼社区");
  EXPECT_EQ(clean("融媒体中 心"), "融媒体中心");
  EXPECT_EQ(clean("应 用 全 覆 盖 ，为 城 市"), "应用全覆盖，为城市");
  EXPECT_EQ(clean("   首行缩进的段落"), "首行缩进的段落");
  EXPECT_EQ(clean("中\u3000文"), "中文");  // ideographic space
}

TEST(Clean, JustifiedSpacingSpreadsDigitsAndLettersToo) {
  // A justified column spreads every character, digits and letters with the Han: the spaces
  // go, and the number is read whole (its dot is no full stop).
  EXPECT_EQ(clean("在 2 0 2 5 年 1 2 月 举 行"), "在2025年12月举行");
  EXPECT_EQ(clean("品 牌 价 值 4 1 . 1 2 亿 元 的"), "品牌价值41.12亿元的");
  EXPECT_EQ(clean("爆 发 X 1 . 9 级 耀 斑"), "爆发X1.9级耀斑");
  // A justified line's last character runs on into the next line's first with no space.
  EXPECT_EQ(clean("活 动 区 1 4 3 4" "1 爆 发"), "活动区14341爆发");
  // Word spaces part words of more than one character: they stay.
  EXPECT_EQ(clean("Plan B is ready"), "Plan B is ready");
  EXPECT_EQ(clean("iPhone 15 Pro 发布"), "iPhone 15 Pro发布");
  EXPECT_EQ(clean("出席G 20峰会"), "出席G 20峰会");
  // Between spread characters, a code is spread too.
  EXPECT_EQ(clean("第 1 版 G 20 峰 会"), "第1版G20峰会");
}

TEST(Clean, SpacesBetweenLatinWordsAndNumbersStay) {
  EXPECT_EQ(clean("Smart City  Expo 2024"), "Smart City Expo 2024");
  EXPECT_EQ(clean("率已达 72%，但"), "率已达72%，但");  // next to Chinese it goes
}

TEST(Clean, HalfWidthPunctuationInChineseContext) {
  EXPECT_EQ(clean("以家为圆心,在步行范围内;设施完善:吃饭?休闲!"), "以家为圆心，在步行范围内；设施完善：吃饭？休闲！");
  EXPECT_EQ(clean("西部(重庆)科学城"), "西部（重庆）科学城");
  EXPECT_EQ(clean("智能柜员机(ITM),让"), "智能柜员机（ITM），让");
  EXPECT_EQ(clean("建设完成."), "建设完成。");
  // A mark that ends a Chinese text after a number (where the dump broke the paragraph after
  // it) is Chinese, on the fast path and the general one alike; one of a text with no Han
  // character, or inside a number, keeps its form.
  EXPECT_EQ(clean("养老服务站1044个，占比52.9%;"), "养老服务站1044个，占比52.9%；");
  EXPECT_EQ(clean("(综合)占比52.9%;"), "（综合）占比52.9%；");
  EXPECT_EQ(clean("增长12,"), "增长12，");
  EXPECT_EQ(clean("Version 2;"), "Version 2;");
  EXPECT_EQ(clean("共1,000人"), "共1,000人");
}

TEST(Clean, NumbersLatinWordsAndCodesKeepTheirMarks) {
  EXPECT_EQ(clean("提升至2.6%,综合"), "提升至2.6%，综合");
  EXPECT_EQ(clean("C-V2X车联网"), "C-V2X车联网");
  EXPECT_EQ(clean("1.05亿元"), "1.05亿元");
  EXPECT_EQ(clean("共1,000人"), "共1,000人");
  EXPECT_EQ(clean("时间为10:30至12:00"), "时间为10:30至12:00");
  EXPECT_EQ(clean("Hello, world (test)."), "Hello, world (test).");
  EXPECT_EQ(clean("访问www.cq.gov.cn查询"), "访问www.cq.gov.cn查询");
  EXPECT_EQ(clean("1.规划先行"), "1.规划先行");
  // A list's number opening the text keeps its dot, a space after it or not; a number that
  // ends a sentence does not.
  EXPECT_EQ(clean("1. 服务前移"), "1.服务前移");
  EXPECT_EQ(clean("12. 加强组织领导。"), "12.加强组织领导。");
  EXPECT_EQ(clean("经济增长了5. 下一步要抓好落实。"), "经济增长了5。下一步要抓好落实。");
}

TEST(Clean, StraightQuotesPairUp) {
  EXPECT_EQ(clean("所谓\"小修小补\"便民摊点和\"国球进社区\""), "所谓“小修小补”便民摊点和“国球进社区”");
  EXPECT_EQ(clean("他说:\"好.\""), "他说：“好。”");
  EXPECT_EQ(clean("\"English only\" here"), "\"English only\" here");
}

TEST(Clean, AParagraphCutInAQuotationOpensWithItsCloser) {
  // A column's break or a caption cut the quotation: the first quote closes it, and the pairs
  // after it are read from there (an opener never stands before a comma or a full stop).
  EXPECT_EQ(clean("\"他回忆。这场\"及时雨\",来自邮储银行的上门服务,发放了\"极速贷\"。"),
            "”他回忆。这场“及时雨”，来自邮储银行的上门服务，发放了“极速贷”。");
  EXPECT_EQ(clean("\"他回忆。这场\"及时雨\",来自邮储银行"), "”他回忆。这场“及时雨”，来自邮储银行");
  EXPECT_EQ(clean("好。\""), "好。”");
  // A paragraph that opens a quotation reads as before.
  EXPECT_EQ(clean("\"父母离婚\"的困境如何破解?"), "“父母离婚”的困境如何破解？");
  EXPECT_EQ(clean("他说:\"我们一起走"), "他说：“我们一起走");
}

TEST(Clean, DotsAfterChineseBecomeAnEllipsis) {
  EXPECT_EQ(clean("等等..."), "等等……");
  EXPECT_EQ(clean("等等......"), "等等……");
  EXPECT_EQ(clean("等等........."), "等等…………");  // never shorter than the dots typed
}

TEST(Clean, RawPunctOnlyRespaces) {
  CleanOptions raw;
  raw.punctuation = false;
  EXPECT_EQ(clean("重庆 , 四川(成都)", raw), "重庆,四川(成都)");
}

TEST(Clean, WordsAreNeverChanged) {
  // Cleaning is layout, spacing and punctuation width only: an OCR slip stays.
  EXPECT_EQ(clean("诵讯员 王芳"), "诵讯员王芳");
}

TEST(Clean, ARunOfMarksIsReadAsAWhole) {
  // The context of a mark is the nearest character cleaning never changes.
  EXPECT_EQ(clean("a,,社"), "a，，社");
  EXPECT_EQ(clean("\"(((正文"), "“（（（正文");
  EXPECT_EQ(clean("x.,社"), "x.，社");  // a stop needs Chinese right before it
}

TEST(Clean, IsIdempotent) {
  for (std::string s : {"以家为圆心,\"小修小补\"便民.", "应 用 全 覆 盖 ，为", "C-V2X (test) 2.6%,完成...", "A B  C",
                        "“““\"(((正文“引号（括号", "a,,社", "1,2,社"}) {
    const std::string once = clean(s);
    EXPECT_EQ(clean(once), once) << s;
  }
}

TEST(Clean, FastPathsAgreeWithTheGeneralPathAndCleaningTwiceIsCleaningOnce) {
  // Random text from the characters cleaning cares about: Han, Chinese and Latin marks,
  // every kind of space, digits, letters, brackets and quotes.
  const std::vector<std::string> alphabet = {"·", "é", "\uFEFF", "\u202F", "社", "区", "，", "。", "“", "”", "（", "）", "、", "a", "Z", "1", "9", "%",
                                             ",", ".", "?", "!", ";", ":", " ", "  ", "\t", "\u3000", "\u00a0",
                                             "\u2002", "(", ")", "\"", "…", "—", "■"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    // Up to 24 pieces, or 90 in every fourth round: long enough to span the sixteen- and
    // thirty-two-byte blocks of the fast paths.
    const int len = 1 + static_cast<int>(rng() % (round % 4 == 1 ? 90 : 24));
    // Most rounds leave out brackets and quotes, so that the one-pass path is exercised.
    const std::size_t span = round % 3 == 0 ? alphabet.size() : alphabet.size() - 4;
    for (int k = 0; k < len; ++k) s += alphabet[rng() % span];
    for (bool punct : {true, false}) {
      CleanOptions o;
      o.punctuation = punct;
      std::string general;
      newsplit::detail::clean_general(s, general, o);
      ASSERT_EQ(clean(s, o), general) << "input: [" << s << "] punctuation " << punct;
      ASSERT_EQ(clean(general, o), general) << "not idempotent: [" << s << "] punctuation " << punct;
    }
  }
}

// --- Paragraphs ----------------------------------------------------------------------------

namespace {

newsplit::FlowBlock block(std::initializer_list<std::string_view> lines, bool subhead = false) {
  newsplit::FlowBlock b;
  std::uint64_t n = 1;
  for (auto t : lines) b.lines.push_back({t, newsplit::measure(t).width, n++});
  b.subhead = subhead;
  return b;
}

std::vector<std::string> paragraphs(const std::vector<newsplit::FlowBlock>& blocks) {
  std::vector<std::string> out;
  for (auto& p : newsplit::reflow(blocks).paragraphs) out.push_back(p.raw);
  return out;
}

}  // namespace

// --- Look-alike characters ---------------------------------------------------------------

namespace {
std::string folded(std::string_view s) {
  std::string out = "(unchanged)";
  newsplit::fold_lookalikes(s, out);
  return out;
}
}  // namespace

TEST(Lookalikes, RadicalsAreTheIdeographTheyShow) {
  EXPECT_EQ(folded("⼈⺠⽇报"), "人民日报");              // Kangxi radicals U+2F08, U+2EA0, U+2F47
  EXPECT_EQ(folded("共⻘团⻓江⻩河"), "共青团长江黄河");  // CJK radicals supplement, no NFKC mapping
  EXPECT_EQ(folded("■钟才⽂"), "■钟才文");
  EXPECT_EQ(folded("形式⸺腰旗"), "形式——腰旗");         // the two-em dash drawn as one glyph
  EXPECT_EQ(folded("\uF900"), "\u8C48");                 // a compatibility ideograph: its canonical one
}

TEST(Lookalikes, TheDoorRadicalIsTheDoorOfThePagesScript) {
  // A simplified font draws 户 and ⼾ alike; a traditional one 戶.
  EXPECT_EQ(folded("这个农⼾说，客⼾来了"), "这个农户说，客户来了");
  EXPECT_EQ(folded("⽤⼾"), "用户");  // too short to tell: simplified, as most papers are
  EXPECT_EQ(folded("這個農⼾說，客⼾來了"), "這個農戶說，客戶來了");
}

TEST(Lookalikes, EverythingElseIsLeftAlone) {
  // Full-width punctuation is what NFKC would fold, and must stay.
  EXPECT_EQ(folded("人民日报，“社区”（重庆）：１２３"), "(unchanged)");
  EXPECT_EQ(folded("“” … — ■ ★ \uFA0E"), "(unchanged)");  // U+FA0E is a unified ideograph
  EXPECT_EQ(folded(""), "(unchanged)");
  // Near the end of the text, and where the vector scan hands over to the byte loop.
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string text = std::string(pad, 'a') + "⼀";
    EXPECT_EQ(folded(text), std::string(pad, 'a') + "一") << pad;
  }
}

TEST(Lookalikes, PagesAreReadAsTheyLook) {
  // A dateline and a byline whose characters came out as radicals still read as such.
  const auto r = newsplit::split_page("⼴州越野赛举⾏\n\n本报⼴州1⽉19⽇电 （记者曾华锋）⼴州100公⾥越野赛⽇前举⾏。\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "广州越野赛举行");
  EXPECT_EQ(r.articles[0].dateline, "本报广州1月19日电");
  EXPECT_EQ(r.articles[0].authors, std::vector<std::string>{"曾华锋"});
  EXPECT_EQ(r.articles[0].paragraphs.at(0), "广州100公里越野赛日前举行。");
}

TEST(Reflow, HardWrapsJoinWithoutSpace) {
  EXPECT_EQ(paragraphs({block({"7月10日，《人民日报》与《重庆日报》聚焦报道", "了重庆在超大城市治理中的一项创新实践。"})}),
            (std::vector<std::string>{"7月10日，《人民日报》与《重庆日报》聚焦报道了重庆在超大城市治理中的一项创新实践。"}));
}

TEST(Reflow, LatinWordsWrappedAcrossLinesKeepASpace) {
  std::string s = "发布了Smart";
  newsplit::join_wrapped(s, "City计划");
  EXPECT_EQ(s, "发布了Smart City计划");
  // Only two ASCII letters meet with a space: not an accented letter, a Han character or a digit.
  for (auto [before, after, joined] : {std::tuple{"Café", "bar", "Cafébar"}, std::tuple{"社", "区", "社区"},
                                       std::tuple{"版本2", "0", "版本20"}, std::tuple{"Smart", "城市", "Smart城市"}}) {
    std::string t = before;
    newsplit::join_wrapped(t, after);
    EXPECT_EQ(t, joined);
  }
}

TEST(Reflow, ShortSentenceEndingLineEndsAParagraph) {
  EXPECT_EQ(paragraphs({block({"上，这标志着西渝高铁重庆段箱梁架设施工", "正式启动，为全线建成通车奠定坚实基础。",
                               "定坚实基础。", "西渝高铁是我国“八纵八横”高铁网的重要", "组成部分。"})}),
            (std::vector<std::string>{"上，这标志着西渝高铁重庆段箱梁架设施工正式启动，为全线建成通车奠定坚实基础。定坚实基础。",
                                      "西渝高铁是我国“八纵八横”高铁网的重要组成部分。"}));
}

TEST(Reflow, FullWidthLineEndingASentenceDoesNotEndTheParagraph) {
  // Only a line clearly shorter than its column ends a paragraph.
  EXPECT_EQ(paragraphs({block({"的城市发展新空间，持续推进高质量发展。", "渝中区是重庆唯一全域城镇化的行政区。", "这是结尾。"})}).size(),
            1u);
}

TEST(Reflow, BlankLineMidSentenceIsAColumnBreak) {
  EXPECT_EQ(paragraphs({block({"它带来的启示是：社区治理的最高境界，除了"}), block({"“一事一议”等精细管理。"}),
                        block({"新段落开始了。"})}),
            (std::vector<std::string>{"它带来的启示是：社区治理的最高境界，除了“一事一议”等精细管理。", "新段落开始了。"}));
}

TEST(Reflow, SubheadIsAParagraphOfItsOwn) {
  const auto r = newsplit::reflow({block({"前文结束。"}), block({"创意满满", "众多作品“钱景”看好"}, true), block({"后文开始。"})});
  ASSERT_EQ(r.paragraphs.size(), 3u);
  EXPECT_TRUE(r.paragraphs[1].subhead);
  EXPECT_EQ(r.paragraphs[1].raw, "创意满满众多作品“钱景”看好");
}

TEST(Reflow, ColumnsOfOneWidthAreNotUntangled) {
  const auto b = block({"一二三四五六七八九十一二", "一二三四五六七八九十一二", "一二三四五六七八九十一二", "一二三四五六七八九十一二",
                        "一二三四五六七八九十一二", "一二三四五六。"});
  EXPECT_FALSE(newsplit::untangle_columns(b.lines).found());
}

// --- Layout --------------------------------------------------------------------------------

TEST(Layout, WordingTellsWhichBodyAHeadlineBelongsTo) {
  EXPECT_GT(newsplit::shared_bigrams("西渝高铁重庆段首孔箱梁架设成功", "西渝高铁重庆段箱梁架设施工正式启动"), 0.5);
  EXPECT_LT(newsplit::shared_bigrams("西渝高铁重庆段首孔箱梁架设成功", "川渝通办再添新举措，两地银行网点可缴社保"), 0.1);
}

TEST(Layout, PageOpeningWithAHeadlineHasHeadlinesFirst) {
  const auto a = newsplit::analyse_page("春季植树活动启动\n\n本报讯 （记者 吴敏）全市春季义务植树活动启动。\n");
  EXPECT_EQ(a.layout.headlines, newsplit::HeadlinePosition::Before);
  EXPECT_GT(a.layout.score, 0);
}

TEST(Layout, PageEndingWithAHeadlineHasHeadlinesLast) {
  const auto a = newsplit::analyse_page("本报讯 （记者 吴敏）全市春季义务植树活动启动。\n\n春季植树活动启动\n");
  EXPECT_EQ(a.layout.headlines, newsplit::HeadlinePosition::After);
  ASSERT_EQ(a.layout.evidence.size(), 1u);
  EXPECT_EQ(a.layout.evidence[0].kind, newsplit::LayoutEvidence::PageEnds);
  EXPECT_EQ(a.layout.evidence[0].headline, "春季植树活动启动");
  // Six of the headline's seven pairs are in the body (季植 is not); the weight is
  // -2 × (0.25 + 6/7 - 0).
  EXPECT_DOUBLE_EQ(a.layout.evidence[0].first, 6.0 / 7.0);
  EXPECT_EQ(newsplit::describe(a.layout.evidence[0]),
            "page ends with headline \"春季植树活动启动\" (own 0.86, rest 0.00): after -2.21");
}

TEST(Layout, WithoutEvidenceHeadlinesComeFirst) {
  const auto a = newsplit::analyse_page("只有正文，没有标题。\n");
  EXPECT_EQ(a.layout.headlines, newsplit::HeadlinePosition::Before);
  EXPECT_EQ(a.layout.score, 0);
}

namespace {

// The pairs of adjacent Han characters of a text read as one stream, decoded one by one.
std::set<std::pair<char32_t, char32_t>> han_pairs(std::string_view text) {
  std::set<std::pair<char32_t, char32_t>> pairs;
  char32_t prev = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = newsplit::unicode::next(text, i);
    if (!newsplit::unicode::is_han(c)) { prev = 0; continue; }
    if (prev) pairs.emplace(prev, c);
    prev = c;
  }
  return pairs;
}

}  // namespace

TEST(Layout, HeadlineWordingShareIsTheShareOfItsPairsInTheText) {
  // Han characters the headline and the text share, Han characters whose low twelve bits
  // are those of others (社 U+793E, Extension A U+393E) and a non-Han one with the same bits
  // (U+A93E), one whose set bits a continuation byte has too (傀 U+5080: E5 82 80), a
  // four-byte Han character, marks, ASCII and two-byte characters.
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "更", "新", "傀", "\u393E", "\uA93E", "\U00020000",
                                             "，", "。", "“", "a", "7", " ", "é", "·"};
  std::mt19937 rng(5);
  auto random_text = [&](int max_pieces) {
    std::string s;
    const int len = static_cast<int>(rng() % static_cast<unsigned>(max_pieces));
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  newsplit::HeadlineWords words;
  for (int round = 0; round < 20000; ++round) {
    const std::string headline = random_text(8);
    const auto wanted = han_pairs(headline);
    // The text in a few spans of units, with a budget that may cut a character at its end.
    std::vector<std::string> spans;
    const int n_spans = 1 + static_cast<int>(rng() % 4);
    // Every third round has long spans: the vector path reads 32 positions a word, and a
    // pair may stand across two words.
    for (int k = 0; k < n_spans; ++k) spans.push_back(random_text(round % 3 == 0 ? 200 : 40));
    const std::size_t budget = round % 4 == 0 ? 1 + rng() % 200 : newsplit::HeadlineWords::kBudget;
    std::vector<newsplit::Unit> units(1);
    std::string stream;
    std::size_t left = budget;
    for (const auto& s : spans) {
      units[0].spans.push_back({0, s});
      stream += s.substr(0, std::min(left, s.size()));
      left -= std::min(left, s.size());
    }
    std::size_t shared = 0;
    const auto have = han_pairs(stream);
    for (const auto& p : wanted) shared += have.count(p);
    const double expected = wanted.empty() ? 0.0 : static_cast<double>(shared) / static_cast<double>(wanted.size());
    words.reset(headline);
    ASSERT_DOUBLE_EQ(words.share_if(units, 0, 1, [](std::size_t) { return true; }, budget), expected)
        << "headline [" << headline << "] text [" << stream << "]";
    if (n_spans == 1 && budget == newsplit::HeadlineWords::kBudget) {
      ASSERT_DOUBLE_EQ(newsplit::shared_bigrams(headline, spans[0]), expected);
    }
  }
}
