// Page layout: which headline-shaped blocks are headlines, and where the headlines stand.
//  - A run of headline-shaped units is an article's edge (a headline) or a subhead inside
//    one. An edge where a byline, dateline or lead box follows it, a credit or author note
//    precedes it, or at the page's top or foot; between two runs of text, where the text
//    after it does not go on with the text before it: an article's words recur through it
//    (lexical cohesion), another article's words are others.
//  - On some pages every headline comes after its article's body (the PDF's text flow put
//    the headline block last), on others before it, decided per page from the page itself:
//    a page that opens with a headline block puts headlines first, one that ends with one
//    puts them last (the more so when the block's words belong to the article beside it
//    rather than to the whole page: a banner); a headline between two bodies that shares
//    more with the body after it stands before its article.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/classify.hpp"
#include "newsplit/lines.hpp"

namespace newsplit {

namespace simd {
struct NibbleTables;
}

enum class HeadlinePosition { Before, After };

// One piece of evidence, kept as numbers and put into words only when asked (--explain).
struct LayoutEvidence {
  enum Kind { PageOpens, PageEnds, Wording } kind = Wording;
  std::string headline;
  // PageOpens, PageEnds: the share of the headline's words in its own article and in the
  // rest of the page. Wording: its share in the text before and in the text after.
  double first = 0, second = 0;
  double weight = 0;  // what it adds to the score
};
std::string describe(const LayoutEvidence& e);  // one line: "page opens with headline …"

// A run of consecutive headline-shaped units, with the evidence for an article's edge.
struct HeadlineRun {
  std::size_t begin = 0, end = 0;  // indexes into the unit list
  bool at_page_start = false, at_page_end = false;
  bool opener_after = false;   // a byline, dateline or lead label follows it
  bool closer_before = false;  // a credit or author note precedes it
  // Of the word pairs (adjacent Han characters) of the text after the run, the share found in
  // the text before it since the last edge; -1 where either is missing.
  double cohesion = -1;
  bool measured = false;    // the cohesion was read from enough text either side to tell
  bool edge = false;        // the decision: a headline (an article's edge), not a subhead
  bool doubtful = false;    // decided by a cohesion close to the line between the two readings
  const char* reason = "";  // what decided it (explain)
};
std::vector<HeadlineRun> headline_runs(const std::vector<Unit>& units);

struct Layout {
  HeadlinePosition headlines = HeadlinePosition::Before;
  double score = 0;                        // > 0 says before, < 0 after; 0 (no evidence) means before
  std::vector<LayoutEvidence> evidence;    // for --explain and tests
  std::vector<HeadlineRun> runs;           // every run of headline-shaped units, in page order
};

Layout decide_layout(const std::vector<Unit>& units);

// A headline's wording: the pairs of adjacent Han characters in it. share() says what part
// of them a text holds (0 to 1), reading the text once without copying it.
class HeadlineWords {
 public:
  HeadlineWords();
  explicit HeadlineWords(std::string_view headline) : HeadlineWords() { reset(headline); }
  ~HeadlineWords();
  HeadlineWords(HeadlineWords&&) noexcept;
  HeadlineWords& operator=(HeadlineWords&&) noexcept;
  // Takes another headline, keeping the room of the last (one object serves a page).
  void reset(std::string_view headline);
  std::size_t size() const { return count_; }
  // The headline's pairs of adjacent Han characters, in order, with repeats: (first << 32) | second.
  const std::vector<std::uint64_t>& pairs() const { return pairs_; }
  double share(std::string_view text);
  // The text of the units in [from, to) whose role is Text, read as one stream.
  double share(const std::vector<Unit>& units, std::size_t from, std::size_t to);
  // Reads at most kBudget bytes from the start of the text: an article's opening
  // paragraphs carry its headline's words, and reading all of every window would cost
  // more than it tells.
  static constexpr std::size_t kBudget = 1500;
  template <typename Pred>
  double share_if(const std::vector<Unit>& units, std::size_t from, std::size_t to, Pred keep,
                  std::size_t budget = kBudget) {
    start();
    for (std::size_t k = from; k < to && found_ < count_ && budget > 0; ++k) {
      if (!keep(k)) continue;
      for (const Span& sp : units[k].spans) {
        const std::string_view t = sp.text.substr(0, budget);
        feed(t);
        budget -= t.size();
        if (budget == 0) break;
      }
    }
    return ratio();
  }

 private:
  void start();
  void feed(std::string_view piece);
  void feed_bytes(std::string_view piece);  // a character at a time (two where both are three bytes)
  // The same by tables of the headline's characters' bytes, read many positions at a time
  // (headlines of three-byte characters only): only two characters side by side that may be
  // the headline's are looked up.
  void feed_by_tables(std::string_view piece);
  // Counts the pair a b when it is one of the headline's not seen yet; true when all are.
  bool count_pair(char32_t a, char32_t b);
  double ratio() const { return count_ ? static_cast<double>(found_) / static_cast<double>(count_) : 0.0; }
  std::vector<std::uint64_t> pairs_;  // the headline's pairs, in order (with repeats)
  std::vector<std::uint64_t> keys_;   // open addressing; 0 is empty
  std::array<std::uint64_t, 64> chars_{};  // bitset of the headline's characters (low 12 bits)
  std::vector<std::uint32_t> seen_;   // generation in which the key was seen
  // The headline's characters by the halves of their bytes (simd/kernels.hpp); used when the
  // kernels read them many positions at a time and the headline's characters are all
  // three-byte ones.
  std::unique_ptr<simd::NibbleTables> tables_;
  bool by_tables_ = false;
  std::uint32_t generation_ = 0;
  std::size_t count_ = 0, found_ = 0;
  char32_t prev_ = 0;
};

// Share of the headline's character bigrams (Han only) that occur in the text.
double shared_bigrams(std::string_view headline, std::string_view text);

}  // namespace newsplit
