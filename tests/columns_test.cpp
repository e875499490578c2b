// The columns stage: a page whose lines hold a line of every column, set apart by runs of
// spaces (pdftotext -layout), is read again column after column; other pages are left alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newsplit/columns.hpp"
#include "newsplit/split.hpp"
#include "test_util.hpp"

using newsplit::read_columns_side_by_side;

namespace {

// Two columns of `rows` lines, side by side as pdftotext -layout sets them: each left line
// padded with spaces to the right column's cell (`width` characters), or a single space
// where it filled it.
std::string side_by_side(const std::vector<std::string>& left, const std::vector<std::string>& right, std::size_t width) {
  std::string page;
  for (std::size_t k = 0; k < std::max(left.size(), right.size()); ++k) {
    const std::string l = k < left.size() ? left[k] : "";
    const std::string r = k < right.size() ? right[k] : "";
    const std::size_t cells = newsplit::unicode::count(l);
    page += l + std::string(cells + 1 >= width ? 1 : width - cells, ' ') + r + "\n";
  }
  return page;
}

const std::vector<std::string> kLeft = {
    "城西社区食堂开张",         "本报记者 王静",           "城西街道首家社区食堂日前开张", "每天供应早中晚三餐老人就餐",
    "可享受八折优惠食堂由闲置的",   "社区用房改造而成能同时容纳",   "八十人就餐开张当天不少居民",   "前来品尝大家对饭菜的口味和",
    "价格都很满意社区还组织志愿",   "者为老人送餐上门。"};
const std::vector<std::string> kRight = {
    "全民健身步道新增两千公里",   "本报北京9月1日电 （记者 孙立华）", "国家体育总局日前发布消息今", "年全国将新建和改造全民健身",
    "步道两千公里以上优先覆盖城",   "市社区和城郊结合部方便群众",   "就近开展健身活动各地将结合",   "城市更新在公园河道沿线和老",
    "旧小区周边建设步道并配套建",   "设休息驿站和饮水点。"};

}  // namespace

TEST(Columns, SideBySideColumnsAreReadOneAfterAnother) {
  const auto read = read_columns_side_by_side(side_by_side(kLeft, kRight, 20));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->columns, 2u);
  std::vector<std::string> expected = kLeft;
  expected.push_back("");
  expected.insert(expected.end(), kRight.begin(), kRight.end());
  expected.push_back("");
  EXPECT_EQ(test::lines_of(read->text), expected);
  // Each line names the page's line it came from.
  ASSERT_EQ(read->origin.size(), expected.size());
  EXPECT_EQ(read->origin[0], 0u);
  EXPECT_EQ(read->origin[9], 9u);
  EXPECT_EQ(read->origin[11], 0u);
  EXPECT_EQ(read->origin[20], 9u);
}

// The two columns, the left one's line k replaced by `line`, side by side `width` cells apart:
// that line reads whole, and the right column's line beside it reads as a line of its own.
static void expect_read_apart(const std::string& line, std::size_t k, std::size_t width) {
  std::vector<std::string> left = kLeft;
  left[k] = line;
  const auto read = read_columns_side_by_side(side_by_side(left, kRight, width));
  ASSERT_TRUE(read);
  const std::vector<std::string> lines = test::lines_of(read->text);
  EXPECT_EQ(lines[k], line);
  EXPECT_NE(std::find(lines.begin(), lines.end(), kRight[k]), lines.end()) << read->text;
}

// A left line that filled its column pushes the right column's text on, a single space after
// it: the line is still two columns' text, cut where its column's lines end.
TEST(Columns, AFullLineAndTheNextColumnASingleSpaceApart) {
  expect_read_apart("可享受八折优惠食堂由闲置的社区", 4, 20);  // two characters wider than its column's lines
}

