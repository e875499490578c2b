// Role classification, second reading: the roles a unit's neighbours decide, once the line
// rules have read every line of the page (bare names under a headline are its byline, after a
// story its credit; a photo item under a story is a story of its own; a credit's names broken
// over a line are the credit's). Internal to classify.cpp.
#pragma once

#include <vector>

#include "newsplit/classify.hpp"

namespace newsplit {

void read_by_neighbours(std::vector<Unit>& units, const PageLines& page);

}  // namespace newsplit
