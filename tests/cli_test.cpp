// The built binary, end to end: commands, inputs, encodings, exit statuses, output errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "newsplit/decode.hpp"
#include "newsplit/unicode.hpp"
#include "test_util.hpp"

using json = nlohmann::json;
using test::run;
using test::shell;

namespace {

std::vector<json> jsonl(const std::string& out) {
  std::vector<json> v;
  std::size_t p = 0;
  for (std::size_t n; (n = out.find('\n', p)) != std::string::npos; p = n + 1) v.push_back(json::parse(out.substr(p, n - p)));
  EXPECT_EQ(p, out.size()) << "output must end with a newline";
  return v;
}

std::vector<std::string> titles(const std::string& out) {
  std::vector<std::string> t;
  for (const auto& r : jsonl(out)) t.push_back(r["title"]);
  return t;
}

const std::string kPage = "春季植树活动启动\n\n本报讯 （记者 吴敏）3月12日，全市春季义务植树活动启动，\n市民积极参与。\n";

}  // namespace

TEST(Cli, SplitIsTheDefaultCommand) {
  const auto a = run({test::page_path("form-feeds.txt")});
  const auto b = run({"split", test::page_path("form-feeds.txt")});
  EXPECT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(titles(a.out), (std::vector<std::string>{"春季植树活动启动", "秋季农产品展销会开幕", "冬季供暖保障有力"}));
  EXPECT_EQ(a.err, "");
}

TEST(Cli, OptionsOfEveryCommandMayComeBeforeTheCommand) {
  const auto a = run({"-j", "1", "--color", "never", "count", "-f", "tsv", "-k", "社区", test::sample_path("page-002.txt")});
  EXPECT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, "keyword\tcount\n社区\t83\n");
  // The command's own options come after its name: before it, -f is split's (the default
  // command's), which count is told of rather than silently ignoring.
  const auto b = run({"-f", "tsv", "count", "-k", "社区", test::sample_path("page-002.txt")});
  EXPECT_EQ(b.status, 2);
  EXPECT_NE(b.err.find("--format"), std::string::npos) << b.err;
  EXPECT_NE(b.err.find("go after its name"), std::string::npos) << b.err;
  EXPECT_EQ(run({"count", "--fields", "title", "-k", "社区", test::sample_path("page-002.txt")}).status, 2);
}

TEST(Cli, RecordsNameTheFileAsGivenAndCountFromOnePerFile) {
  const std::string f = test::page_path("form-feeds.txt");
  const auto r = run({f, f});
  const auto recs = jsonl(r.out);
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_EQ(recs[0]["file"], f);
  EXPECT_EQ(recs[2]["index"], 3);  // index runs on across the pages of one file
  EXPECT_EQ(recs[3]["index"], 1);  // and starts again with the next file
}

TEST(Cli, StandardInputWithDashOrNoFile) {
  const auto a = run({}, kPage);
  const auto b = run({"-"}, kPage);
  EXPECT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  const auto recs = jsonl(a.out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0]["file"], "-");
  EXPECT_EQ(recs[0]["title"], "春季植树活动启动");
}

TEST(Cli, HelpAndVersion) {
  const auto h = run({"--help"});
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("split"), std::string::npos);
  EXPECT_NE(h.out.find("count"), std::string::npos);
  const auto ch = run({"count", "--help"});
  EXPECT_EQ(ch.status, 0);
  EXPECT_NE(ch.out.find("--top"), std::string::npos);
  const auto v = run({"--version"});
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("newsplit ", 0), 0u);
}

TEST(Cli, UsageErrorsExitTwo) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--no-such-option"}, {"-f", "xml"}, {"count", "x.txt"}, {"--encoding", "latin1"},
           {"--fields", "title,nonsense"}, {"count", "-k", "社区", "--top", "5"}, {"-j", "0"}}) {
    const auto r = run(args);
    EXPECT_EQ(r.status, 2) << args[0];
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("newsplit: ", 0), 0u) << r.err;
  }
}

