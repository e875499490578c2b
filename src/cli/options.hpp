// The command line: what the user asked for, parsed by CLI11. Nothing here runs anything.
#pragma once

#include <memory>

#include "command.hpp"

namespace newsplit::cli {

// The options of every command, and the command asked for with its own options (null when
// parsing ended the run: 0 after --help or --version, 2 after a usage error, its message
// printed).
struct Parsed {
  CommonOptions common;
  std::unique_ptr<Command> command;
  int status = 0;
};
Parsed parse(int argc, char** argv);

}  // namespace newsplit::cli
