#include "newsplit/decode.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include "newsplit/unicode.hpp"

namespace newsplit {

namespace {

// How much of an input auto-detection looks at before it decides.
constexpr std::size_t kDetectSample = 64 * 1024;
// A page is enough to decide on: a form feed after this many bytes ends the sample, so that
// pages fed through a pipe one at a time are read as they come.
constexpr std::size_t kPageSample = 4 * 1024;

// Where the detection sample of `data` ends: after the first form feed past kPageSample, at
// kDetectSample, or npos when `data` is not yet enough.
std::size_t sample_end(std::string_view data) {
  if (data.size() > kPageSample)
    if (const std::size_t ff = data.find('\f', kPageSample); ff != std::string_view::npos && ff < kDetectSample) return ff + 1;
  return data.size() >= kDetectSample ? kDetectSample : std::string_view::npos;
}

// The encoding's name as ICU's converters know it, which is also how messages name it.
const char* icu_name(Encoding e) {
  switch (e) {
    case Encoding::Gb18030: return "GB18030";
    case Encoding::Big5: return "Big5";
    case Encoding::Utf16le: return "UTF-16LE";
    case Encoding::Utf16be: return "UTF-16BE";
    default: return "UTF-8";
  }
}

constexpr std::size_t kMaxUtf8 = 4;  // bytes in the longest UTF-8 sequence

// Length of an incomplete UTF-8 sequence at the end of s (0 when s ends on a boundary).
std::size_t incomplete_tail(std::string_view s) {
  const std::size_t n = s.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto b = static_cast<unsigned char>(s[n - back]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string n = unicode::ascii_lower(name);
  if (n == "auto") return Encoding::Auto;
  if (n == "utf-8" || n == "utf8") return Encoding::Utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312") return Encoding::Gb18030;
  if (n == "big5") return Encoding::Big5;
  if (n == "utf-16le" || n == "utf16le") return Encoding::Utf16le;
  if (n == "utf-16be" || n == "utf16be") return Encoding::Utf16be;
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Auto: return "auto";
    case Encoding::Utf8: return "utf-8";
    case Encoding::Gb18030: return "gb18030";
    case Encoding::Big5: return "big5";
    case Encoding::Utf16le: return "utf-16le";
    case Encoding::Utf16be: return "utf-16be";
  }
  return "auto";
}

namespace {

// Control bytes, which text has hardly any of: C0 but the layout ones (tab, line ends, vertical
// tab, form feed), and DEL.
bool is_control(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r') || b == 0x7f;
}
std::size_t count_controls(std::string_view s) {
  return unicode::count_bytes(s, 0x00, 0x08) + unicode::count_bytes(s, 0x0E, 0x1F) + unicode::count_bytes(s, 0x7F, 0x7F);
}

// UTF-16 of Latin text without a BOM: a NUL in nearly every byte of one parity, hardly a
// control byte in the other. The parity of the NULs (1: every second byte), or -1.
int utf16_nul_parity(std::string_view sample) {
  const std::size_t half = sample.size() / 2;
  // Text in any other encoding has too few NULs for either parity (the NULs are counted a
  // vector at a time; most samples go here).
  if (unicode::count_bytes(sample, 0, 0) * 10 < half * 9) return -1;
  std::size_t nul[2] = {0, 0}, control[2] = {0, 0};
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b == 0) ++nul[i % 2];
    else if (is_control(b)) ++control[i % 2];
  }
  if (half == 0) return -1;
  for (int p = 0; p < 2; ++p)
    if (nul[p] * 10 >= half * 9 && (nul[1 - p] + control[1 - p]) * 10 <= half) return p;
  return -1;
}

}  // namespace

bool looks_binary(std::string_view sample) {
  // Text, in any encoding newsplit reads, has hardly a control byte but its line ends; a
  // sparse file, an image or an archive has them everywhere.
  if (sample.starts_with("\xFF\xFE") || sample.starts_with("\xFE\xFF")) return false;
  return count_controls(sample) * 4 > sample.size() && utf16_nul_parity(sample) < 0;
}

