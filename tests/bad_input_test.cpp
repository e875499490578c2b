// The bad-input catalogue: what newsplit answers to each kind of broken input, as the
// contract says. (Missing files, directories, empty files, encodings, invalid UTF-8, full
// disks, closed pipes, unknown options and `count` without keywords are in cli_test.cpp.)
#include <gtest/gtest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "newsplit/decode.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

using json = nlohmann::json;

// Resident memory means nothing under AddressSanitizer's shadow memory.
#ifdef NEWSPLIT_SANITIZED
#define SKIP_UNDER_SANITIZER() GTEST_SKIP() << "resident memory means nothing under AddressSanitizer's shadow memory"
#else
#define SKIP_UNDER_SANITIZER() (void)0
#endif

namespace {

// The number of JSON Lines records; every line must be valid JSON.
std::size_t records(const std::string& out) {
  std::size_t n = 0;
  for (std::size_t p = 0, e; (e = out.find('\n', p)) != std::string::npos; p = e + 1, ++n)
    EXPECT_TRUE(json::accept(out.substr(p, e - p)));
  return n;
}

// Peak resident memory of a command, in kilobytes (GNU time).
long peak_kb(const std::string& command) {
  std::string script = "/usr/bin/time -f %M ";
  script += command;
  script += " 2>&1 >/dev/null | tail -n 1";
  return std::stol(test::shell(script).out);
}

}  // namespace

TEST(BadInput, RandomBytesGetAClearAnswer) {
  test::TempDir tmp;
  std::mt19937 rng(9);
  std::string bytes(1 << 20, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  const std::string f = tmp.file("random.bin", bytes);
  const auto r = test::run({f});
  // Either some encoding decodes it, or the file is named with where decoding failed.
  if (r.status == 0) {
    EXPECT_TRUE(newsplit::unicode::valid_utf8(r.out));
  } else {
    EXPECT_EQ(r.status, 1);
    std::string prefix = "newsplit: ";
    prefix += f;
    prefix += ':';
    EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << r.err;
    EXPECT_NE(r.err.find("at byte"), std::string::npos) << r.err;
  }
  const auto lossy = test::run({"--lossy", f});
  EXPECT_EQ(lossy.status, 0) << lossy.err;
  EXPECT_TRUE(newsplit::unicode::valid_utf8(lossy.out));
  records(lossy.out);  // valid JSON Lines
}

TEST(BadInput, ABinaryFileIsSkippedWithAMessageAndTheRestIsDone) {
  test::TempDir tmp;
  const std::string sparse = tmp.file("sparse.img", std::string(1 << 20, '\0'));  // a sparse file reads as NULs
  std::string image = "\x89PNG\r\n\x1a\n";
  for (int k = 0; k < 4000; ++k) image += std::string("\0\0\0\x0dIHDR\x01\x02\x03", 12);
  const std::string png = tmp.file("photo.png", image);
  const std::string page = tmp.file("page.txt", "春季植树活动启动\n\n全市春季义务植树活动启动。\n");
  const auto r = test::run({sparse, page, png});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(records(r.out), 1u);
  EXPECT_EQ(r.err, "newsplit: " + sparse + ": binary file, skipped (give --encoding to read it as text)\n" +
                       "newsplit: " + png + ": binary file, skipped (give --encoding to read it as text)\n");
  // Asked for, it is read as text.
  const auto forced = test::run({"--encoding", "utf-8", "--lossy", png});
  EXPECT_EQ(forced.status, 0) << forced.err;
}

TEST(BadInput, Utf16OfLatinTextWithoutABomIsTextNotBinary) {
  const std::string text = "Hello world\nline two\n";
  for (auto e : {newsplit::Encoding::Utf16le, newsplit::Encoding::Utf16be}) {
    const std::string bytes = newsplit::encode(text, e, /*bom=*/false);
    EXPECT_FALSE(newsplit::looks_binary(bytes));
    EXPECT_EQ(newsplit::detect_encoding(bytes, true), e);
  }
  EXPECT_TRUE(newsplit::looks_binary(std::string(4096, '\0')));
  EXPECT_FALSE(newsplit::looks_binary(std::string("全市\0春季义务植树活动启动。\n", 40)));  // one NUL in text
}

// Control bytes mark a binary file, each kind of them; the layout ones (tab, line ends,
// vertical tab, form feed) are text.
TEST(BadInput, ControlBytesOfEachKindMakeABinaryFile) {
  for (char c : {'\x01', '\x08', '\x0E', '\x1B', '\x1F', '\x7F'})
    EXPECT_TRUE(newsplit::looks_binary(std::string(64, c) + "文字")) << static_cast<int>(c);
  for (char c : {'\t', '\n', '\v', '\f', '\r'})
    EXPECT_FALSE(newsplit::looks_binary(std::string(64, c) + "文字")) << static_cast<int>(c);
}

// A line or two gives ICU's detector nothing to go on: short GB18030 and Big5 files are told
// apart by which reading forms words, and where neither does the file is refused, never garbled.
TEST(BadInput, ShortBig5AndGb18030FilesAreReadRightOrRefused) {
  using newsplit::Encoding;
  test::TempDir tmp;
  for (const std::string text : {"社區\n", "春季植樹活動啟動\n", "台北市政府今日宣布新政策\n市民踴躍參與。\n"}) {
    const std::string f = tmp.file("big5.txt", newsplit::encode(text, Encoding::Big5));
    const auto r = test::run({"--all", f});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(text.substr(0, text.find('\n'))), std::string::npos) << text << " read as " << r.out;
  }
  for (const std::string text : {"社区\n", "春季植树活动启动\n"}) {
    const std::string f = tmp.file("gb.txt", newsplit::encode(text, Encoding::Gb18030));
    const auto r = test::run({"--all", f});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(text.substr(0, text.find('\n'))), std::string::npos) << text << " read as " << r.out;
  }
  // A4 A4 is 中 in Big5 and い in GB18030: no reading forms a word.
  const std::string amb = tmp.file("one.txt", "\xA4\xA4\n");
  const auto r = test::run({amb});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "newsplit: " + amb + ": cannot tell the encoding (GB18030 and Big5 both read it); give --encoding gb18030 or --encoding big5\n");
  EXPECT_EQ(test::run({"--encoding", "big5", "--all", amb}).status, 0);
}

