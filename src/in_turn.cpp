#include "newsplit/in_turn.hpp"

#include <algorithm>
#include <stdexcept>

#include "newsplit/conventions.hpp"

namespace newsplit {

namespace {

namespace cv = conventions;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// A band read in turn holds two or three columns: a piece's rest is among the next three
// pieces of two lines or more (a headline's or a byline's line between them does not count).
constexpr std::size_t kFurthest = 3;
// A piece read in turn is a few lines of a column (a band's height): a longer run is a column
// read in order, whose rest is the next piece.
constexpr std::size_t kMostLines = 6;
// A line as wide as the full line over it but for a character filled its column.
constexpr int kFullSlack = 2;
// Any two pieces of text may meet in a word by chance now and then; the extractor read the
// page in turn where this many pieces' rests stood out of turn.
constexpr std::size_t kLeastOutOfTurn = 3;

// A run of lines between blank lines, as the extractor wrote it.
struct Piece {
  std::size_t begin = 0, end = 0;  // its lines, [begin, end) of the page's
  const Line* first = nullptr;
  const Line* last = nullptr;
};

std::vector<Piece> pieces_of(const std::vector<Line>& lines) {
  std::vector<Piece> pieces;
  for (std::size_t k = 0; k < lines.size();) {
    if (lines[k].blank()) {
      ++k;
      continue;
    }
    Piece p;
    p.begin = k;
    while (k < lines.size() && !lines[k].blank()) ++k;
    p.end = k;
    p.first = &lines[p.begin];
    p.last = &lines[p.end - 1];
    pieces.push_back(p);
  }
  return pieces;
}

// A word cut in two at a piece's end is two Han characters apart: only a piece of a few lines
// (a single one, where it fills its column) that stops on one may have been cut so.
bool may_be_cut_mid_word(const Piece& p) { return p.end - p.begin <= kMostLines && cv::detail::ends_on_han(p.last->text); }

// A paragraph wraps at its column's width: a piece whose last line is as wide as the line
// over it was cut off there, mid-sentence where it stops on a Han character, and goes on
// elsewhere (a paragraph's last line, or a headline's, is seldom as wide).
// (A piece of one line is measured against the column the page's lines make around it.)
bool fills_its_column(const Piece& p) {
  if (p.end - p.begin == 1) return p.last->column > 0 && p.last->extent() >= p.last->column - kFullSlack;
  return p.last->width >= (p.last - 1)->width - kFullSlack;
}

// The rest of a piece cut off mid-word opens no paragraph (no indent) and goes on with the
// word the cut split (…广西持续完善林 / 木种苗生产体系…).
bool goes_on_with_the_word(const Piece& cut, const Piece& rest) {
  return rest.first->indent == 0 && cv::word_continues(cut.last->text, rest.first->text);
}

// Pieces read in order run on as any wrapped text does: a word, a quote or bracket the first
// leaves open, a number's measure word, a particle (…蚌埠市的“中 / 国传感谷”…). Where they may,
// the order stands.
bool may_run_on(const Piece& before, const Piece& after) { return cv::wraps_onto(before.last->text, after.first->text); }

// The pieces between a piece and its rest are other columns' pieces read in turn: cut off
// mid-sentence too, each going on later; a piece of text that ends its sentence there may be
// the same column's paragraph end, and the rest is not told past it (a line alone, a headline's
// or a byline's, says nothing).
bool ends_a_paragraph_between(const Piece& between) {
  return between.end - between.begin >= 2 && cv::ends_unit(between.last->text);
}

// A rest is told only where no other piece around it may run on into it: not one between (the
// piece right before it, the order standing), nor one a little after it (an extractor may
// read a column's piece after its rest: …将构建 / 国传感谷” / …位于蚌埠市的“中).
bool claimed_by_another(const std::vector<Piece>& pieces, std::size_t cut, std::size_t rest) {
  const std::size_t last = std::min(pieces.size() - 1, rest + kFurthest);
  for (std::size_t k = cut + 1; k <= last; ++k)
    if (k != rest && may_run_on(pieces[k], pieces[rest])) return true;
  return false;
}

// Pieces of one column read in order also meet a later piece in a word now and then, and a page
// may be read in turn in some bands and in order in others: each stretch of rests (a rest cut
// within a band's reach of the stretch's last rest goes on with it) was read in turn where more
// of its cut pieces' rests stand out of turn than right after them. The other stretches' rests
// are let go; returns how many are kept.
std::size_t keep_stretches_read_in_turn(const std::vector<Piece>& pieces, std::vector<std::size_t>& rest, std::vector<bool>& moved) {
  const std::size_t n = pieces.size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n;) {
    if (rest[i] == kNone) {
      ++i;
      continue;
    }
    // The stretch: rests from piece i on, each cut within kFurthest pieces of the last rest so far.
    std::size_t end = i, out_of_turn = 0, to = i;
    for (std::size_t k = i; k < n && k <= to + kFurthest; ++k)
      if (rest[k] != kNone) {
        ++out_of_turn;
        to = std::max(to, rest[k]);
        end = k + 1;
      }
    std::size_t in_order = 0;
    for (std::size_t k = i; k < to; ++k)
      if (rest[k] == kNone && may_be_cut_mid_word(pieces[k]) && fills_its_column(pieces[k]) && may_run_on(pieces[k], pieces[k + 1])) ++in_order;
    const bool in_turn = in_order < out_of_turn;
    for (std::size_t k = i; k < end; ++k)
      if (rest[k] != kNone) {
        if (in_turn) {
          ++kept;
        } else {
          moved[rest[k]] = false;
          rest[k] = kNone;
        }
      }
    i = end;
  }
  return kept;
}

// Columns read in turn take their turns in a fixed order, each piece's rest as many pieces on
// as the band has columns (k): where rests found by their words stand k pieces on twice or
// more, each within three turns of the last, the pieces of that stretch that no word tells
// take their turn too (from the turn before the first such rest to the turn after the last):
// a piece cut off mid-sentence in a full line goes on k pieces on, where that piece's first
// line is no wider than its own last.
constexpr std::size_t kLeastTurnsTold = 2;
constexpr std::size_t kTurnsApart = 3;
std::size_t take_turns(const std::vector<Piece>& pieces, std::vector<std::size_t>& rest, std::vector<bool>& moved) {
  const std::size_t n = pieces.size();
  std::size_t added = 0;
  for (std::size_t i = 0; i < n;) {
    if (rest[i] == kNone) {
      ++i;
      continue;
    }
    const std::size_t k = rest[i] - i;
    // The stretch: rests k pieces on, each within three turns of the last.
    std::size_t last = i, count = 1;
    for (std::size_t j = i + 1; j < n && j <= last + kTurnsApart * k; ++j) {
      if (rest[j] == kNone) continue;
      if (rest[j] - j != k) break;
      last = j;
      ++count;
    }
    if (k < 2 || count < kLeastTurnsTold) {
      i = last + 1;
      continue;
    }
    const std::size_t from = i >= k ? i - k : 0, to = std::min(n, last + k);
    for (std::size_t j = from; j < to && j + k < n; ++j) {
      const Piece &cut = pieces[j], &next = pieces[j + k];
      if (rest[j] != kNone || moved[j + k] || cut.end - cut.begin > kMostLines || cv::ends_unit(cut.last->text)) continue;
      if (cut.last->extent() < next.first->extent() - kFullSlack || may_run_on(cut, pieces[j + 1]) || may_run_on(pieces[j + k - 1], next)) continue;
      rest[j] = j + k;
      moved[j + k] = true;
      ++added;
    }
    i = to;
  }
  return added;
}

}  // namespace

