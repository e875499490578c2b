// Every output format, read back by a parser: JSON by nlohmann::json, CSV and TSV by a
// reader of their own rules.
#include <gtest/gtest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "newsplit/format.hpp"
#include "test_util.hpp"

using newsplit::Article;
using newsplit::Format;
using newsplit::Leftover;
using json = nlohmann::json;

namespace {

Article sample_article() {
  Article a;
  a.index = 2;
  a.kicker = "引题";
  a.title = "标题 \"引号\" 与\\反斜杠";
  a.subtitle = "";
  a.dateline = "本报讯";
  a.byline = "新重庆-重庆日报记者 杨铌紫";
  a.authors = {"杨铌紫", "王利"};
  a.paragraphs = {"第一段，带逗号, 和\t制表符。", "第二段\n不该有换行但要转义", "表情😀与\u2028分隔符\x01控制符"};
  a.subheads = {"小标题|竖线"};
  a.captions = {"图为现场。"};
  a.credits = {"XX区融媒体中心 王利"};
  a.notes = {};
  a.line_start = 72;
  a.line_end = 92;
  a.chars = 42;
  a.warnings = {"no headline found"};
  return a;
}

std::string write(Format f, bool leftovers = false, std::vector<std::string> fields = {}) {
  newsplit::WriterOptions o;
  o.format = f;
  o.leftovers = leftovers;
  o.fields = std::move(fields);
  auto w = newsplit::make_writer(o);
  std::string out;
  w->begin(out);
  w->article(out, "samples/page-000.txt", sample_article());
  if (leftovers) w->leftover(out, "samples/page-000.txt", Leftover{"running head", "■高度■深度", 1, 1, 0, {}});
  w->end(out);
  return out;
}

}  // namespace

TEST(Format, JsonLinesReadBackField) {
  const std::string out = write(Format::Jsonl, true);
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  const auto lines = out.substr(0, out.find('\n'));
  const json j = json::parse(lines);
  const Article a = sample_article();
  EXPECT_EQ(j["type"], "article");
  EXPECT_EQ(j["file"], "samples/page-000.txt");
  EXPECT_EQ(j["index"], 2);
  EXPECT_EQ(j["title"], a.title);
  EXPECT_EQ(j["authors"], json(a.authors));
  EXPECT_EQ(j["paragraphs"], json(a.paragraphs));
  EXPECT_EQ(j["line_start"], 72);
  EXPECT_EQ(j["chars"], 42);
  EXPECT_EQ(j["warnings"][0], "no headline found");
  // The contract's field order.
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> sorted = newsplit::article_fields();
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(keys, sorted);  // nlohmann sorts keys; every field is there once
  EXPECT_LT(lines.find("\"type\""), lines.find("\"index\""));
  EXPECT_LT(lines.find("\"index\""), lines.find("\"kicker\""));
  const json l = json::parse(out.substr(out.find('\n') + 1));
  EXPECT_EQ(l["type"], "leftover");
  EXPECT_EQ(l["kind"], "running head");
  EXPECT_EQ(l["text"], "■高度■深度");
}

TEST(Format, JsonEscapesWhatItMust) {
  const std::string out = write(Format::Jsonl);
  EXPECT_NE(out.find("\\\"引号\\\""), std::string::npos);
  EXPECT_NE(out.find("\\\\反斜杠"), std::string::npos);
  EXPECT_NE(out.find("\\t"), std::string::npos);
  EXPECT_NE(out.find("\\n"), std::string::npos);
  EXPECT_NE(out.find("\u2028"), std::string::npos);  // valid JSON as it is (RFC 8259)
  EXPECT_NE(out.find("\\u0001"), std::string::npos);
  EXPECT_NE(out.find("😀"), std::string::npos);  // outside the BMP: plain UTF-8
  EXPECT_TRUE(newsplit::unicode::valid_utf8(out));
}

