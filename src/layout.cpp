#include "newsplit/layout.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "newsplit/unicode.hpp"
#include "cohesion.hpp"
#include "newsplit/conventions.hpp"
#include "simd/kernels.hpp"

namespace newsplit {

namespace {

// Weight of one structural fact (a page opening or closing with a headline block), and
// the share of it that holds whatever the wording says.
constexpr double kStructureWeight = 2.0;
constexpr double kEdgeBase = 0.25;
// Weight of the wording evidence of one headline block (its share difference, -1 to 1).
constexpr double kWordingWeight = 4.0;
// A score this far from 0 is the wording of several headlines in agreement: settled.
constexpr double kSettled = 12.0;

std::size_t slot(std::uint64_t key, std::size_t mask) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask; }
}  // namespace

HeadlineWords::HeadlineWords() : tables_(std::make_unique<simd::NibbleTables>()) {}
HeadlineWords::~HeadlineWords() = default;
HeadlineWords::HeadlineWords(HeadlineWords&&) noexcept = default;
HeadlineWords& HeadlineWords::operator=(HeadlineWords&&) noexcept = default;

void HeadlineWords::reset(std::string_view headline) {
  pairs_.clear();
  pairs_.reserve(headline.size() / 3);  // a pair for about every three bytes: one allocation, not five
  cohesion::each_adjacent_pair(headline, [&](std::uint64_t k) { pairs_.push_back(k); });
  chars_.fill(0);
  for (std::uint64_t k : pairs_) {
    for (char32_t c : {static_cast<char32_t>(k >> 32), static_cast<char32_t>(k & 0xFFFFFFFF)})
      chars_[(c >> 6) & 63] |= std::uint64_t{1} << (c & 63);
  }
  // The tables take headlines of three-byte characters (all but the rare Han characters past
  // U+FFFF): any three-byte lead first, then the buckets of the characters whose second and
  // third bytes have each half; a character goes to one of eight buckets by its code point.
  if (!tables_) tables_ = std::make_unique<simd::NibbleTables>();  // moved from
  simd::NibbleTables& t = *tables_;
  t = {};
  t.width = 3;
  t.lo[0].fill(0xFF);
  t.hi[0][0xE] = 0xFF;
  by_tables_ = simd::kernels().nibbles_in_vectors && !pairs_.empty();
  for (std::uint64_t k : pairs_) {
    for (char32_t c : {static_cast<char32_t>(k >> 32), static_cast<char32_t>(k & 0xFFFFFFFF)}) {
      if (c > 0xFFFF) { by_tables_ = false; continue; }
      const auto bucket = static_cast<std::uint8_t>(1u << (c * 7u % 8u));
      const unsigned b2 = 0x80u | (c >> 6 & 0x3Fu), b3 = 0x80u | (c & 0x3Fu);
      t.lo[1][b2 & 15] |= bucket;
      t.hi[1][b2 >> 4] |= bucket;
      t.lo[2][b3 & 15] |= bucket;
      t.hi[2][b3 >> 4] |= bucket;
    }
  }
  std::size_t cap = 8;
  while (cap < pairs_.size() * 2) cap *= 2;
  keys_.assign(cap, 0);
  seen_.assign(cap, 0);
  generation_ = 0;
  count_ = found_ = 0;
  prev_ = 0;
  for (std::uint64_t k : pairs_) {
    std::size_t i = slot(k, cap - 1);
    while (keys_[i] != 0 && keys_[i] != k) i = (i + 1) & (cap - 1);
    if (keys_[i] == 0) {
      keys_[i] = k;
      ++count_;
    }
  }
}

void HeadlineWords::start() {
  ++generation_;
  found_ = 0;
  prev_ = 0;
}

