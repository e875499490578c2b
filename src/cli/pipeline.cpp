#include "pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "allocator.hpp"
#include "diagnostics.hpp"
#include "progress.hpp"
#include "reader.hpp"

namespace newsplit::cli {

namespace {

constexpr std::size_t kFlushBytes = 1u << 18;
// Jobs in flight at most (read ahead, being processed, or waiting to be printed): 3 MB of
// input, which keeps a run's peak memory under 64 MB for any -j.
constexpr std::uint64_t kMostInflight = (3u << 20) / kBatchBytes;

// One unit of work: a batch of pages of a large input, or several small files, unread.
using Job = std::vector<Batch>;
// Small files go to the workers this many at most, or fewer when their bytes reach kBatchBytes:
// a hand-over between threads for each page of a folder would cost more than the page.
constexpr std::size_t kMostFilesAJob = 64;

// A batch processed: the task's result for each of its pages.
struct Part {
  Batch batch;
  std::vector<std::unique_ptr<PageTask::Result>> results;
};
struct Done {
  std::vector<Part> parts;
  unsigned worker = 0;  // the thread that made it (and frees it)
};

// Per worker thread: the task's tools, and a reader for the small files it reads itself.
struct Worker {
  std::unique_ptr<PageTask::Tools> tools;
  InputReader reader;
};

class Pipeline {
 public:
  Pipeline(const std::vector<Input>& inputs, const PipelineOptions& o, PageTask& task, Output& out)
      : inputs_(inputs), o_(o), task_(task), out_(out), reader_(o.encoding, o.lossy), progress_(o.quiet, inputs.size()) {}

  int run() {
    task_.begin(buf_);
    if (o_.jobs == 1) {
      // One job, one thread: read, process and print in turn, with no thread beside it.
      inline_ = std::make_unique<Worker>(Worker{task_.tools(), InputReader(o_.encoding, o_.lossy)});
      read_all();
      finish();
      return status_;
    }
    std::thread reader([this] { read_all(); });
    std::vector<std::thread> threads;
    spent_.resize(workers());
    for (unsigned k = 0; k < workers(); ++k) threads.emplace_back([this, k] { work(k); });
    write_all();
    {
      std::lock_guard lock(m_);
      stop_ = true;  // the writer is done (or the pipe closed): let everyone go
    }
    room_.notify_all();
    work_.notify_all();
    reader.join();
    for (auto& w : threads) w.join();
    finish();
    return status_;
  }

 private:
  // A job for each worker and two more, read ahead or waiting to be printed (twice as many
  // were no faster, and made peak memory swing with the allocator's timing); never more than
  // kMostInflight, so that memory is bounded by the work in flight, whatever -j says.
  std::uint64_t max_inflight() const { return std::min<std::uint64_t>(std::uint64_t{workers()} + 2, kMostInflight); }
  // Worker threads: as many as -j asks, but no more than there can be jobs for (a thread
  // beyond those would wait forever and only hold its memory).
  unsigned workers() const { return static_cast<unsigned>(std::min<std::uint64_t>(o_.jobs, kMostInflight - 2)); }

  // --- Reader -------------------------------------------------------------------------

  void read_all() {
    const InputReader::Send send = [this](Batch&& b) {
      Job job;
      job.push_back(std::move(b));
      return push(std::move(job));
    };
    Job small;  // small files, unread, for the worker that takes them
    std::uint64_t small_bytes = 0;
    auto send_small = [&] {
      small_bytes = 0;
      return small.empty() || push(std::exchange(small, Job{}));
    };
    bool more = true;
    for (std::size_t f = 0; f < inputs_.size() && more; ++f) {
      if (const auto size = small_file(inputs_[f].path)) {
        // A job of small files holds no more bytes than a batch of pages.
        if (small_bytes + *size > kBatchBytes || small.size() == kMostFilesAJob) more = send_small();
        Batch& unread = small.emplace_back();
        unread.file = f;
        unread.unread = true;
        small_bytes += *size;
      } else {
        more = send_small() && reader_.read(f, inputs_[f], send);
      }
    }
    if (more) send_small();
    std::lock_guard lock(m_);
    reader_done_ = true;
    work_.notify_all();
    next_ready_.notify_one();
  }

  bool push(Job&& job) {
    if (inline_) {  // -j 1: the reader's own thread does the work and the printing
      Done d = process(std::move(job), *inline_);
      const bool more = deliver(d);
      d = Done{};  // printed: freed before the allocator hears that a job is done
      allocator::job_done();
      return more;
    }
    std::unique_lock lock(m_);
    // Bounded: wait while too many jobs are ahead of the writer.
    room_.wait(lock, [&] { return stop_ || seq_ - next_write_ < max_inflight(); });
    if (stop_) return false;
    jobs_.emplace_back(seq_++, std::move(job));
    work_.notify_one();
    return true;
  }

  // --- Workers ------------------------------------------------------------------------

