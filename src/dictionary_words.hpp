// Whether any word of ICU's Chinese dictionary crosses a junction: a fast path in front of
// ICU's word break iterator.
//
// The iterator splits a run of Han characters into words of its dictionary (cjdict) and,
// where none fits, single characters. So a junction that no dictionary word crosses is a
// boundary for it too, whatever segmentation it picks, and need not be asked: at most
// junctions of a page (a headline and the text under it, two paragraphs) no word crosses,
// and walking the dictionary's trie costs a fifth of asking the iterator. Where a word does
// cross, the iterator still decides (it may prefer a segmentation without that word).
// The dictionary is ICU's own data file, read through ICU's public data and trie API.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>

namespace newsplit::detail {

class DictionaryWords {
 public:
  // The dictionary of the ICU the program runs with (shared, loaded once).
  static const DictionaryWords& chinese();
  // False when ICU's data holds no dictionary of the expected layout: then every junction
  // goes to the iterator.
  bool loaded() const { return trie_ != nullptr; }
  // Whether a dictionary word covers both units[junction - 1] and units[junction]. True
  // (ask the iterator) when the dictionary is not loaded, or when the text holds what the
  // iterator would normalise first or read as pairs (anything outside U+3400..9FFF and 〇).
  bool some_word_crosses(std::u16string_view units, std::size_t junction) const;
  // Whether the iterator finds a word boundary at `junction` of a short run of Han
  // characters, worked out by the iterator's own method on its own dictionary (the cheapest
  // segmentation by the words' costs). Nullopt where the iterator must be asked: text it would
  // normalise first, or longer than kMostUnits.
  std::optional<bool> boundary(std::u16string_view units, std::size_t junction) const;
  static constexpr std::size_t kMostUnits = 32;

 private:
  DictionaryWords();
  ~DictionaryWords();
  DictionaryWords(const DictionaryWords&) = delete;
  DictionaryWords& operator=(const DictionaryWords&) = delete;
  // Steps into the trie by the first letter c of a word: the trie's result for that one
  // letter (no match: no word starts with it, and the trie is not to be read on).
  UStringTrieResult first(icu::UCharsTrie& trie, char16_t c) const;
  UDataMemory* file_ = nullptr;  // ICU's data file of the dictionary, open while it is read
  const char16_t* trie_ = nullptr;
  // The trie's state past each Han character of U+3400..9FFF as a first letter (0: not
  // looked up yet; 1: no word starts with it), found once: a first letter is looked up
  // among thousands, a binary search that was most of a junction's time.
  static constexpr char16_t kFirstHan = 0x3400, kLastHan = 0x9FFF;
  static constexpr std::uint64_t kUnknown = 0, kNoWord = 1;
  std::unique_ptr<std::atomic<std::uint64_t>[]> firsts_;
};

}  // namespace newsplit::detail
