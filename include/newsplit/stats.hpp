// Stats: a file's records in, one summary row out.
#pragma once

#include <cstdint>
#include <string>

#include "newsplit/format.hpp"
#include "newsplit/record.hpp"

namespace newsplit {

struct FileStats {
  std::uint64_t articles = 0;
  std::uint64_t headlines = 0;  // articles with a headline found
  std::uint64_t paragraphs = 0;
  std::uint64_t chars = 0;
  std::uint64_t captions = 0;
  std::uint64_t leftovers = 0;
  std::uint64_t warnings = 0;

  void add(const PageResult& page);
};

// The stats table: file, articles, headlines, paragraphs, chars, captions, leftovers, warnings.
Table stats_table();
void add_stats_row(Table& t, const std::string& file, const FileStats& s);

}  // namespace newsplit
