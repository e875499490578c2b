// Conventions of Chinese newspaper text that more than one stage needs: punctuation facts,
// and the tables behind bylines and credits (surnames, role words, organisations, picture
// sources, page furniture). Each predicate names the convention it encodes.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/unicode.hpp"

namespace newsplit::conventions {

// --- Items ---------------------------------------------------------------------------

// A photo item's text: a short headline, a sentence or two, a photographer's credit. More Han
// characters than this make a story.
inline constexpr std::size_t kPhotoItemHan = 120;

// --- Punctuation ---------------------------------------------------------------------

namespace detail {
// Most lines and paragraphs stop mid-sentence on a Han character (U+4000..9FFF, three bytes
// whose lead is E4..E9), which is no mark, quote or space: nothing to decode. Asked in
// place of the two predicates below, hundreds of thousands of times a pass.
inline bool ends_on_han(std::string_view t) {
  const std::size_t n = t.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
  return n >= 3 && unicode::is_han_block_lead(byte(n - 3)) && (byte(n - 2) & 0xC0u) == 0x80u && (byte(n - 1) & 0xC0u) == 0x80u;
}
bool ends_sentence_past_han(std::string_view text);
bool ends_unit_past_han(std::string_view text);
}  // namespace detail

// 。！？… (and their half-width forms) end a sentence, also when closing quotes follow.
inline bool ends_sentence(std::string_view text) { return !detail::ends_on_han(text) && detail::ends_sentence_past_han(text); }
// A line that ends in 。！？…；： closes a paragraph-like unit (a sentence or a list item).
inline bool ends_unit(std::string_view text) { return !detail::ends_on_han(text) && detail::ends_unit_past_han(text); }
// ，、, an opening bracket or the dot inside a foreign name at the end of a line: the sentence runs on.
bool ends_open(std::string_view text);
// A full stop, an ellipsis or a semicolon (。…；): marks of prose, which headlines avoid.
inline bool is_full_stop(char32_t c) { return c == U'。' || c == U'…' || c == U'；'; }
// One of them anywhere in the text.
bool has_full_stop(std::string_view text);
// Opening and closing brackets and quotes are balanced (a headline part is whole): in text,
// or in text followed by more (a part wrapped over two lines).
bool balanced(std::string_view text, std::string_view more = {});
// A quote or bracket a line leaves open and the next line closes: one phrase wrapped over
// the two (在“艺术自习 / 室”触碰梦想), never two pieces.
bool closed_on_next(std::string_view text, std::string_view next);
// Characters that cannot start a line of new text (they close or continue something).
bool continues_text(char32_t first);

// Justified spacing: some dumps space out the characters of a full line (本 报 讯  （ 记 者).
// Such a line has single spaces between most of its characters.
bool is_justified(std::string_view line);
// A justified line's text as a reader sees it: the single spaces between characters go and a
// wider gap (where a word ended) stays one space.
std::string unjustified(std::string_view text);

// A word runs across the break between two pieces of text (…产业创 / 新中心…): ICU's
// dictionary word breaker finds no boundary where the pieces meet. Both sides of the
// junction must be Han characters.
bool word_continues(std::string_view left, std::string_view right);

// Two characters that make one word of the dictionary (强度, 鲜明, 江苏): a name is seldom one
// (蔡钧, 江龙), so the test tells a name of two from a headline's end or a place.
bool two_characters_a_word(std::string_view two);

// A number and the measure word after it are one phrase (收获11 / 项全国冠军).
bool number_runs_on(std::string_view left, std::string_view right);

// A particle binds to the words before it (…走不出家乡” / 的桃子，…; …吗, …了): no sentence,
// paragraph or headline opens on one standing as a word of its own (的确, 了解 are words; 着 is
// left out: 着力, 着眼 open sentences and the dictionary does not always see them).
bool opens_on_a_particle(std::string_view line);
// The particles it asks about (a line's first character tells at once).
inline bool may_be_particle(char32_t c) { return c == U'的' || c == U'了' || c == U'吗' || c == U'呢' || c == U'吧'; }

// A phrase wrapped at a line's end goes on on the next line: a word runs across the break, the
// next line closes a quote or bracket the line left open (在“艺术自习 / 室”触碰梦想), it
// opens with the measure word of the number the line ended with, or with a particle.
inline bool wraps_onto(std::string_view left, std::string_view right) {
  return closed_on_next(left, right) || word_continues(left, right) || number_runs_on(left, right) ||
         (!left.empty() && opens_on_a_particle(right));
}

// A preposition or conjunction needs the words after it (…既是对 / 过去实践…, …来自14个国家和
// / 地区…): a line that ends on one, standing as a word of its own, stops mid-phrase.
bool ends_on_a_word_that_needs_more(std::string_view line);

// Marks that end or divide sentences (。，；！？ and , ; ! ?): a line holding one is prose,
// never a byline, a credit or a rubric.
inline bool is_sentence_mark(char32_t c) {
  switch (c) {
    case U'。': case U'，': case U'；': case U'！': case U'？': case U',': case U';': case U'!': case U'?': return true;
    default: return false;
  }
}

// Sentence marks, the enumeration comma and double quotes: the marks of running prose. A
// credit line holds none of them (a byline may list names with 、).
inline bool is_prose_mark(char32_t c) { return is_sentence_mark(c) || c == U'、' || c == U'“' || c == U'”'; }

// ■ □ ● ◆ ▲ ★ and the like: marks that flag a byline or a section banner item.
bool is_item_mark(char32_t c);

// --- People and organisations --------------------------------------------------------

// A Chinese personal name starts with a surname of the table (single or compound).
bool starts_with_surname(std::string_view name);
// A name opening with a surname of two characters (欧阳, 司马, 诸葛): most names of four do.
bool starts_with_compound_surname(std::string_view name);
// A token shaped like a personal name: 2 to 4 Han characters (with a surname if asked).
bool is_name(std::string_view token, bool need_surname);
// Length in bytes of a role word that ends the token ("新重庆-重庆日报记者" → 记者), or 0.
// OCR slips seen in real credits (诵讯员 for 通讯员) count as the word they stand for.
std::size_t role_suffix(std::string_view token);
// Length in bytes of a role word that starts the token ("记者张三" → 记者), or 0.
std::size_t role_prefix(std::string_view token);
// The token is a role word and nothing else ("记者", "摄", "文/图").
bool is_role_word(std::string_view token);
// The token names an organisation ("XX区融媒体中心", "市住房城乡建委").
bool is_organisation(std::string_view token);
// The token says where pictures come from ("图片由…提供", "…供图").
bool is_picture_source(std::string_view token);

// --- Page furniture ------------------------------------------------------------------

// Editor and layout credits, dates with weekdays, page labels, page heads: printed on every
// page, part of no article.
bool is_furniture_line(std::string_view text);
// A page head: the paper's name, the date, the page number, the section, in some order and
// some of them (人民日报 2026年1月5日 星期一 第3版 要闻, 3 南方日报 2026.01.06).
bool is_page_head(std::string_view text);
// A calendar date as papers print it: 2026年1月5日, 2026.01.05, 2026-01-05, 2026/01/05.
// A date that cannot be a calendar date (2026.02.30) is none.
bool find_date(std::string_view text, int* year = nullptr, int* month = nullptr, int* day = nullptr);
// A day that exists (2024-02-29 does, 2023-02-29 does not), in the years archives hold.
bool is_calendar_date(int year, int month, int day);
// A paper's name: a few Han characters ending in 报 (重庆日报, 中国青年报).
bool is_paper_name(std::string_view token);
// A page label: 第3版, A3版, 第 12 版.
bool is_page_label(std::string_view text);
// A page number on its own: one to three digits, or a capital letter and digits (A3).
bool is_page_number(std::string_view token);
// A line that ends with the photographer or the picture's source: …摄, 摄/曾诚,
// 张三摄（人民视觉）, （…供图）, （本报资料图片）.
bool ends_photo_credit(std::string_view line);
// The photo mark with the photographer or the picture agency after a slash (摄/曾诚,
// 摄／视觉重庆): what follows the slash; empty where the token is no such mark.
std::string_view after_photo_mark_slash(std::string_view token);
// A half-width or full-width slash anywhere in the text (a byline's 文/张三, a credit's 摄/曾诚).
inline bool holds_a_slash(std::string_view text) {
  return text.find('/') != std::string_view::npos || text.find("／") != std::string_view::npos;
}
// A byline may give each person's part before a slash: 文/张三 (the text), 图/李四 (the
// pictures), 文·图/王五 (both); the name after the slash, else empty.
std::string_view after_text_or_picture_slash(std::string_view token);
// The same with the name first: 张三/文, 李四/图, 王五/摄; the name before the slash, else empty.
std::string_view before_text_or_picture_slash(std::string_view token);
// A line that opens with the photo mark (摄, 摄/…, 摄（…）): the end of a photographer's credit
// a dump wrapped onto a line of its own.
bool opens_with_photo_mark(std::string_view line);
// A photo report's text says what the picture shows in a sentence that opens with 图为, after
// a sentence or two on the scene (…进入收获季。图为1月3日，农民在滩涂上…).
bool holds_a_picture_sentence(std::string_view text);
// A sentence and a photographer's credit run together in one token (…设备。新华社记者王良摄).
bool credit_after_sentence(std::string_view token);
// A jump line sends the reader to another page: （下转第3版）, （上接第1版）, （转第二版）.
bool is_jump_line(std::string_view text);
// What a jump line says: the page it names (as digits: 第二版 gives "2"), and whether the
// article goes on from there (上接) or to there (下转).
struct Jump {
  std::string page;
  bool from = false;
};
Jump read_jump(std::string_view line);
// A numbered section's subhead: it opens with an ordinal (一 必须…, 二、…, （三）…, 1. …).
bool is_numbered_section(std::string_view text);
// A sentence of prose opens with an adverbial and a comma: when it happened (19日，…, 1月5日下午，…,
// 日前，…, 近年来，…, 下午3点，…), where the news came from (据新华社报道，…), up to when it is
// counted (截至2025年底，…), what part is meant (其中，…). A paragraph's opening, never a headline's.
bool opens_with_an_adverbial(std::string_view text);
// A news story's lede may open with where its reporter learned the news (记者从海南省林业局
// 了解到：…, 记者日前从…获悉): a sentence, never a headline's opening.
bool opens_with_the_reporters_source(std::string_view text);
// An interview sets down who speaks before each turn: the reporter (记者：…, 本报记者：…), or
// the question and the answer (问：…, 答：…). Dialogue, never a headline.
bool opens_with_the_speaker(std::string_view text);
// The rubric of a brief column (简讯, 要闻简报, 经济快讯, 新闻速览): a few characters ending in
// a word for news in brief. The items under it are short, each a story.
bool is_brief_rubric(std::string_view text);
// A place label set over a headline (浙江杭州, 黑龙江哈尔滨): a province's name and a city's,
// alone on the line. It says where the story is, a part of the headline of its own.
bool is_place_label(std::string_view text);
// The rubric of a photo report (图片报道, 摄影报道): a few characters ending in 报道, set over
// an item or under its headline; it names a kind of item, not a story.
bool is_photo_report_rubric(std::string_view text);
// A section's name set at the top of a page (区县新闻, 要闻, 理论周刊): a few characters
// ending in a word that names a section of the paper.
bool is_section_name(std::string_view text);
// A word of a page head that names the section: a section's name, or the few characters
// right after a page label, whatever they are (第8版 体育).
bool is_section_word(std::string_view token, bool after_label);
// A page head split over lines keeps the page label and the section's name on a line of
// their own (第10版 要闻, 要闻 A3版).
bool is_labelled_section(std::string_view text);
// A campaign's banner over a page: the call to study and carry out a meeting's spirit
// (深入学习贯彻党的二十届四中全会精神), set over the page's stories, heading none of them.
bool is_campaign_banner(std::string_view text);

// The tokens of a text, read one by one as they are asked for (no list is built: bylines
// and credits are split on every page).
class Tokens {
 public:
  enum class Between { Spaces, Names };
  Tokens(std::string_view text, Between sep) : text_(text), sep_(sep) {}

