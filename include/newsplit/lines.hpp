// Lines and blocks: one page's text in, the lines with the features the rules need out.
// A line keeps its input line number; its text is trimmed of the layout whitespace around
// it, its indent kept as a number. A block is a run of lines read as one piece of text, with
// the number of blank lines before and after it: a blank line usually ends a paragraph, two
// or more mark where a picture stood. Dumps without blank lines mark their pieces in other
// ways, and a block also ends there (see Cut).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsplit {

struct Line {
  std::uint64_t number = 0;  // 1-based line of the input
  std::string_view text;     // trimmed; a view into the page text
  int width = 0;             // printed width in half-em units (a Han character is 2)
  int chars = 0;             // code points, spaces not counted
  int spaces = 0;            // spaces inside the text (justified or joined-column lines)
  char32_t first = 0;        // first and last code points of text (0 when blank)
  char32_t last = 0;
  int item_marks = 0;        // ■ □ ● ◆ … on the line (bylines, running heads)
  bool prose_marks = false;  // holds 。，；！？、“” or , ; ! ?: prose, not a list of names
  int indent = 0;            // layout whitespace before the text, half-em units (an ideographic or em space is 2)
  int column = 0;            // the width of the column around the line, half-em units; 0 where none is seen
  bool justified = false;    // characters spread by single spaces (a justified column's full line)
  bool blank() const { return text.empty(); }
  int extent() const { return indent + width; }  // how far the line reaches across its column
};

// A line, or the part of one that a rule or a unit takes.
struct Span {
  std::size_t line = 0;   // index into PageLines::lines
  std::string_view text;  // trimmed
};

// What ends a block and starts the next.
enum class Cut : std::uint8_t {
  Blank,      // one or more blank lines (and the page's edges)
  Indent,     // the next line is indented, on a page whose paragraphs open indented
  Short,      // the line is clearly shorter than its column: a paragraph's or a headline's end
  Wide,       // a line wider than every column around it (a headline spanning columns)
              // (these two on pages whose blank lines do not mark paragraphs)
  LineEach,   // a page with one paragraph a line (a viewer's copy, an unwrapped page)
};

struct Block {
  std::size_t begin = 0;  // index of its first line in PageLines::lines
  std::size_t end = 0;    // one past its last line
  int blanks_before = 0;  // blank lines before it (counting from the page start for the first)
  int blanks_after = 0;   // blank lines after it (to the page end for the last)
  Cut cut_before = Cut::Blank;
  std::size_t size() const { return end - begin; }
};

// How the dump sets out its text, read off the page's own lines.
struct TextShape {
  bool line_each = false;  // one paragraph (or headline) a line: a viewer's copy, an unwrapped page
  bool indents = false;    // paragraphs open with an indent
  bool blank_paragraphs = false;  // blank lines end paragraphs (elsewhere a line's shape must tell)
  int dropped_indent = 0;  // how far short of its column a paragraph's first line stops (half-em units), where the dump dropped the indent
};

struct PageLines {
  std::vector<Line> lines;
  std::vector<Block> blocks;
  TextShape shape;
};

// Splits a page into lines (LF ends) and groups them into blocks.
PageLines read_lines(std::string_view page, std::uint64_t first_line_number = 1);

// The blocks of measured lines (read_lines ends with it): each line's indent (read from
// `page`, which its text views) and column, the page's shape, and the blocks.
void find_blocks(std::string_view page, PageLines& lines);

// The page's lines as they stand, without their line ends (LF): the lines read_lines measures,
// blank ones too, for a stage that reads a page's lines again in another order.
std::vector<std::string_view> page_lines(std::string_view page);

// Measures one piece of text as read_lines measures a line, a character at a time: the
// reference the page's bit counts must agree with (and what they fall back on for a line
// they cannot count).
Line measure(std::string_view text, std::uint64_t number = 0);

}  // namespace newsplit
