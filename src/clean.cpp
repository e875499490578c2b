#include "newsplit/clean.hpp"

#include <array>
#include <bit>
#include <vector>

#include "newsplit/unicode.hpp"
#include "simd/kernels.hpp"
#include "simd/scalar.hpp"

namespace newsplit {

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_closing_cjk(char32_t c) {
  return c == U'”' || c == U'’' || c == U'）' || c == U'》' || c == U'」' || c == U'』' || c == U'】';
}

// The half-width marks cleaning may turn full-width.
bool convertible(char32_t c) {
  return c == U',' || c == U'.' || c == U'?' || c == U'!' || c == U';' || c == U':' || c == U'(' || c == U')' ||
         c == U'"';
}

// The context of a mark is the nearest character that cleaning never changes: not a space,
// not another convertible mark (a run like "((社 is read as a whole). Decisions then do not
// depend on each other's outcome, and cleaning clean text changes nothing.
bool solid(char32_t c) { return !unicode::is_space(c) && !convertible(c); }

// In Chinese text the half-width , ; : ? ! are full-width marks typed narrow; a comma or a
// colon between two digits is a thousands separator or a clock time (1,000, 10:30) and stays.
char32_t chinese_mark(char32_t c, bool chinese, bool in_number) {
  if (!chinese) return c;
  switch (c) {
    case U',': return in_number ? c : U'，';
    case U':': return in_number ? c : U'：';
    case U';': return U'；';
    case U'?': return U'？';
    case U'!': return U'！';
    default: return c;
  }
}

// A lone half-width dot is a full stop after Chinese (建设完成.) unless a Latin letter or a
// digit follows (2.6, 1.规划, U.S., www.cq.gov.cn), and after a number that ends a sentence
// of a Chinese text (增长7.2%.). `l` is the character before it past spaces, as cleaned so
// far; `r` the one after it; han_text() says whether the text holds Han characters.
template <typename HanText>
bool chinese_full_stop(char32_t l, char32_t r, HanText han_text) {
  const bool after_chinese = unicode::is_han(l) || is_closing_cjk(l) || l == U'%';
  if (after_chinese && !unicode::is_ascii_alnum(r)) return true;
  const bool ends_text = r == 0 || unicode::is_space(r) || r == U'"' || is_closing_cjk(r);
  return is_digit(l) && ends_text && han_text();
}

// A list's number opens the text (1. 加强组织领导): its dot is the number's, no full stop. The
// text so far, as cleaned, is digits only.
template <typename It>
bool list_number(It from, It to) {
  if (from == to) return false;
  for (It it = from; it != to; ++it)
    if (*it < '0' || *it > '9') return false;
  return true;
}

// The other marks too end a Chinese text after a number as Chinese marks (占比52.9%; where the
// dump broke the paragraph after it): a number keeps its own marks only inside it.
template <typename HanText>
bool ends_chinese_text_after_number(char32_t before, char32_t after, HanText han_text) {
  return after == 0 && (is_digit(before) || before == U'%') && han_text();
}

// Spaces: none next to Chinese, one between Latin words and numbers.
bool keeps_space(char32_t before, char32_t after) { return !unicode::is_cjk(before) && !unicode::is_cjk(after); }

// Justified spacing spreads digits and Latin letters as it spreads Han characters (2 0 2 5 年,
// X 1 . 9 级, 4 1 . 1 2 亿元): between two of them a space is layout when the characters
// around stand alone between spaces too, out to a spread Han character or Chinese mark (a
// word space parts words: Smart City, Plan B is). Read before anything else, or 2025 reads
// as four numbers and 41.12's dot as a full stop. Cleaned text spreads no Chinese character,
// so cleaning it again finds nothing here. Returns false, writing nothing, when the text has
// no such space (nearly every text).
bool close_letter_spacing(std::string_view raw, std::string& out) {
  auto graphic = [](char32_t c) { return c > 0x20 && c < 0x7F; };
  bool any = false;
  for (std::size_t i = raw.find(' ', 1); i != std::string_view::npos && i + 1 < raw.size() && !any; i = raw.find(' ', i + 1))
    any = graphic(static_cast<unsigned char>(raw[i - 1])) && graphic(static_cast<unsigned char>(raw[i + 1]));
  if (!any) return false;
  // The text's characters: where each starts and where the spaces before it start (npos: none).
  thread_local std::vector<char32_t> chars;
  thread_local std::vector<std::size_t> starts, gaps;
  chars.clear();
  starts.clear();
  gaps.clear();
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t spaces_from = kNone;
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t at = i;
    const char32_t c = unicode::next(raw, i);
    if (unicode::is_space(c)) {
      if (spaces_from == kNone) spaces_from = at;
      continue;
    }
    chars.push_back(c);
    starts.push_back(at);
    gaps.push_back(spaces_from);
    spaces_from = kNone;
  }
  const std::size_t m = chars.size();
  auto spaced_before = [&](std::size_t k) { return k == 0 || gaps[k] != kNone; };
  auto spaced_after = [&](std::size_t k) { return k + 1 == m || gaps[k + 1] != kNone; };
  auto lone = [&](std::size_t k) { return spaced_before(k) && spaced_after(k); };
  // A Chinese character spread by spaces among the lone characters next to l and r.
  constexpr std::size_t kLook = 8;
  auto spread_chinese_near = [&](std::size_t l, std::size_t r) {
    for (std::size_t k = l, steps = 0; steps < kLook && k > 0 && gaps[k] != kNone; ++steps) {
      --k;
      if (!spaced_before(k)) break;
      if (unicode::is_cjk(chars[k])) return true;
    }
    for (std::size_t k = r, steps = 0; steps < kLook && k + 1 < m && gaps[k + 1] != kNone; ++steps) {
      ++k;
      if (!spaced_after(k)) break;
      if (unicode::is_cjk(chars[k])) return true;
    }
    return false;
  };
  out.reserve(raw.size());
  std::size_t from = 0;  // raw bytes from here are not yet written
  for (std::size_t r = 1; r < m; ++r) {
    const std::size_t l = r - 1;
    if (gaps[r] == kNone || !graphic(chars[l]) || !graphic(chars[r])) continue;
    // (At a line's end the next line's first character runs on with no space: 1 4 3 4|1 爆.)
    const bool spread = (spaced_before(l) && spaced_after(r)) || (spaced_before(l) && l >= 1 && lone(l - 1)) ||
                        (spaced_after(r) && r + 1 < m && lone(r + 1));
    if (!spread || !spread_chinese_near(l, r)) continue;
    out.append(raw.substr(from, gaps[r] - from));
    from = starts[r];
  }
  if (from == 0) return false;
  out.append(raw.substr(from));
  return true;
}

