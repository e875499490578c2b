#include "newsplit/columns.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "newsplit/conventions.hpp"
#include "newsplit/lines.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

namespace {

// Two spaces or more part two columns' text on a line; a single space stands inside a
// column's text (本报记者 王静, a justified line's spread characters).
constexpr std::string_view kGutter = "  ";
// Columns stand side by side where this many lines hold text of two columns or more, and a
// quarter of the page's lines do at least (a page head set across the page is one line;
// other extractors' pages have no more than a line in fifty so).
constexpr std::size_t kLeastSideBySide = 8;
constexpr std::size_t kSideBySideShare = 4;  // one line in this many
// Positions are character cells, as the extractor sets them (a character a cell). A column
// starts where many pieces of text start: a line that filled its column may push the next
// column's text a few cells on, so starts this close are one column's.
constexpr int kSameStart = 4;
// Where a column's text starts: at least this many pieces, and this share of the lines.
constexpr int kLeastStarts = 3;
constexpr std::size_t kStartsShare = 25;  // one line in this many
constexpr std::size_t kMostColumns = 16;

bool is_space(char c) { return c == ' ' || c == '\t'; }

// A line holds text, a gap of spaces, and more text.
bool holds_two_columns(std::string_view line) {
  std::size_t from = 0;
  while (from < line.size() && is_space(line[from])) ++from;
  const std::size_t gap = line.find(kGutter, from);
  if (gap == std::string_view::npos) return false;
  for (std::size_t k = gap; k < line.size(); ++k)
    if (!is_space(line[k])) return true;
  return false;
}

// A line's pieces of text a space apart: its gaps closed, its ends trimmed.
std::string gaps_closed(std::string_view line) {
  std::string joined;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (is_space(line[i]) && (joined.empty() || joined.back() == ' ')) continue;
    joined.push_back(is_space(line[i]) ? ' ' : line[i]);
  }
  while (!joined.empty() && joined.back() == ' ') joined.pop_back();
  return joined;
}

// A page's head or foot line: its pieces read as one line of furniture.
bool page_head_across(std::string_view line) {
  if (!holds_two_columns(line)) return false;
  const std::string joined = gaps_closed(line);
  return conventions::is_page_head(joined) || conventions::is_furniture_line(joined);
}

// How many lines hold a gap of two spaces or more between two pieces of text (leading and
// trailing spaces are no gap), counted up to `enough`.
std::size_t lines_with_a_gap(std::string_view page, std::size_t enough) {
  std::size_t count = 0;
  for (std::size_t at = page.find(kGutter); at != std::string_view::npos && count < enough; at = page.find(kGutter, at)) {
    std::size_t end = at;
    while (end < page.size() && is_space(page[end])) ++end;
    std::size_t before = at;
    while (before > 0 && is_space(page[before - 1])) --before;
    const bool inner = before > 0 && page[before - 1] != '\n' && end < page.size() && page[end] != '\n';
    if (!inner) {
      at = end;
      continue;
    }
    ++count;
    at = page.find('\n', end);  // the next line
  }
  return count;
}

// A piece of one line's text between gaps, at its cell.
struct Piece {
  std::uint32_t line = 0;
  int start = 0, cells = 0;
  std::string_view text;
};

// The pieces of a line, a character a cell (a single space inside a piece is kept).
void pieces_of(std::string_view line, std::uint32_t number, std::vector<Piece>& out) {
  int cell = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    if (is_space(line[i])) {
      ++i;
      ++cell;
      continue;
    }
    Piece p{number, cell, 0, {}};
    const std::size_t begin = i;
    std::size_t end = i;
    while (i < line.size()) {
      if (is_space(line[i]) && (i + 1 >= line.size() || is_space(line[i + 1]))) break;  // a gap, or the line's end
      unicode::next(line, i);
      ++cell;
      end = i;
    }
    p.cells = cell - p.start;
    p.text = line.substr(begin, end - begin);
    out.push_back(p);
  }
}

