#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace newsplit::cli {

namespace {

// The same file on disk, whatever path or link names it.
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

constexpr const char* kCommands[] = {"split", "clean", "count", "stats", "explain", "kwic"};

std::string closest(std::string_view typed, const std::vector<std::string>& words);

// Levenshtein distance, for "did you mean": a typed word is close to a known one when
// at most two letters differ (--formt, --by files, spilt).
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view typed, const std::vector<std::string>& words) {
  std::string best;
  std::size_t best_d = 3;  // more than two edits away is no suggestion
  for (const auto& w : words)
    if (const std::size_t d = distance(typed, w); d < best_d && d < std::max<std::size_t>(w.size(), 2)) best = w, best_d = d;
  return best;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The message for a value that is none of `words`: the words, and the closest one.
std::string not_one_of(const std::string& typed, const std::vector<std::string>& words) {
  std::string msg = fmt::format("'{}' is not one of: {}", typed, fmt::join(words, ", "));
  const std::string suggestion = closest(typed, words);
  if (!suggestion.empty()) msg += fmt::format(" (did you mean '{}'?)", suggestion);
  return msg;
}

// A count typed by the user: digits only, from `least` to `most`.
CLI::Validator whole_number(std::uint64_t least, std::uint64_t most = UINT64_MAX) {
  return CLI::Validator(
      [least, most](std::string& v) -> std::string {
        std::uint64_t n = 0;
        bool ok = !v.empty() && v.size() <= 19 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (ok) n = std::stoull(v);
        if (ok && n >= least && n <= most) return "";
        if (most == UINT64_MAX) return fmt::format("'{}' is not a whole number of {} or more", v, least);
        return fmt::format("'{}' is not a whole number from {} to {}", v, least, most);
      },
      "");
}

// A closed set of words; the help shows them (via type_name) and an error lists them.
CLI::Validator one_of(std::vector<std::string> words) {
  return CLI::Validator(
      [words](std::string& v) -> std::string {
        const std::string low = lower(v);
        return std::find(words.begin(), words.end(), low) != words.end() ? std::string() : not_one_of(v, words);
      },
      "");
}

// A closed set of words mapped to an enum: the word is turned into the enum's number, never
// a number typed by the user (--by 2 is an error).
template <typename T>
CLI::Validator choice(std::vector<std::pair<std::string, T>> m) {
  return CLI::Validator(
      [m](std::string& v) -> std::string {
        const std::string low = lower(v);
        for (const auto& [word, value] : m)
          if (word == low) {
            v = std::to_string(static_cast<int>(value));
            return "";
          }
        std::vector<std::string> words;
        for (const auto& kv : m) words.push_back(kv.first);
        return not_one_of(v, words);
      },
      "");
}

void common_options(CLI::App& app, Options& o, std::string& encoding, std::string& color) {
  app.add_option("files", o.files, "Page files to read (none, or -, reads standard input)")->type_name("");
  app.add_option("-o,--output", o.output, "Write to FILE instead of standard output")->type_name("FILE");
  app.add_option("--encoding", encoding, "Input encoding (default: auto: BOM, valid UTF-8, detection)")
      ->type_name("auto|utf-8|gb18030|big5|utf-16le|utf-16be")
      ->check(one_of({"auto", "utf-8", "utf8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}));
  app.add_flag("--lossy", o.lossy, "Replace invalid bytes with U+FFFD instead of failing");
  app.add_option("-j,--jobs", o.jobs, "Worker threads (default: one per core)")
      ->type_name("N")
      ->check(whole_number(1, 1024));
  app.add_flag("-q,--quiet", o.quiet, "No progress line on a terminal");
  app.add_flag("--raw-punct", o.raw_punct, "Keep the input's punctuation widths");
  app.add_option("--color", color, "Colour on a terminal (default: auto; NO_COLOR is honoured)")
      ->type_name("auto|always|never")
      ->check(one_of({"auto", "always", "never"}));
  app.add_option("--to", o.to_script, "Convert the text to Simplified or Traditional Chinese")
      ->type_name("simplified|traditional")
      ->check(one_of({"simplified", "traditional"}));
}

void count_options(CLI::App& app, Options& o) {
  // Repeatable options take one value each, so that `-k 社区 page.txt` leaves the file alone.
  app.add_option("-k,--keyword", o.keywords, "A keyword to count (repeatable)")
      ->type_name("WORD")
      ->allow_extra_args(false);
  app.add_option("-K,--keywords-file", o.keyword_files,
                 "Keywords from FILE, one a line (# comments); a list of 100,000 takes about 40 MB")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--by", o.count.by, "Rows: one per keyword (default), per file, or per article")
      ->type_name("total|file|article")
      ->transform(choice<CountBy>({{"total", CountBy::Total}, {"file", CountBy::File}, {"article", CountBy::Article}}));
  app.add_option("--top", o.count.top, "The N most frequent words of two or more characters")
      ->type_name("N")
      ->check(whole_number(1));
  app.add_option("--stopwords", o.stopwords_file, "More words for --top to skip, one a line")->type_name("FILE");
  app.add_option("--dict", o.dict_file, "Words for --top to count whole, one a line (jieba's user dictionary format)")
      ->type_name("FILE");
  app.add_option("--scope", o.count.scope, "Headline and body (default), or all: captions, credits, notes too")
      ->type_name("body|all")
      ->transform(choice<Scope>({{"body", Scope::Body}, {"all", Scope::All}}));
  app.add_flag("-i,--ignore-case", o.ignore_case, "Latin letters match in either case (RCEP and rcep are one keyword)");
  app.add_option_function<std::uint64_t>("--min", [&o](const std::uint64_t& n) { o.count.min = n; },
                                         "Drop rows counting less than N")
      ->type_name("N")
      ->check(whole_number(0));
  app.add_option("--sort", o.count.sort, "Row order within a file or article (default: as given)")
      ->type_name("count|name")
      ->transform(choice<CountSort>({{"count", CountSort::Count}, {"name", CountSort::Name}}));
}

// For an option no command knows (--formt): the closest option of the command, if one is close.
std::string option_suggestion(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* which = &app;
  for (CLI::App* sub : app.get_subcommands()) which = sub;
  std::vector<std::string> names;
  for (const CLI::Option* opt : which->get_options())
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
  for (const auto& a : args) {
    if (!a.starts_with("--")) continue;
    const std::string name = a.substr(0, a.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    const std::string c = closest(name, names);
    if (!c.empty()) return fmt::format(" (did you mean '{}'?)", c);
  }
  return "";
}

}  // namespace

Parsed parse(int argc, char** argv) {
  Options o;
  std::string encoding = "auto", color = "auto", format = "jsonl", table_format;

  CLI::App app{"newsplit: split raw Chinese newspaper pages into clean, structured articles.\n"
               "Commands: split (the default), clean, count, kwic, stats, explain; `newsplit COMMAND --help` for each."};
  app.name("newsplit");
  app.set_version_flag("--version", std::string("newsplit ") + NEWSPLIT_VERSION);
  app.require_subcommand(0, 1);

  CLI::App* split = app.add_subcommand("split", "Articles as records (the default command)");
  common_options(*split, o, encoding, color);
  split->add_option("-f,--format", format, "Output format (default: jsonl)")
      ->type_name("jsonl|json|csv|tsv|md|text")
      ->check(one_of({"jsonl", "json", "csv", "tsv", "md", "text"}));
  split->add_option("--fields", o.fields, "Fields to print, in order (see the man page for the names)")
      ->type_name("a,b,c")
      ->delimiter(',')
      ->allow_extra_args(false);
  split->add_flag("--join", o.join,
                  "Print an article continued on another page ((下转第2版) ... (上接第1版)) as one record, with its parts");
  split->add_flag("--all", o.all, "Print leftover records too (page furniture, fragments)");

  CLI::App* clean = app.add_subcommand("clean", "Cleaned text only: headline and paragraphs, one per line");
  common_options(*clean, o, encoding, color);
  clean->add_flag("--all", o.all, "Print leftover text too");

  CLI::App* count = app.add_subcommand("count", "Keyword counts in the cleaned article text");
  common_options(*count, o, encoding, color);
  count_options(*count, o);
  count->add_option("-f,--format", table_format, "Output format (default: table on a terminal, else tsv)")
      ->type_name("table|tsv|csv|json")
      ->check(one_of({"table", "tsv", "csv", "json"}));

  CLI::App* kwic = app.add_subcommand("kwic", "Every occurrence of each keyword, with its context");
  common_options(*kwic, o, encoding, color);
  kwic->add_option("-k,--keyword", o.keywords, "A keyword to find (repeatable)")->type_name("WORD")->allow_extra_args(false);
  kwic->add_option("-K,--keywords-file", o.keyword_files, "Keywords from FILE, one a line (# comments)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  kwic->add_option("-w,--width", o.kwic_width, "Characters of context either side (default 15)")
      ->type_name("N")
      ->check(whole_number(0, 1000));
  kwic->add_flag("-i,--ignore-case", o.ignore_case, "Latin letters match in either case");
  kwic->add_option("--scope", o.count.scope, "Headline and body (default), or all: captions, credits, notes too")
      ->type_name("body|all")
      ->transform(choice<Scope>({{"body", Scope::Body}, {"all", Scope::All}}));
  kwic->add_option("-f,--format", table_format, "Output format (default: table on a terminal, else tsv)")
      ->type_name("table|tsv|csv|json")
      ->check(one_of({"table", "tsv", "csv", "json"}));

  CLI::App* stats = app.add_subcommand("stats", "One summary row per input file");
  common_options(*stats, o, encoding, color);
  stats->add_option("-f,--format", table_format, "Output format (default: table on a terminal, else tsv)")
      ->type_name("table|tsv|csv|json")
      ->check(one_of({"table", "tsv", "csv", "json"}));

  CLI::App* explain = app.add_subcommand("explain", "How each page was read: units, roles, rules and layout");
  common_options(*explain, o, encoding, color);
  std::string explain_format = "text";
  explain->add_option("-f,--format", explain_format, "Output format: text, or a JSON object a page (default: text)")
      ->type_name("text|json")
      ->check(one_of({"text", "json"}));

  // Each command's help ends with a few examples, as a reader tries them first.
  split->footer(
      "Examples:\n"
      "  newsplit pages/*.txt > articles.jsonl\n"
      "  newsplit -f csv --fields date,page_no,title,authors pages/*.txt > articles.csv\n"
      "  newsplit --all -f md page.txt | less");
  clean->footer(
      "Examples:\n"
      "  newsplit clean page.txt\n"
      "  cat pages/*.txt | newsplit clean > text.txt");
  count->footer(
      "Examples:\n"
      "  newsplit count -k 社区 -k 城市更新 pages/*.txt\n"
      "  newsplit count -K terms.txt --by file -f csv pages/*.txt > counts.csv\n"
      "  newsplit count --top 20 --dict mywords.txt pages/*.txt");
  kwic->footer(
      "Examples:\n"
      "  newsplit kwic -k 社区 pages/*.txt | less -S\n"
      "  newsplit kwic -K terms.txt -w 30 -f csv pages/*.txt > hits.csv");
  stats->footer(
      "Examples:\n"
      "  newsplit stats pages/*.txt\n"
      "  newsplit stats -f csv pages/*.txt > stats.csv");
  explain->footer(
      "Examples:\n"
      "  newsplit explain page.txt | less\n"
      "  newsplit explain -f json page.txt | jq '.runs'");

  // `split` is the default command: `newsplit page.txt` is `newsplit split page.txt`. Options
  // may come before the command: `newsplit --color never count …` is `newsplit count --color never …`.
  std::vector<std::string> args;
  for (int k = 1; k < argc; ++k) args.emplace_back(argv[k]);
  auto is_command = [](const std::string& a) {
    return std::any_of(std::begin(kCommands), std::end(kCommands), [&](const char* c) { return a == c; });
  };
  const bool top_level = !args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "--version");
  if (!args.empty() && !is_command(args[0]) && args[0].starts_with("-") && !top_level) {
    const auto cmd = std::find_if(args.begin(), args.end(), is_command);
    if (cmd != args.end()) std::rotate(args.begin(), cmd, cmd + 1);
  }
  // A first word that is no command and no file but close to a command (spilt) is a typo.
  if (!args.empty() && !is_command(args[0]) && !args[0].starts_with("-") && !std::filesystem::exists(args[0])) {
    const std::string c = closest(args[0], std::vector<std::string>(std::begin(kCommands), std::end(kCommands)));
    if (!c.empty()) {
      std::cerr << fmt::format("newsplit: '{}' is not a command or a file (did you mean '{}'?)\nRun 'newsplit --help' for usage.\n", args[0], c);
      return {std::nullopt, 2};
    }
  }
  if (args.empty() || (!is_command(args[0]) && !top_level)) args.insert(args.begin(), "split");
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order

  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    CLI::App* which = &app;
    for (CLI::App* sub : app.get_subcommands()) which = sub;
    std::cout << which->help();
    // `newsplit --help` shows the commands, then the options of split, the default one.
    if (which == &app) std::cout << "\nsplit, the default command (newsplit [split] [OPTIONS] [FILE...]):\n" << split->help("", CLI::AppFormatMode::Sub);
    return {std::nullopt, 0};
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return {std::nullopt, 0};
  } catch (const CLI::CallForVersion&) {
    std::cout << "newsplit " << NEWSPLIT_VERSION << "\n";
    return {std::nullopt, 0};
  } catch (const CLI::ParseError& e) {
    std::cerr << "newsplit: " << e.what() << option_suggestion(app, args) << "\nRun 'newsplit --help' for usage.\n";
    return {std::nullopt, 2};
  }

  if (count->parsed()) o.command = Command::Count;
  else if (stats->parsed()) o.command = Command::Stats;
  else if (clean->parsed()) o.command = Command::Clean;
  else if (explain->parsed()) o.command = Command::Explain, o.explain_json = explain_format == "json";
  else if (kwic->parsed()) o.command = Command::Kwic;
  else o.command = Command::Split;

  auto usage = [](const std::string& msg) {
    std::cerr << "newsplit: " << msg << "\nRun 'newsplit --help' for usage.\n";
    return Parsed{std::nullopt, 2};
  };
  o.encoding = *parse_encoding(encoding);
  o.format = *parse_format(format);
  if (!table_format.empty()) o.table_format = parse_table_format(table_format);
  o.color = color == "always" ? ColorMode::Always : color == "never" ? ColorMode::Never : ColorMode::Auto;
  if (!o.fields.empty() && (o.format == Format::Md || o.format == Format::Text))
    return usage(fmt::format("--fields picks the columns of jsonl, json, csv and tsv; {} prints whole articles", format));
  const auto& article = article_fields();
  for (const auto& f : o.fields) {
    if (!is_field(f)) {
      std::vector<std::string> all = article;
      for (const auto& l : leftover_fields())
        if (std::find(all.begin(), all.end(), l) == all.end()) all.push_back(l);
      const std::string c = closest(f, all);
      return usage(fmt::format("unknown field '{}' in --fields{}; the fields are {} (and, of leftovers with --all, kind, text)", f,
                               c.empty() ? "" : fmt::format(" (did you mean '{}'?)", c), fmt::join(article, ", ")));
    }
    if (!o.all && std::find(article.begin(), article.end(), f) == article.end())
      return usage(fmt::format("--fields: '{}' is a field of leftover records only: add --all to print them", f));
  }
  if (o.command == Command::Count && o.keywords.empty() && o.keyword_files.empty() && o.count.top == 0)
    return usage("count needs keywords (-k WORD, -K FILE) or --top N");
  if (o.command == Command::Count && !o.dict_file.empty() && o.count.top == 0)
    return usage("--dict adds words to the segmentation of --top N; keywords (-k, -K) are counted whole already");
  if (o.command == Command::Kwic && o.keywords.empty() && o.keyword_files.empty())
    return usage("kwic needs keywords (-k WORD, -K FILE)");
  if (o.command == Command::Count && o.count.top > 0 && (!o.keywords.empty() || !o.keyword_files.empty()))
    return usage("count takes either keywords (-k, -K) or --top, not both");
  // Writing over an input would destroy it before it is read (-o p.txt p.txt, also through a link).
  for (const std::vector<std::string>* list : {&o.files, &o.keyword_files})
    for (const auto& f : *list)
      if (!o.output.empty() && f != "-" && same_file(o.output, f))
        return usage(fmt::format("the output {} is also an input ({}): write to another file", o.output, f));
  if (o.jobs == 0) o.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (o.files.empty()) o.files.emplace_back("-");
  return {std::move(o), 0};
}

}  // namespace newsplit::cli
