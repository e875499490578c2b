// kwic: every occurrence of each keyword, with the text either side (keyword in context).
#include <CLI/CLI.hpp>

#include "../diagnostics.hpp"
#include "../validators.hpp"
#include "articles.hpp"
#include "commands.hpp"
#include "lists.hpp"
#include "newsplit/count.hpp"
#include "newsplit/kwic.hpp"

namespace newsplit::cli {

namespace {

class KwicCommand : public TableCommand {
 public:
  struct Found : Articles {
    std::vector<std::vector<KwicHit>> hits;  // per article
  };

  void add_options(CLI::App& app) override {
    app.add_option("-k,--keyword", keywords_.words, "A keyword to find (repeatable)")->type_name("WORD")->allow_extra_args(false);
    app.add_option("-K,--keywords-file", keywords_.files, "Keywords from FILE, one a line (# comments)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("-w,--width", width_, "Characters of context either side (default 15)")
        ->type_name("N")
        ->check(whole_number(0, 1000));
    app.add_flag("-i,--ignore-case", ignore_case_, "Latin letters match in either case");
    app.add_option("--scope", scope_, "Headline and body (default), or all: captions, credits, notes too")
        ->type_name("body|all")
        ->transform(choice<Scope>({{"body", Scope::Body}, {"all", Scope::All}}));
    add_format_option(app);
  }

  std::string check(const CommonOptions&) const override {
    return keywords_.any() ? "" : "kwic needs keywords (-k WORD, -K FILE)";
  }

  std::vector<std::string> lists() const override { return keywords_.files; }

  int prepare(const Setting& setting) override {
    TableCommand::prepare(setting);
    const auto keys = read_keywords(keywords_, setting);
    if (!keys) return 2;
    if (keys->empty()) {
      report("no keywords to find (the keyword files are empty)");
      return 2;
    }
    matcher_ = std::make_unique<KeywordMatcher>(*keys, ignore_case_);
    rows_.columns = {"file", "index", "title", "left", "keyword", "right"};
    rows_.right_align_column = 3;  // the left context against the keyword,
    rows_.highlight_column = 4;    // which stands out on a terminal
    return 0;
  }

  std::unique_ptr<Articles> make_page() const override { return std::make_unique<Found>(); }

  void more(Articles& page, ArticleTools&) const override {
    auto& found = static_cast<Found&>(page);
    for (const Article& a : page.page.articles) found.hits.push_back(keyword_hits(a, *matcher_, scope_, width_, ignore_case_));
  }

  void print_articles(const Input& input, Articles& page, std::string&) override {
    auto& found = static_cast<Found&>(page);
    for (std::size_t k = 0; k < found.hits.size(); ++k) {
      const Article& a = page.page.articles[k];
      for (KwicHit& h : found.hits[k])
        rows_.rows.push_back(std::vector<Cell>{Cell{input.name}, Cell{static_cast<std::int64_t>(a.index)}, Cell{headline_of(a)},
                                               Cell{std::move(h.left)}, Cell{std::move(h.match)}, Cell{std::move(h.right)}});
    }
  }

  void finish(std::string& out) override { print_table(rows_, 0, out); }

 private:
  KeywordOptions keywords_;
  std::size_t width_ = 15;  // characters of context either side
  bool ignore_case_ = false;
  Scope scope_ = Scope::Body;
  std::unique_ptr<KeywordMatcher> matcher_;
  Table rows_;  // a row a hit, printed at the end like count's table
};

}  // namespace

std::unique_ptr<Command> make_kwic() { return std::make_unique<KwicCommand>(); }

}  // namespace newsplit::cli
