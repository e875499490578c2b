// Blocks (lines.hpp): measured lines in, the pieces of text a page is read in out.
// A blank line ends a piece; so, on dumps that have none (pdftotext -raw, PyMuPDF's plain
// text) or few, do an indent, a line clearly shorter than its column, a line wider than
// every column around it, and on a page of one paragraph a line, every line end.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <vector>

#include "newsplit/conventions.hpp"
#include "newsplit/lines.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

namespace cv = conventions;

namespace {

// A paragraph's last line, a headline or a credit line falls short of the column by three
// characters or more; full lines of one column differ by less (digits and squeezed marks).
constexpr int kShortBy = 6;
// A headline spanning columns reaches past them by two characters or more.
constexpr int kWiderBy = 4;
// A line that runs past its column by a character is none of its lines.
constexpr int kPastColumnBy = 2;
// The most characters a headline's line holds (as the role rules read headlines).
constexpr int kHeadlineLineChars = 36;
// After a sentence's end, a line that stops short of its column by more than a character
// (more than a paragraph's first line does: dumps that drop indents leave those short) and
// runs into no word of the next line is a piece of its own (a headline, a credit).
constexpr int kStopsShortBy = 3;
// An indent is a character's width or more.
constexpr int kIndent = 2;
// A column is a width that wrapped lines share: this many of them within a half-em or two
// (squeezed marks and digits make full lines a little narrower, never wider), and a fifth
// as many as share the commonest width (a few headlines of one length make no column).
constexpr int kColumnLines = 4;
constexpr double kColumnShare = 0.2;
constexpr int kColumnBelow = 3, kColumnAbove = 1;
// Whether a column is in use around a line: lines of its width among this many either side.
constexpr std::size_t kColumnWindow = 12;
constexpr int kColumnNearby = 3;
// Widths counted for columns (wider lines are no column's).
constexpr int kWidestColumn = 200;
// Lines of more than forty characters are paragraphs set on one line, not a column's lines;
// a page where a fifth of the lines are so long is one paragraph a line.
constexpr int kParagraphLine = 80;
constexpr double kLineEachShare = 0.2;
// Blank lines mark paragraphs where most paragraph ends (short lines ending a sentence) are
// followed by one; with fewer such ends than this, a page with blank lines is taken to.
constexpr int kParagraphEndsSeen = 4;
constexpr double kBlankAfterEnds = 0.5;
// Indented lines on a page whose paragraphs open indented: a few, and a share of the text.
constexpr int kIndentedLines = 3;
constexpr double kIndentedShare = 0.03;

// Width of a layout space, half-em units: the ideographic and em spaces are a character wide.
int space_width(char32_t c) {
  if (c == 0x3000 || c == 0x2001 || c == 0x2003) return 2;
  if (c == 0x200B || c == 0xFEFF) return 0;
  return 1;
}

// The layout whitespace between the start of the line and its (trimmed) text.
int indent_of(std::string_view page, const Line& l) {
  std::size_t i = static_cast<std::size_t>(l.text.data() - page.data());
  int w = 0;
  while (i > 0 && page[i - 1] != '\n') {
    std::size_t j = i;
    const char32_t c = unicode::prev(page, j);
    if (!unicode::is_space(c)) break;
    w += c == '\r' ? 0 : space_width(c);
    i = j;
  }
  return w;
}

// Only a line ending in a photo mark or a bracket can end with a credit (asked of every line
// pair: the full test reads the line). Not a justified line: its spaced characters would read
// as tokens of a credit.
bool may_end_photo_credit(const Line& l) {
  return !l.justified && (l.last == U'）' || l.last == U')' || l.last == U'摄' || l.last == U'影' || l.last == U'攝' || l.last == U'发' ||
                           l.last == U'国');
}

// The widths that wrapped lines share on this page (a line that runs on into the next,
// not ending a sentence, filled its column): each a peak of their histogram, strongest first.
// A column's lines come in runs of one width; a headline or a credit of that width stands alone.
std::vector<int> column_widths(const std::vector<Line>& lines) {
  std::array<int, kWidestColumn + 2> at{};
  int wrapped = 0;
  // A photographer's credit is set to its own width, whatever the column's: it makes no
  // column, nor does a line beside it (an item's credit over the next item's headline, one
  // under the other on a photo page).
  auto own_width = [&](const Line& l) { return !l.prose_marks && may_end_photo_credit(l) && cv::ends_photo_credit(l.text); };
  auto alike = [&](std::size_t k, std::size_t j) {
    return !lines[j].blank() && std::abs(lines[j].extent() - lines[k].extent()) <= kColumnBelow && !own_width(lines[j]);
  };
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    const Line& l = lines[k];
    if (l.blank() || lines[k + 1].blank() || l.extent() > kWidestColumn || cv::ends_unit(l.text)) continue;
    if ((!alike(k, k + 1) && !(k > 0 && alike(k, k - 1))) || own_width(l)) continue;
    ++at[static_cast<std::size_t>(l.extent())];
    ++wrapped;
  }
  auto count = [&](int from, int to) {
    int n = 0;
    for (int v = std::max(0, from); v <= std::min(kWidestColumn, to); ++v) n += at[static_cast<std::size_t>(v)];
    return n;
  };
  int need = std::max(kColumnLines, wrapped / 20);
  std::vector<int> widths;
  for (;;) {
    // The commonest width (of two as common, the wider).
    int best = 0;
    for (int w = 1; w <= kWidestColumn; ++w)
      if (at[static_cast<std::size_t>(w)] > 0 && at[static_cast<std::size_t>(w)] >= at[static_cast<std::size_t>(best)]) best = w;
    const int lines = count(best - kColumnBelow, best + kColumnAbove);
    if (lines < need) break;
    if (widths.empty()) need = std::max(need, static_cast<int>(kColumnShare * lines));
    widths.push_back(best);
    for (int v = std::max(0, best - kColumnBelow); v <= std::min(kWidestColumn, best + kColumnAbove); ++v) at[static_cast<std::size_t>(v)] = 0;
  }
  return widths;
}

