#include "newsplit/pages.hpp"

#include <algorithm>
#include <cstring>

namespace newsplit {

void PageCutter::feed(std::string_view text) {
  buf_.append(text);
}

Page PageCutter::take(std::size_t len, std::size_t skip, bool cut) {
  Page p;
  p.text.assign(buf_, 0, len);
  p.first_line = line_;
  p.number = number_++;
  p.cut_before = cut_pending_;
  p.cut_after = cut;
  cut_pending_ = cut;
  line_ += static_cast<std::uint64_t>(std::count(p.text.begin(), p.text.end(), '\n'));
  buf_.erase(0, len + skip);
  scanned_ = 0;
  return p;
}

bool PageCutter::next(Page& page) {
  if (scanned_ < buf_.size()) {
    const void* ff = std::memchr(buf_.data() + scanned_, '\f', buf_.size() - scanned_);
    if (ff) {
      page = take(static_cast<std::size_t>(static_cast<const char*>(ff) - buf_.data()), 1, false);
      return true;
    }
    scanned_ = buf_.size();
  }
  if (buf_.size() <= max_bytes_) return false;
  // Too big for one page: cut at a paragraph break, else a line end, else between characters.
  const std::string_view head(buf_.data(), max_bytes_);
  std::size_t cut = head.rfind("\n\n");
  if (cut != std::string_view::npos && cut >= max_bytes_ / 2) {
    cut += 1;
  } else if ((cut = head.rfind('\n')) != std::string_view::npos && cut >= max_bytes_ / 2) {
    cut += 1;
  } else {
    cut = max_bytes_;
    while (cut > 0 && (static_cast<unsigned char>(buf_[cut]) & 0xC0u) == 0x80u) --cut;
  }
  page = take(cut, 0, true);
  return true;
}

bool PageCutter::finish(Page& page) {
  if (next(page)) return true;
  if (buf_.empty()) return false;
  page = take(buf_.size(), 0, false);
  return true;
}

}  // namespace newsplit
