#include "newsplit/unicode.hpp"

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>

#include "simd.hpp"

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

constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL, kLows = 0x7F7F7F7F7F7F7F7FULL;

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  __builtin_memcpy(&w, p, 8);
  return w;
}

// How many bytes of the word have their high bit set (in a mask of high bits only).
std::size_t count_highs(std::uint64_t mask) { return static_cast<std::size_t>(((mask >> 7) * kOnes) >> 56); }

#if defined(__SSE2__)
// Sixteen bytes at a time (SSE2, on every x86-64): which bytes are in a class, as a
// vector (0xFF where they are) or as a 16-bit mask.
struct Block16 {
  __m128i v;
  explicit Block16(const unsigned char* p) : v(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) {}
  __m128i equal(unsigned char c) const { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); }
  // Bytes in [lo, hi]; flipping the top bit turns the unsigned order into the signed one
  // that SSE2 compares in.
  __m128i in_range(unsigned char lo, unsigned char hi) const {
    const __m128i x = _mm_xor_si128(v, _mm_set1_epi8(static_cast<char>(0x80)));
    const __m128i below = _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(lo ^ 0x80)));
    const __m128i above = _mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(hi ^ 0x80)));
    return _mm_andnot_si128(_mm_or_si128(below, above), _mm_set1_epi8(-1));
  }
  static unsigned mask(__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); }
  unsigned ascii() const { return ~mask(v) & 0xFFFFu; }
};

// Counts the bytes of a class sixteen lanes at a time: each lane adds up to 255 matches
// before the lanes are summed.
class LaneCounter {
 public:
  void add(__m128i matches) {  // 0xFF (-1) where a byte matched
    lanes_ = _mm_sub_epi8(lanes_, matches);
    if (++rounds_ == 255) settle();
  }
  std::size_t total() {
    settle();
    return total_;
  }

 private:
  void settle() {
    const __m128i sums = _mm_sad_epu8(lanes_, _mm_setzero_si128());
    total_ += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
              static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    lanes_ = _mm_setzero_si128();
    rounds_ = 0;
  }
  __m128i lanes_ = _mm_setzero_si128();
  int rounds_ = 0;
  std::size_t total_ = 0;
};

// How far from p the text is plainly valid UTF-8, sixteen bytes at a time: ASCII and
// three-byte sequences whose lead byte (E1..EC, EE, EF) allows any continuation bytes,
// which is nearly all Chinese text. A character may run on into the next block: the
// continuation bytes it owes there are carried over. Stops at a block with any other
// byte and returns a character's start (0 when the first block is not plain).
std::size_t plain_utf8_run(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  unsigned owed = 0;  // continuation bytes owed at the start of the block, as a mask
  for (; i + 16 <= n; i += 16) {
    const Block16 b(p + i);
    const unsigned lead = Block16::mask(b.in_range(0xE1, 0xEF)) & ~Block16::mask(b.equal(0xED));
    const unsigned cont = Block16::mask(b.in_range(0x80, 0xBF));
    const unsigned expected = (((lead << 1) | (lead << 2)) & 0xFFFFu) | owed;  // where continuation bytes belong
    if (((~(lead | cont | b.ascii()) & 0xFFFFu) | (cont ^ expected)) != 0) break;
    owed = (lead >> 15 & 1u) * 3u | (lead >> 14 & 1u);  // a lead at 15 owes two bytes, at 14 one
  }
  return i - (owed == 3u ? 1 : owed == 1u ? 2 : 0);  // back to the start of an unfinished character
}
#endif

// Byte classes for count_bytes: which bytes of a block of sixteen (SSE2), of a word of eight
// (as the high bit of each), or a single byte belong to the class.
struct Continuation {  // 10xxxxxx
#if defined(__SSE2__)
  static __m128i lanes(const Block16& b) { return b.in_range(0x80, 0xBF); }
#endif
  static std::uint64_t word(std::uint64_t w) { return w & ~(w << 1) & kHighs; }  // bit 7 set, bit 6 clear
  static bool byte(unsigned char b) { return (b & 0xC0u) == 0x80u; }
};

struct Newline {
#if defined(__SSE2__)
  static __m128i lanes(const Block16& b) { return b.equal('\n'); }
#endif
  static std::uint64_t word(std::uint64_t w) {
    const std::uint64_t v = w ^ (kOnes * '\n');
    return ~((((v & kLows) + kLows) | v) | kLows);  // exactly the zero bytes
  }
  static bool byte(unsigned char b) { return b == '\n'; }
};

// How many bytes of s are in the class: sixteen at a time, then eight, then one by one.
template <typename Class>
std::size_t count_bytes(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t size = s.size();
  std::size_t n = 0, i = 0;
#if defined(__SSE2__)
  LaneCounter lanes;
  for (; i + 16 <= size; i += 16) lanes.add(Class::lanes(Block16(p + i)));
  n = lanes.total();
#endif
  for (; i + 8 <= size; i += 8) n += count_highs(Class::word(load8(p + i)));
  for (; i < size; ++i) n += Class::byte(p[i]);
  return n;
}

}  // namespace

std::size_t count(std::string_view s) {
  // Code points are the bytes that are not continuation bytes.
  return s.size() - count_bytes<Continuation>(s);
}

