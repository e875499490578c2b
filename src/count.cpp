#include "newsplit/count.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <deque>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "keyword_starts.hpp"
#include "words_by_length.hpp"
#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

std::string normalize_keyword(std::string_view raw, const CleanOptions& options) { return clean(raw, options); }

std::vector<std::string> parse_keyword_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = unicode::trim(text.substr(pos, nl - pos));
    if (!line.empty() && line.front() != '#') out.emplace_back(line);
    pos = nl + 1;
  }
  return out;
}

// --- The keywords that begin at a position -----------------------------------------------
//
// Where the prefilter accepts a position, the keywords whose first bytes are there are
// compared in place: a hash of those bytes finds them, and the rest of each is compared
// as bytes. Keywords recur every hundred bytes or so in news about them, and the automaton
// reads each of those a byte at a time, every step waiting on the last. Exact bytes only:
// when ignoring case, the automaton reads on.
class Beginnings {
 public:
  // Nothing when many keywords share a beginning (thousands of them behind a few first
  // characters): the automaton reads a text once, where comparing would read it again and
  // again at each position.
  static std::optional<Beginnings> make(const std::vector<std::string>& keywords, std::size_t width) {
    std::map<std::string, std::vector<std::uint32_t>> groups;  // first bytes -> keyword ids
    for (std::uint32_t id = 0; id < keywords.size(); ++id) groups[keywords[id].substr(0, width)].push_back(id);
    // The prefilter takes no more beginnings than half the slots: probes stay short.
    if (groups.size() > detail::KeywordStarts::kMaxBeginnings)
      throw std::logic_error("more keyword beginnings than the prefilter takes");
    for (const auto& g : groups)
      if (g.second.size() > kMaxSharing) return std::nullopt;
    Beginnings b;
    b.width_ = width;
    for (const auto& [begin, ids] : groups) {
      const std::uint64_t k = key(reinterpret_cast<const unsigned char*>(begin.data()), width);
      std::size_t h = slot_of(k);
      while (!b.slots_[h].empty()) h = (h + 1) % kSlots;
      b.slots_[h] = Slot{k, static_cast<std::uint32_t>(b.ids_.size()), static_cast<std::uint32_t>(b.ids_.size() + ids.size())};
      for (std::uint32_t id : ids) {
        b.ids_.push_back(id);
        b.rests_.push_back(keywords[id].substr(width));
      }
    }
    return b;
  }

  // Adds to counts the keywords that start at p[i] (the prefilter has checked i + width <= n).
  void count_at(const unsigned char* p, std::size_t i, std::size_t n, std::vector<std::uint64_t>& counts) const {
    std::uint64_t k;
    if (i + 8 <= n) {
      std::memcpy(&k, p + i, 8);
      k &= ~std::uint64_t{0} >> (64 - 8 * width_);
    } else {
      k = key(p + i, width_);  // near the end: no whole word to load
    }
    for (std::size_t h = slot_of(k); !slots_[h].empty(); h = (h + 1) % kSlots) {
      if (slots_[h].key != k) continue;
      const std::size_t at = i + width_;
      for (std::size_t e = slots_[h].from; e < slots_[h].to; ++e) {
        const std::string& rest = rests_[e];
        if (rest.size() <= n - at && std::memcmp(p + at, rest.data(), rest.size()) == 0) ++counts[ids_[e]];
      }
      return;
    }
  }

 private:
  static constexpr std::size_t kSlots = 2 * detail::KeywordStarts::kMaxBeginnings;
  static constexpr std::size_t kMaxSharing = 8;  // keywords behind one beginning
  static_assert(detail::KeywordStarts::kMaxWidth <= 8, "a beginning is read as one 8-byte word");
  static_assert(std::has_single_bit(kSlots));
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t from = 0, to = 0;  // its keywords in ids_ (none: an empty slot)
    bool empty() const { return from == to; }
  };
  Beginnings() = default;
  // The first `width` bytes (at most 8) as a number, as a little-endian load reads them.
  static std::uint64_t key(const unsigned char* q, std::size_t width) {
    std::uint64_t k = 0;
    for (std::size_t j = 0; j < width; ++j) k |= std::uint64_t{q[j]} << (8 * j);
    return k;
  }
  static std::size_t slot_of(std::uint64_t k) {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> (64 - std::countr_zero(kSlots)));
  }
  std::size_t width_ = 0;
  std::array<Slot, kSlots> slots_{};
  std::vector<std::uint32_t> ids_;  // keyword ids, grouped by their first bytes
  std::vector<std::string> rests_;  // each one's bytes after those
};

