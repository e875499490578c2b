#include "by_neighbours.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "newsplit/conventions.hpp"
#include "newsplit/rules.hpp"
#include "newsplit/unicode.hpp"
#include "cohesion.hpp"

namespace newsplit {
namespace cv = conventions;

namespace {
using rules::kHeadlineMaxChars;
using rules::kPeopleMaxChars;
using unicode::has_any;

// A credit's names broken over a line, also across a blank line (渝北区融媒体中心 侯飞 / 竹 龙峰):
// a line that opens with one Han character, a name's last, and goes on with names only, right
// after a credit line, is the credit's end. No name is one character long.
void credit_names_broken_over_a_line(std::vector<Unit>& units) {
  constexpr int kMostBlanks = 1;
  for (std::size_t k = 1; k < units.size(); ++k) {
    Unit &credit = units[k - 1], &next = units[k];
    if (credit.role != Role::Credit || credit.people.names.empty() || next.spans.size() != 1 ||
        (next.role != Role::Text && next.role != Role::Headline) || next.blanks_before > kMostBlanks)
      continue;
    const std::string_view t = next.spans[0].text;
    const auto tokens = cv::tokens(t);
    const std::size_t count = tokens.size();
    if (count < 2 || t.size() > kPeopleMaxChars * 3 || has_any(t, cv::is_prose_mark)) continue;
    const std::string_view tail = tokens.front();
    if (unicode::count(tail) != 1 || !unicode::is_han(unicode::first(tail))) continue;
    People more;
    const std::string_view rest = unicode::trim(t.substr(tail.size()));
    if (!rules::people(rest, true, &more) || more.names.size() + 1 != count || more.has_role || more.has_source || more.photo)
      continue;
    credit.people.names.back().append(tail);
    credit.people.names.insert(credit.people.names.end(), more.names.begin(), more.names.end());
    credit.people.text.append(tail);
    credit.people.text += ' ';
    credit.people.text.append(more.text);
    credit.spans.push_back(next.spans[0]);
    credit.blanks_after = next.blanks_after;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k));
  }
}

