// Role classification: the lines and blocks of a page in, units out.
// A unit is a run of lines (or the part of a line) that plays one role on the page: body
// text, a headline-shaped block, a byline, a dateline, an author note, a credit, a
// caption, a lead-box label or page furniture. Each role comes from one named rule: the line
// rules (rules.hpp) read a line's shape, classify.cpp groups the lines of each block, and a
// second reading (src/by_neighbours.cpp) settles what a unit's neighbours decide. Which
// headline-shaped block is a headline, a subhead or a banner is for the page layout and the
// assembler to decide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/lines.hpp"
#include "newsplit/rules.hpp"

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

// The name of the rule that reads a brief column item's lead phrase (its headline), which
// the layout takes for an article's edge however little text stands either side.
namespace rules {
inline constexpr const char* kBriefLeadPhrase = "a brief's lead phrase";
// The rule that reads a marked section head inside a story (■ 服务前移), a subhead however
// little its words share with the text around it, as a numbered section's is.
inline constexpr const char* kMarkedSubhead = "a marked section head between paragraphs";
// The rule that reads a jump line (（下转第2版）, （上接第1版）), which the layout and the
// assembly read again: the page it names, and where a part of a story ends.
inline constexpr const char* kJumpLine = "jump line";
}  // namespace rules

}  // namespace newsplit