// --- Long lists: keywords by length --------------------------------------------------
//
// The automaton's full transition table grows with the keywords' bytes times the bytes they
// use (100,000 keywords took 700 MB). A long list is instead held as a hash set of its
// keywords, and at each character of the text the keywords of each length found in the
// list are looked up there: memory proportional to the list, time to the text times the
// number of distinct lengths (a handful).
class LengthIndex {
 public:
  LengthIndex(std::vector<std::string> folded, bool ignore_case) : words_(std::move(folded)), ignore_case_(ignore_case) {}
  void count(std::string_view text, std::vector<std::uint64_t>& counts) const {
    std::string folded;
    if (ignore_case_) text = folded = unicode::ascii_lower(text);
    for (std::size_t i = 0; i < text.size();) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (words_.may_start(b)) words_.at(text, i, [&](std::uint32_t id, std::size_t) { return ++counts[id], true; });
      // Keywords of whole characters start only where characters do.
      if (!words_.whole_chars() || b < 0x80) ++i;
      else i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
  }

 private:
  detail::WordsByLength words_;  // as the text is read (folded when ignoring case)
  bool ignore_case_;
};

// --- Aho–Corasick over bytes -----------------------------------------------------------
//
// Bytes are first mapped to classes (the bytes that occur in keywords, one class for all
// others; with ignore_ascii_case A–Z share the classes of a–z), then a full transition
// table over the classes turns every input byte into one table lookup. A state that ends
// a keyword, or has one along its failure chain, counts through its output links.

struct KeywordMatcher::Automaton {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::array<std::uint16_t, 256> cls{};
  std::uint32_t nclass = 1;
  std::vector<std::uint32_t> delta;     // state * nclass + class -> state
  std::vector<std::uint32_t> row_delta; // the same, as row offsets: (state << shift) + class -> next << shift,
                                        // with kReports set where next reports
  static constexpr std::uint32_t kReports = 1u << 31, kOffset = kReports - 1;
  std::uint32_t shift = 0;              // rows are 2^shift wide, so a state is its offset >> shift
  std::vector<std::uint32_t> keyword;   // state -> keyword id ending here, or kNone
  std::vector<std::uint32_t> out_link;  // state -> next state on its failure chain that ends a keyword
  // The characters keywords begin with, to pass over the others at the root (see count()):
  // ASCII bytes, and three-byte characters by the low six bits of their last two bytes.
  // Every keyword is well-formed UTF-8: a character no keyword begins with then leads from
  // the root back to the root.
  bool skip = false;
  std::array<bool, 128> first_ascii{};
  std::array<std::uint64_t, 64> first_3byte{};
  // A three-byte character that begins keywords begins one only where the next character
  // goes on one of them: the pairs of the keywords' first two characters (hashed), and the
  // characters that begin a keyword with no three-byte second character (one-character
  // keywords, 社A), which always stop.
  std::array<std::uint64_t, 64> first_alone{};
  std::array<std::uint64_t, 1024> first_pairs{};
  static unsigned key12(const unsigned char* q) { return (q[1] & 63u) << 6 | (q[2] & 63u); }
  static unsigned pair16(unsigned a, unsigned b) { return ((a << 12 | b) * 0x9E3779B1u) >> 16; }
  static bool test(const std::uint64_t* set, unsigned k) { return set[k >> 6] >> (k & 63u) & 1u; }
  static void add(std::uint64_t* set, unsigned k) { set[k >> 6] |= std::uint64_t{1} << (k & 63u); }
  bool may_begin_3byte(const unsigned char* q) const { return test(first_3byte.data(), key12(q)); }
  // q is a whole three-byte character that may begin a keyword, and so is q + 3.
  bool may_begin_pair(const unsigned char* q) const {
    return test(first_alone.data(), key12(q)) || test(first_pairs.data(), pair16(key12(q), key12(q + 3)));
  }
  // Faster still, where the CPU allows: the positions where a keyword may start, found 32
  // at a time (keyword_starts.hpp).
  std::optional<detail::KeywordStarts> starts;
  std::optional<Beginnings> beginnings;  // with starts, unless ignoring case
  // A list whose full table would take more than kDenseBudget is looked up by length instead.
  static constexpr std::size_t kDenseBudget = 32u << 20;
  std::unique_ptr<LengthIndex> by_length;

