// Role classification: the lines and blocks of a page in, units out.
// A unit is a run of lines (or the part of a line) that plays one role on the page: body
// text, a headline-shaped block, a byline, a dateline, an author note, a credit, a
// caption, a lead-box label or page furniture. Each role comes from one named rule in
// classify.cpp, by the shape of the text alone; which headline-shaped block is a
// headline, a subhead or a banner is for the page layout and the assembler to decide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/lines.hpp"

namespace newsplit {

enum class Role : std::uint8_t {
  Text,       // body text
  Headline,   // short standalone lines without sentence-final punctuation
  Byline,     // ■吴刚 / ■新重庆-重庆日报记者 夏元 / 本报记者 张三
  Dateline,   // 本报讯 （…记者 …）: opens a news story; the body goes on after the bracket
  Note,       // （作者单位：…）: closes an opinion piece
  Credit,     // XX区融媒体中心 王利 / 王静 刘廷 / 图片由…提供: closes a story
  Caption,    // 图为… / …摄/曾诚 / （…供图） / a bare line where a picture stood
  LeadLabel,  // 核心提示: a lead box follows
  Furniture,  // running heads, section banners, editor lines
};

// Roles that open a story before its body (a byline, a dateline, a lead box's label) and roles
// that close one after it (a credit, an author note).
inline bool is_opener(Role r) { return r == Role::Byline || r == Role::Dateline || r == Role::LeadLabel; }
inline bool is_closer(Role r) { return r == Role::Credit || r == Role::Note; }

std::string_view role_name(Role r);

// A line, or the part of one that a unit owns.
struct Span {
  std::size_t line = 0;   // index into PageLines::lines
  std::string_view text;  // trimmed
};

// Names and the byline text read from a byline, a dateline's bracket or a credit line.
struct People {
  std::string text;                // tokens joined by one space: "新重庆-重庆日报记者 杨铌紫"
  std::vector<std::string> names;  // "杨铌紫"
  bool has_role = false;           // a role word (记者, 通讯员, 摄…) or an organisation
  bool has_source = false;         // a picture source (图片由…提供)
  bool photo = false;              // a photographer's credit (摄, 摄影): it closes a story, never opens one
};

struct Unit {
  Role role = Role::Text;
  std::vector<Span> spans;
  int blanks_before = 0;   // blank lines before the unit (0 when it starts inside a block)
  int blanks_after = 0;    // blank lines after it
  bool first_on_page = false;
  bool opens_story = false;  // Text: the first text of a story with no headline or byline before it (a photo item's)
  const char* rule = "";   // the convention that gave the role (tests, --explain)
  std::string dateline;    // Dateline: "本报讯"
  People people;           // Byline, Dateline (its bracket) and Credit
  std::string text() const {  // the unit's lines run together as written
    std::string s;
    for (const Span& sp : spans) s.append(sp.text);
    return s;
  }
  std::uint64_t first_line(const PageLines& p) const { return p.lines[spans.front().line].number; }
  std::uint64_t last_line(const PageLines& p) const { return p.lines[spans.back().line].number; }
};

std::vector<Unit> classify(const PageLines& page);

// The rules, exposed for tests. Each returns whether the text has the convention's shape.
namespace rules {
// The rule of the lead phrase of a brief column's item (its headline), which the layout takes
// for an article's edge however little text stands either side.
inline constexpr const char* kBriefLeadPhrase = "a brief's lead phrase";
bool running_head(std::string_view line);                         // ■高度 ■深度 ■力度, 责任编辑 …
bool rubric(std::string_view line);                               // ■观点
bool marked_names(std::string_view line);                         // ■高度 ■深度 ■力度
bool marked_names_then_banner(std::string_view line);             // ■高度 ■深度 新论思想 深入学习贯彻…精神
bool byline(std::string_view line, People* out = nullptr);        // ■吴刚
std::size_t dateline_word(std::string_view line);                 // bytes of "本报讯"/"新华社北京7月10日电", or 0
// A dateline starting at a line, its word and reporter's bracket read across justified
// spacing, line ends and one blank line (本报北京1月19日 / 电 （记者 张三）…).
struct DatelineMatch {
  std::string word;            // "本报北京1月19日电", spaces taken out
  std::string reporter;        // what the bracket holds, lines joined ("记者 张三"); empty when none
  std::size_t end_line = 0;    // index of the line where the dateline (with its bracket) ends
  std::size_t end_at = 0;      // byte offset in that line's text just past it
};
std::optional<DatelineMatch> dateline(const PageLines& page, std::size_t line, std::size_t from = 0);  // from: byte in the line
bool note_start(std::string_view line);                           // （作者单位：
bool credit(std::string_view line, People* out = nullptr);        // XX区融媒体中心 王利
bool caption_start(std::string_view line);                        // 图为…
bool photo_credit_end(std::string_view line);                     // …摄 / 摄/曾诚 / （…供图）
std::size_t lead_label(std::string_view line);                    // bytes of "核心提示" (and its colon), or 0
bool headline_shaped(const PageLines& page, std::size_t begin, std::size_t end);
// The same for pieces of text: a headline part, perhaps wrapped onto a second line.
bool headline_text(std::string_view first, std::string_view second = {});
bool people(std::string_view text, bool need_surname, People* out);
// The reporters in a dateline's bracket (记者 张三 通讯员 李四), also where a line break left
// a space inside a word or a name (记 者张三, 记者张 三) or took one away (记者 苏秋伟陈杰菲).
bool reporters(std::string_view bracket, People* out);
// Splits a credit off the end of a body line ("…落实。 XX区融媒体中心 王利"); returns the
// byte offset where the credit starts, or npos.
std::size_t trailing_credit(std::string_view line, People* out = nullptr);
}  // namespace rules

}  // namespace newsplit
