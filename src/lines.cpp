#include "newsplit/lines.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"
#include "simd/kernels.hpp"

namespace newsplit {

namespace {

// A line's measures, counted as its characters go by.
struct Tally {
  int width = 0, chars = 0, spaces = 0, marks = 0;
  bool prose = false;

  void ascii(unsigned char b) {
    if (b == ' ' || b == '\t') { ++spaces; return; }
    if (b < 0x20) return;
    prose = prose || conventions::is_sentence_mark(b);
    ++width;
    ++chars;
  }
  void han() {  // U+4000..9FFF: Han characters (and a few hexagram signs), the bulk of every page
    width += 2;
    ++chars;
  }
  void other(char32_t c) {
    if (unicode::is_space(c)) { ++spaces; return; }
    width += unicode::typeset_width(c);
    ++chars;
    if (c < 0x2000) return;
    prose = prose || conventions::is_prose_mark(c);
    if ((c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606) marks += conventions::is_item_mark(c);
  }
  // What other(c) adds, as a byte: width (bits 0-1), a character, a space, a prose mark, an item mark.
  static std::uint8_t effect(char32_t c) {
    Tally t;
    t.other(c);
    return static_cast<std::uint8_t>(t.width | t.chars << 2 | t.spaces << 3 | int{t.prose} << 4 | t.marks << 5);
  }
  void add(std::uint8_t e) {
    width += e & 3;
    chars += e >> 2 & 1;
    spaces += e >> 3 & 1;
    prose = prose || (e >> 4 & 1);
    marks += e >> 5 & 1;
  }
  // One character at a time from i to the end.
  void rest(std::string_view t, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    const std::size_t n = t.size();
    while (i < n) {
      const unsigned char b = p[i];
      if (unicode::is_han_block_lead(b) && i + 2 < n) { han(); i += 3; continue; }
      if (b < 0x80) { ascii(b); ++i; continue; }
      other(unicode::next(t, i));
    }
  }
};

// The effect of every code point of the blocks where the marks between Han characters live
// (general punctuation to CJK symbols and kana, U+2000..33FF; full-width forms, U+FE00..FFFF),
// worked out once by Tally::other: a mark then costs one load.
class MarkEffects {
 public:
  static constexpr char32_t kLow = 0x2000, kLowEnd = 0x3400, kHigh = 0xFE00;
  MarkEffects() {
    for (char32_t c = kLow; c < kLowEnd; ++c) low_[c - kLow] = Tally::effect(c);
    for (char32_t c = kHigh; c <= 0xFFFF; ++c) high_[c - kHigh] = Tally::effect(c);
  }
  // The effect of c, or 0xFF when c is outside the table.
  std::uint8_t of(char32_t c) const {
    if (c >= kLow && c < kLowEnd) return low_[c - kLow];
    if (c >= kHigh && c <= 0xFFFF) return high_[c - kHigh];
    return 0xFF;
  }

