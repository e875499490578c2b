#include "newsplit/stats.hpp"

namespace newsplit {

void FileStats::add(const PageResult& page) {
  for (const Article& a : page.articles) {
    ++articles;
    headlines += !(a.kicker.empty() && a.title.empty() && a.subtitle.empty());
    paragraphs += a.paragraphs.size();
    chars += a.chars;
    captions += a.captions.size();
    warnings += a.warnings.size();
  }
  leftovers += page.leftovers.size();
}

Table stats_table() {
  Table t;
  t.columns = {"file", "articles", "headlines", "paragraphs", "chars", "captions", "leftovers", "warnings"};
  t.bar_column = 1;
  return t;
}

void add_stats_row(Table& t, const std::string& file, const FileStats& s) {
  auto n = [](std::uint64_t v) { return Cell{static_cast<std::int64_t>(v)}; };
  t.rows.push_back({Cell{file}, n(s.articles), n(s.headlines), n(s.paragraphs), n(s.chars), n(s.captions),
                    n(s.leftovers), n(s.warnings)});
}

}  // namespace newsplit