bool HeadlineWords::count_pair(char32_t a, char32_t b) {
  const std::size_t mask = keys_.size() - 1;
  const std::uint64_t k = cohesion::pair(a, b);
  for (std::size_t j = slot(k, mask); keys_[j] != 0; j = (j + 1) & mask) {
    if (keys_[j] != k) continue;
    if (seen_[j] != generation_) {
      seen_[j] = generation_;
      return ++found_ == count_;
    }
    return false;
  }
  return false;
}

void HeadlineWords::feed_by_tables(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto decode3 = [p](std::size_t at) { return unicode::decode3(p + at); };
  auto whole3 = [&](std::size_t at) { return at + 2 < n && (p[at] & 0xF0u) == 0xE0u; };
  // A piece shorter than a vector's loads is read a character at a time (copied aside to
  // be loaded, it would stall on its own stores).
  if (n < 34) return feed_bytes(text);
  // The pair across the end of the piece before (a line wrap inside the text).
  if (prev_ != 0 && whole3(0) && count_pair(prev_, decode3(0))) return;
  prev_ = whole3(n - 3) ? decode3(n - 3) : 0;
  // Two characters side by side (three bytes apart) that may both be the headline's, by the
  // tables; each such pair is looked up, until every pair of the headline is found.
  struct Visit {
    HeadlineWords* words;
    const unsigned char* p;
  } visit{this, p};
  simd::kernels().nibble_pairs(p, n, *tables_, 3, [](void* context, std::size_t q) {
    auto* v = static_cast<Visit*>(context);
    return v->words->count_pair(unicode::decode3(v->p + q), unicode::decode3(v->p + q + 3));
  }, &visit);
}

void HeadlineWords::feed(std::string_view text) {
  if (by_tables_) return feed_by_tables(text);
  feed_bytes(text);
}

void HeadlineWords::feed_bytes(std::string_view text) {
  const std::uint64_t* chars = chars_.data();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Only two characters of the headline in a row can make one of its pairs (and the table
  // holds only pairs of Han characters, so no other pair is ever found in it). Most
  // characters are three-byte ones (Han, and the Chinese marks between them) and are tested
  // against the headline's set by their last two bytes without being decoded: `maybe` says
  // the character just before is in the set, and `prev` is its code point once decoded (0
  // while it is the three-byte character just before, not yet decoded).
  bool maybe = prev_ != 0;
  char32_t prev = prev_;
  auto decode3 = [p](std::size_t at) { return unicode::decode3(p + at); };
  auto in_set3 = [&](std::size_t at) { return (chars[p[at + 1] & 63] >> (p[at + 2] & 63) & 1) != 0; };
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    char32_t c;
    // Two three-byte characters at once, as most of a page is, while neither makes a pair.
    if ((b & 0xF0u) == 0xE0u && i + 5 < n && (p[i + 3] & 0xF0u) == 0xE0u) {
      const bool hit0 = in_set3(i), hit1 = in_set3(i + 3);
      if (!((hit0 && maybe) || (hit0 && hit1))) {
        maybe = hit1;
        prev = 0;
        i += 6;
        continue;
      }
    }
    if ((b & 0xF0u) == 0xE0u && i + 2 < n) {
      const bool hit = in_set3(i);
      if (!(hit && maybe)) {
        maybe = hit;
        prev = 0;
        i += 3;
        continue;
      }
      if (!prev) prev = decode3(i - 3);
      c = decode3(i);
      i += 3;
    } else if (b < 0x80) {
      maybe = false;
      ++i;
      continue;
    } else {
      const std::size_t at = i;
      c = unicode::next(text, i);
      if (!(chars[(c >> 6) & 63] >> (c & 63) & 1)) {
        maybe = false;
        continue;
      }
      if (!maybe) {
        maybe = true;
        prev = c;
        continue;
      }
      if (!prev) prev = decode3(at - 3);
    }
    // c and the character before are both in the headline's set: is theirs one of its pairs?
    if (count_pair(prev, c)) {  // every pair found: nothing more to learn
      prev_ = c;
      return;
    }
    prev = c;
  }
  prev_ = maybe ? (prev ? prev : decode3(n - 3)) : 0;
}

