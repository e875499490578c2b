// The progress line: on a terminal only (never in a pipe or with -q), and only for work on
// more than 50 MB, where a user waits long enough to wonder.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace newsplit::cli {

class Progress {
 public:
  Progress(bool quiet, std::size_t files);
  // `bytes` more of the input are done, now in input `file` (0-based).
  void add(std::uint64_t bytes, std::size_t file);
  // Takes the line away (before a diagnostic, and at the end).
  void clear();

 private:
  static constexpr std::uint64_t kLeastBytes = 50ull << 20;
  bool wanted_;
  std::size_t files_;
  std::uint64_t bytes_ = 0;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

}  // namespace newsplit::cli
