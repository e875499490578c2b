#include "dictionary_words.hpp"

#include <array>

namespace newsplit::detail {

namespace {

// The layout of ICU's dictionary files (ICU's dictionarydata.h, format "Dict" 1): a header
// of eight int32 indexes, the first the offset of the trie; a trie of UTF-16 units with a
// value per word, its words stored as they are (no byte transform).
constexpr int kTrieOffset = 0, kTrieType = 4, kTransform = 5;
constexpr std::int32_t kTypeMask = 7, kTypeUChars = 1, kTransformNone = 0;

// Characters the iterator reads as they are: Han of the BMP, which NFKC leaves alone.
bool plain_han(char16_t c) { return (c >= 0x3400 && c <= 0x9FFF) || c == 0x3007; }

// The iterator's constants for Chinese and Japanese (ICU's CjkBreakEngine): a word is read up
// to 20 letters long, and a letter that starts no word of one letter is a word of its own
// at the highest cost a word has.
constexpr std::size_t kLongestWord = 20;
constexpr std::uint32_t kLoneLetterCost = 255;
constexpr std::uint32_t kUnreached = 0xFFFFFFFF;

}  // namespace

DictionaryWords::DictionaryWords() {
  UErrorCode status = U_ZERO_ERROR;
  file_ = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status) || file_ == nullptr) {
    file_ = nullptr;
    return;
  }
  const auto* data = static_cast<const std::uint8_t*>(udata_getMemory(file_));
  const auto* indexes = reinterpret_cast<const std::int32_t*>(data);
  if ((indexes[kTrieType] & kTypeMask) != kTypeUChars || indexes[kTransform] != kTransformNone) return;
  trie_ = reinterpret_cast<const char16_t*>(data + indexes[kTrieOffset]);
  firsts_ = std::make_unique<std::atomic<std::uint64_t>[]>(kLastHan - kFirstHan + 1);
}

DictionaryWords::~DictionaryWords() {
  if (file_) udata_close(file_);
}

UStringTrieResult DictionaryWords::first(icu::UCharsTrie& trie, char16_t c) const {
  if (c < kFirstHan || c > kLastHan) return trie.first(c);
  // Shared by the threads: each finds the same state for c, so a race only repeats the work.
  std::atomic<std::uint64_t>& known = firsts_[c - kFirstHan];
  std::uint64_t state = known.load(std::memory_order_relaxed);
  if (state == kUnknown) {
    state = trie.first(c) == USTRINGTRIE_NO_MATCH ? kNoWord : trie.getState64();
    known.store(state, std::memory_order_relaxed);
  }
  if (state == kNoWord) return USTRINGTRIE_NO_MATCH;
  trie.resetToState64(state);
  return trie.current();
}

const DictionaryWords& DictionaryWords::chinese() {
  static const DictionaryWords words;
  return words;
}

bool DictionaryWords::some_word_crosses(std::u16string_view units, std::size_t junction) const {
  if (!trie_ || junction == 0 || junction >= units.size()) return true;
  for (char16_t c : units)
    if (!plain_han(c)) return true;
  // Each start before the junction, read on through it while the trie knows the letters.
  for (std::size_t start = 0; start < junction; ++start) {
    icu::UCharsTrie trie(trie_);
    if (!USTRINGTRIE_HAS_NEXT(first(trie, units[start]))) continue;
    for (std::size_t end = start + 1; end < units.size(); ++end) {
      const UStringTrieResult r = trie.next(units[end]);
      if (end >= junction && USTRINGTRIE_HAS_VALUE(r)) return true;  // a word start..end crosses
      if (!USTRINGTRIE_HAS_NEXT(r)) break;
    }
  }
  return false;
}

// ICU's iterator cuts a run of Han characters where its cheapest segmentation into words of
// its dictionary cuts it: each word costs the value the dictionary gives it, a letter that
// is no word costs kLoneLetterCost, and of equal costs the one found first stands (ICU's
// CjkBreakEngine::divideUpDictionaryRange, read for its method). Asked for the eight letters
// around a junction thousands of times a page, the iterator costs thirty times as much, most
// of it setting up its engine; tests/dictionary_words_test.cpp holds the two answers equal.
std::optional<bool> DictionaryWords::boundary(std::u16string_view units, std::size_t junction) const {
  const std::size_t n = units.size();
  if (!trie_ || junction == 0 || junction >= n || n > kMostUnits) return std::nullopt;
  for (char16_t c : units)
    if (!plain_han(c)) return std::nullopt;
  // best[k]: the least cost of the first k letters; from[k]: where the last word of it starts.
  std::array<std::uint32_t, kMostUnits + 1> best;
  std::array<std::size_t, kMostUnits + 1> from{};
  best.fill(kUnreached);
  best[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] == kUnreached) continue;
    auto word = [&](std::size_t length, std::uint32_t cost) {
      if (best[i] + cost < best[i + length]) {
        best[i + length] = best[i] + cost;
        from[i + length] = i;
      }
    };
    icu::UCharsTrie trie(trie_);
    bool one_letter_word = false;
    UStringTrieResult r = first(trie, units[i]);
    for (std::size_t length = 1;; ++length) {
      if (USTRINGTRIE_HAS_VALUE(r)) {
        one_letter_word = one_letter_word || length == 1;
        word(length, static_cast<std::uint32_t>(trie.getValue()));
        if (r == USTRINGTRIE_FINAL_VALUE) break;
      } else if (r == USTRINGTRIE_NO_MATCH) {
        break;
      }
      if (length >= kLongestWord || i + length >= n) break;
      r = trie.next(units[i + length]);
    }
    if (!one_letter_word) word(1, kLoneLetterCost);
  }
  for (std::size_t k = n; k > 0; k = from[k])
    if (k == junction) return true;
  return false;
}

}  // namespace newsplit::detail