// Columns line up: the text after a gap starts at one cell on many of the lines that hold
// two columns (an eighth of them at least; on pages of -layout, a fifth or more), where gaps
// that fall anywhere (a justified line's wider gaps between words) start text at no cell in
// particular.
bool columns_line_up(const std::vector<Piece>& pieces, std::size_t two) {
  constexpr std::size_t kLinedUpShare = 8;  // one line in this many
  std::vector<std::size_t> count;
  for (std::size_t k = 1; k < pieces.size(); ++k) {
    if (pieces[k].line != pieces[k - 1].line) continue;  // a line's first piece
    const auto cell = static_cast<std::size_t>(pieces[k].start);
    if (cell >= count.size()) count.resize(cell + 1, 0);
    ++count[cell];
  }
  const std::size_t best = count.empty() ? 0 : *std::max_element(count.begin(), count.end());
  return best >= static_cast<std::size_t>(kLeastStarts) && best * kLinedUpShare >= two;
}

// Where the columns start: the cells where most pieces start, each the most of those near it.
std::vector<int> column_starts(const std::vector<Piece>& pieces, std::size_t lines) {
  int widest = 0;
  for (const Piece& p : pieces) widest = std::max(widest, p.start);
  std::vector<int> count(static_cast<std::size_t>(widest) + 1, 0);
  for (const Piece& p : pieces) ++count[static_cast<std::size_t>(p.start)];
  const int least = std::max(kLeastStarts, static_cast<int>(lines / kStartsShare));
  std::vector<int> starts;
  std::vector<bool> taken(count.size(), false);
  while (starts.size() < kMostColumns) {
    int best = -1;
    for (std::size_t c = 0; c < count.size(); ++c)
      if (!taken[c] && (best < 0 || count[c] > count[static_cast<std::size_t>(best)])) best = static_cast<int>(c);
    if (best < 0 || count[static_cast<std::size_t>(best)] < least) break;
    starts.push_back(best);
    for (int c = std::max(0, best - kSameStart); c <= std::min(widest, best + kSameStart); ++c) taken[static_cast<std::size_t>(c)] = true;
  }
  std::sort(starts.begin(), starts.end());
  return starts;
}

// The text before and after the single space at byte `space` of a piece, each at its cell.
std::pair<Piece, Piece> cut_at(const Piece& p, std::size_t space) {
  Piece left = p, right = p;
  left.text = p.text.substr(0, space);
  left.cells = static_cast<int>(unicode::count(left.text));
  right.text = p.text.substr(space + 1);
  right.start = p.start + left.cells + 1;
  right.cells = p.cells - left.cells - 1;
  return {left, right};
}

// A piece that runs across a column's start, where a single space stands at that start, is
// two columns' text the extractor set a space apart (a full line pushes the next column on).
void cut_at_column_starts(Piece p, const std::vector<int>& starts, std::vector<Piece>& out) {
  for (int s : starts) {
    if (s <= p.start + kSameStart || s >= p.start + p.cells) continue;
    // The single space whose next cell is nearest the column's start.
    int cell = p.start, best_gap = kSameStart + 1;
    std::size_t best = std::string_view::npos;
    for (std::size_t i = 0; i < p.text.size();) {
      if (p.text[i] == ' ' && std::abs(cell + 1 - s) < best_gap) {
        best_gap = std::abs(cell + 1 - s);
        best = i;
      }
      unicode::next(p.text, i);
      ++cell;
    }
    if (best == std::string_view::npos) continue;
    const auto [left, right] = cut_at(p, best);
    out.push_back(left);
    cut_at_column_starts(right, starts, out);
    return;
  }
  out.push_back(p);
}

std::size_t column_of(const Piece& p, const std::vector<int>& starts) {
  std::size_t c = 0;
  while (c + 1 < starts.size() && starts[c + 1] <= p.start + kSameStart / 2) ++c;
  return c;
}

// How many cells a column's lines take: the median of its pieces (most are full lines).
std::vector<int> column_widths(const std::vector<Piece>& pieces, const std::vector<int>& starts) {
  std::vector<std::vector<int>> cells(starts.size());
  for (const Piece& p : pieces) cells[column_of(p, starts)].push_back(p.cells);
  std::vector<int> widths(starts.size(), 0);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty()) continue;
    std::nth_element(cells[c].begin(), cells[c].begin() + static_cast<std::ptrdiff_t>(cells[c].size() / 2), cells[c].end());
    widths[c] = cells[c][cells[c].size() / 2];
  }
  return widths;
}

