// newsplit: the command-line front end. Parse the options, run the command, exit.
#include <csignal>
#include <exception>

#include <fmt/format.h>

#include "options.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE on write, and the output layer ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    auto parsed = newsplit::cli::parse(argc, argv);
    if (!parsed.options) return parsed.status;
    return newsplit::cli::run(*parsed.options);
  } catch (const std::exception& e) {
    fmt::print(stderr, "newsplit: internal error: {}\nPlease report it with the input that caused it.\n", e.what());
    return 1;
  }
}
