#include "newsplit/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {
namespace cv = conventions;
using unicode::has_any;

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

// A column rubric (■观点) is a mark and a few characters.
constexpr std::size_t kRubricMaxChars = 8;

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

namespace rules {

bool may_open_dateline(char32_t first) { return one_of(first, kDatelineFirsts); }
bool may_open_label(char32_t first) { return one_of(first, kLabelFirsts); }
bool may_open_caption(char32_t first) { return one_of(first, kCaptionFirsts); }

// A news agency or a paper's website named alone (新华社, 中新社, 人民网).
bool is_agency(std::string_view text) {
  constexpr std::size_t kMostChars = 5;
  const std::size_t n = unicode::count(text);
  return n >= 3 && n <= kMostChars && (text.ends_with("社") || text.ends_with("网")) &&
         !has_any(text, [](char32_t c) { return !unicode::is_han(c); });
}

// The text inside a line that is one pair of brackets and nothing else (（记者 张三）), else empty.
std::string_view bracketed_credit(std::string_view line) {
  for (auto [open, close] : {std::pair{std::string_view("（"), std::string_view("）")}, std::pair{std::string_view("("), std::string_view(")")}}) {
    if (!line.starts_with(open) || !line.ends_with(close) || line.size() <= open.size() + close.size()) continue;
    const std::string_view inside = unicode::trim(line.substr(open.size(), line.size() - open.size() - close.size()));
    if (inside.find(open) != std::string_view::npos || inside.find(close) != std::string_view::npos) return {};
    return inside;
  }
  return {};
}

bool credit_sized(std::string_view line) {
  return unicode::count(line) <= kPeopleMaxChars && !has_any(line, conventions::is_prose_mark);
}

bool says_what_it_is(const People& p) { return p.photo || ((p.has_role || p.has_source) && !p.names.empty()); }

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

namespace {
// A photographer's role set close before the name, the space left out by the paper or the dump
// (新华社记者李贺摄, 本报记者夏元摄): the name after the role, or nothing.
std::string_view name_after_role(std::string_view t) {
  constexpr std::size_t kMostBefore = 12;  // the role and the paper, agency or newsroom before it (新华社记者)
  // The name is the last two to four characters; what stands before them ends with a role word.
  std::size_t at = t.size();
  for (std::size_t chars = 1; chars <= 4 && at > 0; ++chars) {
    unicode::prev(t, at);
    const std::string_view before = t.substr(0, at), name = t.substr(at);
    if (chars >= 2 && unicode::count(before) <= kMostBefore && cv::role_suffix(before) > 0 && cv::is_name(name, false)) return name;
  }
  return {};
}
}  // namespace

namespace {
// The newsroom titles a reporter's name follows.
constexpr std::array<std::string_view, 4> kNewsroomTitles = {"记者", "通讯员", "评论员", "实习生"};

// The name of two to four characters from a surname that follows a newsroom title inside a
// token (新华社记者王静), or nothing. (Stricter than name_after_role: no photo mark says the
// token is a credit, so only a reporter's title and a name from a surname will do.)
std::string_view name_after_newsroom_title(std::string_view t) {
  // An agency or paper, a title and a name: five characters at least, sixteen at most.
  constexpr std::size_t kLeastBytes = 15, kMostBytes = 48, kHan = 3;
  if (t.size() < kLeastBytes || t.size() > kMostBytes) return {};
  for (std::size_t chars = 2; chars <= 4; ++chars) {
    const std::string_view before = t.substr(0, t.size() - kHan * chars), name = t.substr(before.size());
    for (std::string_view title : kNewsroomTitles)
      if (before.size() > title.size() && before.ends_with(title) && cv::is_name(name, true)) return name;
  }
  return {};
}

// Two names set close together, the space between them lost (韩红勇罗红岚, 武辉琼邵学: a dump
// can drop the space a credit or byline sets between names): five or six Han characters that
// part in exactly one way into two names of two or three characters, each opening with a
// surname, with no word of the dictionary running across the parting. Where they part in more
// ways than one, nothing says which. After a newsroom role, four characters too (本报记者王静刘廷:
// two names of two), unless they open with a surname of two: a name of four does (欧阳文华).
bool glued_names(std::string_view t, std::string_view& first, std::string_view& second, bool after_role = false) {
  const std::size_t least = after_role ? 4 : 5, most = 6;
  if (t.size() < 3 * least || t.size() > 3 * most) return false;  // (Han characters are three bytes)
  const std::size_t n = unicode::count(t);
  if (n < least || n > most || (n == 4 && cv::starts_with_compound_surname(t))) return false;
  int found = 0;
  for (std::size_t at_chars : {std::size_t{2}, std::size_t{3}}) {
    if (n - at_chars < 2 || n - at_chars > 3) continue;
    std::size_t at = 0;
    for (std::size_t k = 0; k < at_chars; ++k) unicode::next(t, at);
    const std::string_view a = t.substr(0, at), b = t.substr(at);
    if (!cv::is_name(a, true) || !cv::is_name(b, true) || cv::word_continues(a, b)) continue;  // (全民历 / 史课: 历史 runs across)
    first = a, second = b;
    ++found;
  }
  return found == 1;
}
}  // namespace

namespace {
// Two names of two characters set close (陈维唐英: a dump without blank lines may drop the
// space between them), each opening with a surname and neither a word of the dictionary (a
// name is seldom one: 江苏南京, 湖南长沙 are places); not a name of four that opens with a
// surname of two (欧阳文华).
bool two_names_of_two(std::string_view t, std::string_view& first, std::string_view& second) {
  constexpr std::size_t kChars = 4;
  if (unicode::count(t) != kChars || cv::starts_with_compound_surname(t)) return false;
  std::size_t at = 0;
  unicode::next(t, at);
  unicode::next(t, at);
  first = t.substr(0, at), second = t.substr(at);
  return cv::is_name(first, true) && cv::is_name(second, true) && !cv::two_characters_a_word(first) &&
         !cv::two_characters_a_word(second) && !cv::word_continues(first, second);
}
}  // namespace

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
      // (A role of two characters or more set close before the name goes first: 记者许广摄; so
      // does the 者 a line break left of 本报记者. One character may open a name: 文思远摄.)
      const std::string_view name = t.substr(0, at);
      constexpr std::string_view kRoleTail = "者";
      const std::string_view after_role = name_after_role(name);
      if (!after_role.empty() && unicode::count(name) - unicode::count(after_role) >= 2) p.names.emplace_back(after_role);
      else if (name.starts_with(kRoleTail) && cv::is_name(name.substr(kRoleTail.size()), false)) p.names.emplace_back(name.substr(kRoleTail.size()));
      else if (cv::is_name(name, false)) p.names.emplace_back(name);
      else if (!after_role.empty()) p.names.emplace_back(after_role);
      else if (name.find("·") == std::string_view::npos) return false;
      p.has_role = p.photo = true;
      continue;
    }
    if (cv::is_picture_source(t)) { p.has_source = true; continue; }
    // 张三/文, 李四/图: the name first, then the part.
    const bool slash = cv::holds_a_slash(t);
    if (const std::string_view name = slash ? cv::before_text_or_picture_slash(t) : std::string_view{}; !name.empty() && cv::is_name(name, false)) {
      p.has_role = true;
      p.names.emplace_back(name);
      continue;
    }
    // 文/张三, 图/李四, 文·图/王五: a person's part, a slash and the name (a role may come
    // before it: 文/本报记者 张三).
    if (const std::string_view rest = slash ? cv::after_text_or_picture_slash(t) : std::string_view{}; !rest.empty()) {
      p.has_role = true;
      const std::string_view after_role = name_after_role(rest);
      if (cv::is_role_word(rest)) continue;
      if (cv::is_organisation(rest) || is_agency(rest)) {  // (图/新华社: where the pictures came from)
        p.has_source = true;
        continue;
      }
      if (cv::is_name(rest, false)) p.names.emplace_back(rest);
      else if (!after_role.empty()) p.names.emplace_back(after_role);
      else return false;
      continue;
    }
    // 摄/曾诚, 记者 张锦辉 摄/视觉重庆: the photo mark, the photographer or the picture agency
    // after a slash. (The mark and an agency alone are the end of a credit broken over lines.)
    if (const std::string_view rest = cv::after_photo_mark_slash(t); !rest.empty()) {
      if (cv::is_name(rest, true)) p.names.emplace_back(rest);
      else if (p.names.empty()) return false;
      p.has_role = p.photo = true;
      continue;
    }
    if (const std::size_t r = cv::role_prefix(t); r) {
      if (std::string_view a, b; glued_names(t.substr(r), a, b, true)) {
        p.has_role = true;  // 本报记者许广罗钧平, 本报记者王静刘廷
        p.names.emplace_back(a);
        p.names.emplace_back(b);
        continue;
      }
      if (cv::is_name(t.substr(r), false)) {
        p.has_role = true;  // 记者杨铌紫
        p.names.emplace_back(t.substr(r));
        continue;
      }
    }
    // A newsroom title set close before the name, the agency or paper before it (新华社记者王静:
    // the space left out by the dump, as with 本报记者薛瑶).
    if (const std::string_view name = name_after_newsroom_title(t); !name.empty()) {
      p.has_role = true;
      p.names.emplace_back(name);
      continue;
    }
    // A newsroom title ends no name: a token ending in one is the role, whatever stands before
    // it (新华社记者, or 报记者 where a line break took 本 off 本报记者).
    if (std::any_of(kNewsroomTitles.begin(), kNewsroomTitles.end(), [&](std::string_view title) { return t.ends_with(title); })) {
      p.has_role = true;
      continue;
    }
    if (std::string_view a, b; need_surname && two_names_of_two(t, a, b)) {
      p.names.emplace_back(a);
      p.names.emplace_back(b);
      continue;
    }
    if (cv::is_name(t, false)) { p.names.emplace_back(t); continue; }
    if (std::string_view a, b; need_surname && glued_names(t, a, b)) {
      p.names.emplace_back(a);
      p.names.emplace_back(b);
      continue;
    }
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
    std::string_view first, second;
    if (cv::is_role_word(t) && t != "文" && t != "摄") {
      p.has_role = true;
    } else if (const std::size_t r = cv::role_prefix(t); r && glued_names(t.substr(r), first, second, true)) {
      p.has_role = true;  // 记者王静刘廷: two names set close after the role, as a byline reads them
      p.names.emplace_back(first);
      p.names.emplace_back(second);
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

// A commentary signed by the paper's commentator (本报评论员, 本报特约评论员, 新华社评论员):
// a byline that names no one.
static bool commentator(std::string_view line) {
  constexpr std::size_t kMostChars = 10;
  return (line.ends_with("评论员") || line.ends_with("評論員")) && unicode::count(line) <= kMostChars &&
         !has_any(line, [](char32_t c) { return !unicode::is_han(c); });
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
    // (A role set close before a name that ends like a role word, 本报记者钟才文, is that name's.)
    const bool role = cv::is_role_word(first) ? first != "文" && first != "摄"
                                              : cv::role_suffix(first) > 0 && !first.ends_with("摄") && cv::role_prefix(first) == 0;
    if (!cv::after_text_or_picture_slash(first).empty() || !cv::before_text_or_picture_slash(first).empty() || commentator(line)) {
      // (文/张三 图/李四: the part and the name in one token; 本报评论员 alone.)
    } else if (role) {
      if (toks.size() < 2) return false;
    } else if (first.size() != line.size() || cv::role_prefix(first) == 0 || first.ends_with("摄")) {
      return false;  // (nor a role set close before the name, the space left out: 本报记者薛瑶; whether names follow, people says)
    }
  } else {
    return false;
  }
  // Bare names must start with a surname (■吴刚), so that a rubric (■观点) is no byline;
  // with a role word (■新重庆-重庆日报记者 夏元) any name goes. A photographer's credit
  // (本报记者 张三摄) closes the story it stands under.
  People p;
  if (!people(rest, true, &p) || (p.names.empty() && !commentator(rest)) || p.photo) return false;
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
    for (std::size_t k = line, blanks = 0; k < page.lines.size() && count_ < kLines; ++k) {
      if (page.lines[k].blank()) {
        if (++blanks > 1) break;
        continue;
      }
      blanks = 0;
      pieces_[count_++] = Span{k, page.lines[k].text.substr(k == line ? from : 0)};
    }
  }
  explicit Stream(std::string_view text) : count_(1) { pieces_[0] = Span{0, text}; }
  // p moved off the end of a piece to the start of the next.
  void settle(Pos& p) const {
    while (p.piece < count_ && p.at >= pieces_[p.piece].text.size()) p = Pos{p.piece + 1, 0};
  }
  // The next character at p, and p moved past it; 0 at the end.
  char32_t next(Pos& p) const {
    settle(p);
    return p.piece < count_ ? unicode::next(pieces_[p.piece].text, p.at) : 0;
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
  std::array<Span, kLines> pieces_{};  // the lines read, from the first (asked of every line: no allocation)
  std::size_t count_ = 0;
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
      // (An agency's dispatch may name no place or date: 新华社电, 据新华社电; the paper's own
      // always does: 本报讯 is matched above.)
      if (is_news_mark(c) && (n > 0 || !a.starts_with("本"))) {
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
    // (Where a story came from, and the mark of its end, close it too: （来源：人民日报）, （完）.)
    return in.starts_with("作者") || in.starts_with("本文作者") || in.starts_with("本文系") ||
           in.starts_with("本文为") || in.starts_with("来源：") || in.starts_with("来源:") || in == "完）" || in == "完)";
  }
  return false;
}

