// count: how often each keyword (or, with --top, each word) stands in the articles' text.
#include <CLI/CLI.hpp>

#include "../diagnostics.hpp"
#include "../validators.hpp"
#include "articles.hpp"
#include "commands.hpp"
#include "lists.hpp"
#include "newsplit/count.hpp"

namespace newsplit::cli {

namespace {

class CountCommand : public TableCommand {
 public:
  struct Counted : Articles {
    PageCounts counts;
  };
  struct CountTools : ArticleTools {
    std::unique_ptr<WordCounter> words;  // --top
  };

  void add_options(CLI::App& app) override {
    // Repeatable options take one value each, so that `-k 社区 page.txt` leaves the file alone.
    app.add_option("-k,--keyword", keywords_.words, "A keyword to count (repeatable)")->type_name("WORD")->allow_extra_args(false);
    app.add_option("-K,--keywords-file", keywords_.files,
                   "Keywords from FILE, one a line (# comments); a list of 100,000 takes about 40 MB")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--by", o_.by, "Rows: one per keyword (default), per file, or per article")
        ->type_name("total|file|article")
        ->transform(choice<CountBy>({{"total", CountBy::Total}, {"file", CountBy::File}, {"article", CountBy::Article}}));
    app.add_option("--top", o_.top, "The N most frequent words of two or more characters")->type_name("N")->check(whole_number(1));
    app.add_option("--stopwords", stopwords_file_, "More words for --top to skip, one a line")->type_name("FILE");
    app.add_option("--dict", dict_file_, "Words for --top to count whole, one a line (jieba's user dictionary format)")
        ->type_name("FILE");
    app.add_option("--scope", o_.scope, "Headline and body (default), or all: captions, credits, notes too")
        ->type_name("body|all")
        ->transform(choice<Scope>({{"body", Scope::Body}, {"all", Scope::All}}));
    app.add_flag("-i,--ignore-case", ignore_case_, "Latin letters match in either case (RCEP and rcep are one keyword)");
    app.add_option_function<std::uint64_t>("--min", [this](const std::uint64_t& n) { o_.min = n; }, "Drop rows counting less than N")
        ->type_name("N")
        ->check(whole_number(0));
    app.add_option("--sort", o_.sort, "Row order within a file or article (default: as given)")
        ->type_name("count|name")
        ->transform(choice<CountSort>({{"count", CountSort::Count}, {"name", CountSort::Name}}));
    add_format_option(app);
  }

  std::string check(const CommonOptions&) const override {
    if (!keywords_.any() && o_.top == 0) return "count needs keywords (-k WORD, -K FILE) or --top N";
    if (!dict_file_.empty() && o_.top == 0)
      return "--dict adds words to the segmentation of --top N; keywords (-k, -K) are counted whole already";
    if (o_.top > 0 && keywords_.any()) return "count takes either keywords (-k, -K) or --top, not both";
    return "";
  }

  std::vector<std::string> lists() const override {
    std::vector<std::string> files = keywords_.files;
    for (const std::string* f : {&stopwords_file_, &dict_file_})
      if (!f->empty()) files.push_back(*f);
    return files;
  }

  int prepare(const Setting& setting) override {
    TableCommand::prepare(setting);
    const auto keys = read_keywords(keywords_, setting);
    if (!keys) return 2;
    if (o_.top == 0 && keys->empty()) {
      report("no keywords to count (the keyword files are empty)");
      return 2;
    }
    matcher_ = std::make_unique<KeywordMatcher>(*keys, ignore_case_);
    report_ = std::make_unique<CountReport>(o_, matcher_.get());
    if (o_.top > 0 && !read_top_lists(setting)) return 2;
    return 0;
  }

  std::unique_ptr<Tools> tools() const override {
    auto tools = std::make_unique<CountTools>();
    fill_tools(*tools);
    if (o_.top > 0) tools->words = std::make_unique<WordCounter>(stopwords_, 2, dictionary_.get());
    return tools;
  }

  std::unique_ptr<Articles> make_page() const override { return std::make_unique<Counted>(); }

  void more(Articles& page, ArticleTools& tools) const override {
    auto& counted = static_cast<Counted&>(page);
    counted.counts = count_page(page.page, o_, matcher_.get(), static_cast<CountTools&>(tools).words.get());
    // The text is let go of here, on the thread that made it and while it is still in its
    // cache: the next page reuses that memory warm.
    keep_what_the_report_reads(page.page, o_);
  }

  void print_articles(const Input& input, Articles& page, std::string&) override {
    report_->add(input.name, page.page, static_cast<Counted&>(page).counts);
  }

  void end_file(const Input& input, std::string&) override { report_->end_file(input.name); }

  void finish(std::string& out) override { print_table(report_->finish(), 40, out); }

 private:
  // --top's lists: the stop words, and the user's dictionary.
  bool read_top_lists(const Setting& setting) {
    stopwords_ = default_stopwords();
    if (!stopwords_file_.empty()) {
      const auto text = read_list(stopwords_file_, setting);
      if (!text) return false;
      for (auto& w : parse_keyword_list(*text)) stopwords_.insert(normalize_keyword(w, setting.clean));
    }
    if (!dict_file_.empty()) {
      const auto text = read_list(dict_file_, setting);
      if (!text) return false;
      WordList words(setting);
      for (auto& w : parse_dictionary(*text)) words.add(w);
      dictionary_ = std::make_unique<UserDictionary>(words.words);
    }
    return true;
  }

  CountOptions o_;
  KeywordOptions keywords_;
  bool ignore_case_ = false;
  std::string stopwords_file_, dict_file_;
  std::unique_ptr<KeywordMatcher> matcher_;
  std::unique_ptr<CountReport> report_;
  std::unordered_set<std::string> stopwords_;
  std::unique_ptr<UserDictionary> dictionary_;  // --dict
};

}  // namespace

std::unique_ptr<Command> make_count() { return std::make_unique<CountCommand>(); }

}  // namespace newsplit::cli
