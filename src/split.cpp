#include "newsplit/split.hpp"

#include <fmt/format.h>

#include "newsplit/clean.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

PageAnalysis analyse_page(std::string_view text, std::uint64_t first_line, const SplitOptions& options) {
  PageAnalysis a;
  if (std::string folded; fold_lookalikes(text, folded)) {
    a.folded = std::make_unique<std::string>(std::move(folded));
    text = *a.folded;
  }
  a.lines = read_lines(text, first_line);
  a.units = classify(a.lines);
  a.layout = decide_layout(a.lines, a.units);
  a.result = assemble(a.lines, a.units, a.layout, AssembleOptions{options.clean});
  std::uint64_t index = 0;
  for (Article& art : a.result.articles) art.index = ++index;
  return a;
}

std::string explain(const PageAnalysis& a) {
  std::string out;
  for (const Unit& u : a.units) {
    std::string text;
    for (const Span& sp : u.spans) {
      if (!text.empty()) text += " / ";
      text += sp.text;
    }
    // Long units are shown by their first characters.
    std::size_t cut = 0, n = 0;
    while (cut < text.size() && n < 40) {
      unicode::next(text, cut);
      ++n;
    }
    if (cut < text.size()) {
      text.resize(cut);
      text += "…";
    }
    out += fmt::format("{:>5}-{:<5} {:<10} {:<34} {}\n", u.first_line(a.lines), u.last_line(a.lines), role_name(u.role),
                       u.rule, text);
  }
  for (const auto& e : a.layout.evidence) out += fmt::format("layout: {}\n", describe(e));
  out += fmt::format("layout: headlines {} their bodies (score {:.2f})\n",
                     a.layout.headlines == HeadlinePosition::After ? "after" : "before", a.layout.score);
  return out;
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