// Each out-of-range or misspelt value is a usage error naming the option and what it takes.
TEST(Cli, OutOfRangeValuesAndTyposAreUsageErrorsThatSayWhatIsAllowed) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  for (const auto& c : std::vector<Case>{
           {{"count", "-k", "社区", "--min", "-1"}, "--min: '-1' is not a whole number of 0 or more"},
           {{"count", "--top", "-3"}, "--top: '-3' is not a whole number of 1 or more"},
           {{"count", "--top", "0"}, "--top: '0' is not a whole number of 1 or more"},
           {{"count", "-k", "社区", "--by", "2"}, "--by: '2' is not one of: total, file, article"},
           {{"count", "-k", "社区", "--by", "files"}, "(did you mean 'file'?)"},
           {{"count", "-k", "社区", "--scope", "1"}, "--scope: '1' is not one of: body, all"},
           {{"-j", "0"}, "--jobs: '0' is not a whole number from 1 to 1024"},
           {{"--formt", "json"}, "(did you mean '--format'?)"},
           {{"spilt"}, "'spilt' is not a command or a file (did you mean 'split'?)"},
           {{"-f", "md", "--fields", "title"}, "--fields picks the columns of jsonl, json, csv and tsv"},
           {{"--fields", "kind,text"}, "add --all"},
           {{"--fields", "titel"}, "(did you mean 'title'?); the fields are type, file,"}}) {
    const auto r = run(c.args);
    EXPECT_EQ(r.status, 2) << c.args[0];
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("->"), std::string::npos) << r.err;  // never CLI11's {article->2,…} map
  }
}

TEST(Cli, MissingFileAndDirectoryAreNamedAndTheRestIsDone) {
  const std::string good = test::page_path("form-feeds.txt");
  const auto r = run({good, "/no/such/file.txt", test::source_dir() + "/tests", good});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(jsonl(r.out).size(), 6u);
  EXPECT_NE(r.err.find("newsplit: /no/such/file.txt: No such file or directory"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("newsplit: " + test::source_dir() + "/tests: is a directory"), std::string::npos) << r.err;
}

TEST(Cli, UnreadableFileIsNamed) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  test::TempDir tmp;
  const std::string f = tmp.file("secret.txt", kPage);
  chmod(f.c_str(), 0);
  const auto r = run({f});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(f + ": Permission denied"), std::string::npos);
}

TEST(Cli, EmptyAndWhitespaceOnlyFilesGiveNoRecords) {
  test::TempDir tmp;
  const auto r = run({tmp.file("empty.txt", ""), tmp.file("blank.txt", " \n\n\t \n")});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, EveryEncodingGivesTheSameArticles) {
  test::TempDir tmp;
  const std::string text = test::page("traditional.txt");  // Big5 holds traditional characters only
  const auto want = run({"-f", "text", tmp.file("utf8.txt", text)});
  ASSERT_EQ(want.status, 0);
  struct Case {
    std::string name, bytes;
  } cases[] = {
      {"bom.txt", "\xEF\xBB\xBF" + text},
      {"crlf.txt", [&] {
         std::string s;
         for (char c : text) s += c == '\n' ? std::string("\r\n") : std::string(1, c);
         return s;
       }()},
      {"gb18030.txt", newsplit::encode(text, newsplit::Encoding::Gb18030)},
      {"big5.txt", newsplit::encode(text, newsplit::Encoding::Big5)},
      {"utf16le.txt", newsplit::encode(text, newsplit::Encoding::Utf16le, true)},
      {"utf16be.txt", newsplit::encode(text, newsplit::Encoding::Utf16be, true)},
      {"no-final-newline.txt", text.substr(0, text.size() - 1)},
  };
  for (const auto& c : cases) {
    const auto r = run({"-f", "text", tmp.file(c.name, c.bytes)});
    EXPECT_EQ(r.status, 0) << c.name << r.err;
    EXPECT_EQ(r.out, want.out) << c.name;
  }
  const auto explicit_gb = run({"--encoding", "gb18030", "-f", "text", tmp / "gb18030.txt"});
  EXPECT_EQ(explicit_gb.out, want.out);
}

