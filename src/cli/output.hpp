// Output: bytes to standard output or the -o file, in large writes.
// A closed pipe (`| head`) stops the run quietly; any other write error (a full disk) is
// reported once, naming the output, and makes the exit status 1.
// An -o file is written beside its place under a temporary name and renamed over it only
// when everything was written: a failed run never leaves it half written or emptied.
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
  // The -o file is not put in place at close (nothing worth keeping was written).
  void discard() { discard_ = true; }
  // Closes the -o file, catching errors that only show at close, and puts it in its place
  // when nothing failed (the temporary file is removed when something did).
  void close();

 private:
  enum class State { Ok, PipeClosed, Failed };
  void fail(int err);
  void open_temporary(const std::string& path, int mode);
  int fd_ = 1;
  bool owned_ = false;
  bool discard_ = false;
  std::string target_, temp_;  // -o into a regular file: where it goes, where it is written
  bool terminal_ = false;
  std::string name_;
  State state_ = State::Ok;
};

}  // namespace newsplit::cli
