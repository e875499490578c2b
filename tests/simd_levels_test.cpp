// The instruction-set levels (src/simd/): each kernel gives the scalar kernel's answer at
// every level the CPU has, and the whole program prints the same bytes at each level
// (NEWSPLIT_SIMD=scalar|sse2|avx2) on the sample pages, the test pages and, where it is beside
// the project, the development corpus.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "newsplit/unicode.hpp"
#include "simd/kernels.hpp"
#include "test_util.hpp"

namespace simd = newsplit::simd;

namespace {

std::vector<const simd::Kernels*> levels() {
  std::vector<const simd::Kernels*> l = {&simd::scalar_kernels(), &simd::sse2_kernels()};
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("avx2")) l.push_back(&simd::avx2_kernels());
#endif
  return l;
}

// Text of the pieces a page is made of, with broken UTF-8 and every kind of byte among them.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> alphabet = {"社", "区", "发", "展", "。", "，", "“", "”", "a", "7", " ", "\t", "\n",
                                                    ",", "?", "é", "𠀀", "\xE7", "\x80", "\xC2\xA0", "\xE3\x80\x80", "\xEF\xBB\xBF",
                                                    "⼀", "⻘", "\"", "\\", "\x01", "（", "）", "■", "\xE2\x80\x83"};
  std::string s;
  for (std::size_t k = 0; k < pieces; ++k) s += alphabet[rng() % alphabet.size()];
  return s;
}

// Where cleaning has work: an ASCII blank or half-width mark, U+00A0, a Unicode space.
bool needs_cleaning(const unsigned char* p, std::size_t i, std::size_t n) {
  const unsigned char b = p[i];
  if (b < 0x80) return std::string_view(" \t\r\n\v\f,.?!;:()\"").find(static_cast<char>(b)) != std::string_view::npos;
  if (b == 0xC2) return i + 1 < n && p[i + 1] == 0xA0;
  return b >= 0xE0 && i + 2 < n && newsplit::unicode::is_space3(p + i);
}

// Every position a `next_*` kernel stops at, from the start, as the stages walk them.
template <typename Next>
std::vector<std::size_t> stops(Next next, const unsigned char* p, std::size_t n) {
  std::vector<std::size_t> at;
  for (std::size_t i = next(p, 0, n); i < n; i = next(p, i + 1, n)) at.push_back(i);
  return at;
}

}  // namespace