// A piece longer than its column's lines that runs on past the next column's start holds
// the next column's line too, a single space after its own: where the column's line filled
// it (Chinese characters are wider than the extractor's cells, so the next column's text does
// not always start at its column's cell), or where a headline wider than its column pushed it
// on. It is cut at the single space nearest the next column's start after which a line's
// worth of text follows, the later of two as near (a headline may hold spaces of its own: 建成社区超过400个
// 实现所有区县全覆盖).
void place(Piece p, std::size_t column, const std::vector<int>& starts, const std::vector<int>& widths,
           std::vector<std::pair<std::size_t, Piece>>& out) {
  const int width = widths[column];
  if (column + 1 < widths.size() && width > 0 && p.cells > width + kSameStart && p.start + p.cells > starts[column + 1] + kSameStart) {
    const int next = starts[column + 1];
    int cell = p.start, best_gap = 0;
    std::size_t best = std::string_view::npos;
    for (std::size_t i = 0; i < p.text.size();) {
      const int rest = p.start + p.cells - cell - 1;  // cells after a space at `cell`
      if (p.text[i] == ' ' && 2 * rest >= widths[column + 1] && (best == std::string_view::npos || std::abs(cell + 1 - next) <= best_gap)) {
        best_gap = std::abs(cell + 1 - next);
        best = i;
      }
      unicode::next(p.text, i);
      ++cell;
    }
    if (best != std::string_view::npos) {
      const auto [left, right] = cut_at(p, best);
      out.emplace_back(column, left);
      place(right, column + 1, starts, widths, out);
      return;
    }
  }
  out.emplace_back(column, p);
}

// How many of the page's lines a column's text steps from one of its lines to the next: one,
// or more where the extractor set another column's lines (of another size or baseline)
// between them. A gap longer than that is the column's own (a paragraph's, a story's end).
std::uint32_t line_step(const std::vector<const Piece*>& column) {
  constexpr std::uint32_t kMostStep = 3;
  std::array<std::size_t, kMostStep + 1> count{};
  for (std::size_t k = 1; k < column.size(); ++k) {
    const std::uint32_t d = column[k]->line - column[k - 1]->line;
    if (d >= 1 && d <= kMostStep) ++count[d];
  }
  std::uint32_t step = 1;
  for (std::uint32_t d = 2; d <= kMostStep; ++d)
    if (count[d] > count[step]) step = d;
  return step;
}

// Stories are set in blocks of a few columns, one block under another: a line blank across
// the page ends a band of it where a column's text above stops mid-sentence in a full line of
// prose (that text goes on at the top of the next column of its block, not under the gap).
// Each band is read column by column. (A gap after a paragraph's end, or after a headline, in
// every column at once says nothing.) The band of each of the page's lines.
std::vector<std::uint32_t> bands_of(const std::vector<std::string_view>& lines, const std::vector<std::pair<std::size_t, Piece>>& placed,
                                    const std::vector<int>& widths) {
  constexpr int kFullBy = 2;  // cells a full line may fall short of its column's lines
  std::vector<std::uint32_t> band(lines.size(), 0);
  // The last two pieces of each column in the band so far.
  std::vector<const Piece*> last(widths.size(), nullptr), before(widths.size(), nullptr);
  auto full = [&](const Piece* p, std::size_t c) { return p && std::abs(p->cells - widths[c]) <= kFullBy; };
  auto prose = [](std::string_view t) { return t.find("，") != std::string_view::npos || t.find("、") != std::string_view::npos || t.find("。") != std::string_view::npos; };
  // A column's text stops mid-sentence in a full line of prose: one with a prose mark, or
  // one of a run of full lines.
  auto cut_off = [&](std::size_t c) {
    const Piece* p = last[c];
    return full(p, c) && !conventions::ends_unit(p->text) && (prose(p->text) || (full(before[c], c) && p->line <= before[c]->line + 2));
  };
  std::uint32_t b = 0;
  bool text = false;
  std::size_t next = 0;  // the pieces come in line order
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const bool blank = lines[k].find_first_not_of(" \t") == std::string_view::npos;
    if (blank && text) {
      bool open = false;
      for (std::size_t c = 0; c < widths.size() && !open; ++c) open = cut_off(c);
      if (open) {
        ++b;
        text = false;
        std::fill(last.begin(), last.end(), nullptr);
        std::fill(before.begin(), before.end(), nullptr);
      }
    }
    text = text || !blank;
    band[k] = b;
    for (; next < placed.size() && placed[next].second.line == k; ++next) {
      const auto& [column, p] = placed[next];
      before[column] = last[column];
      last[column] = &p;
    }
  }
  return band;
}

}  // namespace

