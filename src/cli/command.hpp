// A command (split, clean, count, kwic, stats, explain): its own options, what it reads before
// the run, and what it makes of each page on the pipeline. Each lives in commands/ and is
// listed once, in the table of commands().
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/clean.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/script.hpp"
#include "pipeline.hpp"

namespace CLI {
class App;
}

namespace newsplit::cli {

enum class ColorMode { Auto, Always, Never };

// The options every command takes (on the main app, so that they may come before or after
// the command's name).
struct CommonOptions {
  std::vector<std::string> files;  // as given; "-" is standard input; empty means "-"
  std::string output;              // -o FILE; empty is standard output
  Encoding encoding = Encoding::Auto;
  bool lossy = false;
  unsigned jobs = 0;               // 0: one per core
  bool quiet = false;
  bool raw_punct = false;
  ColorMode color = ColorMode::Auto;
  std::string to_script;           // --to simplified|traditional (empty: as written)
};

// What the run gives every command before its first page.
struct Setting {
  explicit Setting(const CommonOptions& options) : common(options) {}
  const CommonOptions& common;
  CleanOptions clean;
  bool terminal = false;  // the output is a terminal
  bool color = false;     // the output may be coloured
  std::optional<Script> script;
};

class Command : public PageTask {
 public:
  // The command's own options, on its subcommand.
  virtual void add_options(CLI::App& app) = 0;
  // After parsing: what is wrong with the options taken together (a usage error), or "".
  virtual std::string check(const CommonOptions&) const { return {}; }
  // The files the command reads besides the pages (keyword lists), which -o must not replace.
  virtual std::vector<std::string> lists() const { return {}; }
  // Before the first page: reads what the command needs (keyword lists). Returns 0, or the
  // exit status after saying why the command cannot run.
  virtual int prepare(const Setting&) { return 0; }
};

struct CommandInfo {
  std::string_view name;
  std::string_view summary;   // a line for `newsplit --help`
  std::string_view examples;  // the end of `newsplit NAME --help`
  std::unique_ptr<Command> (*make)();
};

// Every command; the first, split, is the default one.
std::span<const CommandInfo> commands();

}  // namespace newsplit::cli