std::size_t count_newlines(std::string_view s) { return count_bytes<Newline>(s); }

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

#if defined(NEWSPLIT_AVX2)
namespace {

// Thirty-two bytes at a time where the CPU has AVX2 (the method of Keiser and Lemire,
// "Validating UTF-8 in less than one instruction per byte", 2021): each byte with the one
// before it is looked up, by their halves, in three tables of the errors the pair can
// begin (too short, too long, overlong, surrogate, too large, two continuations), and the
// bytes two and three after a three- and four-byte lead must be continuations. Returns how
// far the text is valid: a character's start, past which the byte-wise check goes on (it
// finds the first bad byte, and judges the last characters, which may run past the end).
__attribute__((target("avx2"))) std::size_t valid_utf8_prefix_avx2(const unsigned char* p, std::size_t n) {
  constexpr std::uint8_t kTooShort = 1 << 0, kTooLong = 1 << 1, kOverlong3 = 1 << 2, kTooLarge = 1 << 3,
                         kSurrogate = 1 << 4, kOverlong2 = 1 << 5, kTooLarge1000 = 1 << 6, kOverlong4 = 1 << 6,
                         kTwoConts = 1 << 7;
  constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;
  auto table = [](std::uint8_t a0, std::uint8_t a1, std::uint8_t a2, std::uint8_t a3, std::uint8_t a4, std::uint8_t a5,
                  std::uint8_t a6, std::uint8_t a7, std::uint8_t a8, std::uint8_t a9, std::uint8_t a10, std::uint8_t a11,
                  std::uint8_t a12, std::uint8_t a13, std::uint8_t a14, std::uint8_t a15) {
    const __m128i t = _mm_setr_epi8(static_cast<char>(a0), static_cast<char>(a1), static_cast<char>(a2),
                                    static_cast<char>(a3), static_cast<char>(a4), static_cast<char>(a5),
                                    static_cast<char>(a6), static_cast<char>(a7), static_cast<char>(a8),
                                    static_cast<char>(a9), static_cast<char>(a10), static_cast<char>(a11),
                                    static_cast<char>(a12), static_cast<char>(a13), static_cast<char>(a14),
                                    static_cast<char>(a15));
    return t;
  };
  // By the high half of the first byte of a pair.
  const __m256i first_high = _mm256_broadcastsi128_si256(table(
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0xxx: ASCII
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10xx: continuation
      kTooShort | kOverlong2,                                                          // 1100
      kTooShort,                                                                       // 1101
      kTooShort | kOverlong3 | kSurrogate,                                             // 1110
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4));                            // 1111
  // By the low half of the first byte.
  const __m256i first_low = _mm256_broadcastsi128_si256(table(
      kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // xxxx0000
      kCarry | kOverlong2,                            // xxxx0001
      kCarry, kCarry,                                 // xxxx001x
      kCarry | kTooLarge,                             // xxxx0100
      kCarry | kTooLarge | kTooLarge1000,             // xxxx0101
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // xxxx1101
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000));
  // By the high half of the second byte.
  const __m256i second_high = _mm256_broadcastsi128_si256(table(
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0xxx
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,             // 1000
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,                              // 1001
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 1010
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 1011
      kTooShort, kTooShort, kTooShort, kTooShort));                                            // 11xx
  __m256i prev = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    // The block shifted by 1, 2 and 3 bytes, the previous block's last bytes coming in.
    const __m256i carried = _mm256_permute2x128_si256(prev, in, 0x21);
    const __m256i prev1 = _mm256_alignr_epi8(in, carried, 15);
    const __m256i prev2 = _mm256_alignr_epi8(in, carried, 14);
    const __m256i prev3 = _mm256_alignr_epi8(in, carried, 13);
    const __m256i pairs = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(first_high, simd::high_halves(prev1)),
                         _mm256_shuffle_epi8(first_low, simd::low_halves(prev1))),
        _mm256_shuffle_epi8(second_high, simd::high_halves(in)));
    // Two after a three-byte lead (111xxxxx) or three after a four-byte one (1111xxxx).
    const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
    const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
    const __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
    const __m256i error = _mm256_xor_si256(must_continue, pairs);
    if (!_mm256_testz_si256(error, error)) break;
    prev = in;
  }
  // The bytes before i are valid but for the last character, which may go on past i: back
  // to a character's start before it.
  std::size_t k = i >= 4 ? i - 4 : 0;
  for (int step = 0; step < 3 && k < i && (p[k] & 0xC0u) == 0x80u; ++step) ++k;
  return (p[k] & 0xC0u) == 0x80u ? 0 : k;
}

}  // namespace
#endif

bool valid_utf8(std::string_view s, std::size_t* bad, bool allow_truncated_end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
#if defined(NEWSPLIT_AVX2)
  if (n >= 64 && simd::cpu_has_avx2()) i = valid_utf8_prefix_avx2(p, n);
#endif
  while (i < n) {
#if defined(__SSE2__)
    if (i + 16 <= n) {
      if (const std::size_t k = plain_utf8_run(p + i, n - i)) {
        i += k;
        continue;
      }
    }
#endif
    const unsigned char b = p[i];
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