  // The byte classes of the keywords' bytes (A-Z as a-z when folding); false when the full
  // table would pass kDenseBudget.
  bool classes(const std::vector<std::string>& folded, bool ignore_case);
  // The trie of the keywords, in the transition table itself (kNone = no edge yet).
  void trie(const std::vector<std::string>& folded);
  // Breadth-first: failure links, output links, the missing transitions, and the table of
  // row offsets that count() reads.
  void links();
  // What lets count() pass over text where no keyword begins.
  void beginnings_of(const std::vector<std::string>& folded, bool ignore_case);
};

bool KeywordMatcher::Automaton::classes(const std::vector<std::string>& folded, bool ignore_case) {
  for (const auto& k : folded)
    for (unsigned char b : k)
      if (cls[b] == 0) cls[b] = static_cast<std::uint16_t>(nclass++);
  if (ignore_case)
    for (int b = 'A'; b <= 'Z'; ++b) cls[static_cast<std::size_t>(b)] = cls[static_cast<std::size_t>(b - 'A' + 'a')];
  // At most a state per keyword byte, a row of the table per state (twice while it is built).
  std::size_t states = 1;
  for (const auto& k : folded) states += k.size();
  return states * std::bit_ceil(std::size_t{nclass}) * sizeof(std::uint32_t) * 2 <= kDenseBudget;
}

void KeywordMatcher::Automaton::trie(const std::vector<std::string>& folded) {
  const std::size_t nc = nclass;
  delta.assign(nc, kNone);
  keyword.assign(1, kNone);
  for (std::uint32_t id = 0; id < folded.size(); ++id) {
    std::uint32_t s = 0;
    for (unsigned char b : folded[id]) {
      const std::size_t c = cls[b];
      if (delta[s * nc + c] == kNone) {
        const auto t = static_cast<std::uint32_t>(keyword.size());
        delta[s * nc + c] = t;
        keyword.push_back(kNone);
        delta.resize(delta.size() + nc, kNone);
      }
      s = delta[s * nc + c];
    }
    keyword[s] = id;
  }
}

void KeywordMatcher::Automaton::links() {
  const std::size_t nc = nclass, n = keyword.size();
  std::vector<std::uint32_t> fail(n, 0);
  out_link.assign(n, kNone);
  std::vector<std::uint8_t> reports(n, 0);  // state -> it or its chain ends a keyword
  std::deque<std::uint32_t> queue;
  for (std::size_t c = 0; c < nc; ++c) {
    std::uint32_t& t = delta[c];
    if (t == kNone) t = 0;
    else queue.push_back(t);
  }
  for (std::uint32_t s : queue) reports[s] = keyword[s] != kNone;
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    for (std::size_t c = 0; c < nc; ++c) {
      std::uint32_t& t = delta[s * nc + c];
      const std::uint32_t via_fail = delta[fail[s] * nc + c];
      if (t == kNone) {
        t = via_fail;
        continue;
      }
      fail[t] = via_fail;
      out_link[t] = keyword[via_fail] != kNone ? via_fail : out_link[via_fail];
      reports[t] = keyword[t] != kNone || out_link[t] != kNone;
      queue.push_back(t);
    }
  }
  while ((std::size_t{1} << shift) < nc) ++shift;
  if ((n << shift) > kOffset) throw std::length_error("too many keywords for one automaton");
  row_delta.assign(n << shift, 0);
  for (std::size_t st = 0; st < n; ++st)
    for (std::size_t c = 0; c < nc; ++c) {
      const std::uint32_t next = delta[st * nc + c];
      row_delta[(st << shift) + c] = next << shift | (reports[next] ? kReports : 0);
    }
  delta.clear();
  delta.shrink_to_fit();
}

