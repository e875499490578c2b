#include "newsplit/classify.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "newsplit/conventions.hpp"
#include "newsplit/rules.hpp"
#include "newsplit/unicode.hpp"
#include "by_neighbours.hpp"

namespace newsplit {
namespace cv = conventions;

std::string_view role_name(Role r) {
  switch (r) {
    case Role::Text: return "text";
    case Role::Headline: return "headline";
    case Role::Byline: return "byline";
    case Role::Dateline: return "dateline";
    case Role::Note: return "note";
    case Role::Credit: return "credit";
    case Role::Caption: return "caption";
    case Role::LeadLabel: return "lead label";
    case Role::Furniture: return "furniture";
  }
  return "?";
}

namespace {
using rules::credit_sized;
using rules::kHeadlineMaxChars;
using rules::kPeopleMaxChars;
using rules::says_what_it_is;
using unicode::has_any;

// A caption runs over this many lines at most.
constexpr std::size_t kCaptionLines = 6;
// A photographer's credit on a line of its own (记者吴彬元摄) holds this many characters at most.
constexpr int kCreditLineChars = 12;
// A bare caption where a picture stood is a line or two of this length at most.
constexpr int kBareCaptionMaxChars = 48;
// A line within this many half-em units of its column's width fills the column.
constexpr int kSameColumn = 2;
// A paragraph's indent of two characters, in widths (half a character each).
constexpr int kCopiedIndentWidth = 4;
// A headline's line wrapped at its own width stops this far short of the column at least
// (half-em units: two characters); prose cut mid-word fills it.
constexpr int kWrappedShortBy = 4;

struct Classifier {
  const PageLines& page;
  std::vector<Unit> units;
  std::vector<Span> pending_;  // lines of the current block no line rule has claimed yet
  bool caption_follows_ = false;  // the lines pending are flushed because a caption starts
  std::size_t run_on_wraps_to_ = static_cast<std::size_t>(-1);  // the line a run-on headline wrapped onto
  std::vector<People> credits_;  // what the credit rule read from the credit lines at a block's foot
  bool picture_gaps = true;  // two or more blank lines mark where a picture stood
  // The lines being flushed stand over nothing but a photographer's credit lines or a page's
  // foot line at their block's end: their piece ends with them, as at the block's end.
  bool foot_follows_ = false;
  std::size_t after_claimed_ = 0;  // the line after the last one a rule claimed whole (a byline, a credit…)
  std::size_t resume_ = 0;         // the line after the last one a dateline took
  std::optional<Span> carry_;      // the rest of a dateline's last line, when it is in a later block
  // Each line's rules::credit, once read (line_credit): unread, no credit, or where its
  // people are in credit_people_ (a page has a few credit lines among thousands).
  enum CreditReading : std::uint32_t { kUnread, kNoCredit, kFirstCredit };
  mutable std::vector<std::uint32_t> credit_read_;
  mutable std::vector<People> credit_people_;

  explicit Classifier(const PageLines& p) : page(p) {
    units.reserve(page.blocks.size() + page.blocks.size() / 4 + 4);  // about a unit a block
    // On a page whose paragraphs are all set apart by two blank lines, a double gap says
    // nothing about pictures.
    int gaps = 0, doubles = 0;
    for (std::size_t b = 1; b < page.blocks.size(); ++b) {
      ++gaps;
      doubles += page.blocks[b].blanks_before >= 2;
    }
    picture_gaps = gaps == 0 || doubles * 2 <= gaps;
  }

  Unit& push(Role role, const char* rule, std::vector<Span> spans, int before, int after) {
    const bool first = units.empty();
    const Span& end = spans.back();
    if (role != Role::Text && role != Role::Headline && end.text.data() + end.text.size() == page.lines[end.line].text.data() + page.lines[end.line].text.size())
      after_claimed_ = end.line + 1;
    Unit& u = units.emplace_back();
    u.role = role;
    u.rule = rule;
    u.spans = std::move(spans);
    u.blanks_before = before;
    u.blanks_after = after;
    u.first_on_page = first;
    return u;
  }

  Span whole(std::size_t line) const { return Span{line, page.lines[line].text}; }

  static std::string joined_text(const std::vector<Span>& spans) {
    std::string s;
    for (const Span& sp : spans) s.append(sp.text);
    return s;
  }

  std::string joined_lines(std::size_t begin, std::size_t end) const {
    std::string s;
    for (std::size_t k = begin; k < end; ++k) s.append(page.lines[k].text);
    return s;
  }

  // Cheap tests on a line's measured features before a rule reads its text: most lines are
  // prose, and the rules for short lines of names and marks need not look at them.
  static bool people_shaped(const Line& l) { return l.chars <= kPeopleMaxChars && !l.prose_marks; }
  static bool may_be_byline(const Line& l) {
    constexpr int kCloseBylineChars = 12;  // a role and a name or two set close (本报记者薛瑶)
    return l.item_marks == 1 ? cv::is_item_mark(l.first)
                             : l.item_marks == 0 && people_shaped(l) &&
                                   (l.spaces > 0 || (l.chars <= kCloseBylineChars && cv::role_prefix(l.text) > 0) ||
                                    ((l.first == U'文' || l.first == U'图' || l.first == U'圖') &&
                                     !cv::after_text_or_picture_slash(l.text).empty()) ||
                                    (l.chars > 0 && l.chars <= kCloseBylineChars && cv::holds_a_slash(l.text) &&
                                     !cv::before_text_or_picture_slash(cv::tokens(l.text).front()).empty()) ||
                                    (l.last == U'员' && l.text.ends_with("评论员")) || (l.last == U'員' && l.text.ends_with("評論員")));
  }
  // Running heads: several marks, a marked rubric, or a short plain line of furniture.
  static bool running_head(const Line& l) {
    if (l.item_marks == 0) return people_shaped(l) && cv::is_furniture_line(l.text);  // marked names and rubrics carry marks
    return rules::running_head(l.text);
  }
  static bool may_be_dateline(const Line& l) { return rules::may_open_dateline(l.first); }
  static bool may_be_note(const Line& l) { return l.first == U'（' || l.first == U'('; }
  static bool may_be_label(const Line& l) { return rules::may_open_label(l.first); }
  static bool may_be_caption_start(const Line& l) { return rules::may_open_caption(l.first); }
  // A caption's first line may be spread by justified spacing (图 为 矗 立 河 源 ， …): its
  // opening words are read through the spaces.
  static bool opens_a_caption(const Line& l, std::string_view t) {
    constexpr std::size_t kOpening = 8;  // characters: the opening words, spaced, with room to spare
    if (rules::caption_start(t)) return true;
    if (!l.justified) return false;
    std::size_t end = 0;
    for (std::size_t n = 0; n < kOpening && end < t.size(); ++n) unicode::next(t, end);
    return rules::caption_start(cv::unjustified(t.substr(0, end)));
  }
  // A credit line is names, roles and organisations set apart by spaces; without a space it
  // is a photographer (张三摄, 张三摄（人民视觉）), a source (…供图, 图片由…提供) or a few words.
  static bool may_be_credit(const Line& l) {
    constexpr int kFewChars = 8;
    if (!people_shaped(l) || cv::is_item_mark(l.first)) return false;
    return (l.spaces > 0 && !l.justified) || l.chars <= kFewChars || l.last == U'）' || l.last == U')' || l.last == U'图' || l.last == U'供' ||
           l.text.find("摄") != std::string_view::npos;
  }

  // A photographer's credit the dump broke before its photo mark (迈克尔·普罗布斯特 / 摄（新华社发）):
  // a short line with no prose marks over a line that opens with 摄 may be the credit's names.
  bool photo_mark_follows(std::size_t k) const {
    return people_shaped(page.lines[k]) && k + 1 < page.lines.size() && photo_mark_line(page.lines[k + 1]);
  }
  // The photo mark wrapped alone onto a line of its own, with the agency's name maybe.
  static bool photo_mark_line(const Line& l) {
    constexpr int kMarkLineChars = 12;  // 摄（新华社发）, 摄（视觉中国）
    return l.first == U'摄' && l.chars <= kMarkLineChars;
  }

  // The credit that ends a run of lines, its photo mark maybe wrapped alone onto the last line
  // (…（本报资料图片） 记者 张锦辉 / 摄/视觉重庆).
  bool ends_with_a_photo_credit(const std::vector<Span>& spans) const {
    if (rules::photo_credit_end(spans.back().text)) return true;
    if (spans.size() < 2 || !photo_mark_line(page.lines[spans.back().line])) return false;
    std::string both(spans[spans.size() - 2].text);
    both += ' ';
    both += spans.back().text;
    return rules::photo_credit_end(both);
  }

  bool opener_line(std::size_t k) const {
    const Line& l = page.lines[k];
    return (may_be_byline(l) && rules::byline(l.text)) || (may_be_dateline(l) && rules::dateline(page, k)) ||
           (may_be_label(l) && rules::lead_label(l.text) > 0);
  }

