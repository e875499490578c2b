#include "newsplit/clean.hpp"

#include <vector>

#include "newsplit/unicode.hpp"

namespace newsplit {

namespace u = unicode;

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_closing_cjk(char32_t c) {
  return c == U'”' || c == U'’' || c == U'）' || c == U'》' || c == U'」' || c == U'』' || c == U'】';
}

struct Text {
  std::vector<char32_t>& c;
  bool han = false;  // the text holds Han characters: a Chinese paragraph
  std::size_t size() const { return c.size(); }
  // Nearest code point before/after i that is not whitespace (0 at the ends).
  char32_t before(std::size_t i) const {
    while (i > 0) {
      if (!u::is_space(c[--i])) return c[i];
    }
    return 0;
  }
  char32_t after(std::size_t i) const {
    for (++i; i < c.size(); ++i)
      if (!u::is_space(c[i])) return c[i];
    return 0;
  }
  char32_t at(std::size_t i) const { return i < c.size() ? c[i] : 0; }
  char32_t left(std::size_t i) const { return i > 0 ? c[i - 1] : 0; }
  // Chinese context: a Han character or Chinese mark next to it, spaces skipped.
  bool chinese(std::size_t i) const { return u::is_cjk(before(i)) || u::is_cjk(after(i)); }
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

// Straight double quotes in Chinese text become “ ” by pairing, opening first.
void quotes(Text t) {
  if (!t.han) return;
  bool open = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.c[i] != U'"') continue;
    // An unpaired quote that closes (text before it, nothing or a mark after it) stays a closer.
    const char32_t next = t.after(i);
    const bool looks_closing = !open && t.before(i) != 0 && !u::is_space(t.left(i)) &&
                               (next == 0 || next == U'，' || next == U'。' || next == U',' || next == U'.');
    if (!open && !looks_closing) { t.c[i] = U'“'; open = true; }
    else { t.c[i] = U'”'; open = false; }
  }
}

void marks(std::vector<char32_t>& c, bool han) {
  Text t{c, han};
  for (std::size_t i = 0; i < c.size(); ++i) {
    switch (c[i]) {
      case U',': if (t.chinese(i) && !t.in_number(i)) c[i] = U'，'; break;
      case U';': if (t.chinese(i)) c[i] = U'；'; break;
      case U':': if (t.chinese(i) && !t.in_number(i)) c[i] = U'：'; break;
      case U'?': if (t.chinese(i)) c[i] = U'？'; break;
      case U'!': if (t.chinese(i)) c[i] = U'！'; break;
      case U'.': {
        std::size_t j = i;
        while (j < c.size() && c[j] == U'.') ++j;
        if (j - i >= 3) {  // an ellipsis typed as dots
          if (t.chinese(i) || u::is_cjk(t.after(j - 1))) {
            c[i] = U'…';
            c[i + 1] = U'…';
            c.erase(c.begin() + static_cast<std::ptrdiff_t>(i) + 2, c.begin() + static_cast<std::ptrdiff_t>(j));
          }
        } else if (j - i == 1) {  // a full stop after Chinese, not in 2.6, 1.规划 or U.S.
          const char32_t l = t.left(i), r = t.at(i + 1);
          const bool after_chinese = u::is_han(l) || is_closing_cjk(l) || l == U'%';
          const bool ends_text = r == 0 || u::is_space(r) || r == U'"' || is_closing_cjk(r);
          if ((after_chinese && !u::is_ascii_alnum(r)) || (is_digit(l) && ends_text && t.han)) c[i] = U'。';
        }
        i = j - 1;
        break;
      }
      default: break;
    }
  }
}

}  // namespace

void clean_into(std::string_view raw, std::string& out, const CleanOptions& options) {
  thread_local std::vector<char32_t> cps;
  cps.clear();
  bool needs_punct = false;
  for (std::size_t i = 0; i < raw.size();) {
    const char32_t c = u::next(raw, i);
    needs_punct = needs_punct || c == U',' || c == U'.' || c == U'?' || c == U'!' || c == U';' || c == U':' ||
                  c == U'(' || c == U')' || c == U'"';
    cps.push_back(c);
  }
  if (options.punctuation && needs_punct) {
    bool han = false;
    for (char32_t c : cps) han = han || u::is_han(c);
    Text t{cps, han};
    brackets(t);
    quotes(t);
    marks(cps, han);
  }
  // Spaces: none next to Chinese, one between Latin words and numbers, none at the ends.
  bool pending = false;
  char32_t last = 0;
  for (char32_t c : cps) {
    if (u::is_space(c)) { pending = last != 0; continue; }
    if (pending && !u::is_cjk(last) && !u::is_cjk(c)) out.push_back(' ');
    pending = false;
    u::append(out, c);
    last = c;
  }
}

std::string clean(std::string_view raw, const CleanOptions& options) {
  std::string out;
  out.reserve(raw.size());
  clean_into(raw, out, options);
  return out;
}

}  // namespace newsplit
