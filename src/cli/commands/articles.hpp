// The base of the commands that read a page as articles (all but explain): the page is split,
// what its file's name says is filled in, the --to script is applied, and the articles are
// numbered within their file before a command prints them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "../command.hpp"
#include "newsplit/format.hpp"
#include "newsplit/split.hpp"

namespace newsplit::cli {

class ArticleCommand : public Command {
 public:
  // A page read as articles; commands that make more of it on the worker derive from it.
  struct Articles : Result {
    PageResult page;
  };
  struct ArticleTools : Tools {
    std::unique_ptr<ScriptConverter> script;  // --to
  };

  int prepare(const Setting& setting) override;
  std::unique_ptr<Tools> tools() const override;
  std::unique_ptr<Result> process(const Page& page, const Input& input, Tools& tools) const final;
  void print(const Input& input, Result& result, std::string& out) final;

 protected:
  // A page's result, of the command's own kind when it makes more of a page.
  virtual std::unique_ptr<Articles> make_page() const { return std::make_unique<Articles>(); }
  // On the worker, after the split: what more the command makes of the page.
  virtual void more(Articles&, ArticleTools&) const {}
  // On the printing thread, in input order, the articles numbered.
  virtual void print_articles(const Input& input, Articles& page, std::string& out) = 0;
  // The first page of another input comes (the one before may have ended in an error).
  virtual void begin_file(const Input&) {}
  // Tools of a derived kind start from these.
  void fill_tools(ArticleTools& tools) const;

  CleanOptions clean_;
  std::optional<Script> script_;

 private:
  const Input* current_ = nullptr;
  std::uint64_t articles_ = 0;  // of the current input, so far
};

// The commands that print a table after the last page (count, kwic, stats): -f
// table|tsv|csv|json, a table on a terminal and TSV in a pipe, coloured where the output may be.
class TableCommand : public ArticleCommand {
 public:
  int prepare(const Setting& setting) override;

 protected:
  void add_format_option(CLI::App& app);
  void print_table(const Table& table, int bar_width, std::string& out) const;

 private:
  std::string format_;
  bool color_ = false;
  TableFormat table_ = TableFormat::Tsv;
};

}  // namespace newsplit::cli
