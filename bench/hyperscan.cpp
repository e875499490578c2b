// The keyword counter against Hyperscan, the library it would otherwise use: both count every
// (overlapping) occurrence of each keyword of a list in one text, and must agree. Prints the
// best of five runs of each and the ratio.
//
//   build/bench/newsplit_vs_hyperscan TEXT_FILE KEYWORD_FILE
//
// (cmake -DNEWSPLIT_BENCH=ON, with libhyperscan-dev: scripts/setup --bench)
#include <hs.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsplit/count.hpp"

namespace {

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename F>
double best_seconds(F f) {
  double best = 1e9;
  for (int run = 0; run < 5; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s TEXT_FILE KEYWORD_FILE\n", argv[0]);
    return 2;
  }
  const std::string text = read(argv[1]);
  std::vector<std::string> keywords;
  std::istringstream lines(read(argv[2]));
  for (std::string k; std::getline(lines, k);)
    if (!k.empty()) keywords.push_back(k);

  const newsplit::KeywordMatcher matcher(keywords);
  std::vector<std::uint64_t> ours;
  const double ours_s = best_seconds([&] {
    ours.assign(matcher.size(), 0);
    matcher.count(text, ours);
  });

  std::vector<const char*> patterns;
  std::vector<unsigned> flags, ids;
  std::vector<std::string> escaped;  // literals as \xHH, so that no byte is a regex operator
  for (std::size_t k = 0; k < keywords.size(); ++k) {
    std::string e;
    for (unsigned char c : keywords[k]) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      e += hex;
    }
    escaped.push_back(e);
  }
  for (std::size_t k = 0; k < escaped.size(); ++k) {
    patterns.push_back(escaped[k].c_str());
    flags.push_back(0);
    ids.push_back(static_cast<unsigned>(k));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK,
                       nullptr, &db, &error) != HS_SUCCESS) {
    std::fprintf(stderr, "hyperscan: %s\n", error->message);
    return 1;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  std::vector<std::uint64_t> theirs;
  const double theirs_s = best_seconds([&] {
    theirs.assign(keywords.size(), 0);
    hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
            [](unsigned id, unsigned long long, unsigned long long, unsigned, void* counts) {
              ++(*static_cast<std::vector<std::uint64_t>*>(counts))[id];
              return 0;
            },
            &theirs);
  });
  hs_free_scratch(scratch);
  hs_free_database(db);

  std::size_t differ = 0;
  for (std::size_t k = 0; k < keywords.size(); ++k) differ += ours[k] != theirs[k];
  std::printf("%zu keywords, %zu bytes: newsplit %.4f s, hyperscan %.4f s: hyperscan takes %.2f times as long%s\n",
              keywords.size(), text.size(), ours_s, theirs_s, theirs_s / ours_s,
              differ ? " (COUNTS DIFFER)" : ", same counts");
  return differ ? 1 : 0;
}