// Each line's column: the narrowest of the page's column widths in use among the lines
// around it (a line is short only when it is short for every column there). `widest` gets
// the widest in use, for telling a line wider than all of them.
void assign_columns(std::vector<Line>& lines, const std::vector<int>& widths, std::vector<int>& widest) {
  std::vector<std::size_t> text;  // the non-blank lines, in order
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (!lines[k].blank()) text.push_back(k);
  widest.assign(lines.size(), 0);
  // For each width, how many of the first n text lines have it: a window's count is a difference.
  std::vector<std::vector<int>> counts(widths.size(), std::vector<int>(text.size() + 1, 0));
  for (std::size_t c = 0; c < widths.size(); ++c)
    for (std::size_t n = 0; n < text.size(); ++n) {
      const int e = lines[text[n]].extent();
      counts[c][n + 1] = counts[c][n] + (e >= widths[c] - kColumnBelow && e <= widths[c] + kColumnAbove);
    }
  for (std::size_t n = 0; n < text.size(); ++n) {
    const std::size_t from = n >= kColumnWindow ? n - kColumnWindow : 0, to = std::min(text.size(), n + kColumnWindow + 1);
    int narrow = 0, wide = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (counts[c][to] - counts[c][from] < kColumnNearby) continue;
      narrow = narrow ? std::min(narrow, widths[c]) : widths[c];
      wide = std::max(wide, widths[c]);
    }
    lines[text[n]].column = narrow;
    widest[text[n]] = wide;
  }
}

bool is_short(const Line& l) { return l.column > 0 && l.extent() <= l.column - kShortBy; }

// Fonts set curly quotes (“ ” ‘ ’) full-width or half-width, and many a Chinese font sets
// them half: a column's line holding quotes may reach a half-em past the column for each one
// (what the measure counts too wide), and is no line set across columns for that.
int half_width_quotes(const Line& l) {
  int quotes = 0;
  for (std::size_t at = l.text.find("\xE2\x80"); at != std::string_view::npos; at = l.text.find("\xE2\x80", at + 2)) {
    const unsigned char third = static_cast<unsigned char>(at + 2 < l.text.size() ? l.text[at + 2] : 0);
    quotes += third == 0x98 || third == 0x99 || third == 0x9C || third == 0x9D;  // U+2018, 2019, 201C, 201D
  }
  return quotes;
}