void KeywordMatcher::Automaton::beginnings_of(const std::vector<std::string>& folded, bool ignore_case) {
  skip = true;
  for (const auto& k : folded) {
    const auto b = static_cast<unsigned char>(k[0]);
    if (!unicode::valid_utf8(k, nullptr, false)) skip = false;
    else if (b < 0x80) first_ascii[b] = true;  // (the upper case too, below, when folding)
    else if (b >= 0xE0 && b < 0xF0) {
      const auto* q = reinterpret_cast<const unsigned char*>(k.data());
      add(first_3byte.data(), key12(q));
      const bool second_3byte = k.size() >= 6 && (q[3] & 0xF0u) == 0xE0u;
      if (second_3byte) add(first_pairs.data(), pair16(key12(q), key12(q + 3)));
      else add(first_alone.data(), key12(q));
    }
  }
  if (ignore_case)
    for (int b = 'a'; b <= 'z'; ++b)
      if (first_ascii[static_cast<std::size_t>(b)]) first_ascii[static_cast<std::size_t>(b - 'a' + 'A')] = true;
  starts = detail::KeywordStarts::make(folded, ignore_case);
  if (starts && !ignore_case) beginnings = Beginnings::make(folded, starts->width());
}

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords, bool ignore_case)
    : ac_(std::make_unique<Automaton>()) {
  Automaton& a = *ac_;
  // Distinct keywords in first-seen order (ignoring case, RCEP and Rcep are one keyword,
  // counted under the first spelling); the empty keyword matches nothing.
  // Each keyword is also kept as the automaton reads it (folded, when ignoring case).
  std::map<std::string, std::uint32_t> seen;
  std::vector<std::string> folded;
  for (const auto& k : keywords) {
    std::string key = ignore_case ? unicode::ascii_lower(k) : k;
    if (k.empty() || seen.count(key)) continue;
    seen.emplace(key, static_cast<std::uint32_t>(keywords_.size()));
    keywords_.push_back(k);
    folded.push_back(std::move(key));
  }
  if (!a.classes(folded, ignore_case)) {
    a.by_length = std::make_unique<LengthIndex>(std::move(folded), ignore_case);
    return;
  }
  a.trie(folded);
  a.links();
  a.beginnings_of(folded, ignore_case);
}

KeywordMatcher::~KeywordMatcher() = default;
KeywordMatcher::KeywordMatcher(KeywordMatcher&&) noexcept = default;
KeywordMatcher& KeywordMatcher::operator=(KeywordMatcher&&) noexcept = default;