struct Text {
  std::vector<char32_t>& c;
  bool han = false;  // the text holds Han characters: a Chinese paragraph
  std::size_t size() const { return c.size(); }
  // Nearest solid code point before/after i (0 at the ends). Marks before i may already be
  // full-width: those are solid.
  char32_t before(std::size_t i) const {
    while (i > 0) {
      if (solid(c[--i])) return c[i];
    }
    return 0;
  }
  char32_t after(std::size_t i) const {
    for (++i; i < c.size(); ++i)
      if (solid(c[i])) return c[i];
    return 0;
  }
  char32_t at(std::size_t i) const { return i < c.size() ? c[i] : 0; }
  char32_t left(std::size_t i) const { return i > 0 ? c[i - 1] : 0; }
  // Chinese context: a Han character or Chinese mark next to it, spaces skipped.
  bool chinese(std::size_t i) const { return unicode::is_cjk(before(i)) || unicode::is_cjk(after(i)); }
  // Between two digits with nothing between: a thousands separator or a clock time.
  bool in_number(std::size_t i) const { return is_digit(left(i)) && is_digit(at(i + 1)); }
};

// ( ) pair up; a pair with Chinese on either side or inside becomes （）.
void brackets(Text t) {
  std::vector<std::size_t> open;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.c[i] == U'(') open.push_back(i);
    else if (t.c[i] == U')') {
      if (open.empty()) {
        if (t.chinese(i)) t.c[i] = U'）';
      } else {
        pairs.emplace_back(open.back(), i);
        open.pop_back();
      }
    }
  }
  for (std::size_t i : open)
    if (t.chinese(i)) t.c[i] = U'（';
  for (auto [a, b] : pairs) {
    if (t.chinese(a) || t.chinese(b)) {
      t.c[a] = U'（';
      t.c[b] = U'）';
    }
  }
}

