#include "newsplit/pages.hpp"

#include "newsplit/unicode.hpp"

#include <algorithm>
#include <cstring>

namespace newsplit {

void PageCutter::feed(std::string_view text) { input().append(text); }

std::string& PageCutter::input() {
  // Pages are taken from the front by moving start_; the buffer is compacted only when the
  // taken part is most of it, so cutting many small pages costs no repeated moves.
  if (start_ > 0 && start_ >= buf_.size() / 2) {
    buf_.erase(0, start_);
    start_ = 0;
  }
  return buf_;
}

Page PageCutter::take(std::size_t len, std::size_t skip, bool cut) {
  Page p;
  p.text.assign(buf_, start_, len);
  p.first_line = line_;
  p.number = number_++;
  p.cut_before = cut_pending_;
  p.cut_after = cut;
  cut_pending_ = cut;
  line_ += unicode::count_newlines(p.text);
  start_ += len + skip;
  scanned_ = 0;
  if (start_ == buf_.size()) {
    buf_.clear();
    start_ = 0;
  }
  return p;
}

bool PageCutter::next(Page& page) {
  const std::string_view rest = pending();
  if (scanned_ < rest.size()) {
    const void* ff = std::memchr(rest.data() + scanned_, '\f', rest.size() - scanned_);
    if (ff) {
      page = take(static_cast<std::size_t>(static_cast<const char*>(ff) - rest.data()), 1, false);
      return true;
    }
    scanned_ = rest.size();
  }
  if (rest.size() <= max_bytes_) return false;
  // Too big for one page: cut at a paragraph break, else a line end, else between characters.
  const std::string_view head = rest.substr(0, max_bytes_);
  std::size_t cut = head.rfind("\n\n");
  if (cut != std::string_view::npos && cut >= max_bytes_ / 2) {
    cut += 1;
  } else if ((cut = head.rfind('\n')) != std::string_view::npos && cut >= max_bytes_ / 2) {
    cut += 1;
  } else {
    cut = max_bytes_;
    while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0u) == 0x80u) --cut;
  }
  page = take(cut, 0, true);
  return true;
}

void PageCutter::reset() {
  buf_.clear();
  start_ = scanned_ = 0;
  line_ = number_ = 1;
  cut_pending_ = false;
}

bool PageCutter::finish(Page& page) {
  if (next(page)) return true;
  if (pending().empty()) return false;
  page = take(pending().size(), 0, false);
  return true;
}

}  // namespace newsplit
