#include "newsplit/classify.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"
#include "cohesion.hpp"

namespace newsplit {
namespace cv = conventions;

namespace {

// The words that open a dateline: the paper's own (本报讯) or an agency or paper, before a
// place and a date (本报北京7月10日电, 新华社北京7月10日电).
constexpr std::array<std::string_view, 2> kOwnDatelines = {"本报讯", "本報訊"};
constexpr std::array<std::string_view, 12> kAgencies = {"本报",   "新华社", "中新社", "中新网", "人民网", "新华网",
                                                        "央视网", "央广网", "据新华社", "本報", "新華社", "中央社"};
// The labels of lead boxes (导读 only in brackets: 【导读】).
constexpr std::array<std::string_view, 4> kLeadLabels = {"核心提示", "内容提要", "编者按", "导读"};
constexpr std::string_view kLabelBracket = "【";
// The words photo captions start with (图为…, or naming the picture: 上图, 图①).
constexpr std::array<std::string_view, 12> kCaptionStarts = {"图为", "上图", "下图", "左图", "右图", "图①",
                                                             "图：", "图:", "图片：", "圖為", "圖：", "题图"};

// The first character of a word (UTF-8, up to three bytes: the words above are Han).
constexpr char32_t first_char(std::string_view w) {
  const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(w[i])); };
  if (b(0) < 0x80) return b(0);
  if (b(0) < 0xE0) return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
  return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
}
// The first characters of the words of some lists: a line that starts with none of them
// opens none of the words, and the rule need not read it. Derived from the lists, so that a
// word added to a list is never kept out by its prefilter.
template <std::size_t... N>
constexpr auto first_chars(const std::array<std::string_view, N>&... lists) {
  std::array<char32_t, (N + ...)> out{};
  std::size_t k = 0;
  ((void)[&] {
    for (std::string_view w : lists) out[k++] = first_char(w);
  }(), ...);
  return out;
}
template <std::size_t N>
constexpr bool one_of(char32_t c, const std::array<char32_t, N>& set) {
  for (char32_t s : set)
    if (s == c) return true;
  return false;
}
constexpr auto kDatelineFirsts = first_chars(kOwnDatelines, kAgencies);
constexpr auto kLabelFirsts = first_chars(kLeadLabels, std::array<std::string_view, 1>{kLabelBracket});
constexpr auto kCaptionFirsts = first_chars(kCaptionStarts);

// Headline parts are short: "up to about 30 characters" a line; unwrapped pages run a
// little longer.
constexpr int kHeadlineMaxChars = 36;
// Credit and byline lines are a handful of short tokens.
constexpr int kPeopleMaxChars = 48;
// A column rubric (■观点) is a mark and a few characters.
constexpr std::size_t kRubricMaxChars = 8;
// A caption runs over this many lines at most.
constexpr std::size_t kCaptionLines = 6;
// A bare caption where a picture stood is a line or two of this length at most.
constexpr int kBareCaptionMaxChars = 48;
// A line within this many half-em units of its column's width fills the column.
constexpr int kSameColumn = 2;

template <typename Pred>
bool has_any(std::string_view s, Pred is_mark) {
  for (std::size_t i = 0; i < s.size();)
    if (is_mark(unicode::next(s, i))) return true;
  return false;
}

// Names, roles and sources are short and hold no mark of prose: the size of a credit. (A
// text that grows past it stays past it.)
bool credit_sized(std::string_view line) {
  return unicode::count(line) <= kPeopleMaxChars && !has_any(line, conventions::is_prose_mark);
}

// A credit that says what it is: a photographer, or names with a role or a picture source
// (not bare names, which may as well be a byline or a headline).
bool says_what_it_is(const People& p) { return p.photo || ((p.has_role || p.has_source) && !p.names.empty()); }

int count_item_marks(std::string_view s) {
  // Every item mark is a geometric shape or a star, U+25A0..25FF and U+2605..2606: three
  // bytes from E2 96 80 to E2 98 BF. A lead byte is never a continuation byte, so the
  // bytes are read as they come and only those sequences decoded.
  int n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (p[i] != 0xE2 || p[i + 1] < 0x96 || p[i + 1] > 0x98) continue;
    std::size_t k = i;
    n += cv::is_item_mark(unicode::next(s, k));
  }
  return n;
}

std::string_view drop_first(std::string_view s) {
  std::size_t i = 0;
  unicode::next(s, i);
  return s.substr(i);
}

}  // namespace

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

namespace rules {

// Running heads repeat several marked section names on one line (■高度 ■深度 ■力度), and
// editor lines, dates with weekdays and page labels head every page.
bool running_head(std::string_view line) {
  return marked_names(line) || marked_names_then_banner(line) || cv::is_furniture_line(line) || rubric(line);
}

// Several marked names on one line (■高度 ■深度 ■力度): a running head. Marked items of a
// list run longer (●优良水质比例从67%提升到96.5% ●地区生产总值…).
bool marked_names(std::string_view line) {
  constexpr std::size_t kNameChars = 8;
  if (count_item_marks(line) < 2) return false;
  std::size_t run = 0;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = unicode::next(line, i);
    if (cv::is_item_mark(c) || unicode::is_space(c)) run = 0;
    else if (++run > kNameChars) return false;
  }
  return true;
}

// Where line ends were turned into spaces (a viewer's copy), the section banner set under a
// marked running head follows it after a space (■高度 ■深度 ■力度 ■温度周刊 新论思想思想
// 深入学习贯彻市委六届七次全会精神): the running head, then a banner's length with no mark.
bool marked_names_then_banner(std::string_view line) {
  line = unicode::trim(line);
  const std::size_t at = line.rfind(' ');
  if (at == std::string_view::npos || !marked_names(line.substr(0, at))) return false;
  const std::string_view banner = unicode::trim(line.substr(at));
  const std::size_t n = unicode::count(banner);
  return n >= 2 && n <= static_cast<std::size_t>(kHeadlineMaxChars) &&
         !has_any(banner, [](char32_t c) { return cv::is_sentence_mark(c) || cv::is_item_mark(c); });
}

