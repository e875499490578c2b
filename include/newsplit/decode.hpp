// Decoding: the bytes of a page file in, clean UTF-8 text out.
// Archives come as UTF-8 (with or without BOM), GB18030/GBK, Big5 and UTF-16 with a BOM,
// with CRLF or lone CR line ends and sometimes no final newline. The decoder turns all of
// them into UTF-8 with LF line ends and no BOM, chunk by chunk, so a file of any size
// streams through in bounded memory.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace newsplit {

enum class Encoding { Auto, Utf8, Gb18030, Big5, Utf16le, Utf16be };

std::optional<Encoding> parse_encoding(std::string_view name);  // "utf-8", "gb18030", …
std::string_view encoding_name(Encoding e);                     // the name parse_encoding takes

// Guesses the encoding of the first bytes of a file: BOM, then valid UTF-8, then ICU's
// charset detector restricted to the encodings above. A whole file too short for the
// detector to be sure is read both as GB18030 and as Big5, and the reading whose characters
// form dictionary words wins; Auto when neither does clearly (the caller says it cannot
// tell). When `complete` is false the sample may end inside a character.
Encoding detect_encoding(std::string_view sample, bool complete);

// A sample of a file's first bytes that is mostly NUL or other control bytes, which no
// UTF-16 reading explains: a binary file (a sparse file, an image), not a page. Detection
// (Encoding::Auto) refuses it; an explicit encoding reads it anyway.
bool looks_binary(std::string_view sample);

struct DecodeError {
  std::uint64_t line = 0;  // 1-based line of the decoded text where the bad bytes stand (0: the whole file)
  std::uint64_t byte = 0;  // 0-based offset of the first bad byte in the input
  std::string message;     // "invalid UTF-8 at byte 17"
};

class Decoder {
 public:
  // Under `lossy`, bad bytes become U+FFFD; otherwise decoding stops at the first one.
  explicit Decoder(Encoding requested = Encoding::Auto, bool lossy = false);
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Appends the UTF-8 text of the next bytes of the input to `out`. Returns false after
  // an error (see error()); nothing more is decoded then.
  bool feed(std::string_view bytes, std::string& out);
  // Ends the input: flushes what was held back (detection sample, a pending CR, a
  // truncated character, which is an error unless lossy).
  bool finish(std::string& out);

  Encoding encoding() const { return encoding_; }  // Auto until detection has run
  const std::optional<DecodeError>& error() const { return error_; }

 private:
  struct Icu;
  bool detect_and_start(std::string_view data, bool complete, std::string& out);
  bool start_from_held(bool complete, std::string& out);  // detection on the bytes held back
  bool decode(std::string_view bytes, bool flush, std::string& out);
  bool decode_utf8(std::string_view bytes, bool flush, std::string& out);
  bool decode_utf8_piece(std::string_view data, bool flush, std::string& out);
  bool decode_icu(std::string_view bytes, bool flush, std::string& out);
  void emit(std::string_view utf8, std::string& out);  // BOM strip, CR/LF normalisation, line count
  bool fail(std::uint64_t byte_offset, std::string_view what);

  Encoding requested_;
  Encoding encoding_;
  bool lossy_;
  bool started_ = false;
  bool failed_ = false;
  bool at_start_ = true;       // no text emitted yet: a leading U+FEFF is a BOM
  bool pending_cr_ = false;    // a CR ended the last chunk: LF may follow
  std::string held_;           // bytes held back: detection sample or a split UTF-8 sequence
  std::uint64_t consumed_ = 0; // input bytes before held_
  std::uint64_t lines_ = 1;    // current line of the decoded text
  std::unique_ptr<Icu> icu_;
  std::optional<DecodeError> error_;
};

// Decodes a whole buffer at once (tests, small inputs). Throws nothing; see `error`.
std::string decode_all(std::string_view bytes, Encoding e, bool lossy, std::optional<DecodeError>* error = nullptr,
                       Encoding* used = nullptr);

// Encodes UTF-8 text into one of the encodings (tests, `-K` files written by other tools).
std::string encode(std::string_view utf8, Encoding e, bool bom = false);

}  // namespace newsplit
