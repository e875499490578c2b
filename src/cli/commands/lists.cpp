#include "lists.hpp"

#include <CLI/CLI.hpp>

#include "../diagnostics.hpp"
#include "../input.hpp"
#include "../validators.hpp"
#include "newsplit/count.hpp"

namespace newsplit::cli {

std::optional<std::string> read_list(const std::string& path, const Setting& setting) {
  InputFile in(path);
  std::string raw, chunk;
  for (std::string_view got; in.ok() && !(got = in.read(chunk, in.chunk_size())).empty();) raw += got;
  if (!in.ok()) {
    report(diagnostic_name(path), in.error());
    return std::nullopt;
  }
  std::optional<DecodeError> err;
  std::string text = decode_all(raw, setting.common.encoding, setting.common.lossy, &err);
  if (err) {
    report(diagnostic_name(path), err->line, err->message);
    return std::nullopt;
  }
  return text;
}

WordList::WordList(const Setting& setting) : clean_(setting.clean) {
  if (setting.script) script_ = std::make_unique<ScriptConverter>(*setting.script);
}

void WordList::add(std::string_view raw) {
  std::string word = normalize_keyword(raw, clean_);
  if (script_) script_->convert(word);
  if (!word.empty()) words.push_back(std::move(word));
}

std::optional<std::vector<std::string>> read_keywords(const KeywordOptions& keywords, const Setting& setting) {
  WordList list(setting);
  for (const auto& k : keywords.words) list.add(k);
  for (const auto& f : keywords.files) {
    const auto text = read_list(f, setting);
    if (!text) return std::nullopt;
    for (const auto& k : parse_keyword_list(*text)) list.add(k);
  }
  return std::move(list.words);
}

void add_table_format(CLI::App& app, std::string& format) {
  app.add_option("-f,--format", format, "Output format (default: table on a terminal, else tsv)")
      ->type_name("table|tsv|csv|json")
      ->check(one_of({"table", "tsv", "csv", "json"}));
}

TableFormat table_format(const std::string& asked, const Setting& setting) {
  if (!asked.empty()) return *parse_table_format(asked);
  return setting.terminal ? TableFormat::Table : TableFormat::Tsv;
}

}  // namespace newsplit::cli
