// The pieces-in-turn stage: where an extractor read a band of the page a few lines of one
// column, then a few of the next (poppler's pdftotext in its default mode, pdfminer), each
// piece cut off mid-word is followed again by its rest; pages read in order are left alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "newsplit/in_turn.hpp"
#include "newsplit/split.hpp"
#include "test_util.hpp"

namespace {

std::optional<newsplit::InTurnRead> read_pieces_in_turn(const std::string& page) {
  return newsplit::read_pieces_in_turn(page, newsplit::read_lines(page));
}

// Two stories of one band, two lines a piece, each piece cut off mid-word (栽培技 / 术, 研究 /
// 生, 远程指 / 导; 开放时 / 间, 全天开 / 放, 座位服 / 务, 上班 / 族).
const std::vector<std::vector<std::string>> kFarm = {
    {"春耕时节，县农业农村局组织二十多名专", "家走进田间地头，为种粮大户讲解栽培技"},
    {"术和病虫害的防治办法。科技小院就设在", "村委会旁边的两间平房里，有十几名研究"},
    {"生常年住在村里，白天下地查看苗情，晚", "上整理观测数据，遇到难题请教授远程指"},
    {"导。今年以来，小院已举办培训班十二期。"}};
const std::vector<std::vector<std::string>> kLibrary = {
    {"市图书馆城东分馆从本月起将延长开放时", "间，工作日晚间开放到九点，周末全天开"},
    {"放。分馆还新设了自习区和儿童阅读区，", "添置图书两万多册，开通线上预约座位服"},
    {"务。馆长介绍，延时开放后，每天晚上来", "馆读者超过三百人次，不少是附近的上班"},
    {"族和中学生。"}};

// A story read in order, each piece cut off mid-word and going on in the next (加装电 / 梯, 和居
// / 民, 参与验 / 收, …).
const std::vector<std::vector<std::string>> kEstate = {
    {"城区老旧小区改造今年全面铺开，住建部门", "先后走访两百多户居民，听取大家对加装电"},
    {"梯、外墙保温和停车位建设的意见，并据此", "调整了施工方案。改造资金由财政补助和居"},
    {"民自筹共同承担，困难家庭可申请减免。施", "工队伍进场前，社区还组织居民代表参与验"},
    {"收标准的制定，确保工程质量经得起检验。", "目前已有十二个小区完成主体工程，预计年"},
    {"底前全部交付使用，惠及居民四千多户。街", "道负责人表示，将把改造与社区服务结合起"},
    {"来，同步建设养老驿站和托育点，让居民在", "家门口就能享受便捷服务。下一步还将推动"},
    {"物业管理全覆盖，建立长效机制，防止改造", "后的小区再次陷入无人管理的局面。业主委"},
    {"员会也将陆续成立。"}};

// A story cut between two words as often as inside one (茶叶客 / 商, 名优茶更是 / 供不应求, 机采 /
// 摘技术): two of its three cuts tell the next piece by a word.
const std::vector<std::vector<std::string>> kTea = {
    {"今年春茶上市以来，县里的茶叶交易市场", "每天清晨挤满了前来收购鲜叶的茶叶客"},
    {"商。市场负责人说，今年的鲜叶收购价格", "比去年同期上涨了一成多，名优茶更是"},
    {"供不应求。为了帮助茶农增收，县里组织", "专家开展技术培训，推广绿色防控和机采"},
    {"摘技术，全县茶园面积已经超过十万亩。"}};

// The lines of stories told piece by piece, each story whole, one after another.
std::vector<std::string> pieces_lines(std::initializer_list<std::vector<std::vector<std::string>>> stories) {
  std::vector<std::string> lines;
  for (const auto& story : stories)
    for (const auto& piece : story) lines.insert(lines.end(), piece.begin(), piece.end());
  return lines;
}

// The lines of a text that hold text (the blank lines between pieces left out).
std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines = test::lines_of(text);
  std::erase(lines, "");
  return lines;
}

