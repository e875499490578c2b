#include "newsplit/assemble.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "cohesion.hpp"
#include "headline_scores.hpp"
#include "newsplit/conventions.hpp"
#include "newsplit/reflow.hpp"
#include "newsplit/rules.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {
namespace cv = conventions;

namespace {

// A headline part is the body's own when the body's opening holds this share of its word pairs,
// clearly so from this share on.
constexpr double kOwnHeadline = 0.15;
constexpr double kClearlyOwn = 0.3;
// A paragraph opens a waiting headline's story where its opening holds half the headline's
// word pairs, its text shares under this share of its pairs with the text before it, and
// that text is a story's worth (a scene-setting lede of a line or two is its own story's).
constexpr double kOpensAWaitingStory = 0.5;
constexpr double kGoesOnWithTheStory = 0.05;
constexpr std::size_t kStoryBeforeHan = 60;
// A story's opening, as far as its headline's words are looked for in it: its first hundred
// Han characters or so (bytes of UTF-8).
constexpr std::size_t kStoryOpening = 300;
// A headline's words speak for a body elsewhere only when they are this many pairs or more.
constexpr std::size_t kLeastWording = 3;
// A part is another body's by its words only from this many pairs: a part of four characters
// (单第二轮) has three, and one of them (第二) found in any story's opening is chance.
constexpr std::size_t kLeastWordingForAnother = 4;
// A headline goes to another body only when its words speak for that body by this much more.
constexpr double kMoveMargin = 0.3;
// From this many headline groups to place on a page, their scores against every article are
// worked out in one reading of the openings rather than group by group.
constexpr std::size_t kRowsFrom = 4;
// A headline's line this short is the wrapped end of the line over it, never a headline.
constexpr std::size_t kWrappedEndChars = 2;
// Lines wrapped in one box differ in width by a character at most (a mark kept off a line's
// start, digits and brackets set narrow), in half-em units.
constexpr int kSameBox = 2;
// What a part's last line wraps onto the next is a word or a few (应对寒潮, 11亿株, 实事的担子),
// eight characters at most; a second part set under the first says a whole clause of its own.
constexpr int kWrappedRestWidth = 16;
// A stray fragment: an "article" with nothing but a little text (a lone 平方米。).
constexpr std::uint64_t kFragmentMaxChars = 20;
// The warning of an article whose last paragraph stops mid-sentence (its text may go on elsewhere).
constexpr const char* kEndsMidSentence = "paragraph ends mid-sentence";
// A headline block shares this much of its wording with the text it sums up, and this
// much more than with the text after it, to close an article by wording alone.
constexpr double kClosingShare = 0.4;
constexpr double kClosingMargin = 0.3;
// How much of a section the closing-headline test reads: about 300 characters.
constexpr std::size_t kSectionBudget = 900;

// What a unit turned out to be once the page's layout is known.
// A headline part that belongs to a later article (QueuedHeadline) waits for it: PDF text
// flows put several headline blocks in a row, the next body's and those of bodies further on.
enum class Part { Text, Subhead, HeadlinePart, QueuedHeadline, Banner, Caption, Byline, Dateline, Note, Credit, LeadLabel, Furniture };

// The pieces of a draft point into the page's units, which outlive it.
using Spans = std::vector<Span>;

struct BodyItem {
  bool subhead = false;
  bool lead = false;
  const Spans* spans = nullptr;
  std::string_view last;  // the last span's text, less a credit set at its end
};

struct Draft {
  std::vector<std::size_t> headline;        // units of its parts, in reading order
  const Unit* opener = nullptr;             // byline or dateline
  std::vector<const Unit*> more_bylines;    // a second byline or dateline before the body
  std::string lead_label;
  std::vector<BodyItem> body;
  std::vector<const Spans*> captions, notes;
  std::size_t captions_before_credit = 0;  // how many captions stood before its first credit
  std::vector<const People*> credits;
  std::optional<People> trailing_credit;  // a credit found at the end of the last paragraph
  std::vector<std::string> credit_texts;
  std::uint64_t first = 0, last = 0;  // input lines spanned
  bool closed = false;                // a credit, note or (headlines-after) headline ended it
  std::string continued_on, continued_from;  // pages named by its jump lines
  std::vector<std::string> doubts;    // readings that were close: the article's warnings
  bool has_text() const {
    return std::any_of(body.begin(), body.end(), [](const BodyItem& b) { return !b.subhead; });
  }
  bool empty() const {
    return headline.empty() && !opener && body.empty() && captions.empty() && notes.empty() && credits.empty() &&
           lead_label.empty();
  }
  // Empty again, keeping the room of its lists for the next article of the page (every
  // member above is reset here).
  void clear() {
    headline.clear();
    opener = nullptr;
    more_bylines.clear();
    lead_label.clear();
    body.clear();
    captions.clear();
    captions_before_credit = 0;
    notes.clear();
    credits.clear();
    trailing_credit.reset();
    credit_texts.clear();
    first = last = 0;
    closed = false;
    continued_on.clear();
    continued_from.clear();
    doubts.clear();
  }
};

std::string joined(const std::vector<Span>& spans) {
  std::string s;
  std::size_t size = 0;
  for (const Span& sp : spans) size += sp.text.size() + 1;
  s.reserve(size);
  for (const Span& sp : spans) join_wrapped(s, sp.text);
  return s;
}

// Extractors that drop blank lines (pdftotext -raw, PyMuPDF's plain text) set the headlines of
// different articles line after line, where other dumps keep a blank line between them.
bool has_blank_lines(const PageLines& page) {
  return std::any_of(page.lines.begin(), page.lines.end(), [](const Line& l) { return l.blank(); });
}

// Records in the order of their first lines (equal ones as they came). Most pages assemble
// in that order already, and an article is a large record to move.
template <typename Record>
void in_line_order(std::vector<Record>& records) {
  auto by_line = [](const Record& a, const Record& b) { return a.line_start < b.line_start; };
  if (!std::is_sorted(records.begin(), records.end(), by_line)) std::stable_sort(records.begin(), records.end(), by_line);
}

class Assembler {
 public:
  Assembler(const PageLines& page, const std::vector<Unit>& units, const Layout& layout, const AssembleOptions& o)
      : page_(page), units_(units), runs_(layout.runs), after_(layout.headlines == HeadlinePosition::After), opt_(o),
        blank_lines_(has_blank_lines(page)) {}

  PageResult run() {
    resolve();
    for (std::size_t i = 0; i < units_.size(); ++i) take(i);
    pictures_at_the_foot(cur_);
    finish();
    rejoin_cut_stories();
    settle_headlines();
    reattach_fragments();
    in_line_order(result_.articles);
    in_line_order(result_.leftovers);
    result_.headlines_after = after_;
    return std::move(result_);
  }

 private:
  // --- Deciding what each headline-shaped unit is ----------------------------------

  void resolve() {
    parts_.resize(units_.size());
    for (std::size_t i = 0; i < units_.size(); ++i) parts_[i] = from_role(units_[i].role);
    for (const HeadlineRun& run : runs_) {
      if (!run.edge) continue;
      // On a headlines-after page nothing can close before the first body: a headline
      // block at the top is a section banner.
      const Part p = after_ && run.at_page_start ? Part::Banner : Part::HeadlinePart;
      for (std::size_t k = run.begin; k < run.end; ++k) parts_[k] = p;
    }
    for (std::size_t i = 0; i < units_.size(); ++i) {
      // A byline opens a body; one with no body after it but text before it (记者 何川 at
      // the foot of a story) is the story's credit.
      if (parts_[i] == Part::Byline && !body_follows(i) && text_before(i)) parts_[i] = Part::Credit;
    }
    if (after_) closing_headlines_by_wording();
    rests_of_sentences_cut_by_a_column_break();
    // (Each headline's body is known only now: its text runs on over those rests.)
    if (!after_)
      for (const HeadlineRun& run : runs_)
        if (run.edge) queue_others(run);
  }

  // A subhead stands between paragraphs; after text that stopped mid-sentence, a short block
  // is the rest of that sentence (a column break), not a subhead. Where each paragraph is one
  // line, the rest of a sentence is on the next line of text: a short line with no end mark
  // between the two halves is a picture's caption set inside the paragraph (…形成城市社区 /
  // caption / 基础数据“一张图”。).
  void rests_of_sentences_cut_by_a_column_break() {
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (units_[i].role != Role::Headline || parts_[i] != Part::Subhead) continue;
      for (std::size_t p = i; p > 0;) {
        --p;
        if (parts_[p] == Part::Caption) continue;
        if (parts_[p] == Part::Text && !cv::ends_unit(units_[p].spans.back().text))
          parts_[i] = caption_inside_a_sentence(i) ? Part::Caption : Part::Text;
        break;
      }
    }
  }

  // (A caption names what the picture shows: no clause of a sentence runs through it, and it
  // is no numbered section's head.)
  bool caption_inside_a_sentence(std::size_t i) const {
    if (!page_.shape.line_each || i + 1 >= units_.size() || parts_[i + 1] != Part::Text) return false;
    const std::string text = units_[i].text();
    return !cv::ends_unit(text) && !cv::is_numbered_section(text) && !has_clause_mark(text);
  }

