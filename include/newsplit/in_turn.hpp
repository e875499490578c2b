// Columns read in turn: some extractors (poppler's `pdftotext` in its default mode, pdfminer)
// read a band of a page a few lines of one column, then a few of the next, and back, each
// piece set apart by a blank line. A piece cut off mid-sentence at a full line whose rest is
// not the next piece but one a little further on, where the word cut in two runs on, is put
// back before those pieces, so that the stages after it see each column's text in order.
// Measured lines in, text out: every line is kept, only the order of pieces changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/lines.hpp"

namespace newsplit {

struct InTurnRead {
  std::string text;                   // the page with each piece's rest put back after it
  std::vector<std::uint32_t> origin;  // for each line of `text`: the page's line it came from (0-based)
  std::vector<bool> put_back;         // for each line of `text`: it belongs to a piece that was put back
  std::size_t moved = 0;              // how many pieces were put back
};

// The page with its columns' pieces put back in order, or nothing where no piece was read
// out of turn (or too few were to tell the extractor read the page so). `lines` are the
// page's lines as read_lines measured them (every line of `page`, blank ones too).
std::optional<InTurnRead> read_pieces_in_turn(std::string_view page, const PageLines& lines);

}  // namespace newsplit
