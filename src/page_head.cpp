#include "newsplit/page_head.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "newsplit/conventions.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

namespace cv = conventions;
namespace uni = unicode;

namespace {

std::string iso_date(int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 第3版 → 3, A3版 → A3, 04版 → 04.
std::string label_number(std::string_view label) {
  if (label.starts_with("第")) label.remove_prefix(std::string_view("第").size());
  label.remove_suffix(std::string_view("版").size());
  return std::string(uni::trim(label));
}

// The length in bytes of the weekday a head line's text opens with (星期四, 周四), else 0.
std::size_t weekday_at(std::string_view text) {
  for (std::string_view prefix : {std::string_view("星期"), std::string_view("周")}) {
    if (!text.starts_with(prefix)) continue;
    std::size_t i = prefix.size();
    if (i >= text.size()) return 0;
    const char32_t day = uni::next(text, i);
    return std::u32string_view(U"一二三四五六日天").find(day) != std::u32string_view::npos ? i : 0;
  }
  return 0;
}

// A section's name may stand right before the paper's once the spaces are gone
// (地方新闻湖北日报): the name is what follows it.
std::string_view without_a_section_before(std::string_view name) {
  constexpr std::size_t kMostSectionChars = 4;
  std::size_t i = 0;
  for (std::size_t n = 1; n <= kMostSectionChars && i < name.size(); ++n) {
    uni::next(name, i);
    if (cv::is_section_name(name.substr(0, i)) && cv::is_paper_name(name.substr(i))) return name.substr(i);
  }
  return name;
}

// The paper's name in a head line: a run of Han characters ending in 报 (重庆日报), also run
// together with the page number and the date (3南方日报2026.01.20).
std::string paper_in(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // (Once a head's spaces are gone, the date's last character, the page label's and the
    // weekday may stand right before the name: 2026年3月5日周四光明日报, 星期四经济日报.)
    if (i > 0 && is_digit(text[i - 1]))
      for (std::string_view unit : {std::string_view("年"), std::string_view("月"), std::string_view("日"), std::string_view("版")})
        if (text.substr(i).starts_with(unit)) i += unit.size();
    i += weekday_at(text.substr(i));
    const std::size_t from = i;
    while (i < text.size() && uni::is_han(uni::next(text, i))) {
      const std::size_t end = i;
      if (cv::is_paper_name(text.substr(from, end - from))) {
        // The longest run that is a name: 河南日报 rather than a shorter tail.
        std::size_t j = end;
        std::size_t best = end;
        while (j < text.size() && uni::is_han(uni::next(text, j)))
          if (cv::is_paper_name(text.substr(from, j - from))) best = j;
        return std::string(without_a_section_before(text.substr(from, best - from)));
      }
    }
    if (i == from) uni::next(text, i);
  }
  return {};
}

// The page number in a head line, spaces or not: a label (第4版, A3版, 04版), else a number of
// one to three digits (or a letter and digits) set against the paper's name at the line's
// start or end (3南方日报2026.01.20, 人民日报 2026年1月5日 4).
std::string page_number_in(std::string_view text) {
  for (std::size_t at = text.find("版"); at != std::string_view::npos; at = text.find("版", at + 1)) {
    std::size_t b = at;
    while (b > 0 && (is_digit(text[b - 1]) || (text[b - 1] >= 'A' && text[b - 1] <= 'Z'))) --b;
    if (b < at && at - b <= 4) return std::string(text.substr(b, at - b));
  }
  auto number_at = [&](std::size_t from, std::size_t to) {
    const std::string_view t = text.substr(from, to - from);
    return cv::is_page_number(t) ? std::string(t) : std::string();
  };
  std::size_t e = 0;
  if (e < text.size() && text[e] >= 'A' && text[e] <= 'Z') ++e;
  while (e < text.size() && is_digit(text[e])) ++e;
  if (e > 0 && (e == text.size() || uni::is_han(uni::first(text.substr(e))) || text[e] == ' ')) {
    if (std::string n = number_at(0, e); !n.empty()) return n;
  }
  std::size_t b = text.size();
  while (b > 0 && is_digit(text[b - 1])) --b;
  if (b > 0 && text[b - 1] >= 'A' && text[b - 1] <= 'Z') --b;
  if (b < text.size() && b > 0 && (text[b - 1] == ' ' || uni::is_han(uni::last(text.substr(0, b))))) return number_at(b, text.size());
  return {};
}

}  // namespace

