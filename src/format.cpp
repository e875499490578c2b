#include "newsplit/format.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "simd/kernels.hpp"

#include <fmt/format.h>

#include "newsplit/unicode.hpp"

namespace newsplit {

std::optional<Format> parse_format(std::string_view n) {
  if (n == "jsonl" || n == "ndjson") return Format::Jsonl;
  if (n == "json") return Format::Json;
  if (n == "csv") return Format::Csv;
  if (n == "tsv") return Format::Tsv;
  if (n == "md" || n == "markdown") return Format::Md;
  if (n == "text" || n == "txt") return Format::Text;
  return std::nullopt;
}

namespace {

// The fields by name, looked up once when a writer is made, not for every record.
enum class Field {
  Type, File, Index, Kicker, Title, Subtitle, Dateline, Byline, Authors, LeadLabel, Lead, Paragraphs, Subheads,
  Captions, Credits, Notes, LineStart, LineEnd, Chars, Warnings, Kind, Text, Page, Date, Paper, PageNo, Section,
  ContinuedOn, ContinuedFrom, Unknown
};

Field field_of(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Field>, 29> kNames = {{
      {"type", Field::Type},         {"file", Field::File},           {"index", Field::Index},
      {"kicker", Field::Kicker},     {"title", Field::Title},         {"subtitle", Field::Subtitle},
      {"dateline", Field::Dateline}, {"byline", Field::Byline},       {"authors", Field::Authors},
      {"lead_label", Field::LeadLabel}, {"lead", Field::Lead},        {"paragraphs", Field::Paragraphs},
      {"subheads", Field::Subheads}, {"captions", Field::Captions},   {"credits", Field::Credits},
      {"notes", Field::Notes},       {"line_start", Field::LineStart}, {"line_end", Field::LineEnd},
      {"chars", Field::Chars},       {"warnings", Field::Warnings},   {"kind", Field::Kind},
      {"text", Field::Text},         {"page", Field::Page},           {"date", Field::Date},
      {"paper", Field::Paper},       {"page_no", Field::PageNo},      {"section", Field::Section},
      {"continued_on", Field::ContinuedOn}, {"continued_from", Field::ContinuedFrom},
  }};
  for (const auto& [n, f] : kNames)
    if (n == name) return f;
  return Field::Unknown;
}

}  // namespace

const std::vector<std::string>& article_fields() {
  static const std::vector<std::string> f = {
      "type",  "file",       "index",    "kicker",   "title",    "subtitle", "dateline",
      "byline", "authors",   "lead_label", "lead",   "paragraphs", "subheads", "captions",
      "credits", "notes",    "line_start", "line_end", "chars",  "warnings", "page",     "date",
      "paper",  "page_no",   "section",  "continued_on", "continued_from"};
  return f;
}

const std::vector<std::string>& leftover_fields() {
  static const std::vector<std::string> f = {"type", "file", "kind", "text", "line_start", "line_end",
                                             "page", "date", "paper", "page_no", "section"};
  return f;
}

bool is_field(std::string_view name) { return field_of(name) != Field::Unknown; }

namespace {

// A number's decimal digits at the end of out (fmt's integer formatter, on the stack: no
// character-by-character insertion).
template <typename Int>
void append_number(std::string& out, Int n) {
  const fmt::format_int digits(n);
  out.append(digits.data(), digits.size());
}

// Has a byte below 0x20, a quote or a backslash: eight bytes tested at once (the usual
// "has zero byte" word trick). Chinese text almost never has, so it is copied in runs.
bool word_needs_escape(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
  return below_space || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\'));
}

// How many bytes from p on plainly need no escape (a whole block at a time).
std::size_t plain_json_run(const char* p, std::size_t n) {
  return simd::kernels().plain_json_run(reinterpret_cast<const unsigned char*>(p), n);
}

}  // namespace

void json_escape(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    i += plain_json_run(s.data() + i, s.size() - i);
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (word_needs_escape(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[7];
    if (c == '"') esc = "\\\"";
    else if (c == '\\') esc = "\\\\";
    else if (c < 0x20) {
      switch (c) {
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
          buf[0] = '\\'; buf[1] = 'u'; buf[2] = '0'; buf[3] = '0';
          buf[4] = kHex[c >> 4]; buf[5] = kHex[c & 15]; buf[6] = 0;
          esc = buf;
      }
    }
    if (esc) {
      out.append(s.substr(run, i - run));
      out.append(esc);
      run = i + 1;
    }
  }
  out.append(s.substr(run));
}

void csv_field(std::string_view s, std::string& out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(s);
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void tsv_field(std::string_view s, std::string& out) {
  for (char c : s) {
    switch (c) {
      case '\t': out.append("\\t"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\\': out.append("\\\\"); break;
      default: out.push_back(c);
    }
  }
}

namespace {

// A record seen field by field, so that every format prints the same fields.
struct Value {
  enum Kind { Absent, String, Number, List } kind = Absent;
  std::string_view str;
  std::uint64_t num = 0;
  const std::vector<std::string>* list = nullptr;
};

struct Column {
  std::string name;
  Field field;
  std::string json_key;  // ,"name": (a JSON object's first member goes without the comma)
};

std::vector<Column> columns(const std::vector<std::string>& names) {
  std::vector<Column> c;
  for (const auto& n : names) {
    const Field f = field_of(n);
    if (f == Field::Unknown) throw std::logic_error("a record writer was given the unknown field '" + n + "'");
    c.push_back({n, f, ",\"" + n + "\":"});
  }
  return c;
}

Value article_value(const Article& a, std::string_view file, Field f) {
  auto s = [](std::string_view v) { return Value{Value::String, v}; };
  auto n = [](std::uint64_t v) { return Value{Value::Number, {}, v}; };
  auto l = [](const std::vector<std::string>& v) { return Value{Value::List, {}, 0, &v}; };
  switch (f) {
    case Field::Type: return s("article");
    case Field::File: return s(file);
    case Field::Index: return n(a.index);
    case Field::Kicker: return s(a.kicker);
    case Field::Title: return s(a.title);
    case Field::Subtitle: return s(a.subtitle);
    case Field::Dateline: return s(a.dateline);
    case Field::Byline: return s(a.byline);
    case Field::Authors: return l(a.authors);
    case Field::LeadLabel: return s(a.lead_label);
    case Field::Lead: return s(a.lead);
    case Field::Paragraphs: return l(a.paragraphs);
    case Field::Subheads: return l(a.subheads);
    case Field::Captions: return l(a.captions);
    case Field::Credits: return l(a.credits);
    case Field::Notes: return l(a.notes);
    case Field::LineStart: return n(a.line_start);
    case Field::LineEnd: return n(a.line_end);
    case Field::Chars: return n(a.chars);
    case Field::Warnings: return l(a.warnings);
    case Field::Page: return n(a.page);
    case Field::Date: return s(a.head.date);
    case Field::Paper: return s(a.head.paper);
    case Field::PageNo: return s(a.head.page_no);
    case Field::Section: return s(a.head.section);
    case Field::ContinuedOn: return s(a.continued_on);
    case Field::ContinuedFrom: return s(a.continued_from);
    case Field::Kind: case Field::Text: case Field::Unknown: return {};
  }
  return {};
}

Value leftover_value(const Leftover& lo, std::string_view file, Field f) {
  switch (f) {
    case Field::Type: return {Value::String, "leftover"};
    case Field::File: return {Value::String, file};
    case Field::Kind: return {Value::String, lo.kind};
    case Field::Text: return {Value::String, lo.text};
    case Field::LineStart: return {Value::Number, {}, lo.line_start};
    case Field::LineEnd: return {Value::Number, {}, lo.line_end};
    case Field::Page: return {Value::Number, {}, lo.page};
    case Field::Date: return {Value::String, lo.head.date};
    case Field::Paper: return {Value::String, lo.head.paper};
    case Field::PageNo: return {Value::String, lo.head.page_no};
    case Field::Section: return {Value::String, lo.head.section};
    default: return {};
  }
}

class JsonWriter : public RecordWriter {
 public:
  JsonWriter(const std::vector<std::string>& fields, bool array)
      : articles_(columns(fields.empty() ? article_fields() : fields)),
        leftovers_(columns(fields.empty() ? leftover_fields() : fields)),
        array_(array) {}
  void begin(std::string& out) override {
    if (array_) out.append("[");
  }
  void article(std::string& out, std::string_view file, const Article& a) override {
    object(out, articles_, [&](Field f) { return article_value(a, file, f); }, &a.parts);
  }
  void leftover(std::string& out, std::string_view file, const Leftover& l) override {
    object(out, leftovers_, [&](Field f) { return leftover_value(l, file, f); });
  }
  void end(std::string& out) override {
    if (array_) out.append(any_ ? "\n]\n" : "]\n");
  }

 private:
  template <typename Get>
  void object(std::string& out, const std::vector<Column>& cols, Get get, const std::vector<ArticlePart>* parts = nullptr) {
    if (array_) out.append(any_ ? ",\n" : "\n");
    any_ = true;
    out.push_back('{');
    bool first = true;
    for (const Column& col : cols) {
      const Value v = get(col.field);
      if (v.kind == Value::Absent) continue;
      out.append(std::string_view(col.json_key).substr(first ? 1 : 0));
      first = false;
      switch (v.kind) {
        case Value::String:
          out.push_back('"');
          json_escape(v.str, out);
          out.push_back('"');
          break;
        case Value::Number: append_number(out, v.num); break;
        case Value::List:
          out.push_back('[');
          for (std::size_t k = 0; k < v.list->size(); ++k) {
            if (k) out.push_back(',');
            out.push_back('"');
            json_escape((*v.list)[k], out);
            out.push_back('"');
          }
          out.push_back(']');
          break;
        case Value::Absent: break;
      }
    }
    if (parts && !parts->empty()) {
      // A record joined from parts on several pages (--join) lists them.
      out.append(first ? "\"parts\":[" : ",\"parts\":[");
      for (std::size_t k = 0; k < parts->size(); ++k) {
        const ArticlePart& p = (*parts)[k];
        out.append(k ? ",{\"file\":\"" : "{\"file\":\"");
        json_escape(p.file, out);
        fmt::format_to(std::back_inserter(out), "\",\"page\":{},\"line_start\":{},\"line_end\":{}}}", p.page, p.line_start, p.line_end);
      }
      out.push_back(']');
    }
    out.push_back('}');
    if (!array_) out.push_back('\n');
  }
  std::vector<Column> articles_, leftovers_;
  bool array_;
  bool any_ = false;
};

class DelimitedWriter : public RecordWriter {
 public:
  DelimitedWriter(std::vector<std::string> fields, bool leftovers, bool csv) : csv_(csv) {
    if (fields.empty()) {
      fields = article_fields();
      if (leftovers) {
        fields.emplace_back("kind");
        fields.emplace_back("text");
      }
    }
    cols_ = columns(fields);
  }
  void begin(std::string& out) override {
    for (std::size_t k = 0; k < cols_.size(); ++k) {
      if (k) out.push_back(csv_ ? ',' : '\t');
      field(cols_[k].name, out);
    }
    out.append(csv_ ? "\r\n" : "\n");
  }
  void article(std::string& out, std::string_view file, const Article& a) override {
    row(out, [&](Field f) { return article_value(a, file, f); });
  }
  void leftover(std::string& out, std::string_view file, const Leftover& l) override {
    row(out, [&](Field f) { return leftover_value(l, file, f); });
  }

 private:
  void field(std::string_view s, std::string& out) const {
    if (csv_) csv_field(s, out);
    else tsv_field(s, out);
  }
  template <typename Get>
  void row(std::string& out, Get get) {
    std::string cell;
    for (std::size_t k = 0; k < cols_.size(); ++k) {
      if (k) out.push_back(csv_ ? ',' : '\t');
      const Value v = get(cols_[k].field);
      cell.clear();
      switch (v.kind) {
        case Value::String: cell.append(v.str); break;
        case Value::Number: append_number(cell, v.num); break;
        case Value::List: {
          // Paragraphs are lines of one text; other lists are short items.
          const char* sep = cols_[k].field == Field::Paragraphs ? "\n" : "|";
          for (std::size_t j = 0; j < v.list->size(); ++j) {
            if (j) cell.append(sep);
            cell.append((*v.list)[j]);
          }
          break;
        }
        case Value::Absent: break;
      }
      field(cell, out);
    }
    out.append(csv_ ? "\r\n" : "\n");
  }
  std::vector<Column> cols_;
  bool csv_;
};

// Markdown: the characters that would start markup are escaped.
void md_text(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool line_start = i == 0;
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
        (line_start && (c == '#' || c == '>' || c == '-' || c == '+' || c == '|')))
      out.push_back('\\');
    out.push_back(c);
  }
}

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kHeadColor = "\x1b[1;36m";
constexpr std::string_view kReset = "\x1b[0m";

// A file name inside the Markdown comment that heads a record: a line break or `-->` in the
// name would end the comment and print the rest of it as text.
std::string comment_safe(std::string_view file) {
  std::string out;
  for (std::size_t i = 0; i < file.size(); ++i) {
    const auto b = static_cast<unsigned char>(file[i]);
    if (file.substr(i, 3) == "-->") {
      out += "--&gt;";
      i += 2;
    } else if (b < 0x20 || b == 0x7f) {
      out += fmt::format("\\x{:02x}", b);
    } else {
      out.push_back(file[i]);
    }
  }
  return out;
}

class MarkdownWriter : public RecordWriter {
 public:
  explicit MarkdownWriter(bool color) : color_(color) {}
  void article(std::string& out, std::string_view file, const Article& a) override {
    separate(out);
    out.append(fmt::format("<!-- {} · article {} · lines {}–{} -->\n\n", comment_safe(file), a.index, a.line_start, a.line_end));
    if (!a.kicker.empty()) line(out, "*", a.kicker, "*", "\n");
    if (!a.title.empty()) line(out, "# ", a.title, "", "\n");
    if (!a.subtitle.empty()) line(out, "## ", a.subtitle, "", "\n");
    if (!a.kicker.empty() || !a.title.empty() || !a.subtitle.empty()) out.push_back('\n');
    if (!a.dateline.empty() || !a.byline.empty()) {
      std::string by = a.dateline;
      if (!a.dateline.empty() && !a.byline.empty()) by += " · ";
      by += a.byline;
      line(out, "**", by, "**", "\n\n");
    }
    std::size_t sub = 0;
    for (const auto& p : a.paragraphs) {
      if (sub < a.subheads.size() && p == a.subheads[sub]) {
        line(out, "### ", p, "", "\n\n");
        ++sub;
      } else {
        md_text(p, out);
        out.append("\n\n");
      }
    }
    for (const auto& c : a.captions) line(out, "*", c, "*", "\n\n");
    for (const auto& c : a.credits) line(out, "", c, "", "\n\n");
    for (const auto& n : a.notes) line(out, "", n, "", "\n\n");
  }
  void leftover(std::string& out, std::string_view file, const Leftover& l) override {
    separate(out);
    out.append(fmt::format("<!-- {} · leftover ({}) · lines {}–{} -->\n\n", comment_safe(file), l.kind, l.line_start, l.line_end));
    md_text(l.text, out);
    out.append("\n\n");
  }

 private:
  void separate(std::string& out) {
    if (any_) out.append("---\n\n");
    any_ = true;
  }
  void line(std::string& out, std::string_view pre, std::string_view text, std::string_view post,
            std::string_view newlines) {
    const bool heading = pre.starts_with("#");
    if (color_ && heading) out.append(kHeadColor);
    out.append(pre);
    md_text(text, out);
    out.append(post);
    if (color_ && heading) out.append(kReset);
    out.append(newlines);
  }
  bool color_;
  bool any_ = false;
};

class TextWriter : public RecordWriter {
 public:
  explicit TextWriter(bool color) : color_(color) {}
  void article(std::string& out, std::string_view file, const Article& a) override {
    (void)file;
    separate(out);
    for (const std::string* h : {&a.kicker, &a.title, &a.subtitle}) {
      if (h->empty()) continue;
      if (color_) out.append(kBold);
      out.append(*h);
      if (color_) out.append(kReset);
      out.push_back('\n');
    }
    for (const auto& p : a.paragraphs) {
      out.append(p);
      out.push_back('\n');
    }
  }
  void leftover(std::string& out, std::string_view file, const Leftover& l) override {
    (void)file;
    separate(out);
    out.append(fmt::format("[{}] ", l.kind));
    out.append(l.text);
    out.push_back('\n');
  }

 private:
  void separate(std::string& out) {
    if (any_) out.push_back('\n');
    any_ = true;
  }
  bool color_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<RecordWriter> make_writer(const WriterOptions& o) {
  switch (o.format) {
    case Format::Jsonl: return std::make_unique<JsonWriter>(o.fields, false);
    case Format::Json: return std::make_unique<JsonWriter>(o.fields, true);
    case Format::Csv: return std::make_unique<DelimitedWriter>(o.fields, o.leftovers, true);
    case Format::Tsv: return std::make_unique<DelimitedWriter>(o.fields, o.leftovers, false);
    case Format::Md: return std::make_unique<MarkdownWriter>(o.color);
    case Format::Text: return std::make_unique<TextWriter>(o.color);
  }
  return nullptr;
}

// --- Tables ------------------------------------------------------------------------

std::optional<TableFormat> parse_table_format(std::string_view n) {
  if (n == "table") return TableFormat::Table;
  if (n == "tsv") return TableFormat::Tsv;
  if (n == "csv") return TableFormat::Csv;
  if (n == "json") return TableFormat::Json;
  return std::nullopt;
}

namespace {

std::string cell_text(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return fmt::format("{}", std::get<std::int64_t>(c));
}

// A bar of `eighths` eighth-blocks: █ for each whole column, a partial block for the rest.
void bar(std::string& out, std::int64_t eighths) {
  static constexpr std::string_view kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  for (std::int64_t k = 0; k < eighths / 8; ++k) out.append("█");
  out.append(kPartial[eighths % 8]);
}

void pad(std::string& out, std::string_view s, int width, bool right) {
  const int fill = std::max(0, width - unicode::display_width(s));
  if (right) out.append(static_cast<std::size_t>(fill), ' ');
  out.append(s);
  if (!right) out.append(static_cast<std::size_t>(fill), ' ');
}

// Comma- or tab-separated: a header line, then a line a row.
void write_separated(const Table& t, bool csv, std::string& out) {
  auto put = [&](std::string_view s) {
    if (csv) csv_field(s, out);
    else tsv_field(s, out);
  };
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    if (k) out.push_back(csv ? ',' : '\t');
    put(t.columns[k]);
  }
  out.append(csv ? "\r\n" : "\n");
  for (const auto& row : t.rows) {
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k) out.push_back(csv ? ',' : '\t');
      put(cell_text(row[k]));
    }
    out.append(csv ? "\r\n" : "\n");
  }
}

// A JSON array of an object a row, keyed by the column names.
void write_json_rows(const Table& t, std::string& out) {
  out.append("[");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    out.append(r ? ",\n{" : "\n{");
    for (std::size_t k = 0; k < t.columns.size() && k < t.rows[r].size(); ++k) {
      if (k) out.push_back(',');
      out.push_back('"');
      json_escape(t.columns[k], out);
      out.append("\":");
      if (const auto* s = std::get_if<std::string>(&t.rows[r][k])) {
        out.push_back('"');
        json_escape(*s, out);
        out.push_back('"');
      } else {
        append_number(out, std::get<std::int64_t>(t.rows[r][k]));
      }
    }
    out.push_back('}');
  }
  out.append(t.rows.empty() ? "]\n" : "\n]\n");
}

// Columns aligned by display width, numbers to the right, and a bar for the bar column.
void write_aligned(const Table& t, std::string& out, const TableStyle& style) {
  std::vector<int> width(t.columns.size(), 0);
  for (std::size_t k = 0; k < t.columns.size(); ++k) width[k] = unicode::display_width(t.columns[k]);
  std::int64_t max = 0;
  for (const auto& row : t.rows) {
    for (std::size_t k = 0; k < row.size() && k < width.size(); ++k)
      width[k] = std::max(width[k], unicode::display_width(cell_text(row[k])));
    if (t.bar_column >= 0 && static_cast<std::size_t>(t.bar_column) < row.size())
      if (const auto* n = std::get_if<std::int64_t>(&row[static_cast<std::size_t>(t.bar_column)])) max = std::max(max, *n);
  }
  auto numeric = [&](std::size_t k) { return !t.rows.empty() && std::holds_alternative<std::int64_t>(t.rows.front()[k]); };
  if (style.color) out.append(kBold);
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    if (k) out.append("  ");
    pad(out, t.columns[k], width[k], numeric(k));
  }
  if (style.color) out.append(kReset);
  out.push_back('\n');
  for (const auto& row : t.rows) {
    for (std::size_t k = 0; k < row.size() && k < width.size(); ++k) {
      if (k) out.append("  ");
      const bool highlight = style.color && static_cast<int>(k) == t.highlight_column;
      if (highlight) out.append(kBold);
      pad(out, cell_text(row[k]), width[k], numeric(k) || static_cast<int>(k) == t.right_align_column);
      if (highlight) out.append(kReset);
    }
    if (t.bar_column >= 0 && max > 0) {
      const auto* n = std::get_if<std::int64_t>(&row[static_cast<std::size_t>(t.bar_column)]);
      if (n && *n > 0) {
        out.append("  ");
        if (style.color) out.append("\x1b[32m");
        bar(out, std::max<std::int64_t>(1, *n * style.bar_width * 8 / max));
        if (style.color) out.append(kReset);
      }
    }
    // No trailing spaces on a row: strip what padding left at the end.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back('\n');
  }
}

}  // namespace

void write_table(const Table& t, TableFormat f, std::string& out, const TableStyle& style) {
  switch (f) {
    case TableFormat::Csv: return write_separated(t, true, out);
    case TableFormat::Tsv: return write_separated(t, false, out);
    case TableFormat::Json: return write_json_rows(t, out);
    case TableFormat::Table: return write_aligned(t, out, style);
  }
}

}  // namespace newsplit