double HeadlineWords::share(std::string_view text) {
  start();
  feed(text);
  return ratio();
}

double HeadlineWords::share(const std::vector<Unit>& units, std::size_t from, std::size_t to) {
  return share_if(units, from, to, [&](std::size_t k) { return units[k].role == Role::Text; });
}

double shared_bigrams(std::string_view headline, std::string_view text) { return HeadlineWords(headline).share(text); }

namespace {

// How much text either side of a headline-shaped run tells whether the text goes on: a
// paragraph or so before it, the first sentences after it (Han characters).
constexpr std::size_t kCohesionBefore = 300, kCohesionAfter = 150;
// Below this share of the following text's word pairs found in the text before, the text
// does not go on (measured: between two articles the share is mostly under 0.03, across a
// subhead mostly over 0.06).
constexpr double kCohesive = 0.05;
// A cohesion this close to the line between the two readings leaves the reading in doubt.
constexpr double kCloseCall = 0.015;
// Too little text either side says nothing about whether it goes on (a few short
// paragraphs share few words whatever they are): a run is then no edge by this test.
constexpr std::size_t kEnoughBefore = 60, kEnoughAfter = 30;

bool is_edge_unit(Role r) { return is_opener(r) || is_closer(r); }

// Two stories on one theme share words, and a headline between them may read as a subhead by
// the text's cohesion where it holds a little over the line; but a subhead's words are mostly
// its story's, before it too, where a headline's are only the story's it heads: none of the
// text before, a clear share of the text after. (Text that goes on with the text before well
// over the line is one story's, whatever its subhead's words: a section may open on a new one.)
constexpr double kHeadsTheTextAfter = 0.4;
constexpr double kLooselyCohesive = 0.12;
bool heads_the_text_after(const std::vector<Unit>& units, std::size_t since, std::size_t begin, std::size_t end, std::size_t next_edge) {
  constexpr std::size_t kBeforeBytes = 3 * kCohesionBefore, kAfterBytes = 3 * kCohesionAfter;  // (Han characters are 3 bytes)
  thread_local HeadlineWords words;
  std::string headline, before, after;
  for (std::size_t k = begin; k < end; ++k) headline += units[k].text();
  words.reset(headline);
  if (words.size() < 3) return false;
  for (std::size_t k = begin; k-- > since && before.size() < kBeforeBytes;)
    if (units[k].role == Role::Text) before.insert(0, units[k].text());
  for (std::size_t k = end; k < next_edge && after.size() < kAfterBytes; ++k)
    if (units[k].role == Role::Text) after += units[k].text();
  if (before.size() > kBeforeBytes) before.erase(0, before.size() - kBeforeBytes);
  if (after.size() > kAfterBytes) after.resize(kAfterBytes);
  return words.share(after) >= kHeadsTheTextAfter && words.share(before) == 0;
}

// Photo items: a short headline, a sentence or two, a photographer's credit. Text that short
// closed by such a credit is an item of its own, whatever its words share with the text
// before (a photo page's items are often on one theme). A picture's caption and credit may
// stand inside a story, with more of the story after them; an item whose only words are its
// picture's caption (图片报道 over a picture) ends at the credit.
bool photo_item_follows(const std::vector<Unit>& units, std::size_t from, std::size_t edge) {
  constexpr std::size_t kItemHan = conventions::kPhotoItemHan;
  if (edge >= units.size() || edge == from || units[edge].role != Role::Credit || !units[edge].people.photo ||
      units[edge].people.names.empty())
    return false;
  bool caption = false;
  std::size_t han = 0;
  for (std::size_t k = from; k < edge; ++k) {
    if (k > from && units[k].opens_story) return false;  // another item's credit
    if (units[k].role != Role::Text && units[k].role != Role::Caption) return false;
    caption = caption || units[k].role == Role::Caption;
    han += cohesion::walk_spans(units[k].spans, kItemHan + 1 - std::min(han, kItemHan), false, [](char32_t, char32_t) {});
  }
  if (caption && edge + 1 < units.size() && units[edge + 1].role == Role::Text) return false;
  return han > 0 && han <= kItemHan;
}

// A photo report: under its headline and byline, a sentence or two on the scene and one that
// says what the picture shows (…进入收获季。图为1月3日，农民…). It is an item of its own, so the
// headline after it heads the next story, not a subhead of the report.
bool photo_report_before(const std::vector<Unit>& units, std::size_t since, std::size_t run) {
  constexpr std::size_t kItemHan = conventions::kPhotoItemHan;
  std::size_t han = 0;
  bool picture = false, text = false;
  for (std::size_t k = since; k < run; ++k) {
    const Unit& u = units[k];
    if (k == since && is_opener(u.role)) continue;
    if (u.role != Role::Text && u.role != Role::Caption) return false;
    text = text || u.role == Role::Text;
    han += cohesion::walk_spans(u.spans, kItemHan + 1 - std::min(han, kItemHan), false, [](char32_t, char32_t) {});
    if (han > kItemHan) return false;
  }
  // (Its last sentence ends before the headline; a photographer's mark is the credit's end.)
  if (!text || run == since || !conventions::ends_sentence(units[run - 1].spans.back().text) ||
      conventions::ends_photo_credit(units[run].spans.back().text))
    return false;
  // (A caption that ends with its photographer's credit is a picture set in a story, above
  // more of its text: a report's credit closes the report, after its text.)
  for (std::size_t k = since; k < run; ++k) {
    if (units[k].role == Role::Caption && conventions::ends_photo_credit(units[k].text())) continue;
    for (const Span& sp : units[k].spans) picture = picture || conventions::holds_a_picture_sentence(sp.text);
  }
  return picture;
}

// A story continued on another page says so where its part here ends (（下转第2版）): what
// follows the jump line is another story.
bool continued_on_another_page(const std::vector<Unit>& units, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k)
    if (units[k].role == Role::Furniture && std::string_view(units[k].rule) == rules::kJumpLine && !conventions::read_jump(units[k].text()).from)
      return true;
  return false;
}

