// split: articles as records (jsonl, json, csv, tsv, md, text); clean: their cleaned text.
#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "../validators.hpp"
#include "articles.hpp"
#include "commands.hpp"
#include "newsplit/format.hpp"
#include "newsplit/join.hpp"

namespace newsplit::cli {

namespace {

class SplitCommand : public ArticleCommand {
 public:
  // clean is split printing text: headline and paragraphs, one per line.
  explicit SplitCommand(bool text) : text_(text) {}

  void add_options(CLI::App& app) override {
    if (text_) {
      app.add_flag("--all", all_, "Print leftover text too");
      return;
    }
    app.add_option("-f,--format", format_, "Output format (default: jsonl)")
        ->type_name("jsonl|json|csv|tsv|md|text")
        ->check(one_of({"jsonl", "json", "csv", "tsv", "md", "text"}));
    app.add_option("--fields", fields_, "Fields to print, in order (see the man page for the names)")
        ->type_name("a,b,c")
        ->delimiter(',')
        ->allow_extra_args(false);
    app.add_flag("--join", join_,
                 "Print an article continued on another page ((下转第2版) ... (上接第1版)) as one record, with its parts");
    app.add_flag("--all", all_, "Print leftover records too (page furniture, fragments)");
  }

  std::string check(const CommonOptions&) const override {
    const Format format = *parse_format(format_);
    if (!fields_.empty() && (format == Format::Md || format == Format::Text))
      return fmt::format("--fields picks the columns of jsonl, json, csv and tsv; {} prints whole articles", format_);
    const auto& article = article_fields();
    for (const auto& f : fields_) {
      if (!is_field(f)) return unknown_field(f);
      if (!all_ && std::find(article.begin(), article.end(), f) == article.end())
        return fmt::format("--fields: '{}' is a field of leftover records only: add --all to print them", f);
    }
    return "";
  }

  int prepare(const Setting& setting) override {
    ArticleCommand::prepare(setting);
    WriterOptions w;
    w.format = text_ ? Format::Text : *parse_format(format_);
    w.fields = fields_;
    w.leftovers = all_;
    w.color = setting.color;
    writer_ = make_writer(w);
    return 0;
  }

  void begin(std::string& out) override { writer_->begin(out); }

  void print_articles(const Input& input, Articles& articles, std::string& out) override {
    // Articles and leftovers in page order.
    const PageResult& page = articles.page;
    std::size_t l = 0;
    for (const Article& a : page.articles) {
      while (all_ && l < page.leftovers.size() && page.leftovers[l].line_start < a.line_start)
        writer_->leftover(out, input.name, page.leftovers[l++]);
      if (join_) {
        for (const JoinedArticle& j : joiner_.add(a, input.name)) writer_->article(out, j.file, j.article);
      } else {
        writer_->article(out, input.name, a);
      }
    }
    while (all_ && l < page.leftovers.size()) writer_->leftover(out, input.name, page.leftovers[l++]);
  }

  void finish(std::string& out) override {
    if (join_)
      for (const JoinedArticle& j : joiner_.finish()) writer_->article(out, j.file, j.article);
    writer_->end(out);
  }

 private:
  static std::string unknown_field(const std::string& f) {
    const auto& article = article_fields();
    std::vector<std::string> all = article;
    for (const auto& l : leftover_fields())
      if (std::find(all.begin(), all.end(), l) == all.end()) all.push_back(l);
    const std::string c = closest(f, all);
    return fmt::format("unknown field '{}' in --fields{}; the fields are {} (and, of leftovers with --all, kind, text)", f,
                       c.empty() ? "" : fmt::format(" (did you mean '{}'?)", c), fmt::join(article, ", "));
  }

  bool text_;
  std::string format_ = "jsonl";
  std::vector<std::string> fields_;
  bool all_ = false;   // --all: leftover records too
  bool join_ = false;  // --join: the parts of an article continued across pages as one record
  std::unique_ptr<RecordWriter> writer_;
  ContinuationJoiner joiner_;
};

}  // namespace

std::unique_ptr<Command> make_split() { return std::make_unique<SplitCommand>(false); }
std::unique_ptr<Command> make_clean() { return std::make_unique<SplitCommand>(true); }

}  // namespace newsplit::cli
