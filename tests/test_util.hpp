// Helpers shared by the tests: pages on disk, running the built binary, reading CSV back,
// and the "nothing is lost" check.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsplit/clean.hpp"
#include "newsplit/record.hpp"
#include "newsplit/split.hpp"
#include "newsplit/unicode.hpp"

namespace test {

namespace fs = std::filesystem;

inline std::string source_dir() { return NEWSPLIT_SOURCE_DIR; }
inline std::string binary() { return NEWSPLIT_BIN; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// A text's lines, without their line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) out.push_back(text.substr(at, end - at));
  if (at < text.size()) out.push_back(text.substr(at));
  return out;
}

inline std::string page_path(const std::string& name) { return source_dir() + "/tests/pages/" + name; }
inline std::string sample_path(const std::string& name) { return source_dir() + "/samples/" + name; }
inline std::string page(const std::string& name) { return read_file(page_path(name)); }

// A scratch directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "newsplit-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name, std::string_view data) const {
    const std::string p = (path / name).string();
    write_file(p, data);
    return p;
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

struct Run {
  int status = -1;  // exit status (128 + signal when killed)
  std::string out, err;
};

// Runs `newsplit ARGS` through the shell, stdin from `input` (or /dev/null).
inline Run run(const std::vector<std::string>& args, const std::string& input = "", bool with_stdin = false) {
  TempDir tmp;
  std::string cmd = quote(binary());
  for (const auto& a : args) {
    cmd += ' ';
    cmd += quote(a);
  }
  const std::string in = tmp.file("stdin", input);
  cmd += " <";
  cmd += with_stdin || !input.empty() ? quote(in) : std::string("/dev/null");
  cmd += " >";
  cmd += quote(tmp / "stdout");
  cmd += " 2>";
  cmd += quote(tmp / "stderr");
  const int rc = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + (WIFSIGNALED(rc) ? WTERMSIG(rc) : 0);
  r.out = read_file(tmp / "stdout");
  r.err = read_file(tmp / "stderr");
  return r;
}

// Runs a shell command line (bash), where $NEWSPLIT is the binary.
inline Run shell(const std::string& script) {
  TempDir tmp;
  const std::string cmd = "NEWSPLIT=" + quote(binary()) + " bash -c " + quote(script) + " >" + quote(tmp / "stdout") +
                          " 2>" + quote(tmp / "stderr");
  const int rc = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read_file(tmp / "stdout");
  r.err = read_file(tmp / "stderr");
  return r;
}

// RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.
inline std::vector<std::vector<std::string>> read_csv(std::string_view s, char sep = ',') {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"') { quoted = true; any = true; }
    else if (c == sep) { row.push_back(field); field.clear(); any = true; }
    else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') { }
    else if (c == '\n') { row.push_back(field); rows.push_back(row); row.clear(); field.clear(); any = false; }
    else { field += c; any = true; }
  }
  if (any || !field.empty()) { row.push_back(field); rows.push_back(row); }
  return rows;
}

// TSV: rows end at a newline, fields at a tab; nothing is quoted (tabs and newlines inside
// fields are escaped as \t and \n).
inline std::vector<std::vector<std::string>> read_tsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::vector<std::string> row;
    std::string_view line = s.substr(pos, nl - pos);
    std::size_t f = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', f);
      row.emplace_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(row));
    pos = nl + 1;
  }
  return rows;
}

inline std::string body(const newsplit::Article& a) {
  std::string s;
  for (const auto& p : a.paragraphs) s += p;
  return s;
}

inline std::string headline(const newsplit::Article& a) { return a.kicker + a.title + a.subtitle; }

// Folds what cleaning may change (look-alikes, punctuation width, quote style, dots) so that input and
// output characters can be compared.
inline std::u32string fold(std::string_view text) {
  std::string lookalikes_folded;
  const std::string_view s = newsplit::fold_lookalikes(text, lookalikes_folded) ? lookalikes_folded : text;
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = newsplit::unicode::next(s, i);
    if (newsplit::unicode::is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width forms to ASCII
    if (c == U'“' || c == U'”') c = U'"';
    if (c == U'。') c = U'.';
    if (c == U'…') { out += U"..."; continue; }
    out += c;
  }
  return out;
}

// Every character of a page that is not layout whitespace is in some record. The marks
// that flag a byline (■) and the brackets around a dateline's reporter are markup, not text.
inline std::string lost_characters(std::string_view input, const newsplit::PageResult& r) {
  std::map<char32_t, long> have;
  auto add = [&](std::string_view s) {
    for (char32_t c : fold(s)) ++have[c];
  };
  long dateline_brackets = 0;
  for (const auto& a : r.articles) {
    for (const std::string* f : {&a.kicker, &a.title, &a.subtitle, &a.dateline, &a.byline, &a.lead_label}) add(*f);
    for (const auto* l : {&a.paragraphs, &a.captions, &a.credits, &a.notes}) for (const auto& s : *l) add(s);
    // One bracket pair at most around each dateline's reporter (an article may have two).
    for (std::size_t p = 0; p < a.dateline.size();) {
      const std::size_t q = a.dateline.find(' ', p);
      if (q != p) ++dateline_brackets;
      if (q == std::string::npos) break;
      p = q + 1;
    }
  }
  for (const auto& l : r.leftovers) add(l.text);
  std::map<char32_t, long> need;
  for (char32_t c : fold(input)) ++need[c];
  std::string lost;
  for (auto [c, n] : need) {
    if (c == U'■') continue;  // the byline flag is markup; every other mark is kept
    long missing = n - have[c];
    if (c == U'(' || c == U')') missing -= dateline_brackets;
    if (missing > 0) {
      newsplit::unicode::append(lost, c);
      lost += "×" + std::to_string(missing) + " ";
    }
  }
  return lost;
}

}  // namespace test
