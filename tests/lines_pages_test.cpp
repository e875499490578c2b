#include <gtest/gtest.h>

#include <random>

#include "newsplit/lines.hpp"
#include "newsplit/unicode.hpp"
#include "newsplit/pages.hpp"

using newsplit::Page;
using newsplit::PageCutter;
using newsplit::read_lines;

TEST(Lines, TextIsTrimmedAndMeasured) {
  const auto p = read_lines(" ■吴刚\n\n24.6米、重约542吨\n", 10);
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0].text, "■吴刚");
  EXPECT_EQ(p.lines[0].number, 10u);
  EXPECT_EQ(p.lines[0].width, 6);
  EXPECT_TRUE(p.lines[1].blank());
  // Digits are half as wide as Han characters: 4 + 2 + 2 + 4 + 3 + 2.
  EXPECT_EQ(p.lines[2].width, 17);
  EXPECT_EQ(p.lines[2].chars, 12);
  EXPECT_EQ(p.lines[2].first, U'2');
  EXPECT_EQ(p.lines[2].last, U'吨');
}

TEST(Lines, SpacesAreCountedButNotMeasured) {
  const auto l = newsplit::measure("应 用 全 覆 盖");
  EXPECT_EQ(l.chars, 5);
  EXPECT_EQ(l.spaces, 4);
  EXPECT_EQ(l.width, 10);
}

// A page's lines are measured from the kinds of its bytes, a vector at a time; the measures
// must be the ones a character at a time gives (measure), for any mix and length.
TEST(Lines, MeasuringInBlocksAgreesWithMeasuringCharacterByCharacter) {
  const std::vector<std::string> alphabet = {"社", "区", "龙", "。", "，", "、", "“", "”", "■", "★", "\u3000", " ", "\t",
                                             "a", "7", ",", "?", "\x01", "\x7F", "—", "…", "（", "Ａ", "é", "·", "𠀀"};
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 40);
    // Most rounds keep to the kinds the blocks take (no two- or four-byte characters).
    const std::size_t span = round % 4 == 0 ? alphabet.size() : alphabet.size() - 3;
    for (int k = 0; k < len; ++k) s += alphabet[rng() % span];
    const auto page = read_lines(s);  // the page's bit counts, on a page of this one line
    ASSERT_EQ(page.lines.size(), 1u) << s;
    const auto& fast = page.lines[0];
    const auto slow = newsplit::measure(s);
    ASSERT_EQ(fast.width, slow.width) << s;
    ASSERT_EQ(fast.chars, slow.chars) << s;
    ASSERT_EQ(fast.spaces, slow.spaces) << s;
    ASSERT_EQ(fast.item_marks, slow.item_marks) << s;
    ASSERT_EQ(fast.prose_marks, slow.prose_marks) << s;
    ASSERT_EQ(fast.first, slow.first) << s;
    ASSERT_EQ(fast.last, slow.last) << s;
    // Trimmed as trim() trims, its ends the trimmed text's first and last characters.
    const std::string_view trimmed = newsplit::unicode::trim(s);
    ASSERT_EQ(fast.text, trimmed) << s;
    ASSERT_EQ(fast.first, newsplit::unicode::first(trimmed)) << s;
    ASSERT_EQ(fast.last, newsplit::unicode::last(trimmed)) << s;
  }
  // Malformed text (never out of the decoder) is read without going past its end.
  for (int round = 0; round < 2000; ++round) {
    std::string s(1 + rng() % 40, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    (void)newsplit::measure(s);
    (void)read_lines(s);
  }
}

TEST(Lines, LongLinesAreMeasuredAsTheirCharactersAre) {
  // Lines over many 64-byte words, and one too long for the page reader's packed sums of
  // the marks (it is measured character by character): all as a character at a time says.
  const std::vector<std::string> alphabet = {"社", "区", "，", "。", "“", "■", "a", "7", ",", " ", "\u3000", "龙"};
  std::mt19937 rng(11);
  std::vector<std::string> raw;
  for (const int chars : {70, 900, 40000, 30}) {
    std::string line;
    // The long one all marks, whose widths add up past sixteen bits.
    const std::size_t span = chars > 10000 ? 5 : alphabet.size();
    for (int k = 0; k < chars; ++k) line += alphabet[chars > 10000 ? 2 + rng() % 3 : rng() % span];
    raw.push_back(line);
  }
  std::string page;
  for (const auto& line : raw) page += line + "\n";
  ASSERT_GT(raw[2].size(), 3u * 16383u);
  const auto got = read_lines(page);
  ASSERT_EQ(got.lines.size(), raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const auto want = newsplit::measure(raw[k]);
    EXPECT_EQ(got.lines[k].text, want.text) << k;
    EXPECT_EQ(got.lines[k].width, want.width) << k;
    EXPECT_EQ(got.lines[k].chars, want.chars) << k;
    EXPECT_EQ(got.lines[k].spaces, want.spaces) << k;
    EXPECT_EQ(got.lines[k].item_marks, want.item_marks) << k;
    EXPECT_EQ(got.lines[k].prose_marks, want.prose_marks) << k;
  }
}