  void work(unsigned id) {
    Worker worker{task_.tools(), InputReader(o_.encoding, o_.lossy)};
    std::vector<Done> spent;
    for (;;) {
      std::pair<std::uint64_t, Job> job;
      {
        std::unique_lock lock(m_);
        work_.wait(lock, [&] { return stop_ || !jobs_.empty() || reader_done_; });
        if (jobs_.empty()) return;  // stopped, or the reader is done and nothing is left
        job = std::move(jobs_.front());
        jobs_.pop_front();
        spent.swap(spent_[id]);
      }
      spent.clear();  // this thread's results, printed: freed where they were made
      allocator::job_done();
      Done d = process(std::move(job.second), worker);
      d.worker = id;
      std::lock_guard lock(m_);
      done_.emplace(job.first, std::move(d));
      if (job.first == next_write_) next_ready_.notify_one();  // the writer waits for this one only
    }
  }

  Done process(Job&& job, Worker& worker) const {
    Done d;
    for (Batch& batch : job) {
      Part& part = d.parts.emplace_back();
      part.batch = std::move(batch);
      if (part.batch.unread) read_whole(part.batch, worker.reader);
      const Input& input = inputs_[part.batch.file];
      for (const Page& p : part.batch.pages) part.results.push_back(task_.process(p, input, *worker.tools));
      part.batch.pages.clear();  // the text is no longer needed: free it early
    }
    return d;
  }

  // A small file read by a worker: all its batches (one, unless decoding made it larger) as one.
  void read_whole(Batch& whole, InputReader& reader) const {
    reader.read(whole.file, inputs_[whole.file], [&whole](Batch&& b) {
      for (Page& p : b.pages) whole.pages.push_back(std::move(p));
      whole.bytes += b.bytes;
      whole.warning = std::move(b.warning);
      whole.error = std::move(b.error);
      whole.ends_file = b.ends_file;
      return true;
    });
  }

  // --- Writer -------------------------------------------------------------------------

  void write_all() {
    // A batch's results are freed by the worker that made them, not here: a block freed on
    // another thread goes back to its own through a shared list.
    std::optional<Done> printed;
    for (;;) {
      Done d;
      {
        std::unique_lock lock(m_);
        if (printed) spent_[printed->worker].push_back(std::move(*printed));
        printed.reset();
        auto ready = [&] { return done_.count(next_write_) > 0; };
        if (!ready() && !buf_.empty()) {
          // Nothing to print yet: let what is printed so far reach the reader.
          lock.unlock();
          out_.flush(buf_);
          lock.lock();
        }
        next_ready_.wait(lock, [&] { return ready() || (reader_done_ && next_write_ == seq_); });
        if (!ready()) return;
        auto it = done_.find(next_write_);
        d = std::move(it->second);
        done_.erase(it);
        ++next_write_;
      }
      room_.notify_one();
      const bool more = deliver(d);
      printed = std::move(d);
      if (!more) return;
    }
  }

  // Prints a processed job; false once the output is closed or failed (exit 1 on failure).
  bool deliver(Done& d) {
    for (Part& part : d.parts) {
      print(part);
      // Pages that came before a pause of the input (pages fed one at a time through a pipe)
      // go out at once, not when the buffer is full.
      if (buf_.size() >= kFlushBytes || (part.batch.paused && !buf_.empty())) out_.flush(buf_);
      if (out_.failed()) status_ = 1;
      if (!out_.ok()) return false;
    }
    return true;
  }

  void print(Part& part) {
    const Batch& b = part.batch;
    const Input& input = inputs_[b.file];
    progress_.add(b.bytes, b.file);
    for (auto& r : part.results) task_.print(input, *r, buf_);
    for (const std::string* message : {&b.warning, &b.error}) {
      if (message->empty()) continue;
      progress_.clear();
      out_.flush(buf_);  // what came before the message is printed before it
      report(*message);
      status_ = 1;
    }
    if (!b.error.empty()) ++files_failed_;
    else if (b.ends_file) task_.end_file(input, buf_);
  }

  void finish() {
    if (out_.ok()) {
      task_.finish(buf_);
      progress_.clear();
      out_.flush(buf_);
    }
    // Where no input could be read, an -o file already there is left as it was.
    if (files_failed_ == inputs_.size()) out_.discard();
    out_.close();
    if (out_.failed()) status_ = 1;
  }

  const std::vector<Input>& inputs_;
  const PipelineOptions& o_;
  PageTask& task_;
  Output& out_;
  InputReader reader_;  // the reader thread's
  std::unique_ptr<Worker> inline_;  // -j 1: the calling thread does all the work
  Progress progress_;
  std::string buf_;
  int status_ = 0;
  std::size_t files_failed_ = 0;

  // One lock; each kind of wait has its own condition, so that a hand-over wakes only the
  // thread that waits for it.
  std::mutex m_;
  std::condition_variable work_;        // workers: a batch is queued, or the reader is done
  std::condition_variable next_ready_;  // the writer: the next batch in input order is done
  std::condition_variable room_;        // the reader: fewer batches are ahead of the writer
  std::deque<std::pair<std::uint64_t, Job>> jobs_;
  std::map<std::uint64_t, Done> done_;
  std::vector<std::vector<Done>> spent_;  // per worker: batches printed, for it to free
  std::uint64_t seq_ = 0, next_write_ = 0;
  bool reader_done_ = false, stop_ = false;
};

}  // namespace

int run_pipeline(const std::vector<Input>& inputs, const PipelineOptions& options, PageTask& task, Output& out) {
  if (out.failed()) return 1;
  return Pipeline(inputs, options, task, out).run();
}

}  // namespace newsplit::cli