std::string pieces(const std::vector<std::vector<std::string>>& list) {
  std::string text;
  for (const auto& piece : list) {
    if (!text.empty()) text += "\n";
    for (const std::string& line : piece) text += line + "\n";
  }
  return text;
}

// The line right after `line` in `text`: nothing where `line` is not there or is the last.
std::optional<std::string> line_after(const std::string& text, const std::string& line) {
  const std::vector<std::string> lines = test::lines_of(text);
  const auto at = std::find(lines.begin(), lines.end(), line);
  if (at == lines.end() || at + 1 == lines.end()) return std::nullopt;
  return *(at + 1);
}

// The test page: the two stories' heads, then their pieces in turn.
std::string in_turn_page() { return test::page("pdftotext-two-stories-read-in-turn.txt"); }

}  // namespace

// Each piece's rest is put back after it: the farm story's pieces (page lines 15-16, 21-22,
// 27) follow its first piece (5-6), the library's (18-19, 24-25, 29) follow its own (12-13),
// and the blank lines before a piece put back go.
TEST(InTurn, PiecesReadInTurnArePutBackAfterThePieceTheyGoOnFrom) {
  const auto read = read_pieces_in_turn(in_turn_page());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->moved, 6u);
  std::vector<std::uint32_t> numbers;  // 1-based, as a reader counts the page's lines
  for (std::uint32_t o : read->origin) numbers.push_back(o + 1);
  EXPECT_EQ(numbers, (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 15, 16, 21, 22, 27, 7, 8, 9, 10, 11, 12, 13, 18, 19, 24, 25, 29}));
  const std::vector<std::string> lines = test::lines_of(read->text);
  const std::vector<std::string> page = test::lines_of(in_turn_page());
  ASSERT_EQ(lines.size(), read->origin.size());
  for (std::size_t k = 0; k < lines.size(); ++k) EXPECT_EQ(lines[k], page[read->origin[k]]) << k;
  // The lines of pieces put back are marked so (the articles say so in their warnings).
  ASSERT_EQ(read->put_back.size(), lines.size());
  EXPECT_FALSE(read->put_back[5]);
  EXPECT_TRUE(read->put_back[6]);
  EXPECT_TRUE(read->put_back[10]);
  EXPECT_FALSE(read->put_back[17]);
  EXPECT_TRUE(read->put_back[18]);
}

// A page read in order, each piece's rest the next piece, is left alone: so is one where the
// pieces of two columns follow each other whole.
TEST(InTurn, APageReadInOrderIsLeftAlone) {
  EXPECT_FALSE(read_pieces_in_turn(pieces(kFarm) + "\n" + pieces(kLibrary)));
  EXPECT_FALSE(read_pieces_in_turn(pieces(kLibrary) + "\n" + pieces(kFarm)));
}

// Two words meeting across two pieces may be chance: a page with only two rests out of turn
// is left as it is.
TEST(InTurn, TwoRestsOutOfTurnAreNotEnoughToTell) {
  const std::string two = pieces({kFarm[0], kLibrary[0], kFarm[1], kLibrary[1]});
  EXPECT_FALSE(read_pieces_in_turn(two));
  // With a third, the extractor read the band in turn.
  EXPECT_TRUE(read_pieces_in_turn(pieces({kFarm[0], kLibrary[0], kFarm[1], kLibrary[1], kFarm[2]})));
}

// Pieces of a column read in order meet a later piece in a word now and then too: where, between
// the first piece put back and the last, as many cut pieces go on right after them (加装电 / 梯,
// 参与验 / 收, …) as rests stand out of turn, the stretch was read in order and stays so. A
// stretch read in turn amid text read in order is read in turn.
TEST(InTurn, AStretchMostlyReadInOrderIsLeftAlone) {
  const auto& f = kFarm;
  const auto& e = kEstate;
  EXPECT_FALSE(read_pieces_in_turn(pieces({f[0], e[0], e[1], f[1], e[2], e[3], f[2], e[4], e[5], f[3]})));
  const std::string in_turn = pieces({f[0], kLibrary[0], f[1], kLibrary[1], f[2]});
  ASSERT_TRUE(read_pieces_in_turn(in_turn));
  EXPECT_TRUE(read_pieces_in_turn(pieces(kEstate) + "\n" + in_turn));
}