// Leading spaces on lines are noise where they fall anywhere: an indent opens a paragraph, so
// the line above an indented line ends a sentence, is short (a paragraph's or a headline's
// end) or is blank. Where most indented lines go on with a sentence that a column's full line
// above left open, the spaces say nothing of paragraphs.
bool indents_are_noise(const std::vector<Line>& lines) {
  int indented = 0, running_on = 0;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (lines[k].blank() || lines[k].indent < kIndent) continue;
    ++indented;
    const Line& above = lines[k - 1];
    running_on += !above.blank() && above.column > 0 && !is_short(above) && !cv::ends_unit(above.text);
  }
  return 2 * running_on > indented;
}

TextShape text_shape(const std::vector<Line>& lines) {
  int text = 0, long_lines = 0, indented = 0;
  for (const Line& l : lines) {
    if (l.blank()) continue;
    ++text;
    long_lines += l.extent() > kParagraphLine;
    indented += l.indent >= kIndent;
  }
  TextShape s;
  s.line_each = text > 0 && long_lines >= kLineEachShare * text;
  s.indents = !s.line_each && indented >= kIndentedLines && indented >= kIndentedShare * text;
  return s;
}


// What ends a piece: a sentence, a photographer's credit (a photo item's last line), or a
// line of the page's furniture.
bool ends_piece(const Line& l) {
  if (cv::ends_unit(l.text)) return true;
  if (l.prose_marks) return false;  // credits and page heads hold no commas or stops
  return cv::ends_photo_credit(l.text) || cv::is_furniture_line(l.text);
}

// A line that ends nothing runs on into the next, however short or wide, where its word runs
// on (a headline set wider than the column's text and wrapped by a character or two: 致富新路 /
// 子, 注定不会成 / 功; a line a number made short), or where the next is one Han character: no
// paragraph ends without a mark and no headline is one character, so it is the line's last
// character, wrapped (…30个百分 / 点), also where the dictionary sees no word run across; or
// where the next line closes a quote or bracket the line left open (在“艺术自习 / 室”触碰梦想),
// or goes on with the measure word of the number the line ended with (收获11 / 项全国冠军).
bool runs_on_into(const Line& la, const Line& lb) {
  if (cv::ends_unit(la.text) || cv::ends_open(la.text)) return false;
  return (lb.chars == 1 && unicode::is_han(lb.first)) || cv::wraps_onto(la.text, lb.text);
}

// Line b after a line a that ended a piece (or at the page top), not itself ending one and
// not filling its column, and no word running on into line c: a headline or a credit set on
// its own line, with no blank line around it.
bool stands_alone(const Line* a, const Line& b, const Line* c, int first_line_gap) {
  if (b.column == 0 || b.extent() > b.column - kStopsShortBy - first_line_gap || cv::ends_unit(b.text) || cv::ends_open(b.text))
    return false;
  if (a && !ends_piece(*a)) return false;
  return !c || !runs_on_into(b, *c);
}

// After a paragraph's end (a short line ending a sentence), two lines that end nothing, the
// second short, with no word running on past them: a headline wrapped over two lines (a
// paragraph's lines run on until one ends a sentence).
bool two_lines_alone(const PageLines& p, std::size_t a, std::size_t b) {
  const std::size_t c = b + 1, d = b + 2;
  if (d >= p.lines.size() || p.lines[c].blank()) return false;
  const Line &la = p.lines[a], &lb = p.lines[b], &lc = p.lines[c];
  if (!cv::ends_unit(la.text) || cv::ends_unit(lb.text) || cv::ends_open(lb.text)) return false;
  if (!is_short(lc) || cv::ends_unit(lc.text) || cv::ends_open(lc.text)) return false;
  return p.lines[d].blank() || !cv::word_continues(lc.text, p.lines[d].text);
}

// Whether the page's blank lines end its paragraphs: most short lines that end a sentence
// have one after them (on other pages blank lines fall where a column or a box broke).
bool blank_lines_end_paragraphs(const std::vector<Line>& lines) {
  int ends = 0, followed = 0, blanks = 0;
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    const Line& l = lines[k];
    blanks += l.blank();
    if (l.blank() || !is_short(l) || !cv::ends_unit(l.text)) continue;
    ++ends;
    followed += lines[k + 1].blank();
  }
  if (blanks == 0) return false;
  return ends < kParagraphEndsSeen || followed >= kBlankAfterEnds * ends;
}

