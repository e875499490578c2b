#include "output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "diagnostics.hpp"

namespace newsplit::cli {

Output::Output(const std::string& path) : name_(path.empty() ? "standard output" : path) {
  if (!path.empty()) {
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
      // A device or a FIFO (/dev/null, a named pipe) is written to as it is.
      fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    } else {
      open_temporary(path, exists ? static_cast<int>(st.st_mode & 07777) : -1);
    }
    if (fd_ < 0) {
      fail(errno);
      return;
    }
    owned_ = true;
  }
  terminal_ = ::isatty(fd_) == 1;
}

void Output::open_temporary(const std::string& path, int mode) {
  // A link is followed, so that the file it names is replaced and the link stays.
  target_ = path;
  if (char* real = ::realpath(path.c_str(), nullptr)) {
    target_ = real;
    std::free(real);
  }
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_ = fmt::format("{}.newsplit-{}-{}", target_, ::getpid(), attempt);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ >= 0 || errno != EEXIST) break;
  }
  if (fd_ < 0) {
    temp_.clear();
    return;
  }
  if (mode >= 0) ::fchmod(fd_, static_cast<mode_t>(mode));  // replacing a file keeps its mode
}

Output::~Output() {
  if (owned_ && fd_ >= 0 && !temp_.empty()) {
    // Never closed on purpose: the run stopped early, so the file in place is left as it was.
    ::close(fd_);
    ::unlink(temp_.c_str());
    return;
  }
  close();
}

void Output::fail(int err) {
  if (err == EPIPE) {
    state_ = State::PipeClosed;  // the reader went away: stop, quietly
    return;
  }
  if (state_ == State::Ok)
    report(name_, fmt::format("cannot write: {}", std::strerror(err)));
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
    if (!temp_.empty()) {
      if (state_ == State::Ok && !discard_ && ::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
      if (state_ != State::Ok || discard_) ::unlink(temp_.c_str());
      temp_.clear();
    }
  }
}

}  // namespace newsplit::cli
