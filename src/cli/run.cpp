#include "run.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <unistd.h>

#include "input.hpp"
#include "newsplit/count.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/format.hpp"
#include "newsplit/join.hpp"
#include "newsplit/kwic.hpp"
#include "newsplit/page_head.hpp"
#include "newsplit/pages.hpp"
#include "newsplit/script.hpp"
#include "newsplit/split.hpp"
#include "newsplit/stats.hpp"
#include "output.hpp"

namespace newsplit::cli {

namespace {

constexpr std::size_t kFlushBytes = 1u << 18;
// Work on more than this much input shows a progress line on a terminal.
constexpr std::uint64_t kProgressBytes = 50ull << 20;

// Pages go to the workers in batches of about this much text: fewer hand-overs between
// threads, and still small enough to bound memory.
constexpr std::size_t kBatchBytes = 256u << 10;
// Jobs in flight at most (batches of kBatchBytes read ahead, being split, or waiting to be
// printed): 4 MB of input, which keeps a run's peak memory under 64 MB for any -j.
constexpr std::uint64_t kMostInflight = (4u << 20) / kBatchBytes;

// One unit of work: a batch of pages of a file, or the news that a file ended or failed.
struct Job {
  enum Kind { Pages, FileEnd, FileError, FileWarning } kind = Pages;
  std::uint64_t seq = 0;
  std::size_t file = 0;
  std::uint64_t bytes = 0;  // input bytes behind this job (progress)
  bool paused = false;      // the input paused after it (a pipe waiting for more): print it now
  std::vector<Page> pages;
  std::string error;
};

// What a worker made of one page.
struct PageOut {
  std::uint64_t number = 0, first_line = 0;
  PageResult page;
  PageCounts counts;        // count
  std::string explanation;  // explain
  std::vector<std::vector<KwicHit>> hits;  // kwic: per article
};

struct Result {
  Job job;
  std::vector<PageOut> pages;
  unsigned worker = 0;  // the thread that made it (and frees it)
};

// Per worker thread: the tools that are not safe to share.
struct WorkerTools {
  std::unique_ptr<WordCounter> words;
  std::unique_ptr<ScriptConverter> script;
};

class Runner {
 public:
  explicit Runner(const Options& o) : o_(o), out_(o.output) {
    bool renamed = false;
    for (const auto& f : o_.files) {
      path_heads_.push_back(head_from_path(f));
      names_.push_back(record_name(f));
      shown_.push_back(diagnostic_name(f));
      renamed = renamed || names_.back() != f;
    }
    if (renamed)
      fmt::print(stderr, "newsplit: note: some file names are not valid UTF-8; they are printed with U+FFFD for each bad byte\n");
  }

