#include "diagnostics.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace newsplit::cli {

void report(std::string_view message) { fmt::print(stderr, "newsplit: {}\n", message); }

void report(std::string_view file, std::string_view message) { report(file, 0, message); }

void report(std::string_view file, std::uint64_t line, std::string_view message) {
  if (line > 0) fmt::print(stderr, "newsplit: {}:{}: {}\n", file, line, message);
  else fmt::print(stderr, "newsplit: {}: {}\n", file, message);
}

int usage_error(std::string_view message) {
  fmt::print(stderr, "newsplit: {}\nRun 'newsplit --help' for usage.\n", message);
  return 2;
}

}  // namespace newsplit::cli