struct RunText {
  std::size_t since = 0, next_edge = 0;
};

// A story divided into sections has two subheads or more (one story in 513 of the corpus and
// the samples has exactly one): a subhead alone between two edges, read with enough text either
// side, whose words are the text's after it and none of the text's before, is the next story's
// headline, however much the two stories' words have in common (two stories on one theme).
void lone_subheads_that_head_the_next_story(const std::vector<Unit>& units, std::vector<HeadlineRun>& runs, const std::vector<RunText>& text) {
  auto parted = [&](std::size_t from, std::size_t to) {  // an edge stands in [from, to)
    for (std::size_t k = from; k < to; ++k)
      if (is_edge_unit(units[k].role) || units[k].opens_story) return true;
    return false;
  };
  for (std::size_t r = 0; r < runs.size(); ++r) {
    HeadlineRun& run = runs[r];
    if (run.edge || !run.measured || conventions::is_numbered_section(units[run.begin].spans.front().text)) continue;
    const bool sibling_before = r > 0 && !runs[r - 1].edge && !parted(runs[r - 1].end, run.begin);
    const bool sibling_after = r + 1 < runs.size() && !runs[r + 1].edge && !parted(run.end, runs[r + 1].begin);
    if (sibling_before || sibling_after) continue;
    if (!heads_the_text_after(units, text[r].since, run.begin, run.end, text[r].next_edge)) continue;
    run.edge = true;
    run.doubtful = false;
    run.reason = "a subhead alone in its story, whose words are the text's after it and none of the text's before: the next story's headline";
  }
}

}  // namespace