  // A run of text lines that no line rule claimed: body text, unless its shape as a whole
  // says caption or headline.
  void flush(std::vector<Span>& pending, const Block& b, std::size_t b_index, bool opener_follows) {
    if (pending.empty()) return;
    campaign_banner_at_the_top(pending, b);
    if (pending.empty()) return;
    // The unit gets its own exact copy; `pending` keeps its room for the next run of lines.
    std::vector<Span> spans(pending.begin(), pending.end());
    pending.clear();
    // A viewer's copy turns line ends into spaces, and a headline may run on after the
    // paragraph before it (…出席会议。 平陆运河4座跨运河桥梁建成通车) where the next line
    // opens its article: that end of the line is the headline.
    std::optional<Span> run_on;
    if (page.shape.line_each && spans.back().line + 1 == b.end) {
      if (opener_follows_block(b_index) || wrapped_end_follows_block(b_index)) {
        run_on = run_on_headline(spans.back());
      } else if (const Line* next = headline_line_follows_block(b_index)) {
        Span line = spans.back();
        // (The run-on end is the headline's first line, in one piece: the copy joins lines with a space.)
        if (std::optional<Span> head = run_on_headline(line);
            head && head->text.find(' ') == std::string_view::npos && rules::headline_text(head->text, next->text)) {
          spans.back() = line;
          run_on = head;
          run_on_wraps_to_ = page.blocks[b_index + 1].begin;
        }
      }
    }
    const std::size_t first = spans.front().line, last = spans.back().line;
    // The run opens its block, or follows a line a rule claimed (a byline, a credit): either
    // way nothing before it is the same piece of text.
    const bool from_block_start = (first == b.begin || first == after_claimed_) &&
                                  spans.front().text.size() == page.lines[first].text.size();
    const bool to_block_end = last + 1 == b.end;
    const int before = from_block_start ? b.blanks_before : 0;
    const int after = to_block_end ? b.blanks_after : 0;
    const bool standalone = from_block_start && (to_block_end || opener_follows);
    const bool whole_lines = from_block_start;
    // (0 where a run-on headline was cut off the run's last line: the line is no longer whole.)
    const std::size_t over_a_picture = headline_over_a_picture(spans);

    if (b_index == 0 && units.empty() && standalone && spans.size() == 1 && cv::is_section_name(spans[0].text)) {
      // A section's name above everything else on the page is page furniture.
      push(Role::Furniture, "section name", std::move(spans), before, after);
    } else if (spans.size() == 1 && whole_lines && cv::is_jump_line(spans[0].text)) {
      push(Role::Furniture, rules::kJumpLine, std::move(spans), before, after);
    } else if (spans.size() == 1 && standalone && page_number(spans[0].text)) {
      push(Role::Furniture, "page number", std::move(spans), before, after);
    } else if ((to_block_end || foot_follows_) && whole_lines && spans.size() <= kCaptionLines && ends_with_a_photo_credit(spans)) {
      // The credit alone (谢贵明摄（人民视觉）, 迈克尔·普罗布斯特摄 / （新华社发）) closes a photo
      // item; with words before it, it ends a caption.
      People p;
      if (spans.size() <= 2 && rules::credit(joined_text(spans), &p))
        push(Role::Credit, "photo credit", std::move(spans), before, after).people = std::move(p);
      else
        push(Role::Caption, "caption ends with a photo credit", std::move(spans), before, after);
    } else if (std::optional<BylineCut> cut = page.shape.line_each && spans.size() == 1 && standalone ? byline_after_headline(spans[0]) : std::nullopt;
               cut) {
      // A viewer's copy joins a headline and the byline set right under it on one line.
      push(Role::Headline, "headline with its byline on one line", std::move(spans), before, 0);
      push(Role::Byline, "byline after its headline on one line", {cut->names}, 0, after).people = std::move(cut->people);
    } else if (standalone && picture_gap_caption(b, b_index, first, last)) {
      push(Role::Caption, "bare line where a picture stood", std::move(spans), before, after);
    } else if (spans.size() == 1 && whole_lines && (wrapped_headline_end(b, b_index) || first == run_on_wraps_to_)) {
      wraps_onto(units.back(), spans.front(), after);
    } else if (spans.size() == 1 && whole_lines && to_block_end && headline_wrapped_short_of_the_column(b, b_index)) {
      Unit& head = units.back();
      head.role = Role::Headline;
      head.rule = "headline wrapped short of the column";
      wraps_onto(head, spans.front(), after);
    } else if ((standalone || over_a_picture == spans.size()) && rules::headline_shaped(page, first, last + 1) && !fills_column_as_prose(first, last) &&
               !opens_paragraph_over_its_next_line(b, b_index, first, last) && !word_ran_into(first) && !follows_a_colon() &&
               !right_under_a_dateline(first) &&
               !word_runs_on(b, b_index, last, opener_follows)) {
      push(Role::Headline, "headline shape", std::move(spans), before, after);
    } else if (standalone && spans.size() == 3 && (opener_follows || (to_block_end && opener_follows_block(b_index))) &&
               wrapped_headline(first, last)) {
      // A headline wrapped over three lines of a narrow column, over its byline or dateline.
      push(Role::Headline, "headline over its byline", std::move(spans), before, after);
    } else if (standalone && (spans.size() == 3 || spans.size() == 4) && narrower_than_its_column(first, last) && wrapped_headline(first, last) &&
               !word_ran_into(first) && !word_runs_on(b, b_index, last, opener_follows)) {
      push(Role::Headline, "headline wrapped short of its column", std::move(spans), before, after);
    } else if (const std::size_t at = standalone && spans.size() == 3 ? two_parts(first, last) : 0;
               at && !word_ran_into(first) && !word_runs_on(b, b_index, last, opener_follows)) {
      // Two headline parts set in one block, one of them wrapped (优良水质比例提升近30个 /
      // 百分点 / 地区生产总值翻一番多).
      std::vector<Span> second(spans.begin() + static_cast<std::ptrdiff_t>(at - first), spans.end());
      spans.resize(at - first);
      push(Role::Headline, "headline shape", std::move(spans), before, 0);
      push(Role::Headline, "headline shape", std::move(second), 0, after);
    } else if (const std::size_t at = standalone && spans.size() >= 4 && spans.size() <= kKickerOverTitleLines ? kicker_over_a_wrapped_title(first, last) : 0;
               at && !word_ran_into(first) && !word_runs_on(b, b_index, last, opener_follows)) {
      // A kicker over a title wrapped in a box narrower than the column (一个目标两大优势三大抓手 /
      // 西部(重庆)科学 / 城力争建成全市 / 智能网联新能源 / 汽车产业创新高).
      std::vector<Span> title(spans.begin() + static_cast<std::ptrdiff_t>(at - first), spans.end());
      spans.resize(at - first);
      push(Role::Headline, "headline shape", std::move(spans), before, 0);
      push(Role::Headline, "headline wrapped short of its column", std::move(title), 0, after);
    } else if (const std::size_t n = (opener_follows || to_block_end) && !run_on ? headline_before_an_opener(spans) : 0;
               n > 0 && (opener_follows || opener_follows_block(b_index) || (to_block_end && wrapped_end_then_opening(b_index)))) {
      const bool after_a_sentence = cv::ends_sentence(spans[spans.size() - n - 1].text);
      push_text_then_headline(std::move(spans), n,
                              after_a_sentence ? "headline between a sentence's end and its byline" : "headline under a column cut mid-sentence",
                              before, after);
    } else if (const std::size_t n = to_block_end && !run_on ? headline_after_a_column(spans, b_index) : 0; n > 0) {
      push_text_then_headline(std::move(spans), n, "headline after a column of other text", before, after);
    } else if (over_a_picture > 0 && over_a_picture < spans.size() &&
               rules::headline_shaped(page, spans[spans.size() - over_a_picture].line, last + 1)) {
      push_text_then_headline(std::move(spans), over_a_picture, "headline over a picture", before, after);
    } else if (to_block_end && !run_on && headline_under_a_paragraphs_end(spans, b_index)) {
      push_text_then_headline(std::move(spans), 1, "headline under a paragraph's end", before, after);
    } else {
      // (A headline run on after a note leaves the note at the line's end.)
      std::optional<Span> note = run_on && !ends_a_note(spans.back().text) ? std::nullopt : run_on_note(spans.back());
      std::vector<Span> wrapped_note;  // a run-on note wrapped onto the block's last lines
      std::size_t note_to = last;      // the line where a note still open at the block's end closes
      if (!run_on && !note) wrapped_note = run_on_note_wrapped(spans);
      if (!run_on && !note && wrapped_note.empty() && to_block_end) note = open_run_on_note(spans.back(), note_to);
      const bool noted = note || !wrapped_note.empty();
      push(Role::Text, "text", std::move(spans), before, run_on || noted ? 0 : after);
      if (!wrapped_note.empty()) {
        push(Role::Note, "author note run on after a paragraph", std::move(wrapped_note), 0, after);
      } else if (note && note_to > last) {
        // (Its bracket still open at the block's end, the note goes on in the lines after.)
        std::vector<Span> parts{*note};
        for (std::size_t k = last + 1; k <= note_to; ++k)
          if (!page.lines[k].blank()) parts.push_back(whole(k));
        push(Role::Note, "author note run on after a paragraph", std::move(parts), 0, 0);
        resume_ = after_claimed_ = note_to + 1;
      } else if (note) {
        push(Role::Note, "author note run on after a paragraph", {*note}, 0, run_on ? 0 : after);
      }
    }
    if (run_on) push(Role::Headline, "headline run on after a paragraph", {*run_on}, 0, after);
  }

  // A campaign's banner over the page (深入学习贯彻党的二十届四中全会精神), under the page head
  // and over the first story, is furniture, also where no blank line parts it from the first
  // story's headline: it heads no story.
  void campaign_banner_at_the_top(std::vector<Span>& pending, const Block& b) {
    const Span& first = pending.front();
    if (first.text.size() != page.lines[first.line].text.size() || !cv::is_campaign_banner(first.text)) return;
    for (const Unit& u : units)  // (the page head's short lines may still read as headlines here)
      if (u.role != Role::Furniture && u.role != Role::Headline) return;
    const bool alone = pending.size() == 1 && first.line + 1 == b.end;
    push(Role::Furniture, "campaign banner", {first}, first.line == b.begin ? b.blanks_before : 0, alone ? b.blanks_after : 0);
    after_claimed_ = first.line + 1;
    pending.erase(pending.begin());
  }

  // Where `what` last stands in t (npos: nowhere). Forward searches: a multi-byte rfind reads
  // the whole of a long line byte by byte, and most lines hold no bracket at all.
  static std::size_t last_of(std::string_view t, std::string_view what) {
    std::size_t found = std::string_view::npos;
    for (std::size_t at = t.find(what); at != std::string_view::npos; at = t.find(what, at + what.size())) found = at;
    return found;
  }

  // An author note closes an opinion piece; where line ends were turned into spaces (a
  // viewer's copy) it runs on after the last sentence on the same line (…更多反对。
  // （作者为…副主任）): cut off, the line keeps what comes before it.
  static std::optional<Span> run_on_note(Span& line) {
    const char32_t end = unicode::last(line.text);
    if (end != U'）' && end != U')') return std::nullopt;
    return cut_note_after_a_sentence(line);
  }

  // The start of an author note after a sentence's end on a line, cut off it (the line keeps
  // the sentence): from the line's last opening bracket, if a note opens there.
  static std::optional<Span> cut_note_after_a_sentence(Span& line) {
    const std::string_view t = line.text;
    const std::size_t open = std::min(last_of(t, "（"), last_of(t, "("));
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view head = unicode::trim(t.substr(0, open)), tail = t.substr(open);
    if (head.empty() || !cv::ends_sentence(head) || !rules::note_start(tail)) return std::nullopt;
    line.text = head;
    return Span{line.line, tail};
  }

  // A note's start that its line does not close (its bracket closes on a later line).
  static bool left_open(std::string_view note) {
    return note.find("）") == std::string_view::npos && note.find(')') == std::string_view::npos;
  }

  // The same where the note wrapped onto the last line or two of the text (…讨论足够热烈”。
  // （作者系西南政法大学行政法学 / 院副教授）): those lines go with the note. Empty where none.
  static std::vector<Span> run_on_note_wrapped(std::vector<Span>& spans) {
    constexpr std::size_t kNoteLines = 2;  // lines the note wraps onto
    const char32_t end = unicode::last(spans.back().text);
    if (spans.size() < 2 || (end != U'）' && end != U')')) return {};
    for (std::size_t back = 1; back <= kNoteLines && back < spans.size(); ++back) {
      const std::size_t k = spans.size() - 1 - back;
      // (No bracket opens or closes in the lines after the note's start but its own close, at
      // the very end.)
      bool plain = true;
      for (std::size_t j = k + 1; j < spans.size() && plain; ++j) {
        const std::string_view t = spans[j].text;
        const std::string_view body = j + 1 == spans.size() ? t.substr(0, t.size() - (t.back() == ')' ? 1 : 3)) : t;
        plain = body.find_first_of("()") == std::string_view::npos && body.find("（") == std::string_view::npos &&
                body.find("）") == std::string_view::npos;
      }
      if (!plain) return {};
      Span line = spans[k];
      const std::optional<Span> start = cut_note_after_a_sentence(line);
      if (!start) {
        if (last_of(spans[k].text, "（") == std::string_view::npos && last_of(spans[k].text, "(") == std::string_view::npos) continue;
        return {};
      }
      if (!left_open(start->text)) return {};
      std::vector<Span> note{*start};
      note.insert(note.end(), spans.begin() + static_cast<std::ptrdiff_t>(k + 1), spans.end());
      spans[k] = line;
      spans.resize(k + 1);
      return note;
    }
    return {};
  }