std::optional<InTurnRead> read_pieces_in_turn(std::string_view page, const PageLines& measured) {
  const std::vector<Piece> pieces = pieces_of(measured.lines);
  const std::size_t n = pieces.size();
  // Each piece's rest read out of turn: not the next piece, but one a little further on
  // that no other piece around it may run on into. (The cheap tests first: most pieces
  // end a sentence, and few words meet across pieces.)
  std::vector<std::size_t> rest(n, kNone);
  std::vector<bool> moved(n, false);
  std::size_t out_of_turn = 0;
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!may_be_cut_mid_word(pieces[i]) || !fills_its_column(pieces[i])) continue;
    std::size_t passed = pieces[i + 1].end - pieces[i + 1].begin >= 2 ? 1 : 0;
    for (std::size_t j = i + 2; j < n && passed < kFurthest; ++j) {
      if (ends_a_paragraph_between(pieces[j - 1])) break;
      if (pieces[j].end - pieces[j].begin >= 2) ++passed;
      if (moved[j] || !goes_on_with_the_word(pieces[i], pieces[j])) continue;
      if (may_run_on(pieces[i], pieces[i + 1])) break;
      if (claimed_by_another(pieces, i, j)) continue;
      rest[i] = j;
      moved[j] = true;
      ++out_of_turn;
      break;
    }
  }
  if (out_of_turn < kLeastOutOfTurn) return std::nullopt;
  out_of_turn = keep_stretches_read_in_turn(pieces, rest, moved);
  if (out_of_turn < kLeastOutOfTurn) return std::nullopt;
  out_of_turn += take_turns(pieces, rest, moved);

  const std::vector<std::string_view> lines = page_lines(page);  // (the measured lines are trimmed)
  if (lines.size() != measured.lines.size()) throw std::logic_error("read_pieces_in_turn: the measured lines are not the page's");
  InTurnRead read;
  read.moved = out_of_turn;
  read.text.reserve(page.size() + 1);
  read.origin.reserve(lines.size());
  read.put_back.reserve(lines.size());
  auto emit = [&](std::size_t from, std::size_t to, bool put_back) {
    for (std::size_t k = from; k < to; ++k) {
      read.text.append(lines[k]);
      read.text.push_back('\n');
      read.origin.push_back(static_cast<std::uint32_t>(k));
      read.put_back.push_back(put_back);
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (moved[i]) continue;  // (the blank lines before a piece put back go: they held no text)
    emit(i > 0 ? pieces[i - 1].end : 0, pieces[i].begin, false);
    for (std::size_t k = i; k != kNone; k = rest[k]) emit(pieces[k].begin, pieces[k].end, k != i);
  }
  emit(n > 0 ? pieces.back().end : 0, lines.size(), false);
  return read;
}

}  // namespace newsplit