TEST(Cli, InvalidUtf8UnderExplicitUtf8IsAnErrorNamingFileLineAndByte) {
  test::TempDir tmp;
  const std::string bad = tmp.file("bad.txt", "春季植树活动启动\n\n本报讯 全市春季\xFF义务植树活动启动。\n");
  const std::string good = test::page_path("form-feeds.txt");
  const auto r = run({"--encoding", "utf-8", bad, good});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "newsplit: " + bad + ":3: invalid UTF-8 at byte 48\n");
  EXPECT_EQ(jsonl(r.out).size(), 3u);  // the good file is still done
  const auto lossy = run({"--encoding", "utf-8", "--lossy", bad});
  EXPECT_EQ(lossy.status, 0);
  EXPECT_NE(lossy.out.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Cli, OutputFile) {
  test::TempDir tmp;
  const auto r = run({"-o", tmp / "out.jsonl", test::page_path("form-feeds.txt")});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(jsonl(test::read_file(tmp / "out.jsonl")).size(), 3u);
  const auto bad = run({"-o", "/no/such/dir/out.jsonl", test::page_path("form-feeds.txt")});
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("/no/such/dir/out.jsonl"), std::string::npos);
}

TEST(Cli, FullDiskIsAnError) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP();
  const auto r = shell("\"$NEWSPLIT\" " + test::quote(test::sample_path("page-000.txt")) + " >/dev/full");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  const auto o = run({"-o", "/dev/full", test::sample_path("page-000.txt")});
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("/dev/full: cannot write: No space left on device"), std::string::npos) << o.err;
}

TEST(Cli, OutputThatIsAnInputIsAUsageErrorAndDestroysNothing) {
  test::TempDir tmp;
  const std::string page = tmp.file("p.txt", kPage);
  std::filesystem::create_symlink(page, tmp / "link.txt");
  for (const auto& [out, in] : std::vector<std::pair<std::string, std::string>>{
           {page, page}, {tmp / "link.txt", page}, {page, tmp / "link.txt"}}) {
    const auto r = run({"-o", out, in});
    EXPECT_EQ(r.status, 2) << out << " " << in;
    EXPECT_NE(r.err.find("is also an input"), std::string::npos) << r.err;
    EXPECT_EQ(test::read_file(page), kPage);
  }
  const auto k = run({"count", "-K", page, "-o", page, page});  // a keyword list is an input too
  EXPECT_EQ(k.status, 2);
  EXPECT_EQ(test::read_file(page), kPage);
}

TEST(Cli, OutputFileIsReplacedWholeOrNotAtAll) {
  test::TempDir tmp;
  const std::string page = tmp.file("p.txt", kPage);
  const std::string out = tmp.file("out.jsonl", "old records\n");
  std::filesystem::permissions(out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                        std::filesystem::perms::group_read);
  std::filesystem::create_symlink(out, tmp / "link.jsonl");
  // No input could be read: the file there is left as it was.
  const auto bad = run({"-o", tmp / "link.jsonl", tmp / "missing.txt"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(test::read_file(out), "old records\n");
  // A run that worked replaces it (through the link, which stays a link), keeping its mode.
  const auto good = run({"-o", tmp / "link.jsonl", page});
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_EQ(titles(test::read_file(out)), (std::vector<std::string>{"春季植树活动启动"}));
  EXPECT_TRUE(std::filesystem::is_symlink(tmp / "link.jsonl"));
  EXPECT_EQ(std::filesystem::status(out).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write | std::filesystem::perms::group_read);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tmp.path)) ++files;
  EXPECT_EQ(files, 3u);  // p.txt, out.jsonl, link.jsonl: no temporary file left behind
}

TEST(Cli, FileNamesThatAreNotUtf8OrHoldLineBreaksKeepTheOutputValid) {
  test::TempDir tmp;
  const std::string bad = tmp.file("bad\xff\xfe.txt", kPage);
  const std::string odd = tmp.file("two\nlines-->.txt", kPage);
  const auto r = run({bad, odd});
  EXPECT_EQ(r.status, 0);
  const auto records = jsonl(r.out);  // strict JSON: parsing fails on bytes that are not UTF-8
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["file"], tmp / "bad\uFFFD\uFFFD.txt");
  EXPECT_EQ(records[1]["file"], odd);  // a newline is JSON-escaped, not changed
  EXPECT_EQ(r.err, "newsplit: note: some file names are not valid UTF-8; they are printed with U+FFFD for each bad byte\n");
  for (const auto& cmd : std::vector<std::vector<std::string>>{
           {"-f", "csv", bad}, {"-f", "tsv", bad}, {"-f", "json", bad}, {"count", "-k", "植树", "--by", "file", bad},
           {"stats", bad}, {"-f", "md", bad}}) {
    const auto c = run(cmd);
    EXPECT_TRUE(newsplit::unicode::valid_utf8(c.out)) << cmd[0] << " " << cmd[1];
  }
  // In Markdown, the name cannot end the comment that heads a record, nor break its line.
  const auto md = run({"-f", "md", odd});
  EXPECT_EQ(md.out.rfind("<!-- " + tmp / "two\\x0alines--&gt;.txt · article 1", 0), 0u) << md.out;
  // A diagnostic stays on its line.
  const auto missing = run({tmp / "no\nsuch.txt"});
  EXPECT_EQ(missing.err, "newsplit: " + tmp / "no\\nsuch.txt" + ": No such file or directory\n");
}

