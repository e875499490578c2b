#include <gtest/gtest.h>

#include <random>

#include "newsplit/count.hpp"
#include "newsplit/split.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

using newsplit::KeywordMatcher;
using Counts = std::vector<std::uint64_t>;

namespace {

Counts count(const std::vector<std::string>& keys, std::string_view text, bool icase = false) {
  KeywordMatcher m(keys, icase);
  Counts c;
  m.count(text, c);
  return c;
}

// The slow, obvious way: every start position, every keyword.
std::uint64_t naive(std::string_view text, std::string_view key) {
  std::uint64_t n = 0;
  for (std::size_t p = text.find(key); p != std::string_view::npos; p = text.find(key, p + 1)) ++n;
  return n;
}

// Random texts of min_len to max_len pieces of the alphabet: each of keys counts what the
// obvious way counts, the matcher holding the extra keywords too (after keys).
void expect_obvious_counts(std::mt19937& rng, const std::vector<std::string>& alphabet, int min_len, int max_len,
                           int rounds, const std::vector<std::string>& keys, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> all = keys;
  all.insert(all.end(), extra.begin(), extra.end());
  for (int round = 0; round < rounds; ++round) {
    std::string text;
    const int len = min_len + static_cast<int>(rng() % static_cast<unsigned>(max_len - min_len + 1));
    for (int k = 0; k < len; ++k) text += alphabet[rng() % alphabet.size()];
    const Counts got = count(all, text);
    for (std::size_t k = 0; k < keys.size(); ++k) EXPECT_EQ(got[k], naive(text, keys[k])) << text << " " << keys[k];
  }
}

}  // namespace

TEST(Count, OverlappingMatchesAllCount) {
  EXPECT_EQ(count({"社区", "完整社区"}, "完整社区建设让社区居民受益"), (Counts{2, 1}));
  EXPECT_EQ(count({"哈哈"}, "哈哈哈"), (Counts{2}));
  EXPECT_EQ(count({"城市", "城市更新", "更新"}, "城市更新"), (Counts{1, 1, 1}));
}

TEST(Count, NoKeywordsNoCounts) { EXPECT_TRUE(count({}, "任何文字").empty()); }

TEST(Count, DuplicateKeywordsShareACount) {
  KeywordMatcher m({"社区", "社区", "城市"});
  EXPECT_EQ(m.size(), 2u);
  // Ignoring case, two spellings of one word are one keyword, under the first spelling
  // (each took the other's count before: one state of the automaton ends both).
  KeywordMatcher folded({"RCEP", "rcep", "Rcep规则"}, true);
  ASSERT_EQ(folded.size(), 2u);
  EXPECT_EQ(folded.keyword(0), "RCEP");
  Counts c;
  folded.count("rcep规则与RCEP", c);
  EXPECT_EQ(c, (Counts{2, 1}));
}

TEST(Count, IgnoreCaseForLatin) {
  EXPECT_EQ(count({"rcep"}, "RCEP规则与Rcep", true), (Counts{2}));
  EXPECT_EQ(count({"rcep"}, "RCEP规则与Rcep", false), (Counts{0}));
}

TEST(Count, AgreesWithTheObviousCountOnRandomText) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "更", "新", "a", "A"};
  const std::vector<std::string> keys = {"社区", "城市", "城市更新", "区城", "社社", "aA", "新"};
  expect_obvious_counts(rng, alphabet, 60, 60, 200, keys);
}

// A long list (its full table would take too much memory) is looked up by length instead:
// the counts are the obvious ones all the same, ignoring case too.
TEST(Count, ALongListCountsWhatTheObviousWayCounts) {
  std::mt19937 rng(11);
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "更", "新", "a", "B", "，"};
  std::vector<std::string> extra;
  for (char32_t c = 0x4E00; extra.size() < 30000; ++c) {  // long enough that no full table is built
    std::string w;
    newsplit::unicode::append(w, c);
    newsplit::unicode::append(w, c + 7);
    extra.push_back(w);
  }
  const std::vector<std::string> keys = {"社区", "城市", "城市更新", "区城", "社社", "aB", "新", "市，城"};
  expect_obvious_counts(rng, alphabet, 60, 60, 100, keys, extra);
  std::vector<std::string> all = {"rcep"};
  all.insert(all.end(), extra.begin(), extra.end());
  KeywordMatcher folded(all, true);
  Counts c;
  folded.count("RCEP规则与Rcep", c);
  EXPECT_EQ(c[0], 2u);
}