// A column whose lines the extractor set on every other line of the page (between the lines
// of columns in another size or on another baseline) reads as one run of lines, with no gap
// between them; a longer gap is the column's own.
TEST(Columns, AColumnOnEveryOtherLineReadsWithoutGaps) {
  const std::vector<std::string> middle = {"甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉", "", "", "", "", "戌亥甲乙丙丁戊己庚辛"};
  std::string page;
  for (std::size_t k = 0; k < kLeft.size(); ++k) {
    const std::string l = kLeft[k], r = kRight[k];
    const std::string m = k % 2 == 0 && k / 2 < middle.size() ? middle[k / 2] : "";
    page += l + std::string(20 - std::min<std::size_t>(19, newsplit::unicode::count(l)), ' ');
    page += m + std::string(14 - (m.empty() ? 0 : 10), ' ') + r + "\n";
  }
  for (std::size_t k = kLeft.size(); k < 2 * middle.size(); ++k) {
    const std::string m = k % 2 == 0 ? middle[k / 2] : "";
    page += std::string(20, ' ') + m + std::string(14 - (m.empty() ? 0 : 10), ' ') + kRight[k % kRight.size()] + "\n";
  }
  const auto read = read_columns_side_by_side(page);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->columns, 3u);
  const std::string text = read->text;
  EXPECT_NE(text.find(middle[0] + "\n" + middle[1] + "\n\n" + middle[6] + "\n"), std::string::npos) << text;
}

// A headline wider than its column, with a space of its own, pushes the next column's line a
// single space on: the line is cut after the headline, not at the headline's own space.
TEST(Columns, AHeadlineWiderThanItsColumnKeepsItsOwnSpace) {
  expect_read_apart("建成社区超过400个 实现所有区县全覆盖", 0, 16);  // twenty cells, its column fourteen
}

// Stories set in blocks one under another: where a line is blank across the page and a
// column's text above it stops mid-sentence in a full line, the block above ends there, and
// its text goes on at the top of its next column, not under the gap.
TEST(Columns, BlocksOneUnderAnotherAreReadBlockByBlock) {
  const std::vector<std::string> top_left = {"城西社区食堂开张了，每天供", "应早中晚三餐，老人就餐可以", "享受八折优惠，食堂由闲置的"};
  const std::vector<std::string> top_right = {"社区用房改造而成，能同时容", "纳八十人就餐，居民都很满意", "社区还组织志愿者送餐上门。"};
  const std::vector<std::string> low_left = {"全民健身步道新增两千公里，", "优先覆盖城市社区和城郊结合", "部，方便群众就近开展健身活"};
  const std::vector<std::string> low_right = {"动。各地将结合城市更新，在", "公园和河道沿线建设步道，并", "配套建设休息驿站和饮水点。"};
  std::vector<std::string> left = top_left, right = top_right;
  left.push_back("");
  right.push_back("");
  left.insert(left.end(), low_left.begin(), low_left.end());
  right.insert(right.end(), low_right.begin(), low_right.end());
  // (More lines of two columns under them, so that the page reads as columns side by side.)
  left.insert(left.end(), kLeft.begin(), kLeft.end());
  right.insert(right.end(), kRight.begin(), kRight.end());
  const auto read = read_columns_side_by_side(side_by_side(left, right, 18));
  ASSERT_TRUE(read);
  const std::string& text = read->text;
  const std::size_t a_left = text.find(top_left[2]), a_right = text.find(top_right[0]), b_left = text.find(low_left[0]);
  ASSERT_NE(a_left, std::string::npos);
  ASSERT_NE(a_right, std::string::npos);
  ASSERT_NE(b_left, std::string::npos);
  EXPECT_LT(a_left, a_right) << text;
  EXPECT_LT(a_right, b_left) << text;  // the block above, both its columns, before the block under it
}

// The spaces inside a column's line (a byline's, a dateline's) stay with it.
TEST(Columns, SpacesInsideAColumnsLineStay) {
  const auto read = read_columns_side_by_side(side_by_side(kLeft, kRight, 20));
  ASSERT_TRUE(read);
  const std::vector<std::string> lines = test::lines_of(read->text);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "本报记者 王静"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "本报北京9月1日电 （记者 孙立华）"), lines.end());
}

