#include "reader.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

namespace newsplit::cli {

namespace {

std::string shrank_message(const std::string& name, std::uint64_t read, std::uint64_t size) {
  return fmt::format("{}: the file shrank while it was read ({} of {} bytes); its records may be incomplete", name, read,
                     size);
}

}  // namespace

std::optional<std::uint64_t> small_file(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const auto size = static_cast<std::uint64_t>(st.st_size);
  return size <= kBatchBytes ? std::optional(size) : std::nullopt;
}

bool InputReader::read(std::size_t file, const Input& input, const Send& send) {
  InputFile in(input.path);
  if (!in.ok()) {
    Batch failed;
    failed.file = file;
    failed.error = fmt::format("{}: {}", input.shown, in.error());
    return send(std::move(failed));
  }
  return read_open(in, file, input, send);
}

bool InputReader::read_open(InputFile& in, std::size_t file, const Input& input, const Send& send) {
  Decoder decoder(encoding_, lossy_);
  cutter_.reset();
  Batch batch;
  batch.file = file;
  std::size_t batch_bytes = 0;
  auto send_batch = [&](bool always) {
    if (batch.pages.empty() && !always) return true;
    Batch full = std::move(batch);
    batch = Batch{};
    batch.file = file;
    batch_bytes = 0;
    return send(std::move(full));
  };
  auto take_pages = [&](bool last) {
    for (Page page; last ? cutter_.finish(page) : cutter_.next(page);) {
      batch_bytes += page.text.size();
      batch.pages.push_back(std::move(page));
      if (batch_bytes >= kBatchBytes && !send_batch(false)) return false;
    }
    return true;
  };
  std::uint64_t read_bytes = 0;
  for (;;) {
    const std::string_view chunk = in.read(chunk_, in.chunk_size());
    const bool more = !chunk.empty();
    read_bytes += chunk.size();
    batch.bytes += chunk.size();
    const bool shrank = !more && in.size_hint() > 0 && read_bytes < in.size_hint();
    if (!in.ok()) {
      batch.error = fmt::format("{}: cannot read: {}", input.shown, in.error());
      return send_batch(true);
    }
    if (!(more ? decoder.feed(chunk, cutter_.input()) : decoder.finish(cutter_.input()))) {
      const DecodeError& e = *decoder.error();
      batch.error = shrank ? shrank_message(input.shown, read_bytes, in.size_hint())  // cut inside a character
                    : e.line ? fmt::format("{}:{}: {}", input.shown, e.line, e.message)
                             : fmt::format("{}: {}", input.shown, e.message);
      return send_batch(true);
    }
    if (!take_pages(!more)) return false;
    if (!more) break;
    // A short read means the input has nothing more for now (a pipe, a terminal): what is
    // ready goes out rather than waiting for a full batch.
    if (chunk.size() < in.chunk_size()) {
      batch.paused = true;
      if (!send_batch(false)) return false;
    }
  }
  // A file that shrank while it was read (truncated by another program): what was there is
  // printed, and the run says the records may be incomplete.
  if (in.size_hint() > 0 && read_bytes < in.size_hint()) batch.warning = shrank_message(input.shown, read_bytes, in.size_hint());
  batch.ends_file = true;
  return send_batch(true);
}

}  // namespace newsplit::cli