  static bool has_clause_mark(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = unicode::next(text, i);
      if (cv::is_sentence_mark(c) || c == U'、' || c == U'：' || c == U':') return true;
    }
    return false;
  }

  // Of the parts of a headline run before a body, those whose words the body holds are its
  // headline, with the parts set directly beside them (a kicker, a wrapped title); the others
  // head later bodies. Where the body holds no part's words, the part next to it is its own.
  void queue_others(const HeadlineRun& run) {
    if (run.end - run.begin < 2) return;
    // The body: past its own openers, the text up to the next headline, opener or closer.
    std::size_t to = run.end;
    while (to < units_.size() && (in_a_picture(to) || is_opener(units_[to].role))) ++to;
    while (to < units_.size() && (parts_[to] == Part::Text || in_a_picture(to))) ++to;
    thread_local HeadlineWords words;  // its room serves every page the thread reads
    std::vector<double> share(run.end - run.begin);
    bool any = false;
    for (std::size_t k = run.begin; k < run.end; ++k) {
      words.reset(units_[k].text());
      share[k - run.begin] = words.share_if(units_, run.end, to, [&](std::size_t j) { return parts_[j] == Part::Text; });
      any = any || share[k - run.begin] >= kOwnHeadline;
    }
    std::vector<bool> own(run.end - run.begin, false);
    // Parts set directly beside an own part (no blank line between), or wrapped onto the next
    // across one, are the same headline, not a part whose words another body holds.
    auto joined = [&](std::size_t a) {
      const Unit &upper = units_[run.begin + a], &lower = units_[run.begin + a + 1];
      return (upper.blanks_after == 0 && lower.blanks_before == 0) || wrapped_onto_next(upper, lower) ||
             (a + 2 == own.size() && lower.blanks_before <= 1 && too_short_to_head_a_story(lower));
    };
    std::vector<signed char> elsewhere(own.size(), -1);  // not asked yet
    auto another_body_holds = [&](std::size_t k) {
      if (elsewhere[k] < 0) elsewhere[k] = words_held_elsewhere(units_[run.begin + k].text(), run.begin, to, !blank_lines_);
      return elsewhere[k] == 1;
    };
    for (std::size_t k = 0; k < own.size(); ++k) own[k] = any && share[k] >= kOwnHeadline;
    if (!any) {
      // The part next to the body, passing over those whose words another body holds.
      std::size_t k = own.size() - 1;
      while (k > 0 && another_body_holds(k)) --k;
      own[k] = true;
    }
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t k = 0; k + 1 < own.size(); ++k)
        if (joined(k) && own[k] != own[k + 1] && !another_body_holds(own[k] ? k + 1 : k)) own[k] = own[k + 1] = grew = true;
    }
    heads_a_later_story_run_on(run, to, joined, own);
    for (std::size_t k = 0; k < own.size(); ++k)
      if (!own[k]) parts_[run.begin + k] = Part::QueuedHeadline;
  }

  // Two headlines of a row over two stories that the dump runs on as one text, with no opener
  // between them: both find their words in that text, but one (its lines set together, apart
  // from the other headline) only from a paragraph on that follows a sentence's end and does
  // not go on with the text before it, while the other's words are in the text before that
  // paragraph. That headline heads the later story: it waits, and the story starts there.
  template <typename Joined>
  void heads_a_later_story_run_on(const HeadlineRun& run, std::size_t to, Joined joined, std::vector<bool>& own) {
    std::size_t first = run.end;  // the text's first paragraph
    while (first < to && parts_[first] != Part::Text) ++first;
    if (first + 1 >= to) return;
    struct Headline {
      std::size_t begin, end;  // parts of the run
      std::string text;
    };
    std::vector<Headline> heads;
    for (std::size_t k = 0; k < own.size(); ++k) {
      if (k == 0 || !joined(k - 1)) heads.push_back(Headline{k, k, {}});
      heads.back().end = k + 1;
      heads.back().text += units_[run.begin + k].text();
    }
    if (heads.size() < 2) return;
    thread_local HeadlineWords words;
    auto text = [&](std::size_t u) { return parts_[u] == Part::Text; };
    auto all_own = [&](const Headline& h) { return std::all_of(own.begin() + h.begin, own.begin() + h.end, [](bool b) { return b; }); };
    struct Claim {
      std::size_t head;
      std::size_t start;
      double opening;  // the share of its words in the start's opening
    };
    std::vector<Claim> claims;
    for (std::size_t h = 0; h < heads.size(); ++h) {
      if (!all_own(heads[h])) continue;
      words.reset(heads[h].text);
      if (words.size() < kLeastWordingForAnother) continue;
      const std::size_t start = later_story_start(words, first, to);
      if (start != kNone) claims.push_back(Claim{h, start, words.share_if(units_, start, to, text, kStoryOpening)});
    }
    // The text before the start has a headline of its own in the row.
    std::vector<bool> claiming(heads.size(), false);
    for (const Claim& c : claims) claiming[c.head] = true;
    std::erase_if(claims, [&](const Claim& c) {
      for (std::size_t h = 0; h < heads.size(); ++h) {
        if (claiming[h] || !all_own(heads[h])) continue;
        words.reset(heads[h].text);
        if (words.share_if(units_, first, c.start, text) >= kOwnHeadline) return false;
      }
      return true;
    });
    // A start goes to the headline whose words its opening holds best, and to the headlines
    // set right beside it that claim it too (a title and its subtitle).
    auto beside = [&](std::size_t a, std::size_t b) { return claims[a].start == claims[b].start && claims[a].head + 1 == claims[b].head; };
    std::vector<bool> goes(claims.size(), false);
    for (std::size_t c = 0; c < claims.size(); ++c) {
      std::size_t best = c;
      for (std::size_t o = 0; o < claims.size(); ++o)
        if (claims[o].start == claims[c].start && claims[o].opening > claims[best].opening) best = o;
      bool together = true;
      for (std::size_t m = std::min(c, best); m < std::max(c, best); ++m) together = together && beside(m, m + 1);
      goes[c] = together;
    }
    for (std::size_t c = 0; c < claims.size(); ++c) {
      if (!goes[c]) continue;
      if (std::find(later_story_.begin(), later_story_.end(), claims[c].start) == later_story_.end()) later_story_.push_back(claims[c].start);
      const Headline& h = heads[claims[c].head];
      const bool next_too = c + 1 < claims.size() && goes[c + 1] && beside(c, c + 1);
      for (std::size_t k = h.begin; k < h.end; ++k) {
        own[k] = false;
        headed_later_.push_back(run.begin + k);
        if (k + 1 < h.end || next_too) waits_with_next_.push_back(run.begin + k);
      }
    }
  }

  // Where the story of a headline whose words the text [first, to) holds only further on
  // starts: the first paragraph after a sentence's end from which on its words are found and
  // which does not go on with the text before it, or a later one that does not go on with the
  // text from there (the text between is another story's); kNone where there is none.
  std::size_t later_story_start(HeadlineWords& words, std::size_t first, std::size_t to) const {
    auto text = [&](std::size_t u) { return parts_[u] == Part::Text; };
    std::size_t start = kNone;
    for (std::size_t j = first + 1; j < to; ++j) {
      if (words.share_if(units_, first, j, text) >= kOwnHeadline) break;
      if (!text(j)) continue;
      std::size_t before = j - 1;  // the text before it, past a picture set between
      while (before > first && in_a_picture(before)) --before;
      if (!text(before) || !cv::ends_unit(units_[before].spans.back().text)) continue;
      if (words.share_if(units_, j, to, text) < kClearlyOwn) break;
      if (!goes_on_with_the_text_before(start == kNone ? first : start, j)) start = j;
    }
    return start;
  }

  // A picture set inside a story, under its headline or between its paragraphs: its caption
  // and the photographer's credit under the caption (图为… / 新华社记者 洪竞科摄).
  bool in_a_picture(std::size_t j) const {
    return units_[j].role == Role::Caption || (units_[j].role == Role::Credit && j > 0 && units_[j - 1].role == Role::Caption);
  }

  // A headline wrapped at its column's width may leave a word, a phrase, its quotes or a
  // number's measure word open on one line and finish them on the next (美方有关控制和吞并 /
  // 格陵兰岛的言论, 在“艺术自习 / 室”触碰梦想, …中小学校12 / 所…): one part, also where the dump
  // set a blank line at the wrap.
  static bool wrapped_onto_next(const Unit& a, const Unit& b) {
    const std::string_view left = a.spans.back().text, right = b.spans.front().text;
    return cv::wraps_onto(left, right) || cv::ends_on_a_word_that_needs_more(left);
  }

  // A headline's wrapped end of a word or a character (…让居民办事更 / blank / 方便): a part of
  // two characters or fewer heads no story of its own; under a title, over its story, it is
  // that title's last line.
  static bool too_short_to_head_a_story(const Unit& u) {
    return u.spans.size() == 1 && unicode::count(u.spans[0].text) <= kWrappedEndChars;
  }

  // Whether a Text unit outside [from, to) holds a clear share of the headline's words: the
  // opening of the body it sums up. Or, with next_body (a dump without blank lines, which sets
  // a row of headlines line after line over the bodies that follow in turn), the next body,
  // read whole, holds an own headline's share.
  bool words_held_elsewhere(const std::string& headline, std::size_t from, std::size_t to, bool next_body) const {
    thread_local HeadlineWords words;
    words.reset(headline);
    if (words.size() < kLeastWordingForAnother) return false;
    auto holds = [&](std::size_t j) {
      return units_[j].role == Role::Text && words.share_if(units_, j, j + 1, [](std::size_t) { return true; }) >= kClearlyOwn;
    };
    for (std::size_t j = 0; j < from; ++j)
      if (holds(j)) return true;
    for (std::size_t j = to; j < units_.size(); ++j)
      if (holds(j)) return true;
    if (!next_body) return false;
    // The next body: after the next byline or dateline (past the own body's subheads), else
    // the text that comes next.
    std::size_t body = to;
    while (body < units_.size() && !is_opener(units_[body].role)) ++body;
    if (body == units_.size()) body = to;
    while (body < units_.size() && units_[body].role != Role::Text && units_[body].role != Role::Headline) ++body;
    std::size_t end = body;
    while (end < units_.size() && (units_[end].role == Role::Text || units_[end].role == Role::Caption)) ++end;
    return words.share_if(units_, body, end, [&](std::size_t j) { return units_[j].role == Role::Text; }) >= kOwnHeadline;
  }

  // On a headlines-after page, a headline block between two bodies with no byline or
  // credit beside it closes the article before it when its words are that text's, not the
  // next: a subhead introduces what follows it, a closing headline sums up what came before.
  void closing_headlines_by_wording() {
    auto is_boundary = [&](std::size_t k) { return parts_[k] != Part::Text && parts_[k] != Part::Caption; };
    auto is_text = [&](std::size_t k) { return parts_[k] == Part::Text; };
    thread_local HeadlineWords words;
    auto is_subhead = [&](std::size_t k) { return units_[k].role == Role::Headline && parts_[k] == Part::Subhead; };
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (!is_subhead(i)) continue;
      // A block of headline lines is weighed whole: its parts share one fate.
      std::size_t end = i + 1;
      while (end < units_.size() && is_subhead(end)) ++end;
      std::size_t from = i, to = end;
      while (from > 0 && !is_boundary(from - 1)) --from;
      while (to < units_.size() && !is_boundary(to)) ++to;
      std::string headline;
      for (std::size_t k = i; k < end; ++k) headline += units_[k].text();
      words.reset(headline);
      // A section's opening says what it is about: a few hundred characters of it.
      const double b = words.share_if(units_, from, i, is_text, kSectionBudget);
      const double a = words.share_if(units_, end, to, is_text, kSectionBudget);
      if (b >= kClosingShare && b - a >= kClosingMargin)
        for (std::size_t k = i; k < end; ++k) parts_[k] = Part::HeadlinePart;
      i = end - 1;
    }
  }

  bool body_follows(std::size_t i) const {
    for (std::size_t k = i + 1; k < units_.size(); ++k) {
      if (parts_[k] == Part::Caption) continue;
      return parts_[k] == Part::Text || parts_[k] == Part::Subhead || parts_[k] == Part::LeadLabel;
    }
    return false;
  }
  bool text_before(std::size_t i) const {
    for (std::size_t k = i; k > 0;) {
      --k;
      if (parts_[k] == Part::Caption) continue;
      return parts_[k] == Part::Text;
    }
    return false;
  }

  static Part from_role(Role r) {
    switch (r) {
      case Role::Text: return Part::Text;
      case Role::Headline: return Part::Subhead;
      case Role::Byline: return Part::Byline;
      case Role::Dateline: return Part::Dateline;
      case Role::Note: return Part::Note;
      case Role::Credit: return Part::Credit;
      case Role::Caption: return Part::Caption;
      case Role::LeadLabel: return Part::LeadLabel;
      case Role::Furniture: return Part::Furniture;
    }
    return Part::Text;
  }

  // --- Walking the page -------------------------------------------------------------

  void span_lines(Draft& d, const Unit& unit) {
    const std::uint64_t a = unit.first_line(page_), b = unit.last_line(page_);
    d.first = d.first ? std::min(d.first, a) : a;
    d.last = std::max(d.last, b);
  }

  void new_draft() { finish(); }

  // A jump line sends the reader on: （下转第2版） ends the part of the article it stands
  // under, （上接第1版） opens the part that goes on from another page. Either is a note of
  // that article, and names the page.
  void jump_line(const Unit& unit) {
    const cv::Jump jump = cv::read_jump(joined(unit.spans));
    if (jump.from) {
      if (cur_.has_text() || cur_.closed) new_draft();
      cur_.continued_from = jump.page;
    } else {
      cur_.continued_on = jump.page;
      cur_.closed = true;
    }
    cur_.notes.push_back(&unit.spans);
  }

  // A headline, then a picture with its caption (and the photographer's credit), then the
  // byline: the picture is set between the headline and its story, and all of it is one
  // article.
  static bool picture_under_headline(const Draft& d) {
    return !d.has_text() && !d.headline.empty() && !d.captions.empty() && d.notes.empty() && !d.opener;
  }

  // A headline, then its lead box (核心提示 and a summary paragraph or two), and no more: the
  // byline or dateline under the box opens the story the box sums up, not a new one.
  static bool lead_box_under_headline(const Draft& d) {
    return !d.headline.empty() && !d.lead_label.empty() && !d.opener && !d.body.empty() &&
           std::all_of(d.body.begin(), d.body.end(), [](const BodyItem& b) { return b.lead; });
  }

  // A byline set off by a mark (■王明) is an opinion piece's author line, set over its own
  // text: it opens a piece and never goes on from the byline above it.
  bool opens_own_piece(const Unit& unit) const {
    return unit.role == Role::Byline && cur_.opener && cv::is_item_mark(unicode::first(unit.spans.front().text));
  }

  void take(std::size_t i) {
    const Unit& unit = units_[i];
    switch (parts_[i]) {
      case Part::Furniture:
        if (std::string_view(unit.rule) == rules::kJumpLine) {
          jump_line(unit);
          break;
        }
        // Leftovers of furniture are named by the rule that found them (running head,
        // section name, page number).
        for (const Span& sp : unit.spans) leftover(unit.rule, {sp});
        return;
      case Part::Banner:
        leftover("banner", unit.spans);
        return;
      case Part::QueuedHeadline:
        queued_.push_back(i);
        return;
      case Part::Byline:
      case Part::Dateline: {
        // (A lead box may stand between the headline and the byline: 核心提示 / 本报记者 张三.)
        const bool under_its_lead = lead_box_under_headline(cur_);
        if ((cur_.has_text() && !under_its_lead) || (cur_.closed && !picture_under_headline(cur_)) || opens_own_piece(unit)) new_draft();
        if (under_its_lead) lead_open_ = false;
        cur_.closed = false;
        if (cur_.opener) cur_.more_bylines.push_back(&unit);
        else cur_.opener = &unit;
        break;
      }
      case Part::LeadLabel:
        if (cur_.has_text() || cur_.closed) new_draft();
        if (!cur_.lead_label.empty()) cur_.lead_label += ' ';
        cur_.lead_label += clean(unit.spans.front().text, opt_.clean);
        lead_open_ = true;
        break;
      case Part::Text:
      case Part::Subhead: {
        if (cur_.closed || (unit.opens_story && cur_.has_text()) || starts_a_later_story(i) || opens_a_waiting_headlines_story(i))
          new_draft();
        BodyItem item{parts_[i] == Part::Subhead, false, &unit.spans, unit.spans.back().text};
        if (item.subhead) lead_open_ = false;
        item.lead = lead_open_;
        cur_.body.push_back(std::move(item));
        break;
      }
      case Part::HeadlinePart: {
        const bool same_run = last_part_ != kNone && last_part_ + 1 == i;
        if (!after_ && (cur_.has_text() || cur_.closed || headline_with_its_byline_under_another(i))) new_draft();
        // Headlines after: a second headline block for an article that has one already
        // heads a new, body-less article.
        if (after_ && !cur_.headline.empty() && !same_run) new_draft();
        cur_.headline.push_back(i);
        if (after_) cur_.closed = true;
        break;
      }
      case Part::Caption:
        cur_.captions.push_back(&unit.spans);
        break;
      case Part::Credit:
        if (cur_.credits.empty()) cur_.captions_before_credit = cur_.captions.size();
        cur_.credits.push_back(&unit.people);
        cur_.credit_texts.push_back(people_text(unit.people));
        // A credit closes its story, but a photographer's credit set between a headline and
        // the item's text (extractors put it before the caption) closes nothing.
        if (!(unit.people.photo && !after_ && !cur_.headline.empty() && !cur_.has_text() && i + 1 < parts_.size() &&
              parts_[i + 1] == Part::Text))
          cur_.closed = true;
        break;
      case Part::Note:
        cur_.notes.push_back(&unit.spans);
        cur_.closed = true;
        break;
    }
    last_part_ = parts_[i] == Part::HeadlinePart ? i : kNone;
    span_lines(cur_, unit);
    note_doubts(i);
  }

  bool starts_a_later_story(std::size_t i) const {
    return cur_.has_text() && std::find(later_story_.begin(), later_story_.end(), i) != later_story_.end();
  }

  // A headline waits for a later body where a row of headlines stood over several stories; a
  // dump without openers between them runs those stories on as one text. A paragraph, after a
  // sentence's end, whose opening clearly holds the words of a waiting headline that the text
  // before it (back to the last headline, opener or closer) does not hold, opens that
  // headline's story: the draft ends there, and the words settle which headline it gets.
  bool opens_a_waiting_headlines_story(std::size_t i) {
    if (queued_.empty() || parts_[i] != Part::Text || !cur_.has_text() || !cv::ends_unit(cur_.body.back().last)) return false;
    std::size_t from = i;  // the text before it, back to the last unit that is no text
    while (from > 0 && parts_[from - 1] == Part::Text) --from;
    if (from == i) return false;
    // (Each waiting part's words are read once, when the walk first meets the part.)
    // (A headline whose story was found already waits no longer.)
    for (std::size_t k = waiting_.size(); k < queued_.size(); ++k)
      waiting_.push_back(Waiting{HeadlineWords(units_[queued_[k]].text()),
                                 std::find(headed_later_.begin(), headed_later_.end(), queued_[k]) != headed_later_.end()});
    for (Waiting& w : waiting_) {
      if (w.opened || w.words.size() < kLeastWordingForAnother) continue;
      if (w.words.share_if(units_, i, i + 1, [](std::size_t) { return true; }) < kOpensAWaitingStory) continue;
      if (w.words.share_if(units_, from, i, [](std::size_t) { return true; }) >= kOwnHeadline || w.words.share(draft_opening()) >= kOwnHeadline)
        continue;
      if (goes_on_with_the_text_before(from, i)) return false;
      w.opened = true;
      return true;
    }
    return false;
  }

  // The opening of the current draft's text, as much as a headline's words are looked for in.
  std::string draft_opening() const {
    std::string text;
    for (const BodyItem& b : cur_.body)
      for (const Span& sp : *b.spans) {
        if (text.size() >= HeadlineWords::kBudget) return text;
        text.append(sp.text.substr(0, HeadlineWords::kBudget - text.size()));
      }
    return text;
  }

  // Whether a paragraph goes on with the text before it (units [from, to)): of the word pairs
  // of its opening, a share found in that text's last stretch (a story's words recur through
  // it; a conclusion that restates the headline is still the story's).
  bool goes_on_with_the_text_before(std::size_t from, std::size_t to) const {
    constexpr std::size_t kBefore = 300, kAfter = 150;  // Han characters read either side
    const cohesion::GoesOn g = cohesion::goes_on(units_, from, to, to, to + 1, kBefore, kAfter);
    return g.han_before < kStoryBeforeHan || g.share < 0 || g.share >= kGoesOnWithTheStory;
  }

  // A headline and its byline right under another headline's byline (追求实实在在的政绩 / ■莫新凝
  // / 全国宣传部长会议在京召开 / 本报记者 杨蓉): two pieces, each headline over its own byline, the
  // first one's body set elsewhere.
  bool headline_with_its_byline_under_another(std::size_t i) const {
    if (!cur_.opener || cur_.headline.empty() || i == 0 || (parts_[i - 1] != Part::Byline && parts_[i - 1] != Part::Dateline)) return false;
    std::size_t end = i;
    while (end < parts_.size() && parts_[end] == Part::HeadlinePart) ++end;
    return end < parts_.size() && (parts_[end] == Part::Byline || parts_[end] == Part::Dateline);
  }

  // Where a reading of the page was close, the article it went to says so.
  void note_doubts(std::size_t i) {
    if (unit_run_.empty()) {
      unit_run_.assign(units_.size(), kNone);
      for (std::size_t r = 0; r < runs_.size(); ++r)
        for (std::size_t k = runs_[r].begin; k < runs_[r].end; ++k) unit_run_[k] = r;
    }
    if (units_[i].opens_story) cur_.doubts.emplace_back("read as an item of its own (a photo item): its words are not the story's before it");
    const std::size_t r = unit_run_[i];
    if (r == kNone || runs_[r].begin != i || !runs_[r].doubtful) return;
    std::string text;
    for (std::size_t k = runs_[r].begin; k < runs_[r].end; ++k) text += clean(units_[k].text(), opt_.clean);
    cur_.doubts.push_back(fmt::format("\"{}\" may be {}: the text either side of it is close to one article and to two",
                                      text, parts_[i] == Part::Subhead ? "a headline, not a subhead" : "a subhead, not a headline"));
  }

  // Pictures at the page's foot, under the last story: where headlines stand before their
  // bodies, what follows that story's end with no text of its own (bare lines, a caption with
  // its photographer's credit) captions its pictures; a headline there would head nothing.
  void pictures_at_the_foot(Draft& d) {
    if (after_ || d.has_text() || d.captions.empty() || d.opener || !d.notes.empty() || !d.credit_texts.empty() ||
        !d.body.empty() || !d.lead_label.empty() || result_.articles.empty())
      return;
    Article& last = result_.articles.back();
    for (std::size_t h : d.headline) last.captions.push_back(clean(joined(units_[h].spans), opt_.clean));
    for (const Spans* c : d.captions) last.captions.push_back(clean(joined(*c), opt_.clean));
    last.line_end = std::max(last.line_end, d.last);
    bare_.back() = false;  // it holds captions now: no stray bit of text to take apart
    d.clear();
  }

  // --- From draft to article ---------------------------------------------------------

  // Ends the current draft: an article, or leftovers when it has no text. The draft is then
  // empty again, its lists' room kept for the next article.
  void finish() {
    finish(cur_);
    cur_.clear();
    lead_open_ = false;
  }

  void finish(Draft& d) {
    if (d.empty()) return;
    captions_as_item_text(d);
    if (!d.has_text()) {
      // Nothing to read: its headline is free to head a body that holds its words (else it
      // is a leftover, as the rest of its pieces are).
      for (std::size_t h : d.headline) queued_.push_back(h);
      for (const Spans* c : d.captions) leftover("caption", *c);
      for (const Spans* n : d.notes) leftover("note", *n);
      for (const auto& c : d.credit_texts) leftover_text("credit", c, d.first, d.last);
      for (const auto& b : d.body) leftover("subhead", *b.spans);  // all subheads: the draft has no text
      // The byline or dateline under the headline goes with it (a headline and its byline set
      // apart from their body, 监护人应承担… / 新重庆-重庆日报记者 汪蓉安); with no headline, or where
      // the headline heads no body, it is a leftover.
      if (d.opener && !d.headline.empty()) carried_.emplace_back(d.headline.back(), d.opener);
      else if (d.opener) leftover(d.opener->role == Role::Byline ? "byline" : "dateline", d.opener->spans);
      for (const Unit* b : d.more_bylines) leftover(b->role == Role::Byline ? "byline" : "dateline", b->spans);
      if (!d.lead_label.empty()) leftover_text("lead label", d.lead_label, d.first, d.last);
      return;
    }
    split_trailing_credit(d);
    Article a;
    if (d.opener) {
      a.dateline = d.opener->dateline;
      a.byline = people_text(d.opener->people);
      add_authors(a, d.opener->people.names);
    }
    for (const Unit* b : d.more_bylines) {  // a second opener before the body: keep all of it
      if (!b->dateline.empty()) a.dateline += a.dateline.empty() ? b->dateline : " " + b->dateline;
      if (!a.byline.empty()) a.byline += ' ';
      a.byline += people_text(b->people);
      add_authors(a, b->people.names);
    }
    // A story's authors are its reporters: the photographer of a picture set with a bylined
    // story, or with one whose own credit names its reporters (…交通支撑。 / 张云河 under a
    // picture's 陈维摄), is credited, not an author (a photo item's photographer, with no byline
    // and no other credit, is one).
    auto names_reporters = [](const People* c) { return c && !c->photo && !c->names.empty(); };
    const bool reported = !a.authors.empty() || std::any_of(d.credits.begin(), d.credits.end(), names_reporters) ||
                          (d.trailing_credit && names_reporters(&*d.trailing_credit));
    for (const People* c : d.credits)
      if (!(reported && c->photo)) add_authors(a, c->names);
    if (d.trailing_credit && !(reported && d.trailing_credit->photo)) add_authors(a, d.trailing_credit->names);
    a.lead_label = d.lead_label;
    const bool ends_open = body(a, d);
    for (const Spans* c : d.captions) a.captions.push_back(clean(joined(*c), opt_.clean));
    a.credits = d.credit_texts;
    for (const Spans* n : d.notes) a.notes.push_back(clean(joined(*n), opt_.clean));
    a.line_start = d.first;
    a.line_end = d.last;
    a.continued_on = d.continued_on;
    a.continued_from = d.continued_from;
    a.warnings.insert(a.warnings.end(), d.doubts.begin(), d.doubts.end());
    result_.articles.push_back(std::move(a));
    heads_.push_back(d.headline);
    bare_.push_back(!d.opener && d.headline.empty() && d.credits.empty() && !d.trailing_credit && d.notes.empty() && d.captions.empty() &&
                    d.lead_label.empty() && d.more_bylines.empty());
    ends_open_.push_back(ends_open);
    // (Where paragraphs open indented, an unindented first line goes on with text read before;
    // a lead box opens a story.)
    const auto first_text = std::find_if(d.body.begin(), d.body.end(), [](const BodyItem& b) { return !b.subhead; });
    opens_mid_sentence_.push_back(!d.opener && d.headline.empty() && d.lead_label.empty() && first_text != d.body.end() && page_.shape.indents &&
                                  page_.lines[first_text->spans->front().line].indent < rules::kParagraphIndent);
  }

  // A photo item (图片报道 over a picture, a sentence or two, the photographer's credit): a
  // caption set before its credit is no caption of another story but the item's own text, in
  // reading order: under the item's headline, where the picture stood before the text, or, where
  // blank lines part a page's pieces, run on in the text's own piece where it speaks of what the
  // text tells (…滩涂人工养殖的蛏子进入收获季。 / 图为1月3日，农民在滩涂上…: the two share words).
  void captions_as_item_text(Draft& d) const {
    if (d.captions_before_credit == 0 || !d.has_text() || d.credits.empty() || !d.credits.back()->photo || d.opener) return;
    thread_local cohesion::PairSet words;
    words.clear();
    std::size_t han = 0;
    for (const BodyItem& b : d.body)
      han += cohesion::walk_spans(*b.spans, cv::kPhotoItemHan + 1, false, [&](char32_t x, char32_t y) { words.insert(cohesion::pair(x, y)); });
    if (han > cv::kPhotoItemHan) return;
    const std::size_t opens = d.body.front().spans->front().line;
    auto in_the_texts_piece = [&](std::size_t line) {
      return blank_lines_ && line > 0 && std::any_of(d.body.begin(), d.body.end(), [&](const BodyItem& b) { return b.spans->back().line + 1 == line; });
    };
    auto own = [&](const Spans& c) {
      if (c.front().line < opens) return !d.headline.empty();
      if (!in_the_texts_piece(c.front().line)) return false;
      bool shared = false;
      cohesion::walk_spans(c, cv::kPhotoItemHan, false, [&](char32_t x, char32_t y) { shared = shared || words.contains(cohesion::pair(x, y)); });
      return shared;
    };
    // (A caption after the credit is a picture's, often another story's, set after the item's credit.)
    std::vector<const Spans*> kept, moved;
    for (std::size_t c = 0; c < d.captions.size(); ++c) (c < d.captions_before_credit && own(*d.captions[c]) ? moved : kept).push_back(d.captions[c]);
    if (moved.empty()) return;
    std::vector<BodyItem> body;
    auto m = moved.begin();
    for (const BodyItem& b : d.body) {
      for (; m != moved.end() && (*m)->front().line < b.spans->front().line; ++m) body.push_back(BodyItem{false, false, *m, (*m)->back().text});
      body.push_back(b);
    }
    for (; m != moved.end(); ++m) body.push_back(BodyItem{false, false, *m, (*m)->back().text});
    d.body = std::move(body);
    d.captions = std::move(kept);
    d.captions_before_credit = 0;
  }

  // Moves headline groups between bodies, the best gain first, while one gains enough.
  // owner: each group's body (-1: free); group_of: each body's group (-1: none).
  void move_headlines(detail::HeadlineScores& scores, std::vector<std::ptrdiff_t>& owner, std::vector<std::ptrdiff_t>& group_of) {
    auto score = [&](std::ptrdiff_t g, std::ptrdiff_t a) { return g < 0 || a < 0 ? 0.0 : scores(static_cast<std::size_t>(g), static_cast<std::size_t>(a)); };
    // A move is taken only where a headline is not clearly its body's already. A settled
    // group stays settled: it never moves, and neither does the body it owns.
    auto settled = [&](std::ptrdiff_t g) { return owner[static_cast<std::size_t>(g)] >= 0 && score(g, owner[static_cast<std::size_t>(g)]) >= kClearlyOwn; };
    std::vector<std::size_t> unsettled, open_bodies;
    for (std::size_t g = 0; g < owner.size(); ++g)
      if (!settled(static_cast<std::ptrdiff_t>(g))) unsettled.push_back(g);
    for (std::size_t a = 0; a < group_of.size(); ++a)
      if (group_of[a] < 0 || !settled(group_of[a])) open_bodies.push_back(a);
    if (unsettled.size() >= kRowsFrom) scores.read_rows(unsettled, open_bodies);
    // The bodies each group may go to: those not held by a settled group that hold enough of
    // its words (scores do not change as headlines move, so each round looks at these only).
    std::vector<std::vector<std::size_t>> candidates(owner.size());
    for (std::size_t g : unsettled)
      for (std::size_t a : open_bodies)
        if (scores(g, a) >= kOwnHeadline) candidates[g].push_back(a);
    for (std::size_t round = 0; round < owner.size() * 2; ++round) {
      double best_excess = 0;  // how far the best move's gain passes the margin it must pass
      std::ptrdiff_t best_g = -1, best_a = -1;
      for (std::size_t g : unsettled) {
        const auto gi = static_cast<std::ptrdiff_t>(g);
        if (settled(gi)) continue;
        const std::ptrdiff_t from = owner[g];
        for (std::size_t a : candidates[g]) {
          const auto ai = static_cast<std::ptrdiff_t>(a);
          if (ai == from) continue;
          const std::ptrdiff_t other = group_of[a];
          if (other >= 0 && settled(other)) continue;
          const double gain = score(gi, ai) + score(other, from) - score(gi, from) - score(other, ai);
          // A free headline and a body without one: the words need only say it is the body's own.
          const double excess = gain - (from < 0 && other < 0 ? kOwnHeadline : kMoveMargin);
          if (excess > best_excess) best_excess = excess, best_g = gi, best_a = ai;
        }
      }
      if (best_g < 0) break;
      const std::ptrdiff_t from = owner[static_cast<std::size_t>(best_g)], other = group_of[static_cast<std::size_t>(best_a)];
      owner[static_cast<std::size_t>(best_g)] = best_a;
      group_of[static_cast<std::size_t>(best_a)] = best_g;
      if (from >= 0) group_of[static_cast<std::size_t>(from)] = other;
      if (other >= 0) owner[static_cast<std::size_t>(other)] = from;
    }
  }

  // A row of headlines set over a row of bodies, read headline row first, gives the first body
  // its neighbours' headlines too (柬埔寨再次提议… / blank / 海南完成首次… over the 海南 story, then
  // the 柬埔寨 story with none): a part set apart by blank lines, not the one next to the body,
  // whose words its body's opening does not hold but another body's clearly does, is freed;
  // the words then settle which body it heads.
  void free_neighbours_headlines(std::vector<std::vector<std::size_t>>& groups, std::vector<std::ptrdiff_t>& owner) {
    if (!blank_lines_) return;
    // The pieces of each owned group, parted where blank lines stand between its parts.
    std::vector<std::vector<std::size_t>> pieces;
    std::vector<std::size_t> piece_group;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const std::vector<std::size_t>& parts = groups[g];
      if (owner[g] < 0 || parts.size() < 2) continue;
      const std::size_t first = pieces.size();
      for (std::size_t k = 0; k < parts.size(); ++k) {
        const bool apart = k == 0 || parts[k] != parts[k - 1] + 1 || units_[parts[k]].blanks_before > 0;
        if (apart) {
          pieces.emplace_back();
          piece_group.push_back(g);
        }
        pieces.back().push_back(parts[k]);
      }
      if (pieces.size() - first < 2) {
        pieces.resize(first);
        piece_group.resize(first);
      }
    }
    if (pieces.empty()) return;
    detail::HeadlineScores scores(units_, pieces, result_.articles);
    thread_local HeadlineWords words;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const std::size_t g = piece_group[p];
      const auto own = static_cast<std::size_t>(owner[g]);
      // (The part next to the body is its own; a part of a pair or two says too little.)
      if (pieces[p].back() == groups[g].back() || scores(p, own) >= kOwnHeadline) continue;
      std::string text;
      for (std::size_t u : pieces[p]) text += units_[u].text();
      words.reset(text);
      if (words.size() < kLeastWording) continue;
      bool elsewhere = false;
      for (std::size_t a = 0; a < result_.articles.size() && !elsewhere; ++a) elsewhere = a != own && scores(p, a) >= kClearlyOwn;
      if (!elsewhere) continue;
      std::erase_if(groups[g], [&](std::size_t u) { return std::find(pieces[p].begin(), pieces[p].end(), u) != pieces[p].end(); });
      groups.push_back(pieces[p]);
      owner.push_back(-1);
    }
  }

  // Which headline heads which body, for the whole page: each went with the body beside it,
  // and headline parts that wait for a later body are still free. A headline goes to another
  // body where its words are that body's (and it takes the one there in exchange) when the
  // words speak for it clearly; a free one heads a body without a headline that holds its
  // words. Never a headline on no evidence. Then each article gets its headline's parts.
  void settle_headlines() {
    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::ptrdiff_t> owner;  // article of each group, -1 when free
    std::vector<std::ptrdiff_t> group_of(result_.articles.size(), -1);
    for (std::size_t a = 0; a < heads_.size(); ++a)
      if (!heads_[a].empty()) {
        group_of[a] = static_cast<std::ptrdiff_t>(groups.size());
        owner.push_back(static_cast<std::ptrdiff_t>(a));
        groups.push_back(heads_[a]);
      }
    for (std::size_t q : queued_) {
      // (The lines of one waiting headline wait as one.)
      if (q > 0 && !groups.empty() && owner.back() < 0 && groups.back().back() == q - 1 &&
          std::find(waits_with_next_.begin(), waits_with_next_.end(), q - 1) != waits_with_next_.end()) {
        groups.back().push_back(q);
        continue;
      }
      owner.push_back(-1);
      groups.push_back({q});
    }
    queued_.clear();
    wraps_on_.clear();
    free_neighbours_headlines(groups, owner);
    const std::vector<std::ptrdiff_t> beside = group_of;  // the headline each body had beside it
    detail::HeadlineScores scores(units_, groups, result_.articles);
    // Headlines change hands only where one is free or a body has none.
    const bool open = std::find(owner.begin(), owner.end(), -1) != owner.end() ||
                      std::find(group_of.begin(), group_of.end(), -1) != group_of.end();
    if (open) move_headlines(scores, owner, group_of);
    std::vector<bool> by_rubric(result_.articles.size(), false);
    rubrics_over_photo_items(groups, owner, group_of, by_rubric);
    free_parts_inside_their_story(groups, owner, scores);
    unclaimed_line_over_a_short_end(groups, owner);
    unclaimed_last_line_over_its_byline(groups, owner);
    for (std::size_t a = 0; a < result_.articles.size(); ++a) {
      Article& art = result_.articles[a];
      std::vector<std::string> parts;
      if (group_of[a] >= 0) parts = headline_parts(groups[static_cast<std::size_t>(group_of[a])]);
      if (by_rubric[a])
        art.warnings.emplace_back("a photo report's rubric that stood apart was set over this photo item");
      else if (group_of[a] >= 0 && group_of[a] != beside[a])
        art.warnings.emplace_back("the headline stood apart from this text and was matched to it by its words");
      assign_headline(art, std::move(parts));
      if (!has_headline(art)) art.warnings.emplace_back("no headline found");
    }
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (owner[g] < 0)
        for (std::size_t u : groups[g]) leftover("headline without article", units_[u].spans);
    carry_openers(groups, owner);
  }

  // A headline's parts (kicker, title, subtitle) from the lines of its units: a unit's lines
  // are one part (a block of lines is a part wrapped), and where two units meet the line under
  // goes on in the part above as goes_on_in_its_part says, or where the units' reading said so
  // (a line that goes on in the next unit, a wrapped end too short to stand alone).
  std::vector<std::string> headline_parts(const std::vector<std::size_t>& group) const {
    std::vector<std::string> parts;
    std::vector<Span> part;  // the lines of the part being read
    PartLine above;
    std::size_t prev_unit = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
      const std::size_t u = group[i];
      const std::vector<Span>& spans = units_[u].spans;
      for (std::size_t k = 0; k < spans.size(); ++k) {
        const Line& l = page_.lines[spans[k].line];
        const int width = spans[k].text.size() == l.text.size() ? l.width : measure(spans[k].text).width;
        const PartLine line{spans[k].text, width, i + 1 == group.size() && k + 1 == spans.size(), k == 0 && units_[u].blanks_before > 0, -1};
        const bool told = k == 0 && ((prev_unit + 1 == u && std::find(wraps_on_.begin(), wraps_on_.end(), prev_unit) != wraps_on_.end()) ||
                                     too_short_to_head_a_story(units_[u]));
        // (A place label over the title is a part of its own: 浙江杭州 / 精细化，家政服务健全规范标准;
        // so is a subtitle that opens with a dash: …今天的生活 / ——访非遗传承人王师傅.)
        const bool after_a_label = part.size() == 1 && cv::is_place_label(part.front().text);
        const bool dash = spans[k].text.starts_with("—") || spans[k].text.starts_with("-");
        const bool goes_on = !part.empty() && !after_a_label && !dash && (k > 0 || told || goes_on_in_its_part(above, line));
        if (!goes_on && !part.empty()) {
          parts.push_back(clean(joined(part), opt_.clean));
          part.clear();
        }
        part.push_back(spans[k]);
        const int width_above = goes_on ? above.width : -1;
        above = line;
        above.width_above = width_above;
      }
      prev_unit = u;
    }
    if (!part.empty()) parts.push_back(clean(joined(part), opt_.clean));
    return parts;
  }

  // A line of a headline, as headline_parts weighs it.
  struct PartLine {
    std::string_view text;
    int width = -1;          // printed width, half-em units
    bool last = false;       // the headline's last line
    bool blank_over = false; // a blank line stands over it
    int width_above = -1;    // the width of the line over it in its part (-1: it opens its part)
  };

  // A part wraps at its box's width: its lines are as wide as each other, but for the last,
  // which holds the rest, a word or a few (应对寒潮, 11亿株, 实事的担子: eight characters at
  // most). So a line narrower than the line under it is a part of its own (“川渝通办”再添新举措 /
  // 5632个银行网点可跨省缴社保); a word, a quote or a measure word running on across goes on; a
  // line as wide as the one above goes on in its box (西部科学城力 / 争建成全市智能网); and the
  // headline's last line goes on where it is such a rest set right under (no blank line: a blank
  // line parts the parts), or it closes a box of two lines as wide as it. A second part set
  // under the first says a whole clause (让老手艺走进今天的生活 / 非遗工坊办起培训班).
  static bool goes_on_in_its_part(const PartLine& above, const PartLine& line) {
    if (above.width + kSameBox < line.width) return false;
    if (cv::wraps_onto(above.text, line.text)) return true;
    const bool same_box = std::abs(above.width - line.width) <= kSameBox;
    if (!line.last) return same_box;
    const bool box_above = above.width_above >= 0 && std::abs(above.width_above - above.width) <= kSameBox;
    return (same_box && box_above) || (!line.blank_over && line.width <= kWrappedRestWidth);
  }

  // A photo report's rubric (图片报道) names a kind of item, not a story, and holds no words of
  // the item it heads: one that found no body heads a photo item without a headline (a sentence
  // or two and the photographer's credit), the nearest read after it, else before it.
  void rubrics_over_photo_items(const std::vector<std::vector<std::size_t>>& groups, std::vector<std::ptrdiff_t>& owner,
                                std::vector<std::ptrdiff_t>& group_of, std::vector<bool>& by_rubric) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (owner[g] >= 0 || groups[g].size() != 1 || !cv::is_photo_report_rubric(units_[groups[g].front()].text())) continue;
      const std::size_t at = units_[groups[g].front()].first_line(page_);
      std::ptrdiff_t after = -1, before = -1;
      for (std::size_t a = 0; a < result_.articles.size(); ++a) {
        if (group_of[a] >= 0 || !photo_item(result_.articles[a])) continue;
        const std::size_t starts = result_.articles[a].line_start;
        if (starts > at && after < 0) after = static_cast<std::ptrdiff_t>(a);
        if (starts < at) before = static_cast<std::ptrdiff_t>(a);
      }
      const std::ptrdiff_t item = after >= 0 ? after : before;
      if (item < 0) continue;
      owner[g] = item;
      group_of[static_cast<std::size_t>(item)] = static_cast<std::ptrdiff_t>(g);
      by_rubric[static_cast<std::size_t>(item)] = true;
    }
  }

  // A photo item: a sentence or two (a caption's 图为… among them) and the photographer's credit.
  static bool photo_item(const Article& a) {
    std::size_t chars = a.chars;
    for (const std::string& c : a.captions) chars += unicode::count(c);
    return chars <= cv::kPhotoItemHan && !a.paragraphs.empty() &&
           std::any_of(a.credits.begin(), a.credits.end(), [](const std::string& c) { return c.ends_with("摄") || rules::photo_credit_end(c); });
  }

  // A part that waited for a later body and found none, set right under a story's headline
  // inside that story's lines, is that headline's next line where its words recur in the
  // story, or the two characters either side of the cut are a word the story holds (商竣程晋级
  // 澳网男 / blank / 单第二轮 over …公开赛男单首轮…): a headline's words recur in its story. (A
  // row of headlines over photo items sets other stories' headlines there.)
  void free_parts_inside_their_story(std::vector<std::vector<std::size_t>>& groups, const std::vector<std::ptrdiff_t>& owner,
                                     detail::HeadlineScores& scores) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (owner[g] >= 0 || groups[g].empty() || groups[g].front() == 0) continue;
      const std::size_t above = groups[g].front() - 1;
      for (std::size_t h = 0; h < groups.size(); ++h) {
        if (owner[h] < 0 || groups[h].empty() || groups[h].back() != above) continue;
        const Article& story = result_.articles[static_cast<std::size_t>(owner[h])];
        if (units_[groups[g].back()].last_line(page_) >= story.line_end || units_[groups[g].front()].first_line(page_) < story.line_start) break;
        if (scores(g, static_cast<std::size_t>(owner[h])) < kOwnHeadline &&
            !word_across_the_cut_in(story, units_[above].spans.back().text, units_[groups[g].front()].spans.front().text))
          break;
        wraps_on_.push_back(above);
        groups[h].insert(groups[h].end(), groups[g].begin(), groups[g].end());
        groups[g].clear();
        break;
      }
    }
  }

  // A headline wraps with its first line full: a line no body claimed by its words, set right
  // over a story's title of a few characters that is shorter than it (多地多部门积极 / blank /
  // 应对寒潮), is that title's first line, where a dump parted the two.
  void unclaimed_line_over_a_short_end(std::vector<std::vector<std::size_t>>& groups, const std::vector<std::ptrdiff_t>& owner) {
    constexpr std::size_t kShortEnd = 6;  // characters of a wrapped title's end
    if (after_) return;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (owner[g] >= 0 || groups[g].size() != 1) continue;
      const std::size_t line = groups[g].front(), next = line + 1;
      const auto run = std::find_if(runs_.begin(), runs_.end(), [&](const HeadlineRun& r) { return r.edge && r.begin <= line && next < r.end; });
      if (run == runs_.end()) continue;
      for (std::size_t h = 0; h < groups.size(); ++h) {
        if (owner[h] < 0 || groups[h].size() != 1 || groups[h].front() != next) continue;
        const std::size_t end = unicode::count(units_[next].text());
        if (end <= kShortEnd && end < unicode::count(units_[line].text())) {
          wraps_on_.push_back(line);
          groups[h].insert(groups[h].begin(), line);
          groups[g].clear();
        }
        break;
      }
    }
  }

  // A byline or dateline opens a story; so does its first paragraph's indent, where
  // paragraphs open indented.
  bool opens_its_story(const Unit& u) const {
    return is_opener(u.role) || (u.role == Role::Text && rules::opens_indented(page_, u.spans.front().line));
  }

  // A headline's last line that no body claimed by its words, set right under the title and
  // over the byline, dateline or indented opening that starts the story (浙江杭州 / 精细化，家政
  // 服务健全 / 规范标准 / 本报记者 …): nothing but the headline's own parts stands between a
  // headline and its story.
  void unclaimed_last_line_over_its_byline(std::vector<std::vector<std::size_t>>& groups, const std::vector<std::ptrdiff_t>& owner) {
    if (after_) return;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (owner[g] >= 0 || groups[g].size() != 1 || groups[g].front() == 0) continue;
      const std::size_t line = groups[g].front(), above = line - 1;
      if (line + 1 >= units_.size() || !opens_its_story(units_[line + 1]) || units_[line].blanks_before > 1) continue;
      // (A title's wrapped end is a few characters, half its line at most: a headline of its
      // own there is another story's, a row of headlines; and a blank line ends a block of a
      // headline's lines: only a dump that set each line apart parts a headline there.)
      const Unit& title = units_[above];
      const std::string last = units_[line].text();
      if (cv::is_photo_report_rubric(last) || 2 * unicode::count(last) > unicode::count(title.spans.back().text) ||
          (units_[line].blanks_before > 0 && title.spans.size() > 1))
        continue;
      const auto run = std::find_if(runs_.begin(), runs_.end(), [&](const HeadlineRun& r) { return r.edge && r.begin <= above && line < r.end; });
      if (run == runs_.end()) continue;
      for (std::size_t h = 0; h < groups.size(); ++h) {
        if (owner[h] < 0 || groups[h].empty() || groups[h].back() != above) continue;
        groups[h].push_back(line);
        groups[g].clear();
        break;
      }
    }
  }

  // Whether the story's paragraphs hold the two Han characters either side of a cut.
  bool word_across_the_cut_in(const Article& story, std::string_view left, std::string_view right) const {
    const char32_t a = unicode::last(left), b = unicode::first(right);
    if (!unicode::is_han(a) || !unicode::is_han(b)) return false;
    std::string pair;
    unicode::append(pair, a);
    unicode::append(pair, b);
    return std::any_of(story.paragraphs.begin(), story.paragraphs.end(), [&](const std::string& p) { return p.find(pair) != std::string::npos; });
  }

  // A headline that stood apart with its byline or dateline under it brings them to the body
  // its words matched, where that body has none of its own; else they are leftovers.
  void carry_openers(const std::vector<std::vector<std::size_t>>& groups, const std::vector<std::ptrdiff_t>& owner) {
    for (const auto& [head, opener] : carried_) {
      std::ptrdiff_t art = -1;
      for (std::size_t g = 0; g < groups.size() && art < 0; ++g)
        if (std::find(groups[g].begin(), groups[g].end(), head) != groups[g].end()) art = owner[g];
      Article* a = art >= 0 ? &result_.articles[static_cast<std::size_t>(art)] : nullptr;
      if (!a || !a->byline.empty() || !a->dateline.empty()) {
        leftover(opener->role == Role::Byline ? "byline" : "dateline", opener->spans);
        continue;
      }
      a->dateline = opener->dateline;
      a->byline = people_text(opener->people);
      add_authors(*a, opener->people.names);
    }
    carried_.clear();
  }

  // Bylines and credits keep one space between their tokens (names, roles, organisations);
  // each token is cleaned like any text.
  std::string people_text(const People& p) const {
    std::string out;
    for (std::string_view t : cv::tokens(p.text)) {
      if (!out.empty()) out.push_back(' ');
      clean_into(t, out, opt_.clean);
    }
    return out;
  }

  static void add_authors(Article& a, const std::vector<std::string>& names) {
    for (const auto& n : names)
      if (std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end()) a.authors.push_back(n);
  }

  // A credit can sit at the end of the last body line: "…落实。 XX区融媒体中心 王利".
  void split_trailing_credit(Draft& d) {
    for (auto it = d.body.rbegin(); it != d.body.rend(); ++it) {
      if (it->subhead) continue;
      People p;
      const std::size_t at = rules::trailing_credit(it->last, &p);
      if (at != std::string_view::npos) {
        d.credit_texts.push_back(people_text(p));
        d.trailing_credit = std::move(p);
        it->last = unicode::trim(it->last.substr(0, at));
      }
      return;
    }
  }

  // Fills the article's paragraphs; returns whether its last one stops mid-sentence.
  bool body(Article& a, const Draft& d) {
    std::vector<FlowBlock> blocks;
    blocks.reserve(d.body.size());
    for (const BodyItem& item : d.body) {
      const bool same_subhead = item.subhead && !item.lead && !blocks.empty() && blocks.back().subhead && !blocks.back().lead &&
                                goes_on_in_its_subhead(blocks.back(), *item.spans);
      if (!same_subhead) {
        blocks.emplace_back();
        blocks.back().subhead = item.subhead;
        blocks.back().lead = item.lead;
      }
      FlowBlock& fb = blocks.back();
      fb.lines.reserve(fb.lines.size() + item.spans->size());
      for (std::size_t k = 0; k < item.spans->size(); ++k) {
        const Span& sp = (*item.spans)[k];
        const std::string_view text = k + 1 < item.spans->size() ? sp.text : item.last;
        const Line& l = page_.lines[sp.line];
        const int width = text.size() == l.text.size() ? l.width : measure(text).width;
        if (!text.empty()) fb.lines.push_back(FlowLine{text, width, l.number});
      }
    }
    limit_lead(blocks);
    Reflow r = reflow(blocks);
    std::string lead;
    a.paragraphs.reserve(r.paragraphs.size());
    for (Paragraph& p : r.paragraphs) {
      std::string text = clean(p.raw, opt_.clean);
      if (text.empty()) continue;
      if (p.subhead) a.subheads.push_back(text);
      if (p.lead) {
        if (!lead.empty()) lead.push_back('\n');
        lead += text;
      }
      a.chars += unicode::count(text);
      a.paragraphs.push_back(std::move(text));
    }
    a.lead = std::move(lead);
    const bool ends_open = !r.paragraphs.empty() && r.paragraphs.back().ends_mid_sentence && !r.paragraphs.back().subhead;
    if (ends_open) a.warnings.emplace_back(kEndsMidSentence);
    if (r.columns_untangled) a.warnings.emplace_back("two interleaved columns were taken apart");
    return ends_open;
  }

  // A subhead stands between paragraphs and may take two lines: where the dump set them
  // apart, the line under goes on in the subhead over it where it is the rest wrapped from it
  // (a word or a few, or a word running on across: 训练“上科技”，比赛上 / 强度), or where the
  // subhead over it is one line narrower than it, a lead phrase over the rest (从空置到抢手 /
  // 文化馆“沉睡”的设施设备被盘活). Two whole subheads in a row are two (the text between them was
  // read elsewhere).
  bool goes_on_in_its_subhead(const FlowBlock& above, const std::vector<Span>& spans) const {
    if (above.lines.empty() || spans.empty()) return false;
    const FlowLine& last = above.lines.back();
    const Line& first = page_.lines[spans.front().line];
    const int width = spans.size() == 1 ? measure(spans.front().text).width : first.width;
    if (cv::wraps_onto(last.text, spans.front().text)) return true;
    if (spans.size() == 1 && !cv::ends_unit(last.text) && width <= kWrappedRestWidth) return true;
    // (A lead phrase and its rest are phrases, no clause of prose: 世行报告认为，世界经济… under a
    // subhead is a paragraph's opening; a numbered section's head is whole.)
    return above.lines.size() == 1 && last.width + kSameBox < width && !cv::is_numbered_section(last.text) &&
           !has_clause_mark(joined(spans));
  }

  // A lead box is "a summary paragraph or two": up to the first subhead when that comes
  // within two blocks, else its first block.
  static void limit_lead(std::vector<FlowBlock>& blocks) {
    std::size_t first = blocks.size(), n = 0;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (!blocks[k].lead) continue;
      if (first == blocks.size()) first = k;
      ++n;
    }
    if (n <= 2) return;
    for (std::size_t k = first + 1; k < blocks.size(); ++k) blocks[k].lead = false;
  }

  // A bit of text alone (a lone 平方米。 at the top of a page) went astray from the column
  // it belongs to. When exactly one article's body stops mid-sentence, that is where it
  // goes; otherwise it stays a leftover and the articles that stop mid-sentence say so.
  static bool has_headline(const Article& a) { return !a.kicker.empty() || !a.title.empty() || !a.subtitle.empty(); }

  // A story cut off mid-sentence where its column broke goes on where the extractor read the
  // rest of that column, after other items (…为全球经济稳健前行提 / another story / 供一定思路：…):
  // a body with no headline or opener over it, whose first line is no paragraph's indented
  // opening (where paragraphs open indented) and whose first words run on across that cut, is
  // the same story's: one read after the story, or else before it (an extractor may read a
  // column's foot first). Read before headlines set apart are matched to bodies by their
  // words: a word across the cut says more than a free headline's words in the rest.
  void rejoin_cut_stories() {
    std::vector<Article>& arts = result_.articles;
    for (std::size_t b = 0; b < arts.size(); ++b) {
      if (!opens_mid_sentence_[b] || arts[b].paragraphs.empty()) continue;
      // The story read before the rest, the nearest first; else one read after it (an
      // extractor may read a column's foot before the column).
      std::size_t story = arts.size();
      for (std::size_t a = b; a-- > 0 && story == arts.size();)
        if (goes_on_in(a, b)) story = a;
      for (std::size_t a = b + 1; a < arts.size() && story == arts.size(); ++a)
        if (goes_on_in(a, b)) story = a;
      if (story == arts.size()) continue;
      go_on_with(arts[story], arts[b]);
      ends_open_[story] = ends_open_[b];
      heads_.erase(heads_.begin() + static_cast<std::ptrdiff_t>(b));
      arts.erase(arts.begin() + static_cast<std::ptrdiff_t>(b));
      bare_.erase(bare_.begin() + static_cast<std::ptrdiff_t>(b));
      ends_open_.erase(ends_open_.begin() + static_cast<std::ptrdiff_t>(b));
      opens_mid_sentence_.erase(opens_mid_sentence_.begin() + static_cast<std::ptrdiff_t>(b));
      --b;
    }
  }

  // Story a stopped mid-sentence and the text of b, which opens mid-sentence, goes on with its word.
  bool goes_on_in(std::size_t a, std::size_t b) const {
    const std::vector<Article>& arts = result_.articles;
    return ends_open_[a] && !arts[a].paragraphs.empty() && cv::word_continues(arts[a].paragraphs.back(), arts[b].paragraphs.front());
  }

  // The story goes on with the rest of its text, read elsewhere on the page.
  void go_on_with(Article& story, Article& rest) const {
    std::string text = story.paragraphs.back();
    join_wrapped(text, rest.paragraphs.front());
    story.paragraphs.back() = clean(text, opt_.clean);
    story.paragraphs.insert(story.paragraphs.end(), std::make_move_iterator(rest.paragraphs.begin() + 1),
                            std::make_move_iterator(rest.paragraphs.end()));
    story.chars = 0;
    for (const std::string& p : story.paragraphs) story.chars += unicode::count(p);
    if (!has_headline(story)) story.kicker = rest.kicker, story.title = rest.title, story.subtitle = rest.subtitle;
    add_authors(story, rest.authors);
    for (std::vector<std::string> Article::*list : {&Article::subheads, &Article::captions, &Article::credits, &Article::notes})
      (story.*list).insert((story.*list).end(), (rest.*list).begin(), (rest.*list).end());
    story.line_start = std::min(story.line_start, rest.line_start);
    story.line_end = std::max(story.line_end, rest.line_end);
    std::erase(story.warnings, std::string(kEndsMidSentence));
    for (std::string& w : rest.warnings)
      if (std::find(story.warnings.begin(), story.warnings.end(), w) == story.warnings.end()) story.warnings.push_back(std::move(w));
    if (has_headline(story)) std::erase(story.warnings, std::string("no headline found"));
    story.warnings.emplace_back("text from another column was reattached");
  }

  void reattach_fragments() {
    std::vector<Article>& arts = result_.articles;
    std::vector<std::size_t> fragments;
    for (std::size_t k = 0; k < arts.size(); ++k)
      if (bare_[k] && !has_headline(arts[k]) && arts[k].chars <= kFragmentMaxChars && arts[k].paragraphs.size() == 1 &&
          arts.size() > 1)
        fragments.push_back(k);  // (a bit of text that was given a headline by its words is an item)
    if (fragments.empty()) return;
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < arts.size(); ++k) {
      if (std::find(fragments.begin(), fragments.end(), k) != fragments.end()) continue;
      if (ends_open_[k]) open.push_back(k);
    }
    for (std::size_t f : fragments) {
      Article& frag = arts[f];
      if (open.size() == 1 && fragments.size() == 1) {
        Article& host = arts[open.front()];
        std::string text = host.paragraphs.back();
        join_wrapped(text, frag.paragraphs.front());
        host.chars -= unicode::count(host.paragraphs.back());
        host.paragraphs.back() = clean(text, opt_.clean);
        host.chars += unicode::count(host.paragraphs.back());
        host.line_start = std::min(host.line_start, frag.line_start);
        host.line_end = std::max(host.line_end, frag.line_end);
        std::erase(host.warnings, std::string(kEndsMidSentence));
        ends_open_[open.front()] = false;
        host.warnings.emplace_back("text from another column was reattached");
      } else {
        result_.leftovers.push_back(Leftover{"fragment", frag.paragraphs.front(), frag.line_start, frag.line_end, 0, {}});
        for (std::size_t k : open) {
          auto& w = arts[k].warnings;
          const std::string note = "a stray fragment may belong here (see leftovers)";
          if (std::find(w.begin(), w.end(), note) == w.end()) w.push_back(note);
        }
      }
    }
    for (auto it = fragments.rbegin(); it != fragments.rend(); ++it) {
      arts.erase(arts.begin() + static_cast<std::ptrdiff_t>(*it));
      bare_.erase(bare_.begin() + static_cast<std::ptrdiff_t>(*it));
      ends_open_.erase(ends_open_.begin() + static_cast<std::ptrdiff_t>(*it));
      opens_mid_sentence_.erase(opens_mid_sentence_.begin() + static_cast<std::ptrdiff_t>(*it));
    }
  }

  void leftover(const char* kind, const std::vector<Span>& spans) {
    if (spans.empty()) return;
    leftover_text(kind, clean(joined(spans), opt_.clean), page_.lines[spans.front().line].number,
                  page_.lines[spans.back().line].number);
  }
  void leftover_text(const char* kind, std::string text, std::uint64_t a, std::uint64_t b) {
    if (text.empty()) return;
    result_.leftovers.push_back(Leftover{kind, std::move(text), a, b, 0, {}});
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const PageLines& page_;
  const std::vector<Unit>& units_;
  const std::vector<HeadlineRun>& runs_;
  const bool after_;
  const AssembleOptions& opt_;
  const bool blank_lines_;  // the dump keeps blank lines (has_blank_lines)
  std::vector<Part> parts_;
  Draft cur_;
  bool lead_open_ = false;
  std::size_t last_part_ = kNone;
  std::vector<bool> bare_;  // per article: nothing but body text (no headline, byline, caption, credit, note…)
  std::vector<bool> ends_open_;  // per article: its last paragraph stops mid-sentence
  std::vector<bool> opens_mid_sentence_;  // per article: no headline or opener over it, and its text opens mid-sentence
  std::vector<std::size_t> queued_;  // units of headline parts waiting for a later body
  struct Waiting {
    HeadlineWords words;  // a queued headline part's words
    bool opened = false;  // a paragraph was found to open its story
  };
  std::vector<Waiting> waiting_;  // for each of queued_, in order (the walk over the units fills both)
  std::vector<std::size_t> waits_with_next_;  // a waiting headline's line whose next line is the same headline's
  std::vector<std::size_t> later_story_;      // where a story starts whose headline waits (heads_a_later_story_run_on)
  std::vector<std::size_t> headed_later_;     // the lines of the headlines of those stories
  std::vector<std::size_t> wraps_on_;  // headline units whose line goes on in the next unit of their headline
  std::vector<std::pair<std::size_t, const Unit*>> carried_;  // a queued headline's last unit, and the opener under it
  std::vector<std::size_t> unit_run_;  // per unit: its headline run, or kNone
  std::vector<std::vector<std::size_t>> heads_;  // per article: the units of its headline
  PageResult result_;
};

}  // namespace

void assign_headline(Article& a, std::vector<std::string> parts) {
  std::erase_if(parts, [](const std::string& s) { return s.empty(); });
  if (parts.empty()) return;
  if (parts.size() == 1) {
    a.title = std::move(parts[0]);
  } else if (parts.size() == 2) {
    const bool dash = parts[1].starts_with("—") || parts[1].starts_with("-");
    if (!dash && unicode::count(parts[0]) < unicode::count(parts[1])) {
      a.kicker = std::move(parts[0]);
      a.title = std::move(parts[1]);
    } else {
      a.title = std::move(parts[0]);
      a.subtitle = std::move(parts[1]);
    }
  } else {
    a.kicker = std::move(parts.front());
    a.subtitle = std::move(parts.back());
    for (std::size_t k = 1; k + 1 < parts.size(); ++k) a.title += parts[k];
  }
}

PageResult assemble(const PageLines& page, const std::vector<Unit>& units, const Layout& layout,
                    const AssembleOptions& options) {
  return Assembler(page, units, layout, options).run();
}

}  // namespace newsplit
