#include "newsplit/lines.hpp"

#include <cstring>

#include "newsplit/unicode.hpp"

namespace newsplit {

Line measure(std::string_view raw, std::uint64_t number) {
  Line line;
  line.number = number;
  line.text = unicode::trim(raw);
  const std::string_view t = line.text;
  for (std::size_t i = 0; i < t.size();) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {  // ASCII fast path
      ++i;
      if (b == ' ' || b == '\t') { ++line.spaces; continue; }
      if (b < 0x20) continue;
      ++line.width;
      ++line.chars;
      continue;
    }
    const char32_t c = unicode::next(t, i);
    if (unicode::is_space(c)) { ++line.spaces; continue; }
    line.width += unicode::typeset_width(c);
    ++line.chars;
  }
  line.first = unicode::first(t);
  line.last = unicode::last(t);
  return line;
}

PageLines read_lines(std::string_view page, std::uint64_t first_line_number) {
  PageLines out;
  out.lines.reserve(static_cast<std::size_t>(page.size() / 40) + 1);
  std::uint64_t number = first_line_number;
  std::size_t pos = 0;
  while (pos <= page.size()) {
    const void* nl = std::memchr(page.data() + pos, '\n', page.size() - pos);
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - page.data()) : page.size();
    if (!nl && end == pos) break;  // no text after the last line end
    out.lines.push_back(measure(page.substr(pos, end - pos), number++));
    pos = end + 1;
  }
  int blanks = 0;
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    if (out.lines[i].blank()) { ++blanks; continue; }
    if (out.blocks.empty() || out.blocks.back().end != i) {
      if (!out.blocks.empty()) out.blocks.back().blanks_after = blanks;
      out.blocks.push_back(Block{i, i + 1, blanks, 0});
    } else {
      out.blocks.back().end = i + 1;
    }
    blanks = 0;
  }
  if (!out.blocks.empty()) out.blocks.back().blanks_after = blanks;
  return out;
}

}  // namespace newsplit
