#include "newsplit/layout.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

#include "newsplit/unicode.hpp"

namespace newsplit {

namespace u = unicode;

namespace {

// Weight of one structural fact (a page opening or closing with a headline block), and
// the share of it that holds whatever the wording says.
constexpr double kStructureWeight = 2.0;
constexpr double kEdgeBase = 0.25;
// Weight of the wording evidence of one headline block (its share difference, -1 to 1).
constexpr double kWordingWeight = 4.0;

bool is_opener(Role r) { return r == Role::Byline || r == Role::Dateline || r == Role::LeadLabel; }
bool is_closer(Role r) { return r == Role::Credit || r == Role::Note; }

std::unordered_set<std::uint64_t> bigrams(const std::string& s) {
  std::unordered_set<std::uint64_t> out;
  char32_t prev = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = u::next(s, i);
    if (!u::is_han(c)) { prev = 0; continue; }
    if (prev) out.insert((std::uint64_t{prev} << 32) | c);
    prev = c;
  }
  return out;
}

std::string unit_text(const Unit& unit) {
  std::string s;
  for (const Span& sp : unit.spans) s.append(sp.text);
  return s;
}

// Two headline-shaped blocks in a row are kicker and title (or title and subtitle) when
// nothing else marks the boundary; a second block that asks or exclaims is more likely the
// first paragraph after a subhead.
bool ends_in_question(const Unit& u) {
  const char32_t c = u::last(u.spans.back().text);
  return c == U'？' || c == U'！' || c == U'?' || c == U'!';
}

}  // namespace

double shared_bigrams(const std::string& headline, const std::string& text) {
  const auto h = bigrams(headline);
  if (h.empty()) return 0;
  const auto t = bigrams(text);
  std::size_t hits = 0;
  for (auto b : h) hits += t.count(b);
  return static_cast<double>(hits) / static_cast<double>(h.size());
}

std::vector<HeadlineRun> boundary_runs(const std::vector<Unit>& units) {
  std::vector<HeadlineRun> runs;
  for (std::size_t i = 0; i < units.size();) {
    if (units[i].role != Role::Headline) { ++i; continue; }
    std::size_t j = i;
    while (j < units.size() && units[j].role == Role::Headline) ++j;
    // Neighbours that carry meaning: captions sit anywhere, furniture is not content.
    std::size_t p = i;
    while (p > 0 && (units[p - 1].role == Role::Caption || units[p - 1].role == Role::Furniture)) --p;
    std::size_t n = j;
    while (n < units.size() && units[n].role == Role::Caption) ++n;
    HeadlineRun run{i, j, p == 0, n == units.size()};
    const bool boundary = run.at_page_start || run.at_page_end || is_closer(units[p - 1].role) ||
                          is_opener(units[n].role) || (j - i >= 2 && !ends_in_question(units[j - 1]));
    if (boundary) runs.push_back(run);
    i = j;
  }
  return runs;
}

Layout decide_layout(const PageLines& page, const std::vector<Unit>& units) {
  (void)page;
  Layout layout;
  const auto runs = boundary_runs(units);
  auto window = [&](std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t k = from; k < to; ++k)
      if (units[k].role == Role::Text) s += unit_text(units[k]);
    return s;
  };
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const HeadlineRun& run = runs[r];
    std::string headline;
    for (std::size_t k = run.begin; k < run.end; ++k) headline += unit_text(units[k]);
    const std::size_t before_from = r == 0 ? 0 : runs[r - 1].end;
    const std::size_t after_to = r + 1 < runs.size() ? runs[r + 1].begin : units.size();
    const std::string before = window(before_from, run.begin), after = window(run.end, after_to);
    // A headline block at an edge of the page speaks for its layout when it belongs to the
    // one article beside it: its words are that article's more than the rest of the page's.
    // A banner shares words with every article alike and says little.
    if (run.at_page_start && !after.empty()) {
      const double own = shared_bigrams(headline, after), rest = shared_bigrams(headline, window(after_to, units.size()));
      const double w = kStructureWeight * (kEdgeBase + std::max(0.0, own - rest));
      layout.score += w;
      layout.evidence.push_back(fmt::format("page opens with headline \"{}\" (own {:.2f}, rest {:.2f}): before {:+.2f}",
                                            headline, own, rest, w));
    } else if (run.at_page_end && !before.empty()) {
      const double own = shared_bigrams(headline, before), rest = shared_bigrams(headline, window(0, before_from));
      const double w = kStructureWeight * (kEdgeBase + std::max(0.0, own - rest));
      layout.score -= w;
      layout.evidence.push_back(fmt::format("page ends with headline \"{}\" (own {:.2f}, rest {:.2f}): after {:+.2f}",
                                            headline, own, rest, -w));
    }
    if (!before.empty() && !after.empty()) {
      const double b = shared_bigrams(headline, before), a = shared_bigrams(headline, after);
      layout.score += kWordingWeight * (a - b);
      layout.evidence.push_back(fmt::format("headline \"{}\" shares {:.2f} with the text before, {:.2f} with the text after: {:+.2f}",
                                            headline, b, a, kWordingWeight * (a - b)));
    }
  }
  layout.headlines = layout.score < 0 ? HeadlinePosition::After : HeadlinePosition::Before;
  return layout;
}

}  // namespace newsplit
