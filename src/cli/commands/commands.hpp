// The makers of the commands, one a file in this folder; commands() lists them.
#pragma once

#include <memory>

#include "../command.hpp"

namespace newsplit::cli {

std::unique_ptr<Command> make_split();
std::unique_ptr<Command> make_clean();
std::unique_ptr<Command> make_count();
std::unique_ptr<Command> make_kwic();
std::unique_ptr<Command> make_stats();
std::unique_ptr<Command> make_explain();

}  // namespace newsplit::cli
