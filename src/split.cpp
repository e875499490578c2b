#include "newsplit/split.hpp"

namespace newsplit {

PageAnalysis analyse_page(std::string_view text, std::uint64_t first_line, const SplitOptions& options) {
  PageAnalysis a;
  a.lines = read_lines(text, first_line);
  a.units = classify(a.lines);
  a.layout = decide_layout(a.lines, a.units);
  a.result = assemble(a.lines, a.units, a.layout, AssembleOptions{options.clean});
  std::uint64_t index = 0;
  for (Article& art : a.result.articles) art.index = ++index;
  return a;
}

PageResult split_page(std::string_view text, std::uint64_t first_line, const SplitOptions& options) {
  return std::move(analyse_page(text, first_line, options).result);
}

PageResult split_page(const Page& page, const SplitOptions& options) {
  PageResult r = split_page(page.text, page.first_line, options);
  if (!r.articles.empty()) {
    if (page.cut_before)
      r.articles.front().warnings.emplace_back("the input was cut here to bound memory; the article may begin in the record before");
    if (page.cut_after)
      r.articles.back().warnings.emplace_back("the input was cut here to bound memory; the article may go on in the next record");
  }
  return r;
}

}  // namespace newsplit