// Escaping skips runs that need nothing sixteen and eight bytes at a time: whatever the
// position of a quote, a backslash or a control character, a JSON parser reads the text back.
TEST(Format, JsonEscapingRoundTripsAnyText) {
  const std::vector<std::string> alphabet = {"社", "区", "。", "a", "\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "😀", "\x7f"};
  std::mt19937 rng(3);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % (round % 2 ? alphabet.size() : 4)];
    std::string out = "\"";
    newsplit::json_escape(s, out);
    out += '"';
    ASSERT_EQ(json::parse(out).get<std::string>(), s) << out;
  }
}

TEST(Format, JsonIsOneArray) {
  const json j = json::parse(write(Format::Json, true));
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["title"], sample_article().title);
  EXPECT_EQ(j[1]["type"], "leftover");
  // No records: still an array.
  newsplit::WriterOptions o;
  o.format = Format::Json;
  auto w = newsplit::make_writer(o);
  std::string out;
  w->begin(out);
  w->end(out);
  EXPECT_EQ(json::parse(out), json::array());
}

TEST(Format, CsvFollowsRfc4180) {
  const std::string out = write(Format::Csv);
  EXPECT_NE(out.find("\r\n"), std::string::npos);
  const auto rows = test::read_csv(out);
  ASSERT_EQ(rows.size(), 2u);
  const auto& header = rows[0];
  EXPECT_EQ(header, newsplit::article_fields());
  auto col = [&](const std::string& name) {
    return rows[1][static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin())];
  };
  const Article a = sample_article();
  EXPECT_EQ(col("title"), a.title);
  EXPECT_EQ(col("authors"), "杨铌紫|王利");
  EXPECT_EQ(col("paragraphs"), a.paragraphs[0] + "\n" + a.paragraphs[1] + "\n" + a.paragraphs[2]);
  EXPECT_EQ(col("subheads"), "小标题|竖线");
  EXPECT_EQ(col("line_start"), "72");
}

TEST(Format, CsvFieldsPicksAndOrdersColumns) {
  const auto rows = test::read_csv(write(Format::Csv, false, {"title", "index", "authors"}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"title", "index", "authors"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{sample_article().title, "2", "杨铌紫|王利"}));
}

TEST(Format, EveryFieldNameIsKnownAndAnUnknownOneIsRefused) {
  for (const auto* list : {&newsplit::article_fields(), &newsplit::leftover_fields()})
    for (const auto& f : *list) EXPECT_TRUE(newsplit::is_field(f)) << f;
  EXPECT_FALSE(newsplit::is_field("headline"));
  // The command line refuses it first (a usage error); a writer given one is a bug.
  for (auto format : {newsplit::Format::Jsonl, newsplit::Format::Csv}) {
    newsplit::WriterOptions o;
    o.format = format;
    o.fields = {"title", "headline"};
    EXPECT_THROW(newsplit::make_writer(o), std::logic_error);
  }
}

TEST(Format, CsvWithLeftoversHasKindAndText) {
  const auto rows = test::read_csv(write(Format::Csv, true));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].back(), "text");
  EXPECT_EQ(rows[2][0], "leftover");
  EXPECT_EQ(rows[2].back(), "■高度■深度");
}

TEST(Format, TsvEscapesTabsAndNewlines) {
  const std::string out = write(Format::Tsv);
  const auto lines = test::read_tsv(out);
  ASSERT_EQ(lines.size(), 2u);  // one header, one row: no raw newline inside a field
  const auto& header = lines[0];
  const auto& row = lines[1];
  ASSERT_EQ(row.size(), header.size());
  const auto p = static_cast<std::size_t>(std::find(header.begin(), header.end(), "paragraphs") - header.begin());
  EXPECT_EQ(row[p], "第一段，带逗号, 和\\t制表符。\\n第二段\\n不该有换行但要转义\\n表情😀与\u2028分隔符\x01控制符");
  const auto t = static_cast<std::size_t>(std::find(header.begin(), header.end(), "title") - header.begin());
  EXPECT_EQ(row[t], "标题 \"引号\" 与\\\\反斜杠");
}

