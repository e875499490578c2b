// newsplit as an installed Unix tool: cmake --install, the man page, completions, colour
// rules, and Simplified/Traditional conversion.
#include <gtest/gtest.h>

#include "test_util.hpp"

using test::run;
using test::shell;

namespace {

const std::string kEsc = "\x1b[";

// Runs a command line on a pseudo-terminal (util-linux script), as a user at a terminal would.
test::Run on_terminal(const std::string& command, const std::string& env = "") {
  std::string script = "script -qec ";
  script += test::quote(env + " " + command);
  script += " /dev/null";
  return shell(script);
}

std::string page() { return test::page_path("title-first-county-credits.txt"); }

}  // namespace

TEST(Install, InstallsBinaryManPageAndCompletions) {
  test::TempDir tmp;
  std::string cmd = "cmake --install ";
  cmd += test::quote(NEWSPLIT_BUILD_DIR);
  cmd += " --prefix ";
  cmd += test::quote(tmp.path.string());
  cmd += " >/dev/null";
  ASSERT_EQ(shell(cmd).status, 0);
  const auto root = tmp.path;
  EXPECT_TRUE(std::filesystem::exists(root / "bin/newsplit"));
  EXPECT_TRUE(std::filesystem::exists(root / "share/man/man1/newsplit.1.gz"));
  EXPECT_TRUE(std::filesystem::exists(root / "share/bash-completion/completions/newsplit"));
  EXPECT_TRUE(std::filesystem::exists(root / "share/zsh/vendor-completions/_newsplit"));
  std::string run_it = test::quote((root / "bin/newsplit").string());
  run_it += " --version";
  EXPECT_EQ(shell(run_it).out.rfind("newsplit ", 0), 0u);
  std::string man = "MANWIDTH=80 man -l ";
  man += test::quote((root / "share/man/man1/newsplit.1.gz").string());
  man += " | grep -c -- '--encoding'";
  EXPECT_NE(shell(man).out, "0\n");
}

TEST(ManPage, CoversEveryOptionOfEveryCommand) {
  const std::string man = test::read_file(test::source_dir() + "/docs/newsplit.1");
  for (const std::string& cmd : {std::string("split"), std::string("clean"), std::string("count"), std::string("stats"),
                                 std::string("explain"), std::string("kwic")}) {
    const auto help = run({cmd, "--help"});
    ASSERT_EQ(help.status, 0);
    // Every long option the command's --help lists is in the man page.
    for (std::size_t p = 0; (p = help.out.find("--", p)) != std::string::npos;) {
      std::size_t e = p + 2;
      while (e < help.out.size() && (std::isalnum(static_cast<unsigned char>(help.out[e])) || help.out[e] == '-')) ++e;
      const std::string opt = help.out.substr(p, e - p);
      p = e;
      if (opt.size() <= 2) continue;
      std::string escaped;  // the man page writes - as \-
      for (char c : opt) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(man.find(escaped), std::string::npos) << cmd << " " << opt;
    }
  }
}

TEST(Completion, BashScriptLoadsAndCompletes) {
  const std::string file = test::source_dir() + "/completions/newsplit.bash";
  std::string script = "source " + test::quote(file);
  script += "; complete -p newsplit";
  // Commands, then a command's options, then an option's values.
  script += "; COMP_WORDS=(newsplit co); COMP_CWORD=1; _newsplit; echo \"${COMPREPLY[*]}\"";
  script += "; COMP_WORDS=(newsplit count --t); COMP_CWORD=2; _newsplit; echo \"${COMPREPLY[*]}\"";
  script += "; COMP_WORDS=(newsplit --encoding g); COMP_CWORD=2; _newsplit; echo \"${COMPREPLY[*]}\"";
  script += "; COMP_WORDS=(newsplit -f m); COMP_CWORD=2; _newsplit; echo \"${COMPREPLY[*]}\"";
  const auto r = shell(script);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("complete -o filenames -F _newsplit newsplit"), std::string::npos);
  EXPECT_NE(r.out.find("count"), std::string::npos);
  EXPECT_NE(r.out.find("--to --top"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("gb18030"), std::string::npos);
  EXPECT_NE(r.out.find("\nmd\n"), std::string::npos) << r.out;
}

