// The dictionary fast paths in front of ICU's word break iterator (src/dictionary_words.hpp):
// where one says no dictionary word crosses a junction, the iterator must find a boundary
// there, on every junction of real Chinese text; the iterator's method worked out on its
// dictionary must find the boundaries the iterator finds; and word_continues, which uses
// both, must answer as the iterator alone does.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "dictionary_words.hpp"
#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

namespace {

using newsplit::detail::DictionaryWords;
namespace u = newsplit::unicode;

std::u16string utf16(std::string_view utf8) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return std::u16string(s.getBuffer(), static_cast<std::size_t>(s.length()));
}

// The iterator's own answer: no boundary at `junction` of `text`.
bool icu_inside(const std::u16string& text, std::size_t junction) {
  UErrorCode status = U_ZERO_ERROR;
  static const std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  const icu::UnicodeString t(false, text.data(), static_cast<int32_t>(text.size()));
  it->setText(t);
  const bool inside = !it->isBoundary(static_cast<int32_t>(junction));
  it->setText(icu::UnicodeString());
  return inside;
}

// The Han runs of the test pages, as UTF-8 code point lists.
std::vector<std::vector<char32_t>> han_runs() {
  std::vector<std::vector<char32_t>> runs(1);
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/tests/pages")) {
    const std::string text = test::read_file(entry.path().string());
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = u::next(text, i);
      if (u::is_han(c)) runs.back().push_back(c);
      else if (!runs.back().empty()) runs.emplace_back();
    }
  }
  return runs;
}

std::string utf8(const std::vector<char32_t>& cs, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t k = from; k < to; ++k) u::append(s, cs[k]);
  return s;
}

TEST(DictionaryWords, LoadsTheDictionaryOfThisIcu) { EXPECT_TRUE(DictionaryWords::chinese().loaded()); }

TEST(DictionaryWords, FindsTheWordAcrossAJunction) {
  const DictionaryWords& d = DictionaryWords::chinese();
  const std::u16string t = utf16("产业创新中心");  // 创新 crosses 产业创|新中心
  EXPECT_TRUE(d.some_word_crosses(t, 3));
  EXPECT_FALSE(d.some_word_crosses(utf16("开花为什么"), 2));  // 开花|为什么: no word holds 花为
  // Nothing to look at: the iterator decides.
  EXPECT_TRUE(d.some_word_crosses(t, 0));
  EXPECT_TRUE(d.some_word_crosses(t, t.size()));
}

TEST(DictionaryWords, LeavesWhatTheIteratorNormalisesToTheIterator) {
  const DictionaryWords& d = DictionaryWords::chinese();
  EXPECT_TRUE(d.some_word_crosses(utf16("开花\uF900为什么"), 2));  // a compatibility ideograph
  EXPECT_TRUE(d.some_word_crosses(utf16("开花\U00020000为"), 2));  // a character past U+FFFF
  EXPECT_EQ(d.boundary(utf16("开花\uF900为什么"), 2), std::nullopt);
  EXPECT_EQ(d.boundary(utf16("开花\U00020000为"), 2), std::nullopt);
  // Longer than the segmentation is worked out for, and junctions at the ends.
  EXPECT_EQ(d.boundary(std::u16string(DictionaryWords::kMostUnits + 1, u'中'), 2), std::nullopt);
  EXPECT_EQ(d.boundary(utf16("产业创新"), 0), std::nullopt);
  EXPECT_EQ(d.boundary(utf16("产业创新"), 4), std::nullopt);
}

TEST(DictionaryWords, CutsWhereTheIteratorsCheapestSegmentationCuts) {
  const DictionaryWords& d = DictionaryWords::chinese();
  EXPECT_EQ(d.boundary(utf16("产业创新中心"), 3), false);  // 创新 is one word
  EXPECT_EQ(d.boundary(utf16("产业创新中心"), 2), true);   // 产业|创新
  EXPECT_EQ(d.boundary(utf16("开花为什么"), 2), true);
}

// Every junction inside every Han run of the test pages, with one to twelve characters
// either side (word_continues takes four): the segmentation's cuts are the iterator's.
TEST(DictionaryWords, FindsTheIteratorsBoundaries) {
  const DictionaryWords& d = DictionaryWords::chinese();
  std::size_t junctions = 0, inside = 0;
  for (const auto& run : han_runs()) {
    for (std::size_t j = 1; j < run.size(); ++j) {
      for (std::size_t side : {1, 2, 4, 7, 12}) {
        const std::size_t from = j >= side ? j - side : 0, to = std::min(run.size(), j + side);
        const std::u16string text = utf16(utf8(run, from, to));
        const std::size_t junction = utf16(utf8(run, from, j)).size();
        const bool whole = icu_inside(text, junction);
        EXPECT_EQ(d.boundary(text, junction), std::optional<bool>(!whole)) << utf8(run, from, j) << " | " << utf8(run, j, to);
        ++junctions;
        inside += whole;
      }
    }
  }
  EXPECT_GT(junctions, 10000u);
  EXPECT_GT(inside, junctions / 5);
}

// Every junction inside every Han run of the test pages, with up to four characters either
// side as word_continues takes them.
TEST(DictionaryWords, NeverMissesAWordTheIteratorKeepsWhole) {
  const DictionaryWords& d = DictionaryWords::chinese();
  std::size_t junctions = 0, inside = 0, skipped = 0;
  for (const auto& run : han_runs()) {
    for (std::size_t j = 1; j < run.size(); ++j) {
      const std::size_t from = j >= 4 ? j - 4 : 0, to = std::min(run.size(), j + 4);
      const std::u16string text = utf16(utf8(run, from, to));
      const std::size_t junction = utf16(utf8(run, from, j)).size();
      const bool whole = icu_inside(text, junction);
      const bool crosses = d.some_word_crosses(text, junction);
      if (whole) {
        EXPECT_TRUE(crosses) << utf8(run, from, j) << " | " << utf8(run, j, to);
      }
      const bool continues = newsplit::conventions::word_continues(utf8(run, from, j), utf8(run, j, to));
      EXPECT_EQ(continues, whole) << utf8(run, from, j) << " | " << utf8(run, j, to);
      ++junctions;
      inside += whole;
      skipped += !crosses;
    }
  }
  // The pages hold thousands of junctions, both kinds, and the fast path answers many.
  EXPECT_GT(junctions, 2000u);
  EXPECT_GT(inside, junctions / 5);
  EXPECT_GT(skipped, junctions / 5);
}

}  // namespace
