#include "newsplit/join.hpp"

#include <algorithm>

#include "newsplit/count.hpp"

namespace newsplit {

namespace {

ArticlePart part_of(const Article& a, const std::string& file) { return ArticlePart{file, a.page, a.line_start, a.line_end}; }

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void ContinuationJoiner::unmatched(Article& a) {
  a.warnings.push_back("continued on page " + a.continued_on + ", but no part continued from here was found in this run");
}

void ContinuationJoiner::release_other_dates(const std::string& date, std::vector<JoinedArticle>& out) {
  // A part of another date can no longer be matched: archives are read day by day.
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    if (it->article.head.date == date || it->article.head.date.empty()) {
      ++it;
      continue;
    }
    unmatched(it->article);
    out.push_back(std::move(*it));
    it = waiting_.erase(it);
  }
}

std::vector<JoinedArticle> ContinuationJoiner::add(Article a, const std::string& file) {
  std::vector<JoinedArticle> out;
  if (!a.head.date.empty()) release_other_dates(a.head.date, out);
  if (!a.continued_from.empty()) {
    // The part waiting for this page (its jump names this page's number) on the same date; of
    // several, the one whose headline this part repeats.
    // What a page does not say (its date, its number) does not stand in the way.
    auto agree = [](const std::string& x, const std::string& y) { return x.empty() || y.empty() || x == y; };
    // Page numbers as printed or named: 2, 02, 第2版 are one page.
    auto page = [](std::string_view p) {
      while (p.size() > 1 && p.front() == '0') p.remove_prefix(1);
      return std::string(p);
    };
    auto matches = [&](const JoinedArticle& w) {
      return agree(page(w.article.continued_on), page(a.head.page_no)) && agree(w.article.head.date, a.head.date) &&
             agree(page(w.article.head.page_no), page(a.continued_from));
    };
    auto it = std::find_if(waiting_.begin(), waiting_.end(), [&](const JoinedArticle& w) {
      return matches(w) && !a.title.empty() && headline_of(w.article) == headline_of(a);
    });
    if (it == waiting_.end()) it = std::find_if(waiting_.begin(), waiting_.end(), matches);
    if (it != waiting_.end()) {
      Article& first = it->article;
      if (first.parts.empty()) first.parts.push_back(part_of(first, it->file));
      first.parts.push_back(part_of(a, file));
      append(first.paragraphs, a.paragraphs);
      append(first.subheads, a.subheads);
      append(first.captions, a.captions);
      append(first.credits, a.credits);
      append(first.notes, a.notes);
      std::erase(a.warnings, std::string("no headline found"));  // the part goes under the first one's
      append(first.warnings, a.warnings);
      for (auto& name : a.authors)
        if (std::find(first.authors.begin(), first.authors.end(), name) == first.authors.end()) first.authors.push_back(name);
      first.chars += a.chars;
      first.continued_on = a.continued_on;  // it may go on again
      if (first.continued_on.empty()) {
        out.push_back(std::move(*it));
        waiting_.erase(it);
      }
      return out;
    }
    a.warnings.push_back("continued from page " + a.continued_from + ", but that part was not found in this run");
  }
  if (!a.continued_on.empty()) {
    waiting_.push_back(JoinedArticle{std::move(a), file});
    return out;
  }
  out.push_back(JoinedArticle{std::move(a), file});
  return out;
}

std::vector<JoinedArticle> ContinuationJoiner::finish() {
  std::vector<JoinedArticle> out;
  for (JoinedArticle& w : waiting_) {
    unmatched(w.article);
    out.push_back(std::move(w));
  }
  waiting_.clear();
  return out;
}

}  // namespace newsplit