TEST(SimdLevels, EveryKernelAgreesWithTheScalarOne) {
  std::mt19937 rng(2026);
  const simd::Kernels& ref = simd::scalar_kernels();
  simd::NibbleTables tables;
  tables.width = 3;
  tables.lo[0].fill(0xFF);
  tables.hi[0][0xE] = 0xFF;
  for (int b = 0; b < 16; b += 3) tables.lo[1][b] = tables.hi[2][b % 12] = 1u << (b % 8);
  tables.hi[1].fill(0x55);
  tables.lo[2].fill(0x0F);
  for (int round = 0; round < 400; ++round) {
    const std::string text = random_text(rng, rng() % 200);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::vector<simd::ByteMasks> want_masks(n / 64), masks(n / 64);
    ref.byte_masks(p, n / 64, want_masks.data());
    std::vector<std::uint32_t> want_bits((n + 31) / 32), bits((n + 31) / 32);
    ref.nibble_match(p, n, tables, want_bits.data());
    std::vector<std::size_t> want_pairs, pairs;
    auto collect = [](void* into, std::size_t i) {
      static_cast<std::vector<std::size_t>*>(into)->push_back(i);
      return false;
    };
    ref.nibble_pairs(p, n, tables, 3, collect, &want_pairs);
    for (const simd::Kernels* k : levels()) {
      const std::string level(simd::level_name(k->level));
      k->byte_masks(p, n / 64, masks.data());
      for (std::size_t b = 0; b < masks.size(); ++b) {
        EXPECT_EQ(masks[b].newline, want_masks[b].newline) << level;
        EXPECT_EQ(masks[b].han | masks[b].printable << 1, want_masks[b].han | want_masks[b].printable << 1) << level;
        EXPECT_EQ(masks[b].lead3 ^ masks[b].cont ^ masks[b].other, want_masks[b].lead3 ^ want_masks[b].cont ^ want_masks[b].other) << level;
        EXPECT_EQ(masks[b].blank + masks[b].prose, want_masks[b].blank + want_masks[b].prose) << level;
      }
      EXPECT_EQ(k->valid_utf8(p, n), ref.valid_utf8(p, n)) << level;
      EXPECT_EQ(k->count_in_range(p, n, 0x80, 0xBF), ref.count_in_range(p, n, 0x80, 0xBF)) << level;
      EXPECT_EQ(k->count_in_range(p, n, '\n', '\n'), ref.count_in_range(p, n, '\n', '\n')) << level;
      EXPECT_EQ(stops(k->next_lookalike, p, n), stops(ref.next_lookalike, p, n)) << level << " " << text;
      // Cleaning and JSON look again at what the kernels point at: a level may stop at other
      // places, but never passes one where cleaning has work.
      const auto cleaning = stops(k->next_attention, p, n);
      for (std::size_t at = 0; at < n; ++at)
        if (needs_cleaning(p, at, n)) {
          EXPECT_TRUE(std::find(cleaning.begin(), cleaning.end(), at) != cleaning.end()) << level << " " << at << " " << text;
        }
      const std::size_t plain = k->plain_json_run(p, n);
      for (std::size_t i = 0; i < plain; ++i) EXPECT_TRUE(p[i] >= 0x20 && p[i] != '"' && p[i] != '\\') << level;
      k->nibble_match(p, n, tables, bits.data());
      EXPECT_EQ(bits, want_bits) << level << " " << text;
      pairs.clear();
      k->nibble_pairs(p, n, tables, 3, collect, &pairs);
      EXPECT_EQ(pairs, want_pairs) << level << " " << text;
    }
  }
}

// Counts over more bytes than a vector's lanes hold before they are summed (255 loads), in
// text and in a run of blank lines (every byte counted: a lane that overflowed would show).
TEST(SimdLevels, CountsOfLongTextsAgree) {
  std::mt19937 rng(7);
  const simd::Kernels& ref = simd::scalar_kernels();
  for (std::size_t n : {8159u, 8160u, 8161u, 20000u, 70001u}) {
    std::string text;
    while (text.size() < n) text += random_text(rng, 100) + "\n";
    text.resize(n);
    const std::string blank(n, '\n');
    for (const simd::Kernels* k : levels())
      EXPECT_EQ(k->count_in_range(reinterpret_cast<const unsigned char*>(blank.data()), n, '\n', '\n'), n) << simd::level_name(k->level);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (const simd::Kernels* k : levels()) {
      EXPECT_EQ(k->count_in_range(p, n, 0x80, 0xBF), ref.count_in_range(p, n, 0x80, 0xBF)) << simd::level_name(k->level) << " " << n;
      EXPECT_EQ(k->count_in_range(p, n, '\n', '\n'), ref.count_in_range(p, n, '\n', '\n')) << simd::level_name(k->level) << " " << n;
    }
  }
}

TEST(SimdLevels, TheProgramPrintsTheSameAtEveryLevel) {
  std::string pages;
  for (const std::string& dir : {test::source_dir() + "/samples", test::source_dir() + "/tests/pages",
                                test::source_dir() + "/../shared/corpus/dev/pages"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") {
        pages += ' ';
        pages += test::quote(e.path().string());
      }
  }
  const std::string commands = "$NEWSPLIT split --all" + pages + "; $NEWSPLIT count -j 1 --by article -k 发展 -k 社区 -k 记者" +
                               pages + "; $NEWSPLIT explain -f json" + pages;
  std::string first;
  for (const std::string level : {"scalar", "sse2", "avx2"}) {
    const auto r = test::shell(fmt::format("export NEWSPLIT_SIMD={}; {}", level, commands));
    ASSERT_EQ(r.status, 0) << level << r.err;
    ASSERT_GT(r.out.size(), 10000u);
    if (first.empty()) first = r.out;
    else EXPECT_TRUE(r.out == first) << level << " prints other bytes than scalar";
  }
}