  // The same where the note's bracket is still open at the line's end and closes a line or
  // two later (…讨论足够热烈”。 （作者系西南政法大学行政法学 / 院副教授）): `to` is the line
  // that closes it.
  std::optional<Span> open_run_on_note(Span& line, std::size_t& to) const {
    if (line.text.size() != page.lines[line.line].text.size()) return std::nullopt;
    Span cut = line;
    const std::optional<Span> start = cut_note_after_a_sentence(cut);
    if (!start || !left_open(start->text)) return std::nullopt;
    const std::size_t end = note_end(line.line);
    if (end == line.line) return std::nullopt;
    line = cut;
    to = end;
    return start;
  }

  struct BylineCut {
    Span names;
    People people;
  };
  // Cuts a byline off the end of a headline's line (抓好配速，让追赶更高效 ■尹建山, 球商培养宜早不宜迟
  // 杜策广): the line keeps the headline.
  static std::optional<BylineCut> byline_after_headline(Span& line) {
    const std::string_view t = line.text;
    // A viewer's copy has a paragraph a line: most lines are far longer than a headline and a
    // byline together (characters are three bytes at most).
    if (t.size() > 3 * (kHeadlineMaxChars + kPeopleMaxChars)) return std::nullopt;
    // The byline is all that follows the first space it can start at (■新重庆-重庆日报记者 夏元
    // holds a space too); a headline may hold spaces of its own (一个目标 两大优势).
    for (std::size_t at = t.find(' '); at != std::string_view::npos; at = t.find(' ', at + 1)) {
      const std::string_view head = unicode::trim(t.substr(0, at)), tail = unicode::trim(t.substr(at));
      // (A byline's names hold no prose mark: most tails are told by their length and marks.)
      if (tail.empty() || unicode::count(tail) > kPeopleMaxChars || has_any(tail, cv::is_prose_mark)) continue;
      People p;
      if (!rules::byline(tail, &p) && !bare_name(tail, p)) continue;
      if (unicode::count(head) > kHeadlineMaxChars || !headline_before_an_opener_on_its_line(head)) continue;
      line.text = head;
      return BylineCut{Span{line.line, tail}, std::move(p)};
    }
    return std::nullopt;
  }

  // What stands before a byline or dateline run on after it on one line of a viewer's copy:
  // a headline, which ends no sentence.
  static bool headline_before_an_opener_on_its_line(std::string_view head) {
    return !head.empty() && !cv::ends_unit(head) && rules::headline_text(head);
  }

  // One bare name, a surname and a given name (杜策广): nothing else says it is a person.
  static bool bare_name(std::string_view t, People& p) {
    const std::size_t n = unicode::count(t);
    if (n < 2 || n > 3 || !cv::is_name(t, true)) return false;
    return rules::people(t, true, &p) && p.names.size() == 1 && !p.has_role && !p.has_source && !p.photo;
  }

  // Where a credit ends and a headline begins on one line, or npos.
  static std::size_t credit_then_headline(std::string_view t, People& p) {
    if (rules::credit(t)) return std::string_view::npos;  // names all along: one credit
    std::size_t found = std::string_view::npos;  // the last place that fits: the whole credit
    for (std::size_t i = 0; i < t.size();) {
      const std::size_t at = i;
      if (!unicode::is_space(unicode::next(t, i))) continue;
      const std::string_view head = unicode::trim(t.substr(0, at)), tail = unicode::trim(t.substr(at));
      if (!credit_sized(head)) break;  // nor is it at any later space: the head only grows
      if (head.empty() || tail.empty() || !rules::headline_text(tail)) continue;
      People q;
      if (rules::credit(head, &q) && says_what_it_is(q)) {
        found = at;
        p = std::move(q);
      }
    }
    return found;
  }