// Column rubrics carry one mark and a short name (■观点, ■聚焦): the shape of a byline, but
// not a name.
bool rubric(std::string_view line) {
  line = unicode::trim(line);
  if (!cv::is_item_mark(unicode::first(line)) || count_item_marks(line) != 1) return false;
  const std::string_view rest = unicode::trim(drop_first(line));
  const std::size_t n = unicode::count(rest);
  return n >= 1 && n <= kRubricMaxChars && !has_any(rest, [](char32_t c) { return cv::is_sentence_mark(c) || c == U' '; }) && !byline(line);
}

// People tokens: names, role words (记者, 通讯员, 摄), organisations, picture sources.
// Under need_surname (a line with no role word or organisation) every name must start
// with a surname, since bare names are otherwise hard to tell from short phrases.
// Where the photographer's mark 摄 starts in a token that names a photographer: 张三摄, or
// 张三摄（新华社发） with the picture's source in brackets after it; npos when it does not.
std::size_t photographer_end(std::string_view t) {
  constexpr std::string_view kShot = "摄";
  std::string_view body = t;
  if (body.ends_with("）") || body.ends_with(")")) {
    const std::size_t open = std::min(body.rfind("（"), body.rfind("("));
    if (open == std::string_view::npos || open == 0) return std::string_view::npos;
    body = body.substr(0, open);
  }
  if (!body.ends_with(kShot) || body.size() <= kShot.size()) return std::string_view::npos;
  return body.size() - kShot.size();
}

bool people(std::string_view text, bool need_surname, People* out) {
  People p;
  for (std::string_view t : cv::name_tokens(text)) {
    if (cv::is_role_word(t)) {
      p.has_role = true;
      p.photo = p.photo || t == "摄" || t == "摄影" || t == "攝" || t == "攝影";
      continue;
    }
    if (const std::size_t at = photographer_end(t); at != std::string_view::npos) {
      // 张三摄, 谢贵明摄（人民视觉）, 迈克尔·普罗布斯特摄（新华社发）: a photographer, and where
      // the picture came from. A foreign name (written with a middle dot) is no author here.
      const std::string_view name = t.substr(0, at);
      if (cv::is_name(name, false)) p.names.emplace_back(name);
      else if (name.find("·") == std::string_view::npos) return false;
      p.has_role = p.photo = true;
      continue;
    }
    if (cv::is_picture_source(t)) { p.has_source = true; continue; }
    if (const std::size_t r = cv::role_prefix(t); r && cv::is_name(t.substr(r), false)) {
      p.has_role = true;  // 记者杨铌紫
      p.names.emplace_back(t.substr(r));
      continue;
    }
    if (cv::is_name(t, false)) { p.names.emplace_back(t); continue; }
    if (const std::size_t r = cv::role_suffix(t); r) {
      const std::string_view before = t.substr(0, t.size() - r);
      if (t.ends_with("摄") && cv::is_name(before, false)) p.names.emplace_back(before);  // 张三摄
      p.has_role = true;  // 新重庆-重庆日报记者
      continue;
    }
    if (cv::is_organisation(t)) { p.has_role = true; continue; }
    return false;  // a token that is no name, role, organisation or source: not a list of people
  }
  if (need_surname && !p.has_role && !p.has_source) {
    for (const auto& n : p.names)
      if (!cv::starts_with_surname(n)) return false;
  }
  if (!out) return true;
  // The text as written, spaces collapsed; the names were read from it split at spaces and
  // enumeration commas (记者张三、李四).
  for (std::string_view t : cv::tokens(text)) {
    if (!p.text.empty()) p.text.push_back(' ');
    p.text.append(t);
  }
  *out = std::move(p);
  return true;
}

namespace {

// A name as a reporter's bracket holds it: two to four Han characters from a surname.
bool reporter_name(std::string_view t) { return cv::is_name(t, true); }

// The names in a run of Han characters with no spaces (苏秋伟陈杰菲): two or three characters
// each, each from a surname, the split with the most three-character names (the commonest
// length). Empty when no split fits.
std::vector<std::string> split_names(std::string_view run) {
  std::vector<std::size_t> starts;  // byte offset of each character
  for (std::size_t i = 0; i < run.size(); unicode::next(run, i)) starts.push_back(i);
  const std::size_t n = starts.size();
  starts.push_back(run.size());
  if (n >= 2 && n <= 4 && reporter_name(run)) return {std::string(run)};
  // best[k]: the best split of the first k characters (names of three counted), -1 when none
  std::vector<int> best(n + 1, -1);
  std::vector<std::size_t> from(n + 1, 0);
  best[0] = 0;
  for (std::size_t k = 2; k <= n; ++k)
    for (std::size_t len : {std::size_t{2}, std::size_t{3}}) {
      if (k < len || best[k - len] < 0) continue;
      const std::string_view name = run.substr(starts[k - len], starts[k] - starts[k - len]);
      if (!cv::starts_with_surname(name)) continue;
      const int score = best[k - len] + (len == 3);
      if (score > best[k]) best[k] = score, from[k] = k - len;
    }
  if (best[n] < 0) return {};
  std::vector<std::string> names;
  for (std::size_t k = n; k > 0; k = from[k]) names.emplace_back(run.substr(starts[from[k]], starts[k] - starts[from[k]]));
  std::reverse(names.begin(), names.end());
  return names;
}

// The reporters' bracket read again without the spaces a line break left (记 者张三, 记者张 三,
// 记者 苏秋伟陈杰菲): role words part the names, and runs of names are told apart by their
// surnames.
People reporters_rejoined(std::string_view bracket) {
  People p;
  std::string joined;
  for (std::size_t i = 0; i < bracket.size();) {
    const std::size_t at = i;
    const char32_t c = unicode::next(bracket, i);
    if (!unicode::is_space(c)) joined.append(bracket.substr(at, i - at));
  }
  // The byline is written again from what was read: roles and names, a space between,
  // and the commas that listed them kept where they stood (记者 张三、李四): a byline
  // loses no character of the page.
  bool after_comma = false;
  auto write = [&](std::string_view t) {
    if (!p.text.empty() && !after_comma) p.text.push_back(' ');
    p.text.append(t);
    after_comma = false;
  };
  std::size_t written = 0;  // bytes of `joined` written so far
  auto write_commas_to = [&](std::size_t to) {
    if (to <= written) return;
    p.text.append(joined, written, to - written);
    after_comma = true;
  };
  for (std::string_view piece : cv::name_tokens(joined)) {
    write_commas_to(static_cast<std::size_t>(piece.data() - joined.data()));
    written = static_cast<std::size_t>(piece.data() - joined.data()) + piece.size();
    std::size_t run_start = 0, i = 0;
    auto flush_run = [&](std::size_t end) {
      if (end <= run_start) return;
      const std::string_view run = piece.substr(run_start, end - run_start);
      auto names = split_names(run);
      if (names.empty()) write(run);
      for (auto& name : names) {
        write(name);
        p.names.push_back(std::move(name));
      }
    };
    while (i < piece.size()) {
      const std::size_t r = cv::role_prefix(piece.substr(i));
      if (r > 0) {
        flush_run(i);
        p.has_role = true;
        write(piece.substr(i, r));
        i += r;
        run_start = i;
        continue;
      }
      unicode::next(piece, i);
    }
    flush_run(piece.size());
  }
  write_commas_to(joined.size());
  return p;
}

}  // namespace

