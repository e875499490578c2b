#include "run.hpp"

#include <cstdlib>
#include <string_view>

#include "input.hpp"
#include "output.hpp"
#include "pipeline.hpp"

namespace newsplit::cli {

namespace {

// Colour on a terminal that can show it, unless the user said otherwise (NO_COLOR, --color).
bool colour(ColorMode mode, bool terminal) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* term = std::getenv("TERM");
  return terminal && !std::getenv("NO_COLOR") && !(term && std::string_view(term) == "dumb");
}

}  // namespace

int run(const CommonOptions& common, Command& command) {
  Output out(common.output);
  const std::vector<Input> inputs = list_inputs(common.files);
  if (out.failed()) return 1;
  Setting setting(common);
  setting.clean.punctuation = !common.raw_punct;
  setting.terminal = out.is_terminal();
  setting.color = colour(common.color, setting.terminal);
  if (!common.to_script.empty()) setting.script = parse_script(common.to_script);
  if (const int status = command.prepare(setting); status != 0) return status;
  return run_pipeline(inputs, PipelineOptions{common.encoding, common.lossy, common.jobs, common.quiet}, command, out);
}

}  // namespace newsplit::cli
