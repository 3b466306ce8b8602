#include "text/utf8.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ocrlint {
namespace {

void ExpectSameDecoding(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Decoded full = DecodeUtf8(text, i);
    const Decoded fast = DecodeUtf8Fast(text, i);
    EXPECT_EQ(fast.code_point, full.code_point) << "forward at " << i;
    EXPECT_EQ(fast.length, full.length) << "forward at " << i;
  }
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const Decoded full = DecodeUtf8Before(text, i);
    const Decoded fast = DecodeUtf8BeforeFast(text, i);
    EXPECT_EQ(fast.code_point, full.code_point) << "backward at " << i;
    EXPECT_EQ(fast.length, full.length) << "backward at " << i;
  }
}

TEST(Utf8Test, FastDecodersDecodeChineseText) {
  const std::string text = "中小學生，2024年“返乡”创业。a\xEF\xBC\x8C\xF0\x9F\x98\x80";
  EXPECT_EQ(DecodeUtf8Fast(text, 0).code_point, U'中');
  EXPECT_EQ(DecodeUtf8BeforeFast(text, 3).code_point, U'中');
  ExpectSameDecoding(text);
}

// Every lead byte of a three-byte sequence with continuation bytes at and around the
// edges of their ranges (overlongs after E0, surrogates after ED, truncated and invalid
// sequences): the fast decoders give exactly what the full ones give.
TEST(Utf8Test, FastDecodersAgreeWithTheFullDecodersOnEveryThreeByteShape) {
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF};
  for (int lead = 0xC0; lead <= 0xFF; ++lead) {
    for (const unsigned char b1 : edges) {
      for (const unsigned char b2 : edges) {
        std::string text = "a";
        text.push_back(static_cast<char>(lead));
        text.push_back(static_cast<char>(b1));
        text.push_back(static_cast<char>(b2));
        ExpectSameDecoding(text);
        ExpectSameDecoding(text.substr(1));
        ExpectSameDecoding(text.substr(0, 3));
      }
    }
  }
}

}  // namespace
}  // namespace ocrlint