  int run() {
    if (out_.failed()) return 1;
    if (!prepare()) return status_;
    if (o_.jobs == 1) {
      // One job, one thread: read, split and print in turn, with no thread beside it.
      inline_tools_ = make_tools();
      read_all();
      finish_output();
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
    finish_output();
    return status_;
  }

 private:
  // --- Setting up ---------------------------------------------------------------------

  bool prepare() {
    clean_.punctuation = !o_.raw_punct;
    color_ = o_.color == ColorMode::Always ||
             (o_.color == ColorMode::Auto && out_.is_terminal() && !std::getenv("NO_COLOR") && !dumb_terminal());
    if (!o_.to_script.empty()) script_ = parse_script(o_.to_script);
    if (o_.command == Command::Count || o_.command == Command::Kwic) {
      std::vector<std::string> keys;
      std::unique_ptr<ScriptConverter> conv;
      if (script_) conv = std::make_unique<ScriptConverter>(*script_);
      auto add = [&](std::string_view k) {
        std::string n = normalize_keyword(k, clean_);
        if (conv) conv->convert(n);
        if (!n.empty()) keys.push_back(std::move(n));
      };
      for (const auto& k : o_.keywords) add(k);
      for (const auto& f : o_.keyword_files) {
        std::string text;
        if (!read_small_file(f, text)) return false;
        for (const auto& k : parse_keyword_list(text)) add(k);
      }
      if (o_.count.top == 0 && keys.empty()) {
        fmt::print(stderr, "newsplit: no keywords to count (the keyword files are empty)\n");
        status_ = 2;
        return false;
      }
      matcher_ = std::make_unique<KeywordMatcher>(keys, o_.ignore_case);
      report_ = std::make_unique<CountReport>(o_.count, matcher_.get());
      if (o_.count.top > 0) {
        stopwords_ = default_stopwords();
        if (!o_.stopwords_file.empty()) {
          std::string text;
          if (!read_small_file(o_.stopwords_file, text)) return false;
          for (auto& w : parse_keyword_list(text)) stopwords_.insert(normalize_keyword(w, clean_));
        }
        if (!o_.dict_file.empty()) {
          std::string text;
          if (!read_small_file(o_.dict_file, text)) return false;
          std::vector<std::string> words;
          for (auto& w : parse_dictionary(text)) {
            std::string n = normalize_keyword(w, clean_);
            if (conv) conv->convert(n);
            words.push_back(std::move(n));
          }
          dictionary_ = std::make_unique<UserDictionary>(words);
        }
      }
    }
    if (o_.command == Command::Split || o_.command == Command::Clean) {
      WriterOptions w;
      w.format = o_.command == Command::Clean ? Format::Text : o_.format;
      w.fields = o_.fields;
      w.leftovers = o_.all;
      w.color = color_;
      writer_ = make_writer(w);
      writer_->begin(buf_);
    }
    table_format_ = o_.table_format.value_or(out_.is_terminal() ? TableFormat::Table : TableFormat::Tsv);
    return true;
  }

  static bool dumb_terminal() {
    const char* t = std::getenv("TERM");
    return t && std::string_view(t) == "dumb";
  }

  // Keyword and stopword lists: any encoding the reader knows.
  bool read_small_file(const std::string& path, std::string& text) {
    InputFile in(path);
    std::string raw, chunk;
    while (in.ok() && in.read(chunk, in.chunk_size())) raw += chunk;
    if (!in.ok()) {
      fmt::print(stderr, "newsplit: {}: {}\n", diagnostic_name(path), in.error());
      status_ = 2;
      return false;
    }
    std::optional<DecodeError> err;
    text = decode_all(raw, o_.encoding, o_.lossy, &err);  // lists follow --encoding, else are detected like pages
    if (err) {
      if (err->line) fmt::print(stderr, "newsplit: {}:{}: {}\n", diagnostic_name(path), err->line, err->message);
      else fmt::print(stderr, "newsplit: {}: {}\n", diagnostic_name(path), err->message);
      status_ = 2;
      return false;
    }
    return true;
  }

  // --- Reader -------------------------------------------------------------------------

  bool push(Job job) {
    if (inline_tools_) {  // -j 1: the reader's own thread does the work and the writing
      Result r = run_job(std::move(job), *inline_tools_);
      return deliver(r);
    }
    std::unique_lock lock(m_);
    // Bounded: wait while too many jobs are ahead of the writer.
    room_.wait(lock, [&] { return stop_ || seq_ - next_write_ < max_inflight(); });
    if (stop_) return false;
    job.seq = seq_++;
    jobs_.push_back(std::move(job));
    work_.notify_one();
    return true;
  }

  // A job for each worker and two more, read ahead or waiting to be printed (twice as many
  // were no faster, and made peak memory swing with the allocator's timing); never more than
  // kMostInflight, so that memory is bounded by the work in flight, whatever -j says.
  std::uint64_t max_inflight() const { return std::min<std::uint64_t>(std::uint64_t{workers()} + 2, kMostInflight); }
  // Worker threads: as many as -j asks, but no more than there can be jobs for (a thread
  // beyond those would wait forever and only hold its memory).
  unsigned workers() const { return static_cast<unsigned>(std::min<std::uint64_t>(o_.jobs, kMostInflight - 2)); }

  void read_all() {
    for (std::size_t f = 0; f < o_.files.size(); ++f)
      if (!read_file(f)) break;
    std::lock_guard lock(m_);
    reader_done_ = true;
    work_.notify_all();
    next_ready_.notify_one();
  }

  static std::string shrank_message(const std::string& name, std::uint64_t read, std::uint64_t size) {
    return fmt::format("{}: the file shrank while it was read ({} of {} bytes); its records may be incomplete", name, read, size);
  }

  bool read_file(std::size_t f) {
    InputFile in(o_.files[f]);
    const std::string& name = shown_[f];
    auto fail = [&](std::string msg) {
      Job j;
      j.kind = Job::FileError;
      j.file = f;
      j.error = std::move(msg);
      return push(std::move(j));
    };
    if (!in.ok()) return fail(fmt::format("{}: {}", name, in.error()));
    Decoder decoder(o_.encoding, o_.lossy);
    // The reader's buffers serve file after file: memory it takes afresh for each is
    // faulted in afresh (with 16 files, the most of all page faults of a run).
    PageCutter& cutter = cutter_;
    cutter.reset();
    std::string& chunk = chunk_;
    Page page;
    Job batch;
    batch.file = f;
    std::size_t batch_bytes = 0;
    auto send_batch = [&] {
      if (batch.pages.empty()) return true;
      Job j = std::move(batch);
      batch = Job{};
      batch.file = f;
      batch_bytes = 0;
      return push(std::move(j));
    };
    auto take_pages = [&](bool last) {
      for (;;) {
        const bool got = last ? cutter.finish(page) : cutter.next(page);
        if (!got) return true;
        batch_bytes += page.text.size();
        batch.pages.push_back(std::move(page));
        if (batch_bytes >= kBatchBytes && !send_batch()) return false;
      }
    };
    std::uint64_t read_bytes = 0;
    for (;;) {
      const bool more = in.read(chunk, in.chunk_size());
      read_bytes += chunk.size();
      if (!in.ok()) {
        if (!send_batch()) return false;
        return fail(fmt::format("{}: cannot read: {}", name, in.error()));
      }
      batch.bytes += chunk.size();
      std::string& text = cutter.input();
      const bool decoded = more ? decoder.feed(chunk, text) : decoder.finish(text);
      const bool shrank = !more && in.size_hint() > 0 && read_bytes < in.size_hint();
      if (!decoded) {
        if (!send_batch()) return false;
        if (shrank) return fail(shrank_message(name, read_bytes, in.size_hint()));  // cut inside a character
        const DecodeError& e = *decoder.error();
        return fail(e.line ? fmt::format("{}:{}: {}", name, e.line, e.message) : fmt::format("{}: {}", name, e.message));
      }
      if (!take_pages(!more)) return false;
      // A short read means the input has nothing more for now (a pipe, a terminal): what
      // is ready goes out rather than waiting for a full batch.
      if (!more || chunk.size() < in.chunk_size()) {
        batch.paused = more;
        if (!send_batch()) return false;
      }
      if (!more) break;
    }
    if (in.size_hint() > 0 && read_bytes < in.size_hint()) {
      // The file shrank while it was read (truncated by another program): what was there is
      // printed, and the run says the records may be incomplete.
      Job warn;
      warn.kind = Job::FileWarning;
      warn.file = f;
      warn.error = shrank_message(name, read_bytes, in.size_hint());
      if (!push(std::move(warn))) return false;
    }
    Job end;
    end.kind = Job::FileEnd;
    end.file = f;
    return push(std::move(end));
  }

  // --- Workers ------------------------------------------------------------------------

  std::unique_ptr<WorkerTools> make_tools() const {
    auto tools = std::make_unique<WorkerTools>();
    if (o_.command == Command::Count && o_.count.top > 0) tools->words = std::make_unique<WordCounter>(stopwords_, 2, dictionary_.get());
    if (script_) tools->script = std::make_unique<ScriptConverter>(*script_);
    return tools;
  }

  void work(unsigned id) {
    const auto owned = make_tools();
    WorkerTools& tools = *owned;
    std::vector<Result> spent;
    for (;;) {
      Job job;
      {
        std::unique_lock lock(m_);
        work_.wait(lock, [&] { return stop_ || !jobs_.empty() || reader_done_; });
        if (jobs_.empty()) {
          if (stop_ || reader_done_) return;
          continue;
        }
        job = std::move(jobs_.front());
        jobs_.pop_front();
        spent.swap(spent_[id]);
      }
      spent.clear();  // this thread's records, printed: freed where they were made
      Result r = run_job(std::move(job), tools);
      r.worker = id;
      std::lock_guard lock(m_);
      const std::uint64_t seq = r.job.seq;
      done_.emplace(seq, std::move(r));
      if (seq == next_write_) next_ready_.notify_one();  // the writer waits for this one only
    }
  }

  Result run_job(Job job, WorkerTools& tools) const {
    Result r;
    r.job = std::move(job);
    for (Page& p : r.job.pages) r.pages.push_back(process(p, tools, r.job.file));
    r.job.pages.clear();  // the text is no longer needed: free it early
    return r;
  }

  PageOut process(const Page& p, WorkerTools& tools, std::size_t file) const {
    PageOut r;
    r.number = p.number;
    r.first_line = p.first_line;
    if (o_.command == Command::Explain) {
      const PageAnalysis analysis = analyse_page(p.text, p.first_line, SplitOptions{clean_});
      r.explanation = o_.explain_json ? explain_json(analysis) : explain(analysis);
      return r;
    }
    r.page = split_page(p, SplitOptions{clean_});
    // What the page's head does not say, its file's name may (2021-07-20_04.txt).
    for (Article& a : r.page.articles) fill_missing(a.head, path_heads_[file]);
    for (Leftover& l : r.page.leftovers) fill_missing(l.head, path_heads_[file]);
    if (tools.script) tools.script->convert(r.page);
    if (o_.command == Command::Kwic)
      for (const Article& a : r.page.articles) r.hits.push_back(keyword_hits(a, *matcher_, o_.count.scope, o_.kwic_width, o_.ignore_case));
    if (o_.command == Command::Count) {
      r.counts = count_page(r.page, o_.count, matcher_.get(), tools.words.get());
      // The text is let go of here, on the thread that made it and while it is still in its
      // cache: the next page reuses that memory warm (count took 10% less time).
      keep_what_the_report_reads(r.page, o_.count);
    }
    return r;
  }

  // --- Writer -------------------------------------------------------------------------

  void write_all() {
    // A job's records are freed by the worker that made them, not here: a block freed on
    // another thread goes back to its own through a shared list (the allocator took 8.9% of
    // split's time with every string of every record freed here, 6.9% now).
    std::optional<Result> printed;
    for (;;) {
      Result r;
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
        r = std::move(it->second);
        done_.erase(it);
        ++next_write_;
      }
      room_.notify_one();
      const bool more = deliver(r);
      printed = std::move(r);
      if (!more) return;
    }
  }

