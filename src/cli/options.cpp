#include "options.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "diagnostics.hpp"
#include "validators.hpp"

namespace newsplit::cli {

namespace {

constexpr const char* kEveryCommand = "Options of every command";

// The same file on disk, whatever path or link names it.
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void common_options(CLI::App& app, CommonOptions& o, std::string& encoding, std::string& color) {
  app.add_option("files", o.files, "Page files to read (none, or -, reads standard input)")->type_name("");
  app.add_option("-o,--output", o.output, "Write to FILE instead of standard output")->type_name("FILE");
  app.add_option("--encoding", encoding, "Input encoding (default: auto: BOM, valid UTF-8, detection)")
      ->type_name("auto|utf-8|gb18030|big5|utf-16le|utf-16be")
      ->check(one_of({"auto", "utf-8", "utf8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}));
  app.add_flag("--lossy", o.lossy, "Replace invalid bytes with U+FFFD instead of failing");
  app.add_option("-j,--jobs", o.jobs, "Worker threads (default: one per core)")->type_name("N")->check(whole_number(1, 1024));
  app.add_flag("-q,--quiet", o.quiet, "No progress line on a terminal");
  app.add_flag("--raw-punct", o.raw_punct, "Keep the input's punctuation widths");
  app.add_option("--color", color, "Colour on a terminal (default: auto; NO_COLOR is honoured)")
      ->type_name("auto|always|never")
      ->check(one_of({"auto", "always", "never"}));
  app.add_option("--to", o.to_script, "Convert the text to Simplified or Traditional Chinese")
      ->type_name("simplified|traditional")
      ->check(one_of({"simplified", "traditional"}));
  for (CLI::Option* opt : app.get_options()) opt->group(kEveryCommand);
}

// The command line as CLI11 sees it: one app whose options are those of every command and
// of split, the default one (`newsplit -f csv page.txt`), with a subcommand for each command.
// Options the subcommand does not know fall through to the app, so that they may come
// before or after the command's name (`newsplit --color never count …`).
class CommandLine {
 public:
  CommandLine(CommonOptions& common, std::string& encoding, std::string& color) {
    app_.name("newsplit");
    app_.set_version_flag("--version", std::string("newsplit ") + NEWSPLIT_VERSION);
    app_.require_subcommand(0, 1);
    app_.fallthrough();
    common_options(app_, common, encoding, color);
    for (const CLI::Option* opt : app_.get_options()) common_.push_back(opt);
    for (const CommandInfo& info : commands()) {
      made_.push_back(info.make());
      CLI::App* sub = app_.add_subcommand(std::string(info.name), std::string(info.summary));
      sub->footer("Examples:\n" + std::string(info.examples));
      made_.back()->add_options(subs_.empty() ? app_ : *sub);
      subs_.push_back(sub);
    }
    for (CLI::Option* opt : app_.get_options())
      if (!is_common(opt)) opt->group("Options of split, the default command");
    app_.footer(subs_[0]->get_footer());
  }

  CLI::App& app() { return app_; }
  // The command asked for (split when none is named), with its index in commands().
  std::size_t chosen() const {
    for (std::size_t k = 0; k < subs_.size(); ++k)
      if (subs_[k]->parsed()) return k;
    return 0;
  }
  std::unique_ptr<Command> take(std::size_t k) { return std::move(made_[k]); }

  // The help of the command asked for: split's is the app's; another's, its own options and
  // then those of every command.
  std::string help() {
    const std::size_t k = chosen();
    if (k == 0) return app_.help();
    return subs_[k]->help() + "\n" + CLI::Formatter().make_group(kEveryCommand, false, common_);
  }

  // An option of split given to another command (through the fall-through), or "".
  std::string misplaced() const {
    const std::size_t k = chosen();
    if (k == 0) return "";
    for (const CLI::Option* opt : app_.get_options())
      if (opt->count() > 0 && !is_common(opt))
        return fmt::format("{} is an option of split, not of {} (a command's own options go after its name: newsplit {} --help)",
                           opt->get_name(), commands()[k].name, commands()[k].name);
    return "";
  }

  // For an option nobody knows (--formt): the closest option of the command, if one is close.
  std::string suggestion(const std::vector<std::string>& args) const {
    std::vector<std::string> names;
    for (const CLI::App* which : {static_cast<const CLI::App*>(&app_), static_cast<const CLI::App*>(subs_[chosen()])})
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

 private:
  bool is_common(const CLI::Option* opt) const { return std::find(common_.begin(), common_.end(), opt) != common_.end(); }

  CLI::App app_{"newsplit: split raw Chinese newspaper pages into clean, structured articles.\n"
                "Commands: split (the default), clean, count, kwic, stats, explain; `newsplit COMMAND --help` for each."};
  std::vector<const CLI::Option*> common_;
  std::vector<std::unique_ptr<Command>> made_;
  std::vector<CLI::App*> subs_;
};

// A first word that is no command and no file but close to a command (spilt) is a typo.
std::string mistyped_command(const std::vector<std::string>& args) {
  if (args.empty() || args[0].starts_with("-") || std::filesystem::exists(args[0])) return "";
  std::vector<std::string> names;
  for (const CommandInfo& info : commands()) names.emplace_back(info.name);
  if (std::find(names.begin(), names.end(), args[0]) != names.end()) return "";
  const std::string c = closest(args[0], names);
  return c.empty() ? "" : fmt::format("'{}' is not a command or a file (did you mean '{}'?)", args[0], c);
}

// Fills in what the typed words and the defaults say (encoding, colour, -j, standard input when
// no file is named); returns what is wrong with the options taken together, or "".
std::string settle(CommonOptions& o, const std::string& encoding, const std::string& color, const Command& command) {
  o.encoding = *parse_encoding(encoding);
  o.color = color == "always" ? ColorMode::Always : color == "never" ? ColorMode::Never : ColorMode::Auto;
  if (std::string wrong = command.check(o); !wrong.empty()) return wrong;
  // Writing over an input would destroy it before it is read (-o p.txt p.txt, also through a link).
  std::vector<std::string> inputs = command.lists();
  inputs.insert(inputs.end(), o.files.begin(), o.files.end());
  for (const auto& f : inputs)
    if (!o.output.empty() && f != "-" && same_file(o.output, f))
      return fmt::format("the output {} is also an input ({}): write to another file", o.output, f);
  if (o.jobs == 0) o.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (o.files.empty()) o.files.emplace_back("-");
  return "";
}

}  // namespace

Parsed parse(int argc, char** argv) {
  Parsed p;
  std::string encoding = "auto", color = "auto";
  CommandLine line(p.common, encoding, color);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (const std::string typo = mistyped_command(args); !typo.empty()) return {{}, nullptr, usage_error(typo)};
  try {
    line.app().parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 takes them in reverse
  } catch (const CLI::CallForHelp&) {
    std::cout << line.help();
    return {{}, nullptr, 0};
  } catch (const CLI::CallForAllHelp&) {
    std::cout << line.app().help("", CLI::AppFormatMode::All);
    return {{}, nullptr, 0};
  } catch (const CLI::CallForVersion&) {
    std::cout << "newsplit " << NEWSPLIT_VERSION << "\n";
    return {{}, nullptr, 0};
  } catch (const CLI::ParseError& e) {
    return {{}, nullptr, usage_error(e.what() + line.suggestion(args))};
  }
  if (const std::string wrong = line.misplaced(); !wrong.empty()) return {{}, nullptr, usage_error(wrong)};
  p.command = line.take(line.chosen());
  if (const std::string wrong = settle(p.common, encoding, color, *p.command); !wrong.empty()) return {{}, nullptr, usage_error(wrong)};
  return p;
}

}  // namespace newsplit::cli
