// Reading an input: its bytes, decoded, cut into pages, handed on in batches of about
// kBatchBytes of text (fewer hand-overs between threads, and still little memory each).
// What went wrong with the input travels in its last batch, after the pages read before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "input.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/pages.hpp"

namespace newsplit::cli {

constexpr std::size_t kBatchBytes = 256u << 10;

struct Batch {
  std::size_t file = 0;      // index of the input
  std::vector<Page> pages;
  std::uint64_t bytes = 0;   // input bytes behind it (progress)
  bool unread = false;       // a small file not read yet: the worker that takes it reads it
  bool paused = false;       // the input paused after it (a pipe waiting for more): print it now
  bool ends_file = false;    // the input's last batch
  std::string warning;       // after its pages: the input was read, but something is amiss
  std::string error;         // after its pages: the input failed here and was not read to its end
};

// The size of a regular file small enough to be read whole by the worker that splits it (so
// that the opening, reading and decoding of a folder of pages is shared by the workers too);
// nothing for other inputs.
std::optional<std::uint64_t> small_file(const std::string& path);

class InputReader {
 public:
  using Send = std::function<bool(Batch&&)>;  // false: stop reading (the output closed)
  InputReader(Encoding encoding, bool lossy) : encoding_(encoding), lossy_(lossy) {}
  // Reads input `file` to its end (or its error), batch by batch; false once `send` said stop.
  bool read(std::size_t file, const Input& input, const Send& send);

 private:
  bool read_open(InputFile& in, std::size_t file, const Input& input, const Send& send);
  Encoding encoding_;
  bool lossy_;
  // Serving input after input: memory taken afresh for each would be faulted in afresh.
  PageCutter cutter_;
  std::string chunk_;
};

}  // namespace newsplit::cli
