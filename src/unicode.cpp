#include "newsplit/unicode.hpp"

#include <bit>
#include <cstdint>

#include <unicode/uchar.h>

#include "simd/kernels.hpp"

namespace newsplit::unicode {

void append_slow(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

namespace {

constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  __builtin_memcpy(&w, p, 8);
  return w;
}

}  // namespace

std::size_t count_bytes(std::string_view s, unsigned char lo, unsigned char hi) {
  return simd::kernels().count_in_range(reinterpret_cast<const unsigned char*>(s.data()), s.size(), lo, hi);
}

std::size_t count(std::string_view s) {
  // Code points are the bytes that are not continuation bytes.
  return s.size() - count_bytes(s, 0x80, 0xBF);
}

std::size_t count_newlines(std::string_view s) { return count_bytes(s, '\n', '\n'); }

bool is_han_slow(char32_t c) {
  if (c >= 0xFB00 && c <= 0xFFFF) return false;          // full-width forms, specials: the punctuation
  if (c >= 0xA000 && c <= 0xF8FF) return false;          // Yi, Hangul, private use
  if (c >= 0x3400 && c <= 0x4DBF) return true;           // Extension A
  if (c >= 0xF900 && c <= 0xFAFF) return true;           // compatibility ideographs
  if (c >= 0x20000 && c <= 0x3134F) return true;         // Extensions B to G
  if (c >= 0x3000 && c < 0x3040) return c == 0x3007;     // 〇 among the CJK marks
  if (c < 0x2E80) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
}

bool is_cjk_punct(char32_t c) {
  if (c < 0x00B7) return false;
  if (c == 0x00B7 || c == 0x30FB) return true;                    // middle dots
  if (c >= 0x2010 && c <= 0x2027) return true;                    // dashes, “” ‘’, …
  if (c >= 0x2030 && c <= 0x203B) return true;                    // ‰ ′ ″ ※
  if (c >= 0x25A0 && c <= 0x25FF) return true;                    // ■ □ ● ◆ ▲: byline and item marks
  if (c == 0x2605 || c == 0x2606) return true;                    // ★ ☆
  if (c >= 0x3001 && c <= 0x303F) return c != 0x3007;             // 、。〈〉《》「」『』【】〔〕
  if (c >= 0xFE10 && c <= 0xFE6F) return true;                    // vertical and small forms
  if (c >= 0xFF01 && c <= 0xFF0F) return true;                    // ！＂＃…（）＊＋，－．／
  if (c >= 0xFF1A && c <= 0xFF20) return true;                    // ：；＜＝＞？＠
  if (c >= 0xFF3B && c <= 0xFF40) return true;                    // ［＼］＾＿｀
  if (c >= 0xFF5B && c <= 0xFF65) return true;                    // ｛｜｝～ and half-width marks
  return false;
}

int display_width(char32_t c) {
  if (c < 0x20) return 0;
  if (c < 0x7F) return 1;
  if (c >= 0x4E00 && c <= 0x9FFF) return 2;
  const auto ch = static_cast<UChar32>(c);
  const int gc = u_charType(ch);
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR || gc == U_CONTROL_CHAR)
    return 0;
  const int ea = u_getIntPropertyValue(ch, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) w += display_width(next(s, i));
  return w;
}

bool valid_utf8(std::string_view s, std::size_t* bad, bool allow_truncated_end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  // All but the last character by the kernels (it may run on past the end of a chunk still
  // growing); from the start again, a byte at a time, when they find a fault, to tell where.
  std::size_t body = n;
  for (std::size_t back = 0; back < 4 && body > 0; ++back)
    if ((p[--body] & 0xC0u) != 0x80u) break;
  std::size_t i = body > 0 && simd::kernels().valid_utf8(p, body) ? body : 0;
  while (i < n) {    const unsigned char b = p[i];
    if (b < 0x80) {
      // ASCII: digits, Latin, line ends; then eight bytes at a time while they stay ASCII.
      ++i;
      for (; i + 8 <= n; i += 8)
        if (load8(p + i) & kHighs) break;
      continue;
    }
    // The common case of Chinese text: three-byte sequences whose lead byte rules out
    // overlong forms (E0) and surrogates (ED), tested a whole sequence at a time.
    if (b >= 0xE1 && b <= 0xEF && b != 0xED) {
      bool any = false;
      while (i + 4 <= n) {
        std::uint32_t w;
        __builtin_memcpy(&w, p + i, 4);
        const unsigned lead = w & 0xFF;
        if ((w & 0xC0C0F0u) != 0x8080E0u || lead == 0xE0 || lead == 0xED) break;
        i += 3;
        any = true;
      }
      if (any) continue;
    }
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t len;
    char32_t min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; min = 0x10000; }
    else { if (bad) *bad = i; return false; }
    if (i + len > n) {
      // The sequence runs past the end: fine only for a chunk that is still growing,
      // and only when the bytes that are there are continuation bytes.
      for (std::size_t k = i + 1; k < n; ++k)
        if ((p[k] & 0xC0) != 0x80) { if (bad) *bad = i; return false; }
      if (allow_truncated_end) return true;
      if (bad) *bad = i;
      return false;
    }
    char32_t c = b & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) { if (bad) *bad = i; return false; }
      c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { if (bad) *bad = i; return false; }
    i += len;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  // Most lines start and end with a character that is plainly not a space.
  if (!s.empty()) {
    const auto f = static_cast<unsigned char>(s.front()), l = static_cast<unsigned char>(s.back());
    const bool solid_front = (f > ' ' && f < 0x80) || is_han_block_lead(f);
    const bool solid_back = (l > ' ' && l < 0x80) || (s.size() >= 3 && is_han_block_lead(static_cast<unsigned char>(s[s.size() - 3])));
    if (solid_front && solid_back) return s;
  }
  return trim_ends(s).text;
}

Trimmed trim_ends(std::string_view s) {
  Trimmed t;
  std::size_t b = 0, e = s.size();
  while (e > 0) {
    std::size_t k = e;
    const char32_t c = prev(s, k);
    if (!is_space(c)) {
      t.last = c;
      break;
    }
    e = k;
  }
  while (b < e) {
    std::size_t k = b;
    const char32_t c = next(s.substr(0, e), k);
    if (!is_space(c)) {
      t.first = c;
      break;
    }
    b = k;
  }
  t.text = s.substr(b, e - b);
  return t;
}

}  // namespace newsplit::unicode