// How far short of its column a paragraph's first line usually stops: none where the dump
// keeps the indent (or the paper sets none), about two characters where it drops it. Read
// off the lines after a paragraph's end (a sentence's end short of the column) that do not
// end one themselves, as their commonest gap; a blank line between them changes nothing (a
// dump of blocks parts a paragraph's lines anywhere).
struct FirstLineGaps {
  // Lines further short than a few characters (headlines, bylines, credits) counted as one
  // wide gap: where they outnumber the openings, the cuts read no line as standing alone
  // unless it stops shorter still.
  int cautious = 0;
  int indent = 0;  // the dropped indent: the commonest gap of a few characters at most
};

FirstLineGaps first_line_gaps(const std::vector<Line>& lines) {
  constexpr int kMaxGap = 12;
  std::array<int, kMaxGap + 1> at{};
  const Line* a = nullptr;  // the last non-blank line
  for (const Line& b : lines) {
    if (b.blank()) continue;
    const Line* before = std::exchange(a, &b);
    if (!before || b.column == 0 || !cv::ends_unit(before->text) || !is_short(*before) || cv::ends_unit(b.text)) continue;
    ++at[static_cast<std::size_t>(std::clamp(b.column - b.extent(), 0, kMaxGap))];
  }
  constexpr int kEnoughSeen = 5;  // fewer say nothing
  auto commonest = [&](auto end) {
    const auto most = std::max_element(at.begin(), end);
    return *most < kEnoughSeen ? 0 : static_cast<int>(most - at.begin());
  };
  return FirstLineGaps{commonest(at.end()), commonest(at.end() - 1)};
}

// Whether a block ends between two consecutive non-blank lines, and why.
bool cut_between(const PageLines& p, const std::vector<int>& widest, int first_line_gap, std::size_t a, std::size_t b, Cut& why) {
  const Line &la = p.lines[a], &lb = p.lines[b];
  // No piece opens on a particle (…监护人应承担家庭教育 / 的主体责任): the line goes on with
  // the one before, also where each line is a paragraph (a viewer's copy breaks a block there).
  if (cv::may_be_particle(lb.first) && cv::opens_on_a_particle(lb.text)) return false;
  // Nor does a piece leave a quote or bracket open for the next line to close (“让市花开遍街巷，
  // 开进更多人的日子 / 里”): the line runs on into the one that closes it, also where each line
  // is otherwise a paragraph (a quotation over paragraphs opens each again).
  // (Asked of a block's first line only, the one after reading its quotes with it, and where
  // a headline may wrap: two lines of a headline's length at most.)
  if (p.shape.line_each && !p.blocks.empty() && p.blocks.back().begin == a && la.chars <= kHeadlineLineChars &&
      lb.chars <= kHeadlineLineChars && cv::closed_on_next(la.text, lb.text))
    return false;
  if (p.shape.line_each) return why = Cut::LineEach, true;
  if (p.shape.indents && lb.indent >= kIndent) return why = Cut::Indent, true;
  if (p.shape.blank_paragraphs) return false;
  // No piece opens with a mark that closes or goes on with text (，。”）): the line goes on
  // with the one before, however that ended (a dump can put such a mark at a line's start).
  // (An ellipsis alone is a paragraph of its own: text left out.)
  if (cv::continues_text(lb.first) && lb.text.find_first_not_of("\xE2\x80\xA6") != std::string_view::npos) return false;
  // A short line ends its piece; after a sentence's end, a short line is a piece of its own.
  // (runs_on_into asks the dictionary: only where a cut would fall after line a.)
  if ((is_short(la) && !runs_on_into(la, lb)) || (is_short(lb) && cv::ends_unit(la.text))) return why = Cut::Short, true;
  // A photographer's credit or a picture's source closes a caption or a photo item, whatever
  // the width of its line (作为…标志性举措，长江 / 禁渔成效明显。（资料图片））.
  if (may_end_photo_credit(la) && cv::ends_photo_credit(la.text)) return why = Cut::Short, true;
  auto wide = [&](std::size_t k) {
    const Line& l = p.lines[k];
    return widest[k] > 0 && l.extent() >= widest[k] + kWiderBy && l.extent() - half_width_quotes(l) >= widest[k] + kWiderBy;
  };
  // A headline set across columns may wrap its last character or two onto a short line.
  auto wraps_on = [&] { return is_short(lb) && runs_on_into(la, lb); };
  if (wide(b) || (wide(a) && !wraps_on())) return why = Cut::Wide, true;
  // A column's lines never run past it: after a sentence's end, a line that does by a
  // character and ends nothing is set across columns (a headline), a piece of its own.
  auto runs_past = [&](std::size_t k) {
    const Line& l = p.lines[k];
    // (A closing mark may hang past the column's edge, where the rule forbids it to open the
    // next line: …通道建设的“主力军”.)
    const int hanging = cv::continues_text(l.last) ? 2 : 0;
    return k > 0 && !p.lines[k - 1].blank() && l.column > 0 && l.extent() - hanging >= l.column + kPastColumnBy &&
           cv::ends_unit(p.lines[k - 1].text) && !cv::ends_unit(l.text);
  };
  if (runs_past(b) || (runs_past(a) && !wraps_on())) return why = Cut::Wide, true;
  // A line standing alone is cut off from the lines either side.
  auto alone = [&](std::size_t k) {
    const Line* before = k > 0 && !p.lines[k - 1].blank() ? &p.lines[k - 1] : nullptr;
    const Line* after = k + 1 < p.lines.size() && !p.lines[k + 1].blank() ? &p.lines[k + 1] : nullptr;
    return stands_alone(before, p.lines[k], after, first_line_gap);
  };
  if (alone(a) || alone(b)) return why = Cut::Short, true;
  if (two_lines_alone(p, a, b)) return why = Cut::Short, true;
  // Where the dump dropped the indents, a paragraph's first line stops short by the indent:
  // a line between a paragraph's end and such a line is a piece of its own (a headline).
  auto opens_paragraph = [&](int gap) {
    return gap >= kIndent && lb.column > 0 && !cv::ends_unit(lb.text) && std::abs(lb.column - lb.extent() - gap) <= 1;
  };
  if (cv::ends_unit(la.text)) return false;
  const bool cautious = opens_paragraph(first_line_gap);
  // Where headlines made the cuts cautious, the dropped indent still tells a whole phrase (no
  // sentence mark, quotes and brackets closed) over a paragraph's first line: that line is no
  // paragraph's second, which fills the column ("上场后，我更专注于做好自己" / 日前，2026年…).
  if (!cautious && !(opens_paragraph(p.shape.dropped_indent) && la.extent() <= la.column - kIndent && !cv::ends_open(la.text) &&
                     !cv::has_full_stop(la.text) && cv::balanced(la.text)))
    return false;
  const bool after_piece = a == 0 || p.lines[a - 1].blank() || ends_piece(p.lines[a - 1]);
  if (after_piece && !cv::word_continues(la.text, lb.text)) return why = Cut::Short, true;
  return false;
}

}  // namespace