TEST(Lines, APageIsMeasuredAsItsLinesAreOneByOne) {
  // Pages of random lines: the page reader measures a line by counting the bits of the
  // page's byte kinds (64 bytes a word, across line ends), and each line must come out as
  // measuring it alone does (character by character when the page is well-formed).
  const std::vector<std::string> alphabet = {"社", "区", "，", "。", "“", "”", "、", "■", "●", "…", "a", "Z", "7", ",", ";",
                                             "?", " ", "  ", "\t", "\u3000", "\u2002", "\u00a0", "é", "·", "\U00020000"};
  const std::vector<std::string> flaws = {"\x80", "\xE4\xB8", "\xFF", "\xC3"};
  std::mt19937 rng(3);
  for (int round = 0; round < 3000; ++round) {
    const bool malformed = round % 5 == 0;
    std::string page;
    std::vector<std::string> raw;
    std::vector<std::size_t> starts;  // where each line begins in the page
    bool ended = false;                // the last line has its newline
    const int n_lines = 1 + static_cast<int>(rng() % 30);
    for (int l = 0; l < n_lines; ++l) {
      std::string line;
      // Most lines are Han text and Chinese marks, as on a page; some run past four blocks.
      const int len = static_cast<int>(rng() % (rng() % 4 == 0 ? 60 : 22));
      const std::size_t span = rng() % 3 == 0 ? alphabet.size() : 10;
      for (int k = 0; k < len; ++k) line += alphabet[rng() % span];
      if (malformed && rng() % 4 == 0) line.insert(rng() % (line.size() + 1), flaws[rng() % flaws.size()]);
      raw.push_back(line);
      starts.push_back(page.size());
      page += line;
      ended = l + 1 < n_lines || rng() % 2 == 0;
      if (ended) page += '\n';
    }
    if (raw.back().empty() && !ended) raw.pop_back();  // nothing after the last line end: no line
    if (raw.empty()) continue;
    const auto got = read_lines(page, 7);
    ASSERT_EQ(got.lines.size(), raw.size()) << page;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const auto& line = got.lines[k];
      const auto want = newsplit::measure(raw[k], 7 + k);
      ASSERT_EQ(line.number, want.number);
      ASSERT_EQ(line.text, want.text) << "line " << k << " of [" << page << "]";
      ASSERT_EQ(line.text.data() - page.data(), static_cast<std::ptrdiff_t>(starts[k]) + (want.text.data() - raw[k].data()));
      ASSERT_EQ(line.width, want.width) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.chars, want.chars) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.spaces, want.spaces) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.item_marks, want.item_marks) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.prose_marks, want.prose_marks) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.first, want.first) << "line [" << raw[k] << "]";
      ASSERT_EQ(line.last, want.last) << "line [" << raw[k] << "]";
    }
  }
}

TEST(Lines, BlocksKnowTheBlankLinesAroundThem) {
  const auto p = read_lines("\n\n甲\n乙\n\n丙\n\n\n\n丁\n\n");
  ASSERT_EQ(p.blocks.size(), 3u);
  EXPECT_EQ(p.blocks[0].blanks_before, 2);
  EXPECT_EQ(p.blocks[0].size(), 2u);
  EXPECT_EQ(p.blocks[0].blanks_after, 1);
  EXPECT_EQ(p.blocks[1].blanks_after, 3);
  EXPECT_EQ(p.blocks[2].blanks_before, 3);
  EXPECT_EQ(p.blocks[2].blanks_after, 1);
}

