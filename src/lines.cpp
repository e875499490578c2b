#include "newsplit/lines.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

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

#if defined(__SSE2__)
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

__m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {  // unsigned lo <= byte <= hi
  const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(static_cast<char>(hi - lo))), x);
}
__m128i any_of(__m128i v, std::initializer_list<char> cs) {
  __m128i m = _mm_setzero_si128();
  for (char c : cs) m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
  return m;
}
unsigned bits(__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); }
// Sums of the bytes of a vector, kept as two 64-bit halves until the line ends.
struct ByteSum {
  __m128i halves = _mm_setzero_si128();
  void add(__m128i bytes) { halves = _mm_add_epi64(halves, _mm_sad_epu8(bytes, _mm_setzero_si128())); }
  int total() const {
    return static_cast<int>(_mm_cvtsi128_si64(halves) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(halves, halves)));
  }
};

// Sixteen bytes at a time while the line is ASCII and three-byte characters (Han and the
// Chinese marks), as nearly every line is: Han characters and ASCII are counted in vector
// lanes, without a branch per character; the other three-byte characters one by one. A
// character that runs on into the next block owes it its continuation bytes. The last
// block is the line's last sixteen bytes, with those already counted left out. Returns
// where the character-at-a-time path must go on (the line's end when all went this way).
std::size_t tally_blocks(std::string_view t, Tally& x) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  if (n < 16) return 0;
  const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i one = _mm_set1_epi8(1);
  // Han characters and printable ASCII (a width of 2 and 1, a character each), and blanks.
  ByteSum hans, printables, blanks;
  const MarkEffects& marks = mark_effects();
  unsigned owed = 0;
  // The block of sixteen at i, its first skip bytes counted before (the last block of the
  // line; 0 for the others, and the masks fold away); false when it holds another kind.
  auto block = [&](std::size_t i, std::size_t skip) __attribute__((always_inline)) {
    const unsigned valid = 0xFFFFu >> skip;  // as bits, shifted down to i
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - skip));
    const __m128i mine = _mm_cmpgt_epi8(index, _mm_set1_epi8(static_cast<char>(skip) - 1));
    const unsigned ascii = (~bits(v) & 0xFFFFu) >> skip;
    const unsigned lead3 = bits(in_range(v, 0xE0, 0xEF)) >> skip;
    const unsigned cont = bits(in_range(v, 0x80, 0xBF)) >> skip;
    const unsigned expected = (((lead3 << 1) | (lead3 << 2)) & valid) | owed;
    if ((ascii | lead3 | cont) != valid || cont != expected) return false;  // another kind of character
    const __m128i han = _mm_and_si128(in_range(v, 0xE4, 0xE9), mine);
    hans.add(_mm_and_si128(han, one));
    // Blanks, printable ASCII and the half-width marks of prose, only where there is ASCII:
    // most blocks of a Chinese page have none.
    if (ascii != 0) {
      const __m128i blank = _mm_and_si128(any_of(v, {' ', '\t'}), mine);
      const __m128i printable = _mm_andnot_si128(blank, _mm_and_si128(in_range(v, 0x20, 0x7F), mine));
      printables.add(_mm_and_si128(printable, one));
      blanks.add(_mm_and_si128(blank, one));
      x.prose = x.prose || (bits(_mm_and_si128(any_of(v, {',', ';', '!', '?'}), mine)) != 0);
    }
    for (unsigned rest = lead3 & ~(bits(han) >> skip); rest != 0; rest &= rest - 1) {
      std::size_t at = i + static_cast<std::size_t>(std::countr_zero(rest));
      if (at + 2 >= n) {  // cut off by the line's end (malformed text)
        x.other(unicode::next(t, at));
        continue;
      }
      // A whole three-byte character: its continuation bytes were checked above.
      const char32_t c = (p[at] & 0x0Fu) << 12 | (p[at + 1] & 0x3Fu) << 6 | (p[at + 2] & 0x3Fu);
      if (const std::uint8_t e = marks.of(c); e != 0xFF) x.add(e);
      else x.other(c);
    }
    owed = (lead3 >> 15 & 1u) * 3u | (lead3 >> 14 & 1u);  // a lead at 15 owes two bytes, at 14 one
    return true;
  };
  std::size_t i = 0;
  while (i + 16 <= n && block(i, 0)) i += 16;
  // The last block: the line's last sixteen bytes (unless a block before it stopped the run).
  if (i + 16 > n && i < n && block(i, 16 - (n - i))) i = n;
  const int h = hans.total(), a = printables.total();
  x.width += 2 * h + a;
  x.chars += h + a;
  x.spaces += blanks.total();
  // Past the continuation bytes of the last character counted.
  return std::min(n, i + (owed == 3u ? 2 : owed == 1u ? 1 : 0));
}
#endif

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

}  // namespace

namespace detail {
Line measure_one_by_one(std::string_view raw, std::uint64_t number) {
  return measured(raw, number, [](std::string_view t, Tally& x) { x.rest(t, 0); });
}
}  // namespace detail

Line measure(std::string_view raw, std::uint64_t number) {
#if defined(__SSE2__)
  return measured(raw, number, [](std::string_view t, Tally& x) { x.rest(t, tally_blocks(t, x)); });
#else
  return detail::measure_one_by_one(raw, number);
#endif
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