 private:
  std::array<std::uint8_t, kLowEnd - kLow> low_{};
  std::array<std::uint8_t, 0x10000 - kHigh> high_{};
};

const MarkEffects& mark_effects() {
  static const MarkEffects m;
  return m;
}

// A line with its text trimmed and counted by `count` (the text, a Tally to fill).
template <typename Count>
Line measured(std::string_view raw, std::uint64_t number, Count count) {
  Line line;
  line.number = number;
  const unicode::Trimmed trimmed = unicode::trim_ends(raw);
  line.text = trimmed.text;
  line.first = trimmed.first;
  line.last = trimmed.last;
  Tally x;
  count(line.text, x);
  line.width = x.width;
  line.chars = x.chars;
  line.spaces = x.spaces;
  line.item_marks = x.marks;
  line.prose_marks = x.prose;
  return line;
}

// A line a character at a time.
Line measure_one_by_one(std::string_view raw, std::uint64_t number) {
  return measured(raw, number, [](std::string_view t, Tally& x) { x.rest(t, 0); });
}

// What each of 64 bytes of a page is (bit i for byte i). A page is looked at once, by the
// kernels a vector at a time, and its lines are then measured by counting bits: the measures
// of a line of Han text and Chinese marks are sums over its bytes.
struct ByteKinds {
  std::uint64_t newline = 0;
  std::uint64_t han = 0;        // lead bytes of U+4000..9FFF: a width of 2, a character
  std::uint64_t printable = 0;  // ASCII 21..7F: a width of 1, a character
  std::uint64_t blank = 0;      // space, tab
  std::uint64_t prose = 0;      // , ; ! ? typed half-width
  std::uint64_t mark = 0;       // lead bytes of the other three-byte characters (the marks)
  std::uint64_t odd = 0;        // what bits cannot measure: a two- or four-byte character, a malformed one
};

// The kinds of the text's bytes, 64 at a time, with room past its end for the bits of a
// last line's end (the bytes past the end read as NUL: a character cut off there is odd).
// Returns whether any byte is odd (most pages have none).
bool page_kinds(std::string_view page, std::vector<ByteKinds>& kinds) {
  const auto* p = reinterpret_cast<const unsigned char*>(page.data());
  const std::size_t n = page.size();
  kinds.resize((n + 2 + 63) / 64);
  thread_local std::vector<simd::ByteMasks> masks;
  masks.resize(kinds.size());
  const simd::Kernels& kernels = simd::kernels();
  const std::size_t whole = n / 64;
  kernels.byte_masks(p, whole, masks.data());
  for (std::size_t k = whole; k < kinds.size(); ++k) {
    unsigned char tail[64] = {};
    if (64 * k < n) std::memcpy(tail, p + 64 * k, n - 64 * k);
    kernels.byte_masks(tail, 1, &masks[k]);
  }
  std::uint64_t owed = 0;  // continuation bytes a lead near the end of the last 64 left to these
  std::uint64_t odd = 0;
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const simd::ByteMasks& r = masks[k];
    const std::uint64_t expected = (r.lead3 << 1) | (r.lead3 << 2) | owed;
    owed = (r.lead3 >> 63) * 3u | (r.lead3 >> 62 & 1u);
    kinds[k] = ByteKinds{r.newline, r.han, r.printable, r.blank, r.prose, r.lead3 & ~r.han, r.other | (r.cont ^ expected)};
    odd |= kinds[k].odd;
  }
  return odd != 0;
}

// Calls f(word, mask) for each 64 bytes that [from, to) touches, mask holding its bits in the range.
template <typename F>
__attribute__((always_inline)) inline void each_word(std::size_t from, std::size_t to, F f) {
  if (from >= to) return;
  const std::size_t first = from >> 6, last = (to - 1) >> 6;
  for (std::size_t w = first; w <= last; ++w) {
    std::uint64_t m = ~std::uint64_t{0};
    if (w == first) m &= m << (from & 63);
    if (w == last) m &= ~std::uint64_t{0} >> (63 - ((to - 1) & 63));
    f(w, m);
  }
}

// What the marks of a line add up to, in one word: width, characters, spaces and item marks
// in sixteen bits each (a mark adds at most 2 to any). A line is measured this way only when
// it is short enough for the sums to fit: kMaxPackedBytes.
constexpr std::size_t kMaxPackedBytes = 3 * 16383;
constexpr std::array<std::uint64_t, 64> kPackedEffect = [] {
  std::array<std::uint64_t, 64> t{};
  for (unsigned e = 0; e < 64; ++e)
    t[e] = (e & 3) | std::uint64_t{e >> 2 & 1} << 16 | std::uint64_t{e >> 3 & 1} << 32 | std::uint64_t{e >> 5 & 1} << 48;
  return t;
}();

// The first and last characters of a line of ASCII and three-byte characters when neither
// is a space (as on nearly every line): read straight off the bytes. False otherwise.
__attribute__((always_inline)) inline bool plain_ends(const unsigned char* p, std::size_t from, std::size_t to, const std::vector<ByteKinds>& kinds,
                char32_t& first, char32_t& last) {
  if (from == to) return false;
  auto three_byte_lead = [&](std::size_t at) { return ((kinds[at >> 6].han | kinds[at >> 6].mark) >> (at & 63) & 1) != 0; };
  auto solid_ascii = [](unsigned char b) { return b > 0x20 && b < 0x80; };
  if (solid_ascii(p[from])) first = p[from];
  else if (three_byte_lead(from) && !unicode::is_space3(p + from)) first = unicode::decode3(p + from);
  else return false;
  if (solid_ascii(p[to - 1])) last = p[to - 1];
  else if (to - from >= 3 && three_byte_lead(to - 3) && !unicode::is_space3(p + to - 3)) last = unicode::decode3(p + to - 3);
  else return false;
  return true;
}

// A line of ASCII and three-byte characters, measured from the page's byte kinds; one that
// holds something else (or is malformed, or very long) is measured character by character.
// The line is written where it stays (a Line built aside and copied in costs more than the
// measuring, stalled on its own stores).
__attribute__((always_inline)) inline void line_from_kinds(Line& line, std::string_view page, std::size_t from,
                                                           std::size_t to, std::uint64_t number,
                                                           const std::vector<ByteKinds>& kinds, bool page_odd,
                                                           const MarkEffects& marks) {
  bool odd = to - from > kMaxPackedBytes;
  // The byte after the line too: a character cut off by the line's end shows there.
  if (page_odd) each_word(from, to + 1, [&](std::size_t w, std::uint64_t m) { odd = odd || (kinds[w].odd & m) != 0; });
  const std::string_view raw = page.substr(from, to - from);
  if (odd) {
    line = measure_one_by_one(raw, number);
    return;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(page.data());
  line.number = number;
  if (plain_ends(p, from, to, kinds, line.first, line.last)) {
    line.text = raw;
  } else {
    const unicode::Trimmed trimmed = unicode::trim_ends(raw);
    line.text = trimmed.text;
    line.first = trimmed.first;
    line.last = trimmed.last;
  }
  const std::size_t a = static_cast<std::size_t>(line.text.data() - page.data()), b = a + line.text.size();
  int hans = 0, printables = 0, blanks = 0;
  std::uint64_t packed = 0, prose = 0;
  Tally x;  // what the characters outside the marks' table add
  each_word(a, b, [&](std::size_t w, std::uint64_t m) {
    const ByteKinds& k = kinds[w];
    hans += std::popcount(k.han & m);
    printables += std::popcount(k.printable & m);
    blanks += std::popcount(k.blank & m);
    prose |= k.prose & m;
    const unsigned char* q = p + 64 * w;
    for (std::uint64_t rest = k.mark & m; rest != 0; rest &= rest - 1) {
      const char32_t c = unicode::decode3(q + std::countr_zero(rest));
      if (const std::uint8_t e = marks.of(c); e != 0xFF) {
        packed += kPackedEffect[e & 63];
        prose |= e & 0x10;
      } else {
        x.other(c);
      }
    }
  });
  auto field = [&](int k) { return static_cast<int>(packed >> (16 * k) & 0xFFFF); };
  line.width = x.width + field(0) + 2 * hans + printables;
  line.chars = x.chars + field(1) + hans + printables;
  line.spaces = x.spaces + field(2) + blanks;
  line.item_marks = x.marks + field(3);
  line.prose_marks = x.prose || prose != 0;
}

// The page's lines, their ends found and their measures taken from the byte kinds. Counting
// bits is most of it: the build has a copy for CPUs with the popcnt instruction (nearly all),
// which the loader picks, as std::popcount is a call into libgcc on the baseline x86-64.
#if defined(__x86_64__)
__attribute__((target_clones("popcnt", "default")))
#endif
void measure_by_kinds(std::string_view page, std::uint64_t number, std::vector<Line>& lines) {
  // A page's worth (56 bytes for each 64: under 1 MB for the biggest page), kept for the next.
  thread_local std::vector<ByteKinds> kinds;
  const bool odd = page_kinds(page, kinds);
  const MarkEffects& marks = mark_effects();
  std::size_t from = 0;
  for (std::size_t w = 0; w < kinds.size(); ++w) {
    for (std::uint64_t ends = kinds[w].newline; ends != 0; ends &= ends - 1) {
      const std::size_t to = 64 * w + static_cast<std::size_t>(std::countr_zero(ends));
      line_from_kinds(lines.emplace_back(), page, from, to, number++, kinds, odd, marks);
      from = to + 1;
    }
  }
  if (from < page.size()) line_from_kinds(lines.emplace_back(), page, from, page.size(), number, kinds, odd, marks);
}

}  // namespace

std::vector<std::string_view> page_lines(std::string_view page) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < page.size();) {
    std::size_t end = page.find('\n', at);
    if (end == std::string_view::npos) end = page.size();
    lines.push_back(page.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

// A line on its own (a line rewrapped or cut by a stage): the characters one by one, as
// cheap as the page's bits for a line or two.
Line measure(std::string_view raw, std::uint64_t number) { return measure_one_by_one(raw, number); }

PageLines read_lines(std::string_view page, std::uint64_t first_line_number) {
  PageLines out;
  out.lines.reserve(static_cast<std::size_t>(page.size() / 40) + 1);
  measure_by_kinds(page, first_line_number, out.lines);
  find_blocks(page, out);
  return out;
}

}  // namespace newsplit
