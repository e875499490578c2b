// stats: one summary row per input file (articles, headlines, paragraphs, characters, …).
#include <CLI/CLI.hpp>

#include "articles.hpp"
#include "commands.hpp"
#include "lists.hpp"
#include "newsplit/stats.hpp"

namespace newsplit::cli {

namespace {

class StatsCommand : public TableCommand {
 public:
  void add_options(CLI::App& app) override { add_format_option(app); }

  void begin_file(const Input&) override { file_ = FileStats{}; }
  void print_articles(const Input&, Articles& page, std::string&) override { file_.add(page.page); }
  void end_file(const Input& input, std::string&) override { add_stats_row(rows_, input.name, file_); }
  void finish(std::string& out) override { print_table(rows_, 30, out); }

 private:
  FileStats file_;  // of the input being printed
  Table rows_ = stats_table();
};

}  // namespace

std::unique_ptr<Command> make_stats() { return std::make_unique<StatsCommand>(); }

}  // namespace newsplit::cli
