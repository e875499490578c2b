#include "validators.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "newsplit/unicode.hpp"

namespace newsplit::cli {

namespace {

// Levenshtein distance between two words.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest(std::string_view typed, const std::vector<std::string>& words) {
  std::string best;
  std::size_t best_d = 3;  // more than two edits away is no suggestion
  for (const auto& w : words)
    if (const std::size_t d = distance(typed, w); d < best_d && d < std::max<std::size_t>(w.size(), 2)) best = w, best_d = d;
  return best;
}

std::string not_one_of(const std::string& typed, const std::vector<std::string>& words) {
  std::string msg = fmt::format("'{}' is not one of: {}", typed, fmt::join(words, ", "));
  const std::string suggestion = closest(typed, words);
  if (!suggestion.empty()) msg += fmt::format(" (did you mean '{}'?)", suggestion);
  return msg;
}

CLI::Validator whole_number(std::uint64_t least, std::uint64_t most) {
  return CLI::Validator(
      [least, most](std::string& v) -> std::string {
        std::uint64_t n = 0;
        bool ok = !v.empty() && v.size() <= 19 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (ok) n = std::stoull(v);
        if (ok && n >= least && n <= most) return "";
        if (most == UINT64_MAX) return fmt::format("'{}' is not a whole number of {} or more", v, least);
        return fmt::format("'{}' is not a whole number from {} to {}", v, least, most);
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> words) {
  return CLI::Validator(
      [words](std::string& v) -> std::string {
        const std::string low = unicode::ascii_lower(v);
        return std::find(words.begin(), words.end(), low) != words.end() ? std::string() : not_one_of(v, words);
      },
      "");
}

std::string choose(std::string& typed, const std::vector<std::pair<std::string, int>>& words) {
  const std::string low = unicode::ascii_lower(typed);
  std::vector<std::string> names;
  for (const auto& [word, value] : words) {
    if (word == low) {
      typed = std::to_string(value);
      return "";
    }
    names.push_back(word);
  }
  return not_one_of(typed, names);
}

}  // namespace newsplit::cli