// A quotation mark never opens right before a mark. It seldom opens at the end of a text or
// closes at its start: only where a column's break or a caption cut a quotation.
std::size_t misplaced_opener(char32_t next) {
  switch (next) {
    case 0:
      return 1;
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'！': case U'？':
    case U',': case U'.': case U';': case U':': case U'!': case U'?':
      return 2;
    default:
      return 0;
  }
}
std::size_t misplaced_closer(bool text_before) { return text_before ? 0 : 1; }

// Straight double quotes in Chinese text become “ ” by pairing. They pair from an opener, unless
// pairing from a closer misplaces fewer of them: then the text's first quote closes a quotation
// begun before it (a column's break or a caption cut the paragraph there).
void quotes(Text t) {
  if (!t.han) return;
  std::size_t misplaced[2] = {0, 0};  // pairing from an opener, from a closer
  for (int from_closer = 0; from_closer < 2; ++from_closer) {
    bool open = from_closer != 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t.c[i] != U'"') continue;
      open = !open;
      std::size_t next = i + 1;
      while (next < t.size() && unicode::is_space(t.c[next])) ++next;
      misplaced[from_closer] += open ? misplaced_opener(t.at(next)) : misplaced_closer(t.before(i) != 0);
    }
  }
  bool open = misplaced[1] < misplaced[0];
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.c[i] != U'"') continue;
    open = !open;
    t.c[i] = open ? U'“' : U'”';
  }
}

void marks(std::vector<char32_t>& c, bool han) {
  Text t{c, han};
  for (std::size_t i = 0; i < c.size(); ++i) {
    switch (c[i]) {
      case U',': case U';': case U':': case U'?': case U'!':
        c[i] = chinese_mark(c[i], t.chinese(i) || ends_chinese_text_after_number(t.before(i), t.after(i), [&] { return t.han; }),
                            t.in_number(i));
        break;
      case U'.': {
        std::size_t j = i;
        while (j < c.size() && c[j] == U'.') ++j;
        if (j - i >= 3) {  // an ellipsis typed as dots: …… for each six of them or part
          if (t.chinese(i) || unicode::is_cjk(t.after(j - 1))) {
            const std::size_t marks = 2 * ((j - i + 5) / 6);  // never shorter than the dots
            c.erase(c.begin() + static_cast<std::ptrdiff_t>(i), c.begin() + static_cast<std::ptrdiff_t>(j));
            c.insert(c.begin() + static_cast<std::ptrdiff_t>(i), marks, U'…');
            j = i + marks;
          }
        } else if (j - i == 1) {
          // The character before, past spaces (which cleaning may remove), as cleaned so far.
          std::size_t b = i;
          while (b > 0 && unicode::is_space(c[b - 1])) --b;
          if (!list_number(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(b)) &&
              chinese_full_stop(b > 0 ? c[b - 1] : 0, t.at(i + 1), [&] { return t.han; }))
            c[i] = U'。';
        }
        i = j - 1;
        break;
      }
      default: break;
    }
  }
}


// The first byte at or after j where cleaning may have something to do (or n), past what
// cannot: Han runs and the Chinese marks between them. The next few bytes are looked at one
// by one first: in justified text a space follows nearly every character, and a vector
// kernel's call costs more than the few bytes it would pass.
std::size_t next_attention(const unsigned char* p, std::size_t j, std::size_t n) {
  constexpr std::size_t kByBytes = 8;
  for (const std::size_t end = std::min(n, j + kByBytes); j < end; ++j)
    if (simd::scalar::attention_byte(p[j])) return j;
  return j < n ? simd::kernels().next_attention(p, j, n) : n;
}

