#include "input.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "diagnostics.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/page_head.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit::cli {

std::string record_name(std::string_view raw) {
  if (unicode::valid_utf8(raw)) return std::string(raw);
  return decode_all(raw, Encoding::Utf8, /*lossy=*/true);
}

std::string diagnostic_name(std::string_view raw) {
  std::string out;
  for (char c : record_name(raw)) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (b < 0x20 || b == 0x7f) out += fmt::format("\\x{:02x}", b);
    else out.push_back(c);
  }
  return out;
}

std::vector<Input> list_inputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  bool renamed = false;
  for (const auto& path : paths) {
    inputs.push_back(Input{path, record_name(path), diagnostic_name(path), head_from_path(path)});
    renamed = renamed || inputs.back().name != path;
  }
  if (renamed) report("note: some file names are not valid UTF-8; they are printed with U+FFFD for each bad byte");
  return inputs;
}

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

std::string_view InputFile::read(std::string& buf, std::size_t max) {
  if (buf.size() < max) buf.resize(max);
  for (;;) {
    const ssize_t n = ::read(fd_, buf.data(), max);
    if (n >= 0) return std::string_view(buf.data(), static_cast<std::size_t>(n));
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return {};
  }
}

}  // namespace newsplit::cli