// A page may be read in turn in some bands and in order in others: each stretch of rests is
// told on its own. Two bands read in turn, with a long story read in order between them (its
// pieces going on right after each other outnumber the two bands' rests): both bands' pieces
// are put back, and the story keeps its order.
TEST(InTurn, EachBandReadInTurnIsToldOnItsOwn) {
  // A second band: two more stories, each piece cut off mid-word (沿河设 / 施, 两岸风 / 景; 入学紧
  // / 张, 人工智 / 能).
  const std::vector<std::vector<std::string>> river = {
      {"入冬以来，市水务部门组织两百名工人对城", "区十二条河道开展清淤整治，并完善沿河设"},
      {"施和步道。整治后的河道将增设亲水平台和", "夜间照明，市民沿河散步时还能欣赏两岸风"},
      {"景。工程预计明年五月完工。"}};
  const std::vector<std::vector<std::string>> school = {
      {"区教育局今年新建改扩建中小学九所，新增", "学位一万多个，有效缓解了城区学校入学紧"},
      {"张的问题。新学校都配备了实验室、图书馆", "和室内运动场，部分学校还新开设了人工智"},
      {"能课程。"}};
  const std::string page = in_turn_page() + "\n" + pieces(kEstate) + "\n" + pieces(kEstate) + "\n" +
                           pieces({river[0], school[0], river[1], school[1], river[2], school[2]});
  const auto read = read_pieces_in_turn(page);
  ASSERT_TRUE(read);
  EXPECT_EQ(line_after(read->text, kLibrary[0].back()), kLibrary[1].front());
  EXPECT_NE(read->text.find(pieces(kEstate) + "\n" + pieces(kEstate)), std::string::npos);
  EXPECT_EQ(line_after(read->text, river[0].back()), river[1].front());
  EXPECT_EQ(line_after(read->text, school[0].back()), school[1].front());
  EXPECT_EQ(line_after(read->text, school[1].back()), school[2].front());
}

// Columns read in turn take their turns in a fixed order: where rests stand two pieces on
// again and again (茶叶客 / 商, 若干志 / 愿者, 机采 / 摘技术, 明显提 / 高), the pieces cut between two
// words in the same stretch (名优茶更是 / 供不应求, 发现问题后 / 当天就能) go on two pieces on too.
TEST(InTurn, ColumnsTakeTheirTurnsInOrder) {
  const std::vector<std::vector<std::string>> grid = {
      {"城南街道今年在辖区十二个社区推行网格", "化管理，每个网格配备专职网格员和若干志"},
      {"愿者，负责走访住户、收集诉求和排查隐", "患。街道负责人介绍，网格员发现问题后"},
      {"当天就能流转到相关部门，大部分诉求在", "三天内办结，居民的满意度有了明显提"},
      {"高。"}};
  const auto read = read_pieces_in_turn(pieces({kTea[0], grid[0], kTea[1], grid[1], kTea[2], grid[2], kTea[3], grid[3]}));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->moved, 6u);
  EXPECT_EQ(text_lines(read->text), pieces_lines({kTea, grid}));
}

// A piece read in turn may be a single line of its column, where the line fills the column
// (城南街道…推行网格化管 / 理，…和若干志 / 愿者…): its rest is told as a longer piece's is.
TEST(InTurn, AOneLinePieceFillingItsColumnIsReadInTurnToo) {
  const std::vector<std::vector<std::string>> grid = {
      {"城南街道在辖区十二个社区推行网格化管"},
      {"理，每个网格都配备专职网格员和若干志"},
      {"愿者，负责走访住户、收集诉求和排查隐", "患。街道负责人介绍，网格员发现问题后"},
      {"当天就能流转到相关部门，大部分诉求在", "三天内办结。"}};
  const auto read = read_pieces_in_turn(pieces({kTea[0], grid[0], kTea[1], grid[1], kTea[2], grid[2], kTea[3], grid[3]}));
  ASSERT_TRUE(read);
  EXPECT_EQ(text_lines(read->text), pieces_lines({kTea, grid}));
}