namespace {

// ICU's detector is sure of a Chinese encoding from about this confidence; a line or two
// stays at 10 for every candidate.
constexpr int32_t kSureConfidence = 50;

// The text of `bytes` in `e`, empty when a byte sequence is invalid there.
std::optional<icu::UnicodeString> decode_strict(std::string_view bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(encoding, &status);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString out;
  const int32_t cap = static_cast<int32_t>(bytes.size()) + 1;
  UChar* buf = out.getBuffer(cap);
  const int32_t n = ucnv_toUChars(cnv, buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  out.releaseBuffer(U_SUCCESS(status) ? n : 0);
  ucnv_close(cnv);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

// The share of a text's Han characters that stand in words of two or more by ICU's
// dictionary: text in its own encoding reads as words, the other reading as a jumble of rare
// characters that form none.
double word_share(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) return 0;
  it->setText(text);
  int32_t han = 0, in_words = 0;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    int32_t chars = 0;
    bool all_han = true;
    for (int32_t k = start; k < end; k = text.moveIndex32(k, 1)) {
      const UChar32 c = text.char32At(k);
      if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) ++chars;
      else all_han = false;
    }
    han += chars;
    if (all_han && chars >= 2) in_words += chars;
  }
  return han == 0 ? 0 : static_cast<double>(in_words) / han;
}

// GB18030 or Big5 for a short sample, by which reads as words; Auto when neither does clearly.
Encoding choose_by_words(std::string_view sample) {
  constexpr double kReads = 0.3, kClearlyBetter = 0.2;
  const auto gb = decode_strict(sample, "GB18030"), big5 = decode_strict(sample, "Big5");
  if (gb && !big5) return Encoding::Gb18030;
  if (big5 && !gb) return Encoding::Big5;
  if (!gb && !big5) return Encoding::Gb18030;  // neither is clean: decoding says where it breaks
  const double g = word_share(*gb), b = word_share(*big5);
  if (g >= kReads && g - b >= kClearlyBetter) return Encoding::Gb18030;
  if (b >= kReads && b - g >= kClearlyBetter) return Encoding::Big5;
  return Encoding::Auto;
}

}  // namespace

Encoding detect_encoding(std::string_view s, bool complete) {
  if (s.starts_with("\xEF\xBB\xBF")) return Encoding::Utf8;
  if (s.starts_with("\xFF\xFE")) return Encoding::Utf16le;
  if (s.starts_with("\xFE\xFF")) return Encoding::Utf16be;
  // NULs are valid UTF-8, so UTF-16 of Latin text is told by where they stand first.
  if (const int p = utf16_nul_parity(s); p >= 0) return p == 1 ? Encoding::Utf16le : Encoding::Utf16be;
  if (unicode::valid_utf8(s, nullptr, !complete)) return Encoding::Utf8;

  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return Encoding::Gb18030;
  ucsdet_setText(det, s.data(), static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX)), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &status);
  Encoding result = Encoding::Gb18030;  // the usual encoding of mainland archives
  int32_t confidence = 0;
  // UTF-16 without a BOM always holds NUL bytes (its line ends are 0A 00): without any,
  // a short sample that the detector calls UTF-16 is something else.
  const bool has_nul = s.find('\0') != std::string_view::npos;
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    UErrorCode st = U_ZERO_ERROR;
    const std::string_view name = ucsdet_getName(matches[i], &st);
    if (U_FAILURE(st)) continue;
    if (name.starts_with("UTF-16") && !has_nul) continue;
    if (name == "GB18030" || name == "Big5") confidence = ucsdet_getConfidence(matches[i], &st);
    if (name == "GB18030") { result = Encoding::Gb18030; break; }
    if (name == "Big5") { result = Encoding::Big5; break; }
    if (name == "UTF-16LE") { result = Encoding::Utf16le; break; }
    if (name == "UTF-16BE") { result = Encoding::Utf16be; break; }
    if (name == "UTF-8") { result = Encoding::Utf8; break; }
  }
  ucsdet_close(det);
  // A few lines give the detector nothing to go on: the two Chinese encodings are read by
  // their words instead, and where neither reads clearly the answer is "cannot tell".
  if (complete && (result == Encoding::Gb18030 || result == Encoding::Big5) && confidence < kSureConfidence)
    return choose_by_words(s);
  return result;
}