void KeywordMatcher::count(std::string_view text, std::vector<std::uint64_t>& counts) const {
  counts.resize(keywords_.size());
  if (keywords_.empty()) return;
  const Automaton& a = *ac_;
  if (a.by_length) {
    a.by_length->count(text, counts);
    return;
  }
  // The table holds row offsets (state << shift), so the loop has no multiply in it, and
  // says whether the state reached reports, so the loop has no second lookup.
  const std::uint32_t* row = a.row_delta.data();
  const std::uint32_t shift = a.shift;
  auto step = [&](std::uint32_t& off, unsigned char b) {
    const std::uint32_t e = row[off + a.cls[b]];
    off = e & Automaton::kOffset;
    return (e & Automaton::kReports) != 0;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto found = [&](std::uint32_t off) {
    for (std::uint32_t o = a.keyword[off >> shift] != Automaton::kNone ? off >> shift : a.out_link[off >> shift];
         o != Automaton::kNone; o = a.out_link[o])
      ++counts[a.keyword[o]];
  };
  if (a.beginnings) {
    a.starts->scan(p, n, [&](std::size_t i) {
      a.beginnings->count_at(p, i, n, counts);
      return i + 1;
    });
    return;
  }
  if (a.starts) {
    // From each position where a keyword may start, the automaton reads on until it is
    // back at its root: no keyword prefix left open, and none starts before the next such
    // position.
    a.starts->scan(p, n, [&](std::size_t i) {
      std::uint32_t off = 0;
      do {
        if (step(off, p[i++])) found(off);
      } while (off != 0 && i < n);
      return i;
    });
    return;
  }
  std::uint32_t off = 0;
  for (std::size_t i = 0; i < n;) {
    if (off == 0 && a.skip) {
      // At the root, whole characters no keyword begins with lead back to the root: most of
      // the text is passed over here, a character at a time, off the automaton's chain.
      while (i + 2 < n) {
        const unsigned char b = p[i];
        if ((b & 0xF0u) == 0xE0u) {  // three bytes, as nearly every Chinese character and mark
          if ((p[i + 1] & 0xC0u) != 0x80u || (p[i + 2] & 0xC0u) != 0x80u) break;
          if (a.may_begin_3byte(p + i)) {
            // It begins keywords: still passed over when the next character goes on none.
            const bool next_whole3 = i + 5 < n && (p[i + 3] & 0xF0u) == 0xE0u && (p[i + 4] & 0xC0u) == 0x80u &&
                                     (p[i + 5] & 0xC0u) == 0x80u;
            if (!next_whole3 || a.may_begin_pair(p + i)) break;
          }
          i += 3;
          continue;
        }
        if (b >= 0x80 || a.first_ascii[b]) break;
        ++i;
      }
      if (i == n) break;  // the text ended with characters passed over
    }
    if (step(off, p[i++])) found(off);
  }
}

// --- Words ---------------------------------------------------------------------------

const std::unordered_set<std::string>& default_stopwords() {
  // Function words, pronouns and the commonest empty verbs and measure phrases of news
  // text: frequent everywhere, telling nothing about a page.
  static const std::unordered_set<std::string> s = {
      "的",   "了",   "和",   "是",   "在",   "与",   "及",   "或",   "等",   "也",   "都",   "而",   "并",
      "就",   "把",   "被",   "从",   "对",   "为",   "以",   "于",   "向",   "让",   "将",   "已",   "又",
      "这",   "那",   "其",   "之",   "着",   "过",   "还",   "但",   "要",   "有",   "个",   "我们", "他们",
      "她们", "它们", "你们", "我",   "你",   "他",   "她",   "它",   "自己", "这个", "那个", "这些", "那些",
      "这样", "那样", "这种", "一个", "一些", "一种", "一批", "一系列", "一是", "二是", "三是", "四是",
      "以及", "并且", "而且", "或者", "还是", "但是", "因为", "所以", "如果", "虽然", "然而", "因此", "于是",
      "通过", "进行", "开展", "实现", "推动", "推进", "加快", "加强", "不断", "已经", "正在", "目前", "同时",
      "其中", "此外", "其他", "之一", "方面", "相关", "有关", "作为", "对于", "关于", "由于", "根据", "按照",
      "为了", "以上", "以下", "左右", "之间", "之后", "之前", "以来", "可以", "能够", "需要", "没有", "不是",
      "就是", "也是", "还有", "表示", "介绍", "认为", "提出", "记者", "日报", "本报", "什么", "怎么", "如何",
      "哪些", "我市", "全市", "今年", "去年", "近年来", "一步", "进一步"};
  return s;
}

struct WordCounter::Icu {
  std::unique_ptr<icu::BreakIterator> it;
};

UserDictionary::UserDictionary(const std::vector<std::string>& words)
    : words_(std::make_unique<detail::WordsByLength>(words)) {}
UserDictionary::~UserDictionary() = default;

bool UserDictionary::empty() const { return words_->empty(); }

std::size_t UserDictionary::longest_at(std::string_view text, std::size_t i) const {
  std::size_t longest = 0;
  if (words_->may_start(static_cast<unsigned char>(text[i])))
    words_->at(text, i, [&](std::uint32_t, std::size_t len) { return longest = len, false; });
  return longest;
}

std::vector<std::string> parse_dictionary(std::string_view text) {
  std::vector<std::string> words;
  for (const auto& line : parse_keyword_list(text)) {
    const auto toks = conventions::tokens(line);
    if (!toks.empty()) words.emplace_back(toks.front());  // the word; a frequency and a tag may follow
  }
  return words;
}

WordCounter::WordCounter(std::unordered_set<std::string> stopwords, int min_chars, const UserDictionary* dictionary)
    : stop_(std::move(stopwords)), min_chars_(min_chars), dictionary_(dictionary && !dictionary->empty() ? dictionary : nullptr),
      icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->it.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !icu_->it) throw std::runtime_error("ICU has no word break iterator for Chinese");
}

WordCounter::~WordCounter() = default;