bool reporters(std::string_view bracket, People* out) {
  People p;
  // As written: role words and names, one a token (记者 张三 通讯员 李四, 记者张三、李四).
  bool as_written = true;
  for (std::string_view t : cv::name_tokens(bracket)) {
    if (cv::is_role_word(t) && t != "文" && t != "摄") {
      p.has_role = true;
    } else if (const std::size_t r = cv::role_prefix(t); r && reporter_name(t.substr(r))) {
      p.has_role = true;
      p.names.emplace_back(t.substr(r));
    } else if (reporter_name(t)) {
      p.names.emplace_back(t);
    } else if (const std::size_t r = cv::role_suffix(t); r && reporter_name(t.substr(0, t.size() - r))) {
      p.has_role = true;  // 严洋通讯员: the line ran a name into the next role
      p.names.emplace_back(t.substr(0, t.size() - r));
    } else if (cv::role_suffix(t) && !cv::is_name(t, false)) {
      p.has_role = true;  // 新重庆-重庆日报记者
    } else {
      as_written = false;
      break;
    }
  }
  if (!as_written || p.names.empty()) {
    p = reporters_rejoined(bracket);
    if (p.names.empty()) return false;
  } else {
    for (std::string_view t : cv::tokens(bracket)) {
      if (!p.text.empty()) p.text.push_back(' ');
      p.text.append(t);
    }
  }
  if (p.names.empty()) return false;
  if (out) *out = std::move(p);
  return true;
}

// A byline before the body: a mark and names (■吴刚, ■殷俊 甘田, ■新重庆-重庆日报记者 夏元),
// or a role word and names (本报记者 张三 通讯员 李四).
bool byline(std::string_view line, People* out) {
  line = unicode::trim(line);
  if (line.empty() || unicode::count(line) > kPeopleMaxChars) return false;
  if (has_any(line, cv::is_sentence_mark)) return false;
  const int marks = count_item_marks(line);
  std::string_view rest = line;
  if (marks == 1 && cv::is_item_mark(unicode::first(line))) {
    rest = unicode::trim(drop_first(line));
  } else if (marks == 0) {
    // Without a mark, a role opens the line: 本报记者 张三, 新重庆-重庆日报记者 张三 实习生 李四.
    const auto toks = cv::tokens(line);
    const std::string_view first = toks.empty() ? std::string_view{} : toks.front();
    const bool role = cv::is_role_word(first) ? first != "文" && first != "摄" : cv::role_suffix(first) > 0 && !first.ends_with("摄");
    if (!role || toks.size() < 2) return false;
  } else {
    return false;
  }
  // Bare names must start with a surname (■吴刚), so that a rubric (■观点) is no byline;
  // with a role word (■新重庆-重庆日报记者 夏元) any name goes. A photographer's credit
  // (本报记者 张三摄) closes the story it stands under.
  People p;
  if (!people(rest, true, &p) || p.names.empty() || p.photo) return false;
  // Only the byline flag ■ is markup; another mark (●张三, ◆本报记者 李四) is the paper's
  // text and stays in the byline.
  if (marks == 1 && unicode::first(line) != U'■') p.text = std::string(line.substr(0, line.size() - drop_first(line).size())) + p.text;
  if (out) *out = std::move(p);
  return true;
}

namespace {

// The text a dateline may run over: a line and the few after it (a dateline's word and
// its reporter's bracket wrap like any text, and pdfminer puts a blank line where the
// column box broke: 新华社金边1月5日 / blank / 电 （记者吴长伟）柬…).
class Stream {
 public:
  struct Pos {
    std::size_t piece = 0, at = 0;
  };
  static constexpr std::size_t kLines = 4;
  // From byte `from` of the line on.
  Stream(const PageLines& page, std::size_t line, std::size_t from = 0) {
    for (std::size_t k = line, blanks = 0; k < page.lines.size() && pieces_.size() < kLines; ++k) {
      if (page.lines[k].blank()) {
        if (++blanks > 1) break;
        continue;
      }
      blanks = 0;
      pieces_.push_back(Span{k, page.lines[k].text.substr(k == line ? from : 0)});
    }
  }
  explicit Stream(std::string_view text) { pieces_.push_back(Span{0, text}); }
  // p moved off the end of a piece to the start of the next.
  void settle(Pos& p) const {
    while (p.piece < pieces_.size() && p.at >= pieces_[p.piece].text.size()) p = Pos{p.piece + 1, 0};
  }
  // The next character at p, and p moved past it; 0 at the end.
  char32_t next(Pos& p) const {
    settle(p);
    return p.piece < pieces_.size() ? unicode::next(pieces_[p.piece].text, p.at) : 0;
  }
  // The same, past layout spaces (justified spacing, line ends).
  char32_t next_solid(Pos& p) const {
    for (;;) {
      const char32_t c = next(p);
      if (c == 0 || !unicode::is_space(c)) return c;
    }
  }
  const Span& piece(std::size_t k) const { return pieces_[k]; }

