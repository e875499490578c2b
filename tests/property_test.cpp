// Invariants that hold for every input, checked on generated pages: random pages built from
// the sample pages' lines (shuffled, cut, with blank lines and runs of them, re-encoded).
#include <gtest/gtest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "newsplit/clean.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/format.hpp"
#include "newsplit/split.hpp"
#include "test_util.hpp"

namespace {

std::vector<std::string> sample_lines() {
  std::vector<std::string> lines;
  for (const char* name : {"page-000.txt", "page-002.txt", "page-003.txt"}) {
    const std::string text = test::read_file(test::sample_path(name));
    std::size_t p = 0;
    for (std::size_t n; (n = text.find('\n', p)) != std::string::npos; p = n + 1) lines.push_back(text.substr(p, n - p));
  }
  return lines;
}

// A random page: runs of consecutive sample lines (so that some structure survives), some
// lines cut at a random character, blank lines and runs of them, a few stray spaces.
std::string random_page(std::mt19937& rng, const std::vector<std::string>& lines) {
  std::string page;
  const int runs = 1 + static_cast<int>(rng() % 8);
  for (int r = 0; r < runs; ++r) {
    std::size_t at = rng() % lines.size();
    const int len = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < len && at < lines.size(); ++k, ++at) {
      std::string line = lines[at];
      if (rng() % 10 == 0 && !line.empty()) {  // cut at a character boundary
        std::size_t cut = rng() % line.size();
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line.resize(cut);
      }
      if (rng() % 15 == 0) line.insert(line.begin(), ' ');
      page += line;
      page += '\n';
      if (rng() % 12 == 0) page += std::string(1 + rng() % 3, '\n');
    }
  }
  return page;
}

std::string jsonl(const newsplit::PageResult& r) {
  newsplit::WriterOptions o;
  o.leftovers = true;
  auto w = newsplit::make_writer(o);
  std::string out;
  for (const auto& a : r.articles) w->article(out, "page.txt", a);
  for (const auto& l : r.leftovers) w->leftover(out, "page.txt", l);
  return out;
}

class Generated : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { lines_ = new std::vector<std::string>(sample_lines()); }
  static void TearDownTestSuite() { delete lines_; }
  static std::vector<std::string>* lines_;
};
std::vector<std::string>* Generated::lines_ = nullptr;

constexpr int kPages = 300;

}  // namespace

TEST_F(Generated, OutputIsValidUtf8AndValidJson) {
  std::mt19937 rng(1);
  for (int k = 0; k < kPages; ++k) {
    const std::string page = random_page(rng, *lines_);
    const std::string out = jsonl(newsplit::split_page(page));
    ASSERT_TRUE(newsplit::unicode::valid_utf8(out));
    for (std::size_t p = 0, n; (n = out.find('\n', p)) != std::string::npos; p = n + 1)
      ASSERT_TRUE(nlohmann::json::accept(out.substr(p, n - p))) << page;
  }
}

TEST_F(Generated, NoCharacterIsLost) {
  std::mt19937 rng(2);
  for (int k = 0; k < kPages; ++k) {
    const std::string page = random_page(rng, *lines_);
    ASSERT_EQ(test::lost_characters(page, newsplit::split_page(page)), "") << page;
  }
}

TEST_F(Generated, CleaningPrintedTextChangesNothing) {
  std::mt19937 rng(3);
  for (int k = 0; k < kPages; ++k) {
    const auto r = newsplit::split_page(random_page(rng, *lines_));
    for (const auto& a : r.articles) {
      for (const auto& p : a.paragraphs) ASSERT_EQ(newsplit::clean(p), p);
      for (const std::string* h : {&a.kicker, &a.title, &a.subtitle}) ASSERT_EQ(newsplit::clean(*h), *h);
      for (const auto& c : a.captions) ASSERT_EQ(newsplit::clean(c), c);
    }
  }
}

TEST_F(Generated, SameInputSameBytes) {
  std::mt19937 rng(4);
  for (int k = 0; k < kPages / 3; ++k) {
    const std::string page = random_page(rng, *lines_);
    ASSERT_EQ(jsonl(newsplit::split_page(page)), jsonl(newsplit::split_page(page)));
  }
}

TEST_F(Generated, EveryEncodingGivesTheSameRecords) {
  std::mt19937 rng(5);
  for (int k = 0; k < 40; ++k) {
    const std::string page = random_page(rng, *lines_);
    const std::string want = jsonl(newsplit::split_page(page));
    std::string crlf;
    for (char c : page) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    for (const auto& [bytes, enc] : std::vector<std::pair<std::string, newsplit::Encoding>>{
             {newsplit::encode(page, newsplit::Encoding::Gb18030), newsplit::Encoding::Gb18030},
             {newsplit::encode(page, newsplit::Encoding::Utf16le, true), newsplit::Encoding::Auto},
             {newsplit::encode(page, newsplit::Encoding::Utf16be, true), newsplit::Encoding::Auto},
             {"\xEF\xBB\xBF" + page, newsplit::Encoding::Auto},
             {crlf, newsplit::Encoding::Auto}}) {
      std::optional<newsplit::DecodeError> err;
      const std::string text = newsplit::decode_all(bytes, enc, false, &err);
      ASSERT_FALSE(err.has_value()) << err->message;
      ASSERT_EQ(jsonl(newsplit::split_page(text)), want);
    }
  }
}

TEST_F(Generated, ResultsDoNotDependOnJobs) {
  std::mt19937 rng(6);
  test::TempDir tmp;
  std::vector<std::string> args = {"--all"};
  for (int k = 0; k < 24; ++k) args.push_back(tmp.file("page-" + std::to_string(k) + ".txt", random_page(rng, *lines_)));
  auto with = [&](const char* j) {
    std::vector<std::string> a = {"-j", j};
    a.insert(a.end(), args.begin(), args.end());
    return test::run(a);
  };
  const auto one = with("1");
  ASSERT_EQ(one.status, 0);
  EXPECT_EQ(with("2").out, one.out);
  EXPECT_EQ(with("5").out, one.out);
}