void WordCounter::add(std::string_view text, std::unordered_map<std::string, std::uint64_t>& counts) {
  if (!dictionary_) return add_segmented(text, counts);
  // The user's words first, longest at each character; ICU segments the text between them.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t len = dictionary_->longest_at(text, i); len > 0) {
      if (i > run) add_segmented(text.substr(run, i - run), counts);
      if (!stop_.count(std::string(text.substr(i, len)))) ++counts[std::string(text.substr(i, len))];
      i += len;
      run = i;
      continue;
    }
    unicode::next(text, i);
  }
  if (run < text.size()) add_segmented(text.substr(run), counts);
}

void WordCounter::add_segmented(std::string_view text, std::unordered_map<std::string, std::uint64_t>& counts) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator& it = *icu_->it;
  it.setText(ut, status);
  if (U_SUCCESS(status)) {
    std::int32_t start = it.first();
    for (std::int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
      const std::int32_t tag = it.getRuleStatus();
      // Letters, kana and ideographs; numbers and punctuation are not words here.
      if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT) continue;
      add_word(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)), counts);
    }
  }
  utext_close(ut);
}

void WordCounter::add_word(std::string_view w, std::unordered_map<std::string, std::uint64_t>& counts) {
  if (static_cast<int>(unicode::count(w)) < min_chars_) return;
  std::string word(w);
  if (stop_.count(word)) return;
  ++counts[std::move(word)];
}

std::vector<std::pair<std::string, std::uint64_t>> top_n(const std::unordered_map<std::string, std::uint64_t>& counts,
                                                         std::size_t n) {
  std::vector<std::pair<std::string, std::uint64_t>> v(counts.begin(), counts.end());
  auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  if (v.size() > n) {
    std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), better);
    v.resize(n);
  } else {
    std::sort(v.begin(), v.end(), better);
  }
  return v;
}

namespace {

Cell number(std::uint64_t n) { return Cell{static_cast<std::int64_t>(n)}; }

}  // namespace

std::string headline_of(const Article& a) {
  std::string h = a.kicker;
  for (const std::string* s : {&a.title, &a.subtitle}) {
    if (s->empty()) continue;
    if (!h.empty()) h += ' ';
    h += *s;
  }
  return h;
}

PageCounts count_page(const PageResult& page, const CountOptions& o, const KeywordMatcher* matcher,
                      WordCounter* words) {
  PageCounts c;
  const bool per_article = o.by == CountBy::Article;
  const std::size_t rows = per_article ? page.articles.size() : 1;
  if (o.top > 0) {
    c.words.resize(rows);
    for (std::size_t k = 0; k < page.articles.size(); ++k)
      for_each_counted_text(page.articles[k], o.scope, [&](std::string_view t) { words->add(t, c.words[per_article ? k : 0]); });
  } else {
    c.keywords.resize(rows);
    thread_local std::vector<std::uint64_t> dense;  // a row's counts, all keywords
    auto keep_found = [&](std::vector<KeywordCount>& row) {
      for (std::size_t i = 0; i < dense.size(); ++i)
        if (dense[i] != 0) row.push_back(KeywordCount{static_cast<std::uint32_t>(i), dense[i]});
    };
    dense.assign(matcher->size(), 0);
    for (std::size_t k = 0; k < page.articles.size(); ++k) {
      for_each_counted_text(page.articles[k], o.scope, [&](std::string_view t) { matcher->count(t, dense); });
      if (per_article) {
        keep_found(c.keywords[k]);
        std::fill(dense.begin(), dense.end(), 0);
      }
    }
    if (!per_article) keep_found(c.keywords[0]);
  }
  return c;
}

void keep_what_the_report_reads(PageResult& page, const CountOptions& options) {
  const bool headlines = options.by == CountBy::Article;
  for (Article& a : page.articles) {
    Article kept;
    kept.index = a.index;
    if (headlines) {
      kept.kicker = std::move(a.kicker);
      kept.title = std::move(a.title);
      kept.subtitle = std::move(a.subtitle);
    }
    a = std::move(kept);
  }
  page.leftovers = {};
}

CountReport::CountReport(const CountOptions& options, const KeywordMatcher* matcher)
    : opt_(options), matcher_(matcher) {
  if (matcher_) {
    file_keywords_.assign(matcher_->size(), 0);
    total_keywords_.assign(matcher_->size(), 0);
  }
}