 private:
  std::vector<Span> pieces_;
};

bool is_news_mark(char32_t c) { return c == U'电' || c == U'讯' || c == U'電' || c == U'訊'; }

// Matches `word` at p, spaces between its characters allowed.
bool match_word(const Stream& s, Stream::Pos& p, std::string_view word) {
  Stream::Pos q = p;
  for (std::size_t i = 0; i < word.size();)
    if (s.next_solid(q) != unicode::next(word, i)) return false;
  p = q;
  return true;
}

// The dateline's word at the start of the stream: 本报讯, or an agency, a place and a date and
// 电 or 讯 (本报北京7月10日电, 新华社北京7月10日电). `word` gets it without spaces, `end` where it ends.
bool match_dateline_word(const Stream& s, std::string& word, Stream::Pos& end) {
  for (std::string_view w : kOwnDatelines) {
    Stream::Pos p;
    if (match_word(s, p, w)) return word = std::string(w), end = p, true;
  }
  // A place and a date: a few Han characters and digits.
  constexpr int kPlaceAndDate = 16;
  for (auto a : kAgencies) {
    Stream::Pos p;
    if (!match_word(s, p, a)) continue;
    std::string w(a);
    for (int n = 0; n < kPlaceAndDate; ++n) {
      const char32_t c = s.next_solid(p);
      if (is_news_mark(c) && n > 0) {
        unicode::append(w, c);
        return word = std::move(w), end = p, true;
      }
      if (!(unicode::is_han(c) || (c >= '0' && c <= '9'))) break;
      unicode::append(w, c);
    }
  }
  return false;
}

}  // namespace

// Datelines open news stories: 本报讯, 本报北京7月10日电, 新华社北京7月10日电 (and 讯).
std::size_t dateline_word(std::string_view line) {
  const Stream s(line);
  std::string word;
  Stream::Pos end;
  return match_dateline_word(s, word, end) ? end.at : 0;
}

std::optional<DatelineMatch> dateline(const PageLines& page, std::size_t line, std::size_t from) {
  const Stream s(page, line, from);
  DatelineMatch m;
  Stream::Pos end;
  if (!match_dateline_word(s, m.word, end)) return std::nullopt;
  // The reporter's bracket: （记者 张三）, wrapping over a line or two.
  constexpr int kBracketChars = 48;
  Stream::Pos p = end;
  const char32_t open = s.next_solid(p);
  if (open == U'（' || open == U'(') {
    std::string inside;
    std::size_t piece = p.piece, from = p.at;
    auto take = [&](std::size_t to) {  // the bracket's part of the piece, justified spacing taken out
      const Span& sp = s.piece(piece);
      const std::string_view part = sp.text.substr(from, to - from);
      inside += page.lines[sp.line].justified ? cv::unjustified(part) : std::string(part);
    };
    for (int n = 0; n < kBracketChars; ++n) {
      s.settle(p);
      if (p.piece != piece) {
        take(s.piece(piece).text.size());
        piece = p.piece;
        from = 0;
      }
      const Stream::Pos before = p;
      const char32_t c = s.next(p);
      if (c == 0) break;
      if (c == U'）' || c == U')') {
        take(before.at);
        m.reporter = std::string(unicode::trim(inside));
        end = p;
        break;
      }
    }
  }
  // Offsets in the line's text: the first piece starts at `from`.
  auto line_offset = [&](std::size_t piece, std::size_t at) { return piece == 0 ? from + at : at; };
  const Span& last = s.piece(end.piece);
  m.end_line = last.line;
  m.end_at = line_offset(end.piece, end.at);
  if (end.at == 0 && end.piece > 0) {  // ended with a piece: it ends at the end of the one before
    m.end_line = s.piece(end.piece - 1).line;
    m.end_at = line_offset(end.piece - 1, s.piece(end.piece - 1).text.size());
  }
  return m;
}

// Author notes close opinion pieces: （作者单位：…）, （作者系…）, （作者单位分别为…）; a
// justified column spaces them out like the text (（ 作 者 系 …）).
bool note_start(std::string_view line) {
  std::string closed;
  if (line.find(' ') != std::string_view::npos && cv::is_justified(line)) {
    closed = cv::unjustified(line.substr(0, std::min<std::size_t>(line.size(), 48)));
    line = closed;
  }
  for (std::string_view open : {"（", "("}) {
    if (!line.starts_with(open)) continue;
    const std::string_view in = line.substr(open.size());
    return in.starts_with("作者") || in.starts_with("本文作者") || in.starts_with("本文系") ||
           in.starts_with("本文为");
  }
  return false;
}

// Credit lines close stories: an organisation and names, perhaps a photo mark
// (XX县融媒体中心 龚长浩 摄), bare names (王静 刘廷), or where the pictures come from.
bool credit(std::string_view line, People* out) {
  line = unicode::trim(line);
  if (line.empty() || !credit_sized(line) || cv::is_item_mark(unicode::first(line))) return false;
  People p;
  if (!people(line, true, &p)) return false;
  const std::size_t ntok = cv::tokens(line).size();
  const bool ok = p.has_source || p.photo || (!p.names.empty() && (p.has_role || (ntok >= 2 && p.names.size() == ntok)));
  if (!ok) return false;
  if (out) *out = std::move(p);
  return true;
}

std::size_t trailing_credit(std::string_view line, People* out) {
  // The credit follows the sentence that ends the story, after a space.
  std::size_t i = line.size();
  while (i > 0) {
    const std::size_t at = i;
    const char32_t c = unicode::prev(line, i);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'”' || c == U'…') {
      const std::string_view tail = line.substr(at);
      if (tail.empty() || !unicode::is_space(unicode::first(tail))) return std::string_view::npos;
      People p;
      if (!credit(tail, &p) || !(p.has_role || p.has_source || p.names.size() >= 2)) return std::string_view::npos;
      if (out) *out = std::move(p);
      return at + (tail.size() - unicode::trim(tail).size());
    }
  }
  return std::string_view::npos;
}

// Photo captions start with 图为 (or name the picture: 上图, 图①).
bool caption_start(std::string_view line) {
  for (auto s : kCaptionStarts)
    if (line.starts_with(s)) return true;
  return false;
}

// Captions end with the photographer or the picture's source (the convention is read by
// the blocks stage too, so it lives with the other conventions).
bool photo_credit_end(std::string_view line) { return cv::ends_photo_credit(line); }