// Where the run from j that cleaning leaves as it is ends: Han text and the Chinese marks
// between, up to a space or a half-width mark.
std::size_t plain_run_end(const unsigned char* p, std::size_t j, std::size_t n) {
  while ((j = next_attention(p, j, n)) < n) {
    const unsigned char c = p[j];
    if (!simd::scalar::attention_byte(c)) { ++j; continue; }
    // A lead byte of a mark like 。，“ (E3, EF, E2) joins the run; only the sequences of
    // the Unicode spaces stop it.
    if (c >= 0xE0 && j + 2 < n && !unicode::is_space3(p + j)) { j += 3; continue; }
    if (c == 0xC2 && j + 1 < n && p[j + 1] != 0xA0) { j += 2; continue; }
    break;
  }
  return j;
}

// Two ASCII characters with spaces between: justified spacing may have spread them
// (close_letter_spacing, on the general path).
bool maybe_letter_spaced(char32_t before, char32_t after) { return before > 0x20 && before < 0x7F && after > 0x20 && after < 0x7F; }

// Whether a Chinese character stands alone between spaces (or the text's ends) anywhere in the
// text: without one, no spacing is justified spacing (close_letter_spacing asks for one).
bool spreads_chinese(std::string_view raw) {
  bool spaced = true;    // spaces (or the text's start) before the character before
  bool chinese = false;  // the character before was a Chinese one, after spaces
  for (std::size_t i = 0; i < raw.size();) {
    const char32_t c = unicode::next(raw, i);
    const bool space = unicode::is_space(c);
    if (chinese && space) return true;
    chinese = !space && spaced && unicode::is_cjk(c);
    spaced = space;
  }
  return chinese;
}

// Cleaning in one pass over the UTF-8: runs that need nothing are copied as they are
// (the common case of text that came clean); at a single mark or a space the rules of the
// general path are applied with the same neighbours (the context before is the last solid
// character written, already cleaned; the one after is read ahead). Brackets, quotes and dot runs
// need pairing: then it returns false, having written nothing, for the general path.
bool clean_one_pass(std::string_view raw, std::string& out, bool punctuation) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  const std::size_t base = out.size();
  char32_t last = 0;        // the last code point written (never a space)
  char32_t last_solid = 0;  // the last one written that is not a half-width mark
  char32_t raw_last = 0;    // the last code point read that is not a space, as the text has it
  int spread = -1;          // a Chinese character stands before a space (-1: not looked yet)
  auto letter_spaced = [&](char32_t before, char32_t after) {
    if (!maybe_letter_spaced(before, after)) return false;
    if (spread < 0) spread = spreads_chinese(raw);
    return spread > 0;
  };
  bool pending = false;     // spaces were skipped since it
  int han = -1;             // the text holds Han characters (-1: not looked yet)
  auto next_solid = [&](std::size_t j) -> char32_t {
    while (j < n) {
      const char32_t c = unicode::next(raw, j);
      if (solid(c)) return c;
    }
    return 0;
  };
  auto put = [&](char32_t c) {
    if (pending && keeps_space(last, c)) out.push_back(' ');  // (letter spacing was ruled out before)
    pending = false;
    unicode::append(out, c);
    last = c;
    if (solid(c)) last_solid = c;
  };
  std::size_t i = 0;
  while (i < n) {
    if (const std::size_t j = plain_run_end(p, i, n); j > i) {  // a run that needs nothing
      if (pending) {
        std::size_t k = i;
        const char32_t first = unicode::next(raw, k);
        if (letter_spaced(raw_last, first)) {
          out.resize(base);
          return false;
        }
        if (keeps_space(last, first)) out.push_back(' ');
        pending = false;
      }
      out.append(raw.substr(i, j - i));
      std::size_t k = j;
      last = last_solid = raw_last = unicode::prev(raw, k);  // a run holds no spaces and no half-width marks
      i = j;
      // Spaces after a Chinese character go whatever follows (keeps_space): justified text
      // spaces out nearly every character.
      if (unicode::is_cjk(last))
        while (i < n && p[i] == ' ') ++i;
      continue;
    }
    std::size_t k = i;
    char32_t c = unicode::next(raw, k);
    if (unicode::is_space(c)) {
      pending = last != 0;
      i = k;
      continue;
    }
    if (c == U'(' || c == U')' || c == U'"' || (c == U'.' && k < n && p[k] == '.') || (pending && letter_spaced(raw_last, c))) {
      out.resize(base);
      return false;
    }
    if (punctuation && c < 0x80) {
      const char32_t before = last_solid, after = next_solid(k);
      auto han_text = [&] {
        if (han < 0) {
          han = 0;
          for (std::size_t q = 0; q < n && !han;) han = unicode::is_han(unicode::next(raw, q));
        }
        return han > 0;
      };
      const char32_t left = pending ? U' ' : last;
      const char32_t right = k < n ? static_cast<char32_t>(p[k]) : 0;  // ASCII or a lead byte: enough here
      const bool in_number = is_digit(left) && is_digit(right);
      if (c == U'.') {
        std::size_t kk = k;
        const char32_t r = k < n ? unicode::next(raw, kk) : 0;
        if (!list_number(out.begin() + static_cast<std::ptrdiff_t>(base), out.end()) && chinese_full_stop(last, r, han_text))
          c = U'。';  // `last` is past spaces, as cleaned so far
      } else {
        const bool chinese = unicode::is_cjk(before) || unicode::is_cjk(after) || ends_chinese_text_after_number(before, after, han_text);
        c = chinese_mark(c, chinese, in_number);
      }
    }
    raw_last = unicode::next(raw, i);  // c as the text has it, before cleaning
    put(c);
    i = k;
  }
  return true;
}

}  // namespace