struct Decoder::Icu {
  UConverter* cnv = nullptr;
  std::vector<UChar> buf = std::vector<UChar>(32 * 1024);
  UChar pending_lead = 0;  // a lead surrogate that ended the last buffer
  ~Icu() {
    if (cnv) ucnv_close(cnv);
  }
};

Decoder::Decoder(Encoding requested, bool lossy) : requested_(requested), encoding_(requested), lossy_(lossy) {}
Decoder::~Decoder() = default;

bool Decoder::fail(std::uint64_t byte_offset, std::string_view what) {
  failed_ = true;
  error_ = DecodeError{lines_, byte_offset, fmt::format("invalid {} at byte {}", what, byte_offset)};
  return false;
}

void Decoder::emit(std::string_view s, std::string& out) {
  if (at_start_ && !s.empty()) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);  // the BOM is not text
    at_start_ = false;
  }
  if (pending_cr_ && !s.empty()) {
    if (s.front() == '\n') s.remove_prefix(1);  // CRLF split across chunks: its LF is already out
    pending_cr_ = false;
  }
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const void* cr = std::memchr(p, '\r', static_cast<std::size_t>(end - p));
    const char* stop = cr ? static_cast<const char*>(cr) : end;
    lines_ += unicode::count_newlines(std::string_view(p, static_cast<std::size_t>(stop - p)));
    out.append(p, stop);
    if (!cr) break;
    out.push_back('\n');  // CR and CRLF both end a line
    ++lines_;
    p = stop + 1;
    if (p == end) pending_cr_ = true;
    else if (*p == '\n') ++p;
  }
}