  class iterator {
   public:
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const Tokens* t, std::size_t from) : t_(t), next_(from) { ++*this; }
    std::string_view operator*() const { return token_; }
    iterator& operator++() {
      at_end_ = !t_->find(next_, token_);
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(std::default_sentinel_t) const { return at_end_; }

   private:
    const Tokens* t_ = nullptr;
    std::size_t next_ = 0;
    std::string_view token_;
    bool at_end_ = true;
  };
  iterator begin() const { return iterator(this, 0); }
  std::default_sentinel_t end() const { return {}; }

  bool empty() const { return begin() == end(); }
  std::size_t size() const;
  std::string_view front() const { return *begin(); }  // the text must have a token
  std::string_view back() const;                       // the text must have a token

 private:
  // The token at or after `from` into `token`, `from` moved past it; false when none is left.
  bool find(std::size_t& from, std::string_view& token) const;
  std::string_view text_;
  Between sep_;
};

// Splits on layout whitespace.
inline Tokens tokens(std::string_view text) { return Tokens(text, Tokens::Between::Spaces); }
// Splits a list of people on whitespace and the enumeration comma: 记者张三、李四.
inline Tokens name_tokens(std::string_view text) { return Tokens(text, Tokens::Between::Names); }

}  // namespace newsplit::conventions
