// Input files: open a path (or "-" for standard input) and read it in chunks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/record.hpp"

namespace newsplit::cli {

// A file name as records print it: valid UTF-8 always, a byte that is not replaced by U+FFFD
// (names are bytes on Linux, and output must stay UTF-8 for strict JSON readers).
std::string record_name(std::string_view raw);
// A file name as a diagnostic prints it: record_name with control characters escaped
// (\n, \t, \x01), so that a name cannot break the `newsplit: FILE: message` line.
std::string diagnostic_name(std::string_view raw);

// One input of the run, as its records, its diagnostics and its pages' heads name it.
struct Input {
  std::string path;   // as given; "-" is standard input
  std::string name;   // in records (record_name)
  std::string shown;  // in diagnostics (diagnostic_name)
  PageHead head;      // what the path says of its pages (2021-07-20_04.txt: date, page)
};
// The inputs of `paths`, with one note when some names are not valid UTF-8.
std::vector<Input> list_inputs(const std::vector<std::string>& paths);

class InputFile {
 public:
  // Opens the input; on failure error() says why ("No such file or directory",
  // "is a directory", "Permission denied").
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // Reads up to `max` bytes into the front of buf, which grows to `max` bytes and stays so:
  // a buffer serves read after read, file after file, and is not cleared for each. Returns
  // the bytes read: none at the end of the input or on a read error (then error() is set).
  std::string_view read(std::string& buf, std::size_t max);
  // How much to ask for at a time: 64 KB from a file, so that the buffer the kernel copies
  // into is still in the core's cache when it is decoded (count and split took 3% less
  // time than with 1 MB); 1 MB from a pipe or terminal, where a read returns what is there and a
  // short one tells the writer paused.
  std::size_t chunk_size() const { return regular_ ? kFileChunk : kStreamChunk; }
  static constexpr std::size_t kFileChunk = 64u << 10, kStreamChunk = 1u << 20;
  // Size of a regular file, 0 when unknown (pipes); for progress.
  std::size_t size_hint() const { return size_; }

 private:
  int fd_ = -1;
  bool owned_ = false;
  std::size_t size_ = 0;
  bool regular_ = false;
  std::string error_;
};

}  // namespace newsplit::cli
