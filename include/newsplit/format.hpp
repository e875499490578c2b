// Output formats: records in, bytes appended to a buffer out (the caller writes them).
//   jsonl  one JSON object per record and line (the default)
//   json   one array of the same objects
//   csv    RFC 4180: a header row, one row per record, CRLF line ends; lists joined with |,
//          paragraphs with a newline inside the quoted field
//   tsv    a header row, one row per record; tab, newline, CR and backslash escaped as
//          \t \n \r \\; lists joined with |, paragraphs with \n
//   md     each article as Markdown: # headline, byline, paragraphs, captions in italics
//   text   headline and paragraphs as plain lines, a blank line between articles
// Tables (count, stats) have their own small writer: table (aligned, with bars), tsv,
// csv, json.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "newsplit/record.hpp"

namespace newsplit {

enum class Format { Jsonl, Json, Csv, Tsv, Md, Text };
std::optional<Format> parse_format(std::string_view name);

// The record fields, in the order of the contract. Leftovers have type, file, kind, text,
// line_start and line_end.
const std::vector<std::string>& article_fields();
const std::vector<std::string>& leftover_fields();
bool is_field(std::string_view name);

struct WriterOptions {
  Format format = Format::Jsonl;
  std::vector<std::string> fields;  // empty: the format's default
  bool leftovers = false;           // --all: leftover records are printed too
  bool color = false;               // md/text headlines in bold colour (terminals only)
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual void begin(std::string& out) { (void)out; }
  virtual void article(std::string& out, std::string_view file, const Article& a) = 0;
  virtual void leftover(std::string& out, std::string_view file, const Leftover& l) = 0;
  virtual void end(std::string& out) { (void)out; }
};

std::unique_ptr<RecordWriter> make_writer(const WriterOptions& options);

// JSON string contents for `s`: quotes, backslashes and control characters escaped;
// everything else, characters outside the BMP included, as plain UTF-8 (RFC 8259).
void json_escape(std::string_view s, std::string& out);
// One CSV field, quoted when it holds a comma, quote, CR or LF.
void csv_field(std::string_view s, std::string& out);
// One TSV field with tab, newline, CR and backslash escaped.
void tsv_field(std::string_view s, std::string& out);

// --- Tables ------------------------------------------------------------------------

enum class TableFormat { Table, Tsv, Csv, Json };
std::optional<TableFormat> parse_table_format(std::string_view name);

using Cell = std::variant<std::string, std::int64_t>;
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  int bar_column = -1;  // for `table`: draw a bar for this numeric column
  int highlight_column = -1;    // for `table`: this column in colour (a keyword in its context)
  int right_align_column = -1;  // for `table`: this text column set against the next (left context)
};

struct TableStyle {
  bool color = false;   // colour the bars and the header (terminals only)
  int bar_width = 40;   // columns of the longest bar
};

void write_table(const Table& t, TableFormat f, std::string& out, const TableStyle& style = {});

}  // namespace newsplit