  // Prints a finished job; false once the output is closed or failed (exit 1 on failure).
  bool deliver(Result& r) {
    consume(r);
    // Records of pages that came before a pause of the input (pages fed one at a time through
    // a pipe) go out at once, not when the buffer is full.
    if (buf_.size() >= kFlushBytes || (r.job.paused && !buf_.empty())) out_.flush(buf_);
    if (out_.failed()) status_ = 1;
    return out_.ok();
  }

  struct FileState {
    std::uint64_t articles = 0;
    FileStats stats;
  };

  void consume(Result& r) {
    const std::size_t f = r.job.file;
    const std::string& name = names_[f];
    progress(r.job.bytes);
    if (f != cur_file_) {
      cur_file_ = f;
      file_ = FileState{};
    }
    if (r.job.kind == Job::FileError) {
      clear_progress();
      out_.flush(buf_);  // what came before the error is printed before it
      fmt::print(stderr, "newsplit: {}\n", r.job.error);
      status_ = 1;
      ++files_failed_;
      return;
    }
    if (r.job.kind == Job::FileWarning) {
      clear_progress();
      out_.flush(buf_);
      fmt::print(stderr, "newsplit: {}\n", r.job.error);
      status_ = 1;
      return;
    }
    if (r.job.kind == Job::FileEnd) {
      end_file(name);
      return;
    }
    for (PageOut& out : r.pages) consume_page(name, out);
  }

