// Micro-benchmarks of the hot stages, on the sample pages (Google Benchmark).
//   cmake -S . -B build -DNEWSPLIT_BENCH=ON && cmake --build build && build/bench/newsplit_stages
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsplit/clean.hpp"
#include "newsplit/count.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/format.hpp"
#include "newsplit/split.hpp"
#include "newsplit/unicode.hpp"

namespace {

const std::vector<std::string>& pages() {
  static const std::vector<std::string> p = [] {
    std::vector<std::string> v;
    for (const char* name : {"page-000.txt", "page-002.txt", "page-003.txt"}) {
      std::ifstream in(std::string(NEWSPLIT_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      v.push_back(ss.str());
    }
    return v;
  }();
  return p;
}

std::int64_t total_bytes() {
  std::int64_t n = 0;
  for (const auto& p : pages()) n += static_cast<std::int64_t>(p.size());
  return n;
}

void BM_ValidateUtf8(benchmark::State& st) {
  for (auto _ : st)
    for (const auto& p : pages()) benchmark::DoNotOptimize(newsplit::unicode::valid_utf8(p));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_ReadLines(benchmark::State& st) {
  for (auto _ : st)
    for (const auto& p : pages()) benchmark::DoNotOptimize(newsplit::read_lines(p));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

// The sample pages taken through the stages up to the one measured.
struct Staged {
  std::vector<newsplit::PageLines> lines;
  std::vector<std::vector<newsplit::Unit>> units;
  std::vector<newsplit::Layout> layouts;
  Staged() {
    for (const auto& p : pages()) lines.push_back(newsplit::read_lines(p));
    for (const auto& l : lines) units.push_back(newsplit::classify(l));
    for (std::size_t k = 0; k < lines.size(); ++k) layouts.push_back(newsplit::decide_layout(units[k]));
  }
};

void BM_Classify(benchmark::State& st) {
  const Staged s;
  for (auto _ : st)
    for (const auto& l : s.lines) benchmark::DoNotOptimize(newsplit::classify(l));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_Layout(benchmark::State& st) {
  const Staged s;
  for (auto _ : st)
    for (std::size_t k = 0; k < s.lines.size(); ++k) benchmark::DoNotOptimize(newsplit::decide_layout(s.units[k]));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_Assemble(benchmark::State& st) {
  const Staged s;
  for (auto _ : st)
    for (std::size_t k = 0; k < s.lines.size(); ++k)
      benchmark::DoNotOptimize(newsplit::assemble(s.lines[k], s.units[k], s.layouts[k]));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_SplitPage(benchmark::State& st) {
  for (auto _ : st)
    for (const auto& p : pages()) benchmark::DoNotOptimize(newsplit::split_page(p));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_Clean(benchmark::State& st) {
  for (auto _ : st)
    for (const auto& p : pages()) benchmark::DoNotOptimize(newsplit::clean(p));
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_JsonLines(benchmark::State& st) {
  std::vector<newsplit::PageResult> results;
  for (const auto& p : pages()) results.push_back(newsplit::split_page(p));
  auto w = newsplit::make_writer({});
  std::string out;
  for (auto _ : st) {
    out.clear();
    for (const auto& r : results)
      for (const auto& a : r.articles) w->article(out, "samples/page.txt", a);
    benchmark::DoNotOptimize(out);
  }
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_CountKeywords(benchmark::State& st) {
  std::vector<newsplit::PageResult> results;
  for (const auto& p : pages()) results.push_back(newsplit::split_page(p));
  newsplit::KeywordMatcher m({"社区", "城市治理", "超大城市", "智能网联", "重庆", "数字化", "老旧小区", "人工智能", "创新",
                              "陆海新通道", "社会资本", "完整社区", "高质量发展", "城市更新", "融媒体中心"});
  std::vector<std::uint64_t> counts;
  for (auto _ : st)
    for (const auto& r : results)
      for (const auto& a : r.articles)
        newsplit::for_each_counted_text(a, newsplit::Scope::Body, [&](std::string_view t) { m.count(t, counts); });
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

void BM_TopWords(benchmark::State& st) {
  std::vector<newsplit::PageResult> results;
  for (const auto& p : pages()) results.push_back(newsplit::split_page(p));
  newsplit::WordCounter wc;
  for (auto _ : st) {
    std::unordered_map<std::string, std::uint64_t> counts;
    for (const auto& r : results)
      for (const auto& a : r.articles)
        newsplit::for_each_counted_text(a, newsplit::Scope::Body, [&](std::string_view t) { wc.add(t, counts); });
    benchmark::DoNotOptimize(counts);
  }
  st.SetBytesProcessed(st.iterations() * total_bytes());
}

}  // namespace

BENCHMARK(BM_ValidateUtf8);
BENCHMARK(BM_ReadLines);
BENCHMARK(BM_Classify);
BENCHMARK(BM_Layout);
BENCHMARK(BM_Assemble);
BENCHMARK(BM_SplitPage);
BENCHMARK(BM_Clean);
BENCHMARK(BM_JsonLines);
BENCHMARK(BM_CountKeywords);
BENCHMARK(BM_TopWords);
BENCHMARK_MAIN();