TEST(Lines, IndentIsKeptAsAWidth) {
  const auto p = read_lines("\u3000\u3000段落开头\n  两个空格\n\u2003\u2003全角空格\n没有缩进\n");
  EXPECT_EQ(p.lines[0].indent, 4);  // two ideographic spaces: two characters
  EXPECT_EQ(p.lines[1].indent, 2);
  EXPECT_EQ(p.lines[2].indent, 4);  // em spaces, as pdftotext writes them
  EXPECT_EQ(p.lines[3].indent, 0);
  EXPECT_EQ(p.lines[0].text, "段落开头");
  EXPECT_EQ(p.lines[0].extent(), 12);
}

namespace {
// The blocks of a page as their first lines' texts.
std::vector<std::string> block_starts(const newsplit::PageLines& p) {
  std::vector<std::string> out;
  for (const auto& b : p.blocks) out.emplace_back(p.lines[b.begin].text);
  return out;
}
// A column of ten characters a line: `n` wrapped lines of prose, then a short last line.
std::string paragraph(int n, const std::string& last = "完了。") {
  std::string s;
  for (int k = 0; k < n; ++k) s += "这是一段正文的一行字\n";
  return s + last + "\n";
}
}  // namespace

// pdftotext -raw and PyMuPDF's plain text have no blank lines: a short line that ends a
// sentence ends a paragraph, and a headline stands alone by its width, shorter than the
// column or wider than it.
TEST(Blocks, WithoutBlankLinesAShortLineEndsAPiece) {
  const std::string page = "短标题在这里\n" + paragraph(4) + paragraph(3) +
                           "一个横跨几栏的很长很长的大标题在此\n" + paragraph(5, "段落的末行。");
  const auto p = read_lines(page);
  EXPECT_FALSE(p.shape.blank_paragraphs);
  for (const auto& l : p.lines) EXPECT_EQ(l.column, 20) << l.text;
  EXPECT_EQ(block_starts(p), (std::vector<std::string>{"短标题在这里", "这是一段正文的一行字", "这是一段正文的一行字",
                                                        "一个横跨几栏的很长很长的大标题在此", "这是一段正文的一行字"}));
  EXPECT_EQ(p.blocks[1].cut_before, newsplit::Cut::Short);
  EXPECT_EQ(p.blocks[3].cut_before, newsplit::Cut::Short);  // after 完了。, and wider than the column
  EXPECT_EQ(p.blocks[4].cut_before, newsplit::Cut::Wide);
  EXPECT_EQ(p.blocks[1].size(), 5u);
}

// A closing mark may hang past the column's edge, where the rule forbids it to open the next
// line: a paragraph's line one mark wider than the column after a sentence's end is the
// column's, not a headline set across columns.
TEST(Blocks, AClosingMarkHangsPastTheColumn) {
  const std::string page = paragraph(4, "这是一段正文的一句话。") + "国企是建设的“主力军”\n" + paragraph(3);
  const auto p = read_lines(page);
  EXPECT_FALSE(p.shape.blank_paragraphs);
  EXPECT_EQ(block_starts(p), (std::vector<std::string>{"这是一段正文的一行字"}));
}

// Many a Chinese font sets curly quotes half-width: a column's line that holds a pair of them
// takes two more characters than its column and is still the column's line (no headline set
// across columns), where a line wider by more than its quotes is one.
TEST(Blocks, QuotesSetHalfWidthKeepALineInItsColumn) {
  const std::string quoted = "这是“一段正文”的一行字\n";  // ten characters and two quotes
  const std::string page = paragraph(3, "这是一段正文的一行字") + quoted + paragraph(3) + "一个横跨几栏的“很长”的大标题在这里\n" +
                           paragraph(4);
  const auto p = read_lines(page);
  EXPECT_FALSE(p.shape.blank_paragraphs);
  EXPECT_EQ(block_starts(p), (std::vector<std::string>{"这是一段正文的一行字", "一个横跨几栏的“很长”的大标题在这里", "这是一段正文的一行字"}));
  EXPECT_EQ(p.blocks[1].cut_before, newsplit::Cut::Short);  // after 完了。, wider than the column by more than its quotes
  EXPECT_EQ(p.blocks[2].cut_before, newsplit::Cut::Wide);
}

// No piece opens with a mark that goes on with text: a line that starts with ，or ” (a dump can
// put the mark after a closing quote at a line's start) goes on with the line before, short
// or not; an ellipsis alone is a paragraph of its own (text left out).
TEST(Blocks, ALineOpeningWithAClosingMarkGoesOnWithTheLineBefore) {
  const std::string page = paragraph(4) + "短的一行“引语”\n，接着说完这一句话。\n" + paragraph(3) + "……\n" + paragraph(3);
  const auto p = read_lines(page);
  EXPECT_FALSE(p.shape.blank_paragraphs);
  EXPECT_EQ(block_starts(p), (std::vector<std::string>{"这是一段正文的一行字", "短的一行“引语”", "……", "这是一段正文的一行字"}));
}