  void consume_page(const std::string& name, PageOut& r) {
    for (Article& a : r.page.articles) a.index = ++file_.articles;
    switch (o_.command) {
      case Command::Split:
      case Command::Clean: print_records(name, r.page); break;
      case Command::Stats: file_.stats.add(r.page); break;
      case Command::Count: report_->add(name, r.page, r.counts); break;
      case Command::Kwic:
        for (std::size_t k = 0; k < r.hits.size(); ++k)
          for (KwicHit& h : r.hits[k])
            kwic_.rows.push_back(std::vector<Cell>{Cell{name}, Cell{static_cast<std::int64_t>(r.page.articles[k].index)},
                                                   Cell{headline_of(r.page.articles[k])}, Cell{std::move(h.left)},
                                                   Cell{std::move(h.match)}, Cell{std::move(h.right)}});
        break;
      case Command::Explain:
        if (o_.explain_json) {  // a JSON object a page: where it is, then the analysis
          buf_ += "{\"file\":\"";
          json_escape(name, buf_);
          buf_ += fmt::format("\",\"page\":{},\"first_line\":{},", r.number, r.first_line);
          buf_.append(r.explanation, 1, std::string::npos);
          buf_ += '\n';
        } else {
          buf_ += fmt::format("== {} page {} (from line {})\n", name, r.number, r.first_line);
          buf_ += r.explanation;
        }
        break;
    }
  }

  void print_records(const std::string& name, const PageResult& page) {
    // Articles and leftovers in page order.
    std::size_t l = 0;
    for (const Article& a : page.articles) {
      while (o_.all && l < page.leftovers.size() && page.leftovers[l].line_start < a.line_start)
        writer_->leftover(buf_, name, page.leftovers[l++]);
      if (o_.join) {
        for (const JoinedArticle& j : joiner_.add(a, name)) writer_->article(buf_, j.file, j.article);
      } else {
        writer_->article(buf_, name, a);
      }
    }
    while (o_.all && l < page.leftovers.size()) writer_->leftover(buf_, name, page.leftovers[l++]);
  }

