#include "progress.hpp"

#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace newsplit::cli {

Progress::Progress(bool quiet, std::size_t files) : wanted_(!quiet && isatty(STDERR_FILENO)), files_(files) {}

void Progress::add(std::uint64_t bytes, std::size_t file) {
  bytes_ += bytes;
  if (!wanted_ || bytes_ < kLeastBytes) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(bytes_) / (1 << 20);
  fmt::print(stderr, "\r\x1b[Knewsplit: {:.0f} MB, {:.0f} MB/s, file {} of {}", mb, secs > 0 ? mb / secs : 0.0, file + 1,
             files_);
  shown_ = true;
}

void Progress::clear() {
  if (shown_) fmt::print(stderr, "\r\x1b[K");
  shown_ = false;
}

}  // namespace newsplit::cli