TEST(Format, MarkdownHasHeadlineBylineParagraphsAndItalicCaptions) {
  const std::string out = write(Format::Md);
  EXPECT_NE(out.find("*引题*\n# 标题"), std::string::npos);
  EXPECT_NE(out.find("**本报讯 · 新重庆-重庆日报记者 杨铌紫**"), std::string::npos);
  EXPECT_NE(out.find("第一段，带逗号"), std::string::npos);
  EXPECT_NE(out.find("*图为现场。*"), std::string::npos);
  EXPECT_NE(out.find("\\\\反斜杠"), std::string::npos);  // markup characters are escaped
}

TEST(Format, TextIsHeadlineAndParagraphs) {
  newsplit::WriterOptions o;
  o.format = Format::Text;
  auto w = newsplit::make_writer(o);
  std::string out;
  Article a;
  a.title = "标题甲";
  a.paragraphs = {"段一。", "段二。"};
  w->article(out, "f", a);
  a.title = "标题乙";
  a.paragraphs = {"段三。"};
  w->article(out, "f", a);
  EXPECT_EQ(out, "标题甲\n段一。\n段二。\n\n标题乙\n段三。\n");
}

TEST(Format, TableAlignsChineseByDisplayWidth) {
  newsplit::Table t;
  t.columns = {"keyword", "count"};
  t.rows = {{std::string("社区"), std::int64_t{83}}, {std::string("城市更新"), std::int64_t{4}},
            {std::string("RCEP"), std::int64_t{1}}};
  t.bar_column = 1;
  std::string out;
  newsplit::write_table(t, newsplit::TableFormat::Table, out, {false, 20});
  std::vector<std::string> lines;
  for (std::size_t p = 0, n; (n = out.find('\n', p)) != std::string::npos; p = n + 1) lines.push_back(out.substr(p, n - p));
  ASSERT_EQ(lines.size(), 4u);
  // The count column ends at the same display column on every row.
  auto count_end = [](const std::string& l) {
    std::string upto = l.substr(0, l.find_last_of("0123456789t") + 1);
    return newsplit::unicode::display_width(upto);
  };
  EXPECT_EQ(count_end(lines[1]), count_end(lines[0]));
  EXPECT_EQ(count_end(lines[2]), count_end(lines[0]));
  EXPECT_EQ(count_end(lines[3]), count_end(lines[0]));
  // Bars are proportional: 83 gets the full 20 columns.
  EXPECT_NE(lines[1].find("████████████████████"), std::string::npos);
  EXPECT_EQ(lines[0].find("█"), std::string::npos);
}

TEST(Format, TableColoursOnlyWhenAsked) {
  newsplit::Table t;
  t.columns = {"keyword", "count"};
  t.rows = {{std::string("社区"), std::int64_t{3}}};
  t.bar_column = 1;
  std::string plain, coloured;
  newsplit::write_table(t, newsplit::TableFormat::Table, plain, {false, 10});
  newsplit::write_table(t, newsplit::TableFormat::Table, coloured, {true, 10});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[32m"), std::string::npos);
}

TEST(Format, TableAsJsonCsvTsv) {
  newsplit::Table t;
  t.columns = {"file", "keyword", "count"};
  t.rows = {{std::string("a,b.txt"), std::string("社区"), std::int64_t{3}}};
  std::string j, c, s;
  newsplit::write_table(t, newsplit::TableFormat::Json, j);
  newsplit::write_table(t, newsplit::TableFormat::Csv, c);
  newsplit::write_table(t, newsplit::TableFormat::Tsv, s);
  EXPECT_EQ(json::parse(j), json::parse(R"([{"file":"a,b.txt","keyword":"社区","count":3}])"));
  EXPECT_EQ(test::read_csv(c), (std::vector<std::vector<std::string>>{{"file", "keyword", "count"}, {"a,b.txt", "社区", "3"}}));
  EXPECT_EQ(s, "file\tkeyword\tcount\na,b.txt\t社区\t3\n");
}