// A picture's credit set directly under its caption (图为… / （…供图）) is part of the caption,
// also where the dump gives no blank line and the caption's short last line ended its block.
void join_caption_credits(std::vector<Unit>& units, const TextShape& shape) {
  // A caption that ends with its credit began where the text before it stopped mid-sentence
  // with no blank line between (the dump cut it at a line wider or shorter than the column).
  // Not where each line is a paragraph: there a caption stands inside the sentence it cuts
  // (…全产业链生态体 / 重庆首批智能网联车…亮相 摄/曾诚 / 系，做强…), and the line before is text.
  constexpr std::size_t kCaptionHead = 3;  // lines
  for (std::size_t k = 1; k < units.size() && !shape.line_each; ++k) {
    Unit &before = units[k - 1], &cap = units[k];
    if (cap.role != Role::Caption || std::string_view(cap.rule) != "caption ends with a photo credit" || cap.spans.size() > 1 ||
        before.role != Role::Text || before.blanks_after != 0 || cap.blanks_before != 0 || before.spans.size() > kCaptionHead ||
        before.opens_story || cv::ends_unit(before.spans.back().text))
      continue;
    cap.spans.insert(cap.spans.begin(), before.spans.begin(), before.spans.end());
    cap.blanks_before = before.blanks_before;
    cap.first_on_page = before.first_on_page;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k - 1));
    --k;
  }
  for (std::size_t k = 0; k + 1 < units.size(); ++k) {
    Unit &cap = units[k], &credit = units[k + 1];
    if (cap.role != Role::Caption || credit.role != Role::Caption || cap.blanks_after != 0 || credit.blanks_before != 0 ||
        std::string_view(credit.rule) != "caption ends with a photo credit" || !rules::caption_start(cap.spans.front().text))
      continue;
    cap.spans.insert(cap.spans.end(), credit.spans.begin(), credit.spans.end());
    cap.blanks_after = credit.blanks_after;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
  // The photographer's mark wrapped alone onto the line under a caption (…本报记者 陈力 / 摄)
  // ends the caption's credit.
  for (std::size_t k = 0; k + 1 < units.size(); ++k) {
    Unit &cap = units[k], &mark = units[k + 1];
    if (cap.role != Role::Caption || mark.role != Role::Credit || cap.blanks_after != 0 || mark.blanks_before != 0 ||
        mark.spans.size() != 1 || unicode::trim(mark.spans[0].text) != "摄")
      continue;
    cap.spans.push_back(mark.spans[0]);
    cap.blanks_after = mark.blanks_after;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
  // So does the end of a photographer's name wrapped with the mark (…新华社记者 王 / 静摄):
  // a short line, no credit on its own, that read on from the caption's last line ends it
  // with a credit.
  constexpr std::size_t kNameEndChars = 3;  // one or two characters of the name, and 摄
  for (std::size_t k = 0; k + 1 < units.size(); ++k) {
    Unit &cap = units[k], &end = units[k + 1];
    if (cap.role != Role::Caption || end.spans.size() != 1 || cap.blanks_after != 0 || end.blanks_before != 0) continue;
    const std::string_view last = cap.spans.back().text, rest = unicode::trim(end.spans[0].text);
    if (!rest.ends_with("摄") || unicode::count(rest) > kNameEndChars || rules::photo_credit_end(last) ||
        !rules::photo_credit_end(std::string(last) + std::string(rest)))
      continue;
    // (A whole credit there, 本报记者 / 陈维摄, closes what stands before it on its own.)
    if (People whole; rules::credit(rest, &whole) && !whole.names.empty()) continue;
    cap.spans.push_back(end.spans[0]);
    cap.blanks_after = end.blanks_after;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
}

// Whether units[k] is a photo item's text: a sentence or two closed by a photographer's credit.
bool photo_item_at(const std::vector<Unit>& units, std::size_t k) {
  constexpr std::size_t kItemMostChars = 200;
  if (k + 1 >= units.size() || units[k].role != Role::Text || units[k + 1].role != Role::Credit || !units[k + 1].people.photo) return false;
  std::size_t chars = 0;
  for (const Span& sp : units[k].spans) chars += unicode::count(sp.text);
  return chars <= kItemMostChars;
}

// Whether the text names any of these people: a name over a text about that person is its
// headline (周恩来 over a story about him), not the credit of the story before.
bool named_in(const Unit& text, const People& p) {
  for (const Span& sp : text.spans)
    for (const std::string& name : p.names)
      if (sp.text.find(name) != std::string_view::npos) return true;
  return false;
}

// Whether the first text after units[k], past the headlines and openers between, names any
// of these people: names over a story about them open its headline (商竣程晋级澳 / 网男单第二轮
// over 中国选手商竣程…), they are not the credit of the story before.
bool names_the_next_story(const std::vector<Unit>& units, std::size_t k, const People& p) {
  for (std::size_t j = k + 1; j < units.size(); ++j) {
    const Role r = units[j].role;
    if (r == Role::Text) return named_in(units[j], p);
    if (r != Role::Headline && r != Role::Byline && r != Role::Dateline && r != Role::Caption) return false;
  }
  return false;
}

// A headline wraps with its first line full: one name on a line of its own over a longer line
// (王伟健 / 一起来玩腰旗 / 橄榄球, 沈和 / 平陆运河4座…) is no headline's first line.
bool name_over_a_longer_line(const Unit& unit, const People& p) {
  if (p.names.size() != 1 || unit.spans.size() < 2 || unit.spans[0].text != p.names[0]) return false;
  const std::size_t chars = unicode::count(p.names[0]);
  return unicode::count(unit.spans[1].text) > chars && (chars == 3 || !cv::two_characters_a_word(p.names[0]));
}

// A line of bare names (杜策广, 田良莉 贺启欢): a single line that a headline or a credit
// rule took, holding names only (a token that is none is a role, a source or no person).
bool bare_names(const Unit& unit, People& p) {
  constexpr std::size_t kMostChars = 3;  // a single bare name; longer ones are words as often
  if ((unit.role != Role::Headline && unit.role != Role::Credit) || unit.spans.size() != 1) return false;
  const std::string_view t = unit.spans[0].text;
  // Names only: a token that is none (nor two set close together) is a role, a source or no
  // person at all; most lines asked about go here, before the people are read.
  constexpr std::size_t kGluedBytes = 3 * 6;
  for (std::string_view token : cv::name_tokens(t))
    if (!cv::is_name(token, false) && token.size() > kGluedBytes) return false;
  if (!rules::people(t, true, &p) || p.names.empty() || p.has_role || p.has_source) return false;
  return p.names.size() > 1 || unicode::count(p.names[0]) <= kMostChars;
}

// Where no blank line sets a headline apart, a column can stop mid-sentence right over the
// headline of the next story (…卢某与杜某离婚 / 一场学术争鸣缘何 / 成为一堂全民历史 / 课 /
// 秦竹玲 / 　　矗立河源…): bare names over a paragraph's opening are that story's byline, and
// the lines right above them with no prose mark, up to the last line that has one, are its
// headline, whatever the sentence above did.
void headline_over_bare_names(std::vector<Unit>& units, const PageLines& page) {
  constexpr std::size_t kMostLines = 3;  // a one-column headline wraps over three lines at most
  for (std::size_t k = 1; k + 1 < units.size(); ++k) {
    Unit& text = units[k - 1];
    const Unit& after = units[k + 1];
    if (text.role != Role::Text || after.role != Role::Text || units[k].role != Role::Headline || units[k].spans.size() != 1 ||
        units[k].blanks_before > 0)
      continue;
    const Line& opening = page.lines[after.spans.front().line];
    if (page.shape.indents && opening.indent < rules::kParagraphIndent) continue;
    // The tail: whole lines in a row with no prose mark, after a line that has one.
    std::size_t n = 0;
    while (n < text.spans.size() && n <= kMostLines) {
      const Span& sp = text.spans[text.spans.size() - 1 - n];
      const Line& l = page.lines[sp.line];
      if (l.prose_marks || l.justified || sp.text.size() != l.text.size()) break;
      ++n;
    }
    if (n == 0 || n > kMostLines || n == text.spans.size()) continue;
    const std::size_t from = text.spans.size() - n;
    if (!page.lines[text.spans[from - 1].line].prose_marks || text.spans.back().line + 1 != units[k].spans.front().line) continue;
    std::string joined;
    for (std::size_t q = from; q < text.spans.size(); ++q) joined.append(text.spans[q].text);
    if (!rules::headline_text(joined) || cv::word_continues(text.spans[from - 1].text, text.spans[from].text)) continue;
    People p;
    if (!bare_names(units[k], p) || (p.names.size() == 1 && cv::two_characters_a_word(p.names[0]))) continue;
    Unit head = text;
    head.spans.erase(head.spans.begin(), head.spans.begin() + static_cast<std::ptrdiff_t>(from));
    head.role = Role::Headline;
    head.rule = "headline over bare names, under a column cut short";
    head.first_on_page = false;
    text.spans.resize(from);
    text.blanks_after = 0;
    units.insert(units.begin() + static_cast<std::ptrdiff_t>(k), std::move(head));
    ++k;
  }
}

// A line of bare names, with nothing but a surname to say what it is, is read by where it
// stands: under a headline and over a body it is the byline; after a story's last sentence,
// before the next headline, a photo item or the page's foot, its credit.
void read_bare_names(std::vector<Unit>& units, bool lines_wrap) {
  auto role_at = [&](std::size_t k) { return k < units.size() ? units[k].role : Role::Furniture; };
  for (std::size_t k = 0; k < units.size(); ++k) {
    // A headline and the names under it with no blank line between read as one block
    // (球商培养宜早不宜迟 / 杜策广): the last line is the byline where the body follows.
    if (units[k].role == Role::Headline && units[k].spans.size() == 2 && role_at(k + 1) == Role::Text) {
      Unit names = units[k];
      names.spans.erase(names.spans.begin());
      People p;
      // (Two characters under a headline may be its wrapped end: 特色 / 鲜明.)
      if (bare_names(names, p) && (p.names.size() > 1 || unicode::count(p.names[0]) == 3 || !cv::two_characters_a_word(p.names[0]))) {
        units[k].spans.pop_back();
        units[k].blanks_after = 0;
        names.blanks_before = 0;
        names.first_on_page = false;
        units.insert(units.begin() + static_cast<std::ptrdiff_t>(k + 1), std::move(names));
        continue;  // the names are read as the unit after a headline, next
      }
    }
    // A story's credit and the next headline with no blank line between read as one block
    // (…交通支撑。 / 祝佳祺 庞革平 / 平陆运河4座跨运河桥梁建成 / 通车): after the story's last
    // sentence, a first line of two names or more, set apart by spaces, is that story's credit,
    // read next. (Glued, 商竣程晋级澳 would part as two names: a headline's line.)
    if (units[k].role == Role::Headline && units[k].spans.size() >= 2 && k > 0 && units[k - 1].role == Role::Text &&
        cv::ends_unit(units[k - 1].spans.back().text)) {
      Unit names = units[k];
      names.spans.resize(1);
      People p;
      if (bare_names(names, p) && ((p.names.size() > 1 && cv::tokens(names.spans[0].text).size() > 1) || name_over_a_longer_line(units[k], p)) &&
          !names_the_next_story(units, k, p)) {
        units[k].spans.erase(units[k].spans.begin());
        units[k].blanks_before = 0;
        units[k].first_on_page = false;
        names.blanks_after = 0;
        units.insert(units.begin() + static_cast<std::ptrdiff_t>(k), std::move(names));
      }
    }
    People p;
    if (!bare_names(units[k], p)) continue;
    const bool after_headline = k > 0 && units[k - 1].role == Role::Headline;
    const bool after_story = k > 0 && units[k - 1].role == Role::Text && cv::ends_unit(units[k - 1].spans.back().text);
    const bool after_closer = k > 0 && is_closer(units[k - 1].role);
    const Role next = role_at(k + 1);
    // (Where lines wrap at a column, two characters set right under a headline are as often
    // its wrapped end: 比赛上 / 强度, also across the blank line a dump by blocks sets there; and
    // a word of the headline's last line that runs on into them says they are, wherever the
    // line was cut: 跨运河桥梁建 / 成通车, 迎来开 / 门红.)
    const bool wrapped_end = p.names.size() == 1 && units[k].blanks_before <= 1 &&
                             ((lines_wrap && cv::two_characters_a_word(p.names[0])) ||
                              (after_headline && cv::word_continues(units[k - 1].spans.back().text, units[k].spans[0].text)));
    if (after_headline && next == Role::Text && !wrapped_end) {
      units[k].role = Role::Byline;
      units[k].rule = "bare names under a headline";
    } else if (after_closer && next == Role::Text && (p.names.size() > 1 || !cv::two_characters_a_word(p.names[0]))) {
      // A story ends at its credit or author note; names set right after it, over text, are
      // the author of the piece that starts there (its headline set elsewhere on the page).
      units[k].role = Role::Byline;
      units[k].rule = "bare names over a body after a closer";
    } else if (units[k].role == Role::Headline && after_story && !names_the_next_story(units, k, p) &&
               (k + 1 == units.size() || next == Role::Headline || next == Role::Byline || next == Role::Dateline ||
                next == Role::Furniture || (next == Role::Text && photo_item_at(units, k + 1) && !named_in(units[k + 1], p)))) {
      units[k].role = Role::Credit;
      units[k].rule = "bare names after a story";
    } else {
      continue;
    }
    units[k].people = std::move(p);
  }
}

// Nothing but the headline's own parts stands between a headline and the byline or dateline
// that opens its story: a short piece there with no prose mark is the headline's wrapped end
// (全岛封关后首个 / 小长假 / 海南文旅迎来开 / 门红 over a narrow column), not a body.
// A headline part wrapped over a narrow column: this many characters and lines at most.
constexpr std::size_t kHeadlinePartChars = 30;
constexpr std::size_t kHeadlinePartLines = 3;

// Text units from `from` that may be a headline part's pieces: short, no prose mark.
struct Pieces {
  std::size_t chars = 0, lines = 0;
  bool prose = false;
  int quotes_open = 0;  // opening quotes less closing ones, whatever order the pieces come in
  void add(const Unit& u) {
    for (const Span& sp : u.spans) {
      chars += unicode::count(sp.text);
      ++lines;
      if (prose || chars > kHeadlinePartChars || lines > kHeadlinePartLines) continue;  // (no headline: read no further)
      prose = prose || has_any(sp.text, [](char32_t c) { return cv::is_sentence_mark(c) || c == U'、'; });
      for (std::size_t i = 0; i < sp.text.size();) {
        const char32_t c = unicode::next(sp.text, i);
        quotes_open += (c == U'“') - (c == U'”');
      }
    }
  }
  // (A headline quotes a phrase whole, “川渝通办”再添新举措: its quotes close within the pieces.)
  bool headline_sized() const { return !prose && quotes_open == 0 && chars <= kHeadlinePartChars && lines <= kHeadlinePartLines; }
};

void headline_ends_before_openers(std::vector<Unit>& units) {
  for (std::size_t k = 1; k < units.size(); ++k) {
    if (units[k].role != Role::Text || units[k - 1].role != Role::Headline) continue;
    std::size_t end = k;
    Pieces pieces;
    for (; end < units.size() && units[end].role == Role::Text && !(end > k && units[end].opens_story); ++end) pieces.add(units[end]);
    const bool opener = end < units.size() && (units[end].role == Role::Byline || units[end].role == Role::Dateline);
    if (!opener || !pieces.headline_sized()) continue;
    for (std::size_t j = k; j < end; ++j) {
      units[j].role = Role::Headline;
      units[j].rule = "a headline's wrapped end before the byline";
    }
  }
}

// The same before a headline: after a sentence's end, short pieces with no prose mark right
// before a headline that a byline or dateline follows are that headline's first lines
// (优良水质比例提升近30个百 / 分点 / 地区生产总值翻一番多 over its byline): a paragraph's
// text would have gone on to a sentence's end.
void headline_starts_after_a_sentence(std::vector<Unit>& units) {
  for (std::size_t k = 2; k + 1 < units.size(); ++k) {
    if (units[k].role != Role::Headline || units[k - 1].role != Role::Text) continue;
    std::size_t next = k;
    while (next < units.size() && units[next].role == Role::Headline) ++next;
    if (next == units.size() || (units[next].role != Role::Byline && units[next].role != Role::Dateline)) continue;
    std::size_t from = k;
    for (Pieces pieces; from > 1 && units[from - 1].role == Role::Text && !units[from - 1].opens_story; --from) {
      Pieces more = pieces;
      more.add(units[from - 1]);
      if (!more.headline_sized()) break;
      pieces = more;
    }
    if (from == k) continue;
    const Unit& before = units[from - 1];
    const bool after_sentence = (before.role == Role::Text || before.role == Role::Caption) && cv::ends_sentence(before.spans.back().text);
    if (!after_sentence && !is_closer(before.role)) continue;
    // One part wrapped over the pieces' lines: one unit.
    Unit& part = units[from];
    part.role = Role::Headline;
    part.rule = "a headline's first lines after a sentence's end";
    for (std::size_t j = from + 1; j < k; ++j) part.spans.insert(part.spans.end(), units[j].spans.begin(), units[j].spans.end());
    part.blanks_after = units[k - 1].blanks_after;
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(from + 1), units.begin() + static_cast<std::ptrdiff_t>(k));
    k = from + 1;
  }
}

// A viewer's copy (a block's line ends turned into spaces) may join a paragraph's last line,
// or an author note, and the first line of the headline under it (…领土完整和主权问题。 柬埔寨
// 再次提议举行柬泰联合边界委员会 / 特别会议 / byline): what follows the sentence's end (or the
// note's bracket) and a space, with no prose mark, begins the headline whose end stands over
// the byline or dateline, where the two read as one headline.
void headline_begun_after_a_paragraph(std::vector<Unit>& units) {
  for (std::size_t k = 1; k + 1 < units.size(); ++k) {
    Unit &before = units[k - 1], &head = units[k];
    if (head.role != Role::Headline || head.spans.size() != 1 || !is_opener(units[k + 1].role) ||
        (before.role != Role::Text && before.role != Role::Note) || before.blanks_after != 0 || head.blanks_before != 0)
      continue;
    Span& last = before.spans.back();
    const std::string_view t = last.text;
    for (std::size_t i = t.find(' '); i != std::string_view::npos; i = t.find(' ', i + 1)) {
      const std::string_view lead = unicode::trim(t.substr(0, i)), tail = unicode::trim(t.substr(i));
      const bool ended = before.role == Role::Text ? cv::ends_sentence(lead) : (lead.ends_with("）") || lead.ends_with(")"));
      if (!ended || tail.empty() || unicode::has_any(tail, cv::is_prose_mark)) continue;
      std::string joined;
      for (std::size_t j = 0; j < tail.size();) {
        const std::size_t at = j;
        if (!unicode::is_space(unicode::next(tail, j))) joined.append(tail.substr(at, j - at));
      }
      joined.append(head.spans.front().text);
      if (!rules::headline_text(joined)) break;
      head.spans.insert(head.spans.begin(), Span{last.line, tail});
      head.rule = "a headline begun after a paragraph on its line";
      last.text = lead;
      break;
    }
  }
}

// Where the pieces units[from, to) read as one or two headline parts, each of one or two
// pieces ending no sentence: the index of each part's first piece; none where they do not.
// Two pieces alone are one part if they read as one headline; of three or four, a part's
// two pieces are those a word, a quote or a number runs on across.
std::vector<std::size_t> headline_parts_in_pieces(const std::vector<Unit>& units, std::size_t from, std::size_t to) {
  std::vector<std::string> texts;  // each piece's lines, joined
  for (std::size_t j = from; j < to; ++j) {
    if (cv::ends_unit(units[j].spans.back().text)) return {};
    texts.push_back(units[j].text());
  }
  auto text = [&](std::size_t j) { return std::string_view(texts[j - from]); };
  if (to - from <= 2) {
    const std::string_view second = to - from == 2 ? text(from + 1) : std::string_view{};
    if (!rules::headline_text(text(from), second)) return {};
    return {from};
  }
  std::vector<std::size_t> parts;
  for (std::size_t j = from; j < to;) {
    const bool pair = j + 1 < to && cv::wraps_onto(units[j].spans.back().text, units[j + 1].spans.front().text);
    if (!rules::headline_text(text(j), pair ? text(j + 1) : std::string_view{})) return {};
    parts.push_back(j);
    j += pair ? 2 : 1;
  }
  constexpr std::size_t kMostParts = 2;
  if (parts.size() > kMostParts) return {};
  return parts;
}

// A headline wrapped by the dump into pieces of text of their own (\"让市花开遍街巷,开进更多人的 /
// 日子里\"), between a sentence's end (or a story's closer) and the byline or dateline that
// opens its story: one or two short pieces that read as a headline's text when joined, each
// ending no sentence, are that story's headline. A headline of two parts may come in four
// pieces (“智博杯”大赛创新作品“落地 / 生金” / 重庆工业设计呈现蓬 / 勃发展新气象), each part's
// two pieces tied where a word, a quote or a number runs on across the cut. A piece may be
// two lines (更暖心，助餐服务 / 走进“一刻钟便民 / blank / 圈”), and a kicker may stand before.
// Where paragraphs open indented, the story's indented opening marks its start as an opener
// does (湖南长沙 / 更安心，托育服务 / 嵌入“15分钟生 / blank / 活圈” / 　　早上7点半…).
void headline_in_pieces_before_an_opener(std::vector<Unit>& units, const PageLines& page) {
  constexpr std::size_t kMostPieces = 4, kMostLines = 4, kMostPieceLines = 2;
  auto opens_indented = [&](const Unit& u) { return u.role == Role::Text && rules::opens_indented(page, u.spans.front().line); };
  for (std::size_t k = 1; k < units.size(); ++k) {
    if (units[k].role != Role::Byline && units[k].role != Role::Dateline && !opens_indented(units[k])) continue;
    std::size_t from = k, lines = 0;
    while (from > 0 && k - from < kMostPieces && units[from - 1].role == Role::Text && units[from - 1].spans.size() <= kMostPieceLines &&
           lines + units[from - 1].spans.size() <= kMostLines && !units[from - 1].opens_story)
      lines += units[--from].spans.size();
    // Back to the piece after a sentence's end (or a closer): more pieces than that are text.
    auto ends_before = [&](std::size_t at) {
      const Unit& before = units[at - 1];
      return (before.role == Role::Text && cv::ends_sentence(before.spans.back().text)) || is_closer(before.role) || before.role == Role::Headline;
    };
    while (from < k && (from == 0 || !ends_before(from))) ++from;
    if (from == k || from == 0) continue;
    const std::vector<std::size_t> parts = headline_parts_in_pieces(units, from, k);
    if (parts.empty()) continue;
    // Each part's pieces become one headline unit, from the last part back.
    for (std::size_t p = parts.size(); p-- > 0;) {
      const std::size_t at = parts[p], until = p + 1 < parts.size() ? parts[p + 1] : k;
      Unit& head = units[at];
      head.role = Role::Headline;
      head.rule = "a headline in pieces of text before its story's opener";
      for (std::size_t j = at + 1; j < until; ++j) {
        head.spans.insert(head.spans.end(), units[j].spans.begin(), units[j].spans.end());
        head.blanks_after = units[j].blanks_after;
      }
      units.erase(units.begin() + static_cast<std::ptrdiff_t>(at + 1), units.begin() + static_cast<std::ptrdiff_t>(until));
    }
    k = from + parts.size();
  }
}

// A quoted headline may wrap at a comma inside its quotes (“书香飘进田间地头， / 让乡亲们都爱读 /
// 书”): after a story's end (its last sentence, its credit, or a caption's), a line of text
// that stops well short of its column and opens a quote that the next piece closes, a headline
// or a line or two well short of the column themselves, is one headline with it. A line of
// prose runs on to the column's end.
void quoted_headline_wrapped_at_a_comma(std::vector<Unit>& units, const PageLines& page) {
  constexpr int kWellShortOfColumn = 8;  // half-ems: four characters
  constexpr std::size_t kMostLines = 2;
  auto well_short = [&](const Span& sp) {
    const Line& l = page.lines[sp.line];
    return l.column > 0 && l.extent() <= l.column - kWellShortOfColumn && !cv::ends_sentence(sp.text);
  };
  for (std::size_t k = 2; k < units.size(); ++k) {
    Unit& head = units[k];
    const Unit& line = units[k - 1];
    const Unit& before = units[k - 2];
    if (line.role != Role::Text || line.spans.size() != 1 || !well_short(line.spans[0])) continue;
    if (head.role != Role::Headline &&
        (head.role != Role::Text || head.spans.size() > kMostLines || !std::all_of(head.spans.begin(), head.spans.end(), well_short)))
      continue;
    const bool after_end = is_closer(before.role) || before.role == Role::Headline ||
                           ((before.role == Role::Text || before.role == Role::Caption) && cv::ends_unit(before.spans.back().text));
    const std::string_view first = line.spans[0].text;
    if (!after_end || cv::balanced(first, {}) || !cv::balanced(first, head.text())) continue;
    head.spans.insert(head.spans.begin(), line.spans[0]);
    head.role = Role::Headline;
    head.blanks_before = line.blanks_before;
    head.first_on_page = line.first_on_page;
    head.rule = "a quoted headline wrapped at its comma";
    units.erase(units.begin() + static_cast<std::ptrdiff_t>(k - 1));
    --k;
  }
}

// A byline stands between a headline and its body: headline-shaped lines right under the
// byline of a headline open the body (a first sentence cut short by the dump), not another
// article's headline, unless a byline or dateline of their own follows them (追求实实在在的政 /
// 绩 / ■莫新凝 / 全国宣传部长会议 / 在京召开 / 本报记者 杨蓉): a body's opening is no headline
// over an opener, the next story is.
void body_under_a_headlines_byline(std::vector<Unit>& units) {
  for (std::size_t k = 2; k < units.size(); ++k) {
    if (units[k].role != Role::Headline || units[k - 1].role != Role::Byline || units[k - 2].role != Role::Headline) continue;
    std::size_t end = k;
    while (end < units.size() && units[end].role == Role::Headline) ++end;
    if (end < units.size() && is_opener(units[end].role)) continue;
    for (std::size_t j = k; j < end; ++j) {
      units[j].role = Role::Text;
      units[j].rule = "the body's opening under a headline's byline";
    }
  }
}

// Where a lead phrase ends in a paragraph's first line (0: none): a headline's shape, then an
// ideographic space or a wide gap, then the text.
std::size_t lead_phrase_end(std::string_view line) {
  constexpr std::size_t kLeastChars = 4;
  std::size_t at = line.find("\u3000");
  if (const std::size_t gap = line.find("  "); gap < at) at = gap;
  if (at == std::string_view::npos || at == 0) return 0;
  const std::string_view phrase = unicode::trim(line.substr(0, at)), rest = unicode::trim(line.substr(at));
  if (rest.empty() || cv::continues_text(unicode::first(rest)) || unicode::count(phrase) < kLeastChars ||
      unicode::count(phrase) > static_cast<std::size_t>(kHeadlineMaxChars) || phrase.find(' ') != std::string_view::npos ||
      !rules::headline_text(phrase))
    return 0;
  return at;
}

// Brief columns (要闻简报, 简讯) print each item's lead phrase in bold before its text on the
// same line (冬季用电负荷创新高　入冬以来，…): where two or more paragraphs in a row open so,
// each phrase is its item's headline.
void brief_lead_phrases(std::vector<Unit>& units) {
  constexpr std::size_t kLeastItems = 2;
  std::vector<std::size_t> ends;  // where each text unit's lead phrase ends (0: none), over a run
  for (std::size_t k = 0; k < units.size();) {
    if (units[k].role != Role::Text) {
      ++k;
      continue;
    }
    std::size_t end = k, items = 0;  // the run of text units from k
    ends.clear();
    for (; end < units.size() && units[end].role == Role::Text; ++end) {
      ends.push_back(lead_phrase_end(units[end].spans.front().text));
      items += ends.back() > 0;
    }
    if (items < kLeastItems || ends.front() == 0) {
      k = end;
      continue;
    }
    for (std::size_t j = k, e = 0; j < end; ++j, ++e) {
      const Span first = units[j].spans.front();
      const std::size_t at = ends[e];
      if (at == 0) continue;
      Unit head = units[j];
      head.role = Role::Headline;
      head.rule = rules::kBriefLeadPhrase;
      head.spans = {Span{first.line, unicode::trim(first.text.substr(0, at))}};
      head.blanks_after = 0;
      units[j].spans.front().text = unicode::trim(first.text.substr(at));
      units[j].blanks_before = 0;
      units[j].first_on_page = false;
      units.insert(units.begin() + static_cast<std::ptrdiff_t>(j), std::move(head));
      ++j;
      ++end;
    }
    k = end;
  }
}

// A page head that names its section (第1版 要闻; 第3版评论, where the dump lost the space).
bool names_its_section(const Unit& head) {
  bool after_label = false;
  for (const Span& sp : head.spans)
    for (std::string_view t : cv::tokens(sp.text)) {
      if (cv::is_section_word(t, after_label)) return true;
      after_label = cv::is_page_label(t);
      const std::size_t label_end = t.find("版");
      if (!after_label && label_end != std::string_view::npos) {
        const std::size_t rest = label_end + std::string_view("版").size();
        if (rest < t.size() && cv::is_page_label(t.substr(0, rest)) && cv::is_section_word(t.substr(rest), true)) return true;
      }
    }
  return false;
}

// A section's name is printed with the page head (影像 / 4 人民日报 2026.01.06, 区县传真 10):
// a short line right beside a page head or editor line at the page's top or foot is furniture.
void section_names_beside_heads(std::vector<Unit>& units) {
  constexpr std::size_t kEdgeUnits = 4;     // the page's top and foot: this many units from either end
  constexpr std::size_t kSectionChars = 8;  // a section's name, a page number beside it
  auto is_head = [&](std::size_t k) {
    return units[k].role == Role::Furniture && std::string_view(units[k].rule) == "running head";
  };
  auto section_like = [&](const Unit& unit) {
    if (unit.role != Role::Headline || unit.spans.size() != 1) return false;
    const std::string_view t = unit.spans[0].text;
    const auto toks = cv::tokens(t);
    if (toks.empty() || unicode::count(toks.front()) > kSectionChars || toks.size() > 2) return false;
    // (A section is named in words; a quantity, 600万千瓦 or 突破600万千瓦, ends a headline
    // wrapped onto it.)
    if (std::any_of(toks.front().begin(), toks.front().end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return toks.size() == 1 || std::all_of(toks.back().begin(), toks.back().end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A head split over lines (2021年7月20日 星期二 / 重庆日报 / 第4版 要闻): lines of nothing but
  // the paper's name, page labels, section names, dates and weekdays, one of them the paper's
  // name or a page label.
  auto rest_of_head = [&](const Unit& unit) {
    // (A line of its own in the head's block is read as text: nothing else stands by it.)
    if (unit.role != Role::Headline && !(unit.role == Role::Text && unit.spans.size() == 1)) return false;
    bool named = false, after_label = false;
    for (const Span& sp : unit.spans)
      for (std::string_view t : cv::tokens(sp.text)) {
        const bool paper = cv::is_paper_name(t), label = cv::is_page_label(t);
        const bool section = cv::is_section_word(t, after_label);
        named = named || paper || label;
        after_label = label;
        if (!paper && !label && !section && !cv::find_date(t) && !t.starts_with("星期")) return false;
      }
    return named;
  };
  const std::size_t n = units.size();
  // A page has one section: where a section's own name stands by a head at the foot (文化,
  // 理论周刊), another short line over that head is no second name but the headline of a story
  // set last (at the top, under the head, such a line is the page's banner: 聚焦高质量发展).
  auto section_named_near = [&](std::size_t k) {
    for (std::size_t u = k >= kEdgeUnits ? k - kEdgeUnits : 0; u < std::min(n, k + kEdgeUnits + 1); ++u)
      if (units[u].spans.size() == 1 && cv::is_section_name(units[u].spans[0].text)) return true;
    return false;
  };
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_head(k) || (k >= kEdgeUnits && k + kEdgeUnits < n)) continue;
    for (std::size_t j : {k - 1, k + 1}) {
      if (j < n && rest_of_head(units[j])) {
        units[j].role = Role::Furniture;
        units[j].rule = "running head";
        continue;
      }
      if (j >= n || !section_like(units[j])) continue;
      // Under the head, a headline heads its body (or a byline, a dateline): a section's name
      // does not; nor is there a second name under a head that names its section.
      const Role next = j + 1 < n ? units[j + 1].role : Role::Furniture;
      if (j > k && (next == Role::Text || is_opener(next) || names_its_section(units[k]))) continue;
      if (j < k && k + kEdgeUnits >= n && !cv::is_section_name(units[j].spans[0].text) && section_named_near(k)) continue;
      units[j].role = Role::Furniture;
      units[j].rule = "section name";
    }
  }
}

// A photo item set under another story with no blank line or headline between (a sentence
// or two, then its photographer's credit) is a story of its own where its text does not go
// on with the story before it (lexical cohesion, as for headlines: layout.hpp).
void split_photo_items(std::vector<Unit>& units) {
  constexpr std::size_t kItemMost = 200, kItemLeast = 10;  // a photo item's text, Han characters
  constexpr std::size_t kStoryBefore = 300, kEnoughBefore = 60;
  constexpr double kCohesive = 0.05;
  thread_local cohesion::PairSet before, after;
  for (std::size_t k = 1; k < units.size(); ++k) {
    if (units[k].role != Role::Credit || !units[k].people.photo || units[k - 1].role != Role::Text) continue;
    std::size_t first = k - 1;  // the run of text units before the credit
    while (first > 0 && units[first - 1].role == Role::Text && !units[first].opens_story) --first;
    // Every line start after a sentence's end is a place the item may begin.
    std::vector<std::pair<std::size_t, std::size_t>> places;  // (unit, span)
    std::vector<Span> all;
    for (std::size_t t = first; t < k; ++t)
      for (std::size_t sp = 0; sp < units[t].spans.size(); ++sp) {
        if (!all.empty() && cv::ends_unit(all.back().text)) places.emplace_back(t, sp);
        all.push_back(units[t].spans[sp]);
      }
    double best = kCohesive;
    std::size_t best_at = places.size();
    std::size_t offset = 0;  // index in `all` of the place
    for (std::size_t q = 0; q < places.size(); ++q) {
      offset = 0;
      for (std::size_t t = first; t < places[q].first; ++t) offset += units[t].spans.size();
      offset += places[q].second;
      const std::vector<Span> head(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(offset));
      const std::vector<Span> item(all.begin() + static_cast<std::ptrdiff_t>(offset), all.end());
      after.clear();
      before.clear();
      const std::size_t han_item = cohesion::walk_spans(item, kItemMost + 1, false, [&](char32_t a, char32_t b) { after.insert(cohesion::pair(a, b)); });
      if (han_item > kItemMost || han_item < kItemLeast) continue;
      const std::size_t han_head = cohesion::walk_spans(head, kStoryBefore, true, [&](char32_t a, char32_t b) { before.insert(cohesion::pair(a, b)); });
      if (han_head < kEnoughBefore || after.size() == 0) continue;
      std::size_t found = 0;
      cohesion::walk_spans(item, kItemMost, false, [&](char32_t a, char32_t b) { found += before.contains(cohesion::pair(a, b)); });
      // (pairs that recur in the item count once for each time: a close enough measure here)
      const double c = static_cast<double>(found) / static_cast<double>(after.size());
      if (c < best) best = c, best_at = q;
    }
    if (best_at == places.size()) continue;
    const auto [t, sp] = places[best_at];
    if (sp == 0) {
      units[t].opens_story = true;
      continue;
    }
    Unit item = units[t];
    item.spans.erase(item.spans.begin(), item.spans.begin() + static_cast<std::ptrdiff_t>(sp));
    item.blanks_before = 0;
    item.opens_story = true;
    item.rule = "a photo item's text";
    item.first_on_page = false;
    units[t].spans.resize(sp);
    units[t].blanks_after = 0;
    units.insert(units.begin() + static_cast<std::ptrdiff_t>(t + 1), std::move(item));
    ++k;
  }
}

}  // namespace

void read_by_neighbours(std::vector<Unit>& units, const PageLines& page) {
  join_caption_credits(units, page.shape);
  credit_names_broken_over_a_line(units);
  section_names_beside_heads(units);
  if (!page.shape.line_each) headline_over_bare_names(units, page);
  // (A quoted headline is whole before the names over it are read.)
  if (!page.shape.line_each) quoted_headline_wrapped_at_a_comma(units, page);
  read_bare_names(units, !page.shape.line_each);
  headline_ends_before_openers(units);
  headline_starts_after_a_sentence(units);
  headline_begun_after_a_paragraph(units);
  headline_in_pieces_before_an_opener(units, page);
  body_under_a_headlines_byline(units);
  split_photo_items(units);
  brief_lead_phrases(units);
}

}  // namespace newsplit
