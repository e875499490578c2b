// Running a command: the output opened, the inputs listed, the command prepared, and the
// pages put through the pipeline.
#pragma once

#include "command.hpp"

namespace newsplit::cli {

// Returns the exit status: 0 all inputs done, 1 at least one failed (or the output could
// not be written), 2 the command could not start (a keyword list could not be read).
int run(const CommonOptions& common, Command& command);

}  // namespace newsplit::cli