// Most text is passed over a character at a time at the automaton's root (a character that
// begins keywords too, when the next one goes on none of them); the count must not change
// for keywords that begin with any kind of character or pair of characters, one character
// long or more, nor for text or keywords that are not well-formed UTF-8.
TEST(Count, PassingOverCharactersNoKeywordBeginsWithChangesNoCount) {
  std::mt19937 rng(17);
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "的", "是", "。", "，", "x", "Q", "1", "é", "𠀀",
                                             "\xE7", "\x80", "\xA4\xBE", "会"};
  const std::vector<std::vector<std::string>> key_sets = {
      {"社区", "x1", "é社", "𠀀城", "会", "。区", "区Q", "城𠀀", "市的是"},
      {"社区", "\xA4\xBE", "市"},  // a keyword that is no UTF-8: no passing over
      {"\xE7\xA4", "区城"},
  };
  for (const auto& keys : key_sets) expect_obvious_counts(rng, alphabet, 1, 50, 300, keys);
  // Latin keywords under ignore-case begin with either case.
  EXPECT_EQ(count({"qx", "Xq"}, "的QX是qX会xQ", true), (Counts{2, 1}));  // QX qX; xQ
}

// With many keywords of different beginnings the matcher reads byte by byte, with no vector
// prefilter: the same counts (forty keywords of characters the text never holds force it).
TEST(Count, ManyBeginningsCountTheSameByteByByte) {
  std::mt19937 rng(23);
  const std::vector<std::string> alphabet = {"社", "区", "城", "市", "的", "。", "x", "Q", "é", "𠀀", "\xE7", "会"};
  const std::vector<std::string> keys = {"社区", "x", "é社", "𠀀城", "会", "。区", "城市的"};
  std::vector<std::string> absent;
  for (char32_t c = 0x4E00; c < 0x4E00 + 40; ++c) {
    std::string k;
    newsplit::unicode::append(k, c);
    absent.push_back(k + "z");
  }
  expect_obvious_counts(rng, alphabet, 1, 150, 300, keys, absent);
}

// The text counted is a view: the byte after it, whatever it is, is not read (a view that
// ends with a character passed over, followed in memory by a keyword of one letter).
TEST(Count, NothingPastTheEndOfTheTextIsRead) {
  const std::string buffer = "城市a社区a";
  for (std::size_t end : {std::size_t{3}, std::size_t{6}}) {  // 城, 城市: passed over, then 'a'
    const std::string_view text = std::string_view(buffer).substr(0, end);
    EXPECT_EQ(count({"a", "区a"}, text), (Counts{0, 0})) << text;
  }
  EXPECT_EQ(count({"a", "区a"}, std::string_view(buffer).substr(0, 13)), (Counts{1, 0}));  // 城市a社区
  EXPECT_EQ(count({"a", "区a"}, buffer), (Counts{2, 1}));
}

// Where the vector prefilter accepts a position, the keywords that begin with the bytes
// there are compared in place: keywords that share their first characters, that are no
// longer than those, that end where the text ends (the last bytes, read without a whole
// word past them), or whose first bytes are one or two bytes long, all count as the
// obvious way counts, in texts long enough for the vector path.
TEST(Count, KeywordsThatShareTheirBeginningsAreComparedWhereTheyStart) {
  std::mt19937 rng(29);
  // 区 (E5 8C BA) and 匹 (E5 8C B9) differ only in their last byte, past the five read.
  const std::vector<std::string> alphabet = {"社", "区", "匹", "会", "城", "市", "的", "x", "é", "。"};
  const std::vector<std::vector<std::string>> key_sets = {
      {"社区", "社区会", "社会", "社区城市", "城市", "城市的社区", "区社", "社匹"},  // five bytes read, shared by some
      {"社", "社区", "社会", "市的"},                                      // three bytes: one character
      {"x", "x社", "xé", "é"},                                             // one byte
      {"é", "é社", "éx", "é。区"},                                         // two bytes
  };
  for (const auto& keys : key_sets) expect_obvious_counts(rng, alphabet, 1, 400, 300, keys);
  // At the very end: the last position a keyword can start at.
  EXPECT_EQ(count({"社区", "区会"}, std::string(40, 'x') + "社区会"), (Counts{1, 1}));
  EXPECT_EQ(count({"社区会"}, std::string(40, 'x') + "社区"), (Counts{0}));
}

