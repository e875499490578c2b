// Paragraphs: an article's body lines in, paragraphs out (raw text, before cleaning).
//  - Hard wraps: lines of a paragraph are joined with no space.
//  - A paragraph ends at a line that ends a sentence and is clearly shorter than the
//    column width (read from the lines around it, since widths differ between columns).
//  - A blank line ends a paragraph, unless the text before it stops mid-sentence: then it
//    is a column or page break (…问题置 / blank / 于优先地位…) and the text runs on. The same
//    holds across a caption that interrupted a sentence.
//  - Two columns whose lines alternate (two line widths, turn and turn about) are taken
//    apart, one column after the other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsplit {

struct FlowLine {
  std::string_view text;
  int width = 0;              // printed width, half-em units
  std::uint64_t number = 0;   // input line
};

struct FlowBlock {
  std::vector<FlowLine> lines;
  bool subhead = false;  // a subhead: a paragraph of its own, never joined to its neighbours
  bool lead = false;     // part of a lead box (核心提示)
};

struct Paragraph {
  std::string raw;
  bool subhead = false;
  bool lead = false;
  bool ends_mid_sentence = false;
  std::uint64_t first_line = 0, last_line = 0;
};

struct Reflow {
  std::vector<Paragraph> paragraphs;
  bool columns_untangled = false;  // two alternating columns were taken apart
};

Reflow reflow(const std::vector<FlowBlock>& blocks);

// A block whose lines alternate between two columns of different widths, taken apart:
// turn and turn about until one column ends (a short line that ends a sentence), the
// lines after that all to the other. Empty when the block is one column.
struct Columns {
  std::vector<FlowLine> first, second;
  bool found() const { return !first.empty(); }
};
Columns untangle_columns(const std::vector<FlowLine>& lines);

// Appends a wrapped line to the text before it: no space, except between two Latin letters.
void join_wrapped(std::string& text, std::string_view line);

}  // namespace newsplit
