// The pipeline every command runs on: a reader cuts the inputs into pages, -j workers
// process them, and the calling thread prints the results in input order, so the output is
// the same byte for byte whatever -j is. Small files are read by the workers themselves, so
// that they share a folder of pages as they share one large file. At most a few batches are
// in flight, so memory stays bounded on inputs of any size. With -j 1 it all happens in the
// calling thread. The pipeline knows no command: a PageTask says what is made of a page and
// how it is printed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "input.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/pages.hpp"
#include "output.hpp"

namespace newsplit::cli {

class PageTask {
 public:
  // What a worker made of one page (each command has its own kind).
  struct Result {
    virtual ~Result() = default;
  };
  // Per worker thread: what the work needs and must not share with other threads.
  struct Tools {
    virtual ~Tools() = default;
  };

  virtual ~PageTask() = default;
  virtual std::unique_ptr<Tools> tools() const { return std::make_unique<Tools>(); }
  // On any worker thread: what is made of one page of `input`.
  virtual std::unique_ptr<Result> process(const Page& page, const Input& input, Tools& tools) const = 0;
  // On the printing thread, before the first page (a JSON array's bracket, a CSV header).
  virtual void begin(std::string&) {}
  // On the printing thread, in input order: a page's result, to `out`.
  virtual void print(const Input& input, Result& result, std::string& out) = 0;
  // Every page of `input` printed, and the input read to its end without error.
  virtual void end_file(const Input&, std::string&) {}
  // After the last input, before the output is closed.
  virtual void finish(std::string&) {}
};

struct PipelineOptions {
  Encoding encoding = Encoding::Auto;
  bool lossy = false;
  unsigned jobs = 1;   // worker threads (1: all in the calling thread)
  bool quiet = false;  // no progress line
};

// Runs `task` over every input and closes `out`. Returns the exit status: 0 all inputs done,
// 1 at least one failed (or the output could not be written).
int run_pipeline(const std::vector<Input>& inputs, const PipelineOptions& options, PageTask& task, Output& out);

}  // namespace newsplit::cli
