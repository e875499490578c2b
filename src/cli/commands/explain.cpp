// explain: how each page was read: its units, their roles, the rule that decided each, the
// evidence, and the layout decision.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "../validators.hpp"
#include "commands.hpp"
#include "newsplit/format.hpp"
#include "newsplit/split.hpp"

namespace newsplit::cli {

namespace {

class ExplainCommand : public Command {
 public:
  struct Explained : Result {
    std::uint64_t number = 0, first_line = 0;
    std::string text;
  };

  void add_options(CLI::App& app) override {
    app.add_option("-f,--format", format_, "Output format: text, or a JSON object a page (default: text)")
        ->type_name("text|json")
        ->check(one_of({"text", "json"}));
  }

  int prepare(const Setting& setting) override {
    clean_ = setting.clean;
    json_ = format_ == "json";
    return 0;
  }

  std::unique_ptr<Result> process(const Page& page, const Input&, Tools&) const override {
    auto r = std::make_unique<Explained>();
    r->number = page.number;
    r->first_line = page.first_line;
    const PageAnalysis analysis = analyse_page(page.text, page.first_line, SplitOptions{clean_});
    r->text = json_ ? explain_json(analysis) : explain(analysis);
    return r;
  }

  void print(const Input& input, Result& result, std::string& out) override {
    const auto& r = static_cast<const Explained&>(result);
    if (json_) {  // a JSON object a page: where it is, then the analysis
      out += "{\"file\":\"";
      json_escape(input.name, out);
      out += fmt::format("\",\"page\":{},\"first_line\":{},", r.number, r.first_line);
      out.append(r.text, 1, std::string::npos);
      out += '\n';
    } else {
      out += fmt::format("== {} page {} (from line {})\n", input.name, r.number, r.first_line);
      out += r.text;
    }
  }

 private:
  std::string format_ = "text";
  bool json_ = false;
  CleanOptions clean_;
};

}  // namespace

std::unique_ptr<Command> make_explain() { return std::make_unique<ExplainCommand>(); }

}  // namespace newsplit::cli
