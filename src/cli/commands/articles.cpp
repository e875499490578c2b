#include "articles.hpp"

#include "lists.hpp"
#include "newsplit/page_head.hpp"

namespace newsplit::cli {

int ArticleCommand::prepare(const Setting& setting) {
  clean_ = setting.clean;
  script_ = setting.script;
  return 0;
}

void ArticleCommand::fill_tools(ArticleTools& tools) const {
  if (script_) tools.script = std::make_unique<ScriptConverter>(*script_);
}

std::unique_ptr<PageTask::Tools> ArticleCommand::tools() const {
  auto tools = std::make_unique<ArticleTools>();
  fill_tools(*tools);
  return tools;
}

std::unique_ptr<PageTask::Result> ArticleCommand::process(const Page& page, const Input& input, Tools& tools) const {
  auto& own = static_cast<ArticleTools&>(tools);
  std::unique_ptr<Articles> r = make_page();
  r->page = split_page(page, SplitOptions{clean_});
  // What the page's head does not say, its file's name may (2021-07-20_04.txt).
  for (Article& a : r->page.articles) fill_missing(a.head, input.head);
  for (Leftover& l : r->page.leftovers) fill_missing(l.head, input.head);
  if (own.script) own.script->convert(r->page);
  more(*r, own);
  return r;
}

void ArticleCommand::print(const Input& input, Result& result, std::string& out) {
  if (&input != current_) {
    current_ = &input;
    articles_ = 0;
    begin_file(input);
  }
  auto& page = static_cast<Articles&>(result);
  for (Article& a : page.page.articles) a.index = ++articles_;
  print_articles(input, page, out);
}

int TableCommand::prepare(const Setting& setting) {
  ArticleCommand::prepare(setting);
  color_ = setting.color;
  table_ = table_format(format_, setting);
  return 0;
}

void TableCommand::add_format_option(CLI::App& app) { add_table_format(app, format_); }

void TableCommand::print_table(const Table& table, int bar_width, std::string& out) const {
  write_table(table, table_, out, TableStyle{color_, bar_width});
}

}  // namespace newsplit::cli
