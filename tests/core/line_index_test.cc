#include "core/line_index.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ocrlint {
namespace {

Position At(std::size_t line, std::size_t column, std::size_t utf16, std::size_t bytes) {
  return {line, column, utf16, bytes};
}

TEST(LineIndexTest, AsciiLines) {
  const std::string text = "ab\ncd\n";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 3u);
  EXPECT_EQ(index.LineRange(0), (ByteRange{0, 2}));
  EXPECT_EQ(index.LineRange(1), (ByteRange{3, 5}));
  EXPECT_EQ(index.LineRange(2), (ByteRange{6, 6}));
  EXPECT_EQ(index.Locate(0), At(0, 0, 0, 0));
  EXPECT_EQ(index.Locate(2), At(0, 2, 2, 2));  // the "\n" itself
  EXPECT_EQ(index.Locate(4), At(1, 1, 1, 1));
  EXPECT_EQ(index.Locate(6), At(2, 0, 0, 0));  // offset == size
  EXPECT_EQ(index.LineOf(5), 1u);
  EXPECT_EQ(index.LineOf(6), 2u);
}

TEST(LineIndexTest, CjkThreeByteCharacters) {
  const std::string text = "中文\n洛阳市";
  LineIndex index(text);
  EXPECT_EQ(index.Locate(3), At(0, 1, 1, 3));
  EXPECT_EQ(index.Locate(4), At(0, 1, 1, 3));  // inside 文 maps to its start
  EXPECT_EQ(index.Locate(13), At(1, 2, 2, 6));
  EXPECT_EQ(index.Locate(text.size()), At(1, 3, 3, 9));
}

TEST(LineIndexTest, AstralCharactersAreTwoUtf16Units) {
  const std::string text = "a\U0001F600b\U00020000c";  // 😀 and CJK Extension B 𠀀
  LineIndex index(text);
  EXPECT_EQ(index.Locate(1), At(0, 1, 1, 1));
  EXPECT_EQ(index.Locate(5), At(0, 2, 3, 5));    // b
  EXPECT_EQ(index.Locate(10), At(0, 4, 6, 10));  // c
  EXPECT_EQ(index.OffsetFromUtf16(0, 3), 5u);
  EXPECT_EQ(index.OffsetFromUtf16(0, 6), 10u);
  // Between the surrogates of 😀: rounds to the following character.
  EXPECT_EQ(index.OffsetFromUtf16(0, 2), 5u);
  EXPECT_EQ(index.OffsetFromCodePoints(0, 4), 10u);
}

TEST(LineIndexTest, CrlfIsOneTerminatorAndLoneCrIsNot) {
  const std::string text = "ab\r\ncd\ref\r\n";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 3u);
  EXPECT_EQ(index.LineRange(0), (ByteRange{0, 2}));
  EXPECT_EQ(index.LineRange(1), (ByteRange{4, 9}));  // "cd\ref"
  EXPECT_EQ(index.LineRange(2), (ByteRange{11, 11}));
  EXPECT_EQ(index.Locate(7), At(1, 3, 3, 3));  // e, after the lone CR
}

TEST(LineIndexTest, BomIsNotCountedInColumns) {
  const std::string text = "\xEF\xBB\xBF中a\nb";
  LineIndex index(text);
  EXPECT_EQ(index.LineRange(0), (ByteRange{0, 7}));
  EXPECT_EQ(index.Locate(0), At(0, 0, 0, 0));
  EXPECT_EQ(index.Locate(3), At(0, 0, 0, 0));
  EXPECT_EQ(index.Locate(6), At(0, 1, 1, 3));
  EXPECT_EQ(index.Locate(8), At(1, 0, 0, 0));
  EXPECT_EQ(index.OffsetFromCodePoints(0, 0), 3u);
  EXPECT_EQ(index.OffsetFromBytes(0, 3), 6u);
  EXPECT_EQ(index.OffsetFromUtf16(0, 1), 6u);
}

TEST(LineIndexTest, EmptyText) {
  LineIndex index(std::string_view{});
  ASSERT_EQ(index.line_count(), 1u);
  EXPECT_EQ(index.LineRange(0), (ByteRange{0, 0}));
  EXPECT_EQ(index.Locate(0), At(0, 0, 0, 0));
  EXPECT_EQ(index.OffsetFromUtf16(0, 5), 0u);
  EXPECT_EQ(index.OffsetFromCodePoints(3, 0), 0u);
}

TEST(LineIndexTest, InverseMapsClamp) {
  const std::string text = "中文\nab";
  LineIndex index(text);
  EXPECT_EQ(index.OffsetFromCodePoints(0, 1), 3u);
  EXPECT_EQ(index.OffsetFromCodePoints(0, 9), 6u);  // clamps to the line end
  EXPECT_EQ(index.OffsetFromUtf16(1, 1), 8u);
  EXPECT_EQ(index.OffsetFromBytes(0, 4), 3u);  // inside 文: its start
  EXPECT_EQ(index.OffsetFromBytes(0, 99), 6u);
  EXPECT_EQ(index.OffsetFromBytes(5, 0), text.size());  // past the last line
}