// A piece read in turn is a few lines of its column: a longer run is a column read in order,
// and a later piece that would go on with its last word is not its rest.
TEST(InTurn, ALongRunIsAColumnReadInOrder) {
  std::vector<std::vector<std::string>> farm = kFarm;
  farm[0].insert(farm[0].begin(), kEstate[0].begin(), kEstate[0].end());
  farm[0].insert(farm[0].begin(), kEstate[1].begin(), kEstate[1].end());
  farm[0].insert(farm[0].begin(), kEstate[2].begin(), kEstate[2].end());
  ASSERT_EQ(farm[0].size(), 8u);
  const auto read = read_pieces_in_turn(pieces({farm[0], kLibrary[0], farm[1], kLibrary[1], farm[2], kLibrary[2], farm[3], kLibrary[3]}));
  ASSERT_TRUE(read);  // the other rests still stand out of turn
  const auto next = line_after(read->text, farm[0].back());
  ASSERT_TRUE(next);
  EXPECT_NE(*next, farm[1][0]);
}

// A piece whose first line is indented opens a paragraph: it is nobody's rest, whatever word
// the two lines would make.
TEST(InTurn, AnIndentedPieceIsNoRest) {
  std::vector<std::vector<std::string>> farm = kFarm;
  farm[1][0] = "　　" + farm[1][0];
  const std::string page = pieces({farm[0], kLibrary[0], farm[1], kLibrary[1], farm[2], kLibrary[2], farm[3], kLibrary[3]});
  const auto read = read_pieces_in_turn(page);
  ASSERT_TRUE(read);  // the library's three rests still stand out of turn
  const auto next = line_after(read->text, farm[0][1]);
  ASSERT_TRUE(next);
  EXPECT_NE(*next, farm[1][0]);
}

// A piece that may run on from the piece right before it (a quote that piece left open, a
// word across) stays there, even where that piece stops short of its column and an earlier
// piece cut off mid-sentence would make a word with it too (…构建 / 国传感谷: 建国 is a word,
// 中国 too).
TEST(InTurn, APieceThatRunsOnFromThePieceBeforeItStays) {
  const std::vector<std::string> plan = {"西部科学城紧扣全市打造现代制造业集群体", "系目标，提出未来五年要在这座城市构建"};
  const std::vector<std::string> valley = {"力争到二〇二七年，新能源汽车产业规模", "突破三千亿元。走进蚌埠的“中"};
  const std::vector<std::string> rest = {"国传感谷”，科技范儿扑面而来。依托龙头", "企业，这里已吸引两百多家上下游企业。"};
  const std::string page = in_turn_page() + "\n" + pieces({plan, valley, rest});
  const auto read = read_pieces_in_turn(page);
  ASSERT_TRUE(read);
  const auto after_valley = line_after(read->text, valley[1]), after_plan = line_after(read->text, plan[1]);
  ASSERT_TRUE(after_valley && after_plan);
  EXPECT_TRUE(*after_valley == "" || *after_valley == rest[0]);
  EXPECT_NE(*after_plan, rest[0]);
  // The same where the extractor read the piece that goes on into it a little after it.
  const std::vector<std::string> other = {"区县新闻"};
  const auto later = read_pieces_in_turn(in_turn_page() + "\n" + pieces({plan, other, rest, valley}));
  ASSERT_TRUE(later);
  const auto after_plan_later = line_after(later->text, plan[1]);
  ASSERT_TRUE(after_plan_later);
  EXPECT_NE(*after_plan_later, rest[0]);
}

