// Words in a hash set by their byte lengths, internal to the core: the words that start at a
// position of a text are found by one look-up per length the set holds (a handful), in memory
// proportional to the words. Long keyword lists and user dictionaries are held so.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsplit/unicode.hpp"

namespace newsplit::detail {

class WordsByLength {
 public:
  // A word's id is its position in `words`; of words given twice, the first is kept.
  explicit WordsByLength(std::vector<std::string> words) : words_(std::move(words)) {
    ids_.reserve(words_.size());
    for (std::uint32_t id = 0; id < words_.size(); ++id) {
      const std::string_view w = words_[id];
      if (w.empty()) continue;
      ids_.emplace(w, id);
      if (std::find(lengths_.begin(), lengths_.end(), w.size()) == lengths_.end()) lengths_.push_back(w.size());
      whole_chars_ = whole_chars_ && unicode::valid_utf8(w, nullptr, false);
      first_.set(static_cast<unsigned char>(w[0]));
    }
    std::sort(lengths_.rbegin(), lengths_.rend());
  }
  WordsByLength(const WordsByLength&) = delete;  // ids_ holds views into words_
  WordsByLength& operator=(const WordsByLength&) = delete;

  bool empty() const { return ids_.empty(); }
  // Whether a word may start with this byte (a quick test before the look-ups).
  bool may_start(unsigned char b) const { return first_.test(b); }
  // Whether every word is whole UTF-8 characters: then words start only where characters do.
  bool whole_chars() const { return whole_chars_; }
  // Calls f(id, length) for each word at text[i], longest first, while f returns true.
  template <typename F>
  void at(std::string_view text, std::size_t i, F&& f) const {
    for (std::size_t len : lengths_) {
      if (len > text.size() - i) continue;
      if (const auto it = ids_.find(text.substr(i, len)); it != ids_.end() && !f(it->second, len)) return;
    }
  }

 private:
  std::vector<std::string> words_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;  // views into words_
  std::vector<std::size_t> lengths_;                         // longest first
  std::bitset<256> first_;
  bool whole_chars_ = true;
};

}  // namespace newsplit::detail
