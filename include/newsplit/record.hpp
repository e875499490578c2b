// Records: what newsplit prints. Plain structs, one per article and one per leftover
// piece of page text, easy to print in a test.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsplit {

// Where a page stands in an archive, from its running head or its file's name (page_head.hpp).
struct PageHead {
  std::string date;     // YYYY-MM-DD, a real calendar date, or empty
  std::string paper;    // 重庆日报, or empty
  std::string page_no;  // as printed: 4, A3; or empty
  std::string section;  // 要闻, 区县新闻; or empty
};

// One part of an article continued across pages (see join.hpp).
struct ArticlePart {
  std::string file;
  std::uint64_t page = 0, line_start = 0, line_end = 0;
};

struct Article {
  std::uint64_t index = 0;  // 1-based within the input file, in the order bodies start
  std::string kicker, title, subtitle;
  std::string dateline;  // "本报讯"
  std::string byline;    // "新重庆-重庆日报记者 杨铌紫"
  std::vector<std::string> authors;
  std::string lead_label;  // "核心提示" when the article opens with a lead box
  std::string lead;        // the lead box's paragraphs (also in `paragraphs`)
  std::vector<std::string> paragraphs;  // the whole body in reading order, subheads and lead included
  std::vector<std::string> subheads;
  std::vector<std::string> captions, credits, notes;
  std::uint64_t line_start = 0, line_end = 0;  // input lines the article spans
  std::uint64_t chars = 0;                     // code points in the paragraphs
  std::vector<std::string> warnings;
  std::uint64_t page = 0;  // 1-based page of the file (pages are cut at form feeds); 0 where unknown
  PageHead head;
  std::string continued_on, continued_from;  // the page a jump line names (（下转第2版） gives "2")
  std::vector<ArticlePart> parts;            // when parts were joined into this record: each, in order
};

// Page text that belongs to no article: running heads, banners, stray fragments.
struct Leftover {
  std::string kind;  // "running head", "fragment", "headline without article", …
  std::string text;
  std::uint64_t line_start = 0, line_end = 0;
  std::uint64_t page = 0;
  PageHead head;
};

// One page's result, in reading order: articles by where their bodies start, leftovers
// by their first line.
struct PageResult {
  std::vector<Article> articles;
  std::vector<Leftover> leftovers;
  bool headlines_after = false;  // the page's layout, as decided
};

}  // namespace newsplit