PageHead read_page_head(const PageResult& page) {
  PageHead h;
  for (const Leftover& l : page.leftovers) {
    const bool head = l.kind == "running head", number = l.kind == "page number", section = l.kind == "section name";
    if (!head && !number && !section) continue;
    const std::string_view t = l.text;
    if (section && h.section.empty()) h.section = std::string(uni::trim(t));
    if (number && h.page_no.empty()) {
      for (std::string_view tok : cv::tokens(t))
        if (cv::is_page_number(tok) || cv::is_page_label(tok)) {
          h.page_no = cv::is_page_label(tok) ? label_number(tok) : std::string(tok);
          break;
        }
    }
    if (!head) continue;
    if (int y, m, d; h.date.empty() && cv::find_date(t, &y, &m, &d)) h.date = iso_date(y, m, d);
    if (h.paper.empty()) h.paper = paper_in(t);
    if (h.page_no.empty()) h.page_no = page_number_in(t);
    if (const std::size_t at = h.paper.empty() ? std::string_view::npos : t.find(h.paper); h.page_no.empty() && at != std::string_view::npos) {
      // A number set right against the paper's name (民生9湖北日报2026.01.06).
      std::size_t b = at;
      while (b > 0 && is_digit(t[b - 1]) && at - b < 3) --b;
      if (b < at && (b == 0 || !is_digit(t[b - 1]))) h.page_no = std::string(t.substr(b, at - b));
    }
    for (std::string_view tok : cv::tokens(t))
      if (h.section.empty() && cv::is_section_name(tok)) h.section = std::string(tok);
    // Run together with the rest of the head: the Han characters after the page label, or
    // before the first digit (第2版要闻, 要闻3重庆日报…).
    auto han_run = [&](std::size_t from) {
      std::size_t i = from;
      while (i < t.size()) {
        std::size_t k = i;
        if (!uni::is_han(uni::next(t, k))) break;
        i = k;
      }
      return t.substr(from, i - from);
    };
    if (const std::size_t label = t.rfind("版"); h.section.empty() && label != std::string_view::npos)
      if (const auto run = han_run(label + std::string_view("版").size()); cv::is_section_name(run)) h.section = std::string(run);
    if (const auto run = han_run(0); h.section.empty() && cv::is_section_name(run)) h.section = std::string(run);
  }
  return h;
}

PageHead head_from_path(std::string_view path) {
  PageHead h;
  // A date of eight digits (20210720), or with separators (2021-07-20, 2021_07_20,
  // 2021/07/20 as folders): the last one in the path, the file's own.
  auto digits_at = [&](std::size_t i, std::size_t n) {
    if (i + n > path.size()) return -1;
    int v = 0;
    for (std::size_t k = i; k < i + n; ++k) {
      if (!is_digit(path[k])) return -1;
      v = v * 10 + (path[k] - '0');
    }
    return v;
  };
  for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
    if (i > 0 && is_digit(path[i - 1])) continue;
    const int y = digits_at(i, 4);
    if (y < 0) continue;
    std::size_t j = i + 4;
    const bool sep = j < path.size() && (path[j] == '-' || path[j] == '_' || path[j] == '/' || path[j] == '.');
    if (sep) ++j;
    const int m = digits_at(j, 2);
    if (m < 0) continue;
    j += 2;
    if (sep) {
      if (j >= path.size() || path[j] != path[i + 4]) continue;
      ++j;
    }
    const int d = digits_at(j, 2);
    if (d < 0 || !cv::is_calendar_date(y, m, d)) continue;
    j += 2;
    h.date = iso_date(y, m, d);
    // The page after the date: _04, -04, /04 (a file in the day's folder), or run on (…2021072004).
    std::size_t k = j;
    if (k < path.size() && (path[k] == '_' || path[k] == '-' || path[k] == '/')) ++k;
    else if (sep) k = path.size();  // 2021-07-20 then anything but a separator: no page here
    std::size_t e = k;
    if (e < path.size() && path[e] >= 'A' && path[e] <= 'Z') ++e;
    const std::size_t number = e;
    while (e < path.size() && is_digit(path[e]) && e - number < 3) ++e;
    h.page_no.clear();
    if (e > number && (e == path.size() || !is_digit(path[e]))) {
      std::string no(path.substr(k, e - k));
      h.page_no = std::move(no);
    }
  }
  return h;
}

void fill_missing(PageHead& head, const PageHead& fallback) {
  for (auto [field, from] : {std::pair{&head.date, &fallback.date}, std::pair{&head.paper, &fallback.paper},
                             std::pair{&head.page_no, &fallback.page_no}, std::pair{&head.section, &fallback.section}})
    if (field->empty()) *field = *from;
}

void stamp_records(PageResult& page, const PageHead& head) {
  for (Article& a : page.articles) a.head = head;
  for (Leftover& l : page.leftovers) l.head = head;
}

}  // namespace newsplit