  // A page's number on a line of its own: a few digits, or a letter and digits (A3).
  static bool page_number(std::string_view t) {
    std::size_t i = !t.empty() && t[0] >= 'A' && t[0] <= 'Z' ? 1 : 0;
    const std::size_t digits = t.size() - i;
    return digits >= 1 && digits <= 3 && std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // A headline's last words wrapped into a block of their own (…箱梁架 / blank / 设成功, …推动 /
  // blank / “十五五”良好开局: one line well short of the column that ends nothing and reads as a
  // headline's), and the next story opening right after them (a byline or dateline, or an
  // indented first line where paragraphs open indented).
  bool wrapped_end_then_opening(std::size_t b_index) const {
    if (b_index + 2 >= page.blocks.size()) return false;
    const Block& end = page.blocks[b_index + 1];
    const Line& l = page.lines[end.begin];
    if (end.size() != 1 || !short_of_its_column(l) || cv::ends_unit(l.text) || !rules::headline_text(l.text)) return false;
    const std::size_t opening = page.blocks[b_index + 2].begin;
    return opener_line(opening) || opens_indented(page.lines[opening]);
  }

  bool opener_follows_block(std::size_t b_index) const {
    return b_index + 1 < page.blocks.size() && opener_line(page.blocks[b_index + 1].begin);
  }

  // A headline may stand over a picture set at the top of its story: the line or two after a
  // sentence's end that end none, right over a caption, where the text after the picture and
  // its credit opens a paragraph, indented: their sentence does not go on there, so they are a
  // piece of their own (…家长也安心。” / 平陆运河4座跨运河桥梁建成通车 / 图为… / …摄 / 　　位于
  // 广西的…). How many of the run's last lines the headline takes: 0 where this is none.
  std::size_t headline_over_a_picture(const std::vector<Span>& spans) const {
    constexpr std::size_t kHeadLines = 2, kPictureLines = 6;
    if (!caption_follows_ || !page.shape.indents) return 0;
    const std::size_t last = spans.back().line;
    if (spans.back().text.size() != page.lines[last].text.size() || cv::ends_unit(page.lines[last].text)) return 0;
    bool picture_before_a_paragraph = false;
    for (std::size_t k = last + 1; k < page.lines.size() && k <= last + kPictureLines; ++k) {
      if (page.lines[k].blank() || !rules::photo_credit_end(page.lines[k].text)) continue;
      std::size_t next = k + 1;
      while (next < page.lines.size() && page.lines[next].blank()) ++next;
      picture_before_a_paragraph = next < page.lines.size() && opens_indented(page.lines[next]);
      break;
    }
    if (!picture_before_a_paragraph) return 0;
    for (std::size_t n = 1; n <= kHeadLines && n <= spans.size(); ++n) {
      const Span& top = spans[spans.size() - n];
      if (top.text.size() != page.lines[top.line].text.size() || opens_indented(page.lines[top.line])) return 0;
      if (n > 1 && cv::ends_unit(top.text)) return 0;
      // (The text before them: the run's line above, else the page's.)
      std::size_t above = top.line;
      while (above > 0 && page.lines[above - 1].blank()) --above;
      if (above == 0 || cv::ends_unit(page.lines[above - 1].text)) return n;
    }
    return 0;
  }

  // The next block is a headline's wrapped end: a line of a word or a character or two (磁活动,
  // 长队, 力), no sentence's end and no name. (A viewer's copy of a narrow column runs a headline
  // on after the paragraph set over it, and keeps the line its last characters wrapped onto.)
  bool wrapped_end_follows_block(std::size_t b_index) const {
    if (b_index + 1 >= page.blocks.size()) return false;
    const Block& next = page.blocks[b_index + 1];
    return next.size() == 1 && !cv::ends_unit(page.lines[next.begin].text) && short_as_a_wrapped_end(next);
  }

  // A viewer's copy of a narrow column may run a headline on after the paragraph over it and
  // set its wrapped rest, more than a word, on a line of its own (…奋力实现良好开局。 习近平同
  // 韩国总统李 / 在明举行会谈): the next block, where it is one short line with no mark and no
  // name, that the run-on end and it read as one headline.
  const Line* headline_line_follows_block(std::size_t b_index) const {
    constexpr int kWrappedLineMost = 8;  // characters
    if (b_index + 1 >= page.blocks.size()) return nullptr;
    const Block& next = page.blocks[b_index + 1];
    const Line& l = page.lines[next.begin];
    if (next.size() != 1 || l.chars > kWrappedLineMost || l.prose_marks || l.spaces > 0 || cv::ends_unit(l.text) || opener_line(next.begin) ||
        cv::is_name(l.text, true) || !rules::headline_text(l.text))
      return nullptr;
    return &l;
  }

  // An author's note closes its story as a sentence's end does: （作者单位：…学院）.
  static bool ends_a_note(std::string_view text) {
    if (!text.ends_with("）")) return false;
    const std::size_t open = text.rfind("（");
    return open != std::string_view::npos && rules::note_start(text.substr(open));
  }

  // Cuts a headline off the end of a line (after a sentence's end and a space); the line
  // keeps what comes before it.
  static std::optional<Span> run_on_headline(Span& line) {
    const std::string_view t = line.text;
    for (std::size_t i = t.size(); i > 0;) {
      const std::size_t at = i;
      const char32_t c = unicode::prev(t, i);
      if (!unicode::is_space(c)) continue;
      const std::string_view head = unicode::trim(t.substr(0, i)), tail = unicode::trim(t.substr(at));
      if (head.empty() || tail.empty() || !(cv::ends_sentence(head) || ends_a_note(head)) || !rules::headline_text(tail)) continue;
      const char32_t open = unicode::first(tail);
      if (open == U'（' || open == U'(' || rules::photo_credit_end(tail) || rules::credit(tail)) return std::nullopt;
      line.text = head;
      return Span{line.line, tail};
    }
    return std::nullopt;
  }

  // One headline part wrapped over three lines: the shape of one, whole. Wrapping fills
  // every line but the last, so the lines before the last are of one width and the last
  // no wider.
  bool wrapped_headline(std::size_t first, std::size_t last) const {
    for (std::size_t k = first + 1; k < last; ++k)
      if (std::abs(page.lines[k].width - page.lines[first].width) > 2) return false;
    if (page.lines[last].width > page.lines[first].width) return false;
    std::string joined;
    for (std::size_t k = first; k <= last; ++k) joined.append(page.lines[k].text);
    return rules::headline_text(joined);
  }

  // A kicker's line over a title wrapped three to five times in a box narrower than the
  // column: the line the title starts at, 0 where the lines are not so. (Wrapping fills every
  // line but the last, and the last is no wider than the widest before it: digits and
  // brackets print narrower.)
  static constexpr std::size_t kKickerOverTitleLines = 6;
  std::size_t kicker_over_a_wrapped_title(std::size_t first, std::size_t last) const {
    const std::size_t title = first + 1;
    if (!rules::headline_shaped(page, first, title) || !narrower_than_its_column(title, last) ||
        cv::word_continues(page.lines[first].text, page.lines[title].text))
      return 0;
    int widest = 0;
    for (std::size_t k = title; k < last; ++k) widest = std::max(widest, page.lines[k].width);
    for (std::size_t k = title + 1; k < last; ++k)
      if (std::abs(page.lines[k].width - widest) > 2) return 0;
    if (page.lines[last].width > widest) return 0;
    std::string joined;
    for (std::size_t k = title; k <= last; ++k) joined.append(page.lines[k].text);
    return rules::headline_text(joined) ? title : 0;
  }

  // Where three lines make two headline parts (one wrapped over two lines), the line the
  // second part starts at; 0 when they do not.
  std::size_t two_parts(std::size_t first, std::size_t last) const {
    // A question or an exclamation inside a line is a sentence's end: prose.
    for (std::size_t k = first; k <= last; ++k) {
      const std::string_view t = page.lines[k].text;
      for (std::size_t i = 0; i < t.size();) {
        const char32_t c = unicode::next(t, i);
        if ((c == U'？' || c == U'！' || c == U'?' || c == U'!') && i < t.size()) return 0;
      }
    }
    for (std::size_t at : {first + 2, first + 1})
      if (rules::headline_shaped(page, first, at) && rules::headline_shaped(page, at, last + 1) &&
          !cv::word_continues(page.lines[at - 1].text, page.lines[at].text) && !cv::ends_unit(page.lines[at - 1].text))
        return at;
    return 0;
  }

  // Prose fills its column and runs on through commas; a headline part is set to its own
  // width. A two-line block whose first line has the page's column width and which holds
  // a comma is wrapped prose, however short. (One line at that width may still be a
  // headline with a comma, 稳增长，促改革, unless the text before it stopped mid-sentence.)
  bool fills_column_as_prose(std::size_t first, std::size_t last) const {
    // (Where blank lines do not end paragraphs, a block of two lines ends at the short second
    // line: a paragraph's last, ending a sentence, or a headline's.)
    bool comma = false;
    for (std::size_t k = first; k <= last; ++k)
      comma = comma || page.lines[k].text.find("，") != std::string_view::npos || page.lines[k].text.find(',') != std::string_view::npos;
    if (page.shape.line_each && first == last && joined_over_three_lines(first)) return true;
    if (!comma) return false;
    if (page.shape.line_each) return first == last && as_wide_as_the_next_lines_column(first);
    if (last != first) return page.shape.blank_paragraphs && fills_column(page.lines[first]);
    // A column's full line after text that stopped mid-sentence goes on with that sentence:
    // a dump that cuts blocks every line or two (PyMuPDF's blocks) parts a paragraph anywhere.
    return fills_column(page.lines[first]) && !units.empty() && units.back().role == Role::Text &&
           !cv::ends_unit(units.back().spans.back().text);
  }

  // A viewer's copy turned a paragraph's line ends into spaces, so the paragraph on the next
  // line shows the column's width in its first stretch: a line as wide as that, ending no
  // sentence, is a column's line (the paragraph's first, cut off by the copy's blocks).
  bool as_wide_as_the_next_lines_column(std::size_t k) const {
    const Line& l = page.lines[k];
    // (That first line stood alone in its block: one line, no space where a line ended.)
    if (k + 1 >= page.lines.size() || cv::ends_unit(l.text) || l.spaces > 0) return false;
    const Line& next = page.lines[k + 1];
    if (next.blank() || next.spaces == 0 || next.justified) return false;
    const std::size_t space = next.text.find(' ');
    if (space == std::string_view::npos) return false;
    // (Digits and Latin letters print wider than half a character: up to half a character
    // more for each two, on either line.)
    const Line stretch = measure(next.text.substr(0, space));
    const int narrow = (2 * l.chars - l.width) + (2 * stretch.chars - stretch.width);
    // (A copy leaves out the indent a paragraph opens with: its first line is that much short.)
    return std::abs(stretch.width - l.width) <= kSameColumn + narrow / 2 ||
           std::abs(stretch.width - kCopiedIndentWidth - l.width) <= kSameColumn + narrow / 2;
  }

  // A viewer's copy turned a block's line ends into spaces: a line of three stretches or more
  // as wide as the column's text lines (the next line's, unless a byline or dateline: a headline
  // stands over those), with a comma and ending no sentence,
  // is a paragraph the copy's blocks cut off, not a headline (a headline set in a larger face
  // wraps at fewer characters: “上场后， 我更专注于 做好自己”).
  bool joined_over_three_lines(std::size_t k) const {
    const Line& l = page.lines[k];
    if (l.justified || l.spaces < 2 || cv::ends_unit(l.text) ||
        (l.text.find("，") == std::string_view::npos && l.text.find(',') == std::string_view::npos))
      return false;
    std::size_t next = k + 1;
    while (next < page.lines.size() && page.lines[next].blank()) ++next;
    if (next == page.lines.size() || page.lines[next].spaces == 0 || page.lines[next].justified || opener_line(next)) return false;
    return std::abs(widest_stretch(l.text) - widest_stretch(page.lines[next].text)) <= 2 * kSameColumn;
  }

  // The width of the widest stretch between the spaces of a line.
  static int widest_stretch(std::string_view t) {
    int widest = 0;
    for (std::string_view s : cv::tokens(t)) widest = std::max(widest, measure(s).width);
    return widest;
  }

  // The unit before goes on over a line of the next block: its wrapped end.
  static void wraps_onto(Unit& unit, const Span& line, int blanks_after) {
    unit.spans.push_back(line);
    unit.blanks_after = blanks_after;
  }

  // A block as short as a headline's wrapped last word: one to three Han characters (with
  // their quotes, if any), and no bare names (a byline).
  bool short_as_a_wrapped_end(const Block& b) const {
    constexpr int kWrappedWordMost = 3;
    const int han = han_in_block(b);
    if (han == 0 || han > kWrappedWordMost) return false;
    return han == 1 || !cv::is_name(page.lines[b.begin].text, true);
  }

  // A block of one to three Han characters (with their quotes, if any) right under a
  // headline is the headline's last word, wrapped and parted from it by the dump (一场学术争鸣
  // 缘何 / 成为一堂全民历史 / blank / 课, 古戏台上不只有 / “戏”, 越野赛 / 举行): no paragraph or
  // caption is so short, and a headline's part rarely. Bare names there are its byline.
  bool wrapped_headline_end(const Block& b, std::size_t b_index) const {
    if (b_index == 0 || units.empty() || !short_as_a_wrapped_end(b)) return false;
    const Unit& u = units.back();
    return u.role == Role::Headline && u.spans.back().line + 1 == page.blocks[b_index - 1].end;
  }

  // A line of text cut mid-word fills its column (only a paragraph's last line stops short,
  // and it ends a sentence): a line well short of its column whose word runs on into the
  // next block, after a piece's end, is a headline wrapped at its own width in a larger face
  // and parted by the dump (商竣程晋级澳网男 / blank / 单第二轮), when the two read as one part;
  // so too two lines of a viewer's copy made from such a dump (触 / 碰梦想). A headline of two
  // phrases may wrap at its comma (摘掉不必要的牌子， / 扛起办实事的担子): prose ending a line
  // with a comma runs on to the column's end on the next.
  bool headline_wrapped_short_of_the_column(const Block& b, std::size_t b_index) const {
    if (b.size() != 1 || b_index == 0 || units.empty()) return false;
    const Block& before = page.blocks[b_index - 1];
    const Unit& u = units.back();
    if (u.role != Role::Text || u.spans.size() != before.size() || u.spans[0].line != before.begin ||
        u.spans.back().text.size() != page.lines[before.end - 1].text.size())
      return false;
    if (before.size() > 1 && !wrapped_short_of_the_column(before, page.lines[b.begin].text)) return false;
    const Line &a = page.lines[before.end - 1], &l = page.lines[b.begin];
    if (cv::ends_unit(a.text)) return false;
    if (opens_indented(l)) return false;
    // (In a viewer's copy a line is a paragraph, never cut mid-word, whatever its width.)
    if (!page.shape.line_each && !short_of_its_column(a)) return false;
    if (units.size() >= 2) {
      const Unit& prev = units[units.size() - 2];
      if (prev.role == Role::Text && !cv::ends_unit(prev.spans.back().text)) return false;
    }
    if (a.last == U'，' || a.last == U',') {
      // (After a piece's end, not under another headline: a paragraph's first words stand
      // so where the dump cut them off, 近日， / “川渝通办”再添新举措，….)
      constexpr int kPhraseLeast = 3;
      if (units.size() >= 2 && units[units.size() - 2].role == Role::Headline) return false;
      const std::string_view phrase = a.text.substr(0, a.text.size() - (a.last == U',' ? 1 : std::string_view("，").size()));
      return a.chars > kPhraseLeast && !page.shape.line_each && short_of_its_column(l) && rules::headline_text(phrase, l.text) &&
             !word_runs_on(b, b_index, b.begin, false);
    }
    // (Only a line holding a closing mark may close a quote the lines above opened.)
    auto may_close = [](std::string_view t) {
      return t.find_first_of("\")") != std::string_view::npos || t.find("”") != std::string_view::npos || t.find("’") != std::string_view::npos ||
             t.find("）") != std::string_view::npos || t.find("》") != std::string_view::npos || t.find("」") != std::string_view::npos;
    };
    const bool runs_on = cv::wraps_onto(a.text, l.text);
    if (!runs_on && !(before.size() > 1 && may_close(l.text))) return false;
    const std::string lines = joined_lines(before.begin, before.end);
    return (runs_on || cv::closed_on_next(lines, l.text)) && rules::headline_text(lines, l.text);
  }

  // The same headline wrapped two to four times (江苏国信大丰85万千 / 瓦海上风电项目全容 / blank /
  // 量并网; 美方有关控 / 制和吞并格 / 陵兰岛的言 / 论“完全不可 / blank / 接受”): every line of the
  // block stops well short of the column and ends nothing, and with the end parted from them
  // they read as one headline (its quotes closed), where the lines of a paragraph fill it.
  bool wrapped_short_of_the_column(const Block& before, std::string_view end) const {
    constexpr std::size_t kMostLines = 4;
    if (page.shape.line_each || before.size() > kMostLines || opens_indented(page.lines[before.begin])) return false;
    for (std::size_t k = before.begin; k < before.end; ++k) {
      const Line& l = page.lines[k];
      if (!short_of_its_column(l) || cv::ends_unit(l.text) || l.justified) return false;
    }
    return rules::headline_text(joined_lines(before.begin, before.end), end);
  }

  // Where the dump dropped the indents, a line short of its column by the indent, over a
  // line that fills the column, is a paragraph's first line over its second (a blocks dump
  // parts them): a headline is followed by a paragraph's opening, not its middle.
  bool opens_paragraph_over_its_next_line(const Block& b, std::size_t b_index, std::size_t first, std::size_t last) const {
    const int gap = page.shape.dropped_indent;
    const Line& l = page.lines[first];
    if (first != last || last + 1 != b.end || gap < rules::kParagraphIndent || b_index + 1 >= page.blocks.size()) return false;
    // (Digits and Latin letters print wider than half a character: a line holding them stops
    // shorter by up to half a character for each two.)
    const int short_by = l.column - l.extent(), narrow = 2 * l.chars - l.width;
    if (l.column == 0 || short_by < gap - 1 || short_by > gap + 1 + narrow / 2) return false;
    const std::size_t next = page.blocks[b_index + 1].begin;
    return fills_column(page.lines[next]) && !cv::ends_unit(page.lines[next].text) && !opener_line(next);
  }

  // A headline set in a larger face wraps at fewer characters than the column's text: a block
  // whose every line stops well short of the column it stands in (prose fills it to the last
  // line) has a headline's shape, over three lines too (深化新时代“枫 / 桥经验”市域实 / 践的四个转变).
  // (Its lines are words: a number alone on a line is a dump's fragment, 19 / 日 / 电.)
  bool narrower_than_its_column(std::size_t first, std::size_t last) const {
    for (std::size_t k = first; k <= last; ++k) {
      const Line& l = page.lines[k];
      if (!short_of_its_column(l) || !has_any(l.text, unicode::is_han)) return false;
    }
    return true;
  }

  // A line that stops well short of its column (by more than a character).
  static bool short_of_its_column(const Line& l) { return l.column > 0 && l.extent() <= l.column - kWrappedShortBy; }

  // A line reaching across its column, within a character's width.
  static bool fills_column(const Line& l) { return l.column > 0 && std::abs(l.column - l.extent()) <= kSameColumn; }

  // A run whose last `n` lines are a headline: the text, then the headline.
  void push_text_then_headline(std::vector<Span> spans, std::size_t n, const char* rule, int before, int after) {
    std::vector<Span> head(spans.end() - static_cast<std::ptrdiff_t>(n), spans.end());
    spans.resize(spans.size() - n);
    push(Role::Text, "text", std::move(spans), before, 0);
    push(Role::Headline, rule, std::move(head), 0, after);
  }

  // A byline or dateline opens an article and a paragraph ends with a sentence: the last line
  // or two of a run, after a sentence's end and right before an opener, with a headline's
  // shape, are the headline of the article the opener opens (how many: 0 where none).
  std::size_t headline_before_an_opener(const std::vector<Span>& spans) const {
    // A headline part wraps over two lines, or three in a narrow column (wrapped_headline).
    constexpr std::size_t kMostLines = 3;
    for (std::size_t n = 1; n <= kMostLines && n < spans.size(); ++n) {
      const std::size_t from = spans.size() - n;
      const std::size_t first = spans[from].line, last = spans.back().line;
      if (last + 1 - first != n) continue;
      bool whole = true;
      for (std::size_t k = from; k < spans.size(); ++k) whole = whole && spans[k].text.size() == page.lines[spans[k].line].text.size();
      if (!whole || cv::ends_sentence(page.lines[last].text)) continue;
      if (!cv::ends_sentence(spans[from - 1].text) && !cut_off_over_short_lines(spans[from - 1], first, last)) continue;
      if (n < kMostLines ? rules::headline_shaped(page, first, last + 1) : wrapped_headline(first, last)) return n;
    }
    return 0;
  }

  // A paragraph's lines fill the column until the last, which ends a sentence: two lines or
  // more well short of the column under a full line cut mid-sentence, whose word does not run
  // into them, are no paragraph's end (…强势晋 / 这家足校4年收 / 获11项全国冠军 over a dateline:
  // the rest of that column went elsewhere).
  bool cut_off_over_short_lines(const Span& above, std::size_t first, std::size_t last) const {
    const Line& line = page.lines[above.line];
    return last > first && above.text.size() == line.text.size() && fills_column(line) && unicode::is_han(line.last) &&
           narrower_than_its_column(first, last) && !cv::wraps_onto(line.text, page.lines[first].text);
  }

  // A column's line cut off mid-sentence stops on a Han character, or on a quote closed inside
  // the sentence (…深化“投融建管运”).
  static bool cut_mid_sentence(const Line& l) {
    return unicode::is_han(l.last) || ((l.last == U'”' || l.last == U'’') && !cv::ends_unit(l.text));
  }

  // Where blank lines do not end paragraphs, a paragraph's last line is short and ends a
  // sentence. A short line that ends none, under a column's full line that stops mid-sentence
  // and whose words do not run into it, ends no paragraph: it is a headline the extractor put
  // after a column of another article (or of the one it heads, read out of order); with the
  // line above it, where the headline wrapped at the column's width (美方有关控制和吞并格陵兰岛的言
  // / 论“完全不可接受”). How many lines the headline takes: 0 where this is none.
  std::size_t headline_after_a_column(const std::vector<Span>& spans, std::size_t b_index) const {
    // (Two lines, or three in a narrow column, as a headline part wraps: wrapped_headline.)
    constexpr std::size_t kMostLines = 3;
    if (page.shape.blank_paragraphs || page.shape.line_each) return 0;
    if (b_index + 1 >= page.blocks.size() || page.blocks[b_index + 1].cut_before != Cut::Short) return 0;
    const std::size_t last = spans.back().line;
    const Line& line = page.lines[last];
    if (spans.back().text.size() != line.text.size() || cv::ends_sentence(line.text) || cv::continues_text(line.first)) return 0;
    const Line& below = page.lines[page.blocks[b_index + 1].begin];
    if (!short_past_its_numbers(line, below) || cv::continues_text(below.first) || cv::word_continues(line.text, below.text)) return 0;
    for (std::size_t n = 1; n <= kMostLines && n < spans.size(); ++n) {
      const std::size_t from = spans.size() - n;
      const std::size_t first = spans[from].line;
      const Line& above = page.lines[spans[from - 1].line];
      if (spans[from - 1].line + 1 != first || first + n - 1 != last || spans[from].text.size() != page.lines[first].text.size()) return 0;
      const bool shaped = n < kMostLines ? rules::headline_shaped(page, first, last + 1)
                                         : narrower_than_its_column(first, last) && wrapped_headline(first, last);
      if (fills_column(above) && cut_mid_sentence(above) && !cv::continues_text(page.lines[first].first) && shaped &&
          !cv::word_continues(above.text, page.lines[first].text))
        return n;
    }
    return 0;
  }

  // A dump by blocks may set a headline's first line in the block of the paragraph before it,
  // right under that paragraph's last line (…分获第二名、第三 / 名。 / 广州100公里越野 / blank /
  // 赛举行). A line after a sentence's end that stops well short of its column and ends
  // nothing opens no paragraph (a paragraph's first line fills the column, or falls short of
  // it by the indent, and more text follows), where the block after it is a headline's rest:
  // a line or two, well short of the column, ending nothing.
  bool headline_under_a_paragraphs_end(const std::vector<Span>& spans, std::size_t b_index) const {
    constexpr std::size_t kRestLines = 2;
    if (page.shape.line_each || spans.size() < 2 || b_index + 1 >= page.blocks.size()) return false;
    const Line& l = page.lines[spans.back().line];
    if (spans.back().text.size() != l.text.size() || !cv::ends_sentence(spans[spans.size() - 2].text) || cv::ends_unit(l.text) ||
        opens_indented(l) || l.justified || !short_of_its_column(l))
      return false;
    const Block& next = page.blocks[b_index + 1];
    if (next.size() > kRestLines || !short_past_its_numbers(l, page.lines[next.begin])) return false;
    std::string rest;
    for (std::size_t k = next.begin; k < next.end; ++k) {
      const Line& n = page.lines[k];
      if (!short_of_its_column(n) || cv::ends_unit(n.text) || n.justified || opens_indented(n)) return false;
      rest.append(n.text);
    }
    return rules::headline_text(l.text, rest);
  }

  // Digits and Latin letters are set narrower than they count, and a number is not broken
  // over lines: a line holding them, or before one, may be short by as much as they take and
  // still be full; shorter than that, it is short.
  static bool short_past_its_numbers(const Line& line, const Line& below) {
    int slack = 0;
    for (std::size_t i = 0; i < line.text.size();) slack += unicode::is_ascii_alnum(unicode::next(line.text, i)) ? 1 : 0;
    for (std::size_t i = 0; i < below.text.size();) {
      const char32_t c = unicode::next(below.text, i);
      if (!unicode::is_ascii_alnum(c) && c != U'.' && c != U'%') break;
      slack += 2;  // the number's own width, and as much again for its print width
    }
    return line.column > 0 && line.column - line.extent() > slack + kSameColumn;
  }

  // A dateline opens its story's text (本报广州9月2日电（记者赵丁頔） / 西部科学城紧扣全市打造…):
  // the line set right under it, no blank line between, is that text's first line, never a
  // headline (a headline stands over the dateline, or after the whole story).
  bool right_under_a_dateline(std::size_t first) const {
    return !units.empty() && units.back().role == Role::Dateline && units.back().spans.back().line + 1 == first;
  }

  // A colon introduces what follows it (…当即决定： / “我捐1000棵苗！”): a line after text that
  // ends with one goes on with that text (the quote or the list it introduces), whatever its shape.
  bool follows_a_colon() const {
    if (units.empty() || units.back().role != Role::Text) return false;
    const char32_t c = unicode::last(units.back().spans.back().text);
    return c == U'：' || c == U':';
  }

  // The text before stopped mid-phrase and the phrase runs into this block: a word cut in two
  // (…外墙整 / blank / 治和加装电梯等), a number's measure word (…收入从2.3 / blank / 万元提高到…),
  // a quote closed or a particle: the block is the rest of that sentence, not a headline.
  bool word_ran_into(std::size_t first) const {
    if (units.empty() || units.back().role != Role::Text) return false;
    const std::string_view before = units.back().spans.back().text;
    return !cv::ends_unit(before) && cv::wraps_onto(before, page.lines[first].text);
  }

  // A paragraph cut mid-word across a blank line (…产业创 / blank / 新中心…), or before prose
  // that opens on a particle (…一样获得 / blank / 了“智博杯”大赛一等奖的，还: no piece opens on
  // one), is not a headline, however short: the sentence runs on into the next block. (A
  // headline's own wrapped end may open on one: 扛起办实事 / blank / 的担子.)
  // (A next block of one Han character is the line's own last character: wrapped_headline_end.)
  bool word_runs_on(const Block& b, std::size_t b_index, std::size_t last, bool opener_follows) const {
    if (opener_follows || last + 1 != b.end || b_index + 1 >= page.blocks.size()) return false;
    const Block& next = page.blocks[b_index + 1];
    if (one_han_character(next)) return false;
    const std::string_view after = page.lines[next.begin].text;
    const bool word_across = cv::word_continues(page.lines[last].text, after) || (b.blanks_after == 0 && ends_a_word_in_one_character(after)) ||
                             (cv::opens_on_a_particle(after) && (page.lines[next.begin].prose_marks || fills_column(page.lines[next.begin])));
    return (word_across && !opens_indented(page.lines[next.begin])) || number_finishes_the_phrase(page.lines[last].text, page.lines[next.begin]) ||
           (cv::ends_on_a_word_that_needs_more(page.lines[last].text) &&
            (page.shape.line_each ? !rules::headline_shaped(page, next.begin, next.begin + 1) : fills_column(page.lines[next.begin])));
  }

  // A word of approximation (近, 约, 逾) stands before the number it qualifies: a line that
  // stops on one over prose opening with digits (…后市场企业近 / blank / 300家，新能源…) is cut
  // mid-phrase. (A headline wrapped there goes on in a line of its own shape, with no prose
  // mark: …总产量超 / 11亿株.)
  bool number_finishes_the_phrase(std::string_view line, const Line& next) const {
    const char32_t c = unicode::last(line);
    if ((c != U'近' && c != U'约' && c != U'逾') || next.text.empty() || next.text.front() < '0' || next.text.front() > '9') return false;
    return next.prose_marks;
  }

  // On a page whose paragraphs open indented, an indented line opens a paragraph: no word
  // and no headline runs on into it (the dictionary may still see one across: 良好开局 / 在去年底).
  bool opens_indented(const Line& l) const { return page.shape.indents && l.indent >= rules::kParagraphIndent; }

  // A line that opens with one Han character and a clause mark (桥、旧州大桥…; 区,百年… where the
  // page sets half-width commas) ends a word begun on the line right before (…万胜塘大 / 桥、): a
  // word the dictionary may not know. (Across a blank line, the column read before may be
  // another: 古戏台上 不只有“戏” / blank / 上，高淳老街….)
  static bool ends_a_word_in_one_character(std::string_view line) {
    std::size_t i = 0;
    if (!unicode::is_han(unicode::next(line, i)) || i >= line.size()) return false;
    const char32_t mark = unicode::next(line, i);
    return mark == U'、' || mark == U'，' || mark == U'。' || mark == U',';
  }

  // A block of one Han character, perhaps in its quotes (课, “戏”).
  bool one_han_character(const Block& b) const { return han_in_block(b) == 1; }

  // The Han characters of a block of one short line that holds nothing else but quotes; 0
  // for any other block (a line of more than five characters is no wrapped word).
  int han_in_block(const Block& b) const {
    const Line& l = page.lines[b.begin];
    if (b.size() != 1 || l.chars > 5) return 0;
    int han = 0;
    for (std::size_t i = 0; i < l.text.size();) {
      const char32_t c = unicode::next(l.text, i);
      if (unicode::is_han(c)) ++han;
      else if (c != U'“' && c != U'”' && c != U'‘' && c != U'’' && c != U'"') return 0;
    }
    return han;
  }

  // A bare short line after two or more blank lines in mid-page stands where a picture
  // was: a caption (unless a byline follows it: then it is a headline).
  bool picture_gap_caption(const Block& b, std::size_t b_index, std::size_t first, std::size_t last) const {
    constexpr int kMostLines = 2;
    if (!picture_gaps || b.blanks_before < 2 || b_index == 0 || last - first >= kMostLines) return false;
    // (The gap under the page's head is the top of the page, not a picture.)
    if (std::all_of(units.begin(), units.end(), [](const Unit& u) { return u.role == Role::Furniture; })) return false;
    // (A viewer's copy turned the caption's line ends into spaces: its lines are the stretches
    // between them, and a paragraph of three lines or more the picture cut is text.)
    int lines = 0;
    for (std::size_t k = first; k <= last; ++k) {
      const Line& l = page.lines[k];
      if (l.chars > kBareCaptionMaxChars) return false;
      lines += 1 + (page.shape.line_each && !l.justified ? l.spaces : 0);
    }
    if (lines > kMostLines || cv::ends_sentence(page.lines[last].text) || cv::ends_open(page.lines[last].text)) return false;
    if (last + 1 == b.end && b_index + 1 < page.blocks.size()) {
      if (opener_line(page.blocks[b_index + 1].begin)) return false;
    }
    return true;
  }

  // Pushes the dateline that starts at line i; the body goes on after it (after the
  // reporter's bracket), on the same line. Returns false when it ran on past this block:
  // the rest of its last line then opens the block where that line is.
  bool dateline(std::size_t& i, rules::DatelineMatch& m, const Block& b, std::vector<Span>& pending, std::size_t from = 0) {
    Unit d;
    d.role = Role::Dateline;
    d.rule = "dateline";
    d.dateline = std::move(m.word);
    if (!m.reporter.empty() && !rules::reporters(m.reporter, &d.people)) d.people.text = m.reporter;
    for (std::size_t k = i; k <= m.end_line; ++k) {
      const std::string_view lt = page.lines[k].text;
      const std::size_t start = k == i ? from : 0;
      if (!lt.empty()) d.spans.push_back(Span{k, k == m.end_line ? lt.substr(start, m.end_at - start) : lt.substr(start)});
    }
    d.blanks_before = i == b.begin && from == 0 ? b.blanks_before : 0;
    d.first_on_page = units.empty();
    units.push_back(std::move(d));
    const std::string_view rest = unicode::trim(page.lines[m.end_line].text.substr(m.end_at));
    resume_ = m.end_line + 1;
    if (rest.empty()) after_claimed_ = m.end_line + 1;
    if (m.end_line < b.end) {
      if (!rest.empty()) pending.push_back(Span{m.end_line, rest});
      i = m.end_line + 1;
      return true;
    }
    if (!rest.empty()) carry_ = Span{m.end_line, rest};
    return false;
  }

  // The lines from `from` to the end of the block, each a credit line: `people` holds what
  // the credit rule read from each, in order.
  void push_credits(const Block& b, std::size_t from, std::vector<People>& people) {
    if (people.size() != b.end - from) throw std::logic_error("classify: a credit line without its people");
    for (std::size_t k = from; k < b.end; ++k)
      push(Role::Credit, "credit line", {whole(k)}, k == b.begin ? b.blanks_before : 0,
           k + 1 == b.end ? b.blanks_after : 0)
          .people = std::move(people[k - from]);
    people.clear();
  }

  // Whether line k is a credit line; its people go to the back of `people` when it is.
  bool credit_line(std::size_t k, std::vector<People>& people) const {
    if (!may_be_credit(page.lines[k])) return false;
    People cp;
    if (!line_credit(k, &cp)) return false;
    people.push_back(std::move(cp));
    return true;
  }

  // rules::credit of line k, read once a page: the credit rules ask it of a line again for
  // each line above it in its block, and once more for a credit that says what it is.
  bool line_credit(std::size_t k, People* out) const {
    if (credit_read_.empty()) credit_read_.assign(page.lines.size(), kUnread);
    if (credit_read_[k] == kUnread) {
      People p;
      credit_read_[k] = kNoCredit;
      if (rules::credit(page.lines[k].text, &p)) {
        credit_read_[k] = kFirstCredit + static_cast<std::uint32_t>(credit_people_.size());
        credit_people_.push_back(std::move(p));
      }
    }
    if (credit_read_[k] == kNoCredit) return false;
    if (out) *out = credit_people_[credit_read_[k] - kFirstCredit];
    return true;
  }

  // A credit at line k that says what it is: a role, a photographer or a picture source, not
  // bare names only. Its last line is returned (npos when there is none): the next line too
  // when the dump wrapped the credit's end onto it (a name's last character, the source's
  // bracket), also past a cut or one blank line.
  std::size_t strong_credit(std::size_t k, People& p) const {
    constexpr int kWrappedTail = 2;  // characters of a name wrapped onto the next line
    constexpr int kSourceChars = 12;  // （新华社发）, （视觉中国）: a picture's source wrapped onto a line
    auto strong = [&](std::string_view text) {
      return rules::credit(text, &p) && says_what_it_is(p);
    };
    std::size_t n = k + 1;
    if (n < page.lines.size() && page.lines[n].blank() && !page.lines[k].prose_marks) ++n;  // one blank line
    if (n < page.lines.size() && !page.lines[n].blank()) {
      const Line& next = page.lines[n];
      const bool closes = next.last == U'）' || next.last == U')';
      const bool tail = (next.chars <= kWrappedTail && unicode::is_han(next.first)) || (closes && next.chars <= kSourceChars);
      // (No line of its own opens with a closing bracket: one that does is the wrapped end of
      // the line above, 图片由西部(重庆 / )科学城管委会提供.)
      const bool source = next.chars <= kSourceChars && (next.first == U'（' || next.first == U'(' || next.first == U'摄' ||
                                                        next.first == U'）' || next.first == U')');
      if (tail || source) {
        std::string joined(page.lines[k].text);
        joined.append(next.text);
        if (strong(joined)) return n;
      }
    }
    if (line_credit(k, &p) && says_what_it_is(p)) {
      // The names may go on onto the next line (长寿区融媒体中心 陶枫光 / 覃茂楠).
      People more;
      const Line* next = k + 1 < page.lines.size() ? &page.lines[k + 1] : nullptr;
      if (next && !next->blank() && next->chars <= kPeopleMaxChars && !next->prose_marks && rules::people(next->text, true, &more) &&
          !more.names.empty() && !more.has_role && !more.has_source) {
        p.names.insert(p.names.end(), more.names.begin(), more.names.end());
        p.text += ' ';
        p.text += more.text;
        return k + 1;
      }
      return k;
    }
    return std::string_view::npos;
  }

  static bool closes_a_note(const Line& l) { return l.last == U'）' || l.last == U')'; }

  // The last line of an author note whose last line so far is `last`: where the bracket
  // closes within a few more lines (one blank line between at most), else `last`.
  std::size_t note_end(std::size_t last) const {
    constexpr std::size_t kMoreLines = 3;
    auto closes = [&](std::size_t k) { return closes_a_note(page.lines[k]); };
    if (closes(last)) return last;
    for (std::size_t k = last + 1, blanks = 0, lines = 0; k < page.lines.size() && lines < kMoreLines; ++k) {
      if (page.lines[k].blank()) {
        if (++blanks > 1) break;
        continue;
      }
      blanks = 0;
      ++lines;
      if (page.lines[k].text.find("（") != std::string_view::npos || page.lines[k].text.find('(') != std::string_view::npos) break;
      if (closes(k)) return k;
    }
    return last;
  }

  // What the rules made of the line at i: nothing (it is text, pending), it and perhaps the
  // lines after (go on after them), or the rest of the block.
  enum class Took { Nothing, Lines, Rest };

  static int blanks_before(const Block& b, std::size_t k) { return k == b.begin ? b.blanks_before : 0; }
  static int blanks_after(const Block& b, std::size_t k) { return k + 1 == b.end ? b.blanks_after : 0; }

  void block(std::size_t b_index) {
    const Block& b = page.blocks[b_index];
    pending_.clear();  // reused from block to block: no allocation per block
    // A dateline that ran on from a block before took this block's lines up to resume_.
    std::size_t i = std::max(b.begin, resume_);
    if (carry_ && carry_->line >= b.begin && carry_->line < b.end) {
      pending_.push_back(*carry_);
      carry_.reset();
    }
    if (i >= b.end && pending_.empty()) return;
    while (i < b.end) {
      const Took took = line_rules(b, b_index, i);
      if (took == Took::Rest) break;
      if (took == Took::Nothing) pending_.push_back(whole(i++));
    }
    flush(pending_, b, b_index, false);
  }

  // The conventions a line may open, in order; the one that takes it moves i past what it took.
  Took line_rules(const Block& b, std::size_t b_index, std::size_t& i) {
    const Line& line = page.lines[i];
    const std::string_view t = line.text;
    People p;
    // A rubric (■观点) stands alone; a marked line that runs on (●地区生产总值 / 占全国比重…)
    // is a list item of the text.
    if (running_head(line) && (i + 1 == b.end || !rules::rubric(t))) return running_head_lines(b, b_index, i);
    if (may_be_byline(line) && rules::byline(t, &p)) {
      flush(pending_, b, b_index, true);
      push(Role::Byline, "byline", {whole(i)}, blanks_before(b, i), blanks_after(b, i)).people = std::move(p);
      ++i;
      return Took::Lines;
    }
    if (auto m = may_be_dateline(line) ? rules::dateline(page, i) : std::nullopt) {
      flush(pending_, b, b_index, true);
      return dateline(i, *m, b, pending_) ? Took::Lines : Took::Rest;  // Rest: it ran on into a later block
    }
    if (page.shape.line_each) {
      // A viewer's copy joins a headline and the dateline set under it on one line.
      std::size_t from = 0;
      if (auto m = dateline_after_headline(i, from)) {
        flush(pending_, b, b_index, true);
        push(Role::Headline, "headline with its dateline on one line", {Span{i, unicode::trim(t.substr(0, from))}}, blanks_before(b, i), 0);
        return dateline(i, *m, b, pending_, from) ? Took::Lines : Took::Rest;
      }
    }
    // A viewer's copy, or a dump that joins a column's lines with a space, joins the last
    // paragraph of a story and the next story's first where the two touch (…便已水到渠成。 本报讯
    // （记者 张三）7月10日…): the dateline opens the next.
    if (line.spaces > 0 && !line.justified) {
      std::size_t from = 0;
      if (auto m = dateline_after_sentence(i, from)) {
        pending_.push_back(Span{i, unicode::trim(t.substr(0, from))});
        flush(pending_, b, b_index, false);
        return dateline(i, *m, b, pending_, from) ? Took::Lines : Took::Rest;
      }
    }
    if (may_be_note(line) && rules::note_start(t)) return note_lines(b, b_index, i);
    if (const std::optional<NoteAfter> note = note_then_more(b, i)) return note_after_a_sentence(b, b_index, i, *note);
    if (const std::size_t n = may_be_label(line) ? rules::lead_label(t) : 0) {
      flush(pending_, b, b_index, true);
      push(Role::LeadLabel, "lead box label", {Span{i, unicode::trim(t.substr(0, n))}}, blanks_before(b, i),
           n == t.size() ? blanks_after(b, i) : 0);
      if (const std::string_view rest = unicode::trim(t.substr(n)); !rest.empty()) pending_.push_back(Span{i, rest});
      ++i;
      return Took::Lines;
    }
    if (may_be_caption_start(line) && opens_a_caption(line, t)) return caption_lines(b, b_index, i);
    // A viewer's copy runs the next line on after a space, and extractors that join what
    // stands at one height do so on a line of its own: a credit and the next headline
    // (通讯员 赵颖岚 摄 这家足校4年收获11项全国冠军).
    if ((page.shape.line_each || b.end - b.begin == 1) && line.spaces > 0 && line.chars <= kPeopleMaxChars + kHeadlineMaxChars) {
      if (const std::size_t at = credit_then_headline(t, p); at != std::string_view::npos) {
        flush(pending_, b, b_index, false);
        push(Role::Credit, "credit line", {Span{i, unicode::trim(t.substr(0, at))}}, blanks_before(b, i), 0).people = std::move(p);
        push(Role::Headline, "headline run on after a credit", {Span{i, unicode::trim(t.substr(at))}}, 0, blanks_after(b, i));
        ++i;
        return Took::Lines;
      }
    }
    if ((may_be_credit(line) && !bracket_cut_from_its_dateline(i)) || photo_mark_follows(i)) return credit_lines(b, b_index, i);
    if (may_be_note(line) || line.last == U'）') return marks_run_into_the_text(b, b_index, i);
    return Took::Nothing;
  }

  // Marks run into a line of text: a jump mark, the writers after the last sentence.
  // (Asked only of lines that open or close with a bracket: kept out of line_rules.)
  [[gnu::noinline]] Took marks_run_into_the_text(const Block& b, std::size_t b_index, std::size_t& i) {
    const Line& line = page.lines[i];
    const std::string_view t = line.text;
    People p;
    // A jump line run into the text: a part continued from another page opens with where it
    // came from (（上接第1版）推动经济…), a part continued on another says so after its last
    // sentence (…取得新成效。（下转第2版））.
    if (may_be_note(line)) {
      if (const std::size_t end = jump_mark_end(t); end != 0 && end < t.size()) {
        flush(pending_, b, b_index, false);
        push(Role::Furniture, rules::kJumpLine, {Span{i, t.substr(0, end)}}, blanks_before(b, i), 0);
        pending_.push_back(Span{i, unicode::trim(t.substr(end))});
        ++i;
        return Took::Lines;
      }
    }
    if (i + 1 == b.end && line.last == U'）') {
      if (const std::size_t open = t.rfind("（"); open != std::string_view::npos && open > 0 && cv::is_jump_line(t.substr(open)) &&
                                                  cv::ends_sentence(unicode::trim(t.substr(0, open)))) {
        pending_.push_back(Span{i, unicode::trim(t.substr(0, open))});
        flush(pending_, b, b_index, false);
        push(Role::Furniture, rules::kJumpLine, {Span{i, t.substr(open)}}, 0, blanks_after(b, i));
        ++i;
        return Took::Lines;
      }
      // The writers in brackets right after the story's last sentence, on its line (…增设了停车位。
      // （记者 张三）): the credit that closes the story.
      if (const std::size_t at = rules::trailing_credit(t, &p); at != std::string_view::npos) {
        pending_.push_back(Span{i, unicode::trim(t.substr(0, at))});
        flush(pending_, b, b_index, false);
        push(Role::Credit, "credit at the end of the last line", {Span{i, unicode::trim(t.substr(at))}}, 0, blanks_after(b, i)).people =
            std::move(p);
        ++i;
        return Took::Lines;
      }
    }
    return Took::Nothing;
  }

  // Where a jump mark that opens a line ends (（上接第1版）…), else 0.
  static std::size_t jump_mark_end(std::string_view t) {
    constexpr std::size_t kMostBytes = 30;  // （上接第12版）
    for (std::string_view close : {"版）", "版)"}) {
      const std::size_t at = t.substr(0, std::min(t.size(), kMostBytes)).find(close);
      if (at != std::string_view::npos && cv::is_jump_line(t.substr(0, at + close.size()))) return at + close.size();
    }
    return 0;
  }

  // A story's writers in brackets (（记者 张三）) close it under its last sentence; the same
  // bracket after text that stopped mid-sentence is a dateline's, cut off from its word by the
  // dump (…农业发达、商 / （记者 / 蒋雪鸿）), and no credit.
  bool bracket_cut_from_its_dateline(std::size_t i) const {
    if (!may_be_note(page.lines[i])) return false;
    std::size_t k = i;
    while (k > 0 && page.lines[k - 1].blank()) --k;
    return k > 0 && !cv::ends_unit(page.lines[k - 1].text);
  }

  // A marked section head inside a story (■ 服务前移): a rubric's shape, alone on its line,
  // between a paragraph that ends a sentence and the prose that goes on under it. (At a page's
  // top, or over a story's headline, the same line is the page's rubric.)
  bool marked_section_head(const Block& b, std::size_t i) const {
    if (i + 1 != b.end || i != b.begin || !rules::rubric(page.lines[i].text) || units.empty() || units.back().role != Role::Text ||
        !cv::ends_unit(units.back().spans.back().text))
      return false;
    std::size_t k = i + 1;
    while (k < page.lines.size() && page.lines[k].blank()) ++k;
    return k < page.lines.size() && page.lines[k].prose_marks && page.lines[k].item_marks == 0 && !opener_line(k);
  }

  Took running_head_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    const std::string_view t = page.lines[i].text;
    if (marked_section_head(b, i)) {
      flush(pending_, b, b_index, false);
      // (The mark is markup, as a byline's flag is.)
      std::size_t after_mark = 0;
      unicode::next(t, after_mark);
      const std::string_view head = unicode::trim(t.substr(after_mark));
      push(Role::Headline, rules::kMarkedSubhead, {Span{i, head}}, b.blanks_before, b.blanks_after);
      ++i;
      return Took::Lines;
    }
    flush_over_a_foot(b, b_index, i + 1 == b.end);
    std::vector<Span> spans{whole(i)};
    const std::size_t start = i++;
    // A section banner set directly under a marked running head belongs with it.
    while (rules::marked_names(t) && i < b.end && page.lines[i].chars <= kHeadlineMaxChars && !cv::ends_unit(page.lines[i].text) &&
           !opener_line(i))
      spans.push_back(whole(i++));
    push(Role::Furniture, "running head", std::move(spans), blanks_before(b, start), blanks_after(b, i - 1));
    return Took::Lines;
  }