TEST(Completion, ZshScriptIsValid) {
  if (shell("command -v zsh").status != 0) GTEST_SKIP() << "zsh is not installed";
  std::string cmd = "zsh -n ";
  cmd += test::quote(test::source_dir() + "/completions/_newsplit");
  EXPECT_EQ(shell(cmd).status, 0);
}

TEST(Colour, NeverInAPipe) {
  const auto text = run({"-f", "text", page()});
  EXPECT_EQ(text.out.find(kEsc), std::string::npos);
  const auto table = run({"count", "-f", "table", "-k", "合川", page()});
  EXPECT_EQ(table.out.find(kEsc), std::string::npos);
}

TEST(Colour, HeadlinesAndBarsOnATerminal) {
  const std::string bin = test::quote(test::binary());
  const auto text = on_terminal(bin + " -f text " + test::quote(page()));
  EXPECT_NE(text.out.find(kEsc + "1m江津滨江新城优化营商环境获奖"), std::string::npos) << text.out;
  const auto table = on_terminal(bin + " count -k 合川 -k 江津 " + test::quote(page()));
  EXPECT_NE(table.out.find(kEsc + "32m"), std::string::npos) << table.out;  // the bars
  EXPECT_NE(table.out.find("█"), std::string::npos);                        // a table: the default there
}

TEST(Colour, NoColorAndColorNeverWin) {
  const std::string bin = test::quote(test::binary());
  const auto no_color = on_terminal(bin + " -f text " + test::quote(page()), "NO_COLOR=1");
  EXPECT_EQ(no_color.out.find(kEsc), std::string::npos);
  EXPECT_NE(no_color.out.find("江津"), std::string::npos);
  const auto never = on_terminal(bin + " --color never count -k 合川 " + test::quote(page()));
  EXPECT_EQ(never.out.find(kEsc), std::string::npos);
  EXPECT_NE(never.out.find("█"), std::string::npos);
}

TEST(Colour, AlwaysColoursEvenInAPipe) {
  const auto r = run({"--color", "always", "-f", "text", page()});
  EXPECT_NE(r.out.find(kEsc), std::string::npos);
}

TEST(Script, ToSimplifiedAndBack) {
  const auto s = run({"--to", "simplified", "-f", "text", test::page_path("traditional.txt")});
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_NE(s.out.find("重庆启动夏季消费季活动"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("社区商业"), std::string::npos);
  const auto t = run({"--to", "traditional", "-f", "text", test::sample_path("page-002.txt")});
  EXPECT_NE(t.out.find("完整社區"), std::string::npos);
}

TEST(Script, KeywordsCountAcrossBothScripts) {
  const std::string f = test::page_path("traditional.txt");
  const auto plain = run({"count", "-k", "社区", f});
  EXPECT_EQ(plain.out, "keyword\tcount\n社区\t0\n");  // the page writes 社區
  const auto both = run({"count", "--to", "simplified", "-k", "社区", "-k", "社區", f});
  EXPECT_EQ(both.out, "keyword\tcount\n社区\t2\n");  // both keywords are 社区 once converted
}

TEST(Progress, ShownOnATerminalForBigWorkOnly) {
  test::TempDir tmp;
  const std::string big = tmp / "big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    const std::string page = test::read_file(test::sample_path("page-000.txt")) + "\f";
    for (std::size_t written = 0; written < (60u << 20); written += page.size()) out << page;
  }
  const std::string bin = test::quote(test::binary());
  // On a terminal (only standard error goes there: the records go to /dev/null).
  const auto tty = on_terminal(bin + " -o /dev/null " + test::quote(big));
  EXPECT_NE(tty.out.find("MB/s"), std::string::npos) << tty.out;
  const auto quiet = on_terminal(bin + " -q -o /dev/null " + test::quote(big));
  EXPECT_EQ(quiet.out.find("MB/s"), std::string::npos);
  const auto small = on_terminal(bin + " -o /dev/null " + test::quote(test::sample_path("page-000.txt")));
  EXPECT_EQ(small.out.find("MB/s"), std::string::npos);
  // In a pipe: never.
  const auto piped = run({"-o", "/dev/null", big});
  EXPECT_EQ(piped.err, "");
}