// Credit lines close stories: an organisation and names, perhaps a photo mark
// (XX县融媒体中心 龚长浩 摄), bare names (王静 刘廷), or where the pictures come from.
bool credit(std::string_view line, People* out) {
  line = unicode::trim(line);
  if (line.empty() || !credit_sized(line) || cv::is_item_mark(unicode::first(line))) return false;
  if (const std::string_view inside = bracketed_credit(line); !inside.empty() && !note_start(line)) {
    // （记者 张三）, （本报记者 张三 李四）, （张三）: the people who wrote a short story, in
    // brackets under its last sentence; a bare name in them opens with a surname.
    // (Anything else in brackets, a photographer's 薛春爱摄 among them, is read as before.)
    People p;
    const bool agency = is_agency(inside);  // （新华社）: the agency the story came from
    // (A word set close after a role is no name: （记者调查） is the reporter's inquiry, part of
    // the text.)
    const std::size_t tokens = cv::tokens(inside).size();
    const bool glued = tokens == 1;
    const bool writers = !agency && people(inside, true, &p) && !p.names.empty() && !p.photo &&
                         (p.has_role || p.has_source || p.names.size() == tokens) &&
                         !(glued && p.has_role &&
                           std::any_of(p.names.begin(), p.names.end(), [](const std::string& n) { return cv::two_characters_a_word(n); }));
    if (agency || writers) {
      p.has_source = p.has_source || agency;
      p.text = std::string(line);
      if (out) *out = std::move(p);
      return true;
    }
  }
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
      // (The writers in brackets need no space: …亮灯迎客。（记者 张三）.)
      const bool bracketed = !bracketed_credit(unicode::trim(tail)).empty();
      if (tail.empty() || (!unicode::is_space(unicode::first(tail)) && !bracketed)) return std::string_view::npos;
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
  // (The bracket sets the label apart: 【导读】经过半年改造…)
  if (bracket && !rest.starts_with("：") && !rest.starts_with(":")) return i;
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
  // A line opening with an item mark is a byline, a rubric or a list item of the text; one
  // opening with a mark that goes on with text (，。”）) is the rest of a sentence.
  if (cv::is_item_mark(lines[0].first) || cv::continues_text(lines[0].first)) return false;
  // The photo mark opens no headline: 摄/视觉重庆, 摄（新华社发） is a credit's end a dump wrapped.
  if (lines[0].first == U'摄' && cv::opens_with_photo_mark(lines[0].text)) return false;
  int han = 0, marks = 0, commas = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Line& l = lines[k];
    const std::string_view t = l.text;
    // A part wrapped over two lines may leave one character on the second (球商培养宜早不宜 / 迟).
    const int fewest = k > 0 ? 1 : 2;
    // A viewer's copy joins a headline's lines with spaces (一个目标两大优势三大抓手 西部（重庆）科学
    // 城力争… / 地): a line of stretches with no prose mark holds two lines' worth.
    const int most = l.spaces >= 2 && !l.prose_marks ? 2 * kHeadlineMaxChars : kHeadlineMaxChars;
    if (l.chars < fewest || l.chars > most || l.last == U'。' || l.last == U'，' || l.last == U'、') return false;
    // One ！ or ？ at most: two make it sentences of prose. So do two clause marks (，：、),
    // but on a line of its own set apart by a blank line (a headline of three phrases).
    bool full_stop = false;  // cv::has_full_stop, read in the same pass
    for (std::size_t i = 0; i < t.size();) {
      const char32_t c = unicode::next(t, i);
      if (unicode::is_han(c)) {
        ++han;
        continue;
      }
      marks += c == U'！' || c == U'？' || c == U'!' || c == U'?';
      commas += c == U'，' || c == U',' || c == U'：' || c == U':' || c == U'、';
      full_stop = full_stop || cv::is_full_stop(c);
    }
    if (marks > 1 || (commas > 1 && (n == 2 || !set_apart)) || full_stop || cv::ends_open(t)) return false;
    // A question or exclamation may end the last line.
    if (cv::ends_unit(t) && !(k + 1 == n && (l.last == U'？' || l.last == U'！' || l.last == U'”'))) return false;
  }
  if (han < 2) return false;
  // A sentence opens with when it happened or where the news came from (19日，…, 据…报道，…,
  // 记者从…获悉): no headline does.
  if (cv::opens_with_an_adverbial(lines[0].text) || cv::opens_with_the_reporters_source(lines[0].text) ||
      cv::opens_with_the_speaker(lines[0].text))
    return false;
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

bool headline_shaped(const PageLines& page, std::size_t begin, std::size_t end) {
  if (end <= begin || end - begin > 2) return false;
  // On a page whose paragraphs open indented, an indented line opens a paragraph.
  if (opens_indented(page, begin)) return false;
  // Justified spacing spreads the characters of a column's full lines: body text.
  for (std::size_t k = begin; k < end; ++k)
    if (page.lines[k].justified) return false;
  return headline_lines(&page.lines[begin], end - begin, end == page.lines.size() || page.lines[end].blank());
}

}  // namespace rules

}  // namespace newsplit
