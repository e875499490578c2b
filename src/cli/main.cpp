// newsplit: the command-line front end. Parse the options, run the command, exit.
#include <csignal>
#include <exception>

#include <fmt/format.h>

#include "allocator.hpp"
#include "diagnostics.hpp"
#include "options.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE on write, and the output layer ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    auto parsed = newsplit::cli::parse(argc, argv);
    if (!parsed.command) return parsed.status;
    newsplit::cli::allocator::configure(parsed.common.jobs);
    return newsplit::cli::run(parsed.common, *parsed.command);
  } catch (const std::exception& e) {
    newsplit::cli::report(fmt::format("internal error: {}\nPlease report it with the input that caused it.", e.what()));
    return 1;
  }
}