void clean_into(std::string_view raw, std::string& out, const CleanOptions& options) {
  if (!clean_one_pass(raw, out, options.punctuation)) detail::clean_general(raw, out, options);
}

namespace detail {

void clean_general(std::string_view raw, std::string& out, const CleanOptions& options) {
  std::string closed;  // (rarely written: texts with spaces between two ASCII characters)
  if (close_letter_spacing(raw, closed)) raw = closed;
  thread_local std::vector<char32_t> cps;
  cps.resize(raw.size());
  std::size_t n = 0;
  bool han = false, marks_seen = false, brackets_seen = false, quotes_seen = false;
  for (std::size_t i = 0; i < raw.size();) {
    const auto b = static_cast<unsigned char>(raw[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
      switch (b) {
        case ',': case '.': case '?': case '!': case ';': case ':': marks_seen = true; break;
        case '(': case ')': brackets_seen = true; break;
        case '"': quotes_seen = true; break;
        default: break;
      }
    } else {
      c = unicode::next(raw, i);
      han = han || unicode::is_han(c);
    }
    cps[n++] = c;
  }
  cps.resize(n);
  if (options.punctuation) {
    // Quotes first: a bracket or mark next to a quote then sees it as it will stay. A
    // decision can turn a neighbour's context Chinese (a lone ")" beside a pair that became
    // "（…）"), so the decisions are repeated until none changes: marks only ever go from half
    // to full width, so this ends, and cleaning clean text then changes nothing.
    Text t{cps, han};
    if (quotes_seen) quotes(t);
    for (std::vector<char32_t> before_pass; before_pass != cps;) {
      before_pass = cps;
      if (brackets_seen) brackets(t);
      if (marks_seen) marks(cps, han);
    }
  }
  // Spaces: none next to Chinese, one between Latin words and numbers, none at the ends.
  out.reserve(out.size() + raw.size());
  bool pending = false;
  char32_t last = 0;
  for (char32_t c : cps) {
    if (unicode::is_space(c)) {
      pending = last != 0;
      continue;
    }
    if (pending && keeps_space(last, c)) out.push_back(' ');
    pending = false;
    unicode::append(out, c);
    last = c;
  }
}

}  // namespace detail

std::string clean(std::string_view raw, const CleanOptions& options) {
  std::string out;
  out.reserve(raw.size());
  clean_into(raw, out, options);
  return out;
}

}  // namespace newsplit
