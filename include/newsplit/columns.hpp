// Columns side by side: a page whose lines each hold a line of every column (poppler's
// `pdftotext -layout` keeps a page's layout so, the columns set apart by runs of spaces) is
// read again one column after another, top to bottom, band by band where stories are set in
// blocks one under another, so that the stages after it see each column's lines in order, as
// other extractors write them. Text in, text out: every piece of
// text is kept, only the layout spaces between columns go.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsplit {

struct ColumnsRead {
  std::string text;                   // the page read column by column, a line of a column a line
  std::vector<std::uint32_t> origin;  // for each line of `text`: the page's line it came from (0-based)
  std::size_t columns = 0;            // how many columns were found
};

// The page read column by column, or nothing where its lines are not columns side by side (a
// few lines with wide gaps, a running head set across the page, are not).
std::optional<ColumnsRead> read_columns_side_by_side(std::string_view page);

}  // namespace newsplit
