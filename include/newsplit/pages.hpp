// Pages: decoded text in, one page at a time out.
// PDF text dumps separate pages with a form feed; a file without any is one page. So that
// an input of any size (a whole archive concatenated, or one endless line) streams through
// in bounded memory, a page that grows past `max_bytes` is cut early, at the last blank
// line, else the last line end, else a character boundary, and flagged as cut.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsplit {

struct Page {
  std::string text;             // UTF-8, LF line ends, no form feed
  std::uint64_t first_line = 1; // input line number of the page's first line
  std::uint64_t number = 1;     // 1-based page number within the input
  bool cut_before = false;      // starts where the size bound cut the previous page
  bool cut_after = false;       // ends at the size bound, not at a form feed or the input's end
};

class PageCutter {
 public:
  static constexpr std::size_t kDefaultMaxBytes = 1u << 20;
  explicit PageCutter(std::size_t max_bytes = kDefaultMaxBytes) : max_bytes_(max_bytes) {}

  void feed(std::string_view text);  // decoded text, in order
  std::string& input();              // or: append decoded text here (saves a copy)
  bool next(Page& page);             // moves a complete page into `page`, if one is ready
  bool finish(Page& page);           // after the last feed: true while pages remain (call until false)
  void reset();                      // a new input: lines and pages count from 1 again (the buffer keeps its room)

 private:
  Page take(std::size_t len, std::size_t skip, bool cut);
  std::string_view pending() const { return std::string_view(buf_).substr(start_); }
  std::string buf_;
  std::size_t start_ = 0;    // bytes of buf_ already given out as pages
  std::size_t scanned_ = 0;  // bytes after start_ already searched for a form feed
  std::size_t max_bytes_;
  std::uint64_t line_ = 1;
  std::uint64_t number_ = 1;
  bool cut_pending_ = false;
};

}  // namespace newsplit