// Lead boxes open with a label: 核心提示 (also 【核心提示】, 核心提示：…).
std::size_t lead_label(std::string_view line) {
  std::size_t i = 0;
  const bool bracket = line.starts_with(kLabelBracket);
  if (bracket) i += kLabelBracket.size();
  bool found = false;
  for (std::string_view w : kLeadLabels) {
    if (line.substr(i).starts_with(w)) {
      if (w == "导读" && !bracket) return 0;
      i += w.size();
      found = true;
      break;
    }
  }
  if (!found) return 0;
  if (bracket) {
    if (!line.substr(i).starts_with("】")) return 0;
    i += std::string_view("】").size();
  }
  const std::string_view rest = line.substr(i);
  for (std::string_view colon : {"：", ":"})
    if (rest.starts_with(colon)) return i + colon.size();
  // "核心提示着…" is the word inside a sentence, not a label: a label stands alone or before a space.
  if (!rest.empty() && !unicode::is_space(unicode::first(rest))) return 0;
  return i;
}

// Headlines and subheads are short lines with no sentence-final punctuation, whole in
// themselves (quotes and brackets closed); they may hold ！？“”：. One part wraps over
// two lines at most.
namespace {

// A headline's shape over measured lines: one part, perhaps wrapped onto a second line.
// `set_apart`: a blank line follows (a headline of three phrases stands so; prose runs on).
bool headline_lines(const Line* lines, std::size_t n, bool set_apart) {
  // A line opening with an item mark is a byline, a rubric or a list item of the text.
  if (cv::is_item_mark(lines[0].first)) return false;
  int han = 0, marks = 0, commas = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Line& l = lines[k];
    const std::string_view t = l.text;
    // A part wrapped over two lines may leave one character on the second (球商培养宜早不宜 / 迟).
    const int fewest = k > 0 ? 1 : 2;
    if (l.chars < fewest || l.chars > kHeadlineMaxChars || l.last == U'。' || l.last == U'，' || l.last == U'、') return false;
    // One ！ or ？ at most: two make it sentences of prose. So do two commas, but on a line
    // of its own set apart by a blank line (a headline of three phrases).
    bool full_stop = false;  // cv::has_full_stop, read in the same pass
    for (std::size_t i = 0; i < t.size();) {
      const char32_t c = unicode::next(t, i);
      if (unicode::is_han(c)) {
        ++han;
        continue;
      }
      marks += c == U'！' || c == U'？' || c == U'!' || c == U'?';
      commas += c == U'，' || c == U',';
      full_stop = full_stop || cv::is_full_stop(c);
    }
    if (marks > 1 || (commas > 1 && (n == 2 || !set_apart)) || full_stop || cv::ends_open(t)) return false;
    // A question or exclamation may end the last line.
    if (cv::ends_unit(t) && !(k + 1 == n && (l.last == U'？' || l.last == U'！' || l.last == U'”'))) return false;
  }
  if (han < 2) return false;
  return cv::balanced(lines[0].text, n == 2 ? lines[1].text : std::string_view{});
}

}  // namespace

bool headline_text(std::string_view first, std::string_view second) {
  // No headline part ends with 。，or 、 (headline_lines): most text asked about goes here,
  // before it is measured.
  const char32_t end = unicode::trim_ends(second.empty() ? first : second).last;
  if (end == U'。' || end == U'，' || end == U'、') return false;
  const Line lines[2] = {measure(first), measure(second)};
  return headline_lines(lines, second.empty() ? 1 : 2, false);
}

constexpr int kParagraphIndent = 2;  // half-em units: a character's width or more

bool headline_shaped(const PageLines& page, std::size_t begin, std::size_t end) {
  if (end <= begin || end - begin > 2) return false;
  // On a page whose paragraphs open indented, an indented line opens a paragraph.
  if (page.shape.indents && page.lines[begin].indent >= kParagraphIndent) return false;
  // Justified spacing spreads the characters of a column's full lines: body text.
  for (std::size_t k = begin; k < end; ++k)
    if (page.lines[k].justified) return false;
  return headline_lines(&page.lines[begin], end - begin, end == page.lines.size() || page.lines[end].blank());
}

}  // namespace rules

namespace {

struct Classifier {
  const PageLines& page;
  std::vector<Unit> units;
  std::vector<Span> pending_;  // lines of the current block no line rule has claimed yet
  std::vector<People> credits_;  // what the credit rule read from the credit lines at a block's foot
  bool picture_gaps = true;  // two or more blank lines mark where a picture stood
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

  // Cheap tests on a line's measured features before a rule reads its text: most lines are
  // prose, and the rules for short lines of names and marks need not look at them.
  static bool people_shaped(const Line& l) { return l.chars <= kPeopleMaxChars && !l.prose_marks; }
  static bool may_be_byline(const Line& l) {
    return l.item_marks == 1 ? cv::is_item_mark(l.first) : l.item_marks == 0 && people_shaped(l) && l.spaces > 0;
  }
  // Running heads: several marks, a marked rubric, or a short plain line of furniture.
  static bool running_head(const Line& l) {
    if (l.item_marks == 0) return people_shaped(l) && cv::is_furniture_line(l.text);  // marked names and rubrics carry marks
    return rules::running_head(l.text);
  }
  static bool may_be_dateline(const Line& l) { return one_of(l.first, kDatelineFirsts); }
  static bool may_be_note(const Line& l) { return l.first == U'（' || l.first == U'('; }
  static bool may_be_label(const Line& l) { return one_of(l.first, kLabelFirsts); }
  static bool may_be_caption_start(const Line& l) { return one_of(l.first, kCaptionFirsts); }
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
    constexpr int kMarkLineChars = 12;  // 摄（新华社发）, 摄（视觉中国）
    if (!people_shaped(page.lines[k]) || k + 1 >= page.lines.size()) return false;
    const Line& next = page.lines[k + 1];
    return next.first == U'摄' && next.chars <= kMarkLineChars;
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
    // The unit gets its own exact copy; `pending` keeps its room for the next run of lines.
    std::vector<Span> spans(pending.begin(), pending.end());
    pending.clear();
    // A viewer's copy turns line ends into spaces, and a headline may run on after the
    // paragraph before it (…出席会议。 平陆运河4座跨运河桥梁建成通车) where the next line
    // opens its article: that end of the line is the headline.
    std::optional<Span> run_on;
    if (page.shape.line_each && opener_follows_block(b_index) && spans.back().line + 1 == b.end) run_on = run_on_headline(spans.back());
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

