#include "newsplit/split.hpp"

#include <fmt/format.h>

#include "newsplit/clean.hpp"
#include "newsplit/format.hpp"
#include "newsplit/page_head.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

namespace {

constexpr std::string_view kPiecesPutBack = "pieces read in turn with another column's were put back in order";

// Where the page was read again in another order, its lines and records name the page's own
// lines: a record spans the first to the last of the lines its text came from.
void restore_line_numbers(PageAnalysis& a, const std::vector<std::uint32_t>& origin, std::uint64_t first_line) {
  auto at = [&](std::uint64_t number) { return std::min<std::uint64_t>(number - first_line, origin.size() - 1); };
  auto span = [&](std::uint64_t& start, std::uint64_t& end) {
    if (start < first_line || end < start) return;
    std::uint32_t lo = origin[at(start)], hi = lo;
    for (std::uint64_t k = at(start); k <= at(end); ++k) {
      lo = std::min(lo, origin[k]);
      hi = std::max(hi, origin[k]);
    }
    start = first_line + lo;
    end = first_line + hi;
  };
  for (Article& art : a.result.articles) span(art.line_start, art.line_end);
  for (Leftover& l : a.result.leftovers) span(l.line_start, l.line_end);
  for (Line& l : a.lines.lines) l.number = first_line + origin[at(l.number)];
}

// Doubt is visible: an article whose text was put back together from pieces read in turn
// with another column's says so.
void note_pieces_put_back(PageResult& result, const std::vector<bool>& put_back, std::uint64_t first_line) {
  for (Article& art : result.articles) {
    if (art.line_end < art.line_start || art.line_start < first_line) continue;
    const std::uint64_t from = art.line_start - first_line, to = std::min<std::uint64_t>(art.line_end - first_line + 1, put_back.size());
    for (std::uint64_t k = from; k < to; ++k)
      if (put_back[k]) {
        art.warnings.emplace_back(kPiecesPutBack);
        break;
      }
  }
}

}  // namespace

PageAnalysis analyse_page(std::string_view text, std::uint64_t first_line, const SplitOptions& options) {
  PageAnalysis a;
  if (std::optional<ColumnsRead> columns = read_columns_side_by_side(text)) {
    a.columns = std::make_unique<ColumnsRead>(std::move(*columns));
    text = a.columns->text;
  }
  if (std::string folded; fold_lookalikes(text, folded)) {
    a.folded = std::make_unique<std::string>(std::move(folded));
    text = *a.folded;
  }
  a.lines = read_lines(text, first_line);
  if (std::optional<InTurnRead> in_turn = read_pieces_in_turn(text, a.lines)) {
    a.in_turn = std::make_unique<InTurnRead>(std::move(*in_turn));
    a.lines = read_lines(a.in_turn->text, first_line);
  }
  a.units = classify(a.lines);
  a.layout = decide_layout(a.units);
  a.result = assemble(a.lines, a.units, a.layout, AssembleOptions{options.clean});
  std::uint64_t index = 0;
  for (Article& art : a.result.articles) art.index = ++index;
  if (a.in_turn) note_pieces_put_back(a.result, a.in_turn->put_back, first_line);
  if (a.in_turn && a.columns)
    for (std::uint32_t& line : a.in_turn->origin) line = a.columns->origin[line];
  if (a.in_turn && !a.in_turn->origin.empty()) restore_line_numbers(a, a.in_turn->origin, first_line);
  else if (a.columns && !a.columns->origin.empty()) restore_line_numbers(a, a.columns->origin, first_line);
  stamp_records(a.result, read_page_head(a.result));
  return a;
}

std::string explain(const PageAnalysis& a) {
  std::string out;
  if (a.columns)
    out += fmt::format("columns: {} set side by side on each line (as pdftotext -layout keeps them), read one after another\n",
                       a.columns->columns);
  if (a.in_turn)
    out += fmt::format("pieces: {} read in turn with another column's put back after the piece they go on from\n",
                       a.in_turn->moved);
  for (const Unit& u : a.units) {
    std::string text;
    for (const Span& sp : u.spans) {
      if (!text.empty()) text += " / ";
      text += sp.text;
    }
    // Long units are shown by their first characters.
    std::size_t cut = 0, n = 0;
    while (cut < text.size() && n < 40) {
      unicode::next(text, cut);
      ++n;
    }
    if (cut < text.size()) {
      text.resize(cut);
      text += "…";
    }
    out += fmt::format("{:>5}-{:<5} {:<10} {:<34} {}\n", u.first_line(a.lines), u.last_line(a.lines), role_name(u.role),
                       u.rule, text);
  }
  for (const HeadlineRun& run : a.layout.runs) {
    std::string text;
    for (std::size_t k = run.begin; k < run.end; ++k) text += a.units[k].text();
    out += fmt::format("run {}-{}: {} \"{}\": {}", a.units[run.begin].first_line(a.lines), a.units[run.end - 1].last_line(a.lines),
                       run.edge ? "headline" : "subhead", text, run.reason);
    out += run.cohesion >= 0 ? fmt::format(" (cohesion {:.3f})\n", run.cohesion) : "\n";
  }
  for (const auto& e : a.layout.evidence) out += fmt::format("layout: {}\n", describe(e));
  out += fmt::format("layout: headlines {} their bodies (score {:.2f})\n",
                     a.layout.headlines == HeadlinePosition::After ? "after" : "before", a.layout.score);
  return out;
}

