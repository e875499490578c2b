#include "newsplit/lines.hpp"

#include <cstring>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

Line measure(std::string_view raw, std::uint64_t number) {
  Line line;
  line.number = number;
  line.text = unicode::trim(raw);
  const std::string_view t = line.text;
  // Counted in locals: the loop calls out, and fields of `line` would go to memory each time.
  int width = 0, chars = 0, spaces = 0, marks = 0;
  bool prose = false;
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (unicode::is_han_block_lead(b) && i + 2 < n) {
      i += 3;  // U+4000..9FFF: Han characters (and a few hexagram signs), the bulk of every page
      width += 2;
      ++chars;
      continue;
    }
    if (b < 0x80) {  // ASCII
      ++i;
      if (b == ' ' || b == '\t') { ++spaces; continue; }
      if (b < 0x20) continue;
      prose = prose || conventions::is_sentence_mark(b);
      ++width;
      ++chars;
      continue;
    }
    const char32_t c = unicode::next(t, i);
    if (unicode::is_space(c)) { ++spaces; continue; }
    width += unicode::typeset_width(c);
    ++chars;
    if (c < 0x2000) continue;
    prose = prose || conventions::is_prose_mark(c);
    if ((c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606) marks += conventions::is_item_mark(c);
  }
  line.width = width;
  line.chars = chars;
  line.spaces = spaces;
  line.item_marks = marks;
  line.prose_marks = prose;
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
