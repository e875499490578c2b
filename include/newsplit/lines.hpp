// Lines and blocks: one page's text in, the lines with the features the rules need out.
// A line keeps its input line number; its text is trimmed of the layout whitespace around
// it (leading spaces on a line are noise). A block is a run of non-blank lines, with the
// number of blank lines before and after it: a blank line usually ends a paragraph, two or
// more mark where a picture stood.
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
  bool blank() const { return text.empty(); }
};

struct Block {
  std::size_t begin = 0;  // index of its first line in PageLines::lines
  std::size_t end = 0;    // one past its last line
  int blanks_before = 0;  // blank lines before it (counting from the page start for the first)
  int blanks_after = 0;   // blank lines after it (to the page end for the last)
  std::size_t size() const { return end - begin; }
};

struct PageLines {
  std::vector<Line> lines;
  std::vector<Block> blocks;
};

// Splits a page into lines (LF ends) and groups them into blocks.
PageLines read_lines(std::string_view page, std::uint64_t first_line_number = 1);

// Measures one piece of text the way read_lines measures a line.
Line measure(std::string_view text, std::uint64_t number = 0);

namespace detail {
// The same, a character at a time: what the fast path must agree with (on well-formed UTF-8).
Line measure_one_by_one(std::string_view text, std::uint64_t number = 0);
}  // namespace detail

}  // namespace newsplit