// A paragraph's lines run on until one ends a sentence: after a sentence's end, two lines
// that end nothing, the second short, are a headline wrapped over two lines, also where the
// sentence's end happened to fill its line.
TEST(Blocks, WithoutBlankLinesTwoLinesThatEndNothingStandAlone) {
  const std::string page = paragraph(4, "这是一段正文的末尾了。") + "小镇的体育赛事为何能\n名声在外\n" + paragraph(4) +
                           paragraph(3, "这是一段正文的末尾了。") + "这是一段正文的一行字\n" + paragraph(3);
  const auto p = read_lines(page);
  EXPECT_EQ(block_starts(p), (std::vector<std::string>{"这是一段正文的一行字", "小镇的体育赛事为何能", "这是一段正文的一行字",
                                                        "这是一段正文的一行字"}));
  EXPECT_EQ(p.blocks[1].size(), 2u);
  EXPECT_EQ(p.blocks[3].size(), 9u);  // after a sentence's end, prose that runs on is no headline
}

// No piece leaves a quote or bracket open for the next line to close: a headline wrapped
// inside a quotation (老街开出“共享 / 菜园”展) is one piece, however short its lines.
TEST(Blocks, AQuoteLeftOpenRunsOnToTheLineThatClosesIt) {
  for (const std::string head : {"老街开出“共享\n菜园”展\n", "老街开出\"共享\n菜园\"展\n", "公园里的《百姓\n故事》展\n"}) {
    const std::string page = paragraph(4, "这是一段正文的末尾了。") + head + paragraph(4) + paragraph(3);
    const auto p = read_lines(page);
    ASSERT_EQ(p.blocks.size(), 4u) << head;
    EXPECT_EQ(p.blocks[1].size(), 2u) << head;
  }
}

// A photo page sets each item's credit over the next item's headline, both short: they make
// no column of their width, so the headline stays short of the text's column.
TEST(Blocks, CreditsMakeNoColumn) {
  std::string page = paragraph(4);
  for (const std::string name : {"王强", "李华", "赵亮", "张明", "周洁"}) page += "本报记者 " + name + "摄\n老街又热闹起来\n" + paragraph(2);
  const auto p = read_lines(page);
  for (const auto& l : p.lines) EXPECT_EQ(l.column, 20) << l.text;
  int headlines = 0;
  for (const auto& b : p.blocks) {
    if (p.lines[b.begin].text != "老街又热闹起来") continue;
    ++headlines;
    EXPECT_EQ(b.size(), 1u);
  }
  EXPECT_EQ(headlines, 5);
}

TEST(Blocks, IndentedParagraphsOpenBlocks) {
  std::string page;
  for (int k = 0; k < 4; ++k) page += "\u3000\u3000这是段落的第一\n这是一段正文的一行字\n这是一段正文的结尾。\n";
  const auto p = read_lines(page);
  EXPECT_TRUE(p.shape.indents);
  ASSERT_EQ(p.blocks.size(), 4u);
  EXPECT_EQ(p.blocks[1].cut_before, newsplit::Cut::Indent);
  EXPECT_EQ(p.lines[0].column, 20);  // the indent is part of the line's reach
}

// Leading spaces that fall anywhere are noise: under a column's full line that leaves its
// sentence open, a line with spaces before it goes on with that sentence, whatever the spaces.
TEST(Blocks, LeadingSpacesUnderLinesThatRunOnAreNoIndent) {
  std::string page;
  for (int k = 0; k < 4; ++k) page += "这是一段正文的一行字\n  这是一段正文的一行字\n这是一段正文的一行字\n  这是一段正文的结尾。\n";
  const auto p = read_lines(page);
  EXPECT_FALSE(p.shape.indents);
  for (std::size_t b = 1; b < p.blocks.size(); ++b) EXPECT_NE(p.blocks[b].cut_before, newsplit::Cut::Indent) << b;
}

