// Output: bytes to standard output or the -o file, in large writes.
// A closed pipe (`| head`) stops the run quietly; any other write error (a full disk) is
// reported once, naming the output, and makes the exit status 1.
#pragma once

#include <string>
#include <string_view>

namespace newsplit::cli {

class Output {
 public:
  // Opens `path` for writing (empty: standard output). ok() is false when it cannot.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool ok() const { return state_ == State::Ok; }
  bool pipe_closed() const { return state_ == State::PipeClosed; }
  bool failed() const { return state_ == State::Failed; }
  bool is_terminal() const { return terminal_; }

  // Writes all of `data`; after an error nothing more is written.
  void write(std::string_view data);
  // Writes and empties `buf` (keeping its capacity).
  void flush(std::string& buf) {
    write(buf);
    buf.clear();
  }
  // Closes the -o file, catching errors that only show at close.
  void close();

 private:
  enum class State { Ok, PipeClosed, Failed };
  void fail(int err);
  int fd_ = 1;
  bool owned_ = false;
  bool terminal_ = false;
  std::string name_;
  State state_ = State::Ok;
};

}  // namespace newsplit::cli