TEST(Count, ThousandsOfKeywordsInOnePass) {
  std::vector<std::string> keys;
  for (int k = 0; k < 3000; ++k) keys.push_back("词" + std::to_string(k));
  const Counts got = count(keys, "词1 词12 词123 词2999");
  EXPECT_EQ(got[1], 3u);     // 词1 is inside 词12 and 词123 as well
  EXPECT_EQ(got[12], 2u);
  EXPECT_EQ(got[123], 1u);
  EXPECT_EQ(got[2999], 1u);
  EXPECT_EQ(got[2], 1u);     // inside 词2999
}

TEST(Count, KeywordsAreNormalisedLikeTheText) {
  EXPECT_EQ(newsplit::normalize_keyword(" 城市 更新 "), "城市更新");
  EXPECT_EQ(newsplit::normalize_keyword("\"一事一议\""), "“一事一议”");
  EXPECT_EQ(newsplit::normalize_keyword("C-V2X"), "C-V2X");
}

TEST(Count, KeywordListSkipsCommentsAndBlankLines) {
  EXPECT_EQ(newsplit::parse_keyword_list("# 关键词\n社区\n\n  城市更新  \n#注释\n智能网联"),
            (std::vector<std::string>{"社区", "城市更新", "智能网联"}));
}

TEST(Count, KeywordsCutByWrapsAndSpacesAreFoundInTheCleanText) {
  // 城市 / 更新 split by a line wrap, 社 区 by a stray space: plain grep misses both.
  const std::string page = "城市更新\n\n本报讯 （记者 吴敏）我市大力推进城市\n更新，老旧社 区焕然一新。\n";
  const auto r = newsplit::split_page(page);
  KeywordMatcher m({"城市更新", "社区"});
  Counts c;
  for (const auto& a : r.articles) newsplit::for_each_counted_text(a, newsplit::Scope::Body, [&](std::string_view t) { m.count(t, c); });
  EXPECT_EQ(c, (Counts{2, 1}));
  EXPECT_EQ(naive(page, "城市更新"), 1u);
}

TEST(Count, ScopeAllAddsCaptionsCreditsAndNotes) {
  newsplit::Article a;
  a.title = "社区";
  a.paragraphs = {"社区"};
  a.captions = {"社区"};
  a.credits = {"社区中心 王利"};
  a.notes = {"（作者单位：社区学院）"};
  KeywordMatcher m({"社区"});
  Counts body, all;
  newsplit::for_each_counted_text(a, newsplit::Scope::Body, [&](std::string_view t) { m.count(t, body); });
  newsplit::for_each_counted_text(a, newsplit::Scope::All, [&](std::string_view t) { m.count(t, all); });
  EXPECT_EQ(body, (Counts{2}));
  EXPECT_EQ(all, (Counts{5}));
}

TEST(Count, TopWordsSkipFunctionWordsAndSingleCharacters) {
  newsplit::WordCounter wc;
  std::unordered_map<std::string, std::uint64_t> counts;
  wc.add("我们的社区建设和社区治理，社区居民的生活。城市更新也是城市治理的一部分。", counts);
  EXPECT_EQ(counts["社区"], 3u);
  EXPECT_EQ(counts.count("的"), 0u);
  EXPECT_EQ(counts.count("我们"), 0u);  // a stopword
  const auto top = newsplit::top_n(counts, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].first, "社区");
}

TEST(Count, ExtraStopwords) {
  auto stop = newsplit::default_stopwords();
  stop.insert("社区");
  newsplit::WordCounter wc(stop);
  std::unordered_map<std::string, std::uint64_t> counts;
  wc.add("社区建设和社区治理", counts);
  EXPECT_EQ(counts.count("社区"), 0u);
  EXPECT_GT(counts.size(), 0u);
}