    if (b_index == 0 && units.empty() && standalone && spans.size() == 1 && cv::is_section_name(spans[0].text)) {
      // A section's name above everything else on the page is page furniture.
      push(Role::Furniture, "section name", std::move(spans), before, after);
    } else if (spans.size() == 1 && whole_lines && cv::is_jump_line(spans[0].text)) {
      push(Role::Furniture, "jump line", std::move(spans), before, after);
    } else if (spans.size() == 1 && standalone && page_number(spans[0].text)) {
      push(Role::Furniture, "page number", std::move(spans), before, after);
    } else if (to_block_end && whole_lines && spans.size() <= 4 && rules::photo_credit_end(spans.back().text)) {
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
    } else if (standalone && rules::headline_shaped(page, first, last + 1) && !fills_column_as_prose(first, last) &&
               !word_ran_into(first) && !word_runs_on(b, b_index, last, opener_follows)) {
      push(Role::Headline, "headline shape", std::move(spans), before, after);
    } else if (standalone && spans.size() == 3 && (opener_follows || (to_block_end && opener_follows_block(b_index))) &&
               wrapped_headline(first, last)) {
      // A headline wrapped over three lines of a narrow column, over its byline or dateline.
      push(Role::Headline, "headline over its byline", std::move(spans), before, after);
    } else if (const std::size_t at = standalone && spans.size() == 3 ? two_parts(first, last) : 0;
               at && !word_ran_into(first) && !word_runs_on(b, b_index, last, opener_follows)) {
      // Two headline parts set in one block, one of them wrapped (优良水质比例提升近30个 /
      // 百分点 / 地区生产总值翻一番多).
      std::vector<Span> second(spans.begin() + static_cast<std::ptrdiff_t>(at - first), spans.end());
      spans.resize(at - first);
      push(Role::Headline, "headline shape", std::move(spans), before, 0);
      push(Role::Headline, "headline shape", std::move(second), 0, after);
    } else if (const std::size_t n = (opener_follows || to_block_end) && !run_on ? headline_before_an_opener(spans) : 0;
               n > 0 && (opener_follows || opener_follows_block(b_index))) {
      push_text_then_headline(std::move(spans), n, "headline between a sentence's end and its byline", before, after);
    } else if (to_block_end && !run_on && headline_after_a_column(spans, b_index)) {
      push_text_then_headline(std::move(spans), 1, "headline after a column of other text", before, after);
    } else {
      const std::optional<Span> note = run_on ? std::nullopt : run_on_note(spans.back());
      push(Role::Text, "text", std::move(spans), before, run_on || note ? 0 : after);
      if (note) push(Role::Note, "author note run on after a paragraph", {*note}, 0, after);
    }
    if (run_on) push(Role::Headline, "headline run on after a paragraph", {*run_on}, 0, after);
  }

