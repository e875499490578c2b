#include <gtest/gtest.h>

#include "newsplit/decode.hpp"

using newsplit::decode_all;
using newsplit::DecodeError;
using newsplit::Decoder;
using newsplit::encode;
using newsplit::Encoding;

namespace {

const std::string kText = "本报讯 （记者 杨铌紫）7月10日，首孔箱梁架设成功。\n西渝高铁“八纵八横”\n";
// Big5 has only traditional characters.
const std::string kTraditional = "本報訊 （記者 孫麗）7月5日，重慶夏季消費季正式啟動。\n社區商業是重要陣地。\n";

std::string decode(std::string_view bytes, Encoding e = Encoding::Auto, bool lossy = false, Encoding* used = nullptr,
                   std::optional<DecodeError>* err = nullptr) {
  std::optional<DecodeError> e2;
  std::string s = decode_all(bytes, e, lossy, err ? err : &e2, used);
  if (!err) {
    EXPECT_FALSE(e2.has_value()) << e2->message;
  }
  return s;
}

// Feeds the bytes in pieces of `step` bytes: results must not depend on where chunks end.
std::string decode_in_pieces(std::string_view bytes, std::size_t step, Encoding e = Encoding::Auto) {
  Decoder d(e, false);
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += step) EXPECT_TRUE(d.feed(bytes.substr(i, step), out));
  EXPECT_TRUE(d.finish(out));
  return out;
}

}  // namespace

TEST(Decode, PlainUtf8IsUnchanged) {
  Encoding used{};
  EXPECT_EQ(decode(kText, Encoding::Auto, false, &used), kText);
  EXPECT_EQ(used, Encoding::Utf8);
}

TEST(Decode, Utf8BomIsDropped) { EXPECT_EQ(decode("\xEF\xBB\xBF" + kText), kText); }

TEST(Decode, CrlfAndLoneCrBecomeLf) {
  EXPECT_EQ(decode("甲\r\n乙\r丙\n丁"), "甲\n乙\n丙\n丁");
  EXPECT_EQ(decode("\r\n\r\n"), "\n\n");
}

TEST(Decode, NoFinalNewlineIsFine) { EXPECT_EQ(decode("最后一行"), "最后一行"); }

TEST(Decode, ChunkBoundariesDoNotMatter) {
  const std::string crlf = "本报讯\r\n记者\r\n\r\n“八纵八横”\r";
  for (std::size_t step : {1u, 2u, 3u, 5u, 7u}) {
    EXPECT_EQ(decode_in_pieces(kText, step), kText) << step;
    EXPECT_EQ(decode_in_pieces(crlf, step), "本报讯\n记者\n\n“八纵八横”\n") << step;
    const std::string gb = encode(kText, Encoding::Gb18030);
    EXPECT_EQ(decode_in_pieces(gb, step, Encoding::Gb18030), kText) << step;
  }
}

// The reader hands over 64 KB to 1 MB at a time: a first chunk as big as the sample that
// detection looks at is detected where it lies, and must decode as the same bytes fed in
// small pieces do (held back until the sample is complete).
TEST(Decode, AFirstChunkBiggerThanTheSampleDecodesAsSmallPiecesDo) {
  std::string big;
  while (big.size() < 200 * 1024) big += kText + "\r\n";
  std::string want;
  for (std::size_t i = 0; i < big.size(); ++i)
    if (big[i] != '\r') want += big[i];
  for (Encoding e : {Encoding::Utf8, Encoding::Gb18030}) {
    const std::string bytes = e == Encoding::Utf8 ? big : encode(big, e);
    Decoder whole(Encoding::Auto, false);
    std::string out;
    ASSERT_TRUE(whole.feed(bytes, out));
    ASSERT_TRUE(whole.finish(out));
    EXPECT_EQ(whole.encoding(), e);
    EXPECT_EQ(out, want);
    EXPECT_EQ(decode_in_pieces(bytes, 4093), want);
  }
}

TEST(Decode, Gb18030IsDetectedAndDecoded) {
  const std::string bytes = encode(kText, Encoding::Gb18030);
  ASSERT_FALSE(bytes.empty());
  ASSERT_NE(bytes, kText);
  Encoding used{};
  EXPECT_EQ(decode(bytes, Encoding::Auto, false, &used), kText);
  EXPECT_EQ(used, Encoding::Gb18030);
  EXPECT_EQ(decode(bytes, Encoding::Gb18030), kText);
}

TEST(Decode, Big5IsDetectedAndDecoded) {
  const std::string bytes = encode(kTraditional, Encoding::Big5);
  ASSERT_FALSE(bytes.empty());
  Encoding used{};
  EXPECT_EQ(decode(bytes, Encoding::Auto, false, &used), kTraditional);
  EXPECT_EQ(used, Encoding::Big5);
  EXPECT_EQ(decode(bytes, Encoding::Big5), kTraditional);
}

TEST(Decode, Utf16WithBomIsDetectedAndDecoded) {
  for (Encoding e : {Encoding::Utf16le, Encoding::Utf16be}) {
    const std::string bytes = encode(kText, e, /*bom=*/true);
    ASSERT_GT(bytes.size(), 2u);
    Encoding used{};
    EXPECT_EQ(decode(bytes, Encoding::Auto, false, &used), kText);
    EXPECT_EQ(used, e);
    EXPECT_EQ(decode(bytes, e), kText);  // explicit: the BOM is still not text
    EXPECT_EQ(decode_in_pieces(bytes, 3), kText);
  }
}

