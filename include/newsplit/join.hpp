// Joining the parts of an article continued on another page: a part that ends with a jump
// line (（下转第2版）, continued_on "2") waits for the part that opens with the matching one
// (（上接第1版）, continued_from) on that page of the same date; the two are one record, the
// first part's fields and every part's paragraphs in order. Pages of a date are held only
// until a record of another date comes, so an archive read in date order streams through.
#pragma once

#include <string>
#include <vector>

#include "newsplit/record.hpp"

namespace newsplit {

// A record ready to print, and the file it names (its first part's).
struct JoinedArticle {
  Article article;
  std::string file;
};

class ContinuationJoiner {
 public:
  // Takes the next article of the run (of `file`); returns the records ready to print, in
  // the order they were completed (a record whose parts are all in comes out with its last).
  std::vector<JoinedArticle> add(Article a, const std::string& file);
  // The end of the run: parts still waiting come out as they are, each saying so.
  std::vector<JoinedArticle> finish();
  bool waiting() const { return !waiting_.empty(); }

 private:
  void release_other_dates(const std::string& date, std::vector<JoinedArticle>& out);
  static void unmatched(Article& a);
  std::vector<JoinedArticle> waiting_;  // the parts joined so far, under the first one's fields
};

}  // namespace newsplit