// Between a piece and its rest stand other columns' pieces, cut off mid-sentence too: a piece
// of text between them that ends its sentence may be the same column's paragraph end (an
// extractor may read a paragraph's end after the next paragraph's start), and nothing past it
// is taken for the rest (…为自身利 / …高调回归美国外交政策核心。 / 益而不择手段…).
TEST(InTurn, NoRestIsToldPastAParagraphsEnd) {
  const std::vector<std::string> start = {"美国以经济援助与安全承诺为筹码，以单边制裁与", "军事威慑为手段，试图加剧分裂，而美方为自身利"};
  const std::vector<std::string> end = {"拉美变为美国的势力范围。当前，门罗主义高调", "回归美国外交政策核心。"};
  const std::vector<std::string> rest = {"益而不择手段的霸权行径，也必将遭到国际社会更多", "反对。"};
  const auto read = read_pieces_in_turn(in_turn_page() + "\n" + pieces({start, end, rest}));
  ASSERT_TRUE(read);
  const auto next = line_after(read->text, start[1]);
  ASSERT_TRUE(next);
  EXPECT_NE(*next, rest[0]);
}

// The page splits into its two stories, each whole, with its own headline and byline; the
// records name the page's own lines and say their pieces were put back.
TEST(InTurn, TwoStoriesReadInTurnSplitWhole) {
  struct Story {
    std::string title, author, text;
    std::uint64_t line_start, line_end;
  };
  const Story stories[] = {
      {"科技小院扎根田间", "刘青",
       "春耕时节，县农业农村局组织二十多名专家走进田间地头，为种粮大户讲解栽培技术和病虫害的防治办法。科技小院就设在村委"
       "会旁边的两间平房里，有十几名研究生常年住在村里，白天下地查看苗情，晚上整理观测数据，遇到难题请教授远程指导。今年"
       "以来，小院已举办培训班十二期。",
       1, 27},
      {"图书馆晚上也开门", "陈晨",
       "市图书馆城东分馆从本月起将延长开放时间，工作日晚间开放到九点，周末全天开放。分馆还新设了自习区和儿童阅读区，添置"
       "图书两万多册，开通线上预约座位服务。馆长介绍，延时开放后，每天晚上来馆读者超过三百人次，不少是附近的上班族和中学"
       "生。",
       8, 29}};
  const std::string page = in_turn_page();
  const newsplit::PageResult r = newsplit::split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const newsplit::Article& a = r.articles[k];
    EXPECT_EQ(a.title, stories[k].title);
    EXPECT_EQ(a.authors, (std::vector<std::string>{stories[k].author}));
    EXPECT_EQ(a.paragraphs, (std::vector<std::string>{stories[k].text}));
    EXPECT_EQ(a.line_start, stories[k].line_start);
    EXPECT_EQ(a.line_end, stories[k].line_end);
    EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(), "pieces read in turn with another column's were put back in order"),
              a.warnings.end());
  }
  EXPECT_EQ(test::lost_characters(page, r), "");
}

// `explain` says the page was read so, and how many pieces were put back; its lines name the
// page's own lines.
TEST(InTurn, ExplainSaysHowManyPiecesWerePutBack) {
  const std::string page = in_turn_page(), in_order_page = pieces(kFarm);  // (an analysis views its page)
  const newsplit::PageAnalysis a = newsplit::analyse_page(page);
  const std::string text = newsplit::explain(a);
  EXPECT_NE(text.find("pieces: 6 read in turn with another column's put back after the piece they go on from"), std::string::npos)
      << text;
  EXPECT_NE(newsplit::explain_json(a).find("\"pieces_put_back\":6"), std::string::npos);
  ASSERT_GT(a.lines.lines.size(), 7u);
  EXPECT_EQ(a.lines.lines[6].number, 15u);  // the farm story's second piece, put back after its first
  const newsplit::PageAnalysis in_order = newsplit::analyse_page(in_order_page);
  EXPECT_EQ(newsplit::explain(in_order).find("pieces:"), std::string::npos);
  EXPECT_NE(newsplit::explain_json(in_order).find("\"pieces_put_back\":0"), std::string::npos);
}