TEST(Cli, KeywordListsAreDecodedLikePages) {
  test::TempDir tmp;
  const std::string page = tmp.file("page.txt", "春季植樹活動啟動\n\n全市春季義務植樹活動啟動，市民積極參與植樹。\n");
  const std::string big5 = tmp.file("kw.txt", newsplit::encode("植樹\n活動\n", newsplit::Encoding::Big5));
  const auto r = run({"count", "-f", "tsv", "-K", big5, page});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "keyword\tcount\n植樹\t3\n活動\t2\n");
  // A list no reading makes words of is refused, naming it.
  const std::string doubtful = tmp.file("doubt.txt", "\xA4\xA4\n");
  const auto d = run({"count", "-K", doubtful, page});
  EXPECT_EQ(d.status, 2);
  EXPECT_NE(d.err.find("newsplit: " + doubtful + ": cannot tell the encoding"), std::string::npos) << d.err;
  // --encoding applies to the lists too.
  const std::string gb = tmp.file("gb.txt", newsplit::encode("植树\n", newsplit::Encoding::Gb18030));
  const std::string gb_page = tmp.file("gb-page.txt", newsplit::encode("全市春季义务植树活动启动，市民积极参与。\n", newsplit::Encoding::Gb18030));
  const auto e = run({"count", "-f", "tsv", "--encoding", "gb18030", "-K", gb, gb_page});
  EXPECT_EQ(e.status, 0) << e.err;
  EXPECT_EQ(e.out, "keyword\tcount\n植树\t1\n");
}

// Pages fed one at a time through a pipe: a page followed by a form feed is split and its
// records printed before the next page arrives (the feed stays open while we wait for them).
TEST(Cli, PagesFromAPipeArePrintedAsTheyCome) {
  for (const std::string jobs : {"1", "2"}) {
    const std::string page = test::quote(test::sample_path("page-000.txt"));
    const auto r = shell("coproc NS { \"$NEWSPLIT\" -j " + jobs + " --fields title; }\n"
                         "exec {to}>&\"${NS[1]}\" {from}<&\"${NS[0]}\"\n"
                         "cat " + page + " >&$to; printf '\\f' >&$to\n"
                         "if read -t 20 -r line <&$from; then echo \"first page out: $line\"; else echo 'nothing yet'; fi\n"
                         "cat " + page + " >&$to; exec {to}>&- {NS[1]}>&-\n"
                         "wc -l <&$from; wait");
    EXPECT_EQ(r.out.rfind("first page out: {\"title\":", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\n9\n"), std::string::npos) << r.out;  // the other records of both pages follow
  }
}

TEST(Cli, CountTopWithAUserDictionary) {
  test::TempDir tmp;
  const std::string page = tmp.file("page.txt", "社区合伙人制度\n\n社区合伙人制度让社区更有活力，社区合伙人越来越多。\n");
  const std::string dict = tmp.file("dict.txt", newsplit::encode("# 词典\n社区合伙人 10 n\n", newsplit::Encoding::Gb18030));
  const auto r = run({"count", "--top", "3", "--dict", dict, "-f", "tsv", page});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto rows = test::read_tsv(r.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"社区合伙人", "3"}));
  EXPECT_EQ(run({"count", "-k", "社区", "--dict", dict, page}).status, 2);  // --dict goes with --top
}