void find_blocks(std::string_view page, PageLines& out) {
  for (Line& l : out.lines) {
    if (l.blank()) continue;
    l.indent = indent_of(page, l);
    // Single spaces between at least half of the characters: too few spaces in all says no at once.
    l.justified = l.spaces >= 3 && 2 * l.spaces >= l.chars - 1 && cv::is_justified(l.text);
  }
  out.shape = text_shape(out.lines);
  std::vector<int> widest;
  assign_columns(out.lines, column_widths(out.lines), widest);
  if (out.shape.indents && indents_are_noise(out.lines)) out.shape.indents = false;
  out.shape.blank_paragraphs = blank_lines_end_paragraphs(out.lines);
  // (An indent says where paragraphs open.)
  const FirstLineGaps gaps = out.shape.indents ? FirstLineGaps{} : first_line_gaps(out.lines);
  out.shape.dropped_indent = gaps.indent;
  const int gap = gaps.cautious;
  int blanks = 0;
  std::size_t prev = 0;  // the last non-blank line, when a block is open
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    if (out.lines[i].blank()) {
      ++blanks;
      continue;
    }
    Cut why = Cut::Blank;
    const bool open = !out.blocks.empty() && out.blocks.back().end == i;
    if (!open || cut_between(out, widest, gap, prev, i, why)) {
      if (!out.blocks.empty()) out.blocks.back().blanks_after = blanks;
      out.blocks.push_back(Block{i, i + 1, blanks, 0, why});
    } else {
      out.blocks.back().end = i + 1;
    }
    blanks = 0;
    prev = i;
  }
  if (!out.blocks.empty()) out.blocks.back().blanks_after = blanks;
}

}  // namespace newsplit
