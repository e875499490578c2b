// The splitting pipeline on one page:
//   columns side by side read in order (columns.hpp) → look-alikes folded (clean.hpp)
//   → lines (lines.hpp), read again where pieces read in turn were put back (in_turn.hpp)
//   → roles (classify.hpp) → layout (layout.hpp) → articles (assemble.hpp, with reflow.hpp and clean.hpp) → records (record.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "newsplit/assemble.hpp"
#include "newsplit/classify.hpp"
#include "newsplit/columns.hpp"
#include "newsplit/in_turn.hpp"
#include "newsplit/layout.hpp"
#include "newsplit/lines.hpp"
#include "newsplit/pages.hpp"
#include "newsplit/record.hpp"

namespace newsplit {

struct SplitOptions {
  CleanOptions clean;
};

// Articles are numbered from 1 within the page; a caller that reads several pages of one
// file renumbers them.
PageResult split_page(std::string_view text, std::uint64_t first_line = 1, const SplitOptions& options = {});
// The same for a page from the page cutter: a page cut at the size bound says so in the
// warnings of the articles at the cut.
PageResult split_page(const Page& page, const SplitOptions& options = {});

// Every stage's output, for tests and `--explain`.
struct PageAnalysis {
  std::unique_ptr<ColumnsRead> columns;  // the page read column by column, where its columns stood side by side
  std::unique_ptr<InTurnRead> in_turn;   // the page with pieces its extractor read in turn put back in order
  std::unique_ptr<std::string> folded;  // the page with look-alikes folded, when it had any: `lines` views it
  PageLines lines;
  std::vector<Unit> units;
  Layout layout;
  PageResult result;
};
PageAnalysis analyse_page(std::string_view text, std::uint64_t first_line = 1, const SplitOptions& options = {});

// A readable account of the analysis: each unit with its lines, role and the rule that gave
// it, then the layout evidence and decision.
std::string explain(const PageAnalysis& analysis);
// The same as one JSON object: the page's shape, each unit (lines, role, rule, text, the
// people read from it), each run of headline-shaped units with the evidence and the decision
// (edge or subhead, and why), and the layout with its evidence.
std::string explain_json(const PageAnalysis& analysis);

}  // namespace newsplit