TEST(Count, SamplesMatchTheHandCounts) {
  // Counted by hand in the gold articles of the three sample pages: headline and body,
  // overlapping occurrences.
  const std::vector<std::string> keys = {"社区", "城市治理", "重庆", "创新", "陆海新通道", "完整社区", "城市更新",
                                         "智能网联", "人工智能", "城市"};
  const std::map<std::string, Counts> expected = {
      {"page-000.txt", {19, 3, 49, 20, 10, 0, 0, 0, 0, 5}},
      {"page-002.txt", {83, 0, 19, 18, 0, 29, 4, 23, 0, 15}},
      {"page-003.txt", {13, 0, 15, 60, 2, 0, 3, 0, 10, 52}},
  };
  KeywordMatcher m(keys);
  for (const auto& [file, want] : expected) {
    Counts c;
    for (const auto& a : newsplit::split_page(test::read_file(test::sample_path(file))).articles)
      newsplit::for_each_counted_text(a, newsplit::Scope::Body, [&](std::string_view t) { m.count(t, c); });
    EXPECT_EQ(c, want) << file;
  }
}

namespace {

newsplit::PageResult two_articles() {
  newsplit::PageResult p;
  newsplit::Article a;
  a.index = 1;
  a.title = "社区建设";
  a.paragraphs = {"社区社区城市"};
  p.articles.push_back(a);
  a.index = 2;
  a.kicker = "引题";
  a.title = "城市更新";
  a.paragraphs = {"城市更新让城市更美"};
  p.articles.push_back(a);
  return p;
}

std::vector<std::vector<std::string>> cells(const newsplit::Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (const auto& c : row)
      r.push_back(std::holds_alternative<std::string>(c) ? std::get<std::string>(c) : std::to_string(std::get<std::int64_t>(c)));
    out.push_back(r);
  }
  return out;
}

// The report on `files` copies of two_articles(); `keep_only_read` strips each page down to
// what the report reads after counting it, as the command line does.
newsplit::Table report(newsplit::CountOptions o, const KeywordMatcher* m, int files = 1, bool keep_only_read = false) {
  newsplit::CountReport r(o, m);
  newsplit::WordCounter words;
  for (int f = 0; f < files; ++f) {
    std::string name = "f";
    name += std::to_string(f);
    auto page = two_articles();
    const auto counts = newsplit::count_page(page, o, m, o.top > 0 ? &words : nullptr);
    if (keep_only_read) newsplit::keep_what_the_report_reads(page, o);
    r.add(name, page, counts);
    r.end_file(name);
  }
  return r.finish();
}
newsplit::Table report(newsplit::CountOptions o, const KeywordMatcher& m, int files = 1) { return report(o, &m, files); }

}  // namespace

TEST(CountReport, TotalFileAndArticleRows) {
  KeywordMatcher m({"社区", "城市"});
  newsplit::CountOptions o;
  EXPECT_EQ(cells(report(o, m, 2)), (std::vector<std::vector<std::string>>{{"社区", "6"}, {"城市", "8"}}));
  o.by = newsplit::CountBy::File;
  const auto by_file = report(o, m, 2);
  EXPECT_EQ(by_file.columns, (std::vector<std::string>{"file", "keyword", "count"}));
  EXPECT_EQ(cells(by_file), (std::vector<std::vector<std::string>>{
                                {"f0", "社区", "3"}, {"f0", "城市", "4"}, {"f1", "社区", "3"}, {"f1", "城市", "4"}}));
  o.by = newsplit::CountBy::Article;
  // Per article as per file: every keyword has its row, zeros too, named by the headline.
  EXPECT_EQ(cells(report(o, m)), (std::vector<std::vector<std::string>>{
                                     {"f0", "1", "社区建设", "社区", "3"}, {"f0", "1", "社区建设", "城市", "1"},
                                     {"f0", "2", "引题 城市更新", "社区", "0"}, {"f0", "2", "引题 城市更新", "城市", "3"}}));
  // --min drops the rows below it, by file and by article alike.
  o.min = 1;
  EXPECT_EQ(cells(report(o, m)), (std::vector<std::vector<std::string>>{
                                     {"f0", "1", "社区建设", "社区", "3"}, {"f0", "1", "社区建设", "城市", "1"},
                                     {"f0", "2", "引题 城市更新", "城市", "3"}}));
}

