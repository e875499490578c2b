// Code points of Chinese newspaper text: UTF-8 stepping and the character classes the
// conventions talk about (Han characters, Chinese punctuation, layout whitespace, widths).
// Hot paths test ASCII and the main CJK blocks inline; rarer code points ask ICU.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsplit::unicode {

// Decodes the code point starting at s[i] and moves i past it. The text must be valid
// UTF-8 (the decoder guarantees it); a stray byte is returned as itself, one byte long.
__attribute__((always_inline)) inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  auto cont = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
  if (b0 >= 0xF0 && i + 3 < s.size()) {
    char32_t c = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    i += 4;
    return c;
  }
  if (b0 >= 0xE0 && i + 2 < s.size()) {
    char32_t c = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
    i += 3;
    return c;
  }
  if (b0 >= 0xC0 && i + 1 < s.size()) {
    char32_t c = ((b0 & 0x1Fu) << 6) | cont(1);
    i += 2;
    return c;
  }
  ++i;
  return b0;
}

// The code point that ends just before s[i]; moves i back to its first byte.
__attribute__((always_inline)) inline char32_t prev(std::string_view s, std::size_t& i) {
  // Most characters are three bytes (Han and the Chinese marks): read in place.
  if (i >= 3) {
    const auto* q = reinterpret_cast<const unsigned char*>(s.data()) + i - 3;
    if ((q[0] & 0xF0u) == 0xE0u && (q[1] & 0xC0u) == 0x80u && (q[2] & 0xC0u) == 0x80u) {
      i -= 3;
      return (q[0] & 0x0Fu) << 12 | (q[1] & 0x3Fu) << 6 | (q[2] & 0x3Fu);
    }
  }
  std::size_t j = i;
  do { --j; } while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0u) == 0x80u && i - j < 4);
  std::size_t k = j;
  char32_t c = next(s, k);
  i = j;
  return c;
}

inline char32_t first(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? 0 : next(s, i);
}
inline char32_t last(std::string_view s) {
  std::size_t i = s.size();
  return s.empty() ? 0 : prev(s, i);
}

void append_slow(std::string& out, char32_t c);
// Appends the UTF-8 form of c; Han characters and other three-byte forms inline.
inline void append(std::string& out, char32_t c) {
  if (c >= 0x800 && c < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 3);
  } else if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else {
    append_slow(out, c);
  }
}
std::size_t count(std::string_view utf8);
// Newlines in s, counted a vector at a time.
std::size_t count_newlines(std::string_view s);
// The bytes of s from lo to hi (inclusive), counted a vector at a time.
std::size_t count_bytes(std::string_view s, unsigned char lo, unsigned char hi);

// Lead bytes E4..E9 begin U+4000..U+9FFF, three bytes each: nearly every Han character of
// a page (and the few hexagram signs). Byte-level fast paths step over them whole.
inline bool is_han_block_lead(unsigned char b) { return b >= 0xE4 && b <= 0xE9; }

// The code point of the three bytes at q, a lead byte and two continuation bytes (the
// byte-level fast paths have checked the form; nothing is checked here).
inline char32_t decode3(const unsigned char* q) {
  return (q[0] & 0x0Fu) << 12 | (q[1] & 0x3Fu) << 6 | (q[2] & 0x3Fu);
}

// Whether the three bytes at q are one of the spaces written in three: U+2000..200B,
// U+202F, U+205F, U+3000, U+FEFF (the byte-level paths step over all other three-byte
// characters as text).
inline bool is_space3(const unsigned char* q) {
  if (q[0] == 0xE2) return (q[1] == 0x80 && (q[2] <= 0x8B || q[2] == 0xAF)) || (q[1] == 0x81 && q[2] == 0x9F);
  if (q[0] == 0xE3) return q[1] == 0x80 && q[2] == 0x80;
  if (q[0] == 0xEF) return q[1] == 0xBB && q[2] == 0xBF;
  return false;
}

// Han ideographs (and 〇): the characters whose neighbours make a "Chinese context".
bool is_han_slow(char32_t c);
inline bool is_han(char32_t c) {
  if (c < 0x3000) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  return is_han_slow(c);
}

// Full-width and CJK punctuation, Chinese quotes, ellipsis and dashes as used in Chinese text.
bool is_cjk_punct(char32_t c);

// A character that makes its neighbourhood Chinese text: Han or Chinese punctuation.
inline bool is_cjk(char32_t c) { return c >= 0x2000 && (is_han(c) || is_cjk_punct(c)); }

// Layout whitespace: ASCII blanks, no-break and ideographic spaces, zero-width space, BOM.
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\v' || c == '\r' || c == '\n' || c == '\f';
  return c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
         c == 0xFEFF;
}

// Latin capitals to small letters, every other byte as it is (-i: RCEP and rcep are one keyword).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Whether any code point of s is one the predicate picks (a mark, a digit…).
template <typename Pred>
bool has_any(std::string_view s, Pred pick) {
  for (std::size_t i = 0; i < s.size();)
    if (pick(next(s, i))) return true;
  return false;
}

inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Width on the printed page, in half-em units: a Han character or full-width mark is 2,
// a Latin letter or digit 1. Used to compare a line with the column width.
inline int typeset_width(char32_t c) {
  if (c < 0x1100) return 1;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x2018 && c <= 0x201F)) return 2;
  return (is_han(c) || is_cjk_punct(c) || (c >= 0xAC00 && c <= 0xD7A3)) ? 2 : 1;
}

// Columns a terminal gives the code point (East Asian Width W/F are two), for table layout.
int display_width(char32_t c);
int display_width(std::string_view utf8);

// True when s is well-formed UTF-8; otherwise *bad gets the offset of the first bad byte.
// When allow_truncated_end is set, an incomplete sequence at the very end is accepted.
bool valid_utf8(std::string_view s, std::size_t* bad = nullptr, bool allow_truncated_end = false);

// Trims layout whitespace (ASCII and Unicode) at both ends.
std::string_view trim(std::string_view s);
// The same, with the trimmed text's first and last code points (0 when it is empty): each
// end decoded once.
struct Trimmed {
  std::string_view text;
  char32_t first = 0, last = 0;
};
Trimmed trim_ends(std::string_view s);

}  // namespace newsplit::unicode
