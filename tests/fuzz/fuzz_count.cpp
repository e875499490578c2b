// Keyword counting on any bytes: the automaton, with its vector prefilter and its passing
// over at the root, counts what the slow, obvious search counts. The input names the
// keywords (its first byte: how many lines, and whether case is ignored), the rest is text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "newsplit/count.hpp"

namespace {

std::string fold(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::uint64_t naive(const std::string& text, const std::string& key) {
  std::uint64_t n = 0;
  for (std::size_t p = text.find(key); p != std::string::npos; p = text.find(key, p + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const bool icase = data[0] & 0x80;
  std::size_t lines = 1 + data[0] % 40;  // up to 40 keywords: past the prefilter's limit too
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string> keys;
  while (lines-- > 0 && !rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view k = rest.substr(0, nl);
    if (!k.empty() && k.size() <= 12) keys.emplace_back(k);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  const std::string text(rest);
  newsplit::KeywordMatcher m(keys, icase);
  std::vector<std::uint64_t> counts;
  m.count(text, counts);
  const std::string seen = icase ? fold(text) : text;
  for (std::size_t k = 0; k < m.size(); ++k) {
    const std::string key = icase ? fold(m.keyword(k)) : m.keyword(k);
    // Keywords that fold to the same text are distinct keywords with the same count.
    if (counts[k] != naive(seen, key)) std::abort();
  }
  return 0;
}
