// Checks of the values typed on the command line, with CLI11: each error names what is
// allowed, and the closest word when one is close ("did you mean").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace newsplit::cli {

// The known word at most two edits from `typed` (--formt, --by files, spilt), or "".
std::string closest(std::string_view typed, const std::vector<std::string>& words);
// The message for a value that is none of `words`: the words, and the closest one.
std::string not_one_of(const std::string& typed, const std::vector<std::string>& words);

// A count typed by the user: digits only, from `least` to `most`.
CLI::Validator whole_number(std::uint64_t least, std::uint64_t most = UINT64_MAX);
// A closed set of words, in any case.
CLI::Validator one_of(std::vector<std::string> words);

// A closed set of words mapped to an enum: the word is turned into the enum's number, never
// a number typed by the user (--by 2 is an error).
std::string choose(std::string& typed, const std::vector<std::pair<std::string, int>>& words);
template <typename T>
CLI::Validator choice(std::vector<std::pair<std::string, T>> words) {
  std::vector<std::pair<std::string, int>> numbered;
  for (const auto& [word, value] : words) numbered.emplace_back(word, static_cast<int>(value));
  return CLI::Validator([numbered](std::string& v) { return choose(v, numbered); }, "");
}

}  // namespace newsplit::cli