  Took note_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    flush(pending_, b, b_index, false);
    const std::size_t start = i;
    std::vector<Span> spans;
    bool cut_short = false;
    while (i < b.end) {
      // A note wraps as prose does: its lines fill the column but the last, which closes its
      // bracket; a line well short of the column that closes nothing is none of it (…本文为重庆市教
      // / 湖南长沙: the note was cut where its column broke, and the next piece begins).
      if (i > start && !closes_a_note(page.lines[i]) && short_of_its_column(page.lines[i])) {
        cut_short = true;
        break;
      }
      spans.push_back(whole(i));
      if (closes_a_note(page.lines[i++])) break;
    }
    // A note whose bracket is still open at the block's end runs on past a blank line or
    // a cut, as a dateline does (（作者为…竞训 / blank / 总监，…整理）).
    const std::size_t end = cut_short ? i - 1 : note_end(i - 1);
    for (std::size_t k = i; k <= end; ++k)
      if (!page.lines[k].blank()) spans.push_back(whole(k));
    const bool ran_on = end >= i;
    push(Role::Note, "author note", std::move(spans), blanks_before(b, start), ran_on ? 0 : blanks_after(b, i - 1));
    if (!ran_on) return Took::Lines;
    resume_ = end + 1;
    after_claimed_ = end + 1;
    return Took::Rest;
  }