TEST(Cli, HelpEndsWithExamplesAndShowsTheDefaultCommandsOptions) {
  for (const std::string cmd : {"split", "clean", "count", "kwic", "stats", "explain"}) {
    const auto r = run({cmd, "--help"});
    EXPECT_EQ(r.status, 0);
    const std::size_t at = r.out.find("Examples:\n");
    ASSERT_NE(at, std::string::npos) << cmd;
    std::size_t examples = 0;  // lines of the examples that run newsplit
    for (std::size_t p = at; (p = r.out.find("\n  ", p + 1)) != std::string::npos;)
      examples += r.out.substr(p, r.out.find('\n', p + 1) - p).find("newsplit " + (cmd == "split" ? std::string() : cmd)) != std::string::npos;
    EXPECT_GE(examples, 2u) << cmd;
  }
  const auto top = run({"--help"});
  EXPECT_NE(top.out.find("kwic"), std::string::npos);
  EXPECT_NE(top.out.find("--fields"), std::string::npos);  // split's options, the default command
  EXPECT_NE(top.out.find("--all"), std::string::npos);
}

TEST(Cli, ClosedPipeEndsQuietly) {
  // Many pages, so that the reader of the pipe goes away long before the writer is done.
  test::TempDir tmp;
  std::string big;
  const std::string page = test::read_file(test::sample_path("page-000.txt"));
  for (int k = 0; k < 300; ++k) big += page + "\f";
  const std::string f = tmp.file("big.txt", big);
  const auto r = shell("set -o pipefail; \"$NEWSPLIT\" " + test::quote(f) + " | head -c 100 >/dev/null; echo \"status ${PIPESTATUS[0]}\"");
  EXPECT_EQ(r.out, "status 0\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, ResultsDoNotDependOnJobs) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/tests/pages")) files.push_back(e.path());
  for (const auto& s : {"page-000.txt", "page-002.txt", "page-003.txt"}) files.push_back(test::sample_path(s));
  std::sort(files.begin(), files.end());
  auto with = [&](const std::string& j) {
    std::vector<std::string> args = {"--all", "-j", j};
    args.insert(args.end(), files.begin(), files.end());
    return run(args);
  };
  const auto one = with("1");
  EXPECT_EQ(one.status, 0);
  EXPECT_EQ(with("2").out, one.out);
  EXPECT_EQ(with("7").out, one.out);
}

TEST(Cli, CleanPrintsHeadlineAndParagraphs) {
  const auto r = run({"clean", test::page_path("form-feeds.txt")});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "春季植树活动启动\n3月12日，全市春季义务植树活动启动。\n\n"
            "秋季农产品展销会开幕\n10月8日，秋季农产品展销会在南坪开幕。\n\n"
            "冬季供暖保障有力\n入冬以来，全市供暖企业全力保障居民供暖。\n");
}

TEST(Cli, EveryFormatOnTheSamples) {
  for (const std::string f : {"jsonl", "json", "csv", "tsv", "md", "text"}) {
    const auto r = run({"-f", f, test::sample_path("page-000.txt")});
    EXPECT_EQ(r.status, 0) << f;
    EXPECT_FALSE(r.out.empty()) << f;
    EXPECT_TRUE(newsplit::unicode::valid_utf8(r.out)) << f;
  }
  const auto j = run({"-f", "json", test::sample_path("page-000.txt")});
  EXPECT_EQ(json::parse(j.out).size(), 5u);
  const auto c = run({"-f", "csv", "--fields", "index,title,authors", test::sample_path("page-000.txt")});
  const auto rows = test::read_csv(c.out);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "西渝高铁重庆段首孔箱梁架设成功", "杨铌紫"}));
}

TEST(Cli, AllPrintsLeftoversInPageOrder) {
  const auto r = run({"--all", test::sample_path("page-003.txt")});
  const auto recs = jsonl(r.out);
  ASSERT_GE(recs.size(), 6u);
  EXPECT_EQ(recs[0]["type"], "leftover");
  EXPECT_EQ(recs[0]["kind"], "running head");
  EXPECT_EQ(recs[0]["line_start"], 1);
  EXPECT_EQ(recs[2]["type"], "article");
}

