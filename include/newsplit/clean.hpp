// Cleaning: raw joined text in, clean text out. Cleaning changes layout, spacing and
// punctuation width only, never words:
//  - spaces next to a Han character or Chinese punctuation go (joined-column spaces,
//    justified spacing, leading spaces); a space between two Latin words or numbers stays,
//    but not one of justified spacing that spreads digits and letters too (2 0 2 5 年);
//  - half-width , . ? ! ; : ( ) in Chinese context become ，。？！；：（）, never inside
//    numbers, Latin words or codes (2.6%, C-V2X, 1.05亿, 10:30);
//  - straight double quotes in Chinese text become “ and ” by pairing;
//  - a run of three or more dots after Chinese text becomes ……
// Look-alike characters are folded before a page is read at all (fold_lookalikes).
#pragma once

#include <string>
#include <string_view>

namespace newsplit {

struct CleanOptions {
  bool punctuation = true;  // false keeps the input's punctuation widths (--raw-punct)
};

std::string clean(std::string_view raw, const CleanOptions& options = {});
// Appends the cleaned text to `out` (no allocation when `out` has room).
void clean_into(std::string_view raw, std::string& out, const CleanOptions& options = {});

// Look-alike characters: some PDF fonts map their glyphs to Kangxi radicals (⼈ U+2F08 for
// 人), CJK radicals (⻘ U+2ED8 for 青) or compatibility ideographs, and some extractors write
// the Chinese dash as one two-em dash (⸺ for ——). A reader sees the ordinary text, and so
// must the rules and the counts: each is written as the character it stands for (these
// blocks only; never NFKC on the whole text, which would fold full-width punctuation).
// Returns false, leaving `out` as it was, when the text holds none.
bool fold_lookalikes(std::string_view text, std::string& out);

namespace detail {
// The general path, for any text: what clean_into's faster paths for the common cases
// must agree with (the tests hold them to it).
void clean_general(std::string_view raw, std::string& out, const CleanOptions& options);
}  // namespace detail

}  // namespace newsplit