  // An author note closes its piece, also where it runs on after the last sentence and more
  // lines follow it in the block (…社会治理共同体。 （作者单位：重庆电子科 / 技职业大学…成果）
  // / 摘掉不必要的牌子，扛起办实事 / 的担子): what follows is the next piece. (A note that
  // closes the block is read when the block's text is flushed.)
  // The sentence before the note, the note's start and the line that closes it.
  struct NoteAfter {
    Span sentence, note;
    std::size_t end = 0;
  };
  std::optional<NoteAfter> note_then_more(const Block& b, std::size_t i) const {
    // (A note closes at a line's end, on its line or a few after: most lines have no such line
    // near them, and are not searched for a bracket.)
    constexpr std::size_t kNoteLines = 4;
    bool closes = false;
    for (std::size_t k = i; k < std::min(b.end, i + kNoteLines) && !closes; ++k)
      closes = page.lines[k].last == U'）' || page.lines[k].last == U')';
    if (!closes) return std::nullopt;
    const std::string_view t = page.lines[i].text;
    if (t.find("（") == std::string_view::npos && t.find('(') == std::string_view::npos) return std::nullopt;
    Span line = whole(i);
    const std::optional<Span> note = cut_note_after_a_sentence(line);
    if (!note) return std::nullopt;
    const std::size_t end = left_open(note->text) ? note_end(i) : i;
    const char32_t close = page.lines[end].last;
    if ((close != U'）' && close != U')') || end + 1 >= b.end) return std::nullopt;
    return NoteAfter{line, *note, end};
  }

