// Every message to the user goes out through here, in one shape: `newsplit: WHAT`, with the
// file (and line) first where there is one: `newsplit: FILE:LINE: WHAT`.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsplit::cli {

void report(std::string_view message);
void report(std::string_view file, std::string_view message);
// Line 0 is no line: `newsplit: FILE: WHAT`.
void report(std::string_view file, std::uint64_t line, std::string_view message);
// A mistake in the command line: the message and where to read the usage. Returns 2, the
// exit status of a usage error.
int usage_error(std::string_view message);

}  // namespace newsplit::cli
