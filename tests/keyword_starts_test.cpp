// The vector prefilter of keyword counting (src/keyword_starts.hpp): a position where a
// keyword starts is never rejected, and the 32-at-a-time scan visits the same positions as
// the byte-by-byte test it follows.
#include <gtest/gtest.h>

#include <random>

#include "keyword_starts.hpp"
#include "newsplit/unicode.hpp"

using newsplit::detail::KeywordStarts;

namespace {

std::string random_text(std::mt19937& rng, const std::vector<std::string>& alphabet, std::size_t pieces) {
  std::string s;
  for (std::size_t k = 0; k < pieces; ++k) s += alphabet[rng() % alphabet.size()];
  return s;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

TEST(KeywordStarts, NoKeywordStartIsRejectedAndTheSearchAgreesWithTheByteTest) {
  std::mt19937 rng(99);
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "更", "新", "的", "。", "，", "a", "B", "7",
                                             " ", "é", "𠀀", "\xE7", "\x80", "会", "人", "民"};
  const std::vector<std::vector<std::string>> key_sets = {
      {"社区", "城市更新", "人民"},                      // two characters and more: five bytes looked at
      {"社", "城市"},                                   // one character: three bytes
      {"a", "社区"},                                    // one letter: one byte
      {"é社", "𠀀城", "\xE7\x80", "Ba", "。，", "民7"},  // marks, four-byte characters, broken UTF-8
      {"社区", "区城", "城市", "市更", "更新", "新的", "的。", "。，", "，a", "aB", "B7", "7 "},  // more than 8 buckets
  };
  for (bool fold : {false, true}) {
    for (const auto& keys : key_sets) {
      std::vector<std::string> seen_keys;  // as the automaton reads them: folded when ignoring case
      for (const auto& k : keys) seen_keys.push_back(fold ? lower(k) : k);
      const auto starts = KeywordStarts::make_tables(seen_keys, fold);
      ASSERT_TRUE(starts.has_value());
      for (int round = 0; round < 200; ++round) {
        const std::string text = random_text(rng, alphabet, 1 + rng() % 120);
        const auto* p = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t n = text.size();
        const std::string folded = fold ? lower(text) : text;
        for (const auto& k : keys) {
          const std::string key = fold ? lower(k) : k;
          for (std::size_t at = folded.find(key); at != std::string::npos; at = folded.find(key, at + 1))
            ASSERT_TRUE(starts->may_start(p, at, n)) << text << " " << k << " at " << at;
        }
        // Every accepted position is visited, in order, when the reader goes on from the
        // next byte; from further on when it reads further (as the automaton does).
        for (std::size_t hop : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{40}}) {
          std::vector<std::size_t> visited, expected;
          for (std::size_t i = 0; i < n;) {
            if (!starts->may_start(p, i, n)) { ++i; continue; }
            expected.push_back(i);
            i += hop;
          }
          starts->scan(p, n, [&](std::size_t i) {
            visited.push_back(i);
            return i + hop;
          });
          ASSERT_EQ(visited, expected) << text << " hop " << hop;
        }
      }
    }
  }
}

TEST(KeywordStarts, NotMadeWhereItCannotHelp) {
  EXPECT_FALSE(KeywordStarts::make_tables({}, false).has_value());
  EXPECT_FALSE(KeywordStarts::make_tables({"社区", ""}, false).has_value());  // an empty keyword
  std::vector<std::string> many;  // so many beginnings that nearly every character passes
  for (char32_t c = 0x4E00; c < 0x4E00 + 40; ++c) {
    std::string k;
    newsplit::unicode::append(k, c);
    many.push_back(k + "区");
  }
  EXPECT_FALSE(KeywordStarts::make_tables(many, false).has_value());
  many.resize(20);
  EXPECT_TRUE(KeywordStarts::make_tables(many, false).has_value());
}
