#include "newsplit/script.hpp"

#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace newsplit {

std::optional<Script> parse_script(std::string_view n) {
  if (n == "simplified" || n == "hans") return Script::Simplified;
  if (n == "traditional" || n == "hant") return Script::Traditional;
  return std::nullopt;
}

struct ScriptConverter::Icu {
  std::unique_ptr<icu::Transliterator> t;
};

ScriptConverter::ScriptConverter(Script target) : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  const char* id = target == Script::Simplified ? "Traditional-Simplified" : "Simplified-Traditional";
  icu_->t.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !icu_->t)
    throw std::runtime_error(std::string("ICU has no ") + id + " transliterator (" + u_errorName(status) + ")");
}

ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::convert(std::string_view utf8) const {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu_->t->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

void ScriptConverter::convert(PageResult& page) const {
  for (Article& a : page.articles) {
    for (std::string* s : {&a.kicker, &a.title, &a.subtitle, &a.dateline, &a.byline, &a.lead_label, &a.lead})
      convert(*s);
    for (auto* list : {&a.authors, &a.paragraphs, &a.subheads, &a.captions, &a.credits, &a.notes})
      for (std::string& s : *list) convert(s);
  }
  for (Leftover& l : page.leftovers) convert(l.text);
}

}  // namespace newsplit
