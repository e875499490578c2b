// Line rules: the shape of each convention's line (a byline, a dateline, a credit, an author
// note, a caption's start, a headline part), read from its text alone. Role classification
// (classify.hpp) asks them of a page's lines; the assembler asks a few of pieces of text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/lines.hpp"

namespace newsplit {

// Names and the byline text read from a byline, a dateline's bracket or a credit line.
struct People {
  std::string text;                // tokens joined by one space: "新重庆-重庆日报记者 杨铌紫"
  std::vector<std::string> names;  // "杨铌紫"
  bool has_role = false;           // a role word (记者, 通讯员, 摄…) or an organisation
  bool has_source = false;         // a picture source (图片由…提供)
  bool photo = false;              // a photographer's credit (摄, 摄影): it closes a story, never opens one
};

namespace rules {
// Headline parts are short: "up to about 30 characters" a line; unwrapped pages run a
// little longer.
inline constexpr int kHeadlineMaxChars = 36;
// Credit and byline lines are a handful of short tokens.
inline constexpr int kPeopleMaxChars = 48;
// On pages whose paragraphs open indented, the indent: a character's width or more
// (half-em units).
inline constexpr int kParagraphIndent = 2;
// Where the page's paragraphs open indented, a line indented that far opens one.
inline bool opens_indented(const PageLines& page, std::size_t line) {
  return page.shape.indents && page.lines[line].indent >= kParagraphIndent;
}

// Each rule returns whether the text has the convention's shape.
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
// Names, roles and sources are short and hold no mark of prose: the size of a credit. (A
// text that grows past it stays past it.)
bool credit_sized(std::string_view line);
// A credit that says what it is: a photographer, or names with a role or a picture source
// (not bare names, which may as well be a byline or a headline).
bool says_what_it_is(const People& p);
// A line whose first character opens none of the words of a dateline (本报, 新华社…), of a
// lead box's label (核心提示) or of a caption (图为…) is not one: the rule need not read it.
bool may_open_dateline(char32_t first);
bool may_open_label(char32_t first);
bool may_open_caption(char32_t first);
// The reporters in a dateline's bracket (记者 张三 通讯员 李四), also where a line break left
// a space inside a word or a name (记 者张三, 记者张 三) or took one away (记者 苏秋伟陈杰菲).
bool reporters(std::string_view bracket, People* out);
// Splits a credit off the end of a body line ("…落实。 XX区融媒体中心 王利"); returns the
// byte offset where the credit starts, or npos.
std::size_t trailing_credit(std::string_view line, People* out = nullptr);
}  // namespace rules

}  // namespace newsplit