std::vector<HeadlineRun> headline_runs(const std::vector<Unit>& units) {
  std::vector<HeadlineRun> runs;
  std::size_t since = 0;  // the text before a run is read from here: the last edge, opener or closer
  std::vector<RunText> texts;  // for each run: where the text before it starts, where the text after it ends
  // Under a brief column's rubric (简讯, 要闻简报) the items are short, each a story: a headline
  // between two of them has too little text either side to tell by the text, and is an edge.
  bool brief_column = false;
  for (std::size_t i = 0; i < units.size();) {
    if ((units[i].role == Role::Headline || units[i].role == Role::Furniture) && units[i].spans.size() == 1 &&
        conventions::is_brief_rubric(units[i].spans.front().text))
      brief_column = true;
    if (units[i].role != Role::Headline) {
      if (is_edge_unit(units[i].role)) since = i + 1;
      if (units[i].opens_story) since = i;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < units.size() && units[j].role == Role::Headline) ++j;
    // Neighbours that carry meaning: captions sit anywhere, furniture is not content.
    std::size_t p = i;
    while (p > 0 && (units[p - 1].role == Role::Caption || units[p - 1].role == Role::Furniture)) --p;
    std::size_t n = j;
    while (n < units.size() && units[n].role == Role::Caption) ++n;
    HeadlineRun run;
    run.begin = i;
    run.end = j;
    run.at_page_start = p == 0;
    run.at_page_end = n == units.size();
    run.closer_before = (p > 0 && is_closer(units[p - 1].role)) || continued_on_another_page(units, p, i);
    run.opener_after = n < units.size() && is_opener(units[n].role);
    run.edge = run.at_page_start || run.at_page_end || run.opener_after || run.closer_before;
    run.reason = run.at_page_start ? "the page's top"
                 : run.at_page_end ? "the page's foot"
                 : run.opener_after ? "a byline, dateline or lead label follows"
                 : run.closer_before ? "a credit or author note precedes"
                                     : "a numbered section";
    const std::size_t since_before = since;
    std::size_t next_edge = j;  // the text after the run goes on to the next headline, opener or closer
    while (next_edge < units.size() && units[next_edge].role != Role::Headline && !is_edge_unit(units[next_edge].role)) ++next_edge;
    if (!run.edge && std::string_view(units[i].rule) == rules::kBriefLeadPhrase) {
      run.edge = true;
      run.reason = "a brief's lead phrase: each item of a brief column is a story";
    }
    if (!run.edge && photo_item_follows(units, j, next_edge)) {
      run.edge = true;
      run.reason = "a photo item follows: a sentence or two and a photographer's credit";
    }
    std::size_t cohesion_han_before = 0;  // Han characters of the text before, where cohesion read it
    if (!run.edge && !conventions::is_numbered_section(units[i].spans.front().text) && std::string_view(units[i].rule) != rules::kMarkedSubhead) {
      // Between two stretches of text: does the text after the run go on with the text before?
      const cohesion::GoesOn g = cohesion::goes_on(units, since, i, j, next_edge, kCohesionBefore, kCohesionAfter);
      cohesion_han_before = g.han_before;
      run.cohesion = g.share;
      const bool measured = run.measured = g.han_before >= kEnoughBefore && g.han_after >= kEnoughAfter;
      run.edge = run.cohesion < 0 || (measured && run.cohesion < kCohesive) || (!measured && brief_column);
      run.doubtful = measured && run.cohesion >= 0 && std::abs(run.cohesion - kCohesive) < kCloseCall;
      run.reason = run.cohesion < 0 ? "no text on one side"
                   : !measured     ? (brief_column ? "too little text either side, under a brief column's rubric: an item's headline"
                                                   : "too little text either side to tell: a subhead")
                   : run.edge      ? "the text after it does not go on with the text before"
                                   : "the text after it goes on with the text before: a subhead";
    }
    if (!run.edge && run.cohesion >= 0 && run.cohesion < kLooselyCohesive && heads_the_text_after(units, since, i, j, next_edge)) {
      run.edge = true;
      run.doubtful = false;
      run.reason = "its words are the text's after it and none of the text's before: the next story's headline";
    }
    // (A photo report's text is short: only then is it read for one.)
    if (!run.edge && run.cohesion >= 0 && cohesion_han_before <= conventions::kPhotoItemHan && photo_report_before(units, since, i)) {
      run.edge = true;
      run.reason = "a photo report precedes: a sentence or two and what its picture shows (图为…)";
    }
    if (run.edge) since = j;
    runs.push_back(run);
    texts.push_back({since_before, next_edge});
    i = j;
  }
  lone_subheads_that_head_the_next_story(units, runs, texts);
  return runs;
}