namespace {

void json_string(std::string& out, std::string_view key, std::string_view value) {
  out += fmt::format("\"{}\":\"", key);
  json_escape(value, out);
  out += '"';
}

std::string_view evidence_kind(LayoutEvidence::Kind k) {
  switch (k) {
    case LayoutEvidence::PageOpens: return "page opens";
    case LayoutEvidence::PageEnds: return "page ends";
    case LayoutEvidence::Wording: return "wording";
  }
  return "?";
}

}  // namespace

std::string explain_json(const PageAnalysis& a) {
  std::string out = "{";
  const TextShape& shape = a.lines.shape;
  out += fmt::format("\"shape\":{{\"line_each\":{},\"indents\":{},\"blank_paragraphs\":{},\"columns_side_by_side\":{},\"pieces_put_back\":{}}}",
                     shape.line_each, shape.indents, shape.blank_paragraphs, a.columns ? a.columns->columns : 0,
                     a.in_turn ? a.in_turn->moved : 0);
  out += ",\"units\":[";
  for (std::size_t k = 0; k < a.units.size(); ++k) {
    const Unit& u = a.units[k];
    if (k) out += ',';
    out += fmt::format("{{\"lines\":[{},{}],", u.first_line(a.lines), u.last_line(a.lines));
    json_string(out, "role", role_name(u.role));
    out += ',';
    json_string(out, "rule", u.rule);
    out += ',';
    json_string(out, "text", u.text());
    if (!u.dateline.empty()) {
      out += ',';
      json_string(out, "dateline", u.dateline);
    }
    if (!u.people.text.empty() || !u.people.names.empty()) {
      out += ",\"people\":{";
      json_string(out, "text", u.people.text);
      out += ",\"names\":[";
      for (std::size_t n = 0; n < u.people.names.size(); ++n) {
        if (n) out += ',';
        out += '"';
        json_escape(u.people.names[n], out);
        out += '"';
      }
      out += "]}";
    }
    if (u.opens_story) out += ",\"opens_story\":true";
    out += '}';
  }
  out += "],\"runs\":[";
  for (std::size_t r = 0; r < a.layout.runs.size(); ++r) {
    const HeadlineRun& run = a.layout.runs[r];
    if (r) out += ',';
    std::string text;
    for (std::size_t k = run.begin; k < run.end; ++k) text += a.units[k].text();
    out += fmt::format("{{\"units\":[{},{}],\"lines\":[{},{}],", run.begin, run.end - 1, a.units[run.begin].first_line(a.lines),
                       a.units[run.end - 1].last_line(a.lines));
    json_string(out, "text", text);
    out += fmt::format(",\"edge\":{},", run.edge);
    json_string(out, "reason", run.reason);
    if (run.cohesion >= 0) out += fmt::format(",\"cohesion\":{:.3f}", run.cohesion);
    out += '}';
  }
  out += fmt::format("],\"layout\":{{\"headlines\":\"{}\",\"score\":{:.2f},\"evidence\":[",
                     a.layout.headlines == HeadlinePosition::After ? "after" : "before", a.layout.score);
  for (std::size_t e = 0; e < a.layout.evidence.size(); ++e) {
    const LayoutEvidence& ev = a.layout.evidence[e];
    if (e) out += ',';
    out += '{';
    json_string(out, "kind", evidence_kind(ev.kind));
    out += ',';
    json_string(out, "headline", ev.headline);
    out += fmt::format(",\"first\":{:.3f},\"second\":{:.3f},\"weight\":{:.3f}}}", ev.first, ev.second, ev.weight);
  }
  out += "]}}";
  return out;
}

PageResult split_page(std::string_view text, std::uint64_t first_line, const SplitOptions& options) {
  return std::move(analyse_page(text, first_line, options).result);
}

PageResult split_page(const Page& page, const SplitOptions& options) {
  PageResult r = split_page(page.text, page.first_line, options);
  for (Article& a : r.articles) a.page = page.number;
  for (Leftover& l : r.leftovers) l.page = page.number;
  if (!r.articles.empty()) {
    if (page.cut_before)
      r.articles.front().warnings.emplace_back("the input was cut here to bound memory; the article may begin in the record before");
    if (page.cut_after)
      r.articles.back().warnings.emplace_back("the input was cut here to bound memory; the article may go on in the next record");
  }
  return r;
}

}  // namespace newsplit