TEST(Cli, CountByFileMatchesTheHandCounts) {
  const auto r = run({"count", "--by", "file", "-f", "tsv", "-k", "社区", "-k", "城市更新", "-k", "完整社区",
                      test::sample_path("page-000.txt"), test::sample_path("page-002.txt")});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string a = test::sample_path("page-000.txt"), b = test::sample_path("page-002.txt");
  EXPECT_EQ(r.out, "file\tkeyword\tcount\n" + a + "\t社区\t19\n" + a + "\t城市更新\t0\n" + a + "\t完整社区\t0\n" + b +
                       "\t社区\t83\n" + b + "\t城市更新\t4\n" + b + "\t完整社区\t29\n");
}

TEST(Cli, CountTotalSortMinAndFormats) {
  const std::string p = test::sample_path("page-002.txt");
  const auto t = run({"count", "-k", "城市", "-k", "社区", "-k", "没有的词", "--sort", "count", "--min", "1", p});
  EXPECT_EQ(t.out, "keyword\tcount\n社区\t83\n城市\t15\n");  // a pipe gets TSV
  const auto j = run({"count", "-f", "json", "-k", "社区", p});
  EXPECT_EQ(json::parse(j.out), json::parse(R"([{"keyword":"社区","count":83}])"));
  const auto c = run({"count", "-f", "csv", "-k", "社区", p});
  EXPECT_EQ(c.out, "keyword,count\r\n社区,83\r\n");
  const auto tab = run({"count", "-f", "table", "--color", "never", "-k", "社区", "-k", "城市", p});
  EXPECT_NE(tab.out.find("█"), std::string::npos);
  EXPECT_EQ(tab.out.find('\x1b'), std::string::npos);
}

TEST(Cli, CountByArticleNamesTheArticle) {
  const auto r = run({"count", "--by", "article", "-k", "社区", test::sample_path("page-000.txt")});
  const auto rows = test::read_tsv(r.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"file", "index", "title", "keyword", "count"}));
  EXPECT_EQ(rows[1][1], "1");
  EXPECT_EQ(rows[1][4], "19");  // all 19 are in the first article
  for (std::size_t k = 2; k < rows.size(); ++k) EXPECT_EQ(rows[k][4], "0");  // the others have none: a zero row each
  const auto used = test::read_tsv(run({"count", "--by", "article", "--min", "1", "-k", "社区", test::sample_path("page-000.txt")}).out);
  EXPECT_EQ(used.size(), 2u);  // --min 1: only the article that uses it
}

TEST(Cli, CountKeywordFileInGb18030AndIgnoreCase) {
  test::TempDir tmp;
  const std::string list = tmp.file("keys.txt", newsplit::encode("# 关键词\n社区\n\nrcep\n", newsplit::Encoding::Gb18030));
  const auto r = run({"count", "-K", list, "-i", test::sample_path("page-000.txt")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "keyword\tcount\n社区\t19\nrcep\t1\n");
}

TEST(Cli, CountTopWords) {
  test::TempDir tmp;
  const auto r = run({"count", "--top", "3", test::sample_path("page-002.txt")});
  const auto rows = test::read_tsv(r.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"word", "count"}));
  EXPECT_EQ(rows[1][0], "社区");
  const auto s = run({"count", "--top", "3", "--stopwords", tmp.file("stop.txt", "社区\n"), test::sample_path("page-002.txt")});
  EXPECT_EQ(s.out.find("社区\t"), std::string::npos);
  const auto byfile = run({"count", "--top", "2", "--by", "file", test::sample_path("page-000.txt"), test::sample_path("page-002.txt")});
  EXPECT_EQ(test::read_tsv(byfile.out).size(), 5u);
}

TEST(Cli, CountNeedsKeywordsOrTop) {
  const auto r = run({"count", test::sample_path("page-000.txt")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("count needs keywords"), std::string::npos);
}

TEST(Cli, Stats) {
  const auto r = run({"stats", test::sample_path("page-000.txt"), test::sample_path("page-003.txt")});
  const auto rows = test::read_tsv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"file", "articles", "headlines", "paragraphs", "chars", "captions",
                                               "leftovers", "warnings"}));
  EXPECT_EQ(rows[1][1], "5");  // articles
  EXPECT_EQ(rows[1][2], "4");  // headlines found (the first article has none)
  EXPECT_EQ(rows[1][5], "2");  // captions
  EXPECT_EQ(rows[2][1], "4");
  EXPECT_EQ(rows[2][6], "2");  // leftovers: the running head and the banner
}