  // An author note closes an opinion piece; where line ends were turned into spaces (a
  // viewer's copy) it runs on after the last sentence on the same line (…更多反对。
  // （作者为…副主任）): cut off, the line keeps what comes before it.
  static std::optional<Span> run_on_note(Span& line) {
    const std::string_view t = line.text;
    const char32_t end = unicode::last(t);
    if (end != U'）' && end != U')') return std::nullopt;
    const std::size_t open = std::min(t.rfind("（"), t.rfind("("));
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view head = unicode::trim(t.substr(0, open)), tail = t.substr(open);
    if (head.empty() || !cv::ends_sentence(head) || !rules::note_start(tail)) return std::nullopt;
    line.text = head;
    return Span{line.line, tail};
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

  bool opener_follows_block(std::size_t b_index) const {
    return b_index + 1 < page.blocks.size() && opener_line(page.blocks[b_index + 1].begin);
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
      if (head.empty() || tail.empty() || !cv::ends_sentence(head) || !rules::headline_text(tail)) continue;
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
  // headline with a comma: 稳增长，促改革.)
  bool fills_column_as_prose(std::size_t first, std::size_t last) const {
    // (Where blank lines do not end paragraphs, a block of two lines ends at the short second
    // line: a paragraph's last, ending a sentence, or a headline's.)
    if (last == first || !page.shape.blank_paragraphs) return false;
    bool comma = false;
    for (std::size_t k = first; k <= last; ++k)
      comma = comma || page.lines[k].text.find("，") != std::string_view::npos;
    if (!comma) return false;
    return fills_column(page.lines[first]);
  }

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
    constexpr std::size_t kMostLines = 2;  // a headline part wraps over two lines at most
    for (std::size_t n = 1; n <= kMostLines && n < spans.size(); ++n) {
      const std::size_t from = spans.size() - n;
      const std::size_t first = spans[from].line, last = spans.back().line;
      if (last + 1 - first != n) continue;
      bool whole = true;
      for (std::size_t k = from; k < spans.size(); ++k) whole = whole && spans[k].text.size() == page.lines[spans[k].line].text.size();
      if (!whole || !cv::ends_sentence(spans[from - 1].text) || cv::ends_sentence(page.lines[last].text)) continue;
      if (rules::headline_shaped(page, first, last + 1)) return n;
    }
    return 0;
  }

  // Where blank lines do not end paragraphs, a paragraph's last line is short and ends a
  // sentence. A short line that ends none, under a column's full line that stops mid-sentence
  // and whose words do not run into it, ends no paragraph: it is a headline the extractor put
  // after a column of another article (or of the one it heads, read out of order).
  bool headline_after_a_column(const std::vector<Span>& spans, std::size_t b_index) const {
    if (page.shape.blank_paragraphs || page.shape.line_each || spans.size() < 2) return false;
    if (b_index + 1 >= page.blocks.size() || page.blocks[b_index + 1].cut_before != Cut::Short) return false;
    const std::size_t last = spans.back().line;
    const Line& line = page.lines[last];
    const Line& above = page.lines[spans[spans.size() - 2].line];
    if (spans.back().text.size() != line.text.size() || spans[spans.size() - 2].line + 1 != last) return false;
    if (!fills_column(above) || !unicode::is_han(above.last) || cv::ends_sentence(line.text) || cv::continues_text(line.first))
      return false;
    // Digits and Latin letters are set narrower than they count, and a number is not broken
    // over lines: a line holding them or before one may be short and still full.
    const Line& below = page.lines[page.blocks[b_index + 1].begin];
    if (has_any(line.text, unicode::is_ascii_alnum) || unicode::is_ascii_alnum(below.first)) return false;
    return rules::headline_shaped(page, last, last + 1) && !cv::word_continues(above.text, line.text) &&
           !cv::word_continues(line.text, below.text) && !cv::continues_text(below.first);
  }

  // The text before stopped mid-word and the word runs into this block (…外墙整 / blank /
  // 治和加装电梯等): the block is the rest of that sentence, not a headline.
  bool word_ran_into(std::size_t first) const {
    if (units.empty() || units.back().role != Role::Text) return false;
    const std::string_view before = units.back().spans.back().text;
    return !cv::ends_unit(before) && cv::word_continues(before, page.lines[first].text);
  }

  // A paragraph cut mid-word across a blank line (…产业创 / blank / 新中心…) is not a
  // headline, however short: the word runs on into the next block.
  bool word_runs_on(const Block& b, std::size_t b_index, std::size_t last, bool opener_follows) const {
    if (opener_follows || last + 1 != b.end || b_index + 1 >= page.blocks.size()) return false;
    return cv::word_continues(page.lines[last].text, page.lines[page.blocks[b_index + 1].begin].text);
  }

  // A bare short line after two or more blank lines in mid-page stands where a picture
  // was: a caption (unless a byline follows it: then it is a headline).
  bool picture_gap_caption(const Block& b, std::size_t b_index, std::size_t first, std::size_t last) const {
    if (!picture_gaps || b.blanks_before < 2 || b_index == 0 || last - first >= 2) return false;
    for (std::size_t k = first; k <= last; ++k)
      if (page.lines[k].chars > kBareCaptionMaxChars) return false;
    if (cv::ends_sentence(page.lines[last].text) || cv::ends_open(page.lines[last].text)) return false;
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

  // The last line of an author note whose last line so far is `last`: where the bracket
  // closes within a few more lines (one blank line between at most), else `last`.
  std::size_t note_end(std::size_t last) const {
    constexpr std::size_t kMoreLines = 3;
    auto closes = [&](std::size_t k) { return page.lines[k].last == U'）' || page.lines[k].last == U')'; };
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
      // It joins the last paragraph of a story and the next story's first where the two
      // touch (…便已水到渠成。 本报讯 （记者 张三）7月10日…): the dateline opens the next.
      if (auto m = dateline_after_sentence(i, from)) {
        flush(pending_, b, b_index, false);
        push(Role::Text, "text", {Span{i, unicode::trim(t.substr(0, from))}}, blanks_before(b, i), 0);
        return dateline(i, *m, b, pending_, from) ? Took::Lines : Took::Rest;
      }
    }
    if (may_be_note(line) && rules::note_start(t)) return note_lines(b, b_index, i);
    if (const std::size_t n = may_be_label(line) ? rules::lead_label(t) : 0) {
      flush(pending_, b, b_index, true);
      push(Role::LeadLabel, "lead box label", {Span{i, unicode::trim(t.substr(0, n))}}, blanks_before(b, i),
           n == t.size() ? blanks_after(b, i) : 0);
      if (const std::string_view rest = unicode::trim(t.substr(n)); !rest.empty()) pending_.push_back(Span{i, rest});
      ++i;
      return Took::Lines;
    }
    if (may_be_caption_start(line) && rules::caption_start(t)) return caption_lines(b, b_index, i);
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
    if (may_be_credit(line) || photo_mark_follows(i)) return credit_lines(b, b_index, i);
    return Took::Nothing;
  }

  Took running_head_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    const std::string_view t = page.lines[i].text;
    flush(pending_, b, b_index, false);
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
    while (i < b.end) {
      spans.push_back(whole(i));
      const char32_t c = page.lines[i++].last;
      if (c == U'）' || c == U')') break;
    }
    // A note whose bracket is still open at the block's end runs on past a blank line or
    // a cut, as a dateline does (（作者为…竞训 / blank / 总监，…整理）).
    const std::size_t end = note_end(i - 1);
    for (std::size_t k = i; k <= end; ++k)
      if (!page.lines[k].blank()) spans.push_back(whole(k));
    const bool ran_on = end >= i;
    push(Role::Note, "author note", std::move(spans), blanks_before(b, start), ran_on ? 0 : blanks_after(b, i - 1));
    if (!ran_on) return Took::Lines;
    resume_ = end + 1;
    after_claimed_ = end + 1;
    return Took::Rest;
  }

