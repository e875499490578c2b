// newsplit: the command-line front end. Parse the options, run the command, exit.
#include <csignal>
#include <exception>

#include <fmt/format.h>

#if defined(NEWSPLIT_MIMALLOC)
#include <mimalloc.h>
#endif

#include "diagnostics.hpp"
#include "options.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE on write, and the output layer ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
#if defined(NEWSPLIT_MIMALLOC)
  // Freed memory goes back to the system after 2 ms (mimalloc's default is 25, and a page
  // used again is not given longer): peak memory then stays flat on an input of any length
  // (a 1 GB file peaks within 10% of a 100 MB one). Not at once either: pages and records
  // are made and freed in batches on different threads, and memory given back at once is
  // faulted in again by the next batch (split took 4 to 15% longer on two cores,
  // README: Performance).
  mi_option_set(mi_option_decommit_delay, 2);
  mi_option_set(mi_option_decommit_extend_delay, 0);
#endif
  try {
    auto parsed = newsplit::cli::parse(argc, argv);
    if (!parsed.command) return parsed.status;
    return newsplit::cli::run(parsed.common, *parsed.command);
  } catch (const std::exception& e) {
    newsplit::cli::report(fmt::format("internal error: {}\nPlease report it with the input that caused it.", e.what()));
    return 1;
  }
}