TEST(LineIndexTest, LongSingleLineRoundTrips) {
  // 1 MB on one line mixing 1-, 3- and 4-byte characters.
  std::string text;
  const std::string unit = "a中\U0001F600";  // 8 bytes, 3 code points, 4 UTF-16 units
  while (text.size() < (1u << 20)) text += unit;
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 1u);
  const std::size_t units = text.size() / unit.size();
  for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{31}, std::size_t{32},
                        std::size_t{33}, units / 2, units - 1}) {
    const std::size_t offset = k * unit.size() + 4;  // the emoji of unit k
    EXPECT_EQ(index.Locate(offset), At(0, 3 * k + 2, 4 * k + 2, offset)) << k;
    EXPECT_EQ(index.Locate(offset + 3), At(0, 3 * k + 2, 4 * k + 2, offset)) << k;
    EXPECT_EQ(index.OffsetFromCodePoints(0, 3 * k + 2), offset) << k;
    EXPECT_EQ(index.OffsetFromUtf16(0, 4 * k + 2), offset) << k;
  }
  EXPECT_EQ(index.Locate(text.size()), At(0, 3 * units, 4 * units, text.size()));
}

// Locate against a byte-by-byte count, at every offset of texts that mix 1- to 4-byte
// characters, invalid bytes, CRLF and lines of every length: covers the vector scans'
// heads and tails, the checkpoint blocks and the short-column path.
TEST(LineIndexTest, LocateMatchesByteByByteCountAtEveryOffset) {
  const std::vector<std::string> pieces = {"a",    "\n", "\r\n", "中",    "\U0001F600", "\xFF",
                                           "\xBF", "é",  "\xF0", "ab cd", "洛阳市"};
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    std::string text = round % 5 == 0 ? "\xEF\xBB\xBF" : "";
    const std::size_t size = static_cast<std::size_t>(round) * round * 7 + random() % 40;
    const bool long_lines = round % 2 == 1;
    while (text.size() < size) {
      std::size_t piece = random() % pieces.size();
      if (long_lines && (piece == 1 || piece == 2) && random() % 8 != 0) piece = 3;
      text += pieces[piece];
    }
    const LineIndex index(text);
    Position expected;
    std::size_t line_start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      if (offset > 0 && text[offset - 1] == '\n') {
        expected = {expected.line + 1, 0, 0, 0};
        line_start = offset;
      } else if (offset > line_start) {
        const auto byte = static_cast<unsigned char>(text[offset - 1]);
        expected.byte_column = offset - line_start;
        if ((byte & 0xC0) != 0x80) {
          ++expected.column;
          expected.utf16_column += byte >= 0xF0 ? 2 : 1;
        }
      }
      // Offsets inside a character map to its start: compare at character starts only.
      if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
        continue;
      }
      if (offset < line_start) continue;  // inside the BOM
      ASSERT_EQ(index.Locate(offset), expected) << "round " << round << " offset " << offset;
    }
  }
}

// LocateFrom against Locate for pairs of offsets near and far, before and after, on one
// line and across lines (and the BOM), in long and short lines.
TEST(LineIndexTest, LocateFromMatchesLocate) {
  std::string text = "\xEF\xBB\xBF";
  std::mt19937 random(11);
  const std::vector<std::string> pieces = {"a", "中", "\U0001F600", "\xFF", "\n", "\r\n"};
  while (text.size() < 5000) {
    std::size_t piece = random() % pieces.size();
    if (piece >= 4 && random() % 6 != 0) piece = 1;  // mostly long lines
    text += pieces[piece];
  }
  const LineIndex index(text);
  for (int round = 0; round < 20000; ++round) {
    const std::size_t from_offset = random() % (text.size() + 1);
    const std::size_t distance = random() % 2 == 0 ? random() % 400 : random() % text.size();
    const std::size_t offset = random() % 4 == 0 ? from_offset - std::min(from_offset, distance)
                                                 : std::min(text.size(), from_offset + distance);
    const Position from = index.Locate(from_offset);
    ASSERT_EQ(index.LocateFrom(from, offset), index.Locate(offset))
        << from_offset << " -> " << offset;
  }
  EXPECT_EQ(index.LocateFrom(index.Locate(0), 0), index.Locate(0));
  EXPECT_EQ(index.LocateFrom(index.Locate(1), 7), index.Locate(7));  // from inside the BOM
  EXPECT_EQ(index.LocateFrom(index.Locate(0), text.size()), index.Locate(text.size()));
}

}  // namespace
}  // namespace ocrlint