bool Decoder::detect_and_start(std::string_view data, bool complete, std::string& out) {
  if (encoding_ == Encoding::Auto) {
    // The sample is what detection looks at; a larger first chunk is not read twice.
    const std::string_view sample = data.substr(0, std::min(sample_end(data), data.size()));
    if (looks_binary(sample)) {
      failed_ = true;
      error_ = DecodeError{0, 0, "binary file, skipped (give --encoding to read it as text)"};
      return false;
    }
    encoding_ = detect_encoding(sample, complete && sample.size() == data.size());
    if (encoding_ == Encoding::Auto) {
      failed_ = true;
      error_ = DecodeError{0, 0, "cannot tell the encoding (GB18030 and Big5 both read it); give --encoding gb18030 or --encoding big5"};
      return false;
    }
  }
  started_ = true;
  if (encoding_ != Encoding::Utf8) {
    icu_ = std::make_unique<Icu>();
    UErrorCode status = U_ZERO_ERROR;
    icu_->cnv = ucnv_open(icu_name(encoding_), &status);
    if (U_FAILURE(status)) {
      failed_ = true;
      error_ = DecodeError{1, 0, fmt::format("cannot open the {} converter ({})", icu_name(encoding_), u_errorName(status))};
      return false;
    }
    if (lossy_) ucnv_setToUCallBack(icu_->cnv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
    else ucnv_setToUCallBack(icu_->cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  return decode(data, complete, out);
}

bool Decoder::feed(std::string_view bytes, std::string& out) {
  if (failed_) return false;
  if (!started_) {
    // A first chunk as big as the sample is looked at where it lies; smaller ones are held
    // back until the sample is complete.
    if (held_.empty() && (requested_ != Encoding::Auto || sample_end(bytes) != std::string_view::npos))
      return detect_and_start(bytes, false, out);
    held_.append(bytes);
    if (requested_ == Encoding::Auto && sample_end(held_) == std::string_view::npos) return true;
    return start_from_held(false, out);
  }
  return decode(bytes, false, out);
}

bool Decoder::start_from_held(bool complete, std::string& out) {
  const std::string sample = std::move(held_);
  held_.clear();  // from here on it holds only a UTF-8 sequence split by a chunk's end
  return detect_and_start(sample, complete, out);
}

bool Decoder::finish(std::string& out) {
  if (failed_) return false;
  if (!started_) return start_from_held(true, out);
  return decode({}, true, out);
}

bool Decoder::decode(std::string_view bytes, bool flush, std::string& out) {
  return encoding_ == Encoding::Utf8 ? decode_utf8(bytes, flush, out) : decode_icu(bytes, flush, out);
}

bool Decoder::decode_utf8(std::string_view bytes, bool flush, std::string& out) {
  // A character split by the chunk boundary is completed from the next few bytes, so the
  // chunk itself is never copied to be joined to it.
  while (!held_.empty() && (!bytes.empty() || flush)) {
    std::string head = std::move(held_);
    held_.clear();
    const std::size_t k = std::min(bytes.size(), kMaxUtf8 - head.size());
    head.append(bytes.substr(0, k));
    bytes.remove_prefix(k);
    if (!decode_utf8_piece(head, flush && bytes.empty(), out)) return false;
    if (bytes.empty()) return true;
  }
  return bytes.empty() || decode_utf8_piece(bytes, flush, out);
}

bool Decoder::decode_utf8_piece(std::string_view data, bool flush, std::string& out) {
  std::uint64_t base = consumed_;
  while (!data.empty()) {
    std::size_t bad = 0;
    if (unicode::valid_utf8(data, &bad, !flush)) {
      const std::size_t tail = flush ? 0 : incomplete_tail(data);
      emit(data.substr(0, data.size() - tail), out);
      held_.assign(data.substr(data.size() - tail));
      consumed_ = base + (data.size() - tail);
      return true;
    }
    emit(data.substr(0, bad), out);
    if (!lossy_) return fail(base + bad, "UTF-8");
    emit("\xEF\xBF\xBD", out);  // U+FFFD for the bad byte, then go on after it
    data.remove_prefix(bad + 1);
    base += bad + 1;
  }
  consumed_ = base;
  return true;
}

bool Decoder::decode_icu(std::string_view bytes, bool flush, std::string& out) {
  Icu& icu = *icu_;
  const char* src = bytes.data();
  const char* const src_end = src + bytes.size();
  std::string utf8;
  for (;;) {
    UChar* target = icu.buf.data();
    UChar* const target_end = target + icu.buf.size();
    const char* const before = src;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(icu.cnv, &target, target_end, &src, src_end, nullptr, flush, &status);
    // UTF-16 to UTF-8, holding a lead surrogate that the buffer split from its trail.
    utf8.clear();
    for (const UChar* p = icu.buf.data(); p < target; ++p) {
      char32_t c = *p;
      if (icu.pending_lead) {
        if (U16_IS_TRAIL(c)) c = U16_GET_SUPPLEMENTARY(icu.pending_lead, c);
        else unicode::append(utf8, 0xFFFD);
        icu.pending_lead = 0;
        if (c > 0xFFFF) { unicode::append(utf8, c); continue; }
      }
      if (U16_IS_LEAD(c)) { icu.pending_lead = static_cast<UChar>(c); continue; }
      if (U16_IS_TRAIL(c)) c = 0xFFFD;
      unicode::append(utf8, c);
    }
    emit(utf8, out);
    consumed_ += static_cast<std::uint64_t>(src - before);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t len = sizeof invalid;
      UErrorCode st = U_ZERO_ERROR;
      ucnv_getInvalidChars(icu.cnv, invalid, &len, &st);
      const std::uint64_t at = consumed_ - static_cast<std::uint64_t>(U_SUCCESS(st) ? std::max<int8_t>(len, 0) : 0);
      return fail(at, icu_name(encoding_));
    }
    break;
  }
  if (flush && icu.pending_lead) {
    icu.pending_lead = 0;
    if (!lossy_) return fail(consumed_, icu_name(encoding_));
    emit("\xEF\xBF\xBD", out);
  }
  return true;
}

std::string decode_all(std::string_view bytes, Encoding e, bool lossy, std::optional<DecodeError>* error,
                       Encoding* used) {
  Decoder d(e, lossy);
  std::string out;
  if (d.feed(bytes, out)) d.finish(out);
  if (error) *error = d.error();
  if (used) *used = d.encoding();
  return out;
}

std::string encode(std::string_view utf8, Encoding e, bool bom) {
  std::string text;
  if (bom) text = "\xEF\xBB\xBF";
  text.append(utf8);
  if (e == Encoding::Utf8 || e == Encoding::Auto) return text;
  UErrorCode status = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(icu_name(e), "UTF-8", out.data(), static_cast<int32_t>(out.size()), text.data(),
                                 static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace newsplit
