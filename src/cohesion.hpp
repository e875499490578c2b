// Lexical cohesion, internal to the core: an article's words recur through it, another
// article's words are others. Counted as pairs of adjacent Han characters (a cheap stand-in
// for words): of the pairs of one stretch of text, the share found in another.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "newsplit/classify.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit::cohesion {

inline std::uint64_t pair(char32_t a, char32_t b) { return (std::uint64_t{a} << 32) | b; }

// Calls f(pair) for each two Han characters side by side in a text, in order: a headline's
// wording and what a text shares of it (HeadlineWords). Nothing may stand between them, not
// even a space (the walks below read through spaces).
template <typename F>
void each_adjacent_pair(std::string_view text, F&& f) {
  char32_t prev = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = unicode::next(text, i);
    if (!unicode::is_han(c)) {
      prev = 0;
      continue;
    }
    if (prev) f(pair(prev, c));
    prev = c;
  }
}

// Distinct pairs: a small open-addressing table, emptied in constant time by a new
// generation (one serves a page's questions).
class PairSet {
 public:
  void clear() {
    if (++generation_ == 0) {  // wrapped: every stamp is stale for real
      stamps_.fill(0);
      generation_ = 1;
    }
    size_ = 0;
  }
  bool insert(std::uint64_t k) {  // true when k was not there
    if (size_ * 2 >= kSlots) return false;  // full enough: the counts are over enough text
    for (std::size_t i = slot(k);; i = (i + 1) & (kSlots - 1)) {
      if (stamps_[i] != generation_) {
        stamps_[i] = generation_;
        keys_[i] = k;
        ++size_;
        return true;
      }
      if (keys_[i] == k) return false;
    }
  }
  bool contains(std::uint64_t k) const {
    for (std::size_t i = slot(k); stamps_[i] == generation_; i = (i + 1) & (kSlots - 1))
      if (keys_[i] == k) return true;
    return false;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kSlots = 1024;
  static std::size_t slot(std::uint64_t k) { return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ULL) >> 40) & (kSlots - 1); }
  std::array<std::uint64_t, kSlots> keys_{};
  std::array<std::uint32_t, kSlots> stamps_{};
  std::uint32_t generation_ = 1;
  std::size_t size_ = 0;
};

// The Han characters of spans of text, in reading order or backwards from the end, up to
// `most` of them: each pair of characters side by side to `visit(first, second)`. Returns how
// many characters were read.
template <typename Spans, typename Visit>
std::size_t walk_spans(const Spans& spans, std::size_t most, bool backwards, Visit&& visit) {
  std::size_t han = 0;
  char32_t neighbour = 0;
  auto take = [&](char32_t c) {
    if (unicode::is_han(c)) {
      ++han;
      if (neighbour) backwards ? visit(c, neighbour) : visit(neighbour, c);
      neighbour = c;
    } else if (!unicode::is_space(c)) {
      neighbour = 0;
    }
  };
  // Most characters are three bytes (Han and the Chinese marks): decoded in place (unicode::prev
  // does so backwards).
  auto three = [](const unsigned char* q) { return (q[0] & 0xF0u) == 0xE0u && (q[1] & 0xC0u) == 0x80u && (q[2] & 0xC0u) == 0x80u; };
  if (backwards) {
    for (auto sp = spans.rbegin(); sp != spans.rend() && han < most; ++sp)
      for (std::size_t i = sp->text.size(); i > 0 && han < most;) take(unicode::prev(sp->text, i));
  } else {
    for (auto sp = spans.begin(); sp != spans.end() && han < most; ++sp) {
      const auto* p = reinterpret_cast<const unsigned char*>(sp->text.data());
      const std::size_t n = sp->text.size();
      for (std::size_t i = 0; i < n && han < most;) {
        if (i + 3 <= n && three(p + i)) {
          take(unicode::decode3(p + i));
          i += 3;
        } else {
          take(unicode::next(sp->text, i));
        }
      }
    }
  }
  return han;
}

// The same over the Text units in [from, to).
template <typename Visit>
std::size_t walk_han(const std::vector<Unit>& units, std::size_t from, std::size_t to, std::size_t most, bool backwards,
                     Visit&& visit) {
  std::size_t han = 0;
  if (backwards) {
    for (std::size_t k = to; k > from && han < most;)
      if (units[--k].role == Role::Text) han += walk_spans(units[k].spans, most - han, true, visit);
  } else {
    for (std::size_t k = from; k < to && han < most; ++k)
      if (units[k].role == Role::Text) han += walk_spans(units[k].spans, most - han, false, visit);
  }
  return han;
}

// How a stretch of text goes on with the text before it: of the word pairs of the Text units
// in [after_from, after_to) (their first `most_after` Han characters), the share found in the
// Text units in [before_from, before_to) (their last `most_before`). `share` is -1 where either
// side holds no pair; the counts say how much text each side held.
struct GoesOn {
  double share = -1;
  std::size_t han_before = 0, han_after = 0;
};
inline GoesOn goes_on(const std::vector<Unit>& units, std::size_t before_from, std::size_t before_to, std::size_t after_from,
                      std::size_t after_to, std::size_t most_before, std::size_t most_after) {
  thread_local PairSet before, after;  // their room serves every question the thread asks
  before.clear();
  after.clear();
  GoesOn g;
  g.han_before = walk_han(units, before_from, before_to, most_before, true, [&](char32_t a, char32_t b) { before.insert(pair(a, b)); });
  std::size_t found = 0;
  g.han_after = walk_han(units, after_from, after_to, most_after, false, [&](char32_t a, char32_t b) {
    const std::uint64_t k = pair(a, b);
    if (after.insert(k)) found += before.contains(k);
  });
  if (before.size() > 0 && after.size() > 0) g.share = static_cast<double>(found) / static_cast<double>(after.size());
  return g;
}

}  // namespace newsplit::cohesion
