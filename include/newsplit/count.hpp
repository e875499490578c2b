// Counting: cleaned article text in, keyword and word counts out.
// Keywords are counted in the cleaned text of each article (headline parts and body, or
// with Scope::All also captions, credits and notes), every keyword independently and
// overlapping matches included (社区 counts inside 完整社区). All keywords are found in
// one pass by an Aho–Corasick automaton over the UTF-8 bytes; a list too long for its full
// table (many thousands) is looked up by length instead. Top words come from ICU's
// dictionary-based word break iterator, minus function words.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsplit/clean.hpp"
#include "newsplit/format.hpp"
#include "newsplit/record.hpp"

namespace newsplit {

enum class Scope { Body, All };

// Calls f(text) for every cleaned text of the article that counting looks at.
template <typename F>
void for_each_counted_text(const Article& a, Scope scope, F&& f) {
  for (const std::string* h : {&a.kicker, &a.title, &a.subtitle})
    if (!h->empty()) f(std::string_view(*h));
  for (const auto& p : a.paragraphs) f(std::string_view(p));
  if (scope == Scope::All) {
    for (const auto* list : {&a.captions, &a.credits, &a.notes})
      for (const auto& s : *list) f(std::string_view(s));
  }
}

// A keyword as typed in a shell, made to look like the cleaned text: full-width Chinese
// punctuation, no spaces next to Chinese characters.
std::string normalize_keyword(std::string_view raw, const CleanOptions& options = {});

// The article's headline parts, joined by a space: what a row per article is named by.
std::string headline_of(const Article& a);

// Reads a keyword list: one keyword a line, blank lines and lines starting with # skipped.
std::vector<std::string> parse_keyword_list(std::string_view text);

class KeywordMatcher {
 public:
  // Keywords are used as given (normalise them first); duplicates share one count.
  explicit KeywordMatcher(const std::vector<std::string>& keywords, bool ignore_ascii_case = false);
  ~KeywordMatcher();
  KeywordMatcher(KeywordMatcher&&) noexcept;
  KeywordMatcher& operator=(KeywordMatcher&&) noexcept;

  std::size_t size() const { return keywords_.size(); }
  const std::string& keyword(std::size_t k) const { return keywords_[k]; }
  // Adds to counts[k] the occurrences of keyword k in text (counts is resized to size()).
  void count(std::string_view text, std::vector<std::uint64_t>& counts) const;

 private:
  struct Automaton;
  std::vector<std::string> keywords_;
  std::unique_ptr<Automaton> ac_;
};

// The Chinese function words that --top skips (的 了 和 是 在 …).
const std::unordered_set<std::string>& default_stopwords();

// Words a user adds to segmentation, as jieba's user dictionary does: where one stands in the
// text it is counted whole, even where ICU's dictionary would cut it (新质生产力, 川渝通办).
namespace detail {
class WordsByLength;
}
class UserDictionary {
 public:
  explicit UserDictionary(const std::vector<std::string>& words);
  ~UserDictionary();
  // The byte length of the longest word of the dictionary at text[i], 0 when none.
  std::size_t longest_at(std::string_view text, std::size_t i) const;
  bool empty() const;

 private:
  std::unique_ptr<detail::WordsByLength> words_;
};
// Reads a user dictionary: a word a line, optionally followed by a frequency and a tag
// (jieba's `word [freq] [tag]`); blank lines and lines starting with # skipped.
std::vector<std::string> parse_dictionary(std::string_view text);

class WordCounter {
 public:
  explicit WordCounter(std::unordered_set<std::string> stopwords = default_stopwords(), int min_chars = 2,
                       const UserDictionary* dictionary = nullptr);
  ~WordCounter();
  WordCounter(const WordCounter&) = delete;
  WordCounter& operator=(const WordCounter&) = delete;
  // Adds every word of two or more characters (letters or ideographs, not stopwords).
  void add(std::string_view text, std::unordered_map<std::string, std::uint64_t>& counts);

 private:
  struct Icu;
  void add_segmented(std::string_view text, std::unordered_map<std::string, std::uint64_t>& counts);
  void add_word(std::string_view w, std::unordered_map<std::string, std::uint64_t>& counts);
  std::unordered_set<std::string> stop_;
  int min_chars_;
  const UserDictionary* dictionary_;
  std::unique_ptr<Icu> icu_;
};

// The n most frequent entries, by count then by text.
std::vector<std::pair<std::string, std::uint64_t>> top_n(const std::unordered_map<std::string, std::uint64_t>& counts,
                                                         std::size_t n);

// --- Count reports -------------------------------------------------------------------

using WordCounts = std::unordered_map<std::string, std::uint64_t>;

enum class CountBy { Total, File, Article };
enum class CountSort { Input, Count, Name };

struct CountOptions {
  CountBy by = CountBy::Total;
  Scope scope = Scope::Body;
  std::size_t top = 0;                // > 0: the most frequent words instead of keywords
  std::optional<std::uint64_t> min;   // drop rows counting less (unset: keep every row, zeros too)
  CountSort sort = CountSort::Input;  // within each file or article; groups keep input order
};

// What one page contributes: per article when rows are per article, else one row for the
// page. Computed where the page was split (in parallel).
// A keyword's count in one row (a page or an article): only the keywords found are kept, so
// that a page's counts take room for what it holds, not for the whole list.
struct KeywordCount {
  std::uint32_t keyword = 0;
  std::uint64_t n = 0;
};
struct PageCounts {
  std::vector<std::vector<KeywordCount>> keywords;  // per row, by keyword id
  std::vector<WordCounts> words;
};
// Counts keywords with `matcher` (options.top == 0) or words with `words` (options.top > 0).
PageCounts count_page(const PageResult& page, const CountOptions& options, const KeywordMatcher* matcher,
                      WordCounter* words);

// What CountReport::add reads of a counted page: the number of its articles and, for rows
// per article, their headlines. The rest is let go of where the page was split, while that
// memory is still in the cache of the thread that made it (counting 100 MB keeps no text).
void keep_what_the_report_reads(PageResult& page, const CountOptions& options);

// The rows of the report, built as pages arrive in input order: keyword (or word) and
// count, per total, file, or article (file, index, title). Articles must be numbered.
class CountReport {
 public:
  CountReport(const CountOptions& options, const KeywordMatcher* matcher);
  void add(const std::string& file, const PageResult& page, const PageCounts& counts);
  void end_file(const std::string& file);
  Table finish();  // the table, rows filtered by min and sorted

 private:
  void row(std::vector<Cell> cells, std::uint64_t n);
  CountOptions opt_;
  const KeywordMatcher* matcher_;
  std::vector<std::uint64_t> file_keywords_, total_keywords_;
  WordCounts file_words_, total_words_;
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace newsplit