std::string describe(const LayoutEvidence& e) {
  switch (e.kind) {
    case LayoutEvidence::PageOpens:
      return fmt::format("page opens with headline \"{}\" (own {:.2f}, rest {:.2f}): before {:+.2f}", e.headline, e.first,
                         e.second, e.weight);
    case LayoutEvidence::PageEnds:
      return fmt::format("page ends with headline \"{}\" (own {:.2f}, rest {:.2f}): after {:+.2f}", e.headline, e.first,
                         e.second, e.weight);
    case LayoutEvidence::Wording:
      return fmt::format("headline \"{}\" shares {:.2f} with the text before, {:.2f} with the text after: {:+.2f}",
                         e.headline, e.first, e.second, e.weight);
  }
  throw std::logic_error("describe: a kind of layout evidence without words");
}

Layout decide_layout(const std::vector<Unit>& units) {
  Layout layout;
  layout.runs = headline_runs(units);
  std::vector<HeadlineRun> runs;
  for (const HeadlineRun& r : layout.runs)
    if (r.edge) runs.push_back(r);
  auto has_text = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
      if (units[k].role == Role::Text) return true;
    return false;
  };
  thread_local HeadlineWords words;  // its room serves every page the thread reads
  // Reading on once the evidence is overwhelming would not change the decision.
  for (std::size_t r = 0; r < runs.size() && std::abs(layout.score) < kSettled; ++r) {
    const HeadlineRun& run = runs[r];
    std::string headline;
    for (std::size_t k = run.begin; k < run.end; ++k) headline += units[k].text();
    words.reset(headline);
    const std::size_t before_from = r == 0 ? 0 : runs[r - 1].end;
    const std::size_t after_to = r + 1 < runs.size() ? runs[r + 1].begin : units.size();
    const bool before = has_text(before_from, run.begin), after = has_text(run.end, after_to);
    // A headline block at an edge of the page speaks for its layout when it belongs to the
    // one article beside it: its words are that article's more than the rest of the page's.
    // A banner shares words with every article alike and says little.
    auto edge_weight = [](double own, double rest) { return kStructureWeight * (kEdgeBase + std::max(0.0, own - rest)); };
    if (run.at_page_start && after) {
      const double own = words.share(units, run.end, after_to), rest = words.share(units, after_to, units.size());
      const double w = edge_weight(own, rest);
      layout.score += w;
      layout.evidence.push_back({LayoutEvidence::PageOpens, headline, own, rest, w});
    } else if (run.at_page_end && before) {
      const double own = words.share(units, before_from, run.begin), rest = words.share(units, 0, before_from);
      const double w = edge_weight(own, rest);
      layout.score -= w;
      layout.evidence.push_back({LayoutEvidence::PageEnds, headline, own, rest, -w});
    }
    if (before && after) {
      const double b = words.share(units, before_from, run.begin), a = words.share(units, run.end, after_to);
      layout.score += kWordingWeight * (a - b);
      layout.evidence.push_back({LayoutEvidence::Wording, headline, b, a, kWordingWeight * (a - b)});
    }
  }
  layout.headlines = layout.score < 0 ? HeadlinePosition::After : HeadlinePosition::Before;
  return layout;
}

}  // namespace newsplit