  Took caption_lines(const Block& b, std::size_t b_index, std::size_t& i) {
    flush(pending_, b, b_index, false);
    // The caption runs to the end of the block, but credit lines at its foot
    // (XX县融媒体中心 龚长浩 摄) are credits.
    std::vector<People>& credits = credits_;
    credits.clear();
    std::size_t credits_from = b.end;
    while (credits_from > i + 1 && credit_line(credits_from - 1, credits)) --credits_from;
    std::reverse(credits.begin(), credits.end());  // found from the foot up
    std::vector<Span> spans;
    const std::size_t start = i;
    while (i < credits_from) spans.push_back(whole(i++));
    // A caption cut off mid-sentence by a short line's cut runs on into the next piece
    // (…双边关系前景广 / 阔，愿继续…。), where no blank line stands between.
    std::size_t k = i;
    if (credits.empty())
      while (k < page.lines.size() && k - start < kCaptionLines && !page.lines[k].blank() && !cv::ends_unit(page.lines[k - 1].text) &&
             !opener_line(k) &&
             (cv::continues_text(page.lines[k].first) || cv::word_continues(page.lines[k - 1].text, page.lines[k].text)))
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
      if (!one_of(unicode::next(t, k), kDatelineFirsts) || !before(unicode::trim(t.substr(0, at)), t.substr(start))) continue;
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
      flush(pending_, b, b_index, false);
      push_credits(b, i, credits);
      return Took::Rest;
    }
    // Where no blank line sets it apart, a credit that names a role, a photographer or a
    // source still closes its story (本报记者 张三摄), also when the dump wrapped its
    // last character onto a line of its own (九龙坡区融媒体中心 董志飞 程凤 / 杰).
    People p;
    const std::size_t end = strong_credit(i, p);
    if (end == std::string_view::npos) return Took::Nothing;
    flush(pending_, b, b_index, false);
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

namespace {

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
void join_caption_credits(std::vector<Unit>& units) {
  // A caption that ends with its credit began where the text before it stopped mid-sentence
  // with no blank line between (the dump cut it at a line wider or shorter than the column).
  constexpr std::size_t kCaptionHead = 3;  // lines
  for (std::size_t k = 1; k < units.size(); ++k) {
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
}

}  // namespace

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

// Two characters that make a word of the dictionary (强度, 鲜明) under a headline are as often
// its wrapped end as a name; a name is seldom a word (蔡钧, 江龙).
bool two_characters_a_word(std::string_view name) {
  if (unicode::count(name) != 2) return false;
  std::size_t i = 0;
  unicode::next(name, i);
  return cv::word_continues(name.substr(0, i), name.substr(i));
}

// A line of bare names (杜策广, 田良莉 贺启欢): a single line that a headline or a credit
// rule took, holding names only (a token that is none is a role, a source or no person).
bool bare_names(const Unit& unit, People& p) {
  constexpr std::size_t kMostChars = 3;  // a single bare name; longer ones are words as often
  if ((unit.role != Role::Headline && unit.role != Role::Credit) || unit.spans.size() != 1) return false;
  const std::string_view t = unit.spans[0].text;
  for (std::string_view token : cv::name_tokens(t))
    if (!cv::is_name(token, false)) return false;
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
    if (!bare_names(units[k], p) || (p.names.size() == 1 && two_characters_a_word(p.names[0]))) continue;
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
      if (bare_names(names, p) && (p.names.size() > 1 || unicode::count(p.names[0]) == 3 || !two_characters_a_word(p.names[0]))) {
        units[k].spans.pop_back();
        units[k].blanks_after = 0;
        names.blanks_before = 0;
        names.first_on_page = false;
        units.insert(units.begin() + static_cast<std::ptrdiff_t>(k + 1), std::move(names));
        continue;  // the names are read as the unit after a headline, next
      }
    }
    People p;
    if (!bare_names(units[k], p)) continue;
    const bool after_headline = k > 0 && units[k - 1].role == Role::Headline;
    const bool after_story = k > 0 && units[k - 1].role == Role::Text && cv::ends_unit(units[k - 1].spans.back().text);
    const bool after_closer = k > 0 && is_closer(units[k - 1].role);
    const Role next = role_at(k + 1);
    // (Where lines wrap at a column, two characters set right under a headline are as often
    // its wrapped end: 比赛上 / 强度.)
    const bool wrapped_end = lines_wrap && p.names.size() == 1 && units[k].blanks_before == 0 && two_characters_a_word(p.names[0]);
    if (after_headline && next == Role::Text && !wrapped_end) {
      units[k].role = Role::Byline;
      units[k].rule = "bare names under a headline";
    } else if (after_closer && next == Role::Text && (p.names.size() > 1 || !two_characters_a_word(p.names[0]))) {
      // A story ends at its credit or author note; names set right after it, over text, are
      // the author of the piece that starts there (its headline set elsewhere on the page).
      units[k].role = Role::Byline;
      units[k].rule = "bare names over a body after a closer";
    } else if (units[k].role == Role::Headline && after_story &&
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
namespace {
// A headline part wrapped over a narrow column: this many characters and lines at most.
constexpr std::size_t kHeadlinePartChars = 30;
constexpr std::size_t kHeadlinePartLines = 3;

// Text units from `from` that may be a headline part's pieces: short, no prose mark.
struct Pieces {
  std::size_t chars = 0, lines = 0;
  bool prose = false;
  void add(const Unit& u) {
    for (const Span& sp : u.spans) {
      chars += unicode::count(sp.text);
      ++lines;
      prose = prose || has_any(sp.text, cv::is_prose_mark);
    }
  }
  bool headline_sized() const { return !prose && chars <= kHeadlinePartChars && lines <= kHeadlinePartLines; }
};
}  // namespace

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

// A byline stands between a headline and its body: headline-shaped lines right under the
// byline of a headline open the body (a first sentence cut short by the dump), not another
// article's headline.
void body_under_a_headlines_byline(std::vector<Unit>& units) {
  for (std::size_t k = 2; k < units.size(); ++k) {
    if (units[k].role != Role::Headline || units[k - 1].role != Role::Byline || units[k - 2].role != Role::Headline) continue;
    for (std::size_t j = k; j < units.size() && units[j].role == Role::Headline; ++j) {
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
    return toks.size() == 1 || std::all_of(toks.back().begin(), toks.back().end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A head split over lines (2021年7月20日 星期二 / 重庆日报 / 第4版 要闻): lines of nothing but
  // the paper's name, page labels, section names, dates and weekdays, one of them the paper's
  // name or a page label.
  auto rest_of_head = [&](const Unit& unit) {
    // (A line of its own in the head's block is read as text: nothing else stands by it.)
    if (unit.role != Role::Headline && !(unit.role == Role::Text && unit.spans.size() == 1)) return false;
    bool named = false;
    for (const Span& sp : unit.spans)
      for (std::string_view t : cv::tokens(sp.text)) {
        const bool paper = cv::is_paper_name(t), label = cv::is_page_label(t);
        named = named || paper || label;
        if (!paper && !label && !cv::is_section_name(t) && !cv::find_date(t) && !t.starts_with("星期")) return false;
      }
    return named;
  };
  const std::size_t n = units.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_head(k) || (k >= kEdgeUnits && k + kEdgeUnits < n)) continue;
    for (std::size_t j : {k - 1, k + 1}) {
      if (j < n && rest_of_head(units[j])) {
        units[j].role = Role::Furniture;
        units[j].rule = "running head";
        continue;
      }
      if (j >= n || !section_like(units[j])) continue;
      // Under the head, a headline heads its body (or a byline, a dateline): a section's name does not.
      const Role next = j + 1 < n ? units[j + 1].role : Role::Furniture;
      if (j > k && (next == Role::Text || is_opener(next))) continue;
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

std::vector<Unit> classify(const PageLines& page) {
  Classifier c(page);
  for (std::size_t b = 0; b < page.blocks.size(); ++b) c.block(b);
  join_caption_credits(c.units);
  credit_names_broken_over_a_line(c.units);
  section_names_beside_heads(c.units);
  if (!page.shape.line_each) headline_over_bare_names(c.units, page);
  read_bare_names(c.units, !page.shape.line_each);
  headline_ends_before_openers(c.units);
  headline_starts_after_a_sentence(c.units);
  body_under_a_headlines_byline(c.units);
  split_photo_items(c.units);
  brief_lead_phrases(c.units);
  return std::move(c.units);
}

}  // namespace newsplit
