#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "newsplit/unicode.hpp"

namespace u = newsplit::unicode;

// The byte-level paths (cleaning, line measuring) tell the three-byte spaces by their bytes.
TEST(Unicode, ThreeByteSpacesAreTheSpacesWrittenInThreeBytes) {
  for (char32_t c = 0x800; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are no characters
    std::string s;
    u::append(s, c);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(u::is_space3(reinterpret_cast<const unsigned char*>(s.data())), u::is_space(c)) << std::hex << static_cast<std::uint32_t>(c);
  }
}

// prev reads the character that ends before i, as next reads it forwards: back over at most
// three continuation bytes to the byte that starts it. Text read backwards gives the
// characters read forwards, in reverse; broken sequences go back a byte or a piece at a time.
TEST(Unicode, PrevReadsBackWhatNextReadsForwards) {
  const std::string text = "重庆a，“𠀀”·\u3000 é。";
  std::vector<char32_t> forwards, backwards;
  for (std::size_t i = 0; i < text.size();) forwards.push_back(u::next(text, i));
  for (std::size_t i = text.size(); i > 0;) backwards.push_back(u::prev(text, i));
  std::reverse(backwards.begin(), backwards.end());
  EXPECT_EQ(backwards, forwards);
  // Every place in text with stray and cut-off bytes: the start found by going back over
  // continuation bytes (three at most), the character as next reads it from there.
  const std::string broken = "\x80重\xE9\x87\xE9\x87\x8D\xBF\xBF\xBF\xBF庆\xE9" "a\x80\xE9\x87" "a\xF0\x9F\x98";
  for (std::size_t i = 1; i <= broken.size(); ++i) {
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(broken[start]) & 0xC0u) == 0x80u && i - start < 4) --start;
    std::size_t k = start;
    const char32_t want = u::next(broken, k);
    std::size_t at = i;
    EXPECT_EQ(u::prev(broken, at), want) << i;
    EXPECT_EQ(at, start) << i;
  }
}

TEST(Unicode, HanAndPunctuation) {
  EXPECT_TRUE(u::is_han(U'重'));
  EXPECT_TRUE(u::is_han(U'〇'));
  EXPECT_TRUE(u::is_han(U'頔'));
  EXPECT_FALSE(u::is_han(U'a'));
  EXPECT_FALSE(u::is_han(U'，'));
  EXPECT_TRUE(u::is_cjk_punct(U'，'));
  EXPECT_TRUE(u::is_cjk_punct(U'“'));
  EXPECT_TRUE(u::is_cjk_punct(U'■'));
  EXPECT_FALSE(u::is_cjk_punct(U','));
}

namespace {

// UTF-8 well-formedness straight from the Unicode Standard's table of well-formed byte
// sequences (Table 3-7): the reference for the library's fast validator. Returns the offset
// of the first ill-formed sequence, or npos.
std::size_t first_ill_formed(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto in = [&](std::size_t k, unsigned lo, unsigned hi) { return k < n && p[k] >= lo && p[k] <= hi; };
  for (std::size_t i = 0; i < n;) {
    const unsigned b = p[i];
    std::size_t len = 0;
    if (b <= 0x7F) len = 1;
    else if (b >= 0xC2 && b <= 0xDF) len = in(i + 1, 0x80, 0xBF) ? 2 : 0;
    else if (b == 0xE0) len = in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) len = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if (b == 0xED) len = in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if (b == 0xF0) len = in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    else if (b >= 0xF1 && b <= 0xF3) len = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    else if (b == 0xF4) len = in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Random text that is mostly Chinese with the odd flaw: long enough to cross the
// validator's and counters' sixteen-byte blocks at every alignment.
std::string random_text(std::mt19937& rng, bool flaws) {
  static const std::vector<std::string> good = {
      "重", "庆", "城", "市", "〇", "，", "。", "“", "”", "\n", "a", "7", " ", "\t", "é", "€", "😀", "\u3000", "\xEF\xBC\x8C", "\xED\x9F\xBF"};
  static const std::vector<std::string> bad = {
      "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF", "\xE4\xB8", "\xE4", "\xF0\x9F\x98"};
  std::string s;
  const std::size_t pieces = rng() % 80;
  for (std::size_t k = 0; k < pieces; ++k) {
    if (flaws && rng() % 40 == 0) s += bad[rng() % bad.size()];
    else s += good[rng() % good.size()];
  }
  return s;
}

}  // namespace

TEST(Unicode, ValidatorAgreesWithTheStandardsTable) {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_text(rng, round % 2 == 0);
    const std::size_t expected = first_ill_formed(s);
    std::size_t bad = std::string_view::npos;
    const bool ok = u::valid_utf8(s, &bad);
    ASSERT_EQ(ok, expected == std::string_view::npos) << testing::PrintToString(s);
    if (!ok) {
      ASSERT_EQ(bad, expected) << testing::PrintToString(s);
    }
  }
}

// Long texts go thirty-two bytes at a time where the CPU allows: one flaw anywhere in a
// long text, at every offset within a block, is still found at its own byte; a text cut in
// the middle of its last character is accepted only as a chunk still growing.
TEST(Unicode, ValidatorFindsOneFlawAnywhereInALongText) {
  static const std::vector<std::string> flaws = {"\x80", "\xC0\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                                 "\xF5", "\xE4\xB8", "\xF0\x9F\x98", "\xC2"};
  std::mt19937 rng(4242);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    while (s.size() < 300) s += random_text(rng, false);
    const std::size_t at = rng() % s.size();
    std::size_t start = at;  // a character's start, so that the flaw is the first bad byte
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) --start;
    s.insert(start, flaws[rng() % flaws.size()]);
    const std::size_t expected = first_ill_formed(s);
    ASSERT_NE(expected, std::string_view::npos);
    std::size_t bad = std::string_view::npos;
    ASSERT_FALSE(u::valid_utf8(s, &bad)) << testing::PrintToString(s);
    ASSERT_EQ(bad, expected) << testing::PrintToString(s);
  }
  for (int round = 0; round < 500; ++round) {
    std::string s;
    while (s.size() < 100 + rng() % 200) s += random_text(rng, false);
    EXPECT_TRUE(u::valid_utf8(s));
    const std::string cut = s + std::string("\xF0\x9F\x98\x80").substr(0, 1 + rng() % 3);
    EXPECT_TRUE(u::valid_utf8(cut, nullptr, true));
    std::size_t bad = 0;
    EXPECT_FALSE(u::valid_utf8(cut, &bad, false));
    EXPECT_EQ(bad, s.size());
  }
}

TEST(Unicode, CountersAgreeWithCharacterByCharacterCounts) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    const std::string s = random_text(rng, false);
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < s.size(); ++code_points) u::next(s, i);
    ASSERT_EQ(u::count(s), code_points) << testing::PrintToString(s);
    ASSERT_EQ(u::count_newlines(s), static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')));
  }
  // More than 255 blocks of sixteen bytes: the lane counters are summed on the way.
  const std::string many(16 * 1000 + 5, '\n');
  EXPECT_EQ(u::count_newlines(many), many.size());
  std::string han;
  for (int k = 0; k < 3000; ++k) han += "城\n";
  EXPECT_EQ(u::count(han), 6000u);
  EXPECT_EQ(u::count_newlines(han), 3000u);
}
