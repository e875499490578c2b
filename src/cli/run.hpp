// Running a command: files are read and cut into pages by a reader thread, pages are
// split on -j worker threads, and the results are printed by the calling thread in input
// order, so the output is the same byte for byte whatever -j is. At most a few pages per
// worker are in flight, so memory stays bounded on inputs of any size. With -j 1 it all
// happens in the calling thread.
#pragma once

#include "options.hpp"

namespace newsplit::cli {

// Returns the exit status: 0 all inputs done, 1 at least one failed (or the output could
// not be written).
int run(const Options& options);

}  // namespace newsplit::cli