  Took note_after_a_sentence(const Block& b, std::size_t b_index, std::size_t& i, const NoteAfter& found) {
    pending_.push_back(found.sentence);
    flush(pending_, b, b_index, false);
    std::vector<Span> note{found.note};
    for (std::size_t k = i + 1; k <= found.end; ++k) note.push_back(whole(k));
    push(Role::Note, "author note run on after a paragraph", std::move(note), 0, 0);
    i = found.end + 1;
    return Took::Lines;
  }

  // A caption runs on to its photographer's credit (图为少年球员在训练场上练习传球 / 和射门。本报 /
  // 记者吴彬元摄): a line the credit follows within a line or two, with no end of a piece
  // between, is still the caption's (its own end may end the caption's sentence); so is one
  // the caption's last words and the credit follow after a sentence's end (…缴社保费了。 /
  // “今天来。新华社记者谢弘亚 / 摄: a dump cut the caption and its credit into lines).
  bool credit_closes_it_ahead(std::size_t k) const {
    constexpr std::size_t kAhead = 2;
    for (std::size_t j = k + 1; j <= k + kAhead && j < page.lines.size(); ++j) {
      if (page.lines[j].blank()) return false;
      // (After a sentence's end, only a line that gives the credit after the caption's last words.)
      if (photo_credit_ends_a_sentence(j)) return true;
      if (j > k + 1 && cv::ends_unit(page.lines[j - 1].text)) return false;
      if (photo_credit_line(j)) return true;
    }
    return false;
  }

