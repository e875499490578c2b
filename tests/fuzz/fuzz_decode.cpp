// Decoding under every encoding option: never crashes, always gives valid UTF-8 with LF
// line ends, and feeding the input in pieces gives the same text as feeding it whole.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsplit/decode.hpp"
#include "newsplit/unicode.hpp"

using newsplit::Encoding;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr Encoding kEncodings[] = {Encoding::Auto,    Encoding::Utf8,    Encoding::Gb18030,
                                            Encoding::Big5,    Encoding::Utf16le, Encoding::Utf16be};
  const Encoding e = kEncodings[data[0] % 6];
  const bool lossy = data[0] & 0x80;
  const std::size_t step = 1 + (data[0] >> 3 & 7);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  std::optional<newsplit::DecodeError> err;
  const std::string whole = newsplit::decode_all(bytes, e, lossy, &err);
  if (!newsplit::unicode::valid_utf8(whole)) std::abort();
  if (whole.find('\r') != std::string::npos) std::abort();
  // Lossy decoding never fails, but detection may refuse a whole file (binary, or an encoding
  // it cannot tell) before decoding starts: that error names no line.
  if (lossy && err && !(e == Encoding::Auto && err->line == 0)) std::abort();

  newsplit::Decoder d(e, lossy);
  std::string pieces;
  bool ok = true;
  for (std::size_t i = 0; i < bytes.size() && ok; i += step) ok = d.feed(bytes.substr(i, step), pieces);
  if (ok) ok = d.finish(pieces);
  // Auto detection looks at a sample; fed in pieces it sees the same sample, so the same text.
  if (ok != !err.has_value()) std::abort();
  if (ok && pieces != whole) std::abort();
  return 0;
}
