// Page layout: where the headlines stand. On some pages every headline comes after its
// article's body (the PDF's text flow put the headline block last), on others before it.
// The decision is made per page from the evidence of the page itself:
//  - structure: a page that opens with a headline block puts headlines first; a page
//    that ends with one (after the last body) puts them last, the more so when the block's
//    words belong to the article beside it rather than to the whole page (a banner);
//  - wording: a headline shares words with its own article, so a headline block between
//    two bodies that shares more with the body after it stands before its article.
// Headline blocks between body paragraphs (subheads) say nothing and are not counted.
#pragma once

#include <string>
#include <vector>

#include "newsplit/classify.hpp"
#include "newsplit/lines.hpp"

namespace newsplit {

enum class HeadlinePosition { Before, After };

struct Layout {
  HeadlinePosition headlines = HeadlinePosition::Before;
  double score = 0;                   // > 0 says before, < 0 after; 0 (no evidence) means before
  std::vector<std::string> evidence;  // one line per piece of evidence, for --explain and tests
};

// A run of consecutive headline-shaped units that stands at an article boundary: at the
// page's start or end, after a closing credit or note, before a byline or dateline, or
// two or more parts long. `begin`/`end` index the unit list.
struct HeadlineRun {
  std::size_t begin = 0, end = 0;
  bool at_page_start = false, at_page_end = false;
};
std::vector<HeadlineRun> boundary_runs(const std::vector<Unit>& units);

Layout decide_layout(const PageLines& page, const std::vector<Unit>& units);

// Share of the headline's character bigrams (Han only) that occur in the text.
double shared_bigrams(const std::string& headline, const std::string& text);

}  // namespace newsplit
