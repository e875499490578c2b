// What count and kwic read before the run: keyword lists (-k, -K), stop-word lists and user
// dictionaries, in any encoding the reader knows, cleaned as the text they are matched in;
// and the -f of the commands that print a table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../command.hpp"
#include "newsplit/format.hpp"

namespace newsplit::cli {

struct KeywordOptions {
  std::vector<std::string> words;  // -k
  std::vector<std::string> files;  // -K
  bool any() const { return !words.empty() || !files.empty(); }
};

// A list file's text: it follows --encoding, else is detected like pages. Empty after saying
// why it could not be read.
std::optional<std::string> read_list(const std::string& path, const Setting& setting);
// Words as they are matched: cleaned like the text, in the --to script; empty ones dropped.
class WordList {
 public:
  explicit WordList(const Setting& setting);
  void add(std::string_view raw);
  std::vector<std::string> words;

 private:
  const CleanOptions& clean_;
  std::unique_ptr<ScriptConverter> script_;
};
// The keywords of -k and -K; empty after saying why a file could not be read.
std::optional<std::vector<std::string>> read_keywords(const KeywordOptions& keywords, const Setting& setting);

// -f of count, kwic and stats: table, tsv, csv or json.
void add_table_format(CLI::App& app, std::string& format);
// The format asked for; unasked, a table on a terminal and tsv in a pipe.
TableFormat table_format(const std::string& asked, const Setting& setting);

}  // namespace newsplit::cli
