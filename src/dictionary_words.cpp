#include "dictionary_words.hpp"

namespace newsplit::detail {

namespace {

// The layout of ICU's dictionary files (ICU's dictionarydata.h, format "Dict" 1): a header
// of eight int32 indexes, the first the offset of the trie; a trie of UTF-16 units with a
// value per word, its words stored as they are (no byte transform).
constexpr int kTrieOffset = 0, kTrieType = 4, kTransform = 5;
constexpr std::int32_t kTypeMask = 7, kTypeUChars = 1, kTransformNone = 0;

// Characters the iterator reads as they are: Han of the BMP, which NFKC leaves alone.
bool plain_han(char16_t c) { return (c >= 0x3400 && c <= 0x9FFF) || c == 0x3007; }

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

bool DictionaryWords::first(icu::UCharsTrie& trie, char16_t c) const {
  if (c < kFirstHan || c > kLastHan) return USTRINGTRIE_HAS_NEXT(trie.first(c));
  // Shared by the threads: each finds the same state for c, so a race only repeats the work.
  std::atomic<std::uint64_t>& known = firsts_[c - kFirstHan];
  std::uint64_t state = known.load(std::memory_order_relaxed);
  if (state == kUnknown) {
    state = USTRINGTRIE_HAS_NEXT(trie.first(c)) ? trie.getState64() : kNoWord;
    known.store(state, std::memory_order_relaxed);
  }
  if (state == kNoWord) return false;
  trie.resetToState64(state);
  return true;
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
    if (!first(trie, units[start])) continue;
    for (std::size_t end = start + 1; end < units.size(); ++end) {
      const UStringTrieResult r = trie.next(units[end]);
      if (end >= junction && USTRINGTRIE_HAS_VALUE(r)) return true;  // a word start..end crosses
      if (!USTRINGTRIE_HAS_NEXT(r)) break;
    }
  }
  return false;
}

}  // namespace newsplit::detail
