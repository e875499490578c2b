#include "input.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace newsplit::cli {

InputFile::InputFile(const std::string& path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      error_ = std::strerror(errno);
      return;
    }
    owned_ = true;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      error_ = "is a directory";
      return;
    }
    regular_ = S_ISREG(st.st_mode);
    if (regular_) size_ = static_cast<std::size_t>(st.st_size);
  }
#ifdef POSIX_FADV_SEQUENTIAL
  if (owned_) ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

InputFile::~InputFile() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

bool InputFile::read(std::string& buf, std::size_t max) {
  buf.resize(max);
  for (;;) {
    const ssize_t n = ::read(fd_, buf.data(), max);
    if (n > 0) {
      buf.resize(static_cast<std::size_t>(n));
      return true;
    }
    if (n == 0) {
      buf.clear();
      return false;
    }
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    buf.clear();
    return false;
  }
}

}  // namespace newsplit::cli
