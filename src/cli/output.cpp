#include "output.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace newsplit::cli {

Output::Output(const std::string& path) : name_(path.empty() ? "standard output" : path) {
  if (!path.empty()) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
      fail(errno);
      return;
    }
    owned_ = true;
  }
  terminal_ = ::isatty(fd_) == 1;
}

Output::~Output() { close(); }

void Output::fail(int err) {
  if (err == EPIPE) {
    state_ = State::PipeClosed;  // the reader went away: stop, quietly
    return;
  }
  if (state_ == State::Ok)
    fmt::print(stderr, "newsplit: {}: cannot write: {}\n", name_, std::strerror(err));
  state_ = State::Failed;
}

void Output::write(std::string_view data) {
  while (!data.empty() && state_ == State::Ok) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
      return;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void Output::close() {
  if (owned_ && fd_ >= 0) {
    if (::close(fd_) != 0 && state_ == State::Ok) fail(errno);
    fd_ = -1;
  }
}

}  // namespace newsplit::cli