void CountReport::row(std::vector<Cell> cells, std::uint64_t n) {
  // One rule for every --by: each keyword gets its row, zeros too (a complete table to pivot
  // or join), unless --min drops the rows below it.
  if (n < opt_.min.value_or(0)) return;
  cells.push_back(number(n));
  rows_.push_back(std::move(cells));
}

void CountReport::add(const std::string& file, const PageResult& page, const PageCounts& c) {
  if (opt_.by == CountBy::Article) {
    for (std::size_t k = 0; k < page.articles.size(); ++k) {
      const Article& a = page.articles[k];
      auto name = [&](const std::string& word) {
        return std::vector<Cell>{Cell{file}, number(a.index), Cell{headline_of(a)}, Cell{word}};
      };
      if (opt_.top > 0) {
        for (auto& [w, n] : top_n(c.words[k], opt_.top)) row(name(w), n);
      } else {
        std::size_t e = 0;  // found keywords, in id order
        const auto& found = c.keywords[k];
        for (std::size_t i = 0; i < matcher_->size(); ++i) {
          const std::uint64_t n = e < found.size() && found[e].keyword == i ? found[e++].n : 0;
          row(name(matcher_->keyword(i)), n);
        }
      }
    }
    return;
  }
  if (opt_.top > 0) {
    for (const auto& [w, n] : c.words.front()) file_words_[w] += n;
  } else {
    for (const KeywordCount& f : c.keywords.front()) file_keywords_[f.keyword] += f.n;
  }
}

void CountReport::end_file(const std::string& file) {
  if (opt_.by == CountBy::Article) return;
  if (opt_.top > 0) {
    if (opt_.by == CountBy::File) {
      for (auto& [w, n] : top_n(file_words_, opt_.top)) row({Cell{file}, Cell{w}}, n);
    } else {
      for (const auto& [w, n] : file_words_) total_words_[w] += n;
    }
    file_words_.clear();
    return;
  }
  for (std::size_t i = 0; i < matcher_->size(); ++i) {
    if (opt_.by == CountBy::File) row({Cell{file}, Cell{matcher_->keyword(i)}}, file_keywords_[i]);
    else total_keywords_[i] += file_keywords_[i];
  }
  std::fill(file_keywords_.begin(), file_keywords_.end(), 0);
}

Table CountReport::finish() {
  Table t;
  const std::string key = opt_.top > 0 ? "word" : "keyword";
  switch (opt_.by) {
    case CountBy::Total:
      t.columns = {key, "count"};
      if (opt_.top > 0) {
        for (auto& [w, n] : top_n(total_words_, opt_.top)) row({Cell{w}}, n);
      } else {
        for (std::size_t i = 0; i < matcher_->size(); ++i) row({Cell{matcher_->keyword(i)}}, total_keywords_[i]);
      }
      break;
    case CountBy::File: t.columns = {"file", key, "count"}; break;
    case CountBy::Article: t.columns = {"file", "index", "title", key, "count"}; break;
  }
  const std::size_t count_col = t.columns.size() - 1, key_col = t.columns.size() - 2;
  if (opt_.sort != CountSort::Input) {
    // Rows are sorted within each group (a file, an article); the groups keep input order.
    auto same_group = [&](const std::vector<Cell>& a, const std::vector<Cell>& b) {
      return std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(key_col), b.begin());
    };
    auto before = [&](const std::vector<Cell>& x, const std::vector<Cell>& y) {
      if (opt_.sort == CountSort::Name) return std::get<std::string>(x[key_col]) < std::get<std::string>(y[key_col]);
      return std::get<std::int64_t>(x[count_col]) > std::get<std::int64_t>(y[count_col]);
    };
    for (std::size_t b = 0; b < rows_.size();) {
      std::size_t e = b + 1;
      while (e < rows_.size() && same_group(rows_[e], rows_[b])) ++e;
      std::stable_sort(rows_.begin() + static_cast<std::ptrdiff_t>(b), rows_.begin() + static_cast<std::ptrdiff_t>(e), before);
      b = e;
    }
  }
  t.rows = std::move(rows_);
  t.bar_column = static_cast<int>(count_col);
  return t;
}

}  // namespace newsplit