// Another program cuts the file while newsplit reads it: the reader, held back by a reader of
// the output that waits, finds the file shorter than it was when opened, and says so.
TEST(BadInput, AFileThatShrinksWhileReadIsReported) {
  test::TempDir tmp;
  std::string big;
  const std::string page = test::read_file(test::sample_path("page-000.txt"));
  while (big.size() < (48u << 20)) big += page;
  const std::string f = tmp.file("big.txt", big);
  const auto r = test::shell("(\"$NEWSPLIT\" -j 1 " + test::quote(f) + "; echo \"status $?\" >&2) | (sleep 1; truncate -s 1000 " +
                             test::quote(f) + "; cat >/dev/null)");
  EXPECT_NE(r.err.find("newsplit: " + f + ": the file shrank while it was read ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("status 1"), std::string::npos) << r.err;
}

TEST(BadInput, NulBytesInsideTextAreKeptEscaped) {
  test::TempDir tmp;
  const std::string f = tmp.file("nul.txt", std::string("春季植树活动启动\n\n本报讯 （记者 吴敏）全市\0春季义务植树活动启动。\n", 77));
  const auto r = test::run({f});
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(records(r.out), 1u);
  EXPECT_NE(r.out.find("\\u0000"), std::string::npos);
}

TEST(BadInput, ThousandsOfUnbalancedQuotesAndBrackets) {
  test::TempDir tmp;
  std::string text = "标题\n\n";
  for (int k = 0; k < 3000; ++k) text += k % 3 == 0 ? "“正文（" : k % 3 == 1 ? "\"引号(" : "）括号”";
  text += "\n";
  const auto r = test::run({"--all", tmp.file("quotes.txt", text)});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_GE(records(r.out), 1u);
}

// Memory is bounded by the work in flight, not by the workers asked for: -j 1024 on a file
// of many pages stays under 64 MB, for split and for count.
TEST(BadInput, AnyNumberOfJobsInBoundedMemory) {
  SKIP_UNDER_SANITIZER();
  test::TempDir tmp;
  const std::string f = tmp / "pages.txt";
  {
    std::ofstream out(f, std::ios::binary);
    for (const char* name : {"page-000.txt", "page-002.txt", "page-003.txt"}) {
      const std::string page = test::read_file(test::sample_path(name));
      for (int k = 0; k < 250; ++k) out << page << '\f';
    }
  }
  for (const std::string args : {" -j 1024 -o /dev/null ", " count --top 20 -j 1024 -o /dev/null "}) {
    const long kb = peak_kb(test::quote(test::binary()) + args + test::quote(f));
    EXPECT_LT(kb, 64 * 1024) << args << ": peak memory " << kb << " KB";
  }
}

// A list of 100,000 keywords (1.2 MB) takes memory in proportion to it.
TEST(BadInput, AHundredThousandKeywordsInBoundedMemory) {
  SKIP_UNDER_SANITIZER();
  test::TempDir tmp;
  std::string list;
  std::mt19937 rng(5);
  for (int k = 0; k < 100000; ++k) {
    const int chars = 2 + static_cast<int>(rng() % 5);
    for (int c = 0; c < chars; ++c) newsplit::unicode::append(list, static_cast<char32_t>(0x4E00 + rng() % 20000));
    list += '\n';
  }
  const std::string kw = tmp.file("kw.txt", list);
  const long kb = peak_kb(test::quote(test::binary()) + " count -K " + test::quote(kw) + " -o /dev/null " +
                          test::quote(test::sample_path("page-000.txt")));
  EXPECT_LT(kb, 128 * 1024) << "peak memory " << kb << " KB";
}

TEST(BadInput, OneEndlessLineInBoundedMemory) {
  // 60 MB and no newline: cut into pages at the size bound, printed as it goes.
  SKIP_UNDER_SANITIZER();
  test::TempDir tmp;
  const std::string f = tmp / "endless.txt";
  {
    std::ofstream out(f, std::ios::binary);
    const std::string chunk = [] {
      std::string s;
      for (int k = 0; k < 1000; ++k) s += "城市更新让老街区焕发新活力，";
      return s;
    }();
    for (std::size_t written = 0; written < (60u << 20); written += chunk.size()) out << chunk;
  }
  std::string command = test::quote(test::binary());
  command += " -o /dev/null ";
  command += test::quote(f);
  const long kb = peak_kb(command);
  EXPECT_LT(kb, 64 * 1024) << "peak memory " << kb << " KB";
  std::string pipe = "\"$NEWSPLIT\" ";
  pipe += test::quote(f);
  pipe += " | head -c 200 | wc -c";
  const auto r = test::shell(pipe);
  EXPECT_EQ(r.out, "200\n");
}

TEST(BadInput, TwoHundredThousandTinyArticles) {
  // No step may be quadratic in the number of articles on a page (ctest's timeout guards).
  test::TempDir tmp;
  std::string text;
  text.reserve(200000 * 60);
  for (int k = 0; k < 200000; ++k) text += "标题\n\n本报讯 （记者 吴敏）正文。\n\n";
  const auto r = test::run({"stats", "-f", "tsv", tmp.file("tiny.txt", text)});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto rows = test::read_tsv(r.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1], "200000");
  // 8.6 MB with no form feed is cut into pages of 1 MB at blank lines; a cut between a
  // headline and its body may cost that one headline.
  EXPECT_GE(std::stol(rows[1][2]), 200000 - 9);
}

TEST(BadInput, EmptyStandardInput) {
  const auto r = test::run({"-"}, "", true);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
}