TEST(CountReport, MinAndSortWithinGroups) {
  KeywordMatcher m({"社区", "城市", "更新"});
  newsplit::CountOptions o;
  o.by = newsplit::CountBy::Article;
  o.min = 0;
  EXPECT_EQ(report(o, m).rows.size(), 6u);
  o.min = 2;
  o.sort = newsplit::CountSort::Count;
  EXPECT_EQ(cells(report(o, m)), (std::vector<std::vector<std::string>>{
                                     {"f0", "1", "社区建设", "社区", "3"}, {"f0", "2", "引题 城市更新", "城市", "3"},
                                     {"f0", "2", "引题 城市更新", "更新", "2"}}));
  o.by = newsplit::CountBy::Total;
  o.min.reset();
  o.sort = newsplit::CountSort::Name;
  EXPECT_EQ(cells(report(o, m)), (std::vector<std::vector<std::string>>{{"城市", "4"}, {"更新", "2"}, {"社区", "3"}}));
}

TEST(CountReport, ReadsNothingOfAPageButWhatIsKeptOfIt) {
  KeywordMatcher m({"社区", "城市"});
  for (const auto by : {newsplit::CountBy::Total, newsplit::CountBy::File, newsplit::CountBy::Article}) {
    for (const std::size_t top : {std::size_t{0}, std::size_t{3}}) {
      newsplit::CountOptions o;
      o.by = by;
      o.top = top;
      const KeywordMatcher* km = top > 0 ? nullptr : &m;
      EXPECT_EQ(cells(report(o, km, 2, true)), cells(report(o, km, 2, false)))
          << "by " << static_cast<int>(by) << ", top " << top;
    }
  }
  // What is let go of: the text, the leftovers; what stays: the articles, numbered, and
  // their headlines only when rows are per article.
  auto page = two_articles();
  page.leftovers.push_back({"running head", "重庆日报", 1, 1, 0, {}});
  newsplit::CountOptions o;
  newsplit::keep_what_the_report_reads(page, o);
  ASSERT_EQ(page.articles.size(), 2u);
  EXPECT_EQ(page.articles[1].index, 2u);
  EXPECT_TRUE(page.articles[1].paragraphs.empty());
  EXPECT_TRUE(page.articles[1].title.empty());
  EXPECT_TRUE(page.leftovers.empty());
  page = two_articles();
  o.by = newsplit::CountBy::Article;
  newsplit::keep_what_the_report_reads(page, o);
  EXPECT_EQ(page.articles[1].kicker, "引题");
  EXPECT_EQ(page.articles[1].title, "城市更新");
  EXPECT_TRUE(page.articles[1].paragraphs.empty());
}

// A user dictionary (jieba's format): its words are counted whole where ICU would cut them,
// and the text around them is segmented as before.
TEST(WordCounter, UserDictionaryWordsAreCountedWhole) {
  EXPECT_EQ(newsplit::parse_dictionary("# 用户词典\n社区合伙人 5 n\n\n城市更新\n川渝通办 3\n"),
            (std::vector<std::string>{"社区合伙人", "城市更新", "川渝通办"}));
  const std::string text = "社区合伙人制度让社区更有活力，川渝通办让群众少跑腿。";
  std::unordered_map<std::string, std::uint64_t> plain, with;
  newsplit::WordCounter(newsplit::default_stopwords()).add(text, plain);
  EXPECT_EQ(plain.count("社区合伙人"), 0u);  // ICU cuts it
  const newsplit::UserDictionary dict(newsplit::parse_dictionary("社区合伙人\n川渝通办 3 nz\n"));
  newsplit::WordCounter(newsplit::default_stopwords(), 2, &dict).add(text, with);
  EXPECT_EQ(with["社区合伙人"], 1u);
  EXPECT_EQ(with["川渝通办"], 1u);
  EXPECT_EQ(with["社区"], 1u);  // the other 社区 is still a word of its own
  EXPECT_EQ(with["活力"], plain["活力"]);
}