  // A line that ends the caption's last sentence and then gives its credit (球。新华社记者秦德馨摄),
  // its photo mark maybe wrapped alone onto the next line (…整体。 新华社记者 李硕 / 摄).
  bool photo_credit_ends_a_sentence(std::size_t j) const {
    constexpr std::string_view kStop = "。";
    const std::string_view t = page.lines[j].text;
    const std::size_t stop = t.rfind(kStop);
    if (stop == std::string_view::npos) return false;
    const std::string_view credit = unicode::trim(t.substr(stop + kStop.size()));
    if (rules::photo_credit_end(t)) return rules::credit(credit);
    People p;
    return j + 1 < page.lines.size() && photo_mark_line(page.lines[j + 1]) && rules::credit(credit, &p) && !p.names.empty();
  }

  // A short line that is a photographer's credit and nothing else (陈维摄, 记者吴彬元摄).
  bool photo_credit_line(std::size_t k) const {
    const Line& l = page.lines[k];
    if (l.chars > kCreditLineChars || l.last != U'摄') return false;
    People p;
    return line_credit(k, &p) && p.photo && !p.names.empty();
  }

  Took caption_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    caption_follows_ = true;
    flush(pending_, b, b_index, false);
    caption_follows_ = false;
    // The caption runs to the end of the block, but credit lines at its foot
    // (XX县融媒体中心 龚长浩 摄) are credits.
    std::vector<People>& credits = credits_;
    credits.clear();
    std::size_t credits_from = b.end;
    while (credits_from > i + 1 && credit_line(credits_from - 1, credits)) --credits_from;
    std::reverse(credits.begin(), credits.end());  // found from the foot up
    // The photographer's credit under the caption's last sentence ends the caption where more
    // of the block follows it (a dump without blank lines sets the story on under its picture).
    for (std::size_t k = i + 1; k + 1 < credits_from; ++k) {
      if (!cv::ends_unit(page.lines[k - 1].text) || !photo_credit_line(k)) continue;
      std::vector<Span> caption;
      const std::size_t start = i;
      while (i < k) caption.push_back(whole(i++));
      push(Role::Caption, "photo caption", std::move(caption), blanks_before(b, start), 0);
      People cp;
      line_credit(k, &cp);
      push(Role::Credit, "credit line", {whole(k)}, 0, 0).people = std::move(cp);
      ++i;
      return Took::Lines;
    }
    std::vector<Span> spans;
    const std::size_t start = i;
    while (i < credits_from) spans.push_back(whole(i++));
    // A caption cut off mid-sentence by a short line's cut runs on into the next piece
    // (…双边关系前景广 / 阔，愿继续…。), where no blank line stands between; after a sentence's
    // end, only into the line that gives its credit (and the photo mark wrapped under it).
    std::size_t k = i;
    if (credits.empty())
      while (k < page.lines.size() && k - start < kCaptionLines && !page.lines[k].blank() && !opener_line(k) &&
             (!cv::ends_unit(page.lines[k - 1].text) ? cv::continues_text(page.lines[k].first) || cv::wraps_onto(page.lines[k - 1].text, page.lines[k].text) ||
                                                         photo_credit_ends_a_sentence(k) || credit_closes_it_ahead(k) ||
                                                         (photo_mark_line(page.lines[k]) && photo_credit_ends_a_sentence(k - 1))
                                                     : photo_credit_ends_a_sentence(k)))
        spans.push_back(whole(k++));
    push(Role::Caption, "photo caption", std::move(spans), blanks_before(b, start), k > i ? 0 : blanks_after(b, i - 1));
    push_credits(b, i, credits);
    if (k > i) resume_ = k;
    return Took::Rest;
  }

  // Where a dateline opens line i after a headline and a space (地区生产总值翻一番多 本报广州1月19日
  // 电 （记者曾华锋）…), the dateline; `from` is where it starts.
  std::optional<rules::DatelineMatch> dateline_after_headline(std::size_t i, std::size_t& from) const {
    const std::size_t most = std::min(page.lines[i].text.size(), std::size_t{3 * kHeadlineMaxChars});
    return dateline_after_a_space(i, most, from, [](std::string_view head, std::string_view) { return headline_before_an_opener_on_its_line(head); });
  }

  // Where a dateline opens line i after a sentence's end and a space, the dateline; `from` is
  // where it starts.
  std::optional<rules::DatelineMatch> dateline_after_sentence(std::size_t i, std::size_t& from) const {
    return dateline_after_a_space(i, page.lines[i].text.size(), from, [](std::string_view head, std::string_view rest) {
      // (The dateline's word whole on this line, with no space inside: a credit that opens
      // alike, 新华社记者 张三摄 or 本报记者 李四摄 本报讯…, is no dateline's start.)
      const std::size_t word = cv::ends_sentence(head) ? rules::dateline_word(rest) : 0;
      return word > 0 && rest.substr(0, word).find(' ') == std::string_view::npos;
    });
  }

  // The first dateline that opens line i after a space before byte `most`, where what stands
  // before the space (and the rest of the line after it) passes `before`.
  template <typename Before>
  std::optional<rules::DatelineMatch> dateline_after_a_space(std::size_t i, std::size_t most, std::size_t& from, Before before) const {
    const std::string_view t = page.lines[i].text;
    for (std::size_t at = t.find(' '); at != std::string_view::npos && at < most; at = t.find(' ', at + 1)) {
      const std::size_t start = at + 1;
      if (start >= t.size() || t[start] == ' ') continue;
      std::size_t k = start;
      if (!rules::may_open_dateline(unicode::next(t, k)) || !before(unicode::trim(t.substr(0, at)), t.substr(start))) continue;
      if (auto m = rules::dateline(page, i, start)) {
        from = start;
        return m;
      }
    }
    return std::nullopt;
  }

  // A paragraph runs on until a line ends a sentence: one whole line after a sentence's end
  // that ends none, right before a line of names (a reporter's credit, not a photographer's),
  // ends no paragraph. It is a headline the extractor set after its column.
  bool headline_before_a_credit(const Block& b, const std::vector<People>& credits) const {
    if (pending_.size() != 1 || credits.empty() || credits.front().photo) return false;
    const std::size_t k = pending_.front().line;
    if (k != b.begin || pending_.front().text.size() != page.lines[k].text.size()) return false;
    if (!units.empty() && units.back().role == Role::Text && !cv::ends_unit(units.back().spans.back().text)) return false;
    return rules::headline_shaped(page, k, k + 1) && !page.lines[k].prose_marks && !word_ran_into(k);
  }

  // Flushes the pending lines; `foot`: only a photographer's credit lines or a page's foot line
  // follow them in their block, which then ends with them.
  void flush_over_a_foot(const Block& b, std::size_t b_index, bool foot) {
    foot_follows_ = foot;
    flush(pending_, b, b_index, false);
    foot_follows_ = false;
  }

  // Nothing but a page's foot lines (责任编辑…) after line k in its block.
  bool only_foot_after(const Block& b, std::size_t k) const {
    for (std::size_t j = k + 1; j < b.end; ++j)
      if (!running_head(page.lines[j])) return false;
    return true;
  }

  Took credit_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    // Credits close a block: this line and all after it must be credits.
    std::vector<People>& credits = credits_;
    credits.clear();
    bool all = true;
    for (std::size_t k = i; k < b.end && all; ++k) all = credit_line(k, credits);
    if (all) {
      if (headline_before_a_credit(b, credits)) {
        std::vector<Span> head = std::move(pending_);
        pending_.clear();
        push(Role::Headline, "headline before a credit", std::move(head), b.blanks_before, 0);
      }
      flush_over_a_foot(b, b_index, !credits.empty() && credits.front().photo);
      push_credits(b, i, credits);
      return Took::Rest;
    }
    // Where no blank line sets it apart, a credit that names a role, a photographer or a
    // source still closes its story (本报记者 张三摄), also when the dump wrapped its
    // last character onto a line of its own (九龙坡区融媒体中心 董志飞 程凤 / 杰).
    People p;
    const std::size_t end = strong_credit(i, p);
    if (end == std::string_view::npos) return Took::Nothing;
    flush_over_a_foot(b, b_index, p.photo && only_foot_after(b, end));
    std::vector<Span> spans{whole(i)};
    if (end > i) spans.push_back(whole(end));
    push(Role::Credit, "credit line", std::move(spans), blanks_before(b, i), end < b.end ? blanks_after(b, end) : 0).people = std::move(p);
    i = end + 1;
    if (end < b.end) return Took::Lines;
    resume_ = end + 1;  // it ran on into a later block: go on from there
    return Took::Rest;
  }
};

}  // namespace

std::vector<Unit> classify(const PageLines& page) {
  Classifier c(page);
  for (std::size_t b = 0; b < page.blocks.size(); ++b) c.block(b);
  read_by_neighbours(c.units, page);
  return std::move(c.units);
}

}  // namespace newsplit