TEST(Columns, OtherPagesAreLeftAlone) {
  // One column a line, as other extractors write them.
  std::string one;
  for (const std::string& l : kLeft) one += l + "\n";
  EXPECT_FALSE(read_columns_side_by_side(one));
  // A page head set across the page, over one column: one line with gaps is no columns.
  EXPECT_FALSE(read_columns_side_by_side("人民日报          2026年9月2日 星期三          第7版\n\n" + one));
  // Justified lines spread by single spaces, and indents.
  EXPECT_FALSE(read_columns_side_by_side("    矗 立 河 源 ， 补 史 之 缺 。 去 年 ， 在\n青 海 黄 河 源 发 现 的 尕 日 塘 秦 刻 石 ，\n"));
  EXPECT_FALSE(read_columns_side_by_side(""));
  // A few lines with wide gaps among many without.
  std::string few = side_by_side({"甲乙丙丁", "戊己庚辛"}, {"子丑寅卯", "辰巳午未"}, 12);
  for (int k = 0; k < 40; ++k) few += kLeft[static_cast<std::size_t>(k % 10)] + "\n";
  EXPECT_FALSE(read_columns_side_by_side(few));
  // Justified lines whose wider gaps between words fall anywhere: no column lines up.
  const std::u32string chars = U"矗立河源补史之缺去年在青海黄河源发现的尕日塘秦刻石经石质文物保护";
  std::string justified;
  for (std::size_t k = 0; k < 40; ++k) {
    std::u32string line;
    for (std::size_t c = 0; c < 16; ++c) {
      if (c) line += c == 1 + (k * 7) % 15 ? U"  " : U" ";
      line += chars[(k + c) % chars.size()];
    }
    for (char32_t ch : line) newsplit::unicode::append(justified, ch);
    justified += "\n";
  }
  EXPECT_FALSE(read_columns_side_by_side(justified));
}

// Nothing is lost: every character but the layout spaces is in the text read again.
TEST(Columns, EveryCharacterIsKept) {
  const std::string page = side_by_side(kLeft, kRight, 20);
  const auto read = read_columns_side_by_side(page);
  ASSERT_TRUE(read);
  auto non_space = [](std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
    std::u32string u = test::fold(s);
    std::sort(u.begin(), u.end());
    return u;
  };
  EXPECT_EQ(non_space(read->text), non_space(page));
}

// A page from pdftotext -layout: two stories side by side under the page head. Each is read
// whole, with its headline, byline or dateline and paragraphs, and its records name the page's
// own lines.
TEST(Columns, APageOfColumnsSideBySideSplitsIntoItsStories) {
  const std::string page = test::page("pdftotext-layout-two-stories-side-by-side.txt");
  const newsplit::PageResult r = newsplit::split_page(page);
  ASSERT_EQ(r.articles.size(), 2u);
  const newsplit::Article& a = r.articles[0];
  EXPECT_EQ(a.title, "城西社区食堂开张");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"王静"}));
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0],
            "城西街道首家社区食堂日前开张，每天供应早中晚三餐，六十岁以上老人就餐可享受八折优惠。食堂由闲置的社区用房改造而成，"
            "能同时容纳八十人就餐，还设有适老化座椅和助餐点。");
  EXPECT_EQ(a.line_start, 3u);
  EXPECT_EQ(a.line_end, 12u);
  const newsplit::Article& b = r.articles[1];
  EXPECT_EQ(b.title, "全民健身步道年内新增两千公里");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"孙立华"}));
  ASSERT_EQ(b.paragraphs.size(), 2u);
  EXPECT_TRUE(b.paragraphs[0].starts_with("国家体育总局日前发布消息")) << b.paragraphs[0];
  EXPECT_EQ(b.paragraphs[1], "体育总局有关负责人表示，步道建设要因地制宜，避免大拆大建。");
  // The page head stays one line of furniture, with what it says about the page.
  ASSERT_FALSE(r.leftovers.empty());
  EXPECT_EQ(r.leftovers[0].kind, "running head");
  EXPECT_EQ(r.leftovers[0].line_start, 1u);
  EXPECT_EQ(a.head.paper, "人民日报");
  EXPECT_EQ(test::lost_characters(page, r), "");
}