// A viewer's copy: each paragraph on one line, headlines on theirs.
TEST(Blocks, OneParagraphALineMakesEveryLineABlock) {
  std::string para;
  for (int k = 0; k < 5; ++k) para += "这是一个很长的段落，";
  para += "完了。\n";
  const std::string page = "短标题\n" + para + para + "另一个标题\n" + para;
  const auto p = read_lines(page);
  EXPECT_TRUE(p.shape.line_each);
  EXPECT_EQ(p.blocks.size(), 5u);
  EXPECT_EQ(p.blocks[2].cut_before, newsplit::Cut::LineEach);
}

// Where blank lines end the paragraphs, a short line inside a block does not cut it: the
// widths of such pages vary from line to line (the samples).
TEST(Blocks, WhereBlankLinesEndParagraphsOnlyTheyCut) {
  std::string page;
  for (int k = 0; k < 5; ++k) page += paragraph(3) + "\n";
  page += "短行\n" + paragraph(3);
  const auto p = read_lines(page);
  EXPECT_TRUE(p.shape.blank_paragraphs);
  ASSERT_EQ(p.blocks.size(), 6u);
  EXPECT_EQ(p.blocks.back().size(), 5u);
}

TEST(Lines, LastLineWithoutNewlineCounts) {
  const auto p = read_lines("甲\n乙");
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[1].text, "乙");
}

TEST(Pages, FormFeedsCutPagesAndLinesRunOn) {
  PageCutter c;
  c.feed("甲\n乙\n\f丙\n");
  c.feed("丁\f戊");
  Page p;
  std::vector<std::pair<std::string, std::uint64_t>> got;
  while (c.next(p)) got.emplace_back(p.text, p.first_line);
  while (c.finish(p)) got.emplace_back(p.text, p.first_line);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], (std::pair<std::string, std::uint64_t>{"甲\n乙\n", 1}));
  EXPECT_EQ(got[1], (std::pair<std::string, std::uint64_t>{"丙\n丁", 3}));
  EXPECT_EQ(got[2], (std::pair<std::string, std::uint64_t>{"戊", 4}));  // the form feed was mid-line
}

// One cutter serves file after file: after reset, pages and lines count from 1 again and
// nothing of the last input is left in the next.
TEST(Pages, ResetStartsANewInput) {
  PageCutter c(8);
  c.feed("甲乙丙丁戊己");  // cut by the size bound, and the rest left pending
  Page p;
  ASSERT_TRUE(c.next(p));
  EXPECT_TRUE(p.cut_after);
  c.reset();
  c.feed("庚\n辛\f壬");
  std::vector<Page> got;
  while (c.next(p)) got.push_back(p);
  while (c.finish(p)) got.push_back(p);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, "庚\n辛");
  EXPECT_EQ(got[0].number, 1u);
  EXPECT_EQ(got[0].first_line, 1u);
  EXPECT_FALSE(got[0].cut_before);
  EXPECT_EQ(got[1].text, "壬");
  EXPECT_EQ(got[1].number, 2u);
  EXPECT_EQ(got[1].first_line, 2u);
}

TEST(Pages, EmptyInputHasNoPages) {
  PageCutter c;
  Page p;
  EXPECT_FALSE(c.finish(p));
}

TEST(Pages, BigPagesAreCutAtABlankLineAndSaySo) {
  PageCutter c(64);
  std::string text;
  for (int k = 0; k < 10; ++k) text += "一二三四五\n\n";  // 17 bytes a paragraph
  c.feed(text);
  Page p;
  std::string joined;
  std::uint64_t line = 1;
  int pages = 0;
  while (c.next(p) || c.finish(p)) {
    ++pages;
    EXPECT_LE(p.text.size(), 64u);
    EXPECT_EQ(p.first_line, line);
    line += static_cast<std::uint64_t>(std::count(p.text.begin(), p.text.end(), '\n'));
    joined += p.text;
    if (pages > 1) {
      EXPECT_TRUE(p.cut_before);
    }
  }
  EXPECT_GT(pages, 1);
  EXPECT_EQ(joined, text);  // nothing lost, nothing doubled
}

TEST(Pages, OneEndlessLineIsCutBetweenCharacters) {
  PageCutter c(100);
  std::string text;
  for (int k = 0; k < 200; ++k) text += "长";
  c.feed(text);
  Page p;
  std::string joined;
  while (c.next(p) || c.finish(p)) {
    EXPECT_EQ(p.text.size() % 3, 0u);  // whole characters only
    EXPECT_EQ(p.first_line, 1u);
    joined += p.text;
  }
  EXPECT_EQ(joined, text);
}