  void end_file(const std::string& name) {
    if (o_.command == Command::Stats) {
      if (!stats_table_) stats_table_ = stats_table();
      add_stats_row(*stats_table_, name, file_.stats);
    }
    if (o_.command == Command::Count) report_->end_file(name);
  }

  void finish_output() {
    if (out_.ok()) {
      if (writer_ && o_.join)
        for (const JoinedArticle& j : joiner_.finish()) writer_->article(buf_, j.file, j.article);
      if (writer_) writer_->end(buf_);
      if (o_.command == Command::Count) write_table(report_->finish(), table_format_, buf_, TableStyle{color_, 40});
      if (o_.command == Command::Kwic) {
        kwic_.columns = {"file", "index", "title", "left", "keyword", "right"};
        kwic_.right_align_column = 3;  // the left context against the keyword,
        kwic_.highlight_column = 4;    // which stands out on a terminal
        write_table(kwic_, table_format_, buf_, TableStyle{color_, 0});
      }
      if (o_.command == Command::Stats) {
        if (!stats_table_) stats_table_ = stats_table();
        write_table(*stats_table_, table_format_, buf_, TableStyle{color_, 30});
      }
      clear_progress();
      out_.flush(buf_);
    }
    // Where no input could be read, an -o file already there is left as it was.
    if (files_failed_ == o_.files.size()) out_.discard();
    out_.close();
    if (out_.failed()) status_ = 1;
  }

  // --- Progress -----------------------------------------------------------------------

  void progress(std::uint64_t bytes) {
    bytes_ += bytes;
    if (!progress_wanted_ || bytes_ < kProgressBytes) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(250)) return;
    last_progress_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes_) / (1 << 20);
    fmt::print(stderr, "\r\x1b[Knewsplit: {:.0f} MB, {:.0f} MB/s, file {} of {}", mb, secs > 0 ? mb / secs : 0.0,
               cur_file_ + 1, o_.files.size());
    progress_shown_ = true;
  }

  void clear_progress() {
    if (progress_shown_) fmt::print(stderr, "\r\x1b[K");
    progress_shown_ = false;
  }

  const Options& o_;
  Output out_;
  int status_ = 0;
  std::size_t files_failed_ = 0;
  std::vector<std::string> names_;  // each input's name in records: valid UTF-8
  std::vector<PageHead> path_heads_;  // what each input's path says of its pages (date, page)
  std::vector<std::string> shown_;  // … in diagnostics: control characters escaped  // inputs that could not be read at all
  CleanOptions clean_;
  bool color_ = false;
  std::optional<Script> script_;
  std::unique_ptr<KeywordMatcher> matcher_;
  std::unique_ptr<CountReport> report_;
  std::unique_ptr<UserDictionary> dictionary_;  // count --top --dict
  Table kwic_;  // kwic: a row a hit, printed at the end like count's table
  ContinuationJoiner joiner_;  // split --join
  std::unordered_set<std::string> stopwords_;
  std::unique_ptr<RecordWriter> writer_;
  std::unique_ptr<WorkerTools> inline_tools_;  // -j 1: the calling thread does all the work
  TableFormat table_format_ = TableFormat::Tsv;
  std::string buf_;
  // The reader's (read_file): raw bytes as read, and the decoded text being cut into pages.
  std::string chunk_;
  PageCutter cutter_;

  // One lock; each kind of wait has its own condition, so that a hand-over wakes only the
  // thread that waits for it (on two cores, waking every thread each time cost about 4%).
  std::mutex m_;
  std::condition_variable work_;        // workers: a job is queued, or the reader is done
  std::condition_variable next_ready_;  // the writer: the next job in input order is done
  std::condition_variable room_;        // the reader: fewer jobs are ahead of the writer
  std::deque<Job> jobs_;
  std::map<std::uint64_t, Result> done_;
  std::vector<std::vector<Result>> spent_;  // per worker: jobs printed, for it to free
  std::uint64_t seq_ = 0, next_write_ = 0;
  bool reader_done_ = false, stop_ = false;

  std::size_t cur_file_ = static_cast<std::size_t>(-1);
  FileState file_;
  std::optional<Table> stats_table_;

  std::uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_progress_{};
  bool progress_shown_ = false;
  const bool progress_wanted_ = !o_.quiet && isatty(STDERR_FILENO);  // on a terminal only, never in a pipe
};

}  // namespace

int run(const Options& options) {
  Runner r(options);
  return r.run();
}

}  // namespace newsplit::cli
