#include "text/char_class.h"

#include <gtest/gtest.h>

namespace ocrlint {
namespace {

TEST(CharClassTest, Han) {
  EXPECT_TRUE(IsHan(U'中'));
  EXPECT_TRUE(IsHan(U'\u3400'));      // extension A
  EXPECT_TRUE(IsHan(U'\U00020000'));  // extension B
  EXPECT_TRUE(IsHan(U'\U00031350'));  // extension H
  EXPECT_TRUE(IsHan(U'\uF900'));      // compatibility ideograph
  EXPECT_TRUE(IsHan(U'\u3007'));      // 〇 as in 二〇二四
  EXPECT_FALSE(IsHan(U'\u2F08'));     // Kangxi radical
  EXPECT_FALSE(IsHan(U'\u3002'));     // 。
  EXPECT_FALSE(IsHan(U'a'));
  EXPECT_FALSE(IsHan(U'\u3042'));  // あ
}

TEST(CharClassTest, CjkPunctuation) {
  for (char32_t c : {U'，', U'。', U'、', U'「', U'》', U'！', U'：', U'\u2018', U'\u201D',
                     U'\u2014', U'\u2026', U'\u00B7', U'\uFF65', U'\uFE41'}) {
    EXPECT_TRUE(IsCjkPunctuation(c)) << std::hex << static_cast<unsigned>(c);
  }
  for (char32_t c :
       {U'\u3000', U'\u3005', U'\u3007', U'\uFF10', U'\uFF21', U'\uFF41', U',', U'中', U'\u201E'}) {
    EXPECT_FALSE(IsCjkPunctuation(c)) << std::hex << static_cast<unsigned>(c);
  }
}

TEST(CharClassTest, FullwidthAlnum) {
  EXPECT_TRUE(IsFullwidthDigit(U'\uFF10'));
  EXPECT_TRUE(IsFullwidthDigit(U'\uFF19'));
  EXPECT_FALSE(IsFullwidthDigit(U'\uFF1A'));
  EXPECT_TRUE(IsFullwidthLetter(U'\uFF21'));
  EXPECT_TRUE(IsFullwidthLetter(U'\uFF5A'));
  EXPECT_FALSE(IsFullwidthLetter(U'\uFF40'));
  EXPECT_FALSE(IsFullwidthLetter(U'\uFF5B'));
  EXPECT_EQ(FullwidthToAscii(U'\uFF10'), '0');
  EXPECT_EQ(FullwidthToAscii(U'\uFF27'), 'G');
  EXPECT_EQ(FullwidthToAscii(U'\uFF5A'), 'z');
}

TEST(CharClassTest, KanaHangulLatin) {
  EXPECT_TRUE(IsKana(U'\u3042'));
  EXPECT_TRUE(IsKana(U'\u30AB'));
  EXPECT_TRUE(IsKana(U'\uFF76'));
  EXPECT_FALSE(IsKana(U'中'));
  EXPECT_TRUE(IsHangul(U'\uD55C'));
  EXPECT_FALSE(IsHangul(U'中'));
  EXPECT_TRUE(IsLatinLetter(U'a'));
  EXPECT_TRUE(IsLatinLetter(U'\u00E9'));  // é
  EXPECT_FALSE(IsLatinLetter(U'1'));
  EXPECT_FALSE(IsLatinLetter(U'\u03B1'));  // Greek alpha
  EXPECT_TRUE(IsAsciiDigit(U'7'));
  EXPECT_FALSE(IsAsciiDigit(U'\uFF17'));
}

TEST(CharClassTest, IcuBackedClasses) {
  EXPECT_TRUE(IsPunctuation(U'\u3002'));
  EXPECT_TRUE(IsPunctuation(U','));
  EXPECT_FALSE(IsPunctuation(U'中'));
  EXPECT_TRUE(IsWhiteSpace(U'\u3000'));
  EXPECT_FALSE(IsWhiteSpace(U'\u200B'));
  EXPECT_TRUE(IsExtendedPictographic(U'\U0001F600'));
  EXPECT_FALSE(IsExtendedPictographic(U'中'));
  EXPECT_TRUE(IsEmojiComponent(U'\U0001F3FB'));
  EXPECT_TRUE(IsEmojiComponent(U'\uFE0F'));
  EXPECT_FALSE(IsEmojiComponent(U'1'));
}

TEST(CharClassTest, DescribeCodePoint) {
  EXPECT_EQ(DescribeCodePoint(U'\u200B'), "U+200B ZERO WIDTH SPACE");
  EXPECT_EQ(DescribeCodePoint(U'\r'), "U+000D CARRIAGE RETURN");
  EXPECT_EQ(DescribeCodePoint(0x85), "U+0085 NEXT LINE");
  EXPECT_EQ(DescribeCodePoint(0x7F), "U+007F DELETE");
  EXPECT_EQ(DescribeCodePoint(U'\U0002F800'), "U+2F800 CJK COMPATIBILITY IDEOGRAPH-2F800");
}

TEST(ByteSetTest, FindsFirstMember) {
  constexpr ByteSet kSet = ByteSet({0xE2}).AddRange(0x00, 0x08);
  EXPECT_EQ(kSet.Find("abcdefgh\xE2", 0), 8u);
  EXPECT_EQ(kSet.Find("ab\x01", 0), 2u);
  EXPECT_EQ(kSet.Find("ab\x01", 3), 3u);
  EXPECT_EQ(kSet.Find("abcdefghij", 0), 10u);
  EXPECT_EQ(kSet.Find(std::string_view("\x01xxxxxxx\x02", 9), 1), 8u);
}

}  // namespace
}  // namespace ocrlint
