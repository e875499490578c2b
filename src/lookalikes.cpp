// Look-alike characters (clean.hpp): glyphs that a PDF's fonts map to radicals or to
// compatibility ideographs, read as the ordinary character they show.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "simd/kernels.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "newsplit/clean.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit {

namespace {

// Kangxi radicals and the CJK radicals supplement, U+2E80..2FDF: each with the unified
// ideograph it is equivalent to (Unicode's EquivalentUnifiedIdeograph.txt, read at build
// time), 0 where there is none.
constexpr char32_t kRadicalsFirst = 0x2E80, kRadicalsEnd = 0x2FE0;
constexpr std::pair<char32_t, char32_t> kRadicalPairs[] = {
#include "lookalikes.inc"
};
constexpr auto kRadicals = [] {
  std::array<char32_t, kRadicalsEnd - kRadicalsFirst> t{};
  for (const auto& [from, to] : kRadicalPairs) t[from - kRadicalsFirst] = to;
  return t;
}();

bool is_compatibility_ideograph(char32_t c) {
  return (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// A compatibility ideograph's canonical decomposition is the one ideograph it duplicates
// (ICU's NFC data); the dozen unified ideographs of the block have none and stay.
char32_t decomposed_ideograph(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString d;
  if (U_FAILURE(status) || !nfc->getDecomposition(static_cast<UChar32>(c), d) || d.countChar32() != 1) return c;
  return static_cast<char32_t>(d.char32At(0));
}

// The door radical ⼾ is the one Kangxi radical a simplified font draws as a simplified
// character (户) with no simplified radical of its own beside it (⻔ stands for 门, ⻢ for 马):
// in simplified text it is 户, and the equivalent Unicode gives it (戶) only in traditional.
constexpr char32_t kDoorRadical = 0x2F3E, kDoorSimplified = 0x6237, kDoorTraditional = 0x6236;

// Everyday characters the two scripts write differently: which of them a page uses says in
// which script it is set. The first few hundred characters tell it.
constexpr char32_t kSimplifiedOnly[] = {U'这', U'个', U'们', U'来', U'国', U'会', U'说', U'时', U'为', U'发', U'对', U'经', U'进', U'过'};
constexpr char32_t kTraditionalOnly[] = {U'這', U'個', U'們', U'來', U'國', U'會', U'說', U'時', U'為', U'發', U'對', U'經', U'進', U'過'};
constexpr std::size_t kScriptSample = 600;  // characters

bool set_in_traditional(std::string_view text) {
  auto among = [](char32_t c, const auto& set) { return std::find(std::begin(set), std::end(set), c) != std::end(set); };
  std::size_t simplified = 0, traditional = 0;
  for (std::size_t i = 0, seen = 0; i < text.size() && seen < kScriptSample; ++seen) {
    const char32_t c = unicode::next(text, i);
    if (c < 0x4E00) continue;
    simplified += among(c, kSimplifiedOnly) ? 1 : 0;
    traditional += among(c, kTraditionalOnly) ? 1 : 0;
  }
  return traditional > simplified;
}

// The two- and three-em dashes stand for the Chinese dash (——) drawn as one glyph.
constexpr char32_t kTwoEmDash = 0x2E3A, kThreeEmDash = 0x2E3B;

// Appends what a look-alike stands for; false (nothing appended) when c is none.
bool append_replacement(char32_t c, std::string& out) {
  if (c == kTwoEmDash || c == kThreeEmDash) {
    out.append(c == kTwoEmDash ? "——" : "———");
    return true;
  }
  char32_t to = 0;
  if (c >= kRadicalsFirst && c < kRadicalsEnd) to = kRadicals[c - kRadicalsFirst];
  else if (is_compatibility_ideograph(c)) to = decomposed_ideograph(c);
  if (to == 0 || to == c) return false;
  unicode::append(out, to);
  return true;
}

// Whether the character whose lead byte is at p[i] may be a look-alike, by its first two
// bytes: U+2E3A..2FDF (E2 B8..BF), U+F900..FAFF (EF A4..AB), U+2F800..2FA1F (F0 AF A0..A8).
bool may_be_lookalike(const unsigned char* p, std::size_t i, std::size_t n) {
  if (i + 1 >= n) return false;
  const unsigned char b0 = p[i], b1 = p[i + 1];
  if (b0 == 0xE2) return b1 >= 0xB8 && b1 <= 0xBF;
  if (b0 == 0xEF) return b1 >= 0xA4 && b1 <= 0xAB;
  if (b0 == 0xF0) return b1 == 0xAF && i + 2 < n && p[i + 2] >= 0xA0 && p[i + 2] <= 0xA8;
  return false;
}

// The next offset from i on where may_be_lookalike holds, or n.
std::size_t next_candidate(const unsigned char* p, std::size_t i, std::size_t n) {
  const simd::Kernels& kernels = simd::kernels();
  for (i = kernels.next_lookalike(p, i, n); i < n && !may_be_lookalike(p, i, n); i = kernels.next_lookalike(p, i + 1, n)) {
  }
  return i;
}

}  // namespace

bool fold_lookalikes(std::string_view text, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::string folded;  // the text up to `copied`, once a look-alike is found
  std::size_t copied = 0;
  char32_t door = 0;  // what ⼾ stands for on this page, once one is met
  for (std::size_t i = next_candidate(p, 0, n); i < n; i = next_candidate(p, i + 1, n)) {
    if (!may_be_lookalike(p, i, n)) continue;
    std::size_t next = i;
    const char32_t c = unicode::next(text, next);
    if (folded.empty()) folded.reserve(n + 16);
    const std::size_t size = folded.size();
    folded.append(text.substr(copied, i - copied));
    if (c == kDoorRadical) {
      if (door == 0) door = set_in_traditional(text) ? kDoorTraditional : kDoorSimplified;
      unicode::append(folded, door);
    } else if (!append_replacement(c, folded)) {
      folded.resize(size);
      continue;
    }
    copied = next;
    i = next - 1;
  }
  if (copied == 0) return false;
  folded.append(text.substr(copied));
  out = std::move(folded);
  return true;
}

}  // namespace newsplit
