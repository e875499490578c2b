// Page heads: where a page stands in an archive. Papers print a running head on every page
// (2021年7月20日 星期二 · 重庆日报 · 第4版 · 要闻), at the top or the foot, sometimes split over
// several lines; archives name their files by date and page (2021-07-20_04.txt). Read from
// either, so that every record can be dated and placed.
#pragma once

#include <string>
#include <string_view>

#include "newsplit/record.hpp"

namespace newsplit {

// The head printed on the page: read from its furniture (running heads, page numbers and
// section names, which assembly keeps as leftovers). Empty fields where the page has none.
PageHead read_page_head(const PageResult& page);

// What a file's path says: a date (2021-07-20, 20210720, rmrb20210720…, a folder
// 2021/07/20/) and a page number after it (…_04, -04, rmrb2021072004).
PageHead head_from_path(std::string_view path);

// Fills the fields of `head` that are empty from `fallback`.
void fill_missing(PageHead& head, const PageHead& fallback);

// Every record of the page carries the head.
void stamp_records(PageResult& page, const PageHead& head);

}  // namespace newsplit