std::optional<ColumnsRead> read_columns_side_by_side(std::string_view page) {
  // (Most pages have hardly a line with a gap of two spaces inside it: they go at once.)
  if (lines_with_a_gap(page, kLeastSideBySide) < kLeastSideBySide) return std::nullopt;
  const std::vector<std::string_view> lines = page_lines(page);
  std::size_t nonblank = 0, two = 0;
  for (const std::string_view line : lines) {
    if (line.find_first_not_of(" \t") != std::string_view::npos) ++nonblank;
    two += holds_two_columns(line);
  }
  if (two < kLeastSideBySide || two * kSideBySideShare < nonblank) return std::nullopt;

  // A page head or foot set across the top or the foot of the page (人民日报   2026年9月2日 星期三
  // 第7版) is one line of furniture, not pieces of columns: kept whole, in its place.
  std::vector<bool> whole(lines.size(), false);
  std::size_t top = 0, foot = lines.size();
  while (top < lines.size() && (lines[top].find_first_not_of(" \t") == std::string_view::npos || page_head_across(lines[top])))
    whole[top++] = true;
  while (foot > top && (lines[foot - 1].find_first_not_of(" \t") == std::string_view::npos || page_head_across(lines[foot - 1])))
    whole[--foot] = true;
  std::vector<Piece> pieces;
  for (std::size_t k = top; k < foot; ++k) pieces_of(lines[k], static_cast<std::uint32_t>(k), pieces);
  if (!columns_line_up(pieces, two)) return std::nullopt;
  const std::vector<int> starts = column_starts(pieces, nonblank);
  if (starts.size() < 2) return std::nullopt;
  const std::vector<int> widths = column_widths(pieces, starts);
  std::vector<std::pair<std::size_t, Piece>> placed;
  placed.reserve(pieces.size());
  std::vector<Piece> cut;
  cut.reserve(pieces.size());
  for (const Piece& p : pieces) cut_at_column_starts(p, starts, cut);
  for (const Piece& p : cut) place(p, column_of(p, starts), starts, widths, placed);

  // Band by band, each column top to bottom; a blank line where a column's text skips lines (a
  // paragraph's or a story's gap), and between columns.
  const std::vector<std::uint32_t> band = bands_of(lines, placed, widths);
  const std::size_t bands = lines.empty() ? 1 : band.back() + 1;
  std::vector<std::vector<const Piece*>> columns(starts.size() * bands);
  for (const auto& [column, p] : placed) columns[band[p.line] * starts.size() + column].push_back(&p);
  ColumnsRead read;
  read.columns = starts.size();
  read.text.reserve(page.size());
  auto put = [&](std::string_view text, std::uint32_t origin) {
    read.text.append(text);
    read.text.push_back('\n');
    read.origin.push_back(origin);
  };
  auto put_whole = [&](std::size_t k) { put(gaps_closed(lines[k]), static_cast<std::uint32_t>(k)); };
  for (std::size_t k = 0; k < top; ++k) put_whole(k);
  for (const auto& column : columns) {
    if (column.empty()) continue;
    const std::uint32_t step = line_step(column);
    const Piece* before = nullptr;
    for (const Piece* p : column) {
      // (One blank line, however tall the gap: in these dumps a gap between two stories may be
      // as tall as a picture's, and the headline after it is no bare caption.)
      if (before && p->line > before->line + step) put({}, before->line + 1);
      put(p->text, p->line);
      before = p;
    }
    put({}, before->line);
  }
  for (std::size_t k = foot; k < lines.size(); ++k) put_whole(k);
  return read;
}

}  // namespace newsplit