TEST(Decode, Utf16CrlfBecomesLf) {
  const std::string bytes = encode("甲\r\n乙\r\n", Encoding::Utf16le, true);
  EXPECT_EQ(decode(bytes), "甲\n乙\n");
}

// A character split between two reads is completed from the next one; bad bytes at or
// across the seam are found at the same byte and replaced the same way as in one piece.
TEST(Decode, ChunkBoundariesDoNotMatterForBadBytes) {
  const std::string inputs[] = {"甲\xFF乙\xC3", "\xE4\xB8\xE4\xB8\xADx", "中\xE4\xB8\n文\xF0\x9F", "\xED\xA0\x80中",
                                "\xE4\xE4\xE4\xE4\xE4\xE4文", "\xF0\x9F\x98\x80\xF0\x9F\x98"};
  for (const std::string& in : inputs) {
    const std::string whole = decode_all(in, Encoding::Utf8, true);
    std::optional<DecodeError> whole_err;
    decode_all(in, Encoding::Utf8, false, &whole_err);
    ASSERT_TRUE(whole_err.has_value()) << in;
    for (std::size_t step = 1; step <= 7; ++step) {
      Decoder lossy(Encoding::Utf8, true), strict(Encoding::Utf8, false);
      std::string out, ignored;
      bool ok = true;
      for (std::size_t i = 0; i < in.size(); i += step) {
        EXPECT_TRUE(lossy.feed(std::string_view(in).substr(i, step), out));
        ok = ok && strict.feed(std::string_view(in).substr(i, step), ignored);
      }
      EXPECT_TRUE(lossy.finish(out));
      if (ok) {
        EXPECT_FALSE(strict.finish(ignored));
      }
      EXPECT_EQ(out, whole) << in << " step " << step;
      ASSERT_TRUE(strict.error().has_value()) << in << " step " << step;
      EXPECT_EQ(strict.error()->byte, whole_err->byte) << in << " step " << step;
      EXPECT_EQ(strict.error()->line, whole_err->line) << in << " step " << step;
    }
  }
}

TEST(Decode, InvalidUtf8IsAnErrorNamingLineAndByte) {
  const std::string bytes = "第一行\n第二行\xFF坏\n";
  std::optional<DecodeError> err;
  decode(bytes, Encoding::Utf8, false, nullptr, &err);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->line, 2u);
  EXPECT_EQ(err->byte, 19u);  // 9 bytes + LF + 9 bytes
  EXPECT_EQ(err->message, "invalid UTF-8 at byte 19");
}

TEST(Decode, TruncatedUtf8AtTheEndIsAnError) {
  std::optional<DecodeError> err;
  decode("完整\xE5\xAE", Encoding::Utf8, false, nullptr, &err);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte, 6u);
}

TEST(Decode, LossyReplacesInvalidBytes) {
  EXPECT_EQ(decode("甲\xFF乙\xC3", Encoding::Utf8, true), "甲\xEF\xBF\xBD乙\xEF\xBF\xBD");
  EXPECT_EQ(decode("\xED\xA0\x80", Encoding::Utf8, true), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(Decode, OverlongAndSurrogateSequencesAreInvalid) {
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    std::optional<DecodeError> err;
    decode(bad, Encoding::Utf8, false, nullptr, &err);
    EXPECT_TRUE(err.has_value()) << bad.size();
  }
}

TEST(Decode, InvalidBytesInGb18030AreAnErrorUnlessLossy) {
  std::string bytes = encode("甲乙", Encoding::Gb18030) + "\x81\x20" + encode("丙", Encoding::Gb18030);
  std::optional<DecodeError> err;
  decode(bytes, Encoding::Gb18030, false, nullptr, &err);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->message.rfind("invalid GB18030 at byte", 0), 0u) << err->message;
  const std::string lossy = decode(bytes, Encoding::Gb18030, true);
  EXPECT_EQ(lossy.substr(0, 6), "甲乙");
  EXPECT_NE(lossy.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Decode, EmptyInputGivesEmptyText) {
  EXPECT_EQ(decode(""), "");
  EXPECT_EQ(decode("\xEF\xBB\xBF"), "");
}

TEST(Decode, NulBytesAreText) {
  const std::string s("甲\0乙", 7);
  EXPECT_EQ(decode(s), s);
}

TEST(Decode, EncodingNames) {
  EXPECT_EQ(newsplit::parse_encoding("UTF-8"), Encoding::Utf8);
  EXPECT_EQ(newsplit::parse_encoding("gbk"), Encoding::Gb18030);
  EXPECT_EQ(newsplit::parse_encoding("big5"), Encoding::Big5);
  EXPECT_EQ(newsplit::parse_encoding("utf-16be"), Encoding::Utf16be);
  EXPECT_FALSE(newsplit::parse_encoding("latin1").has_value());
  EXPECT_EQ(newsplit::encoding_name(Encoding::Gb18030), "gb18030");
}
