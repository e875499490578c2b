// Script conversion: cleaned text in Simplified or Traditional Chinese in, the other
// script out, through ICU's transliterators (Traditional-Simplified, Simplified-Traditional).
// Keyword counting then works across both scripts: with the text and the keywords both
// converted to simplified, 社区 finds 社區.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "newsplit/record.hpp"

namespace newsplit {

enum class Script { Simplified, Traditional };
std::optional<Script> parse_script(std::string_view name);

class ScriptConverter {
 public:
  explicit ScriptConverter(Script target);  // throws std::runtime_error when ICU lacks the data
  ~ScriptConverter();
  ScriptConverter(const ScriptConverter&) = delete;
  ScriptConverter& operator=(const ScriptConverter&) = delete;

  std::string convert(std::string_view utf8) const;
  void convert(std::string& s) const { s = convert(std::string_view(s)); }
  // Every text field of the article and the leftovers.
  void convert(PageResult& page) const;

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace newsplit
