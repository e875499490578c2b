// The command line: what the user asked for, parsed by CLI11. Nothing here runs anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "newsplit/count.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/format.hpp"

namespace newsplit::cli {

enum class Command { Split, Clean, Count, Stats, Explain, Kwic };
enum class ColorMode { Auto, Always, Never };

struct Options {
  Command command = Command::Split;
  std::vector<std::string> files;  // as given; "-" is standard input; empty means "-"
  std::string output;              // -o FILE; empty is standard output
  Encoding encoding = Encoding::Auto;
  bool lossy = false;
  unsigned jobs = 0;               // 0: one per core
  bool quiet = false;
  bool raw_punct = false;
  bool all = false;                // --all: leftover records too
  bool join = false;               // --join: the parts of an article continued across pages as one record
  Format format = Format::Jsonl;
  std::vector<std::string> fields;
  ColorMode color = ColorMode::Auto;
  std::string to_script;           // --to simplified|traditional (empty: as written)
  // count and stats
  std::vector<std::string> keywords;
  std::vector<std::string> keyword_files;
  std::string stopwords_file;
  std::string dict_file;                     // count --top --dict: the user's words
  bool ignore_case = false;
  CountOptions count;
  std::optional<TableFormat> table_format;  // unset: table on a terminal, tsv in a pipe
  bool explain_json = false;                 // explain -f json
  std::size_t kwic_width = 15;               // kwic -w: characters of context either side
};

// Parses argv. Returns the options, or the exit status when parsing ended the run
// (0 after --help or --version, 2 after a usage error, with the message printed).
struct Parsed {
  std::optional<Options> options;
  int status = 0;
};
Parsed parse(int argc, char** argv);

}  // namespace newsplit::cli
