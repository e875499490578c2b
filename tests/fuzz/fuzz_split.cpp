// Splitting and cleaning: never crashes, and the invariants of the records hold for every
// input: valid UTF-8 everywhere, no newline in a paragraph, chars counts the paragraphs,
// line spans inside the page, cleaning is idempotent, and no text is lost.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "../test_util.hpp"
#include "newsplit/clean.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/split.hpp"

namespace u = newsplit::unicode;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = newsplit::decode_all(bytes, newsplit::Encoding::Utf8, /*lossy=*/true);
  const std::uint64_t lines = 1 + static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
  for (bool punct : {true, false}) {
    newsplit::SplitOptions o;
    o.clean.punctuation = punct;
    const auto r = newsplit::split_page(text, 1, o);
    // Every printed text is valid UTF-8 and clean already: cleaning it again changes nothing.
    auto check = [&](const std::string& s) {
      if (!u::valid_utf8(s) || newsplit::clean(s, o.clean) != s) std::abort();
    };
    for (const auto& a : r.articles) {
      std::uint64_t chars = 0;
      for (const auto& p : a.paragraphs) {
        if (p.find('\n') != std::string::npos || p.empty()) std::abort();
        check(p);
        chars += u::count(p);
      }
      if (chars != a.chars || a.paragraphs.empty()) std::abort();
      for (const std::string* f : {&a.kicker, &a.title, &a.subtitle}) check(*f);
      for (const auto* l : {&a.captions, &a.notes}) for (const auto& s : *l) check(s);
      if (a.line_start < 1 || a.line_start > a.line_end || a.line_end > lines) std::abort();
    }
    for (const auto& l : r.leftovers) {
      if (!u::valid_utf8(l.text) || l.line_start > l.line_end || l.line_end > lines) std::abort();
    }
    if (punct && !test::lost_characters(text, r).empty()) std::abort();
  }
  return 0;
}
