#include "newsplit/reflow.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {
namespace cv = conventions;

namespace {

// "Clearly shorter than the column width": three Han characters short. Full lines of a
// justified column vary by up to two (quote marks, squeezed punctuation, digits).
constexpr int kShortBy = 6;
// Lines of one column differ by at most this much (a digit or two, a narrow mark).
constexpr int kSameWidth = 2;
// Alternating columns must differ by at least this much to be told apart.
constexpr int kColumnsApart = 4;
constexpr std::size_t kMinInterleavedLines = 6;

bool ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Lines either side of a line that tell its column's width, by their median: one wide or
// short line does not move it, and a blank line does not change the column, so they are
// read across blocks.
constexpr std::size_t kColumnNeighbours = 3;

}  // namespace

void join_wrapped(std::string& text, std::string_view line) {
  // (A character's last byte, and its first, is ASCII only when the character is.)
  if (!text.empty() && !line.empty() && ascii_letter(static_cast<unsigned char>(text.back())) &&
      ascii_letter(static_cast<unsigned char>(line.front())))
    text.push_back(' ');
  text.append(line);
}

Columns untangle_columns(const std::vector<FlowLine>& lines) {
  if (lines.size() < kMinInterleavedLines) return {};
  // The columns alternate from the top, so their first lines are the block's first two
  // (a first line never ends its column): of one width, they are one column.
  if (std::abs(lines[0].width - lines[1].width) < kColumnsApart) return {};
  // Deal the lines out: alternately, but a column whose short sentence-ending line closed
  // it takes no more. Each column must be even: all lines but its last of its first
  // line's width (a line is known not to be its column's last when the next one comes).
  struct Column {
    int width = 0;
    std::size_t size = 0, last = 0;
    bool done = false, even = true;
  } cols[2];
  std::vector<int> to(lines.size());
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const FlowLine& l = lines[k];
    int c = k % 2 == 0 ? 0 : 1;
    if (cols[c].done) c = 1 - c;
    Column& col = cols[c];
    if (col.size == 0) col.width = l.width;
    if (col.size >= 2 && std::abs(lines[col.last].width - col.width) > kSameWidth) col.even = false;
    col.last = k;
    ++col.size;
    to[k] = c;
    // Inside one untangled column the widths are even, so a smaller shortfall tells its end.
    if (cv::ends_sentence(l.text) && l.width <= col.width - kShortBy / 2) col.done = true;
  }
  for (const Column& col : cols)
    if (col.size < 3 || !col.even) return {};
  Columns out;
  for (std::size_t k = 0; k < lines.size(); ++k) (to[k] == 0 ? out.first : out.second).push_back(lines[k]);
  return out;
}

namespace {

// The paragraphs of a body, built line by line in reading order.
class Reflower {
 public:
  explicit Reflower(const std::vector<FlowBlock>& blocks) {
    // The widths of all body lines in reading order, for the column width around a line.
    std::size_t body_lines = 0;
    for (const FlowBlock& b : blocks) body_lines += b.subhead ? 0 : b.lines.size();
    widths_.reserve(body_lines);
    cur_lines_.reserve(body_lines);
    out_.paragraphs.reserve(blocks.size());  // a paragraph or so a block
    for (const FlowBlock& b : blocks)
      if (!b.subhead)
        for (const FlowLine& l : b.lines) widths_.push_back(l.width);
  }

  Reflow take(const std::vector<FlowBlock>& blocks) {
    for (const FlowBlock& b : blocks) {
      if (b.lines.empty()) continue;
      if (b.subhead) {
        subhead(b);
        continue;
      }
      if (Columns cols = untangle_columns(b.lines); cols.found()) {
        out_.columns_untangled = true;
        run(cols.first, b.lead);
        close();
        run(cols.second, b.lead);
        continue;
      }
      run(b.lines, b.lead);
    }
    close();
    return std::move(out_);
  }

 private:
  // The open paragraph's lines not yet in cur_.raw: joined in one go, into a string of the
  // right size, when the paragraph's text is needed.
  void settle() {
    std::size_t size = cur_.raw.size();
    for (std::string_view t : cur_lines_) size += t.size() + 1;
    cur_.raw.reserve(size);
    for (std::string_view t : cur_lines_) join_wrapped(cur_.raw, t);
    cur_lines_.clear();
  }

  void close() {
    if (!open_) return;
    settle();
    cur_.ends_mid_sentence = !cv::ends_unit(cur_.raw);
    out_.paragraphs.push_back(std::move(cur_));
    cur_ = Paragraph{};
    open_ = false;
  }

  void add_line(const FlowLine& l, bool lead) {
    if (!open_) {
      cur_.first_line = l.number;
      cur_.lead = lead;
      open_ = true;
    }
    cur_lines_.push_back(l.text);
    cur_.last_line = l.number;
  }

  // The usual width of the body lines around line g: the median of its neighbours'.
  int column_width(std::size_t g) const {
    std::array<int, 2 * kColumnNeighbours> near{};
    std::size_t n = 0;
    for (std::size_t d = 1; d <= kColumnNeighbours; ++d) {
      if (g >= d) near[n++] = widths_[g - d];
      if (g + d < widths_.size()) near[n++] = widths_[g + d];
    }
    if (n == 0) return 0;
    const auto mid = near.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(near.begin(), mid, near.begin() + static_cast<std::ptrdiff_t>(n));
    return *mid;
  }

  void run(const std::vector<FlowLine>& lines, bool lead) {
    for (std::size_t k = 0; k < lines.size(); ++k, ++at_) {
      const FlowLine& l = lines[k];
      // Across a blank line (or a caption) the text runs on only when it stopped mid-sentence.
      if (k == 0 && open_) {
        settle();
        if (cv::ends_unit(cur_.raw) || cur_.lead != lead) close();
      }
      add_line(l, lead);
      // A short line that ends a sentence ends its paragraph, even without a blank line.
      if (k + 1 < lines.size() && cv::ends_sentence(l.text) && l.width <= column_width(at_) - kShortBy) close();
    }
  }

  // A subhead is a paragraph of its own, between the text's.
  void subhead(const FlowBlock& b) {
    close();
    Paragraph p;
    p.subhead = true;
    p.lead = b.lead;
    p.first_line = b.lines.front().number;
    p.last_line = b.lines.back().number;
    for (const FlowLine& l : b.lines) join_wrapped(p.raw, l.text);
    out_.paragraphs.push_back(std::move(p));
  }

  Reflow out_;
  Paragraph cur_;
  bool open_ = false;
  std::vector<std::string_view> cur_lines_;
  std::vector<int> widths_;
  std::size_t at_ = 0;  // index of the next line in widths_
};

}  // namespace

Reflow reflow(const std::vector<FlowBlock>& blocks) { return Reflower(blocks).take(blocks); }

}  // namespace newsplit
