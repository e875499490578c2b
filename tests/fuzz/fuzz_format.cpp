// Output formats: for any page, every format writes valid UTF-8; JSON and JSON Lines parse
// back to the same records; CSV parses back to one row per record with the header's width;
// TSV has one line per record.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "../test_util.hpp"
#include "newsplit/decode.hpp"
#include "newsplit/format.hpp"
#include "newsplit/split.hpp"

using newsplit::Format;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = newsplit::decode_all(bytes, newsplit::Encoding::Utf8, /*lossy=*/true);
  const auto r = newsplit::split_page(text);
  const std::size_t records = r.articles.size() + r.leftovers.size();
  for (Format f : {Format::Jsonl, Format::Json, Format::Csv, Format::Tsv, Format::Md, Format::Text}) {
    newsplit::WriterOptions o;
    o.format = f;
    o.leftovers = true;
    auto w = newsplit::make_writer(o);
    std::string out;
    w->begin(out);
    for (const auto& a : r.articles) w->article(out, "fuzz \"page\".txt", a);
    for (const auto& l : r.leftovers) w->leftover(out, "fuzz \"page\".txt", l);
    w->end(out);
    if (!newsplit::unicode::valid_utf8(out)) std::abort();
    if (f == Format::Json) {
      const auto j = nlohmann::json::parse(out);  // throws (and so fails) when invalid
      if (j.size() != records) std::abort();
      for (std::size_t k = 0; k < r.articles.size(); ++k)
        if (j[k]["paragraphs"] != nlohmann::json(r.articles[k].paragraphs)) std::abort();
    }
    if (f == Format::Jsonl) {
      std::size_t n = 0;
      for (std::size_t p = 0, e; (e = out.find('\n', p)) != std::string::npos; p = e + 1, ++n)
        (void)nlohmann::json::parse(out.substr(p, e - p));
      if (n != records) std::abort();
    }
    if (f == Format::Csv) {
      const auto rows = test::read_csv(out);
      if (rows.size() != records + 1) std::abort();
      for (const auto& row : rows)
        if (row.size() != rows[0].size()) std::abort();
    }
    if (f == Format::Tsv) {
      const auto rows = test::read_tsv(out);
      if (rows.size() != records + 1) std::abort();
      for (const auto& row : rows)
        if (row.size() != rows[0].size()) std::abort();
    }
  }
  return 0;
}