// explain -f json: a JSON object a page, with every unit's role and rule, every run of
// headline-shaped units with the decision and its reason, and the layout.
TEST(Cli, ExplainAsJsonSaysWhyEachRunIsAHeadlineOrASubhead) {
  const auto r = run({"explain", "-f", "json", test::page_path("no-blank-lines.txt"), test::page_path("form-feeds.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto pages = jsonl(r.out);
  ASSERT_EQ(pages.size(), 4u);  // one page, then the three of the form-feed file
  const json& p = pages[0];
  EXPECT_EQ(p["file"], test::page_path("no-blank-lines.txt"));
  EXPECT_EQ(p["page"], 1);
  EXPECT_EQ(p["shape"]["blank_paragraphs"], false);
  EXPECT_EQ(p["layout"]["headlines"], "before");
  EXPECT_EQ(p["units"][0]["role"], "headline");
  EXPECT_EQ(p["units"][0]["text"], "山区小学用上智慧课堂");
  std::vector<std::pair<std::string, bool>> runs;
  for (const auto& run : p["runs"]) {
    EXPECT_FALSE(run["reason"].get<std::string>().empty());
    runs.emplace_back(run["text"], run["edge"]);
  }
  EXPECT_EQ(runs, (std::vector<std::pair<std::string, bool>>{
                      {"山区小学用上智慧课堂", true}, {"老师学会新本领", false}, {"江边步道串起城市风景", true}, {"冬季蔬菜供应充足", true}}));
  EXPECT_TRUE(p["runs"][1].contains("cohesion"));  // decided by the text either side
  EXPECT_EQ(pages[3]["page"], 3);
  const auto text = run({"explain", test::page_path("no-blank-lines.txt")});
  EXPECT_NE(text.out.find("run 12-12: subhead \"老师学会新本领\""), std::string::npos) << text.out;
  EXPECT_EQ(run({"explain", "-f", "yaml", test::page_path("no-blank-lines.txt")}).status, 2);
}

// A folder of one-page files is shared by the workers, a few files to a job: the records and
// the messages still come in the order of the files given, whatever -j is, and a file that
// cannot be read among them fails alone.
TEST(Cli, ManySmallFilesComeOutInOrderAtAnyJobs) {
  test::TempDir tmp;
  const std::vector<std::string> pages = {test::read_file(test::sample_path("page-000.txt")),
                                          test::read_file(test::sample_path("page-002.txt")),
                                          test::read_file(test::page_path("form-feeds.txt"))};
  std::vector<std::string> args;
  for (int k = 0; k < 60; ++k) {
    std::string name = "p";
    name.append(std::to_string(100 + k)).append(".txt");
    if (k == 17) args.push_back(tmp / "missing.txt");                                         // no such file
    else if (k == 41) args.push_back(tmp.file(name, std::string_view("\xff\xfe\x00\x01\x02", 5)));  // undecodable
    else args.push_back(tmp.file(name, pages[static_cast<std::size_t>(k) % pages.size()]));
  }
  std::vector<std::string> one = {"-j", "1"}, two = {"-j", "2"}, four = {"-j", "4"};
  for (auto* v : {&one, &two, &four}) v->insert(v->end(), args.begin(), args.end());
  const auto a = run(one), b = run(two), c = run(four);
  EXPECT_EQ(a.status, 1);
  EXPECT_EQ(b.status, 1);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.out, c.out);
  EXPECT_EQ(a.err, b.err);
  EXPECT_EQ(a.err, c.err);
  EXPECT_NE(a.err.find("missing.txt"), std::string::npos) << a.err;
  // Records name their files in the order given.
  std::vector<std::string> files;
  for (const auto& r : jsonl(b.out))
    if (files.empty() || files.back() != r["file"]) files.push_back(r["file"]);
  std::vector<std::string> readable;
  for (std::size_t k = 0; k < args.size(); ++k)
    if (k != 17 && k != 41) readable.push_back(args[k]);
  EXPECT_EQ(files, readable);
}
