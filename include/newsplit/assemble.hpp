// Article assembly: a page's units and layout in, articles and leftovers out.
// Bylines and datelines open an article; credits and author notes close one; headline
// blocks open it (headlines-before pages) or close it (headlines-after pages). Headline
// blocks inside a body are subheads, unless the text before them stopped mid-sentence.
// Captions belong to the article they stand in; text that fits no article (running
// heads, banners, stray fragments) becomes a leftover, so nothing is lost.
#pragma once

#include <vector>

#include "newsplit/classify.hpp"
#include "newsplit/clean.hpp"
#include "newsplit/layout.hpp"
#include "newsplit/lines.hpp"
#include "newsplit/record.hpp"

namespace newsplit {

struct AssembleOptions {
  CleanOptions clean;
};

PageResult assemble(const PageLines& page, const std::vector<Unit>& units, const Layout& layout,
                    const AssembleOptions& options = {});

// Fills kicker, title and subtitle from a headline's parts in reading order: one part is
// the title; of two, the shorter first part is a kicker (引题) and a part opening with a
// dash is a subtitle (副题); three are kicker, title, subtitle.
void assign_headline(Article& a, std::vector<std::string> parts);

}  // namespace newsplit
